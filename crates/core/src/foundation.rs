//! The foundation-wide views' logic: which initiatives filed for a quarter (the home page), who
//! filed when (the filing grid), the questions and funding requests for the governing body, and
//! searching what every report says. Plain Rust over the catalog, `summary.json` and
//! `search.json`; the views only render what these functions return.

use crate::model::registry::InitiativeEntry;
use crate::model::summary::{Ask, ReportSummary, SearchCorpus, Summary};
use crate::model::{Catalog, CatalogEntry, Period, StatusKind};

/// Every initiative the catalog has reports of, in the registry's order; one the registry does
/// not know (a catalog written before it) follows, by the name its reports give.
pub fn initiatives(catalog: &Catalog) -> Vec<InitiativeEntry> {
    let mut list: Vec<InitiativeEntry> = catalog.initiatives.clone();
    for entry in &catalog.reports {
        if !list.iter().any(|initiative| initiative.slug == entry.initiative.slug) {
            list.push(InitiativeEntry {
                slug: entry.initiative.slug.clone(),
                name: entry.initiative.name.clone(),
                ..InitiativeEntry::default()
            });
        }
    }
    list
}

/// Every quarter from the first report to the last, oldest first, including any quarter nobody
/// filed for (the grid shows such a gap rather than hiding it).
pub fn quarter_span(catalog: &Catalog) -> Vec<Period> {
    let periods = catalog.periods();
    let (Some(&first), Some(&last)) = (periods.last(), periods.first()) else {
        return Vec::new();
    };
    let mut quarters = vec![first];
    while let Some(&period) = quarters.last().filter(|period| **period < last) {
        quarters.push(period.next());
    }
    quarters
}

/// The newest quarter any initiative filed for.
pub fn latest_quarter(catalog: &Catalog) -> Option<Period> {
    catalog.periods().first().copied()
}

/// One report's summary, if `summary.json` has it.
pub fn summary_of<'a>(summary: &'a Summary, initiative: &str, period: Period) -> Option<&'a ReportSummary> {
    summary.reports.iter().find(|report| report.initiative == initiative && report.period == period)
}

/// Key results by status, in the summary's order: `None` where the author gave no status; a
/// status this version does not know reads as `Unknown`.
pub fn status_counts(report: &ReportSummary) -> Vec<(Option<StatusKind>, usize)> {
    report
        .key_results
        .iter()
        .filter(|count| count.count > 0)
        .map(|count| {
            let kind =
                (count.status != "none").then(|| StatusKind::from_slug(&count.status).unwrap_or(StatusKind::Unknown));
            (kind, count.count)
        })
        .collect()
}

/// An initiative's report for the quarter the home page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Filed {
    /// The initiative, as the registry knows it.
    pub initiative: InitiativeEntry,
    /// Its report for the quarter.
    pub entry: CatalogEntry,
    /// `None` when `summary.json` lacks the report (the report itself is still linked).
    pub summary: Option<ReportSummary>,
}

/// An initiative that has not filed for the quarter, with its newest report.
#[derive(Clone, Debug, PartialEq)]
pub struct NotFiled {
    /// The initiative, as the registry knows it.
    pub initiative: InitiativeEntry,
    /// Its newest report of any quarter, to link to instead.
    pub newest: Option<CatalogEntry>,
}

/// The home page's quarter: every initiative, filed or not, in the registry's order.
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterOverview {
    /// The quarter shown.
    pub quarter: Period,
    /// Whether it is the newest quarter (then a missing report is "not filed yet").
    pub is_latest: bool,
    /// Initiatives with a report for the quarter, in the registry's order.
    pub filed: Vec<Filed>,
    /// Initiatives without one, in the registry's order.
    pub not_filed: Vec<NotFiled>,
    /// Questions and funding requests filed for the quarter, across initiatives.
    pub asks: usize,
}

