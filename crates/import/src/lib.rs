//! The Markdown importer: a report file's name and bytes in, a [`Report`] and `line: message`
//! diagnostics out ([`import_bytes`]), then the catalog, the foundation-wide summary and the
//! histories built from many reports. The conversion itself touches no file system; the
//! `quarterly-import` command does the reading and writing, and [`report_files`] finds report
//! files in folders. The viewer does not depend on this crate: the browser build cannot see it.

#![warn(missing_docs)]

pub mod checks;
mod decode;
pub mod identity;
mod labels;
mod links;
pub mod markdown;
mod okr;
pub mod registry;
pub mod report_files;
pub mod sections;
pub mod summary;

pub use decode::repair_mojibake;

use markdown::Node;
use quarterly_core::model;
use quarterly_core::model::registry::Registry;
use quarterly_core::model::{
    is_safe_link, plain_text, Block, Catalog, CatalogEntry, Initiative, Inline, Period, Report, FORMAT_VERSION,
};
use sections::{blocks_of, build_tree, classify, Kind, Parts};
use std::fmt;

/// The JSON Schemas of the format, generated from the model's types: (file name, schema).
pub fn schemas() -> Vec<(&'static str, schemars::Schema)> {
    vec![
        ("report.schema.json", schemars::schema_for!(model::Report)),
        ("index.schema.json", schemars::schema_for!(model::Catalog)),
        ("summary.schema.json", schemars::schema_for!(model::summary::Summary)),
        ("search.schema.json", schemars::schema_for!(model::summary::SearchCorpus)),
        ("history.schema.json", schemars::schema_for!(model::summary::History)),
        ("initiatives.schema.json", schemars::schema_for!(model::registry::Registry)),
    ]
}

/// How serious a diagnostic is: an error means no report was produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The import goes on; something may not read as the author meant.
    Warning,
    /// The import stops: no report.
    Error,
}

/// A problem for the report's author, at a line of their file (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line of the author's file (1 when no one line is to blame).
    pub line: usize,
    /// Whether it stopped the import.
    pub severity: Severity,
    /// What is wrong, in words for the author.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}: {severity}: {}", self.line, self.message)
    }
}

/// Diagnostics collected while importing one file.
#[derive(Default, Debug)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds a warning at `line`.
    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.0.push(Diagnostic { line, severity: Severity::Warning, message: message.into() });
    }

    /// Adds an error at `line`: the file gives no report.
    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.0.push(Diagnostic { line, severity: Severity::Error, message: message.into() });
    }
}

