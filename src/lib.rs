//! quarterly: publish, read, filter and embed an open-source foundation's quarterly reports.
//!
//! Data flows one way: Markdown report -> [`import`] -> JSON ([`model`]) -> fetch -> [`filter`]
//! -> view. Everything but the `app` module is plain Rust that builds and tests natively.

pub mod filter;
pub mod history;
pub mod import;
pub mod model;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
pub mod app;
