//! The `quarterly-import` command: files in, JSON out, `file:line:` messages, exit status.

mod support;

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_quarterly-import")).args(args).output().unwrap();
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stderr).into_owned())
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("quarterly-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_folder_of_reports_becomes_the_viewers_data() {
    let out = temp_dir("all");
    let reports = support::ti_reports();
    let (status, messages) = run(&[reports.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(status, 0, "{messages}");
    let index: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    let entries = index["reports"].as_array().unwrap();
    assert_eq!(entries.len(), 14, "{messages}");
    for entry in entries {
        assert!(out.join(entry["path"].as_str().unwrap()).is_file());
    }
    assert!(out.join("schema/report.schema.json").is_file());
    // The damaged copy of 2025 Q2 is repaired, recognised as the same report and imported once.
    assert!(messages.contains("encoding-damaged/2025-Q2-Alpha-Omega.md:17: warning: repaired"), "{messages}");
    assert!(messages.contains("same report as"), "{messages}");
    assert!(messages.contains("README.md: skipped"), "{messages}");
}

#[test]
fn a_broken_file_is_reported_with_its_line_and_does_not_stop_the_others() {
    let input = temp_dir("broken-in");
    let out = temp_dir("broken-out");
    std::fs::write(input.join("2025-Q1-Good.md"), "# 2025 Q1 Good\n\n## OKRs\n\n|KR|Status|\n|-|-|\n|**O1: A**||\n|KR 1.1: b|Purple|\n").unwrap();
    std::fs::write(input.join("notes.md"), "# Notes without a quarter\n").unwrap();
    std::fs::write(input.join("2025-Q1-Binary.md"), [0u8, 159, 146, 150]).unwrap();
    let (status, messages) = run(&[
        input.join("2025-Q1-Good.md").to_str().unwrap(),
        input.join("notes.md").to_str().unwrap(),
        input.join("2025-Q1-Binary.md").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 1, "{messages}");
    let line = |needle: &str| messages.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("no {needle} in {messages}")).to_string();
    assert!(line("Purple").ends_with("2025-Q1-Good.md:8: warning: key result 1.1: status \"Purple\" is not one the viewer knows; it will show as unknown"));
    assert!(line("notes.md").contains("notes.md:1: error: cannot tell which quarter"));
    assert!(line("Binary").contains("2025-Q1-Binary.md:1: error: this is not a text file"));
    assert!(Path::new(&out.join("good/2025-q1.json")).is_file());
    assert!(messages.contains("imported 1 report(s)") && messages.contains("2 file(s) failed"), "{messages}");
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&["--out"]).0, 2);
    assert_eq!(run(&["somewhere"]).0, 2);
    assert_eq!(run(&["/no/such/folder", "--out", "/tmp/x"]).0, 2);
}
