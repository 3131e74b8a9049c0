//! The OpenAPI 3 document of every route, generated from the handlers'
//! annotations so it cannot drift from them.

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::error::Message;
use super::handlers::{self, EmailMessage, health, profile, reset, users};
use super::session_cookie::SESSION_COOKIE;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "authctl",
        description = "User authentication service, compatible with the Flask \
            \"User Authentication Service\". Bodies may be urlencoded, multipart or \
            JSON with the same field names; every error is JSON {\"message\": ...}. \
            A body without Content-Type must be empty: one starting with { or [ is \
            answered 400, asking for Content-Type: application/json, any other 415. \
            A new password (POST /users, PUT /reset_password) that is on a blocklist, \
            or is the email, its part before the @ or \"authctl\", is answered \
            400 {\"message\": \"password is too common\"}."
    ),
    paths(
        handlers::index::welcome,
        handlers::users::register,
        handlers::sessions::login,
        handlers::sessions::logout,
        handlers::profile::show,
        handlers::reset::issue_token,
        handlers::reset::update_password,
        handlers::health::live,
        handlers::health::ready,
        document,
    ),
    components(schemas(
        Message,
        EmailMessage,
        users::Credentials,
        profile::Profile,
        reset::ResetRequest,
        reset::PasswordUpdate,
        reset::ResetIssued,
        reset::TokenIssued,
        health::Health,
    )),
    modifiers(&SessionCookie)
)]
struct ApiDoc;

/// Declares the `session_id` cookie that `security(("session_id" = []))`
/// refers to.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            SESSION_COOKIE,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(SESSION_COOKIE))),
        );
    }
}

/// This document, for generic clients and API tools.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "service",
    responses((status = 200, description = "The OpenAPI 3 document", content_type = "application/json"))
)]
pub(crate) async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
