//! The `quarterly-import` command: files in, JSON out, `file:line:` messages, exit status.

mod support;

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let (status, _, stderr) = run_full(args);
    (status, stderr)
}

/// Exit status, standard output, standard error.
fn run_full(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_quarterly-import")).args(args).output().unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (output.status.code().unwrap_or(-1), text(&output.stdout), text(&output.stderr))
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

/// A folder with a report that imports with a warning, a file without a quarter and a binary
/// file; the three file paths.
fn broken_inputs(name: &str) -> [String; 3] {
    let input = temp_dir(name);
    std::fs::write(
        input.join("2025-Q1-Good.md"),
        "# 2025 Q1 Good\n\n## Overview\n\nFine.\n\n## OKRs\n\n|KR|Status|\n|-|-|\n|**O1: A**||\n|KR 1.1: b|Purple|\n",
    )
    .unwrap();
    std::fs::write(input.join("notes.md"), "# Notes without a quarter\n").unwrap();
    std::fs::write(input.join("2025-Q1-Binary.md"), [0u8, 159, 146, 150]).unwrap();
    ["2025-Q1-Good.md", "notes.md", "2025-Q1-Binary.md"].map(|file| input.join(file).to_str().unwrap().to_string())
}

#[test]
fn a_broken_file_is_reported_with_its_line_and_does_not_stop_the_others() {
    let [good, notes, binary] = broken_inputs("broken-in");
    let out = temp_dir("broken-out");
    let (status, messages) = run(&[&good, &notes, &binary, "--out", out.to_str().unwrap()]);
    // The site still builds from the reports that imported: only --check fails the run.
    assert_eq!(status, 0, "{messages}");
    let line = |needle: &str| {
        messages.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("no {needle} in {messages}")).to_string()
    };
    assert!(line("Purple").ends_with("2025-Q1-Good.md:12: warning: key result 1.1: status \"Purple\" is not one the viewer knows; it will show as unknown"));
    assert!(line("notes.md").contains("notes.md:1: error: cannot tell which quarter"));
    assert!(line("Binary").contains("2025-Q1-Binary.md:1: error: this is not a text file"));
    assert!(Path::new(&out.join("good/2025-q1.json")).is_file());
    assert!(messages.contains("imported 1 report(s)") && messages.contains("2 file(s) failed"), "{messages}");
}

#[test]
fn check_writes_nothing_and_fails_only_on_errors() {
    let [good, notes, binary] = broken_inputs("check-in");
    let before: Vec<_> = std::fs::read_dir(Path::new(&good).parent().unwrap()).unwrap().collect();
    let (status, messages) = run(&["--check", &good, &notes, &binary]);
    assert_eq!(status, 1, "{messages}");
    assert!(messages.contains("notes.md:1: error: cannot tell which quarter"), "{messages}");
    assert!(messages.contains("checked 1 report(s) with 1 warning(s); 2 file(s) failed"), "{messages}");
    let after: Vec<_> = std::fs::read_dir(Path::new(&good).parent().unwrap()).unwrap().collect();
    assert_eq!(before.len(), after.len(), "--check wrote a file");
    // Warnings alone pass the check.
    let (status, messages) = run(&["--check", &good]);
    assert_eq!(status, 0, "{messages}");
    assert!(messages.contains("2025-Q1-Good.md:12: warning:"), "{messages}");
    // Checking and writing are two different runs.
    assert_eq!(run(&["--check", &good, "--out", "/tmp/x"]).0, 2);
}

#[test]
fn github_format_annotates_each_file_and_line() {
    let [good, notes, _] = broken_inputs("github-in");
    let (status, stdout, stderr) = run_full(&["--check", "--format", "github", &good, &notes]);
    assert_eq!(status, 1, "{stderr}");
    let commands: Vec<&str> = stdout.lines().collect();
    assert_eq!(commands.len(), 2, "{stdout}");
    let good_file = good.replace(':', "%3A").replace(',', "%2C");
    assert!(
        commands[0].starts_with(&format!(
            "::warning file={good_file},line=12,title=quarterly-import%3A warning::key result 1.1"
        )),
        "{stdout}"
    );
    assert!(commands[1].starts_with("::error file=") && commands[1].contains("notes.md,line=1,"), "{stdout}");
    assert!(run(&["--check", "--format", "json", &good]).0 == 2);
}

#[test]
fn the_summary_lists_every_finding_and_is_appended_to() {
    let [good, notes, binary] = broken_inputs("summary-in");
    let summary = temp_dir("summary-out").join("summary.md");
    let out = temp_dir("summary-site");
    let (status, messages) =
        run(&[&good, &notes, &binary, "--out", out.to_str().unwrap(), "--summary", summary.to_str().unwrap()]);
    assert_eq!(status, 0, "{messages}");
    run(&["--check", &good, "--summary", summary.to_str().unwrap()]);
    let text = std::fs::read_to_string(&summary).unwrap();
    assert_eq!(text.matches("### quarterly-import").count(), 2, "{text}");
    assert!(text.contains(": 2 error(s), 1 warning(s), 2 file(s) failed."), "{text}");
    assert!(text.contains("checked 1 report(s): 0 error(s), 1 warning(s), 0 file(s) failed."), "{text}");
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| File")).collect();
    // First run: the warning and the two failures; second run: the warning again.
    assert_eq!(rows.len(), 4, "{text}");
    assert!(rows.iter().any(|r| r.contains("notes.md | 1 | error | cannot tell which quarter")), "{text}");
    assert!(rows.iter().any(|r| r.contains("2025-Q1-Binary.md | 1 | error |")), "{text}");
}

#[test]
fn the_corpus_check_finds_a_previous_report_link_to_another_initiative_and_a_link_to_no_file() {
    let reports = support::ti_reports();
    let registry = support::registry();
    let (status, messages) = run(&["--check", "--registry", registry.to_str().unwrap(), reports.to_str().unwrap()]);
    assert_eq!(status, 0, "warnings only: {messages}");
    let bear = reports.join("2026/2026-Q1-BEAR-WG.md");
    assert!(
        messages.contains(&format!("{}:1: warning: links to BEST WG's 2025 Q4 report, not", bear.display())),
        "{messages}"
    );
    let scp = reports.join("2025/2025-Q1-SCP-WG.md");
    assert!(
        messages
            .contains(&format!("{}:9: warning: links to \"../2024-Q3-SCP-WG.md\", which is not a file", scp.display())),
        "{messages}"
    );
    // A relative link to a report that is there is no finding of its own.
    assert!(!messages.contains("\"2025-Q1-SCP-WG.md\", which is not a file"), "{messages}");
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