/// The result of importing one file: a report unless there was an error, and every diagnostic.
#[derive(Debug)]
pub struct Outcome {
    /// `None` when there was an error.
    pub report: Option<Report>,
    /// Every diagnostic, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    /// Whether any diagnostic is an error (then there is no report).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Imports a report from its file name (used for the period and initiative when the title
/// lacks them) and its raw bytes.
pub fn import_bytes(file_name: &str, bytes: &[u8]) -> Outcome {
    let mut diagnostics = Diagnostics::default();
    let report = match decode::decode(bytes) {
        Ok(decoded) => {
            for (line, repair) in decoded.repairs {
                diagnostics.warn(line, repair);
            }
            import_into(file_name, &decoded.text, &mut diagnostics)
        }
        Err(reason) => {
            diagnostics.error(1, reason);
            None
        }
    };
    Outcome { report, diagnostics: diagnostics.0 }
}

/// Imports a report from text already decoded.
pub fn import_text(file_name: &str, text: &str) -> Outcome {
    import_bytes(file_name, text.as_bytes())
}

fn import_into(file_name: &str, text: &str, diagnostics: &mut Diagnostics) -> Option<Report> {
    let decode::Stripped { text, instructions, unclosed } = decode::strip_marks(text);
    for line in instructions {
        diagnostics.warn(line, "template instructions left in (<mark>…</mark>): remove them once the section is written; they are not shown");
    }
    for line in unclosed {
        diagnostics.warn(line, "<mark> is never closed with </mark>; its text is kept as part of the report");
    }
    let mut nodes = promote_pseudo_headings(markdown::parse(&text));
    let title = take_title(&mut nodes);
    let base_name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let (period, initiative, title) = identify(title, base_name, diagnostics)?;

    let mut parts = Parts::from_tree(build_tree(nodes));
    let okrs = okr::extract(std::mem::take(&mut parts.objectives), diagnostics);
    let (news, news_notes) = links::extract_news(std::mem::take(&mut parts.news));
    for (line, warning) in std::mem::take(&mut parts.warnings) {
        diagnostics.warn(line, warning);
    }
    let mut activities = std::mem::take(&mut parts.activities);
    activities.extend(parts.own_activity.take());
    for activity in &mut activities {
        if activity.name.is_empty() {
            activity.name = initiative.name.clone();
        }
        activity.questions_for_tac = labels::without_none(std::mem::take(&mut activity.questions_for_tac));
        activity.funding = labels::without_none(std::mem::take(&mut activity.funding));
    }
    let report = Report {
        format: FORMAT_VERSION,
        source: base_name.to_string(),
        initiative,
        period,
        title,
        overview: blocks_of(parts.overview),
        objectives: okrs.objectives,
        objectives_notes: okrs.notes,
        activities,
        news,
        news_notes,
        upcoming_events: links::extract_events(parts.events),
        questions_for_tac: labels::without_none(blocks_of(parts.questions)),
        funding_requests: labels::without_none(blocks_of(parts.funding)),
        participation: blocks_of(parts.participation),
        additional_information: blocks_of(parts.additional),
        other_sections: parts.other_sections,
    };
    warn_unsafe_links(&report, &text, diagnostics);
    warn_missing_sections(&report, diagnostics);
    Some(report)
}

/// Which quarter and initiative a report is for, from its title and its file name (the file
/// name wins a disagreement, with a warning), and the title to show: the written one, or one
/// made from the two. `None`, with an error, when neither says.
fn identify(
    title: Option<(String, usize)>,
    base_name: &str,
    diagnostics: &mut Diagnostics,
) -> Option<(Period, Initiative, String)> {
    let from_title = title.as_ref().and_then(|(title, _)| identity::parse_title(title));
    let from_file = identity::parse_file_name(base_name);
    let title_line = title.as_ref().map_or(1, |(_, line)| *line);
    let period = match (&from_title, &from_file) {
        (Some(t), Some(f)) if t.period != f.period => {
            diagnostics.warn(
                title_line,
                format!(
                    "the title says {} but the file name says {}; used the file name's {}",
                    t.period, f.period, f.period
                ),
            );
            f.period
        }
        (Some(t), _) => t.period,
        (None, Some(f)) => {
            let why = match &title {
                Some((written, _)) => format!("the title \"{written}\" does not start with \"YYYY Qn Name\""),
                None => "there is no \"# YYYY Qn Name\" title line".to_string(),
            };
            diagnostics.warn(title_line, format!("{why}; took {} from the file name", f.period));
            f.period
        }
        (None, None) => {
            diagnostics.error(
                title_line,
                format!(
                    "cannot tell which quarter this report is for: start it with a title such as \"# 2025 Q2 Name\" or name the file like \"2025-Q2-Name.md\" (it is \"{base_name}\")"
                ),
            );
            return None;
        }
    };
    let Some(initiative) = identity::initiative(
        from_file.as_ref().and_then(|f| f.name.as_deref()),
        from_title.as_ref().and_then(|t| t.name.as_deref()),
    ) else {
        diagnostics.error(title_line, "cannot tell which initiative this report is from: give it a title such as \"# 2025 Q2 Name\" or name the file \"2025-Q2-Name.md\"");
        return None;
    };
    let title = match title {
        Some((written, _)) => written,
        None => format!("{period} {}", initiative.name),
    };
    Some((period, initiative, title))
}

/// Takes the report's title: the first heading when it is level 1 or names a period, else the
/// first bold line when no heading does (one report has no Markdown headings at all).
fn take_title(nodes: &mut Vec<Node>) -> Option<(String, usize)> {
    let index = nodes.iter().position(|node| match node {
        Node::Heading { level, content, .. } => {
            let text = plain_text(content);
            let names_period = identity::parse_title(&text).is_some();
            // "# Overview" in a report without a title line is a section, not the title.
            names_period || (*level == 1 && classify(&text) == Kind::Other)
        }
        Node::Block { .. } => false,
    })?;
    let is_first_heading = nodes[..index].iter().all(|node| matches!(node, Node::Block { .. }));
    if !is_first_heading {
        return None;
    }
    let Node::Heading { content, line, .. } = nodes.remove(index) else { unreachable!("position matched a heading") };
    // Later level-1 headings are the report's sections.
    for node in nodes.iter_mut() {
        if let Node::Heading { level, .. } = node {
            *level = (*level).max(2);
        }
    }
    Some((plain_text(&content), line))
}

/// Authors who skip Markdown headings write a bold (or italic) line instead, e.g.
/// "**Overview**" or "*Welcome Calls*" in 2025-Q3-BEAR-WG. Such a line becomes a heading one
/// level below the last real one; the template's sub-section names go to level 3. A template
/// label that starts a paragraph or a list item ("**Purpose:** text", 2025-Q4-VD-WG) becomes a
/// heading too, followed by its text.
fn promote_pseudo_headings(nodes: Vec<Node>) -> Vec<Node> {
    let has_h1 = nodes.iter().any(|node| matches!(node, Node::Heading { level: 1, .. }));
    let mut context = 1u8;
    let mut seen_content = false;
    let mut out = Vec::with_capacity(nodes.len());
    for node in nodes {
        let label_level = (context + 1).clamp(3, 6);
        match node {
            Node::Heading { level, content, line } => {
                context = level;
                out.push(Node::Heading { level, content, line });
            }
            Node::Block { block: Block::Paragraph { content }, line, part_lines } => {
                if let Some((text, strong)) = pseudo_heading(&content) {
                    let level = pseudo_heading_level(&text, strong, context, has_h1 || seen_content);
                    out.push(Node::Heading { level: level.min(6), content: vec![Inline::Text { text }], line });
                } else if let Some((label, rest)) = labels::split_label(&content) {
                    out.push(Node::Heading { level: label_level, content: vec![Inline::Text { text: label }], line });
                    if !rest.is_empty() {
                        out.push(Node::Block { block: Block::Paragraph { content: rest }, line, part_lines });
                    }
                } else {
                    out.push(Node::Block { block: Block::Paragraph { content }, line, part_lines });
                }
            }
            Node::Block { block: Block::List { ordered, items }, line, part_lines } => {
                match labels::split_label_list(&items, &part_lines) {
                    Some(parts) => out.extend(labels::label_nodes(parts, label_level)),
                    None => out.push(Node::Block { block: Block::List { ordered, items }, line, part_lines }),
                }
            }
            other => out.push(other),
        }
        seen_content = true;
    }
    out
}

/// Where a bold or italic line stands: the title when nothing came before and there is no
/// level-1 heading; one level under the last heading; the template's parts at least at level 3.
fn pseudo_heading_level(text: &str, strong: bool, context: u8, seen_content: bool) -> u8 {
    if !seen_content && classify(text) == Kind::Other {
        1
    } else if matches!(classify(text), Kind::Purpose | Kind::CurrentStatus | Kind::UpNext | Kind::Funding)
        || labels::resembles_label(text).is_some()
    {
        (context + 1).max(3)
    } else if strong {
        if context <= 1 {
            2
        } else {
            context + 1
        }
    } else {
        (context + 2).max(3)
    }
}

/// A paragraph that is only one short bold or italic phrase, not a sentence ("**Current
/// Status:**" with its colon is still a label).
fn pseudo_heading(content: &[Inline]) -> Option<(String, bool)> {
    let [inline] = content else { return None };
    let (children, strong) = match inline {
        Inline::Strong { children } => (children, true),
        Inline::Emphasis { children } => (children, false),
        _ => return None,
    };
    if children.iter().any(|child| matches!(child, Inline::Link { .. })) {
        return None;
    }
    let text = plain_text(children).trim().to_string();
    let label = text.trim_end_matches(':').trim_end();
    if label.len() < text.len() && (labels::is_template_label(label) || labels::resembles_label(label).is_some()) {
        return Some((label.to_string(), strong));
    }
    let is_sentence = text.ends_with(['.', '!', '?', ':', ',']);
    (!text.is_empty() && text.chars().count() <= 80 && !is_sentence).then_some((text, strong))
}

/// The sections the template marks "Required": an overview, and at least one activity (or, for
/// an initiative that reports by OKRs, its objectives).
fn warn_missing_sections(report: &Report, diagnostics: &mut Diagnostics) {
    if report.overview.is_empty() {
        diagnostics.warn(
            1,
            "no Overview section: the template asks for a few sentences on the initiative's status and health",
        );
    }
    if report.activities.is_empty() && report.objectives.is_empty() {
        diagnostics.warn(
            1,
            "no activity in the template's form (a section per activity with Purpose, Current Status and Up Next); the other sections are shown as written",
        );
    }
}

/// Links the viewer will not make clickable deserve a word to the author.
fn warn_unsafe_links(report: &Report, text: &str, diagnostics: &mut Diagnostics) {
    for url in report.all_links() {
        if is_safe_link(url) || url.starts_with('#') {
            continue;
        }
        let line = checks::line_of(text, url);
        diagnostics.warn(
            line,
            format!("link target \"{url}\" is not a web address (http, https or mailto); it will show as text"),
        );
    }
}

/// The catalog of imported reports, sorted by initiative then quarter. Entries point at
/// `<slug>/<year>-q<n>.json`.
pub fn catalog(reports: &[&Report], default_initiative: Option<&str>, registry: &Registry) -> Catalog {
    let mut entries: Vec<CatalogEntry> = reports
        .iter()
        .map(|report| CatalogEntry {
            initiative: report.initiative.clone(),
            period: report.period,
            title: report.title.clone(),
            path: report_path(report),
        })
        .collect();
    entries.sort_by(|a, b| (&a.initiative.slug, a.period).cmp(&(&b.initiative.slug, b.period)));
    let default_initiative = default_initiative
        .map(str::to_string)
        .or_else(|| reports.iter().max_by_key(|r| r.period).map(|r| r.initiative.slug.clone()))
        .unwrap_or_default();
    Catalog {
        format: FORMAT_VERSION,
        default_initiative,
        reports: entries,
        initiatives: registry::entries_for(registry, reports),
    }
}

/// Where a report's JSON lives, relative to `index.json`.
pub fn report_path(report: &Report) -> String {
    format!("{}/{}.json", report.initiative.slug, report.period.slug())
}

/// Whether a file found in a folder looks like a report (`YYYY-Qn-Name`, with or without `.md`).
pub fn looks_like_report(file_name: &str) -> bool {
    identity::parse_file_name(file_name).is_some_and(|named| named.name.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_that_only_groups_activities_leaves_the_section_before_it_alone() {
        let md = "# 2025 Q1 X\n\n## Notes\n\n## Activities\n\n### Guide\n\n#### Purpose\n\nHelp.\n";
        let report = import_text("2025-Q1-X.md", md).report.unwrap();
        let headings: Vec<&str> = report.other_sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["Notes"]);
        assert_eq!(report.activities.len(), 1);
    }

    #[test]
    fn missing_title_takes_period_from_file_name_and_says_so() {
        let outcome = import_text("2025-Q3-Example-WG.md", "## Overview\n\nAll good.\n");
        let report = outcome.report.unwrap();
        assert_eq!(report.period.slug(), "2025-q3");
        assert_eq!(report.initiative.slug, "example-wg");
        assert!(outcome.diagnostics.iter().any(|d| d.message.contains("no \"# YYYY Qn Name\" title line")));
    }

    #[test]
    fn title_and_file_name_disagreeing_uses_the_file_name_with_a_warning() {
        let outcome = import_text("2025-Q3-Example.md", "# 2025 Q2 Example\n\n## Overview\n\nx\n");
        assert_eq!(outcome.report.unwrap().period.slug(), "2025-q3");
        let warning = &outcome.diagnostics[0];
        assert_eq!((warning.line, warning.severity), (1, Severity::Warning));
        assert!(warning.message.contains("2025 Q2") && warning.message.contains("2025 Q3"));
    }

    #[test]
    fn no_period_anywhere_is_an_error_with_the_line() {
        let outcome = import_text("notes.md", "# YYYY Qn TI Name\n\ntext\n");
        assert!(outcome.report.is_none());
        assert!(outcome.has_errors());
        assert_eq!(outcome.diagnostics[0].line, 1);
    }

    #[test]
    fn unknown_status_is_kept_and_warned_at_its_line() {
        let md = "# 2025 Q1 X\n\n## OKRs\n\n|Key Result|Status|\n|-|-|\n|**O1: Grow**||\n|KR 1.1: More|Yellowish|\n";
        let outcome = import_text("x.md", md);
        let report = outcome.report.unwrap();
        let status = report.objectives[0].key_results[0].status.clone().unwrap();
        assert_eq!(status.kind, quarterly_core::model::StatusKind::Unknown);
        assert_eq!(status.written, "Yellowish");
        assert!(outcome.diagnostics.iter().any(|d| d.line == 8 && d.message.contains("Yellowish")));
    }

    #[test]
    fn javascript_links_are_kept_as_data_and_warned() {
        let outcome = import_text("2025-Q1-X.md", "# 2025 Q1 X\n\n## Overview\n\n[click](javascript:alert(1))\n");
        assert!(outcome.diagnostics.iter().any(|d| d.line == 5 && d.message.contains("javascript:")));
    }

    #[test]
    fn a_section_heading_is_not_taken_for_the_title() {
        let outcome = import_text("2025-Q3-X.md", "# Overview\n\nHello.\n");
        let report = outcome.report.unwrap();
        assert_eq!(report.title, "2025 Q3 X");
        assert_eq!(report.overview.len(), 1);
    }

    #[test]
    fn objectives_written_as_headings_keep_their_key_results() {
        let md =
            "# 2025 Q1 X\n\n## OKRs\n\n### Objective 1: Grow\n\n- KR 1.1: a\n\n### Objective 2: Keep\n\n- KR 2.1: b\n";
        let report = import_text("x.md", md).report.unwrap();
        let shape: Vec<(String, usize)> =
            report.objectives.iter().map(|o| (o.id.clone(), o.key_results.len())).collect();
        assert_eq!(shape, vec![("1".to_string(), 1), ("2".to_string(), 1)]);
    }

    #[test]
    fn bold_lines_act_as_headings_when_there_are_none() {
        let md = "**Q3 TAC 2025 Z WG updates**\n\n**Overview**\n\nHello.\n\n**Tooling**\n\n**Purpose**\n\nBuild.\n";
        let report = import_text("2025-Q3-Z-WG", md).report.unwrap();
        assert_eq!(report.title, "Q3 TAC 2025 Z WG updates");
        assert_eq!(
            plain_text(match &report.overview[0] {
                Block::Paragraph { content } => content,
                _ => panic!(),
            }),
            "Hello."
        );
        assert_eq!(report.activities[0].name, "Tooling");
        assert_eq!(report.activities[0].purpose.len(), 1);
    }

    fn warnings(outcome: &Outcome) -> Vec<(usize, &str)> {
        outcome
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| (d.line, d.message.as_str()))
            .collect()
    }

