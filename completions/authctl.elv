
use builtin;
use str;

set edit:completion:arg-completer[authctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'authctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'authctl'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand register 'Create a user'
            cand login 'Check a password, open a session and print its id'
            cand whoami 'Print the email of the session''s user'
            cand logout 'End the session (or all of its user''s) and forget the saved one'
            cand reset-password 'Issue a reset token, or set a new password with one'
            cand users 'List, show, delete, disable, enable, import and export users'
            cand sessions 'List or revoke live sessions'
            cand throttle 'List or clear the brute-force defence''s counters'
            cand blocklist 'Manage the database''s list of passwords nobody may choose'
            cand audit 'Who did what: the audit log, filtered, followed or pruned'
            cand doctor 'Check the installation: database, file modes, bcrypt cost, saved sessions'
            cand completions 'Print a shell completion script'
            cand serve 'Run the HTTP service'
            cand man 'Print a man page, or write them all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;register'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --password-stdin 'Read the password from the first line of stdin instead of prompting'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;login'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --password-stdin 'Read the password from the first line of stdin instead of prompting'
            cand --no-save 'Print the session id without saving it for whoami and logout'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;whoami'= {
            cand --session 'Session id to use [default: the one `login` saved]'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;logout'= {
            cand --session 'Session id to use [default: the one `login` saved]'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --all 'End every session of the session''s user, not just this one'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;reset-password'= {
            cand --token 'A reset token from the first step; sets a new password with it'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --password-stdin 'Read the new password from the first line of stdin instead of prompting'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand create 'Create a user (the same as `authctl register`)'
            cand list 'Show users as a table (id, email, sessions, created, status)'
            cand show 'Show one user'
            cand delete 'Delete a user with its sessions (asks first on a terminal)'
            cand disable 'Stop a user from logging in or resetting, and end its sessions'
            cand enable 'Let a disabled user log in again'
            cand set-password 'Set a user''s password as an operator; ends its sessions'
            cand unlock 'Release a user locked (or made to wait) after failed logins'
            cand import 'Create many users from a CSV or JSONL file, all or nothing'
            cand export 'Write every user with its password hash, in the format import reads'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;users;create'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --password-stdin 'Read the password from the first line of stdin instead of prompting'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users;list'= {
            cand --status 'Only users with this status'
            cand --filter 'Only users whose email contains TEXT (case-insensitively)'
            cand --limit 'At most N users, the oldest first'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users;show'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users;delete'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users;disable'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users;enable'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users;set-password'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --password-stdin 'Read the new password from the first line of stdin instead of prompting'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users;unlock'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users;import'= {
            cand --format 'Input format [default: jsonl for .jsonl/.ndjson files, else csv]'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --skip-existing 'Skip rows whose email already exists instead of importing nothing'
            cand --dry-run 'Check everything and report, but write nothing'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users;export'= {
            cand --format 'Output format [default: from the --output name, else csv]'
            cand -o 'Write to this file (mode 0600) instead of stdout'
            cand --output 'Write to this file (mode 0600) instead of stdout'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;users;help'= {
            cand create 'Create a user (the same as `authctl register`)'
            cand list 'Show users as a table (id, email, sessions, created, status)'
            cand show 'Show one user'
            cand delete 'Delete a user with its sessions (asks first on a terminal)'
            cand disable 'Stop a user from logging in or resetting, and end its sessions'
            cand enable 'Let a disabled user log in again'
            cand set-password 'Set a user''s password as an operator; ends its sessions'
            cand unlock 'Release a user locked (or made to wait) after failed logins'
            cand import 'Create many users from a CSV or JSONL file, all or nothing'
            cand export 'Write every user with its password hash, in the format import reads'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;users;help;create'= {
        }
        &'authctl;users;help;list'= {
        }
        &'authctl;users;help;show'= {
        }
        &'authctl;users;help;delete'= {
        }
        &'authctl;users;help;disable'= {
        }
        &'authctl;users;help;enable'= {
        }
        &'authctl;users;help;set-password'= {
        }
        &'authctl;users;help;unlock'= {
        }
        &'authctl;users;help;import'= {
        }
        &'authctl;users;help;export'= {
        }
        &'authctl;users;help;help'= {
        }
        &'authctl;sessions'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Show live sessions (row id and digest prefix, never the token)'
            cand revoke 'End every session of a user, or one session by its id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;sessions;list'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;sessions;revoke'= {
            cand --id 'End only the session with this id (from `sessions list`)'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;sessions;help'= {
            cand list 'Show live sessions (row id and digest prefix, never the token)'
            cand revoke 'End every session of a user, or one session by its id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;sessions;help;list'= {
        }
        &'authctl;sessions;help;revoke'= {
        }
        &'authctl;sessions;help;help'= {
        }
        &'authctl;throttle'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Show the live counters: accounts with failed logins, clients with failures, accounts with reset requests'
            cand clear 'Forget counters: one client''s, one account''s, or all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;throttle;list'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;throttle;clear'= {
            cand --ip 'A client address, or an IPv6 /64 as `throttle list` shows it'
            cand --account 'An email: its failed-login and reset-request counts'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --all 'Every counter'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;throttle;help'= {
            cand list 'Show the live counters: accounts with failed logins, clients with failures, accounts with reset requests'
            cand clear 'Forget counters: one client''s, one account''s, or all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;throttle;help;list'= {
        }
        &'authctl;throttle;help;clear'= {
        }
        &'authctl;throttle;help;help'= {
        }
        &'authctl;blocklist'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand import 'Add the words of a file, one a line, to the database''s blocklist'
            cand list 'Print the database''s blocklist, one word a line'
            cand remove 'Take words off the database''s blocklist, all or none'
            cand count 'Print how many words the database''s blocklist holds'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;blocklist;import'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;blocklist;list'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;blocklist;remove'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --ignore-missing 'Remove the words that are listed and ignore the others'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;blocklist;count'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;blocklist;help'= {
            cand import 'Add the words of a file, one a line, to the database''s blocklist'
            cand list 'Print the database''s blocklist, one word a line'
            cand remove 'Take words off the database''s blocklist, all or none'
            cand count 'Print how many words the database''s blocklist holds'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;blocklist;help;import'= {
        }
        &'authctl;blocklist;help;list'= {
        }
        &'authctl;blocklist;help;remove'= {
        }
        &'authctl;blocklist;help;count'= {
        }
        &'authctl;blocklist;help;help'= {
        }
        &'authctl;audit'= {
            cand --since 'Events at or after this: a time (2026-12-01, 2026-12-01T09:30:00Z) or a duration ago (30m, 24h, 7d)'
            cand --until 'Events before this (a time, or a duration ago)'
            cand --user 'Events about this account (kept after it is deleted)'
            cand --event 'Only these events, comma-separated'
            cand --outcome 'Only successes or only failures'
            cand --ip 'Events from this client address (HTTP)'
            cand --source 'Only from the command line or only over HTTP'
            cand --limit 'At most N events, newest first [default: 100; with --follow, 10 shown before the new ones]'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand -f 'Keep printing events as they commit, from any process, until Ctrl-C or a closed pipe (with --json: one object a line)'
            cand --follow 'Keep printing events as they commit, from any process, until Ctrl-C or a closed pipe (with --json: one object a line)'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand prune 'Delete events older than the retention (--audit-retention, 90d by default) or --before, in short batches'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;audit;prune'= {
            cand --before 'Delete events before this: a time or a duration ago [default: the retention]'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --dry-run 'Only count what would go'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;audit;help'= {
            cand prune 'Delete events older than the retention (--audit-retention, 90d by default) or --before, in short batches'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;audit;help;prune'= {
        }
        &'authctl;audit;help;help'= {
        }
        &'authctl;doctor'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;completions'= {
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;serve'= {
            cand --bind 'Address or host name, and port, to listen on (port 0 picks a free one); a name is served on every address it resolves to'
            cand --reset-hook 'Command that receives the email and reset token on stdin, instead of the HTTP response carrying the token'
            cand --idle-timeout 'Close a connection that has not sent a complete request head this long after connecting or after its last answer (slow or idle clients)'
            cand --max-connections 'Most connections open at once (lowered to fit the file limit); at the cap a new client replaces the longest-idle connection'
            cand --trusted-origin 'A site (scheme://host[:port]) whose pages may log users in and out through a browser, besides this server''s own; repeatable'
            cand --metrics-bind 'Serve Prometheus metrics (GET /metrics) on this IP:PORT, a listener apart from --bind; off without it'
            cand --trusted-proxy 'A reverse proxy (address or CIDR) whose X-Forwarded-For names the client; repeatable. Without it the header is ignored'
            cand --client-max-failures 'Failed logins and reset-token uses from one client (IPv4 address, IPv6 /64) within --client-window that block it'
            cand --client-window 'The window a client''s failures are counted in'
            cand --client-block 'How long a client stays blocked'
            cand --device-max-failures 'Failures with one device cookie after which it no longer exempts its user''s logins from the account throttle'
            cand --device-ttl 'How long a device cookie lasts'
            cand --devices-per-user 'Known devices kept per user; a login from a new one forgets the oldest'
            cand --reset-requests-per-hour 'Most POST /reset_password per account per hour (each may run the reset hook)'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --secure-cookie 'Mark the session cookie Secure (serve behind HTTPS)'
            cand --insecure-reset-tokens-over-http 'Return reset tokens in HTTP responses even on a non-loopback address without --reset-hook: lets anyone who reaches the server take over any account'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;man'= {
            cand --out-dir 'Write every command''s page into DIR (created if missing) rather than print one'
            cand --db 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]'
            cand --bcrypt-cost 'bcrypt cost for new password hashes (4 is for tests only)'
            cand --min-password-length 'Fewest characters a new password may have (NIST SP 800-63B asks 15)'
            cand --session-ttl 'How long a session stays valid, e.g. 30m, 24h, 7d'
            cand --reset-ttl 'How long a reset token stays valid, e.g. 15m, 1h'
            cand --session-idle-timeout 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]'
            cand --max-sessions-per-user 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]'
            cand --audit-retention 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all'
            cand --login-free-attempts 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s'
            cand --login-max-delay 'Longest wait between attempts on one account'
            cand --login-lock-after 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)'
            cand --login-forget-after 'An account''s failure count is forgotten after this long without a failure (a lock is not)'
            cand --log-format 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]'
            cand --json 'Machine output: one JSON document on stdout; errors as JSON on stderr'
            cand --no-builtin-blocklist 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'authctl;help'= {
            cand register 'Create a user'
            cand login 'Check a password, open a session and print its id'
            cand whoami 'Print the email of the session''s user'
            cand logout 'End the session (or all of its user''s) and forget the saved one'
            cand reset-password 'Issue a reset token, or set a new password with one'
            cand users 'List, show, delete, disable, enable, import and export users'
            cand sessions 'List or revoke live sessions'
            cand throttle 'List or clear the brute-force defence''s counters'
            cand blocklist 'Manage the database''s list of passwords nobody may choose'
            cand audit 'Who did what: the audit log, filtered, followed or pruned'
            cand doctor 'Check the installation: database, file modes, bcrypt cost, saved sessions'
            cand completions 'Print a shell completion script'
            cand serve 'Run the HTTP service'
            cand man 'Print a man page, or write them all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;help;register'= {
        }
        &'authctl;help;login'= {
        }
        &'authctl;help;whoami'= {
        }
        &'authctl;help;logout'= {
        }
        &'authctl;help;reset-password'= {
        }
        &'authctl;help;users'= {
            cand create 'Create a user (the same as `authctl register`)'
            cand list 'Show users as a table (id, email, sessions, created, status)'
            cand show 'Show one user'
            cand delete 'Delete a user with its sessions (asks first on a terminal)'
            cand disable 'Stop a user from logging in or resetting, and end its sessions'
            cand enable 'Let a disabled user log in again'
            cand set-password 'Set a user''s password as an operator; ends its sessions'
            cand unlock 'Release a user locked (or made to wait) after failed logins'
            cand import 'Create many users from a CSV or JSONL file, all or nothing'
            cand export 'Write every user with its password hash, in the format import reads'
        }
        &'authctl;help;users;create'= {
        }
        &'authctl;help;users;list'= {
        }
        &'authctl;help;users;show'= {
        }
        &'authctl;help;users;delete'= {
        }
        &'authctl;help;users;disable'= {
        }
        &'authctl;help;users;enable'= {
        }
        &'authctl;help;users;set-password'= {
        }
        &'authctl;help;users;unlock'= {
        }
        &'authctl;help;users;import'= {
        }
        &'authctl;help;users;export'= {
        }
        &'authctl;help;sessions'= {
            cand list 'Show live sessions (row id and digest prefix, never the token)'
            cand revoke 'End every session of a user, or one session by its id'
        }
        &'authctl;help;sessions;list'= {
        }
        &'authctl;help;sessions;revoke'= {
        }
        &'authctl;help;throttle'= {
            cand list 'Show the live counters: accounts with failed logins, clients with failures, accounts with reset requests'
            cand clear 'Forget counters: one client''s, one account''s, or all'
        }
        &'authctl;help;throttle;list'= {
        }
        &'authctl;help;throttle;clear'= {
        }
        &'authctl;help;blocklist'= {
            cand import 'Add the words of a file, one a line, to the database''s blocklist'
            cand list 'Print the database''s blocklist, one word a line'
            cand remove 'Take words off the database''s blocklist, all or none'
            cand count 'Print how many words the database''s blocklist holds'
        }
        &'authctl;help;blocklist;import'= {
        }
        &'authctl;help;blocklist;list'= {
        }
        &'authctl;help;blocklist;remove'= {
        }
        &'authctl;help;blocklist;count'= {
        }
        &'authctl;help;audit'= {
            cand prune 'Delete events older than the retention (--audit-retention, 90d by default) or --before, in short batches'
        }
        &'authctl;help;audit;prune'= {
        }
        &'authctl;help;doctor'= {
        }
        &'authctl;help;completions'= {
        }
        &'authctl;help;serve'= {
        }
        &'authctl;help;man'= {
        }
        &'authctl;help;help'= {
        }
    ]
    $completions[$command]
}
