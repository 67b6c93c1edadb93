//! The quarterly report as the viewer reads it: the JSON format is these types.
//!
//! Plain data, no web-sys and no I/O, so the importer, the viewer and the tests share it. Text
//! that came from a report is always data ([`Inline`]/[`Block`]), never markup.

use serde::{Deserialize, Serialize};

pub mod anchor;
pub mod ids;
pub mod registry;
pub mod status;
pub mod summary;
mod tagged;
pub use status::{Status, StatusKind};

/// Version of the JSON format written by the importer; bumped on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

/// One Technical Initiative's report for one quarter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// JSON format version ([`FORMAT_VERSION`]).
    pub format: u32,
    /// File name of the Markdown source the report was imported from.
    pub source: String,
    /// The initiative that filed it.
    pub initiative: Initiative,
    /// The quarter it covers.
    pub period: Period,
    /// The title as the author wrote it (or as derived from the file name when missing).
    pub title: String,
    /// The "Overview" section.
    #[serde(default)]
    pub overview: Vec<Block>,
    /// Objectives with their key results, in report order.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Prose of the objectives section that is not the OKR table itself.
    #[serde(default)]
    pub objectives_notes: Vec<Block>,
    /// A working group's activities (sub-projects, SIGs), each with Purpose, Current Status, ...
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// News, blog and media links, in report order.
    #[serde(default)]
    pub news: Vec<LinkItem>,
    /// Prose of the news section that is not a link item.
    #[serde(default)]
    pub news_notes: Vec<Block>,
    /// Upcoming events, one entry per list item or paragraph.
    #[serde(default)]
    pub upcoming_events: Vec<Vec<Inline>>,
    /// Report-wide questions or issues for the TAC (empty when the author wrote "None" or the like).
    #[serde(default)]
    pub questions_for_tac: Vec<Block>,
    /// Report-wide funding requests (empty when the author wrote "None" or the like).
    #[serde(default)]
    pub funding_requests: Vec<Block>,
    /// Participation: the tables (and their notes) of who takes part, meetings, contributors.
    #[serde(default)]
    pub participation: Vec<Block>,
    /// The "Additional Information" section.
    #[serde(default)]
    pub additional_information: Vec<Block>,
    /// Any other section an author added, in report order.
    #[serde(default)]
    pub other_sections: Vec<Section>,
}

/// A Technical Initiative: display name plus the URL slug that stays stable across quarters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Initiative {
    /// Display name: the registry's, else as the report's title or file name spells it.
    pub name: String,
    /// URL slug (`alpha-omega`): the registry's, else made from the file name.
    pub slug: String,
}

/// A calendar quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    /// E.g. 2025.
    pub year: u16,
    /// 1 to 4.
    pub quarter: u8,
}

impl Period {
    /// The URL segment for this quarter, e.g. `2025-q2`.
    pub fn slug(self) -> String {
        format!("{}-q{}", self.year, self.quarter)
    }

    /// Parses [`Period::slug`]'s form (case-insensitive).
    pub fn from_slug(slug: &str) -> Option<Period> {
        let (year, quarter) = slug.split_once(['-', '_'])?;
        let quarter = quarter.strip_prefix(['q', 'Q'])?;
        Period::new(year.parse().ok()?, quarter.parse().ok()?)
    }

    /// The quarter after this one.
    pub fn next(self) -> Period {
        match self.quarter {
            4.. => Period { year: self.year + 1, quarter: 1 },
            _ => Period { year: self.year, quarter: self.quarter + 1 },
        }
    }

    /// The quarter before this one.
    pub fn previous(self) -> Period {
        match self.quarter {
            ..=1 => Period { year: self.year - 1, quarter: 4 },
            _ => Period { year: self.year, quarter: self.quarter - 1 },
        }
    }

    /// A period only when the quarter is 1 to 4 and the year is plausible for a report.
    pub fn new(year: u16, quarter: u8) -> Option<Period> {
        ((1..=4).contains(&quarter) && (1900..=9999).contains(&year)).then_some(Period { year, quarter })
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} Q{}", self.year, self.quarter)
    }
}

