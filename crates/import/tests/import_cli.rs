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
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    let entries = index["reports"].as_array().unwrap();
    // 65 reports in 2024..2026; the damaged copy is one of them again.
    assert_eq!(entries.len(), 65, "{messages}");
    assert_eq!(support::report_files(&reports).len(), 66);
    assert!(out.join("summary.json").is_file() && out.join("search.json").is_file());
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
    std::fs::write(
        input.join("2025-Q1-Good.md"),
        "# 2025 Q1 Good\n\n## OKRs\n\n|KR|Status|\n|-|-|\n|**O1: A**||\n|KR 1.1: b|Purple|\n",
    )
    .unwrap();
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
    let line = |needle: &str| {
        messages.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("no {needle} in {messages}")).to_string()
    };
    assert!(line("Purple").ends_with("2025-Q1-Good.md:8: warning: key result 1.1: status \"Purple\" is not one the viewer knows; it will show as unknown"));
    assert!(line("notes.md").contains("notes.md:1: error: cannot tell which quarter"));
    assert!(line("Binary").contains("2025-Q1-Binary.md:1: error: this is not a text file"));
    assert!(Path::new(&out.join("good/2025-q1.json")).is_file());
    assert!(messages.contains("imported 1 report(s)") && messages.contains("2 file(s) failed"), "{messages}");
}

fn catalog_of(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap()
}

#[test]
fn with_the_registry_aliases_are_one_initiative_under_its_proper_name() {
    let out = temp_dir("registry");
    let reports = support::ti_reports();
    let registry = support::registry();
    let (status, messages) =
        run(&[reports.to_str().unwrap(), "--registry", registry.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(status, 0, "{messages}");
    assert!(!messages.contains("unknown initiative"), "every corpus initiative is registered: {messages}");
    let catalog = catalog_of(&out);
    let vd: Vec<String> = catalog["reports"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["initiative"]["slug"] == "vd-wg")
        .map(|entry| format!("{} {}", entry["initiative"]["name"].as_str().unwrap(), entry["path"].as_str().unwrap()))
        .collect();
    // Filed as VULN-WG (2024 Q4), Vulnerability-Disclosure-WG (2025 Q1) and VD-WG (since 2025 Q2).
    assert_eq!(vd.len(), 6, "{vd:?}");
    assert!(vd.iter().all(|line| line.starts_with("Vulnerability Disclosures WG vd-wg/")), "{vd:?}");
    assert!(out.join("vd-wg/2024-q4.json").is_file() && !out.join("vuln-wg").exists());
    let slugs: Vec<&str> =
        catalog["initiatives"].as_array().unwrap().iter().map(|i| i["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs.len(), 13, "{slugs:?}");
}

#[test]
fn an_unknown_initiative_imports_with_a_warning_naming_the_closest() {
    let input = temp_dir("unknown-in");
    let out = temp_dir("unknown-out");
    std::fs::write(
        input.join("2026-Q3-VULNS-WG.md"),
        "# 2026 Q3 Vulns WG

## Overview

New.
",
    )
    .unwrap();
    let registry = support::registry();
    let (status, messages) =
        run(&[input.to_str().unwrap(), "--registry", registry.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(status, 0, "{messages}");
    let warning =
        messages.lines().find(|line| line.contains("unknown initiative")).unwrap_or_else(|| panic!("{messages}"));
    assert!(
        warning.ends_with("2026-Q3-VULNS-WG.md:1: warning: unknown initiative \"VULNS-WG\"; closest: Vulnerability Disclosures WG (vd-wg), Securing Software Repositories WG (repos-wg)"),
        "{warning}"
    );
    assert!(out.join("vulns-wg/2026-q3.json").is_file());
}

#[test]
fn an_alias_claimed_twice_stops_the_import_naming_both_lines() {
    let input = temp_dir("claimed-in");
    let registry = input.join("initiatives.json");
    std::fs::write(
        &registry,
        "{\"initiatives\": [\n{\"slug\": \"a\", \"name\": \"A\", \"kind\": \"WG\", \"aliases\": [\"X-WG\"]},\n{\"slug\": \"b\", \"name\": \"B\", \"kind\": \"WG\", \"aliases\": [\"x wg\"]}\n]}",
    )
    .unwrap();
    let (status, messages) =
        run(&[input.to_str().unwrap(), "--registry", registry.to_str().unwrap(), "--out", "/tmp/unused"]);
    assert_eq!(status, 2, "{messages}");
    assert!(
        messages
            .contains("initiatives.json:3: error: \"x wg\" is claimed by two initiatives: a (line 2) and b (line 3)"),
        "{messages}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&["--out"]).0, 2);
    assert_eq!(run(&["somewhere"]).0, 2);
    assert_eq!(run(&["/no/such/folder", "--out", "/tmp/x"]).0, 2);
}
