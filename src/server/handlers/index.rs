use axum::Json;

use crate::server::error::Message;

/// The Flask service's greeting.
#[utoipa::path(
    get,
    path = "/",
    tag = "service",
    responses((status = 200, description = "The service is up", body = Message))
)]
pub(crate) async fn welcome() -> Json<Message> {
    Json(Message::new("Bienvenue"))
}
