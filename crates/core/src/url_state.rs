//! The URL format, parsed and printed in one place.
//!
//! - `/` is the foundation's home page: every initiative in the latest quarter, or in another
//!   with `?quarter=2025-q4`;
//! - `/filings` is the filing grid: who filed a report for which quarter;
//! - `/tac` lists the questions and funding requests for the governing body, of the latest quarter
//!   or `?quarter=2025-q4`, of every initiative or `&initiative=vd-wg`;
//! - `/<initiative>/<year>-q<n>` opens one report, e.g. `/alpha-omega/2025-q2`;
//! - `/<initiative>/history` shows every key result of an initiative across its quarters;
//! - `/search?q=text` searches every report;
//! - a report's query holds the filter: `?objective=2&status=in-progress,started&q=audit`.
//!
//! Embedding adds `embed=1` (no site chrome), `section=okrs|news|events|all` and
//! `theme=light|dark` (default: follow the system).
//!
//! Unknown parameters and values are ignored, so an old or hand-edited link still opens.

use crate::filter::Filter;
use crate::model::{Period, StatusKind};

/// Which part of a report an embed shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedSection {
    /// Objectives and key results (`section=okrs`).
    Okrs,
    /// News, blog and media links (`section=news`).
    News,
    /// Upcoming events (`section=events`).
    Events,
    /// The three above together.
    All,
}

impl EmbedSection {
    /// Every choice, the single sections first.
    pub const ALL: [EmbedSection; 4] =
        [EmbedSection::Okrs, EmbedSection::News, EmbedSection::Events, EmbedSection::All];

    /// The value in `section=`.
    pub fn slug(self) -> &'static str {
        match self {
            EmbedSection::Okrs => "okrs",
            EmbedSection::News => "news",
            EmbedSection::Events => "events",
            EmbedSection::All => "all",
        }
    }

    /// Parses [`EmbedSection::slug`].
    pub fn from_slug(slug: &str) -> Option<EmbedSection> {
        EmbedSection::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The single sections this one shows, in order.
    pub fn parts(self) -> Vec<EmbedSection> {
        match self {
            EmbedSection::All => vec![EmbedSection::Okrs, EmbedSection::News, EmbedSection::Events],
            single => vec![single],
        }
    }
}

/// A forced colour scheme; `None` follows the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Light colours (`theme=light`).
    Light,
    /// Dark colours (`theme=dark`).
    Dark,
}

impl Theme {
    /// The value in `theme=`.
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses [`Theme::slug`].
    pub fn from_slug(slug: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark].into_iter().find(|t| t.slug() == slug)
    }
}

/// How a page is shown, beside what it shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewOptions {
    /// `embed=1`: the page without the site's chrome, to sit inside another page.
    pub embed: bool,
    /// `section=`: the part of a report an embed shows; `None` shows the whole report. Read only
    /// when embedding.
    pub section: Option<EmbedSection>,
    /// `theme=`: a forced colour scheme; `None` follows the system.
    pub theme: Option<Theme>,
}

/// A query without its view options (`embed`, `section`, `theme`): the same view as a page of
/// the site, for a link out of an embed. Keeps every other parameter as it was.
pub fn without_view(query: &str) -> String {
    let mut kept = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        if !matches!(key.as_ref(), "embed" | "section" | "theme") {
            kept.append_pair(&key, &value);
        }
    }
    let kept = kept.finish();
    if kept.is_empty() {
        kept
    } else {
        format!("?{kept}")
    }
}

/// Reads the view options from a raw query string.
pub fn parse_view(query: &str) -> ViewOptions {
    let mut view = ViewOptions::default();
    for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        match key.as_ref() {
            "embed" => view.embed = matches!(value.as_ref(), "1" | "true" | "yes"),
            "section" => view.section = EmbedSection::from_slug(&value),
            "theme" => view.theme = Theme::from_slug(&value),
            _ => {}
        }
    }
    view
}

/// Prints the filter and the view options as one query string (empty, or starting with `?`).
pub fn print_full_query(filter: &Filter, view: &ViewOptions) -> String {
    let mut query = print_query(filter);
    let mut extra = form_urlencoded::Serializer::new(String::new());
    if view.embed {
        extra.append_pair("embed", "1");
    }
    if let Some(section) = view.section {
        extra.append_pair("section", section.slug());
    }
    if let Some(theme) = view.theme {
        extra.append_pair("theme", theme.slug());
    }
    let extra = extra.finish();
    if !extra.is_empty() {
        query.push(if query.is_empty() { '?' } else { '&' });
        query.push_str(&extra);
    }
    query
}

/// The path of one report, relative to the site's base.
pub fn report_path(initiative: &str, period: Period) -> String {
    format!("/{initiative}/{}", period.slug())
}

