//! What the importer extracts from the whole corpus in `reports/`, measured against what the raw
//! Markdown holds. The "text has it" side is a deliberately simple line-based reading of the
//! Markdown, independent of the importer's classifier, so that these tests can fail.
//! `cargo test --test corpus_structure -- --nocapture` prints the figures.

mod support;

use quarterly_core::model::{Block, Report};
use quarterly_import::{import_bytes, repair_mojibake};
use std::path::PathBuf;

fn corpus() -> Vec<PathBuf> {
    let files = support::report_files(&support::ti_reports());
    assert!(files.len() >= 60, "expected the whole corpus in reports/, found {} reports", files.len());
    files
}

/// A report's visible Markdown (template `<mark>` instructions taken out) and its import.
struct Imported {
    name: String,
    markdown: String,
    report: Report,
}

fn import_all() -> Vec<Imported> {
    corpus()
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a readable report");
            let name = path.strip_prefix(support::repo_root()).unwrap_or(&path).display().to_string();
            let file_name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            let report = import_bytes(&file_name, &bytes).report.unwrap_or_else(|| panic!("{name} did not import"));
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let text = repair_mojibake(&text).map_or(text, |(repaired, _)| repaired);
            Imported { name, markdown: without_marks(&text), report }
        })
        .collect()
}

fn without_marks(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<mark>") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("</mark>").map_or("", |end| &rest[start + end + "</mark>".len()..]);
    }
    out.push_str(rest);
    out
}

/// Lowercase words of letters and digits, one space apart.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `[text](target)` -> `text`: the target is not part of the text a reader sees.
fn without_link_targets(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        rest = after.find(')').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out
}

/// One line read the simple way: a heading, a bold label (alone or starting the line), or text.
#[derive(Debug)]
struct Line {
    /// Heading text, or the bold words that start the line.
    label: Option<String>,
    /// What follows the label on the same line.
    rest: String,
    heading: bool,
}

fn read_line(raw: &str) -> Line {
    let mut line = raw.trim();
    for marker in ["* ", "- ", "+ "] {
        line = line.strip_prefix(marker).unwrap_or(line).trim_start();
    }
    if line.starts_with('#') {
        let text = line.trim_start_matches('#').trim();
        return Line { label: Some(text.replace("**", "")), rest: String::new(), heading: true };
    }
    if let Some(bold) = line.strip_prefix("**") {
        if let Some(end) = bold.find("**") {
            let rest = bold[end + 2..].trim_start_matches(':').trim().to_string();
            return Line { label: Some(bold[..end].to_string()), rest, heading: false };
        }
    }
    Line { label: None, rest: line.to_string(), heading: false }
}

fn is_purpose(label: &str) -> bool {
    fold(label).starts_with("purpose")
}

/// "Questions/Issues for the TAC", "Questions / Requests for Oversight Body", "TAC Request": a
/// short label (not a bold sentence that mentions the TAC).
fn is_question_label(label: &str) -> bool {
    let folded = fold(&without_link_targets(label));
    let asks_tac =
        folded.split(' ').any(|w| w == "tac") && ["request", "question", "issue"].iter().any(|w| folded.contains(w));
    let short = folded.split(' ').count() <= 12;
    short && (folded.starts_with("questions") || folded.contains("oversight body") || asks_tac)
}

/// "None", "N/A", "Nothing at this time", "No questions.": a short line saying there is nothing.
fn says_none(text: &str) -> bool {
    let folded = fold(text);
    let short = folded.split(' ').count() <= 10;
    let opener = ["none", "n a", "na", "nothing", "no ", "not at this time"].iter().any(|w| folded.starts_with(w));
    short && opener
}

/// The lines of the file outside code fences, with their numbers.
fn lines(markdown: &str) -> Vec<(usize, &str)> {
    let mut fenced = false;
    let mut out = Vec::new();
    for (index, line) in markdown.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push((index + 1, line));
        }
    }
    out
}

/// Each question for the TAC the text holds (not a "none"): its line and its first words.
fn questions_in_text(markdown: &str) -> Vec<(usize, String)> {
    let lines = lines(markdown);
    let mut found = Vec::new();
    for (position, (number, raw)) in lines.iter().enumerate() {
        let line = read_line(raw);
        if !line.label.as_deref().is_some_and(is_question_label) {
            continue;
        }
        let content = if line.rest.is_empty() { following_text(&lines[position + 1..]) } else { line.rest };
        let words = fold(&without_link_targets(&content));
        if !words.is_empty() && !says_none(&words) {
            found.push((*number, words.split(' ').take(8).collect::<Vec<_>>().join(" ")));
        }
    }
    found
}

