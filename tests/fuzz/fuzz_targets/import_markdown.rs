//! Any bytes as a report file: the importer answers with a report or diagnostics, never a panic,
//! and whatever report it makes encodes to JSON that decodes back to the same report.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let outcome = quarterly_import::import_bytes("2025-Q1-Fuzz.md", data);
    assert!(outcome.report.is_some() || outcome.has_errors());
    if let Some(report) = outcome.report {
        let json = serde_json::to_string(&report).unwrap();
        let back: quarterly_core::model::Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report);
    }
});
