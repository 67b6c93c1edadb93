//! Shared helpers for native integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository's root, where `reports/`, `config/` and `public/data` live.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2).expect("crates/import sits two folders down").to_path_buf()
}

/// The foundation's reports, kept in the repository (`reports/`): a clone anywhere has them.
pub fn ti_reports() -> PathBuf {
    let dir = repo_root().join("reports");
    assert!(dir.join("2025/2025-Q2-Alpha-Omega.md").is_file(), "the report corpus is missing from {}", dir.display());
    dir
}

/// The registry of initiatives the bundled site is built with.
pub fn registry() -> PathBuf {
    repo_root().join("config/initiatives.json")
}

/// Every report file below a folder (named `YYYY-Qn-Name`, with or without `.md`).
pub fn report_files(dir: &Path) -> Vec<PathBuf> {
    let found = quarterly_import::report_files::in_folder(dir);
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    found.reports
}
