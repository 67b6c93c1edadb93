//! Whatever the bytes, the importer answers with a report or diagnostics, never a panic.

use proptest::prelude::*;
use quarterly_import::import_bytes;

/// Markdown-ish text built from the pieces reports are made of, so the search reaches the
/// table, list, link and heading code rather than only plain text.
fn reportish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# 2025 Q2 X\n".to_string()),
        Just("## Objectives & Key Results\n".to_string()),
        Just("## Recent News\n".to_string()),
        Just("### Purpose\n".to_string()),
        Just("| **Objective #1: A** | |\n|-|-|\n".to_string()),
        Just("| **KR1.1**: b | On Target |\n".to_string()),
        Just("|KR 9.9|".to_string()),
        Just("* [t](https://x.example) (A, B)\n".to_string()),
        Just("<mark>".to_string()),
        Just("</mark>".to_string()),
        Just("**bold**\n\n".to_string()),
        Just("> ".to_string()),
        Just("  - ".to_string()),
        Just("https://a.example/(x)).".to_string()),
        Just("â€“".to_string()),
        "[^\\x00]{0,20}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let outcome = import_bytes("2025-Q1-Fuzz.md", &bytes);
        prop_assert!(outcome.report.is_some() || outcome.has_errors());
    }

    #[test]
    fn report_shaped_text_never_panics(text in reportish(), name in "[ -~]{0,30}") {
        let outcome = import_bytes(&name, text.as_bytes());
        prop_assert!(outcome.report.is_some() || outcome.has_errors());
    }
}

#[test]
fn ten_megabytes_in_one_line_imports() {
    let text = format!("# 2025 Q1 Big\n\n## Overview\n\n{}\n", "word ".repeat(2_000_000));
    let outcome = import_bytes("big.md", text.as_bytes());
    assert!(outcome.report.is_some());
}

#[test]
fn deeply_nested_lists_and_quotes_import() {
    let mut text = String::from("# 2025 Q1 Deep\n\n## Overview\n\n");
    for depth in 0..3000 {
        text.push_str(&"  ".repeat(depth));
        text.push_str("- > item\n");
    }
    assert!(import_bytes("deep.md", text.as_bytes()).report.is_some());
}