/// The text under a heading or label alone on its line: up to the next heading or bold line.
fn following_text(lines: &[(usize, &str)]) -> String {
    let mut text = String::new();
    for (_, raw) in lines {
        let line = read_line(raw);
        let bold_alone = line.label.is_some() && line.rest.is_empty();
        if line.heading || bold_alone {
            break;
        }
        if !raw.trim().is_empty() && !raw.trim().chars().all(|c| c == '-' || c == '*' || c == '_') {
            text.push_str(raw);
            text.push(' ');
        }
    }
    text
}

fn has_purpose_in_text(markdown: &str) -> usize {
    lines(markdown).iter().filter(|(_, raw)| read_line(raw).label.is_some_and(|label| is_purpose(&label))).count()
}

fn blocks_text(blocks: &[Block]) -> String {
    serde_json::to_value(blocks).map(|value| visible_text(&value)).unwrap_or_default()
}

/// Every string a reader sees in a piece of the JSON (not the type tags, not link targets).
fn visible_text(value: &serde_json::Value) -> String {
    let mut out = String::new();
    push_visible_text(value, &mut out);
    out
}

fn push_visible_text(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(text) => {
            out.push_str(text);
            out.push(' ');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| push_visible_text(item, out)),
        serde_json::Value::Object(fields) => {
            for (key, field) in fields {
                if key != "type" && key != "url" {
                    push_visible_text(field, out);
                }
            }
        }
        _ => {}
    }
}

fn extracted_questions(report: &Report) -> String {
    let mut text = blocks_text(&report.questions_for_tac);
    for activity in &report.activities {
        text.push_str(&blocks_text(&activity.questions_for_tac));
    }
    fold(&text)
}

#[test]
fn activities_and_questions_for_the_tac_are_extracted_wherever_the_text_has_them() {
    let imported = import_all();
    let (mut with_activities, mut yielding, mut purpose_labels, mut purposes) = (0, 0, 0, 0);
    let (mut with_questions, mut all_extracted, mut questions, mut extracted) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for Imported { name, markdown, report } in &imported {
        let labels = has_purpose_in_text(markdown);
        let with_purpose = report.activities.iter().filter(|a| !a.purpose.is_empty()).count();
        if labels > 0 {
            with_activities += 1;
            purpose_labels += labels;
            purposes += with_purpose.min(labels);
            if with_purpose < labels {
                eprintln!("  {name}: {labels} Purpose label(s), {with_purpose} activities with a purpose");
            }
            if with_purpose > 0 {
                yielding += 1;
            } else {
                failures.push(format!("{name}: {labels} Purpose label(s) in the text, no activity with a purpose"));
            }
        }
        let asked = questions_in_text(markdown);
        if !asked.is_empty() {
            with_questions += 1;
            let found = extracted_questions(report);
            let missing: Vec<_> = asked.iter().filter(|(_, words)| !found.contains(words.as_str())).collect();
            questions += asked.len();
            extracted += asked.len() - missing.len();
            if missing.is_empty() {
                all_extracted += 1;
            }
            failures.extend(
                missing.iter().map(|(line, words)| format!("{name}:{line}: question not extracted: \"{words}…\"")),
            );
        }
    }
    eprintln!("reports: {}", imported.len());
    eprintln!("activities: {yielding} of {with_activities} reports whose text has a Purpose yield an activity with a purpose ({purposes} of {purpose_labels} Purpose labels)");
    eprintln!("questions for the TAC: {all_extracted} of {with_questions} reports with a real question have all extracted ({extracted} of {questions} questions)");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Headings and bold labels whose wording becomes the report's structure rather than its text.
fn is_template_heading(label: &str) -> bool {
    const TEMPLATE: [&str; 19] = [
        "purpose",
        "current status",
        "status",
        "up next",
        "next step",
        "questions",
        "funding",
        "overview",
        "objectives",
        "additional information",
        "recent events",
        "upcoming events",
        "activity",
        "activities",
        "participation",
        "tac request",
        "summary",
        "tl dr",
        "other information",
    ];
    // Report-wide parts under the author's own wording ("AI Objectives", "Media Roundup" in
    // 2026-Q1-Alpha-Omega): the model has no heading for them.
    const PARTS: [&str; 4] = ["objectives", "okrs", "news", "media"];
    let folded = fold(label);
    let words = folded.split(' ').count() <= 4;
    TEMPLATE.iter().any(|start| folded.starts_with(start))
        || is_question_label(label)
        || folded.contains("up next")
        || (words && folded.split(' ').any(|word| PARTS.contains(&word)))
}

/// What follows a heading's label after a colon or a dash ("Up Next- Joint venture...",
/// "Activity #2: Title"): the author's text, not the label.
fn after_label(label: &str) -> String {
    let colon = label.find(':');
    let dash = label.find("- ").or_else(|| label.find("– "));
    match colon.into_iter().chain(dash).min() {
        Some(at) => label[at..].trim_start_matches([':', '-', '–', ' ']).to_string(),
        None => String::new(),
    }
}

/// The pieces of a line a reader sees, each of which must reach the JSON whole: the text between
/// links and each link's text (a news entry's title and attribution are stored apart).
fn split_links(line: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let before = &rest[..at];
        let open = before.rfind('[').unwrap_or(0);
        pieces.push(before[..open].to_string());
        pieces.push(before[open..].to_string());
        let after = &rest[at + 2..];
        rest = after.find(')').map_or("", |end| &after[end + 1..]);
    }
    pieces.push(rest.to_string());
    pieces
}

