//! Tables to take away into a spreadsheet or a script: the key results a filter shows, an
//! initiative's history matrix, and a quarter's questions and funding requests. Each is one
//! [`Table`], written as CSV (what spreadsheets open correctly) or as JSON (an array of objects,
//! one per row, keyed like the columns).
//!
//! The CSV is written here rather than with the `csv` crate: quoting every field takes a dozen
//! lines, and the crate would ship in the browser bundle. The end-to-end test reads the downloaded
//! file back with that crate.

use crate::filter::Filtered;
use crate::foundation::QuarterAsks;
use crate::history::Timeline;
use crate::model::summary::{Ask, AskKind};
use crate::model::{blocks_plain_text, plain_text, Period, Report, Status};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// Rows under named columns. A cell is `None` where there is nothing (JSON `null`, an empty CSV
/// cell), which is not the same as an empty text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Each column's JSON key (`key_result`) and CSV heading ("Key result").
    pub columns: Vec<(String, String)>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Option<String>>>,
}

/// Where a cell starts with one of these, a spreadsheet would run it as a formula (`=HYPERLINK(…)`,
/// `+1`, `-1+1`, `@SUM(…)`; a tab or a carriage return can hide one). OWASP's "CSV injection".
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

impl Table {
    /// An empty table with these columns: (JSON key, CSV heading) each.
    pub fn new(columns: &[(&str, &str)]) -> Table {
        Table {
            columns: columns.iter().map(|(key, label)| (key.to_string(), label.to_string())).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells at its end are `None`, and extra cells are a bug.
    fn push(&mut self, mut row: Vec<Option<String>>) {
        debug_assert!(row.len() <= self.columns.len(), "a row has more cells than the table has columns");
        row.resize(self.columns.len(), None);
        self.rows.push(row);
    }

    /// CSV as spreadsheets open it correctly: UTF-8 with a byte-order mark (without it, Excel reads
    /// the bytes as the system's code page), every field quoted, quotes doubled, CRLF between
    /// records (RFC 4180), and cells that would run as formulas neutralised by a leading `'`.
    pub fn to_csv(&self) -> String {
        let mut out = String::from('\u{feff}');
        let headings = self.columns.iter().map(|(_, label)| Some(label.as_str()));
        push_record(&mut out, headings);
        for row in &self.rows {
            push_record(&mut out, row.iter().map(Option::as_deref));
        }
        out
    }

    /// JSON: an array with one object per row, its keys in the columns' order.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a table of strings always serialises")
    }
}

fn push_record<'a>(out: &mut String, cells: impl Iterator<Item = Option<&'a str>>) {
    for (index, cell) in cells.enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push('"');
        let cell = cell.unwrap_or_default();
        if cell.starts_with(FORMULA_STARTS) {
            out.push('\'');
        }
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    }
    out.push_str("\r\n");
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut rows = serializer.serialize_seq(Some(self.rows.len()))?;
        for row in &self.rows {
            rows.serialize_element(&Row { columns: &self.columns, cells: row })?;
        }
        rows.end()
    }
}

/// One row as a JSON object, keyed in the columns' order.
struct Row<'a> {
    columns: &'a [(String, String)],
    cells: &'a [Option<String>],
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_map(Some(self.columns.len()))?;
        for ((key, _), cell) in self.columns.iter().zip(self.cells) {
            object.serialize_entry(key, cell)?;
        }
        object.end()
    }
}

/// A status as readers see it ("In progress"), or "No status" when the author gave none.
fn status_label(status: Option<&Status>) -> String {
    status.map_or("No status", |status| status.kind.label()).to_string()
}

/// The key results a filter shows, in the table's order: one row each, with its objective and its
/// status both as understood and as the author wrote it.
pub fn key_results(report: &Report, filtered: &Filtered) -> Table {
    let mut table = Table::new(&[
        ("initiative", "Initiative"),
        ("quarter", "Quarter"),
        ("objective", "Objective"),
        ("objective_title", "Objective title"),
        ("key_result", "Key result"),
        ("text", "Description"),
        ("status", "Status"),
        ("status_as_written", "Status as written"),
    ]);
    for (objective_index, key_results) in &filtered.groups {
        let objective = &report.objectives[*objective_index];
        for key_result in key_results.iter().map(|index| &objective.key_results[*index]) {
            table.push(vec![
                Some(report.initiative.name.clone()),
                Some(report.period.to_string()),
                Some(objective.id.clone()),
                Some(plain_text(&objective.title)),
                Some(key_result.id.clone()),
                Some(plain_text(&key_result.text)),
                Some(status_label(key_result.status.as_ref())),
                key_result.status.as_ref().map(|status| status.written.clone()),
            ]);
        }
    }
    table
}

