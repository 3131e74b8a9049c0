//! `auth::inspect`, the checks behind `authctl doctor`: every backend
//! reports at least whether its database is reachable and its schema
//! current, under the same names, and a sound database fails none.

use authctl::auth::{Caller, Policy, inspect};
use authctl::domain::{Finding, Status};

use crate::support::db::{TestDb, email, fast_policy, password};

fn finding<'a>(findings: &'a [Finding], check: &str) -> &'a Finding {
    findings
        .iter()
        .find(|finding| finding.check == check)
        .unwrap_or_else(|| panic!("no {check} among {findings:?}"))
}

fn a_database_in_use_is_reachable_and_current_and_fails_no_check(db: &TestDb) {
    db.auth()
        .register_user(
            &Caller::cli(),
            &email("ann@example.com"),
            &password("long enough"),
        )
        .expect("register");
    // The lowest cost the bcrypt check passes.
    let policy = Policy {
        bcrypt_cost: 10,
        ..fast_policy()
    };
    let findings = inspect(&db.database(), &policy);
    assert_eq!(
        finding(&findings, "database.reachable").status,
        Status::Pass
    );
    assert_eq!(finding(&findings, "database.schema").status, Status::Pass);
    assert_eq!(finding(&findings, "bcrypt.cost").status, Status::Pass);
    for finding in &findings {
        assert_ne!(finding.status, Status::Fail, "{finding:?}");
        assert!(!finding.detail.is_empty(), "{finding:?}");
    }
}

contract_tests! {
    a_database_in_use_is_reachable_and_current_and_fails_no_check,
}