impl QuarterOverview {
    /// Every initiative of the catalog, sorted into filed and not filed for `quarter`.
    pub fn new(catalog: &Catalog, summary: &Summary, quarter: Period) -> QuarterOverview {
        let (mut filed, mut not_filed) = (Vec::new(), Vec::new());
        let mut asks = 0;
        for initiative in initiatives(catalog) {
            match catalog.find(&initiative.slug, quarter) {
                Some(entry) => {
                    let report = summary_of(summary, &initiative.slug, quarter).cloned();
                    asks += report.as_ref().map_or(0, |report| report.asks.len());
                    filed.push(Filed { initiative, entry: entry.clone(), summary: report });
                }
                None => {
                    let newest = catalog.newest(&initiative.slug).cloned();
                    not_filed.push(NotFiled { initiative, newest });
                }
            }
        }
        QuarterOverview { quarter, is_latest: latest_quarter(catalog) == Some(quarter), filed, not_filed, asks }
    }
}

/// Who filed when: initiatives (rows) by quarters (columns, oldest first).
#[derive(Clone, Debug, PartialEq)]
pub struct FilingGrid {
    /// The columns: every quarter from the first report to the last, gaps included.
    pub quarters: Vec<Period>,
    /// One per initiative, in the registry's order.
    pub rows: Vec<FilingRow>,
}

/// One initiative's row: its report for each of the grid's quarters, or `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct FilingRow {
    /// The initiative, as the registry knows it.
    pub initiative: InitiativeEntry,
    /// One per column of [`FilingGrid::quarters`].
    pub cells: Vec<Option<CatalogEntry>>,
}

impl FilingGrid {
    /// The grid of every report in the catalog.
    pub fn new(catalog: &Catalog) -> FilingGrid {
        let quarters = quarter_span(catalog);
        let rows = initiatives(catalog)
            .into_iter()
            .map(|initiative| {
                let cells = quarters.iter().map(|quarter| catalog.find(&initiative.slug, *quarter).cloned()).collect();
                FilingRow { initiative, cells }
            })
            .collect();
        FilingGrid { quarters, rows }
    }

    /// How many initiatives filed for the quarter in column `column`.
    pub fn filed_in(&self, column: usize) -> usize {
        self.rows.iter().filter(|row| row.cells.get(column).is_some_and(Option::is_some)).count()
    }

    /// How many reports the grid holds.
    pub fn filed(&self) -> usize {
        self.rows.iter().map(|row| row.cells.iter().flatten().count()).sum()
    }
}

/// One initiative's questions and funding requests for a quarter.
#[derive(Clone, Debug, PartialEq)]
pub struct InitiativeAsks {
    /// The initiative, as the registry knows it.
    pub initiative: InitiativeEntry,
    /// The quarter of the report they were asked in.
    pub period: Period,
    /// Report-wide asks first, then by activity.
    pub asks: Vec<Ask>,
}

/// The asks of a quarter, by initiative. (The importer leaves out sections that only say "None"
/// or the like.)
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuarterAsks {
    /// Initiatives with asks, in the registry's order.
    pub groups: Vec<InitiativeAsks>,
}

impl QuarterAsks {
    /// How many asks, across initiatives.
    pub fn count(&self) -> usize {
        self.groups.iter().map(|group| group.asks.len()).sum()
    }
}

/// Every ask of `quarter`, by initiative in the registry's order (only `initiative`'s, when
/// given); initiatives without asks are left out.
pub fn asks_for(catalog: &Catalog, summary: &Summary, quarter: Period, initiative: Option<&str>) -> QuarterAsks {
    let groups = initiatives(catalog)
        .into_iter()
        .filter(|entry| initiative.is_none_or(|slug| entry.slug == slug))
        .filter_map(|entry| {
            let report = summary_of(summary, &entry.slug, quarter)?;
            (!report.asks.is_empty()).then(|| InitiativeAsks {
                period: quarter,
                asks: report.asks.clone(),
                initiative: entry,
            })
        })
        .collect();
    QuarterAsks { groups }
}

