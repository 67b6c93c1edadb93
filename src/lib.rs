//! quarterly's viewer: the Leptos app ([`app`]) that shows the reports in the browser and, at build
//! time, renders each page's first view to static HTML.
//!
//! Data flows one way: Markdown report -> importer (`crates/import`) -> JSON (the model, in
//! `crates/core`) -> fetch ([`app::api`]) -> filter (`quarterly_core::filter`) -> view.

// The views' types nest deeply when Leptos renders them to HTML natively in release builds.
#![recursion_limit = "256"]

#[cfg(all(feature = "csr", feature = "ssr"))]
compile_error!("the viewer renders either in the browser (`csr`) or at build time (`ssr`), not both: build the browser's wasm with `--no-default-features --features csr`");

pub mod app;
