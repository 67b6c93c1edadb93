//! Where the data lives and how it is fetched and decoded. Every failure keeps which file failed
//! and why, in words a reader understands, so "no data" is never confused with "network down".

use gloo_net::http::Request;
use quarterly_core::model::summary::{SearchCorpus, Summary};
use quarterly_core::model::{Catalog, Report};
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// The catalog, relative to the site's base.
pub const CATALOG_PATH: &str = "data/index.json";

/// Each report's headline, counts and asks (the home page, "For the TAC").
pub const SUMMARY_PATH: &str = "data/summary.json";

/// What every report says, as plain-text passages (the search).
pub const SEARCH_PATH: &str = "data/search.json";

/// Why a data file could not be used.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("Could not reach the server to load {file}. Check your connection, then retry.")]
    Network { file: String, detail: String },
    #[error("The server could not find {file} (error 404).")]
    NotFound { file: String },
    #[error("The server failed to send {file} (error {code}). It may be a passing problem: retry.")]
    Status { file: String, code: u16 },
    #[error("{file} is not report data: the server sent a web page instead, probably an error page.")]
    NotJson { file: String },
    #[error("{file} is damaged or not in the expected format ({detail}).")]
    Malformed { file: String, detail: String },
}

impl FetchError {
    /// Technical detail for whoever runs the site (shown smaller, under the message).
    pub fn detail(&self) -> Option<&str> {
        match self {
            FetchError::Network { detail, .. } | FetchError::Malformed { detail, .. } => Some(detail),
            _ => None,
        }
    }
}

/// The URL of a report's JSON, from its catalog path (which must stay inside the data folder).
pub fn report_url(catalog_path: &str) -> Result<String, FetchError> {
    // Plain names only: no escapes the URL parser would decode ("%2e%2e"), no "." or "..".
    let plain = |segment: &str| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    };
    let safe = catalog_path.split('/').all(plain);
    if safe {
        Ok(format!("data/{catalog_path}"))
    } else {
        Err(FetchError::Malformed {
            file: CATALOG_PATH.into(),
            detail: format!("report path \"{catalog_path}\" is not inside the data folder"),
        })
    }
}

/// The URL of an initiative's history file (`data/<slug>/history.json`).
pub fn history_url(initiative: &str) -> Result<String, FetchError> {
    report_url(&format!("{initiative}/history.json"))
}

/// An initiative's history: every quarter's objectives and key results, in one request.
pub async fn fetch_history(url: String) -> Result<Arc<quarterly_core::model::summary::History>, FetchError> {
    fetch_json(&url).await.map(Arc::new)
}

pub async fn fetch_catalog() -> Result<Arc<Catalog>, FetchError> {
    fetch_json(CATALOG_PATH).await.map(Arc::new)
}

pub async fn fetch_summary() -> Result<Arc<Summary>, FetchError> {
    fetch_json(SUMMARY_PATH).await.map(Arc::new)
}

pub async fn fetch_search() -> Result<Arc<SearchCorpus>, FetchError> {
    fetch_json(SEARCH_PATH).await.map(Arc::new)
}

pub async fn fetch_report(url: String) -> Result<Arc<Report>, FetchError> {
    fetch_json(&url).await.map(Arc::new)
}

/// `file` is a path below the site's base (as shown to readers) or an absolute URL (the custom
/// element's `src`).
async fn fetch_json<T: DeserializeOwned>(file: &str) -> Result<T, FetchError> {
    let url = if file.contains("://") { file.to_string() } else { format!("{}{file}", crate::app::site_base()) };
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|error| FetchError::Network { file: file.into(), detail: error.to_string() })?;
    match response.status() {
        200..=299 => {}
        404 => return Err(FetchError::NotFound { file: file.into() }),
        code => return Err(FetchError::Status { file: file.into(), code }),
    }
    // Bytes, not text: a text crosses into the wasm through a JavaScript loop over its characters,
    // which took a third of decoding a large report; bytes are copied at once.
    let bytes = response
        .binary()
        .await
        .map_err(|error| FetchError::Network { file: file.into(), detail: error.to_string() })?;
    let decoded = decode(file, &bytes);
    yield_to_browser().await;
    decoded
}

/// Lets the browser paint and handle input before the views render what was just decoded:
/// decoding and rendering a large report in one go made one long task of both.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().is_some_and(|window| window.set_timeout_with_callback(&resolve).is_ok());
        if !queued {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Decodes a data file, telling an HTML page apart from broken JSON. Its bytes are read as a
/// browser reads text: UTF-8, a byte-order mark dropped, a broken sequence replaced by U+FFFD.
pub fn decode<T: DeserializeOwned>(file: &str, data: impl AsRef<[u8]>) -> Result<T, FetchError> {
    let bytes = data.as_ref();
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    if text.trim_start().starts_with('<') {
        return Err(FetchError::NotJson { file: file.into() });
    }
    serde_json::from_str(&text).map_err(|error| FetchError::Malformed { file: file.into(), detail: error.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const FILE: &str = "data/alpha-omega/2025-q2.json";

    #[test]
    fn a_data_file_is_read_as_a_browser_reads_text() {
        let read = |bytes: &[u8]| decode::<Value>(FILE, bytes);
        assert_eq!(read(b"{\"title\":\"Caf\xC3\xA9\"}"), Ok(json!({"title": "Café"})));
        // A byte-order mark is dropped; a broken sequence becomes U+FFFD, as Response.text() does.
        assert_eq!(read(b"\xEF\xBB\xBF{\"title\":\"Caf\xC3\xA9\"}"), Ok(json!({"title": "Café"})));
        assert_eq!(read(b"{\"title\":\"Caf\xFF\"}"), Ok(json!({"title": "Caf\u{FFFD}"})));
    }

    #[test]
    fn a_web_page_and_broken_json_are_told_apart() {
        assert_eq!(
            decode::<Value>(FILE, b"\n  <!doctype html><p>Not found</p>"),
            Err(FetchError::NotJson { file: FILE.into() })
        );
        let Err(FetchError::Malformed { file, detail }) = decode::<Value>(FILE, b"{\"title\":\n") else {
            panic!("broken JSON is reported as damaged");
        };
        assert_eq!(file, FILE);
        assert!(detail.contains("line 2"), "{detail}");
    }
}