/// The text of a line to look for in the JSON, in pieces; none for syntax-only lines.
fn visible_pieces(raw: &str) -> Vec<String> {
    let trimmed = raw.trim().trim_start_matches('>').trim();
    if trimmed.starts_with('[') && trimmed.contains("]: ") {
        return Vec::new(); // A link reference definition: its address is checked with the links.
    }
    let unnumbered = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
    let trimmed = unnumbered.strip_prefix(". ").or_else(|| unnumbered.strip_prefix(") ")).unwrap_or(trimmed);
    if trimmed.starts_with('|') {
        // An OKR table's header cells are its structure.
        let header = |cell: &&str| {
            matches!(fold(cell).as_str(), "key result" | "key results" | "status" | "objective" | "objectives")
        };
        return trimmed.split('|').filter(|cell| !header(cell)).flat_map(split_links).collect();
    }
    let line = read_line(trimmed);
    let text = match &line.label {
        Some(label) if is_template_heading(label) => format!("{} {}", after_label(label), line.rest),
        Some(label) if line.heading => label.clone(),
        Some(label) => format!("{label} {}", line.rest),
        None => line.rest,
    };
    split_links(&text)
}

/// "kr 1 1 fund…", "objective 2 the top…", "o1 catalyze…" -> the text: OKR ids are stored apart.
fn without_okr_id(words: &str) -> String {
    let mut rest: Vec<&str> = words.split(' ').collect();
    let is_number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let id_word = |w: &str| {
        ["kr", "o", "objective", "key"].contains(&w)
            || (w.len() > 1 && ["kr", "o"].iter().any(|p| w.strip_prefix(p).is_some_and(is_number)))
    };
    if rest.first().is_some_and(|w| id_word(w)) {
        rest.remove(0);
        while rest.first().is_some_and(|w| is_number(w) || *w == "result") {
            rest.remove(0);
        }
    }
    rest.join(" ")
}

/// Nothing the author wrote is lost: every line's visible text (outside `<mark>` instructions,
/// "None" answers and the template's own labels) is found, whole, in the report's JSON.
#[test]
fn every_line_a_report_author_wrote_reaches_the_json() {
    let (mut checked, mut missing) = (0, Vec::new());
    for Imported { name, markdown, report } in import_all() {
        let json = serde_json::to_value(&report).expect("a report serialises");
        let text = format!(" {} ", fold(&visible_text(&json)));
        for (number, raw) in lines(&markdown) {
            for piece in visible_pieces(raw) {
                let words = without_okr_id(&fold(&piece));
                if words.is_empty() || says_none(&words) {
                    continue;
                }
                checked += 1;
                if !text.contains(&format!(" {words} ")) {
                    missing.push(format!("{name}:{number}: \"{}\" is missing from the JSON", piece.trim()));
                }
            }
        }
    }
    eprintln!("text kept: {} of {checked} pieces of text found in the JSON", checked - missing.len());
    assert!(checked > 3000, "only {checked} pieces of text: the reading of the Markdown is broken");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
