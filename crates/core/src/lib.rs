//! quarterly's core: the report model (the JSON format is its types), filtering, the history of
//! key results across quarters, the foundation-wide views' logic and the URL state. Plain Rust
//! with no web dependency and no Leptos, so it builds and tests natively and is shared by the
//! importer (`quarterly-import`) and the viewer (`quarterly`).

#![warn(missing_docs)]

pub mod export;
pub mod feeds;
pub mod filter;
pub mod foundation;
pub mod history;
pub mod model;
pub mod oembed;
pub mod url_state;