/// The path of an initiative's history view.
pub fn history_path(initiative: &str) -> String {
    format!("/{initiative}/history")
}

/// The path of a search across every report.
pub fn search_path(text: &str) -> String {
    let query = form_urlencoded::Serializer::new(String::new()).append_pair("q", text).finish();
    format!("{SEARCH_PATH}?{query}")
}

/// The search page's path (a form's `action`, before the query).
pub const SEARCH_PATH: &str = "/search";

/// The home page's path.
pub const HOME_PATH: &str = "/";

/// The path of the questions and funding requests for the governing body.
pub const ASKS_PATH: &str = "/tac";

/// The search text of a `/search` query.
pub fn parse_search(query: &str) -> String {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .find(|(key, _)| key == "q")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}

/// The path of the foundation's home page, on `quarter` (`None`: the latest).
pub fn home_path(quarter: Option<Period>) -> String {
    match quarter {
        Some(quarter) => format!("/?quarter={}", quarter.slug()),
        None => HOME_PATH.to_string(),
    }
}

/// The quarter of a home page query (`?quarter=2025-q4`); `None` for the latest.
pub fn parse_home(query: &str) -> Option<Period> {
    parse_asks(query).quarter
}

/// The path of the filing grid.
pub fn filings_path() -> String {
    "/filings".to_string()
}

/// What the list of questions and funding requests (`/tac`) shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AskFilter {
    /// `None`: the latest quarter.
    pub quarter: Option<Period>,
    /// An initiative's slug; `None`: every initiative.
    pub initiative: Option<String>,
}

/// The path of the questions and funding requests, filtered.
pub fn asks_path(filter: &AskFilter) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(quarter) = filter.quarter {
        query.append_pair("quarter", &quarter.slug());
    }
    if let Some(initiative) = &filter.initiative {
        query.append_pair("initiative", initiative);
    }
    let query = query.finish();
    if query.is_empty() {
        ASKS_PATH.to_string()
    } else {
        format!("{ASKS_PATH}?{query}")
    }
}

/// Reads [`AskFilter`] from a raw query string; a malformed quarter or initiative is ignored.
pub fn parse_asks(query: &str) -> AskFilter {
    let mut filter = AskFilter::default();
    for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        match key.as_ref() {
            "quarter" => filter.quarter = Period::from_slug(value.trim()),
            "initiative" => {
                let slug = value.trim();
                let plain = !slug.is_empty() && slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                filter.initiative = plain.then(|| slug.to_string());
            }
            _ => {}
        }
    }
    filter
}

/// The filter to keep when moving to another report: all of it within an initiative, but not
/// the objective when the initiative changes (its numbers mean something else there).
pub fn filter_for_move(filter: &Filter, same_initiative: bool) -> Filter {
    Filter { objective: if same_initiative { filter.objective.clone() } else { None }, ..filter.clone() }
}

/// Reads the filter from query pairs (already percent-decoded).
pub fn filter_from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Filter {
    let mut filter = Filter::default();
    for (key, value) in pairs {
        match key {
            "objective" => {
                let value = value.trim();
                if !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '.') {
                    filter.objective = Some(value.to_string());
                }
            }
            "status" => {
                for kind in value.split(',').filter_map(|slug| StatusKind::from_slug(slug.trim())) {
                    if !filter.statuses.contains(&kind) {
                        filter.toggle_status(kind);
                    }
                }
            }
            "q" => filter.text = value.to_string(),
            "activities" => filter.activities = value.to_string(),
            _ => {}
        }
    }
    filter
}

/// Reads the filter from a raw query string (with or without the leading `?`).
pub fn parse_query(query: &str) -> Filter {
    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).into_owned().collect();
    filter_from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Prints the filter as a query string: empty for the empty filter, else starting with `?`.
