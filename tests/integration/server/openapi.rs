//! The OpenAPI document lists every route with its fields and responses.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::server::{TestServer, json};

/// (method, path, body fields, response statuses)
const ROUTES: [(&str, &str, &[&str], &[&str]); 10] = [
    ("get", "/", &[], &["200"]),
    (
        "post",
        "/users",
        &["email", "password"],
        &["200", "400", "503"],
    ),
    (
        "post",
        "/sessions",
        &["email", "password"],
        &["200", "400", "401", "403", "429", "503"],
    ),
    ("delete", "/sessions", &[], &["302", "403"]),
    ("get", "/profile", &[], &["200", "403"]),
    (
        "post",
        "/reset_password",
        &["email"],
        &["200", "400", "403", "429", "503"],
    ),
    (
        "put",
        "/reset_password",
        &["email", "reset_token", "new_password"],
        &["200", "400", "403", "429", "503"],
    ),
    ("get", "/openapi.json", &[], &["200"]),
    ("get", "/healthz", &[], &["200"]),
    ("get", "/readyz", &[], &["200", "503"]),
];

const ENCODINGS: [&str; 3] = [
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "application/json",
];

fn resolve<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.trim_start_matches("#/components/schemas/");
            &document["components"]["schemas"][name]
        }
        None => schema,
    }
}

#[tokio::test]
async fn the_openapi_document_lists_every_route_with_its_fields_and_responses() {
    let server = TestServer::spawn();
    let (status, document) = json(server.get("/openapi.json").await).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        document["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3."))
    );
    let listed: usize = document["paths"]
        .as_object()
        .expect("paths")
        .values()
        .map(|item| item.as_object().expect("path item").len())
        .sum();
    assert_eq!(listed, ROUTES.len(), "no route more, none less");

    for (method, path, fields, statuses) in ROUTES {
        let operation = &document["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is missing");
        let responses = operation["responses"].as_object().expect("responses");
        let mut listed: Vec<&str> = responses.keys().map(String::as_str).collect();
        listed.sort_unstable();
        assert_eq!(listed, statuses, "{method} {path} responses");
        if fields.is_empty() {
            assert!(
                operation["requestBody"].is_null(),
                "{method} {path} takes no body"
            );
            continue;
        }
        for encoding in ENCODINGS {
            let schema = &operation["requestBody"]["content"][encoding]["schema"];
            let schema = resolve(&document, schema);
            let mut names: Vec<&str> = schema["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{method} {path} {encoding}: no properties"))
                .keys()
                .map(String::as_str)
                .collect();
            names.sort_unstable();
            let mut expected = fields.to_vec();
            expected.sort_unstable();
            assert_eq!(names, expected, "{method} {path} {encoding}");
            let mut required: Vec<&str> = schema["required"]
                .as_array()
                .expect("required")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            required.sort_unstable();
            assert_eq!(required, expected, "{method} {path} {encoding} required");
            for (name, property) in schema["properties"].as_object().expect("properties") {
                let bounds = (
                    &property["minLength"],
                    &property["maxLength"],
                    &property["format"],
                );
                match name.as_str() {
                    "email" => assert_eq!(
                        bounds,
                        (&json!(3), &json!(254), &json!("idn-email")),
                        "{method} {path} {encoding} email"
                    ),
                    "password" | "new_password" => assert_eq!(
                        bounds,
                        (&json!(1), &json!(72), &json!("password")),
                        "{method} {path} {encoding} {name}"
                    ),
                    _ => {}
                }
            }
        }
    }
    let cookie = &document["components"]["securitySchemes"]["session_id"];
    assert_eq!(cookie["in"], "cookie");
    assert_eq!(cookie["name"], "session_id");
}
