//! Building the release site with Trunk, for the end-to-end tests and the benchmark.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The public address the tests build the site for: its feeds and links say
/// `https://reports.example.org<public_url>`, which the tests map to their own server.
pub const ORIGIN: &str = "https://reports.example.org";

/// `trunk build --release` of the site, hosted under `public_url`, into `dist`. The post-build
/// hook pre-renders with the quarterly-prerender cargo already built for this test or bench,
/// rather than building the whole crate a second time.
///
/// Trunk runs with the PATH the scripts had before `scripts/env.sh` put `.tools/` on it, as the
/// README's `trunk build --release` and `cargo bench --bench site` run: it must find the wasm-opt
/// that `scripts/setup` put where Trunk looks, or this build fails.
pub fn build(dist: &Path, public_url: &str) {
    let tools = root().join(".tools");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path = std::env::join_paths(std::env::split_paths(&path).filter(|folder| !folder.starts_with(&tools))).unwrap();
    let output = Command::new("trunk")
        .env("PATH", path)
        .args(["build", "--release", "--public-url", public_url, "--dist"])
        .arg(dist)
        .current_dir(root())
        .env("QUARTERLY_PRERENDER", env!("CARGO_BIN_EXE_quarterly-prerender"))
        .env("QUARTERLY_SITE_URL", format!("{ORIGIN}{public_url}"))
        .output()
        .expect("trunk is not installed: run scripts/setup");
    assert!(output.status.success(), "trunk build failed:\n{}", String::from_utf8_lossy(&output.stderr));
}
