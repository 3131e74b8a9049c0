//! Opening a database: the policy is checked first, and `open_existing`
//! finds what `open` wrote.

use authctl::auth::{Auth, AuthError, Caller, Policy};

use crate::support::db::{TestDb, email, fast_policy, password};

fn an_out_of_range_bcrypt_cost_is_refused_at_open(db: &TestDb) {
    for cost in [3, 32] {
        let policy = Policy {
            bcrypt_cost: cost,
            ..fast_policy()
        };
        assert!(matches!(
            Auth::open(&db.database(), policy),
            Err(AuthError::InvalidInput(_))
        ));
    }
}

fn open_existing_sees_what_open_wrote(db: &TestDb) {
    db.auth()
        .register_user(
            &Caller::cli(),
            &email("ann@example.com"),
            &password("long enough"),
        )
        .expect("register");
    let again =
        Auth::open_existing(&db.database(), fast_policy()).expect("open the existing database");
    assert_eq!(again.list_users().expect("list").len(), 1);
}

contract_tests! {
    an_out_of_range_bcrypt_cost_is_refused_at_open,
    open_existing_sees_what_open_wrote,
}
