//! The `<quarterly-report>` custom element's own wasm: one report's sections with their filters,
//! and none of the site (no router, history, search or foundation views), so a host page that
//! shows one OKR table loads a fraction of the viewer. `quarterly-element.js` loads it.

use wasm_bindgen::prelude::*;

/// A mounted `<quarterly-report>`; dropping (`free()`) unmounts it.
#[wasm_bindgen]
pub struct MountedReport {
    _mounted: Box<dyn std::any::Any>,
}

/// Called by `quarterly-element.js` to render into an element's shadow root.
#[wasm_bindgen]
pub fn mount_report_element(
    parent: web_sys::HtmlElement,
    src: String,
    section: String,
    query: String,
) -> MountedReport {
    MountedReport { _mounted: quarterly::app::embed::mount_element(parent, src, section, query) }
}

fn main() {}
