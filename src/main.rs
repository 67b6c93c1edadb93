//! The web viewer's entry point (built for wasm32 by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    quarterly::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("quarterly is the web viewer: build it with `trunk build`, or run `scripts/serve`.");
    std::process::exit(2);
}
