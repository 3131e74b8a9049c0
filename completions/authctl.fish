# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_authctl_global_optspecs
    string join \n db= json bcrypt-cost= min-password-length= session-ttl= reset-ttl= session-idle-timeout= max-sessions-per-user= audit-retention= login-free-attempts= login-max-delay= login-lock-after= login-forget-after= no-builtin-blocklist log-format= h/help V/version
end

function __fish_authctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_authctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_authctl_using_subcommand
    set -l cmd (__fish_authctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c authctl -n "__fish_authctl_needs_command" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_needs_command" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_needs_command" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_needs_command" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_needs_command" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_needs_command" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "register" -d 'Create a user'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "login" -d 'Check a password, open a session and print its id'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "whoami" -d 'Print the email of the session\'s user'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "logout" -d 'End the session (or all of its user\'s) and forget the saved one'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "reset-password" -d 'Issue a reset token, or set a new password with one'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "users" -d 'List, show, delete, disable, enable, import and export users'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "sessions" -d 'List or revoke live sessions'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "throttle" -d 'List or clear the brute-force defence\'s counters'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "blocklist" -d 'Manage the database\'s list of passwords nobody may choose'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "audit" -d 'Who did what: the audit log, filtered, followed or pruned'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "doctor" -d 'Check the installation: database, file modes, bcrypt cost, saved sessions'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "serve" -d 'Run the HTTP service'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "man" -d 'Print a man page, or write them all'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand register" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand register" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand register" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand register" -l password-stdin -d 'Read the password from the first line of stdin instead of prompting'
complete -c authctl -n "__fish_authctl_using_subcommand register" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand register" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand login" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand login" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand login" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand login" -l password-stdin -d 'Read the password from the first line of stdin instead of prompting'
complete -c authctl -n "__fish_authctl_using_subcommand login" -l no-save -d 'Print the session id without saving it for whoami and logout'
complete -c authctl -n "__fish_authctl_using_subcommand login" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand login" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l session -d 'Session id to use [default: the one `login` saved]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l session -d 'Session id to use [default: the one `login` saved]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l all -d 'End every session of the session\'s user, not just this one'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l token -d 'A reset token from the first step; sets a new password with it' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l password-stdin -d 'Read the new password from the first line of stdin instead of prompting'
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand reset-password" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "create" -d 'Create a user (the same as `authctl register`)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "list" -d 'Show users as a table (id, email, sessions, created, status)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "show" -d 'Show one user'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "delete" -d 'Delete a user with its sessions (asks first on a terminal)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "disable" -d 'Stop a user from logging in or resetting, and end its sessions'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "enable" -d 'Let a disabled user log in again'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "set-password" -d 'Set a user\'s password as an operator; ends its sessions'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "unlock" -d 'Release a user locked (or made to wait) after failed logins'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "import" -d 'Create many users from a CSV or JSONL file, all or nothing'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "export" -d 'Write every user with its password hash, in the format import reads'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from create list show delete disable enable set-password unlock import export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l password-stdin -d 'Read the password from the first line of stdin instead of prompting'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l status -d 'Only users with this status' -r -f -a "active\t''
disabled\t''"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l filter -d 'Only users whose email contains TEXT (case-insensitively)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l limit -d 'At most N users, the oldest first' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l password-stdin -d 'Read the new password from the first line of stdin instead of prompting'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l format -d 'Input format [default: jsonl for .jsonl/.ndjson files, else csv]' -r -f -a "csv\t'Comma-separated values with a header line'
jsonl\t'One JSON object per line'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l skip-existing -d 'Skip rows whose email already exists instead of importing nothing'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l dry-run -d 'Check everything and report, but write nothing'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l format -d 'Output format [default: from the --output name, else csv]' -r -f -a "csv\t'Comma-separated values with a header line'
jsonl\t'One JSON object per line'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file (mode 0600) instead of stdout' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a user (the same as `authctl register`)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show users as a table (id, email, sessions, created, status)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one user'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user with its sessions (asks first on a terminal)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Stop a user from logging in or resetting, and end its sessions'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Let a disabled user log in again'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "set-password" -d 'Set a user\'s password as an operator; ends its sessions'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Release a user locked (or made to wait) after failed logins'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create many users from a CSV or JSONL file, all or nothing'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every user with its password hash, in the format import reads'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -f -a "list" -d 'Show live sessions (row id and digest prefix, never the token)'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -f -a "revoke" -d 'End every session of a user, or one session by its id'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and not __fish_seen_subcommand_from list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l id -d 'End only the session with this id (from `sessions list`)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show live sessions (row id and digest prefix, never the token)'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'End every session of a user, or one session by its id'
complete -c authctl -n "__fish_authctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -f -a "list" -d 'Show the live counters: accounts with failed logins, clients with failures, accounts with reset requests'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -f -a "clear" -d 'Forget counters: one client\'s, one account\'s, or all'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and not __fish_seen_subcommand_from list clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l ip -d 'A client address, or an IPv6 /64 as `throttle list` shows it' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l account -d 'An email: its failed-login and reset-request counts' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l all -d 'Every counter'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show the live counters: accounts with failed logins, clients with failures, accounts with reset requests'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Forget counters: one client\'s, one account\'s, or all'
complete -c authctl -n "__fish_authctl_using_subcommand throttle; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -f -a "import" -d 'Add the words of a file, one a line, to the database\'s blocklist'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -f -a "list" -d 'Print the database\'s blocklist, one word a line'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -f -a "remove" -d 'Take words off the database\'s blocklist, all or none'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -f -a "count" -d 'Print how many words the database\'s blocklist holds'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and not __fish_seen_subcommand_from import list remove count help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l ignore-missing -d 'Remove the words that are listed and ignore the others'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from count" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from help" -f -a "import" -d 'Add the words of a file, one a line, to the database\'s blocklist'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from help" -f -a "list" -d 'Print the database\'s blocklist, one word a line'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Take words off the database\'s blocklist, all or none'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from help" -f -a "count" -d 'Print how many words the database\'s blocklist holds'
complete -c authctl -n "__fish_authctl_using_subcommand blocklist; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l since -d 'Events at or after this: a time (2026-12-01, 2026-12-01T09:30:00Z) or a duration ago (30m, 24h, 7d)' -r
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l until -d 'Events before this (a time, or a duration ago)' -r
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l user -d 'Events about this account (kept after it is deleted)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l event -d 'Only these events, comma-separated' -r -f -a "login.attempt\t''
login.success\t''
login.failure\t''
login.throttled\t''
account.locked\t''
account.unlocked\t''
user.registered\t''
user.imported\t''
user.exported\t''
user.deleted\t''
user.disabled\t''
user.enabled\t''
session.created\t''
session.ended\t''
session.revoked\t''
password.set\t''
password.reset_requested\t''
password.reset_completed\t''
password.reset_failed\t''
password.rehashed\t''
client.throttled\t''
throttle.cleared\t''
blocklist.changed\t''
audit.pruned\t''"
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l outcome -d 'Only successes or only failures' -r -f -a "success\t''
failure\t''"
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l ip -d 'Events from this client address (HTTP)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l source -d 'Only from the command line or only over HTTP' -r -f -a "cli\t''
http\t''"
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l limit -d 'At most N events, newest first [default: 100; with --follow, 10 shown before the new ones]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -s f -l follow -d 'Keep printing events as they commit, from any process, until Ctrl-C or a closed pipe (with --json: one object a line)'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -f -a "prune" -d 'Delete events older than the retention (--audit-retention, 90d by default) or --before, in short batches'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and not __fish_seen_subcommand_from prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l before -d 'Delete events before this: a time or a duration ago [default: the retention]' -r
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l dry-run -d 'Only count what would go'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete events older than the retention (--audit-retention, 90d by default) or --before, in short batches'
complete -c authctl -n "__fish_authctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l bind -d 'Address or host name, and port, to listen on (port 0 picks a free one); a name is served on every address it resolves to' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l reset-hook -d 'Command that receives the email and reset token on stdin, instead of the HTTP response carrying the token' -r
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l idle-timeout -d 'Close a connection that has not sent a complete request head this long after connecting or after its last answer (slow or idle clients)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l max-connections -d 'Most connections open at once (lowered to fit the file limit); at the cap a new client replaces the longest-idle connection' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l trusted-origin -d 'A site (scheme://host[:port]) whose pages may log users in and out through a browser, besides this server\'s own; repeatable' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l metrics-bind -d 'Serve Prometheus metrics (GET /metrics) on this IP:PORT, a listener apart from --bind; off without it' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l trusted-proxy -d 'A reverse proxy (address or CIDR) whose X-Forwarded-For names the client; repeatable. Without it the header is ignored' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l client-max-failures -d 'Failed logins and reset-token uses from one client (IPv4 address, IPv6 /64) within --client-window that block it' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l client-window -d 'The window a client\'s failures are counted in' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l client-block -d 'How long a client stays blocked' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l device-max-failures -d 'Failures with one device cookie after which it no longer exempts its user\'s logins from the account throttle' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l device-ttl -d 'How long a device cookie lasts' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l devices-per-user -d 'Known devices kept per user; a login from a new one forgets the oldest' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l reset-requests-per-hour -d 'Most POST /reset_password per account per hour (each may run the reset hook)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l secure-cookie -d 'Mark the session cookie Secure (serve behind HTTPS)'
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l insecure-reset-tokens-over-http -d 'Return reset tokens in HTTP responses even on a non-loopback address without --reset-hook: lets anyone who reaches the server take over any account'
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand serve" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand man" -l out-dir -d 'Write every command\'s page into DIR (created if missing) rather than print one' -r -f -a "(__fish_complete_directories)"
complete -c authctl -n "__fish_authctl_using_subcommand man" -l db -d 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand man" -l bcrypt-cost -d 'bcrypt cost for new password hashes (4 is for tests only)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l min-password-length -d 'Fewest characters a new password may have (NIST SP 800-63B asks 15)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l session-ttl -d 'How long a session stays valid, e.g. 30m, 24h, 7d' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l reset-ttl -d 'How long a reset token stays valid, e.g. 15m, 1h' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l session-idle-timeout -d 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l max-sessions-per-user -d 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l audit-retention -d 'How long audit events are kept: the server\'s pruning and `audit prune` delete older ones; 0 keeps them all' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l login-free-attempts -d 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l login-max-delay -d 'Longest wait between attempts on one account' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l login-lock-after -d 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l login-forget-after -d 'An account\'s failure count is forgotten after this long without a failure (a lock is not)' -r -f
complete -c authctl -n "__fish_authctl_using_subcommand man" -l log-format -d 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]' -r -f -a "text\t'`LEVEL target: message field=value ...`, for people'
json\t'One JSON object a line: `timestamp`, `level`, `target`, `message` and the event\'s fields at the top level'"
complete -c authctl -n "__fish_authctl_using_subcommand man" -l json -d 'Machine output: one JSON document on stdout; errors as JSON on stderr'
complete -c authctl -n "__fish_authctl_using_subcommand man" -l no-builtin-blocklist -d 'Accept new passwords that are on the built-in list of common passwords (the database\'s blocklist and the email rule still apply)'
complete -c authctl -n "__fish_authctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "register" -d 'Create a user'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "login" -d 'Check a password, open a session and print its id'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "whoami" -d 'Print the email of the session\'s user'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "logout" -d 'End the session (or all of its user\'s) and forget the saved one'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "reset-password" -d 'Issue a reset token, or set a new password with one'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "users" -d 'List, show, delete, disable, enable, import and export users'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "sessions" -d 'List or revoke live sessions'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "throttle" -d 'List or clear the brute-force defence\'s counters'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "blocklist" -d 'Manage the database\'s list of passwords nobody may choose'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "audit" -d 'Who did what: the audit log, filtered, followed or pruned'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "doctor" -d 'Check the installation: database, file modes, bcrypt cost, saved sessions'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "completions" -d 'Print a shell completion script'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "serve" -d 'Run the HTTP service'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "man" -d 'Print a man page, or write them all'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from register login whoami logout reset-password users sessions throttle blocklist audit doctor completions serve man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "create" -d 'Create a user (the same as `authctl register`)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "list" -d 'Show users as a table (id, email, sessions, created, status)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "show" -d 'Show one user'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "delete" -d 'Delete a user with its sessions (asks first on a terminal)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "disable" -d 'Stop a user from logging in or resetting, and end its sessions'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "enable" -d 'Let a disabled user log in again'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "set-password" -d 'Set a user\'s password as an operator; ends its sessions'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "unlock" -d 'Release a user locked (or made to wait) after failed logins'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "import" -d 'Create many users from a CSV or JSONL file, all or nothing'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "export" -d 'Write every user with its password hash, in the format import reads'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "list" -d 'Show live sessions (row id and digest prefix, never the token)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "revoke" -d 'End every session of a user, or one session by its id'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from throttle" -f -a "list" -d 'Show the live counters: accounts with failed logins, clients with failures, accounts with reset requests'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from throttle" -f -a "clear" -d 'Forget counters: one client\'s, one account\'s, or all'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from blocklist" -f -a "import" -d 'Add the words of a file, one a line, to the database\'s blocklist'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from blocklist" -f -a "list" -d 'Print the database\'s blocklist, one word a line'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from blocklist" -f -a "remove" -d 'Take words off the database\'s blocklist, all or none'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from blocklist" -f -a "count" -d 'Print how many words the database\'s blocklist holds'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "prune" -d 'Delete events older than the retention (--audit-retention, 90d by default) or --before, in short batches'