/// How many asks each quarter of the catalog has, every quarter with a report, newest first.
pub fn asks_by_quarter(catalog: &Catalog, summary: &Summary) -> Vec<(Period, usize)> {
    catalog
        .periods()
        .into_iter()
        .map(|quarter| {
            let count =
                summary.reports.iter().filter(|report| report.period == quarter).map(|report| report.asks.len()).sum();
            (quarter, count)
        })
        .collect()
}

/// About how many characters of a passage a search hit shows around the match.
pub const SNIPPET_CHARS: usize = 160;

/// A piece of a snippet: matched words are `marked`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// A run of the passage's text.
    pub text: String,
    /// Whether it is one of the query's words.
    pub marked: bool,
}

/// One passage that has every word of the query.
#[derive(Clone, Debug, PartialEq)]
pub struct PassageHit {
    /// Index into the corpus's reports.
    pub report: usize,
    /// Index into that report's passages.
    pub passage: usize,
    /// About [`SNIPPET_CHARS`] of the passage around the first match ("…" where cut), the
    /// query's words marked.
    pub snippet: Vec<Piece>,
}

/// What a search found: at most the `limit` asked for, with the count of all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// Every passage that matched.
    pub total: usize,
    /// How many reports those passages are in.
    pub reports: usize,
    /// The first `limit` hits: newest quarter first, then in the corpus's order.
    pub hits: Vec<PassageHit>,
}

/// The words of a query, lower-cased, each once.
pub fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in query.split_whitespace().map(str::to_lowercase) {
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// Finds the passages that contain every word of `query` (case-insensitive, in any order).
pub fn search(corpus: &SearchCorpus, query: &str, limit: usize) -> SearchResults {
    let words = query_words(query);
    if words.is_empty() {
        return SearchResults::default();
    }
    let mut order: Vec<usize> = (0..corpus.reports.len()).collect();
    order.sort_by(|a, b| corpus.reports[*b].period.cmp(&corpus.reports[*a].period));
    let mut results = SearchResults::default();
    for report_index in order {
        let mut found_here = false;
        for (passage_index, passage) in corpus.reports[report_index].passages.iter().enumerate() {
            let folded = Folded::new(&passage.text);
            if !words.iter().all(|word| folded.text.contains(word.as_str())) {
                continue;
            }
            found_here = true;
            results.total += 1;
            if results.hits.len() < limit {
                let snippet = snippet(&passage.text, &folded.matches(&words));
                results.hits.push(PassageHit { report: report_index, passage: passage_index, snippet });
            }
        }
        results.reports += usize::from(found_here);
    }
    results
}

/// A text lower-cased, with where each byte of the lower-cased text came from in the original
/// (lower-casing can change a character's length: "İ" becomes two characters).
struct Folded {
    text: String,
    /// For each byte of `text`, the original character's start and end.
    origin: Vec<(usize, usize)>,
}

impl Folded {
    fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (start, character) in original.char_indices() {
            let end = start + character.len_utf8();
            for lower in character.to_lowercase() {
                text.push(lower);
                origin.extend(std::iter::repeat_n((start, end), lower.len_utf8()));
            }
        }
        Folded { text, origin }
    }

    /// Where any of `words` occurs, as byte ranges of the original text, sorted and merged.
    fn matches(&self, words: &[String]) -> Vec<(usize, usize)> {
        let mut ranges: Vec<(usize, usize)> = words
            .iter()
            .flat_map(|word| self.text.match_indices(word.as_str()))
            .map(|(at, word)| (self.origin[at].0, self.origin[at + word.len() - 1].1))
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        merged
    }
}

