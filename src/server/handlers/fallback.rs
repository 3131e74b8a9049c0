use crate::server::error::ApiError;

/// Any path no route matches.
pub(crate) async fn not_found() -> ApiError {
    ApiError::NotFound
}

/// A known path with a method it does not take.
pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
