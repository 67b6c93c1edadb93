//! quarterly: publish, read, filter and embed an open-source foundation's quarterly reports.
//!
//! Data flows one way: Markdown report -> [`import`] -> JSON ([`model`]) -> fetch -> [`filter`]
//! -> view. Everything but the `app` module is plain Rust that builds and tests natively; `app` (Leptos)
//! runs in the browser and, natively, renders each report's first view to static HTML.

// The views' types nest deeply when Leptos renders them to HTML natively in release builds.
#![recursion_limit = "256"]

pub mod filter;
pub mod foundation;
pub mod history;
pub mod import;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod report_files;
pub mod url_state;

pub mod app;
