//! Finding report files in folders, for the command-line tools and the tests: one walk, through
//! walkdir, which follows links but notices a folder that links back to itself, so each file is
//! read once and the loop is said once.

use crate::looks_like_report;
use std::path::{Path, PathBuf};

/// What a walk found.
#[derive(Debug, Default)]
pub struct Found {
    /// Files named like reports (`YYYY-Qn-Name`, with or without `.md`), in name order.
    pub reports: Vec<PathBuf>,
    /// Other files, left out (a README, the template, a licence).
    pub skipped: Vec<PathBuf>,
    /// What could not be walked, in words: a folder loop, an unreadable folder.
    pub problems: Vec<String>,
}

/// Every report below `folder`, recursively.
pub fn in_folder(folder: &Path) -> Found {
    let mut found = Found::default();
    for entry in walkdir::WalkDir::new(folder).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) if looks_like_report(&entry.file_name().to_string_lossy()) => {
                found.reports.push(entry.into_path())
            }
            Ok(entry) => found.skipped.push(entry.into_path()),
            Err(error) => found.problems.push(describe(&error)),
        }
    }
    found
}

fn describe(error: &walkdir::Error) -> String {
    let path = error.path().map_or_else(String::new, |path| path.display().to_string());
    match error.loop_ancestor() {
        Some(ancestor) => format!("{path}: skipped: it leads back to {} (a folder loop)", ancestor.display()),
        None => {
            format!("{path}: cannot read: {}", error.io_error().map_or_else(|| error.to_string(), |e| e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_links_to_itself_is_walked_once_and_said_once() {
        let dir = std::env::temp_dir().join(format!("quarterly-loop-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("2025")).unwrap();
        std::fs::write(dir.join("2025/2025-Q1-X.md"), "# 2025 Q1 X\n").unwrap();
        std::fs::write(dir.join("README.md"), "filing notes").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&dir, dir.join("2025/again")).unwrap();
        let found = in_folder(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(found.reports, vec![dir.join("2025/2025-Q1-X.md")]);
        assert_eq!(found.skipped, vec![dir.join("README.md")]);
        #[cfg(unix)]
        {
            assert_eq!(found.problems.len(), 1, "{:?}", found.problems);
            assert!(found.problems[0].contains("a folder loop"), "{:?}", found.problems);
        }
    }
}
