
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'authctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'authctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'authctl' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Create a user')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a password, open a session and print its id')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Print the email of the session''s user')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the session (or all of its user''s) and forget the saved one')
            [CompletionResult]::new('reset-password', 'reset-password', [CompletionResultType]::ParameterValue, 'Issue a reset token, or set a new password with one')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List, show, delete, disable, enable, import and export users')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List or revoke live sessions')
            [CompletionResult]::new('throttle', 'throttle', [CompletionResultType]::ParameterValue, 'List or clear the brute-force defence''s counters')
            [CompletionResult]::new('blocklist', 'blocklist', [CompletionResultType]::ParameterValue, 'Manage the database''s list of passwords nobody may choose')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Who did what: the audit log, filtered, followed or pruned')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the installation: database, file modes, bcrypt cost, saved sessions')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the HTTP service')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page, or write them all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;register' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin instead of prompting')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;login' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin instead of prompting')
            [CompletionResult]::new('--no-save', '--no-save', [CompletionResultType]::ParameterName, 'Print the session id without saving it for whoami and logout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;whoami' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Session id to use [default: the one `login` saved]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;logout' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Session id to use [default: the one `login` saved]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'End every session of the session''s user, not just this one')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;reset-password' {
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A reset token from the first step; sets a new password with it')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the new password from the first line of stdin instead of prompting')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (the same as `authctl register`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show users as a table (id, email, sessions, created, status)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user with its sessions (asks first on a terminal)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop a user from logging in or resetting, and end its sessions')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let a disabled user log in again')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set a user''s password as an operator; ends its sessions')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Release a user locked (or made to wait) after failed logins')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create many users from a CSV or JSONL file, all or nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every user with its password hash, in the format import reads')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;users;create' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin instead of prompting')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only users with this status')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only users whose email contains TEXT (case-insensitively)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N users, the oldest first')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users;delete' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users;disable' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users;enable' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users;set-password' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the new password from the first line of stdin instead of prompting')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users;unlock' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Input format [default: jsonl for .jsonl/.ndjson files, else csv]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--skip-existing', '--skip-existing', [CompletionResultType]::ParameterName, 'Skip rows whose email already exists instead of importing nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything and report, but write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the --output name, else csv]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (mode 0600) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (mode 0600) instead of stdout')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;users;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (the same as `authctl register`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show users as a table (id, email, sessions, created, status)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user with its sessions (asks first on a terminal)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop a user from logging in or resetting, and end its sessions')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let a disabled user log in again')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set a user''s password as an operator; ends its sessions')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Release a user locked (or made to wait) after failed logins')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create many users from a CSV or JSONL file, all or nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every user with its password hash, in the format import reads')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;users;help;create' {
            break
        }
        'authctl;users;help;list' {
            break
        }
        'authctl;users;help;show' {
            break
        }
        'authctl;users;help;delete' {
            break
        }
        'authctl;users;help;disable' {
            break
        }
        'authctl;users;help;enable' {
            break
        }
        'authctl;users;help;set-password' {
            break
        }
        'authctl;users;help;unlock' {
            break
        }
        'authctl;users;help;import' {
            break
        }
        'authctl;users;help;export' {
            break
        }
        'authctl;users;help;help' {
            break
        }
        'authctl;sessions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show live sessions (row id and digest prefix, never the token)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End every session of a user, or one session by its id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;sessions;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;sessions;revoke' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'End only the session with this id (from `sessions list`)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;sessions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show live sessions (row id and digest prefix, never the token)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End every session of a user, or one session by its id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;sessions;help;list' {
            break
        }
        'authctl;sessions;help;revoke' {
            break
        }
        'authctl;sessions;help;help' {
            break
        }
        'authctl;throttle' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show the live counters: accounts with failed logins, clients with failures, accounts with reset requests')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Forget counters: one client''s, one account''s, or all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;throttle;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;throttle;clear' {
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'A client address, or an IPv6 /64 as `throttle list` shows it')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'An email: its failed-login and reset-request counts')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every counter')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;throttle;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show the live counters: accounts with failed logins, clients with failures, accounts with reset requests')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Forget counters: one client''s, one account''s, or all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;throttle;help;list' {
            break
        }
        'authctl;throttle;help;clear' {
            break
        }
        'authctl;throttle;help;help' {
            break
        }
        'authctl;blocklist' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add the words of a file, one a line, to the database''s blocklist')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the database''s blocklist, one word a line')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take words off the database''s blocklist, all or none')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Print how many words the database''s blocklist holds')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;blocklist;import' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;blocklist;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;blocklist;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--ignore-missing', '--ignore-missing', [CompletionResultType]::ParameterName, 'Remove the words that are listed and ignore the others')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;blocklist;count' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;blocklist;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add the words of a file, one a line, to the database''s blocklist')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the database''s blocklist, one word a line')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take words off the database''s blocklist, all or none')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Print how many words the database''s blocklist holds')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;blocklist;help;import' {
            break
        }
        'authctl;blocklist;help;list' {
            break
        }
        'authctl;blocklist;help;remove' {
            break
        }
        'authctl;blocklist;help;count' {
            break
        }
        'authctl;blocklist;help;help' {
            break
        }
        'authctl;audit' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Events at or after this: a time (2026-12-01, 2026-12-01T09:30:00Z) or a duration ago (30m, 24h, 7d)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Events before this (a time, or a duration ago)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Events about this account (kept after it is deleted)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only these events, comma-separated')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'Only successes or only failures')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Events from this client address (HTTP)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only from the command line or only over HTTP')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N events, newest first [default: 100; with --follow, 10 shown before the new ones]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing events as they commit, from any process, until Ctrl-C or a closed pipe (with --json: one object a line)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing events as they commit, from any process, until Ctrl-C or a closed pipe (with --json: one object a line)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete events older than the retention (--audit-retention, 90d by default) or --before, in short batches')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;audit;prune' {
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Delete events before this: a time or a duration ago [default: the retention]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only count what would go')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;audit;help' {
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete events older than the retention (--audit-retention, 90d by default) or --before, in short batches')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;audit;help;prune' {
            break
        }
        'authctl;audit;help;help' {
            break
        }
        'authctl;doctor' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;serve' {
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address or host name, and port, to listen on (port 0 picks a free one); a name is served on every address it resolves to')
            [CompletionResult]::new('--reset-hook', '--reset-hook', [CompletionResultType]::ParameterName, 'Command that receives the email and reset token on stdin, instead of the HTTP response carrying the token')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Close a connection that has not sent a complete request head this long after connecting or after its last answer (slow or idle clients)')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Most connections open at once (lowered to fit the file limit); at the cap a new client replaces the longest-idle connection')
            [CompletionResult]::new('--trusted-origin', '--trusted-origin', [CompletionResultType]::ParameterName, 'A site (scheme://host[:port]) whose pages may log users in and out through a browser, besides this server''s own; repeatable')
            [CompletionResult]::new('--metrics-bind', '--metrics-bind', [CompletionResultType]::ParameterName, 'Serve Prometheus metrics (GET /metrics) on this IP:PORT, a listener apart from --bind; off without it')
            [CompletionResult]::new('--trusted-proxy', '--trusted-proxy', [CompletionResultType]::ParameterName, 'A reverse proxy (address or CIDR) whose X-Forwarded-For names the client; repeatable. Without it the header is ignored')
            [CompletionResult]::new('--client-max-failures', '--client-max-failures', [CompletionResultType]::ParameterName, 'Failed logins and reset-token uses from one client (IPv4 address, IPv6 /64) within --client-window that block it')
            [CompletionResult]::new('--client-window', '--client-window', [CompletionResultType]::ParameterName, 'The window a client''s failures are counted in')
            [CompletionResult]::new('--client-block', '--client-block', [CompletionResultType]::ParameterName, 'How long a client stays blocked')
            [CompletionResult]::new('--device-max-failures', '--device-max-failures', [CompletionResultType]::ParameterName, 'Failures with one device cookie after which it no longer exempts its user''s logins from the account throttle')
            [CompletionResult]::new('--device-ttl', '--device-ttl', [CompletionResultType]::ParameterName, 'How long a device cookie lasts')
            [CompletionResult]::new('--devices-per-user', '--devices-per-user', [CompletionResultType]::ParameterName, 'Known devices kept per user; a login from a new one forgets the oldest')
            [CompletionResult]::new('--reset-requests-per-hour', '--reset-requests-per-hour', [CompletionResultType]::ParameterName, 'Most POST /reset_password per account per hour (each may run the reset hook)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--secure-cookie', '--secure-cookie', [CompletionResultType]::ParameterName, 'Mark the session cookie Secure (serve behind HTTPS)')
            [CompletionResult]::new('--insecure-reset-tokens-over-http', '--insecure-reset-tokens-over-http', [CompletionResultType]::ParameterName, 'Return reset tokens in HTTP responses even on a non-loopback address without --reset-hook: lets anyone who reaches the server take over any account')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write every command''s page into DIR (created if missing) rather than print one')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]')
            [CompletionResult]::new('--bcrypt-cost', '--bcrypt-cost', [CompletionResultType]::ParameterName, 'bcrypt cost for new password hashes (4 is for tests only)')
            [CompletionResult]::new('--min-password-length', '--min-password-length', [CompletionResultType]::ParameterName, 'Fewest characters a new password may have (NIST SP 800-63B asks 15)')
            [CompletionResult]::new('--session-ttl', '--session-ttl', [CompletionResultType]::ParameterName, 'How long a session stays valid, e.g. 30m, 24h, 7d')
            [CompletionResult]::new('--reset-ttl', '--reset-ttl', [CompletionResultType]::ParameterName, 'How long a reset token stays valid, e.g. 15m, 1h')
            [CompletionResult]::new('--session-idle-timeout', '--session-idle-timeout', [CompletionResultType]::ParameterName, 'End a session unused this long, e.g. 30m [default: none, as in the Flask service: a session lasts its TTL]')
            [CompletionResult]::new('--max-sessions-per-user', '--max-sessions-per-user', [CompletionResultType]::ParameterName, 'Most live sessions per user; a new login ends the oldest beyond it [default: no cap]')
            [CompletionResult]::new('--audit-retention', '--audit-retention', [CompletionResultType]::ParameterName, 'How long audit events are kept: the server''s pruning and `audit prune` delete older ones; 0 keeps them all')
            [CompletionResult]::new('--login-free-attempts', '--login-free-attempts', [CompletionResultType]::ParameterName, 'Failed logins of one account that cost no wait; after that each failure doubles the wait, from 1s')
            [CompletionResult]::new('--login-max-delay', '--login-max-delay', [CompletionResultType]::ParameterName, 'Longest wait between attempts on one account')
            [CompletionResult]::new('--login-lock-after', '--login-lock-after', [CompletionResultType]::ParameterName, 'Consecutive failures that lock an account until `users unlock` or a completed reset (at most 100, NIST SP 800-63B)')
            [CompletionResult]::new('--login-forget-after', '--login-forget-after', [CompletionResultType]::ParameterName, 'An account''s failure count is forgotten after this long without a failure (a lock is not)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or one JSON object a line. serve logs either way; other commands log only with this option or RUST_LOG set [default: text]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('--no-builtin-blocklist', '--no-builtin-blocklist', [CompletionResultType]::ParameterName, 'Accept new passwords that are on the built-in list of common passwords (the database''s blocklist and the email rule still apply)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'authctl;help' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Create a user')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a password, open a session and print its id')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Print the email of the session''s user')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the session (or all of its user''s) and forget the saved one')
            [CompletionResult]::new('reset-password', 'reset-password', [CompletionResultType]::ParameterValue, 'Issue a reset token, or set a new password with one')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List, show, delete, disable, enable, import and export users')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List or revoke live sessions')
            [CompletionResult]::new('throttle', 'throttle', [CompletionResultType]::ParameterValue, 'List or clear the brute-force defence''s counters')
            [CompletionResult]::new('blocklist', 'blocklist', [CompletionResultType]::ParameterValue, 'Manage the database''s list of passwords nobody may choose')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Who did what: the audit log, filtered, followed or pruned')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the installation: database, file modes, bcrypt cost, saved sessions')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the HTTP service')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page, or write them all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;help;register' {
            break
        }
        'authctl;help;login' {
            break
        }
        'authctl;help;whoami' {
            break
        }
        'authctl;help;logout' {
            break
        }
        'authctl;help;reset-password' {
            break
        }
        'authctl;help;users' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (the same as `authctl register`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show users as a table (id, email, sessions, created, status)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user with its sessions (asks first on a terminal)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop a user from logging in or resetting, and end its sessions')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let a disabled user log in again')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set a user''s password as an operator; ends its sessions')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Release a user locked (or made to wait) after failed logins')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create many users from a CSV or JSONL file, all or nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every user with its password hash, in the format import reads')
            break
        }
        'authctl;help;users;create' {
            break
        }
        'authctl;help;users;list' {
            break
        }
        'authctl;help;users;show' {
            break
        }
        'authctl;help;users;delete' {
            break
        }
        'authctl;help;users;disable' {
            break
        }
        'authctl;help;users;enable' {
            break
        }
        'authctl;help;users;set-password' {
            break
        }
        'authctl;help;users;unlock' {
            break
        }
        'authctl;help;users;import' {
            break
        }
        'authctl;help;users;export' {
            break
        }
        'authctl;help;sessions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show live sessions (row id and digest prefix, never the token)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End every session of a user, or one session by its id')
            break
        }
        'authctl;help;sessions;list' {
            break
        }
        'authctl;help;sessions;revoke' {
            break
        }
        'authctl;help;throttle' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show the live counters: accounts with failed logins, clients with failures, accounts with reset requests')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Forget counters: one client''s, one account''s, or all')
            break
        }
        'authctl;help;throttle;list' {
            break
        }
        'authctl;help;throttle;clear' {
            break
        }
        'authctl;help;blocklist' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add the words of a file, one a line, to the database''s blocklist')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the database''s blocklist, one word a line')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take words off the database''s blocklist, all or none')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Print how many words the database''s blocklist holds')
            break
        }
        'authctl;help;blocklist;import' {
            break
        }
        'authctl;help;blocklist;list' {
            break
        }
        'authctl;help;blocklist;remove' {
            break
        }
        'authctl;help;blocklist;count' {
            break
        }
        'authctl;help;audit' {
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete events older than the retention (--audit-retention, 90d by default) or --before, in short batches')
            break
        }
        'authctl;help;audit;prune' {
            break
        }
        'authctl;help;doctor' {
            break
        }
        'authctl;help;completions' {
            break
        }
        'authctl;help;serve' {
            break
        }
        'authctl;help;man' {
            break
        }
        'authctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