/// An objective and its key results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Objective {
    /// The objective's number as the author wrote it ("1", "2"...).
    pub id: String,
    /// The objective as written, its "Objective 1:" label taken off.
    pub title: Vec<Inline>,
    /// In report order; empty when the author listed objectives without key results.
    #[serde(default)]
    pub key_results: Vec<KeyResult>,
}

/// A key result of an objective.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KeyResult {
    /// "1.3": objective number, dot, key-result number.
    pub id: String,
    /// The key result as written, its "KR 1.3:" label taken off.
    pub text: Vec<Inline>,
    /// `None` when the author gave no status at all (not the same as an unrecognised one).
    #[serde(default)]
    pub status: Option<Status>,
}

/// An activity of a working group (a SIG, a project), following the template's sub-sections.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Activity {
    /// The activity's title as written ("Activity #2: " and the like taken off).
    pub name: String,
    /// Where the title linked to, when it was a link (a project page, an issue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Text between the activity's heading and its first sub-section.
    #[serde(default)]
    pub summary: Vec<Block>,
    /// The "Purpose" sub-section: what the activity is for.
    #[serde(default)]
    pub purpose: Vec<Block>,
    /// The "Current Status" sub-section.
    #[serde(default)]
    pub current_status: Vec<Block>,
    /// The "Up Next" sub-section (or "Next Steps").
    #[serde(default)]
    pub up_next: Vec<Block>,
    /// The activity's funding requests (empty when the author wrote "None" or the like).
    #[serde(default)]
    pub funding: Vec<Block>,
    /// The activity's questions or issues for the TAC (empty when the author wrote "None" or the
    /// like).
    #[serde(default)]
    pub questions_for_tac: Vec<Block>,
    /// Sub-sections outside the template, in report order.
    #[serde(default)]
    pub other: Vec<Section>,
}

/// A titled run of blocks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// The heading's plain text.
    pub heading: String,
    /// Where the heading linked to, when it held a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// What stands under the heading, its sub-headings included.
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// A news, blog or media entry: its link plus what the author wrote around it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LinkItem {
    /// The link's text (its address when it had none).
    pub title: String,
    /// The link target as written; the viewer decides whether it is safe to follow.
    pub url: String,
    /// Who wrote or presented it, e.g. "Henri Yandell, AWS".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Text before the link, e.g. "FOSDEM".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The sub-heading the entry stood under, e.g. "AI News".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// Inline rich text: a safe subset of Markdown, never HTML.
// Decoded by hand (`model/tagged.rs`): the same JSON, without serde's buffer for tagged enums.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text {
        /// The text itself, never markup.
        text: String,
    },
    /// Emphasised text (`*text*`).
    Emphasis {
        /// What is emphasised.
        children: Vec<Inline>,
    },
    /// Strong emphasis (`**text**`).
    Strong {
        /// What is strongly emphasised.
        children: Vec<Inline>,
    },
    /// GFM strikethrough (`~text~`): text the author struck out, which reads differently.
    Strikethrough {
        /// What is struck out.
        children: Vec<Inline>,
    },
    /// Inline code, kept verbatim.
    Code {
        /// The code as written between the backticks.
        text: String,
    },
    /// A link as written; the viewer decides whether the target is safe to follow.
    Link {
        /// The target as written (see [`is_safe_link`]).
        url: String,
        /// The link's text.
        children: Vec<Inline>,
    },
}

/// Block-level rich text.
// Decoded by hand (`model/tagged.rs`): the same JSON, without serde's buffer for tagged enums.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph (also an HTML block, kept as text).
    Paragraph {
        /// The paragraph's text.
        content: Vec<Inline>,
    },
    /// A sub-heading inside a section (level 3 to 6 in the source).
    Heading {
        /// 3 to 6, the deeper the sub-heading the higher.
        level: u8,
        /// The heading's text.
        content: Vec<Inline>,
    },
    /// A bulleted or numbered list.
    List {
        /// Whether it is numbered.
        ordered: bool,
        /// Each item's blocks, in order.
        items: Vec<Vec<Block>>,
    },
    /// A table.
    Table {
        /// The header row, one entry per cell.
        header: Vec<Vec<Inline>>,
        /// The body rows, each with one entry per cell.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A block quote.
    Quote {
        /// What is quoted.
        blocks: Vec<Block>,
    },
    /// A code block, kept verbatim.
    Code {
        /// The code, verbatim but for trailing whitespace.
        text: String,
    },
}