    fn text_of(blocks: &[Block]) -> String {
        blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph { content } | Block::Heading { content, .. } => plain_text(content),
                other => format!("{other:?}"),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn activity_headings_with_numbers_and_links_keep_title_and_link() {
        let md = "# 2025 Q3 X\n\n## Activities Summary\n\n### Activity #1: Guide ([Issue 9](https://x.example/9))\n\n**Purpose:** Help.\n\n\
                  **Current Status** Drafting.\n\n## Activity #2: [CVD Guide](https://x.example/115)\n\n* **Purpose:** Teach.\n* **Up Next:** Write.\n  \
                  more\n* **Questions / Requests for Oversight Body (e.g., TAC):** None at this time.\n\n## Overview\n\nFine.\n";
        let outcome = import_text("2025-Q3-X.md", md);
        let report = outcome.report.as_ref().unwrap();
        let names: Vec<(&str, Option<&str>)> =
            report.activities.iter().map(|a| (a.name.as_str(), a.link.as_deref())).collect();
        assert_eq!(
            names,
            vec![("Guide (Issue 9)", Some("https://x.example/9")), ("CVD Guide", Some("https://x.example/115"))]
        );
        let news = import_text(
            "2025-Q3-X.md",
            "# 2025 Q3 X\n\n## Activity #3: Funding the News Desk\n\n**Purpose:** Inform.\n",
        );
        assert_eq!(news.report.unwrap().activities[0].name, "Funding the News Desk");
        assert_eq!(text_of(&report.activities[0].purpose), "Help.");
        assert_eq!(text_of(&report.activities[0].current_status), "Drafting.");
        assert_eq!(text_of(&report.activities[1].up_next), "Write. more");
        assert!(report.activities[1].questions_for_tac.is_empty(), "\"None at this time\" is no question");
        assert!(report.other_sections.is_empty(), "{:?}", report.other_sections);
        assert!(warnings(&outcome).is_empty(), "{:?}", outcome.diagnostics);
    }

    #[test]
    fn a_misspelled_label_is_kept_and_named_in_a_warning() {
        let md = "# 2025 Q3 X\n\n## Memory Safety SIG\n\n### Purpse\n\nSafer code.\n\n### Curent Status\n\nGoing.\n\n### Up Nxt\n\nMore.\n\n### Purpose\n\nReal.\n\n## Overview\n\nFine.\n";
        let outcome = import_text("2025-Q3-X.md", md);
        let activity = &outcome.report.as_ref().unwrap().activities[0];
        assert_eq!(text_of(&activity.purpose), "Real.");
        let other: Vec<(&str, String)> =
            activity.other.iter().map(|s| (s.heading.as_str(), text_of(&s.blocks))).collect();
        assert_eq!(
            other,
            vec![("Purpse", "Safer code.".into()), ("Curent Status", "Going.".into()), ("Up Nxt", "More.".into())]
        );
        let warned = warnings(&outcome);
        assert_eq!(warned.iter().map(|(line, _)| *line).collect::<Vec<_>>(), vec![5, 9, 13]);
        assert!(
            warned[0].1.contains("\"Purpose\"")
                && warned[1].1.contains("\"Current Status\"")
                && warned[2].1.contains("\"Up Next\"")
        );
        // A bold label misspelled the same way, starting a paragraph, is kept too.
        let bold = import_text(
            "2025-Q3-X.md",
            "# 2025 Q3 X\n\n## SIG\n\n**Purpose:** Why.\n\n**Purpse:** Typo.\n\n## Overview\n\nFine.\n",
        );
        assert_eq!(text_of(&bold.report.as_ref().unwrap().activities[0].other[0].blocks), "Typo.");
        assert_eq!(warnings(&bold)[0].0, 7);
    }

    #[test]
    fn parts_out_of_order_go_to_their_fields() {
        let md = "# 2025 Q3 X\n\n## Tooling\n\n### Up Next\n\nLater.\n\n### Questions/Issues for the TAC\n\nHelp?\n\n### Purpose\n\nWhy.\n\n\
                  #### Current Status\n\nNow.\n";
        let activity = import_text("2025-Q3-X.md", md).report.unwrap().activities.remove(0);
        let fields = [&activity.purpose, &activity.current_status, &activity.up_next, &activity.questions_for_tac]
            .map(|b| text_of(b));
        assert_eq!(fields, ["Why.", "Now.", "Later.", "Help?"].map(String::from));
    }

    #[test]
    fn an_activity_without_a_title_is_named_after_the_initiative_with_a_warning() {
        let md = "# 2025 Q3 Example WG\n\n## Activity\n\n### Purpose\n\nWhy.\n\n### Up Next\n\nMore.\n";
        let outcome = import_text("2025-Q3-Example-WG.md", md);
        let report = outcome.report.as_ref().unwrap();
        assert_eq!(report.activities.len(), 1);
        assert_eq!(report.activities[0].name, report.initiative.name);
        assert_eq!(text_of(&report.activities[0].purpose), "Why.");
        assert!(
            warnings(&outcome).iter().any(|(line, message)| *line == 3 && message.contains("no title")),
            "{:?}",
            outcome.diagnostics
        );
        // The template's "## Activity #1" left as it is, too.
        let template = import_text(
            "2025-Q3-Example-WG.md",
            "# 2025 Q3 Example WG\n\n## Overview\n\nFine.\n\n## Activity #1\n\n### Purpose\n\nWhy.\n",
        );
        assert_eq!(template.report.as_ref().unwrap().activities[0].name, "Example WG");
        assert_eq!(warnings(&template).len(), 1);
    }

    #[test]
    fn the_templates_required_sections_and_left_in_instructions_are_warned_at_their_lines() {
        let md = "# 2025 Q3 X\n\n## Other\n\n<mark>_Required: Sum up\nthe status._</mark>\n\nText.\n";
        let outcome = import_text("2025-Q3-X.md", md);
        let warned = warnings(&outcome);
        assert_eq!(warned.len(), 3, "{warned:?}");
        assert!(warned[0].0 == 5 && warned[0].1.starts_with("template instructions left in"), "{warned:?}");
        assert!(warned[1].0 == 1 && warned[1].1.starts_with("no Overview section"), "{warned:?}");
        assert!(warned[2].0 == 1 && warned[2].1.starts_with("no activity in the template's form"), "{warned:?}");
        // An initiative that reports by OKRs needs no activity section.
        let okrs =
            "# 2025 Q3 X\n\n## Overview\n\nFine.\n\n## OKRs\n\n|KR|Status|\n|-|-|\n|**O1: A**||\n|KR 1.1: b|Done|\n";
        assert!(warnings(&import_text("2025-Q3-X.md", okrs)).is_empty());
    }

    #[test]
    fn report_wide_funding_questions_and_participation_are_filled_and_none_means_none() {
        let md = "# 2025 Q3 X\n\n## Overview\n\nFine.\n\n### Participation & Engagement (Optional)\n\n|Cadence|Attendance|\n|-|-|\n|Weekly|10|\n\n\
                  ## Funding requests\n\n- N/A\n\n## Questions/Issues for the TAC\n\n*None at this time.*\n\n## Funding requests and updates\n\nWe ask for $5k.\n";
        let report = import_text("2025-Q3-X.md", md).report.unwrap();
        assert!(matches!(&report.participation[..], [Block::Table { .. }]), "{:?}", report.participation);
        assert_eq!(text_of(&report.overview), "Fine.");
        assert!(report.questions_for_tac.is_empty());
        assert_eq!(text_of(&report.funding_requests), "We ask for $5k.");
    }

    #[test]
    fn a_linked_heading_keeps_its_link() {
        let md = "# 2025 Q3 X\n\n## [Roadmap](https://x.example/roadmap)\n\nText.\n\n### See [issue](https://x.example/1)\n\nMore.\n";
        let report = import_text("2025-Q3-X.md", md).report.unwrap();
        let section = &report.other_sections[0];
        assert_eq!((section.heading.as_str(), section.link.as_deref()), ("Roadmap", Some("https://x.example/roadmap")));
        let sub = section.blocks.iter().find_map(|b| match b {
            Block::Heading { content, .. } => Some(content.clone()),
            _ => None,
        });
        assert!(
            matches!(&sub.unwrap()[..], [Inline::Text { .. }, Inline::Link { url, .. }] if url == "https://x.example/1")
        );
    }
}