/// An initiative's history matrix, in the order the page shows it: a row per key result (its
/// latest number and text) and a column per quarter with its status there, `None` where the key
/// result is not in that quarter's report.
pub fn history(timeline: &Timeline) -> Table {
    let quarters: Vec<String> = timeline.periods.iter().map(Period::to_string).collect();
    let mut columns = vec![
        ("objective", "Objective"),
        ("objective_title", "Objective title"),
        ("key_result", "Key result"),
        ("text", "Description"),
    ];
    columns.extend(quarters.iter().map(|quarter| (quarter.as_str(), quarter.as_str())));
    let mut table = Table::new(&columns);
    for (objective_index, rows) in timeline.grouped() {
        let objective = &timeline.objectives[objective_index];
        let title = objective.titles.iter().rev().flatten().next().cloned();
        for track in rows.iter().map(|row| &timeline.key_results[*row]) {
            let latest = track.latest();
            let mut row =
                vec![Some(objective.id.clone()), title.clone(), Some(latest.id.clone()), Some(latest.text.clone())];
            row.extend(track.cells.iter().map(|cell| cell.as_ref().map(|cell| status_label(cell.status.as_ref()))));
            table.push(row);
        }
    }
    table
}

/// A quarter's questions and funding requests, as the "For the …" page lists them. `kind` names
/// each kind in words; `link` gives an ask's address (its report's path and its anchor).
pub fn asks(
    asks: &QuarterAsks,
    kind: impl Fn(AskKind) -> String,
    link: impl Fn(&str, Period, &Ask) -> String,
) -> Table {
    let mut table = Table::new(&[
        ("quarter", "Quarter"),
        ("initiative", "Initiative"),
        ("kind", "Kind"),
        ("activity", "Activity"),
        ("text", "Text"),
        ("link", "Link"),
    ]);
    for group in &asks.groups {
        for ask in &group.asks {
            table.push(vec![
                Some(group.period.to_string()),
                Some(group.initiative.name.clone()),
                Some(kind(ask.kind)),
                ask.activity.clone(),
                Some(blocks_plain_text(&ask.content)),
                Some(link(&group.initiative.slug, group.period, ask)),
            ]);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads CSV back as a spreadsheet would: the BOM, then RFC 4180 records.
    fn read_csv(csv: &str) -> Vec<Vec<String>> {
        let body = csv.strip_prefix('\u{feff}').expect("a byte-order mark first");
        let mut records = Vec::new();
        let (mut record, mut field, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => record.push(std::mem::take(&mut field)),
                ('\r', false) => {
                    assert_eq!(chars.next(), Some('\n'), "CRLF between records");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                _ => field.push(c),
            }
        }
        assert!(!quoted && field.is_empty() && record.is_empty(), "the last record ends with CRLF");
        records
    }

    fn one_column(cells: &[&str]) -> Table {
        let mut table = Table::new(&[("cell", "Cell")]);
        for cell in cells {
            table.push(vec![Some(cell.to_string())]);
        }
        table
    }

    #[test]
    fn csv_starts_with_a_byte_order_mark_and_quotes_every_field() {
        let csv = one_column(&["plain"]).to_csv();
        assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
        assert_eq!(csv, "\u{feff}\"Cell\"\r\n\"plain\"\r\n");
    }

    #[test]
    fn commas_quotes_and_newlines_stay_inside_their_cell() {
        let cells = ["a, b", "she said \"done\"", "line one\nline two", "crlf\r\ninside", "\"", ""];
        let read = read_csv(&one_column(&cells).to_csv());
        let expected: Vec<Vec<String>> =
            std::iter::once("Cell").chain(cells).map(|cell| vec![cell.to_string()]).collect();
        assert_eq!(read, expected);
    }

    #[test]
    fn cells_that_would_run_as_formulas_are_neutralised() {
        let cells = ["=HYPERLINK(\"http://evil\")", "+1", "-1+1", "@SUM(A1)", "\tTAB", "\r=1", "a=1", "1-2", "'quoted"];
        let read = read_csv(&one_column(&cells).to_csv());
        let got: Vec<&str> = read[1..].iter().map(|record| record[0].as_str()).collect();
        assert_eq!(
            got,
            ["'=HYPERLINK(\"http://evil\")", "'+1", "'-1+1", "'@SUM(A1)", "'\tTAB", "'\r=1", "a=1", "1-2", "'quoted"]
        );
    }

    #[test]
    fn json_keeps_the_column_order_nulls_and_the_text_as_is() {
        let mut table = Table::new(&[("zeta", "Z"), ("alpha", "A")]);
        table.push(vec![Some("=1, \"two\"\n".into())]);
        let json = table.to_json();
        assert!(json.find("zeta").unwrap() < json.find("alpha").unwrap(), "{json}");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value, serde_json::json!([{ "zeta": "=1, \"two\"\n", "alpha": null }]));
    }

    fn bundled<T: serde::de::DeserializeOwned>(file: &str) -> T {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data").join(file);
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn column(table: &Table, key: &str) -> Vec<Option<String>> {
        let at = table.columns.iter().position(|(k, _)| k == key).unwrap_or_else(|| panic!("no column {key}"));
        table.rows.iter().map(|row| row[at].clone()).collect()
    }

    #[test]
    fn key_results_are_the_rows_the_filter_shows_in_its_order() {
        use crate::filter::{apply, Filter, SearchIndex};
        use crate::model::StatusKind;
        let report: Report = bundled("alpha-omega/2025-q2.json");
        let index = SearchIndex::new(&report);
        let everything = apply(&report, &index, &Filter::default());
        let all = key_results(&report, &everything);
        assert_eq!(all.rows.len(), everything.shown);
        let expected: Vec<Option<String>> = report.key_results().map(|(_, kr)| Some(kr.id.clone())).collect();
        assert_eq!(column(&all, "key_result"), expected);

        let filter = Filter { statuses: vec![StatusKind::Completed], ..Filter::default() };
        let completed = key_results(&report, &apply(&report, &index, &filter));
        assert!(!completed.rows.is_empty() && completed.rows.len() < all.rows.len());
        assert!(column(&completed, "status").iter().all(|status| status.as_deref() == Some("Completed")));
        assert!(column(&completed, "quarter").iter().all(|quarter| quarter.as_deref() == Some("2025 Q2")));
    }

    #[test]
    fn the_history_matrix_has_a_column_per_quarter_and_nothing_where_a_key_result_is_absent() {
        use crate::history::timeline;
        use crate::model::summary::History;
        let file: History = bundled("alpha-omega/history.json");
        let timeline = timeline(&file.reports.iter().collect::<Vec<_>>());
        let table = history(&timeline);
        let headings: Vec<&str> = table.columns.iter().map(|(_, label)| label.as_str()).collect();
        assert_eq!(headings.len(), 4 + timeline.periods.len());
        assert_eq!(headings[4], timeline.periods[0].to_string());
        assert_eq!(table.rows.len(), timeline.key_results.len());
        let cells: Vec<&Option<String>> = table.rows.iter().flat_map(|row| &row[4..]).collect();
        assert!(cells.iter().any(|cell| cell.is_none()), "some key result is missing from some quarter");
        assert!(cells.iter().copied().flatten().all(|status| !status.is_empty()));
    }

    #[test]
    fn asks_are_listed_with_their_kind_initiative_and_link() {
        use crate::foundation::asks_for;
        use crate::model::summary::Summary;
        use crate::model::Catalog;
        let (catalog, summary): (Catalog, Summary) = (bundled("index.json"), bundled("summary.json"));
        let quarter = Period::from_slug("2025-q4").unwrap();
        let asks = asks_for(&catalog, &summary, quarter, Some("vd-wg"));
        let table = super::asks(
            &asks,
            |kind| format!("{kind:?}"),
            |slug, period, ask| format!("/{slug}/{}#{}", period.slug(), ask.anchor),
        );
        assert_eq!(table.rows.len(), asks.count());
        assert!(column(&table, "kind").contains(&Some("Question".into())));
        assert!(column(&table, "link").iter().flatten().all(|link| link.starts_with("/vd-wg/2025-q4#")));
        assert!(column(&table, "text").iter().flatten().all(|text| !text.trim().is_empty()));
    }
}