/// `index.json`: every report the site offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Catalog {
    /// JSON format version ([`FORMAT_VERSION`]).
    pub format: u32,
    /// Slug of the initiative whose newest report stands first.
    pub default_initiative: String,
    /// Every report, sorted by initiative slug, then quarter.
    pub reports: Vec<CatalogEntry>,
    /// What the registry knows of each initiative that has reports here (name, kind, home page,
    /// the file-name aliases that map to it), in the registry's order.
    #[serde(default)]
    pub initiatives: Vec<registry::InitiativeEntry>,
}

/// One report in the catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogEntry {
    /// The initiative that filed it.
    pub initiative: Initiative,
    /// The quarter it covers.
    pub period: Period,
    /// The report's title ([`Report::title`]).
    pub title: String,
    /// Path of the report's JSON, relative to `index.json`.
    pub path: String,
}

impl Catalog {
    /// Every report of an initiative, in the catalog's order.
    pub fn reports_of<'a, 's>(&'a self, initiative: &'s str) -> impl Iterator<Item = &'a CatalogEntry> + use<'a, 's> {
        self.reports.iter().filter(move |entry| entry.initiative.slug == initiative)
    }

    /// Whether the catalog has any report of an initiative.
    pub fn has_reports(&self, initiative: &str) -> bool {
        self.reports_of(initiative).next().is_some()
    }

    /// The entry for an initiative and quarter, if the catalog has it.
    pub fn find(&self, initiative: &str, period: Period) -> Option<&CatalogEntry> {
        self.reports_of(initiative).find(|entry| entry.period == period)
    }

    /// The newest report of an initiative.
    pub fn newest(&self, initiative: &str) -> Option<&CatalogEntry> {
        self.reports_of(initiative).max_by_key(|entry| entry.period)
    }

    /// The report the site opens on: the default initiative's newest, else the newest of all.
    pub fn latest(&self) -> Option<&CatalogEntry> {
        self.newest(&self.default_initiative).or_else(|| self.reports.iter().max_by_key(|entry| entry.period))
    }

    /// The slug of the initiative that `name` (a slug, or an alias a report was once filed
    /// under, as in an old address) stands for.
    pub fn canonical_initiative(&self, name: &str) -> Option<&str> {
        if let Some(entry) = self.reports_of(name).next() {
            return Some(&entry.initiative.slug);
        }
        self.initiatives.iter().find(|entry| entry.is_called(name)).map(|entry| entry.slug.as_str())
    }

    /// The report an initiative published before `period` (what "since last quarter" compares).
    pub fn previous(&self, initiative: &str, period: Period) -> Option<&CatalogEntry> {
        self.reports_of(initiative).filter(|entry| entry.period < period).max_by_key(|entry| entry.period)
    }

    /// An initiative's reports, oldest first: a hand-edited catalog may be in any order.
    pub fn quarters(&self, initiative: &str) -> Vec<&CatalogEntry> {
        let mut quarters: Vec<&CatalogEntry> = self.reports_of(initiative).collect();
        quarters.sort_by_key(|entry| entry.period);
        quarters
    }

    /// The reports of an initiative just before and just after its report for `period`, as the
    /// previous and next steps between reports; neither when the catalog lacks that report.
    pub fn neighbours(&self, initiative: &str, period: Period) -> (Option<&CatalogEntry>, Option<&CatalogEntry>) {
        let quarters = self.quarters(initiative);
        let Some(position) = quarters.iter().position(|entry| entry.period == period) else {
            return (None, None);
        };
        (position.checked_sub(1).map(|before| quarters[before]), quarters.get(position + 1).copied())
    }

    /// Each initiative's newest report (where switching to that initiative lands), initiatives in
    /// the order the catalog first lists them.
    pub fn newest_of_each_initiative(&self) -> Vec<&CatalogEntry> {
        let mut newest: Vec<&CatalogEntry> = Vec::new();
        for entry in &self.reports {
            if !newest.iter().any(|known| known.initiative.slug == entry.initiative.slug) {
                newest.push(self.newest(&entry.initiative.slug).unwrap_or(entry));
            }
        }
        newest
    }

    /// Every quarter with a report, newest first, each once.
    pub fn periods(&self) -> Vec<Period> {
        let mut periods: Vec<Period> = self.reports.iter().map(|entry| entry.period).collect();
        periods.sort_unstable_by(|a, b| b.cmp(a));
        periods.dedup();
        periods
    }
}

