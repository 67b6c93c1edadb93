//! Shared helpers for native integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The real reports in `../shared/ti-reports` (or `$QUARTERLY_TI_REPORTS`). Missing data fails
/// the test: a test that silently skips could never fail.
pub fn ti_reports() -> PathBuf {
    let dir = std::env::var_os("QUARTERLY_TI_REPORTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/ti-reports"));
    assert!(
        dir.join("2025/2025-Q2-Alpha-Omega.md").is_file(),
        "the sample reports are not at {}: set QUARTERLY_TI_REPORTS to the ti-reports folder",
        dir.display()
    );
    dir
}

/// Every report file below a folder (named `YYYY-Qn-Name`, with or without `.md`).
pub fn report_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if quarterly::import::looks_like_report(&path.file_name().unwrap().to_string_lossy()) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}
