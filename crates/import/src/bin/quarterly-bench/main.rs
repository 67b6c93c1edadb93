//! `quarterly-bench [folder]`: how fast the importer turns a folder of reports (by default
//! `reports/`) into the model, beside the cost of parsing the same Markdown with
//! pulldown-cmark alone (the floor any importer built on it has). Both run interleaved in one
//! process, so the ratio holds on a noisy machine even when the absolute times do not. It also
//! times following key results across quarters over the imported reports (what a history page
//! and a report's "Since last quarter" compute in the browser).

use quarterly_core::history;
use quarterly_core::model::Report;
use std::collections::BTreeMap;
use std::time::Instant;

fn main() -> std::process::ExitCode {
    let folder = std::env::args().nth(1).unwrap_or_else(|| "reports".into());
    let files = read_reports(&folder);
    if files.is_empty() {
        eprintln!("quarterly-bench: no reports in {folder}");
        return std::process::ExitCode::from(2);
    }
    let bytes = files.iter().map(|(_, b)| b.len()).sum::<usize>() as f64;
    let passes = 200;
    let Timings { import, parse, history, key_results } = measure(&files, passes);
    println!(
        "importer benchmark: {} reports, {:.1} KB of Markdown, {key_results} key results, {passes} passes",
        files.len(),
        bytes / 1024.0
    );
    println!("| measure | median per pass | throughput |");
    println!("|---|---|---|");
    println!(
        "| import (decode, parse, build the model) | {:.2} ms | {:.1} MB/s, {:.0} reports/s |",
        import * 1e3,
        bytes / import / 1e6,
        files.len() as f64 / import
    );
    println!("| pulldown-cmark parse alone (the floor) | {:.2} ms | {:.1} MB/s |", parse * 1e3, bytes / parse / 1e6);
    println!("| ratio import / parse | {:.2}x | |", import / parse);
    println!(
        "| every initiative's timeline and every report's changes since the quarter before | {:.2} ms | |",
        history * 1e3
    );
    std::process::ExitCode::SUCCESS
}

/// Every report file below `folder`, by file name, with its bytes.
fn read_reports(folder: &str) -> Vec<(String, Vec<u8>)> {
    let found = quarterly_import::report_files::in_folder(std::path::Path::new(folder));
    for problem in &found.problems {
        eprintln!("quarterly-bench: {problem}");
    }
    found
        .reports
        .iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            std::fs::read(path).ok().map(|bytes| (name, bytes))
        })
        .collect()
}

/// Median seconds per pass over all the files.
struct Timings {
    import: f64,
    parse: f64,
    history: f64,
    key_results: usize,
}

/// Imports, then parses alone, every file, `passes` times, interleaved.
fn measure(files: &[(String, Vec<u8>)], passes: usize) -> Timings {
    let (mut import_times, mut parse_times, mut history_times) = (Vec::new(), Vec::new(), Vec::new());
    let mut key_results = 0;
    for _ in 0..passes {
        let start = Instant::now();
        let mut by_initiative: BTreeMap<String, Vec<Report>> = BTreeMap::new();
        for (name, content) in files {
            if let Some(report) = quarterly_import::import_bytes(name, content).report {
                by_initiative.entry(report.initiative.slug.clone()).or_default().push(report);
            }
        }
        import_times.push(start.elapsed().as_secs_f64());
        key_results = by_initiative.values().flatten().map(|r| r.key_results().count()).sum();
        let start = Instant::now();
        let mut tracks = 0;
        for reports in by_initiative.values_mut() {
            reports.sort_by_key(|r| r.period);
            tracks += history::timeline(&reports.iter().collect::<Vec<_>>()).key_results.len();
            for pair in reports.windows(2) {
                tracks += history::changes(&pair[0], &pair[1]).added.len();
            }
        }
        std::hint::black_box(tracks);
        history_times.push(start.elapsed().as_secs_f64());
        let start = Instant::now();
        let mut events = 0usize;
        for (_, content) in files {
            let text = String::from_utf8_lossy(content);
            events += pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::ENABLE_TABLES).count();
        }
        std::hint::black_box(events);
        parse_times.push(start.elapsed().as_secs_f64());
    }
    let median = |mut times: Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    Timings { import: median(import_times), parse: median(parse_times), history: median(history_times), key_results }
}