impl Activity {
    /// One of the template's parts.
    pub fn part(&self, part: anchor::ActivityPart) -> &[Block] {
        use anchor::ActivityPart as P;
        match part {
            P::Purpose => &self.purpose,
            P::CurrentStatus => &self.current_status,
            P::UpNext => &self.up_next,
            P::Funding => &self.funding,
            P::Questions => &self.questions_for_tac,
        }
    }
}

impl Report {
    /// Every key result, with its objective.
    pub fn key_results(&self) -> impl Iterator<Item = (&Objective, &KeyResult)> {
        self.objectives.iter().flat_map(|objective| objective.key_results.iter().map(move |kr| (objective, kr)))
    }
}

/// The plain text of inline content (for search, labels and comparisons).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain_text(inlines, &mut out);
    out
}

fn push_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. } => push_plain_text(children, out),
        }
    }
}

/// Text folded for comparing words: lower case, every run of other characters one space
/// ("On-Target!" and "on target" fold alike). The status vocabulary and the importer's heading
/// and label matching compare through it.
pub fn fold_words(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()) {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(word.chars().flat_map(char::to_lowercase));
    }
    folded
}

/// The plain text of blocks: paragraphs, headings, list items and table rows each on a line of
/// their own (for search, summaries and filters).
pub fn blocks_plain_text(blocks: &[Block]) -> String {
    let mut lines = Vec::new();
    push_block_lines(blocks, &mut lines);
    lines.join("\n")
}

fn push_block_lines(blocks: &[Block], lines: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => lines.push(plain_text(content)),
            Block::List { items, .. } => items.iter().for_each(|item| push_block_lines(item, lines)),
            Block::Table { header, rows } => {
                for row in std::iter::once(header).chain(rows) {
                    lines.push(row.iter().map(|cell| plain_text(cell)).collect::<Vec<_>>().join(" | "));
                }
            }
            Block::Quote { blocks } => push_block_lines(blocks, lines),
            Block::Code { text } => lines.push(text.clone()),
        }
    }
}

/// Every link target in blocks, in order (used by tests and by search).
pub fn block_links(blocks: &[Block]) -> Vec<&str> {
    let mut out = Vec::new();
    for block in blocks {
        collect_block_links(block, &mut out);
    }
    out
}

fn collect_block_links<'a>(block: &'a Block, out: &mut Vec<&'a str>) {
    match block {
        Block::Paragraph { content } | Block::Heading { content, .. } => collect_inline_links(content, out),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| collect_block_links(b, out)),
        Block::Table { header, rows } => {
            header.iter().chain(rows.iter().flatten()).for_each(|cell| collect_inline_links(cell, out))
        }
        Block::Quote { blocks } => blocks.iter().for_each(|b| collect_block_links(b, out)),
        Block::Code { .. } => {}
    }
}

/// Every link target in inline content, in order.
pub fn collect_inline_links<'a>(inlines: &'a [Inline], out: &mut Vec<&'a str>) {
    for inline in inlines {
        match inline {
            Inline::Link { url, children } => {
                out.push(url);
                collect_inline_links(children, out);
            }
            Inline::Emphasis { children } | Inline::Strong { children } | Inline::Strikethrough { children } => {
                collect_inline_links(children, out)
            }
            Inline::Text { .. } | Inline::Code { .. } => {}
        }
    }
}

