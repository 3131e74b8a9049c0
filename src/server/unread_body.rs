//! `Connection: close` on answers that leave the request body unread.
//!
//! A handler may answer before reading the body (413 on a declared length,
//! 404, 405, a body timeout). Unless the rest of the body happens to be
//! buffered already, hyper then closes the connection, but only decides so
//! after the response head is written: the head says keep-alive, and a
//! pooling client sends its next request into a socket that is closing.
//! Saying `close` in the head makes the client open a new one. The price is
//! a reconnect after a small unread body hyper could have drained, on error
//! answers only.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::header::CONNECTION;
use axum::http::{HeaderValue, Version};
use axum::middleware::Next;
use axum::response::Response;
use http_body::{Frame, SizeHint};

pub(crate) async fn close_if_body_unread(req: Request, next: Next) -> Response {
    // Most requests (GET /profile) carry no body: nothing to watch. HTTP/2
    // forbids the header, and has no need for it.
    if req.body().is_end_stream() || req.version() > Version::HTTP_11 {
        return next.run(req).await;
    }
    let finished = Arc::new(AtomicBool::new(false));
    let req = req.map(|inner| {
        Body::new(WatchedBody {
            inner,
            finished: Arc::clone(&finished),
        })
    });
    let mut response = next.run(req).await;
    if !finished.load(Ordering::Acquire) {
        response
            .headers_mut()
            .insert(CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// A request body that records whether it was read to its end.
struct WatchedBody {
    inner: Body,
    finished: Arc<AtomicBool>,
}

impl HttpBody for WatchedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        let at_end = match &polled {
            Poll::Ready(None) => true,
            Poll::Ready(Some(Ok(_))) => self.inner.is_end_stream(),
            _ => false,
        };
        if at_end {
            self.finished.store(true, Ordering::Release);
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