/// About [`SNIPPET_CHARS`] characters of `text` around the first of `matches` (byte ranges),
/// cut between words where it can, with the matches marked.
fn snippet(text: &str, matches: &[(usize, usize)]) -> Vec<Piece> {
    // Character boundaries, as byte offsets, ending with the text's length.
    let bounds: Vec<usize> = text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
    let chars = bounds.len() - 1;
    let (mut from, mut to) = (0, chars);
    if chars > SNIPPET_CHARS {
        let first = matches.first().map_or(0, |m| bounds.partition_point(|at| *at < m.0));
        // Some words before the match, the rest after it.
        from = first.saturating_sub(SNIPPET_CHARS / 3).min(chars - SNIPPET_CHARS);
        to = from + SNIPPET_CHARS;
        let is_space = |index: usize| text[bounds[index]..].starts_with(char::is_whitespace);
        if from > 0 {
            if let Some(space) = (from..first.min(from + 20)).find(|i| is_space(*i)) {
                from = space + 1;
            }
        }
        if to < chars {
            if let Some(space) = (to.saturating_sub(20).max(first + 1)..to).rev().find(|i| is_space(*i)) {
                to = space;
            }
        }
    }
    let (start, end) = (bounds[from], bounds[to]);
    let mut pieces = Vec::new();
    let mut push = |piece: &str, marked: bool| {
        if !piece.is_empty() {
            pieces.push(Piece { text: piece.to_string(), marked });
        }
    };
    let mut at = start;
    let lead = if start > 0 { "…" } else { "" };
    let mut plain = lead.to_string();
    for &(match_start, match_end) in matches {
        let (match_start, match_end) = (match_start.max(start), match_end.min(end));
        if match_start >= match_end {
            continue;
        }
        plain.push_str(&text[at..match_start]);
        push(&plain, false);
        plain.clear();
        push(&text[match_start..match_end], true);
        at = match_end;
    }
    plain.push_str(&text[at..end]);
    if end < text.len() {
        plain.push('…');
    }
    push(&plain, false);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::summary::{AskKind, Passage, ReportPassages, StatusCount};

    fn bundled<T: serde::de::DeserializeOwned>(file: &str) -> T {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data").join(file);
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn catalog() -> Catalog {
        bundled("index.json")
    }

    fn summary() -> Summary {
        bundled("summary.json")
    }

    fn quarter(slug: &str) -> Period {
        Period::from_slug(slug).unwrap()
    }

    fn text(pieces: &[Piece]) -> String {
        pieces.iter().map(|piece| piece.text.as_str()).collect()
    }

    fn marked(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().filter(|piece| piece.marked).map(|piece| piece.text.as_str()).collect()
    }

    fn corpus(texts: &[&str]) -> SearchCorpus {
        let passages = texts
            .iter()
            .map(|text| Passage { anchor: "overview".into(), place: "Overview".into(), text: text.to_string() })
            .collect();
        SearchCorpus {
            format: 1,
            reports: vec![ReportPassages { initiative: "x".into(), period: quarter("2025-q1"), passages }],
        }
    }

    #[test]
    fn the_quarters_run_from_the_first_report_to_the_last_without_gaps() {
        let quarters = quarter_span(&catalog());
        assert_eq!(quarters.first(), Some(&quarter("2024-q2")));
        assert_eq!(quarters.last(), Some(&quarter("2026-q2")));
        assert_eq!(quarters.len(), 9);
        assert!(quarters.windows(2).all(|pair| pair[0].next() == pair[1]));
        assert_eq!(quarter("2025-q4").next(), quarter("2026-q1"));
        assert_eq!(quarter("2026-q1").previous(), quarter("2025-q4"));
        assert_eq!(quarter("2026-q3").previous(), quarter("2026-q2"));
    }

    #[test]
    fn the_latest_quarter_lists_every_initiative_filed_or_not() {
        let catalog = catalog();
        let overview = QuarterOverview::new(&catalog, &summary(), latest_quarter(&catalog).unwrap());
        assert_eq!(overview.quarter, quarter("2026-q2"));
        assert!(overview.is_latest);
        let filed: Vec<&str> = overview.filed.iter().map(|filed| filed.initiative.slug.as_str()).collect();
        assert_eq!(filed, ["ai-ml-wg", "orbit-wg"]);
        assert_eq!(overview.filed.len() + overview.not_filed.len(), catalog.initiatives.len());
        let sigstore = overview.not_filed.iter().find(|missing| missing.initiative.slug == "sigstore").unwrap();
        assert_eq!(sigstore.newest.as_ref().map(|entry| entry.period), Some(quarter("2026-q1")));
        assert!(overview.filed.iter().all(|filed| filed.summary.is_some()));
    }

    #[test]
    fn an_earlier_quarter_is_not_the_latest_and_keeps_the_registry_order() {
        let catalog = catalog();
        let overview = QuarterOverview::new(&catalog, &summary(), quarter("2025-q4"));
        assert!(!overview.is_latest);
        let filed: Vec<&str> = overview.filed.iter().map(|filed| filed.initiative.slug.as_str()).collect();
        let registry: Vec<&str> =
            catalog.initiatives.iter().map(|i| i.slug.as_str()).filter(|slug| filed.contains(slug)).collect();
        assert_eq!(filed, registry);
        assert!(!filed.contains(&"sigstore"));
    }

    #[test]
    fn status_counts_read_slugs_and_none() {
        let report = ReportSummary {
            initiative: "x".into(),
            period: quarter("2025-q2"),
            headline: String::new(),
            activities: 0,
            key_results: vec![
                StatusCount { status: "on-target".into(), count: 3 },
                StatusCount { status: "none".into(), count: 1 },
                StatusCount { status: "sideways".into(), count: 2 },
                StatusCount { status: "blocked".into(), count: 0 },
            ],
            asks: Vec::new(),
        };
        assert_eq!(
            status_counts(&report),
            vec![(Some(StatusKind::OnTarget), 3), (None, 1), (Some(StatusKind::Unknown), 2)]
        );
    }

    #[test]
    fn the_grid_marks_a_missing_report_as_not_filed() {
        let grid = FilingGrid::new(&catalog());
        let column = grid.quarters.iter().position(|q| *q == quarter("2025-q4")).unwrap();
        let row = |slug: &str| grid.rows.iter().find(|row| row.initiative.slug == slug).unwrap();
        assert_eq!(row("sigstore").cells[column], None);
        assert_eq!(row("vd-wg").cells[column].as_ref().map(|entry| entry.path.as_str()), Some("vd-wg/2025-q4.json"));
        assert_eq!(grid.filed_in(column), 9);
        assert_eq!(grid.filed(), 65);
        assert_eq!(grid.rows.len(), 13);
    }

    #[test]
    fn an_initiative_the_registry_does_not_know_still_gets_a_row() {
        let mut catalog = catalog();
        catalog.initiatives.retain(|initiative| initiative.slug != "cti");
        let grid = FilingGrid::new(&catalog);
        let last = grid.rows.last().unwrap();
        assert_eq!(last.initiative.slug, "cti");
        assert!(!last.initiative.name.is_empty());
    }

    #[test]
    fn asks_of_a_quarter_come_by_initiative_and_can_be_narrowed_to_one() {
        let (catalog, summary) = (catalog(), summary());
        let all = asks_for(&catalog, &summary, quarter("2025-q3"), None);
        assert!(all.groups.len() >= 2, "{all:?}");
        assert!(all.groups.iter().all(|group| !group.asks.is_empty() && group.period == quarter("2025-q3")));
        let filed: usize =
            summary.reports.iter().filter(|r| r.period == quarter("2025-q3")).map(|r| r.asks.len()).sum();
        assert_eq!(all.count(), filed);
        // ORBIT's four 2025 Q3 questions are real ones.
        let orbit = asks_for(&catalog, &summary, quarter("2025-q3"), Some("orbit-wg"));
        assert_eq!(orbit.groups.len(), 1);
        assert_eq!(orbit.groups[0].asks.len(), 4);
        assert!(orbit.groups[0].asks.iter().all(|ask| ask.kind == AskKind::Question && ask.activity.is_some()));
        assert_eq!(asks_for(&catalog, &summary, quarter("2025-q3"), Some("nobody")), QuarterAsks::default());
        let counts = asks_by_quarter(&catalog, &summary);
        assert_eq!(counts.first().map(|(q, _)| *q), Some(quarter("2026-q2")));
        assert_eq!(counts.iter().find(|(q, _)| *q == quarter("2025-q3")).map(|(_, n)| *n), Some(all.count()));
    }

    #[test]
    fn every_word_must_occur_in_any_order_and_case() {
        let corpus = corpus(&["Audits of AI libraries", "AI security", "libraries only"]);
        let results = search(&corpus, "  libraries AUDIT ", 10);
        assert_eq!(results.total, 1);
        assert_eq!(results.hits[0].passage, 0);
        assert_eq!(marked(&results.hits[0].snippet), ["Audit", "libraries"]);
        assert_eq!(text(&results.hits[0].snippet), "Audits of AI libraries");
        assert_eq!(search(&corpus, "   ", 10), SearchResults::default());
    }

    #[test]
    fn a_long_passage_shows_the_words_around_the_match_between_word_breaks() {
        let long = format!("{} the needle is here {}", "early words ".repeat(40), "later words ".repeat(40));
        let results = search(&corpus(&[&long]), "needle", 10);
        let snippet = text(&results.hits[0].snippet);
        assert!(snippet.starts_with('…') && snippet.ends_with('…'), "{snippet}");
        assert!(snippet.chars().count() <= SNIPPET_CHARS + 2, "{snippet}");
        assert!(snippet.contains("the needle is here"));
        // Cut between words, not inside one.
        assert!(snippet.starts_with("…early") || snippet.starts_with("…words"), "{snippet}");
        assert!(snippet.ends_with("later…") || snippet.ends_with("words…"), "{snippet}");
        assert_eq!(marked(&results.hits[0].snippet), ["needle"]);
    }

    #[test]
    fn a_match_near_the_end_still_shows_a_full_snippet() {
        let long = format!("{}final needle", "word ".repeat(100));
        let snippet = search(&corpus(&[&long]), "needle", 10).hits.remove(0).snippet;
        assert!(text(&snippet).ends_with("final needle"));
        assert!(text(&snippet).chars().count() > SNIPPET_CHARS / 2);
    }

    #[test]
    fn overlapping_words_are_marked_once_and_lengthening_case_folds_keep_the_original_text() {
        // "İ" lower-cases to "i" and a combining dot: two characters for one.
        let results = search(&corpus(&["İstanbul policy and policymakers"]), "policy polic \u{69}\u{307}stanbul", 10);
        let snippet = &results.hits[0].snippet;
        assert_eq!(text(snippet), "İstanbul policy and policymakers");
        assert_eq!(marked(snippet), ["İstanbul", "policy", "policy"]);
    }

    #[test]
    fn hits_are_capped_with_the_count_of_all() {
        let texts = vec!["same words"; 30];
        let results = search(&corpus(&texts), "words", 12);
        assert_eq!((results.total, results.reports, results.hits.len()), (30, 1, 12));
    }

    #[test]
    fn working_group_activities_are_found_in_the_bundled_corpus() {
        let corpus: SearchCorpus = bundled("search.json");
        let results = search(&corpus, "auditing", 200);
        let places: Vec<(&str, &str)> = results
            .hits
            .iter()
            .map(|hit| {
                (
                    corpus.reports[hit.report].initiative.as_str(),
                    corpus.reports[hit.report].passages[hit.passage].anchor.as_str(),
                )
            })
            .collect();
        assert!(places.contains(&("sci-wg", "activity-6-next")), "{places:?}");
        assert!(places.iter().filter(|(initiative, _)| *initiative == "alpha-omega").count() >= 3, "{places:?}");
        // Newest first.
        let periods: Vec<Period> = results.hits.iter().map(|hit| corpus.reports[hit.report].period).collect();
        assert!(periods.windows(2).all(|pair| pair[0] >= pair[1]), "{periods:?}");
    }
}