impl Report {
    /// Every link target anywhere in the report, in report order of its parts.
    pub fn all_links(&self) -> Vec<&str> {
        let mut out = block_links(&self.overview);
        for objective in &self.objectives {
            collect_inline_links(&objective.title, &mut out);
            for kr in &objective.key_results {
                collect_inline_links(&kr.text, &mut out);
            }
        }
        out.extend(block_links(&self.objectives_notes));
        for activity in &self.activities {
            out.extend(activity.link.as_deref());
            for blocks in [
                &activity.summary,
                &activity.purpose,
                &activity.current_status,
                &activity.up_next,
                &activity.funding,
                &activity.questions_for_tac,
            ] {
                out.extend(block_links(blocks));
            }
            activity.other.iter().for_each(|s| out.extend(block_links(&s.blocks)));
        }
        out.extend(self.news.iter().map(|item| item.url.as_str()));
        out.extend(block_links(&self.news_notes));
        self.upcoming_events.iter().for_each(|event| collect_inline_links(event, &mut out));
        out.extend(block_links(&self.questions_for_tac));
        out.extend(block_links(&self.funding_requests));
        out.extend(block_links(&self.participation));
        out.extend(block_links(&self.additional_information));
        for section in &self.other_sections {
            out.extend(section.link.as_deref());
            out.extend(block_links(&section.blocks));
        }
        out
    }
}

/// Whether a link target may become a clickable link: http(s) and mailto only.
pub fn is_safe_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

#[cfg(test)]
mod tests {
    use super::registry::InitiativeEntry;
    use super::*;

    #[test]
    fn an_old_name_of_an_initiative_leads_to_its_slug() {
        let initiative = Initiative { name: "Vulnerability Disclosures WG".into(), slug: "vd-wg".into() };
        let catalog = Catalog {
            format: FORMAT_VERSION,
            default_initiative: "vd-wg".into(),
            reports: vec![CatalogEntry {
                initiative,
                period: Period { year: 2025, quarter: 4 },
                title: "x".into(),
                path: "vd-wg/2025-q4.json".into(),
            }],
            initiatives: vec![InitiativeEntry {
                slug: "vd-wg".into(),
                aliases: vec!["VULN-WG".into()],
                ..InitiativeEntry::default()
            }],
        };
        assert_eq!(catalog.canonical_initiative("vd-wg"), Some("vd-wg"));
        assert_eq!(catalog.canonical_initiative("vuln-wg"), Some("vd-wg"));
        assert_eq!(catalog.canonical_initiative("sigstore"), None);
    }

    fn quarter(slug: &str) -> Period {
        Period::from_slug(slug).expect("a quarter")
    }

    /// A catalog of (initiative slug, quarter) reports, in the order given.
    fn catalog(reports: &[(&str, &str)]) -> Catalog {
        let reports = reports
            .iter()
            .map(|(slug, period)| CatalogEntry {
                initiative: Initiative { name: slug.to_uppercase(), slug: slug.to_string() },
                period: quarter(period),
                title: format!("{slug} {period}"),
                path: format!("{slug}/{period}.json"),
            })
            .collect();
        Catalog { format: FORMAT_VERSION, default_initiative: "sigstore".into(), reports, initiatives: Vec::new() }
    }

    fn periods(entries: &[&CatalogEntry]) -> Vec<String> {
        entries.iter().map(|entry| entry.period.slug()).collect()
    }

    #[test]
    fn an_initiatives_quarters_are_oldest_first_whatever_the_catalog_order() {
        let catalog =
            catalog(&[("sigstore", "2025-q3"), ("vd-wg", "2025-q2"), ("sigstore", "2025-q1"), ("sigstore", "2025-q2")]);
        assert_eq!(periods(&catalog.quarters("sigstore")), ["2025-q1", "2025-q2", "2025-q3"]);
        assert_eq!(periods(&catalog.quarters("vd-wg")), ["2025-q2"]);
        assert!(catalog.quarters("alpha-omega").is_empty());
    }

