//! Any bytes as a report's JSON: decoding fails cleanly or yields a report that filtering,
//! cross-quarter matching and link listing handle without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quarterly_core::filter::{apply, hider, search, Filter, SearchIndex};
use quarterly_core::model::Report;

fuzz_target!(|data: &[u8]| {
    let Ok(report) = serde_json::from_slice::<Report>(data) else { return };
    let text = report.title.chars().take(3).collect::<String>();
    let filter = Filter { objective: report.objectives.first().map(|o| o.id.clone()), statuses: vec![], text, ..Filter::default() };
    let index = SearchIndex::new(&report);
    let _ = apply(&report, &index, &filter).page(3);
    let _ = hider(&report, &index, &filter);
    let _ = search(&[&report], "a");
    let _ = report.all_links();
    let _ = quarterly_core::history::timeline(&[&report, &report]);
    let _ = quarterly_core::history::changes(&report, &report);
});