pub fn print_query(filter: &Filter) -> String {
    let pairs = filter_pairs(filter);
    if pairs.is_empty() {
        return String::new();
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(pairs);
    format!("?{}", query.finish())
}

/// A filter as (parameter, value) pairs, the URL's query unencoded: the embed snippet writes
/// them as the custom element's attributes.
pub fn filter_pairs(filter: &Filter) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(objective) = &filter.objective {
        pairs.push(("objective", objective.clone()));
    }
    if !filter.statuses.is_empty() {
        let slugs: Vec<&str> = filter.statuses.iter().map(|kind| kind.slug()).collect();
        pairs.push(("status", slugs.join(",")));
    }
    if !filter.text.is_empty() {
        pairs.push(("q", filter.text.clone()));
    }
    if !filter.activities.is_empty() {
        pairs.push(("activities", filter.activities.clone()));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_round_trips_through_the_query() {
        let filter = Filter {
            objective: Some("2".into()),
            statuses: vec![StatusKind::Started, StatusKind::InProgress],
            text: "audit & ünïcode?".into(),
            activities: "osv schema".into(),
        };
        let query = print_query(&filter);
        assert_eq!(parse_query(&query), filter);
        assert!(query.starts_with("?objective=2&status=started%2Cin-progress&q=audit+%26"), "{query}");
    }

    #[test]
    fn empty_filter_prints_no_query() {
        assert_eq!(print_query(&Filter::default()), "");
        assert_eq!(parse_query(""), Filter::default());
    }

    #[test]
    fn unknown_and_malformed_parameters_are_ignored() {
        let filter = parse_query("?objective=%3Cscript%3E&status=in-progress,bogus,,STARTED&utm_source=x&q");
        assert_eq!(filter.objective, None);
        assert_eq!(filter.statuses, vec![StatusKind::InProgress]);
        assert_eq!(filter.text, "");
        assert_eq!(parse_query("%%%&&==&status"), Filter::default());
    }

    #[test]
    fn repeated_statuses_are_kept_once_and_sorted() {
        let filter = parse_query("status=completed&status=started,completed");
        assert_eq!(filter.statuses, vec![StatusKind::Started, StatusKind::Completed]);
    }

    #[test]
    fn embed_options_round_trip_beside_the_filter() {
        let filter = Filter { objective: Some("2".into()), ..Filter::default() };
        let view = ViewOptions { embed: true, section: Some(EmbedSection::Okrs), theme: Some(Theme::Dark) };
        let query = print_full_query(&filter, &view);
        assert_eq!(query, "?objective=2&embed=1&section=okrs&theme=dark");
        assert_eq!((parse_query(&query), parse_view(&query)), (filter, view));
        assert_eq!(print_full_query(&Filter::default(), &ViewOptions::default()), "");
        assert_eq!(parse_view("?embed=0&section=everything&theme=neon"), ViewOptions::default());
    }

    #[test]
    fn search_text_round_trips() {
        let path = search_path("KR 2.1 & audit");
        let query = path.split_once('?').unwrap().1;
        assert_eq!(parse_search(query), "KR 2.1 & audit");
        assert_eq!(parse_search("?other=1"), "");
    }

    #[test]
    fn moving_to_another_initiative_drops_only_the_objective() {
        let filter = Filter {
            objective: Some("2".into()),
            statuses: vec![StatusKind::Started],
            text: "x".into(),
            ..Filter::default()
        };
        assert_eq!(filter_for_move(&filter, true), filter);
        assert_eq!(filter_for_move(&filter, false), Filter { objective: None, ..filter.clone() });
    }

    #[test]
    fn the_home_page_quarter_round_trips() {
        let quarter = Period { year: 2025, quarter: 4 };
        let path = home_path(Some(quarter));
        assert_eq!(path, "/?quarter=2025-q4");
        assert_eq!(parse_home(path.split_once('?').unwrap().1), Some(quarter));
        assert_eq!(home_path(None), "/");
        assert_eq!(parse_home(""), None);
        assert_eq!(parse_home("?quarter=2025-q9&theme=dark"), None);
        assert_eq!(parse_home("?quarter=2025-Q4"), Some(quarter));
    }

    #[test]
    fn the_ask_filter_round_trips() {
        let filter = AskFilter { quarter: Some(Period { year: 2025, quarter: 4 }), initiative: Some("vd-wg".into()) };
        let path = asks_path(&filter);
        assert_eq!(path, "/tac?quarter=2025-q4&initiative=vd-wg");
        assert_eq!(parse_asks(path.split_once('?').unwrap().1), filter);
        let quarter_only = AskFilter { initiative: None, ..filter.clone() };
        assert_eq!(parse_asks(&asks_path(&quarter_only)[4..]), quarter_only);
        assert_eq!(asks_path(&AskFilter::default()), "/tac");
        assert_eq!(parse_asks(""), AskFilter::default());
    }

    #[test]
    fn a_malformed_ask_filter_is_ignored() {
        assert_eq!(parse_asks("?quarter=soon&initiative=%3Cscript%3E&embed=1"), AskFilter::default());
        assert_eq!(parse_asks("?initiative=../x"), AskFilter::default());
        assert_eq!(filings_path(), "/filings");
    }

    #[test]
    fn report_paths_use_the_period_slug() {
        assert_eq!(history_path("alpha-omega"), "/alpha-omega/history");
        assert_eq!(report_path("alpha-omega", Period { year: 2025, quarter: 2 }), "/alpha-omega/2025-q2");
    }

    #[test]
    fn without_view_keeps_the_filter_and_drops_embed_section_and_theme() {
        assert_eq!(without_view("?objective=2&embed=1&section=okrs&theme=dark&q=a+b"), "?objective=2&q=a+b");
        assert_eq!(without_view("?embed=1"), "");
        assert_eq!(without_view(""), "");
    }
}