    #[test]
    fn an_initiatives_reports_keep_the_catalog_order() {
        let catalog = catalog(&[("sigstore", "2025-q3"), ("vd-wg", "2025-q2"), ("sigstore", "2025-q1")]);
        let reports: Vec<&CatalogEntry> = catalog.reports_of("sigstore").collect();
        assert_eq!(periods(&reports), ["2025-q3", "2025-q1"]);
        assert!(catalog.has_reports("vd-wg"));
        assert!(!catalog.has_reports("vd"));
    }

    #[test]
    fn neighbours_are_the_reports_just_before_and_after_skipping_a_gap() {
        let catalog = catalog(&[("sigstore", "2025-q4"), ("sigstore", "2025-q1"), ("sigstore", "2025-q2")]);
        let (before, after) = catalog.neighbours("sigstore", quarter("2025-q2"));
        assert_eq!(before.map(|entry| entry.period), Some(quarter("2025-q1")));
        assert_eq!(after.map(|entry| entry.period), Some(quarter("2025-q4")));
        let (before, after) = catalog.neighbours("sigstore", quarter("2025-q1"));
        assert_eq!((before, after.map(|entry| entry.period)), (None, Some(quarter("2025-q2"))));
        let (before, after) = catalog.neighbours("sigstore", quarter("2025-q4"));
        assert_eq!((before.map(|entry| entry.period), after), (Some(quarter("2025-q2")), None));
    }

    #[test]
    fn a_quarter_the_catalog_lacks_has_no_neighbours() {
        let catalog = catalog(&[("sigstore", "2025-q1"), ("sigstore", "2025-q4")]);
        assert_eq!(catalog.neighbours("sigstore", quarter("2025-q2")), (None, None));
        assert_eq!(catalog.neighbours("vd-wg", quarter("2025-q1")), (None, None));
    }

    #[test]
    fn the_previous_report_is_the_newest_before_the_quarter_even_when_the_quarter_is_missing() {
        let catalog = catalog(&[("sigstore", "2024-q4"), ("vd-wg", "2025-q1"), ("sigstore", "2025-q2")]);
        assert_eq!(catalog.previous("sigstore", quarter("2025-q2")).map(|e| e.period), Some(quarter("2024-q4")));
        assert_eq!(catalog.previous("sigstore", quarter("2025-q1")).map(|e| e.period), Some(quarter("2024-q4")));
        assert_eq!(catalog.previous("sigstore", quarter("2024-q4")), None);
    }

    #[test]
    fn switching_initiatives_lands_on_each_ones_newest_report_in_catalog_order() {
        let catalog =
            catalog(&[("vd-wg", "2025-q1"), ("sigstore", "2025-q2"), ("vd-wg", "2025-q3"), ("sigstore", "2025-q1")]);
        let newest: Vec<String> = catalog
            .newest_of_each_initiative()
            .iter()
            .map(|entry| format!("{} {}", entry.initiative.slug, entry.period.slug()))
            .collect();
        assert_eq!(newest, ["vd-wg 2025-q3", "sigstore 2025-q2"]);
    }

    #[test]
    fn periods_are_every_quarter_with_a_report_newest_first_once() {
        let filed = catalog(&[("vd-wg", "2025-q1"), ("sigstore", "2025-q3"), ("sigstore", "2025-q1")]);
        assert_eq!(filed.periods(), [quarter("2025-q3"), quarter("2025-q1")]);
        assert!(catalog(&[]).periods().is_empty());
    }

    #[test]
    fn folding_keeps_words_in_lower_case_and_makes_everything_else_one_space() {
        assert_eq!(fold_words("On-Target!"), "on target");
        assert_eq!(fold_words("  Funding   requests: (none) "), "funding requests none");
        assert_eq!(fold_words("KR 1.3 — Ünïcode ÀND İ"), "kr 1 3 ünïcode ànd i\u{307}");
        assert_eq!(fold_words("-- !! --"), "");
    }
}
