//! The web viewer's entry point (built for wasm32 by Trunk). The `<quarterly-report>` custom
//! element has a wasm of its own: `src/bin/report-element.rs`.

fn main() {
    quarterly::app::start();
}
