//! The web viewer's entry point (built for wasm32 by Trunk). The same wasm serves the site and
//! the `<quarterly-report>` custom element on other sites.

mod web {
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
}

fn main() {
    quarterly::app::start();
}
