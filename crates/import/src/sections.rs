//! From a flat run of headings and blocks to the report's parts: which section is the overview,
//! the OKRs, the news..., and which are a working group's activities.

use super::labels::resembles_label;
use super::markdown::Node;
use quarterly_core::model::{fold_words as fold, plain_text, Activity, Block, Inline, Section};

/// What a heading names, from the template's vocabulary and the ways authors vary it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// "Overview", "Summary", "TL;DR".
    Overview,
    /// Objectives, OKRs, key results.
    Objectives,
    /// News, blogs, media, press, "Recent Events".
    News,
    /// "Upcoming Events", "Events".
    Events,
    /// Questions, issues or requests for the TAC (or the "Oversight Body").
    Questions,
    /// "Additional Information", "Other Information".
    Additional,
    /// Participation, attendance, contributors.
    Participation,
    /// An activity's "Purpose".
    Purpose,
    /// An activity's "Current Status", "Status Update".
    CurrentStatus,
    /// An activity's "Up Next", "Next Steps", "What's Next".
    UpNext,
    /// Funding, funding requests.
    Funding,
    /// Anything else: an activity's title or a section of the author's own.
    Other,
}

impl Kind {
    /// Sub-sections of an activity in the template.
    fn is_activity_part(self) -> bool {
        matches!(self, Kind::Purpose | Kind::CurrentStatus | Kind::UpNext | Kind::Funding | Kind::Questions)
    }

    /// Parts that make a section an activity (funding or questions alone do not: "## 2026 WG
    /// Roadmap Planning" with a "### Funding requests" in 2026-Q1-BEAR-WG is no activity).
    fn makes_activity(self) -> bool {
        matches!(self, Kind::Purpose | Kind::CurrentStatus | Kind::UpNext)
    }

    /// Report-wide parts that gather content wherever their heading stands (outside an activity).
    fn is_report_part(self) -> bool {
        matches!(
            self,
            Kind::Objectives
                | Kind::News
                | Kind::Events
                | Kind::Questions
                | Kind::Additional
                | Kind::Participation
                | Kind::Funding
        )
    }
}

/// What a heading (its plain text) names.
pub fn classify(heading: &str) -> Kind {
    let folded = fold(heading);
    let has = |word: &str| folded.split(' ').any(|w| w == word);
    let starts = |prefix: &str| folded.starts_with(prefix);
    let phrase = |words: &str| format!(" {folded} ").contains(&format!(" {words} "));
    if starts("purpose") {
        Kind::Purpose
    } else if starts("current status") || starts("status") {
        // "Status Update" (2025-Q3-BEST-WG).
        Kind::CurrentStatus
    } else if phrase("up next") || starts("next step") || starts("what s next") {
        // "OSSAfrica Up Next" (2026-Q1-BEAR-WG), "Up Next (Next 4–8 Weeks)" (2025-Q4-VD-WG).
        Kind::UpNext
    } else if (starts("funding") || folded.contains("funding request")) && !has("objectives") {
        Kind::Funding
    } else if starts("questions")
        || folded.contains("issues for the tac")
        || folded.contains("oversight body")
        || (has("tac") && (has("request") || has("requests")))
    {
        // "Questions / Requests for Oversight Body (e.g., TAC)", "TAC Request" (2025-Q3-ST-WG).
        Kind::Questions
    } else if has("participation") || has("attendance") || starts("contributors") {
        // "Participation & Engagement (Optional)" (2025-Q4-VD-WG).
        Kind::Participation
    } else if folded.contains("upcoming event") || folded == "events" {
        Kind::Events
    } else if has("news")
        || has("blogs")
        || has("blog")
        || has("media")
        || has("press")
        || folded.contains("recent events")
    {
        Kind::News
    } else if has("objectives") || has("objective") || has("okrs") || has("okr") || folded.contains("key results") {
        Kind::Objectives
    } else if starts("overview") || folded == "summary" || folded == "tl dr" {
        Kind::Overview
    } else if starts("additional info") || folded == "other information" {
        Kind::Additional
    } else {
        Kind::Other
    }
}

/// The title of a heading that says it is an activity: "Activity #2: Title", "Activity 1 -
/// Title", "Activity: Title" give the title; "Activity", "Activity #1", "Activities Summary" give
/// "" (a heading with no title of its own). Any other heading gives `None`.
pub fn activity_title(heading: &str) -> Option<String> {
    let trimmed = heading.trim();
    let lower = trimmed.to_lowercase();
    let word = ["activities", "activity"].into_iter().find(|word| lower.starts_with(word))?;
    let rest = &trimmed[word.len()..];
    let after_number =
        rest.trim_start().trim_start_matches('#').trim_start().trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered = after_number.len() < rest.trim_start().len();
    let title = after_number.trim_start();
    let separated = title.starts_with([':', '-', '–', '—', '.']);
    let title = title.trim_start_matches([':', '-', '–', '—', '.']).trim();
    if title.is_empty() || matches!(fold(title).as_str(), "summary" | "summaries" | "update" | "updates" | "overview") {
        Some(String::new())
    } else if numbered || separated {
        Some(title.to_string())
    } else {
        None // "Activity tracking dashboard" is a title that happens to start with the word.
    }
}

/// A heading's plain text, where it linked to, and (only when it held several links, so that
/// none is lost) its content as a paragraph to keep with the section.
fn heading_parts(heading: &[Inline]) -> (String, Option<String>, Vec<Block>) {
    let mut links = Vec::new();
    quarterly_core::model::collect_inline_links(heading, &mut links);
    let link = links.first().map(|url| url.to_string());
    let kept = if links.len() > 1 { vec![Block::Paragraph { content: heading.to_vec() }] } else { Vec::new() };
    (plain_text(heading).trim().to_string(), link, kept)
}

/// A heading with what stands under it up to the next heading of its level or above.
#[derive(Debug)]
pub struct Tree {
    /// The heading's text; empty for the root.
    pub heading: Vec<Inline>,
    /// 1 to 6; 0 for the root.
    pub level: u8,
    /// The heading's line; 0 for the root.
    pub line: usize,
    /// What stands under the heading before its first sub-heading.
    pub content: Vec<Node>,
    /// Its sub-sections, in order.
    pub children: Vec<Tree>,
}

impl Tree {
    fn name(&self) -> String {
        plain_text(&self.heading)
    }

    /// An "Activity #3: Funding the News Desk" heading is an activity, whatever its title says.
    fn kind(&self) -> Kind {
        let name = self.name();
        match activity_title(&name) {
            Some(title) if !title.is_empty() => Kind::Other,
            _ => classify(&name),
        }
    }

    /// A section whose sub-sections follow the template (Purpose, Current Status, ..., or near
    /// misses of them), or whose heading says it is an activity ("Activity #3: Title").
    fn is_activity(&self) -> bool {
        let follows_template =
            self.children.iter().any(|child| child.kind().makes_activity() || resembles_label(&child.name()).is_some());
        follows_template || activity_title(&self.name()).is_some_and(|title| !title.is_empty())
    }

    fn is_empty(&self) -> bool {
        self.content.is_empty() && self.children.is_empty()
    }
}

/// Nests headings: content before the first heading is the root's.
pub fn build_tree(nodes: Vec<Node>) -> Tree {
    let mut stack = vec![Tree { heading: Vec::new(), level: 0, line: 0, content: Vec::new(), children: Vec::new() }];
    for node in nodes {
        match node {
            Node::Heading { level, content, line } => {
                while stack.len() > 1 && stack.last().is_some_and(|top| top.level >= level) {
                    let done = stack.pop().expect("checked above");
                    stack.last_mut().expect("root stays").children.push(done);
                }
                stack.push(Tree { heading: content, level, line, content: Vec::new(), children: Vec::new() });
            }
            block => stack.last_mut().expect("root stays").content.push(block),
        }
    }
    while stack.len() > 1 {
        let done = stack.pop().expect("checked above");
        stack.last_mut().expect("root stays").children.push(done);
    }
    stack.pop().expect("root stays")
}

/// A template part written at its activity's level right after the activity's empty heading
/// ("## Security Baseline" then "## Purpose" then "### Current Status" in 2025-Q2-BEST-WG)
/// belongs to that activity: it moves under it, with the parts nested in it.
fn adopt_stray_parts(sections: Vec<Tree>, warnings: &mut Vec<(usize, String)>) -> Vec<Tree> {
    let mut out: Vec<Tree> = Vec::with_capacity(sections.len());
    for mut section in sections {
        let kind = section.kind();
        let owner = out.last_mut().filter(|last| {
            last.kind() == Kind::Other
                && activity_title(&last.name()).is_none()
                && (last.is_empty() || last.is_activity())
        });
        match owner {
            Some(owner) if kind.makes_activity() && !owner.children.iter().any(|c| c.kind() == kind) => {
                warnings.push((
                    section.line,
                    format!(
                        "\"{}\" is a heading of the same level as \"{}\"; read it as part of that activity",
                        section.name(),
                        owner.name()
                    ),
                ));
                let (parts, rest): (Vec<Tree>, Vec<Tree>) =
                    std::mem::take(&mut section.children).into_iter().partition(|c| c.kind().is_activity_part());
                section.children = rest;
                owner.children.push(section);
                owner.children.extend(parts);
            }
            _ => out.push(section),
        }
    }
    out
}

/// The nodes each report part gathered, in order, before they are read into the model.
#[derive(Default)]
pub struct Parts {
    /// Content before the first heading, and under "Overview" headings.
    pub overview: Vec<Node>,
    /// Under the objectives and key results heading.
    pub objectives: Vec<Node>,
    /// Under the news heading.
    pub news: Vec<Node>,
    /// Under the upcoming events heading.
    pub events: Vec<Node>,
    /// Under a report-wide questions heading.
    pub questions: Vec<Node>,
    /// Under a report-wide funding heading.
    pub funding: Vec<Node>,
    /// Under the participation heading.
    pub participation: Vec<Node>,
    /// Under the "Additional Information" heading.
    pub additional: Vec<Node>,
    /// Activities in report order; one with an empty name is the initiative's own (its heading
    /// had no title, or its parts stood outside any activity).
    pub activities: Vec<Activity>,
    /// The initiative's own Purpose/Status/Up Next when they stand outside any activity.
    pub own_activity: Option<Activity>,
    /// Sections outside the template, in report order.
    pub other_sections: Vec<Section>,
    /// (line, message) for the author: what was read in a way they may not have meant.
    pub warnings: Vec<(usize, String)>,
}

impl Parts {
    /// Routes the document's sections into parts.
    pub fn from_tree(root: Tree) -> Parts {
        let mut parts = Parts { overview: root.content, ..Parts::default() };
        for section in adopt_stray_parts(root.children, &mut parts.warnings) {
            parts.route(section, Kind::Other, None);
        }
        parts
    }

    fn bucket(&mut self, kind: Kind) -> &mut Vec<Node> {
        match kind {
            Kind::Objectives => &mut self.objectives,
            Kind::News => &mut self.news,
            Kind::Events => &mut self.events,
            Kind::Questions => &mut self.questions,
            Kind::Funding => &mut self.funding,
            Kind::Participation => &mut self.participation,
            Kind::Additional => &mut self.additional,
            _ => &mut self.overview,
        }
    }

    /// `into`: the section the content is being gathered into (for `Other`, a section of
    /// `other_sections` at index `other`).
    fn route(&mut self, section: Tree, into: Kind, other: Option<usize>) {
        let kind = section.kind();
        let top_level = into == Kind::Other && other.is_none();
        if kind.is_report_part() && kind != into || (kind == Kind::Overview && top_level) {
            let children = section.children;
            self.bucket(kind).extend(section.content);
            for child in children {
                self.route(child, kind, None);
            }
        } else if kind.makes_activity() {
            let own = self.own_activity.get_or_insert_with(Activity::default);
            let mut blocks = text_after_label(&section.heading);
            blocks.extend(flatten(section.content, section.children));
            activity_part(own, kind).extend(blocks);
        } else if section.is_activity() {
            let activity = activity(section, &mut self.warnings);
            self.activities.push(activity);
        } else if top_level {
            self.route_top_level(section);
        } else {
            self.warn_near_miss(&section);
            // A sub-heading of whatever is being gathered: keep it as a heading in that flow.
            let heading = Node::Heading { level: section.level.max(3), content: section.heading, line: section.line };
            match other.and_then(|index| self.other_sections.get_mut(index)) {
                Some(target) => {
                    target.blocks.extend(blocks_of(vec![heading]));
                    target.blocks.extend(blocks_of(section.content));
                }
                None => {
                    let bucket = self.bucket(into);
                    bucket.push(heading);
                    bucket.extend(section.content);
                }
            }
            for child in section.children {
                self.route(child, into, other);
            }
        }
    }

    /// A top-level section outside the template, or one that groups activities ("## Activity",
    /// "## Activities Summary").
    fn route_top_level(&mut self, section: Tree) {
        self.warn_near_miss(&section);
        let (heading, link, mut blocks) = heading_parts(&section.heading);
        blocks.extend(blocks_of(section.content));
        let children = adopt_stray_parts(section.children, &mut self.warnings);
        let (activities, rest): (Vec<Tree>, Vec<Tree>) = children.into_iter().partition(Tree::is_activity);
        let is_container = !activities.is_empty();
        // A heading that only groups activities ("## Activity") is not a section of its own,
        // unless it holds text or a link of its own.
        let pushed = !is_container || !blocks.is_empty() || !rest.is_empty() || link.is_some();
        if pushed {
            self.other_sections.push(Section { heading, link, blocks });
        }
        let index = pushed.then(|| self.other_sections.len() - 1);
        for child in activities {
            let activity = activity(child, &mut self.warnings);
            self.activities.push(activity);
        }
        for child in rest {
            self.route(child, Kind::Other, index);
        }
        // Its sub-sections may all have gone elsewhere: then it has nothing left to show.
        if let Some(index) = index.filter(|_| is_container) {
            if self.other_sections[index].blocks.is_empty() && self.other_sections[index].link.is_none() {
                self.other_sections.remove(index);
            }
        }
    }

    fn warn_near_miss(&mut self, section: &Tree) {
        if let Some(warning) = near_miss_warning(section) {
            self.warnings.push(warning);
        }
    }
}

fn near_miss_warning(section: &Tree) -> Option<(usize, String)> {
    let name = section.name();
    let label = resembles_label(&name)?;
    Some((
        section.line,
        format!("\"{}\" looks like the template's \"{label}\" misspelled; kept as a section of its own", name.trim()),
    ))
}

fn activity_part(activity: &mut Activity, kind: Kind) -> &mut Vec<Block> {
    match kind {
        Kind::Purpose => &mut activity.purpose,
        Kind::CurrentStatus => &mut activity.current_status,
        Kind::UpNext => &mut activity.up_next,
        Kind::Funding => &mut activity.funding,
        _ => &mut activity.questions_for_tac,
    }
}

/// An activity from its section. A heading without a title of its own ("## Activity" right
/// above "### Purpose", or the template's "## Activity #1" left as is) gives an empty name, which
/// the importer replaces by the initiative's.
fn activity(section: Tree, warnings: &mut Vec<(usize, String)>) -> Activity {
    let (heading, link, mut summary) = heading_parts(&section.heading);
    let name = activity_title(&heading).unwrap_or(heading);
    if name.is_empty() {
        warnings.push((
            section.line,
            format!(
                "\"{}\" has no title of its own; the activity is named after the initiative",
                plain_text(&section.heading).trim()
            ),
        ));
    }
    summary.extend(blocks_of(section.content));
    let mut activity = Activity { name, link, summary, ..Activity::default() };
    for child in section.children {
        add_part(&mut activity, child, warnings);
    }
    activity
}

/// A sub-section of an activity: a template part goes to its field, whatever its place; a part
/// nested in another ("#### Current Status" under "### Purpose" in 2025-Q2-BEST-WG) goes to its
/// own field too; anything else is kept in `other`.
fn add_part(activity: &mut Activity, section: Tree, warnings: &mut Vec<(usize, String)>) {
    let kind = section.kind();
    if kind.is_activity_part() {
        let (parts, rest): (Vec<Tree>, Vec<Tree>) =
            section.children.into_iter().partition(|c| c.kind().is_activity_part());
        let mut blocks = text_after_label(&section.heading);
        blocks.extend(flatten(section.content, rest));
        activity_part(activity, kind).extend(blocks);
        for part in parts {
            add_part(activity, part, warnings);
        }
    } else {
        warnings.extend(near_miss_warning(&section));
        let (heading, link, mut blocks) = heading_parts(&section.heading);
        blocks.extend(flatten(section.content, section.children));
        activity.other.push(Section { heading, link, blocks });
    }
}

/// Text an author wrote on a part's heading line after a colon or a dash ("#### Up Next- Joint
/// venture with W3C, ..." in 2024-Q3-BEST-WG): the start of the part, kept as a paragraph. A
/// qualifier ("Up Next (Next 4–8 Weeks)", "Purpose of Gemara") is not text of the part.
fn text_after_label(heading: &[Inline]) -> Vec<Block> {
    let text = plain_text(heading);
    let separator = [": ", "- ", "– ", "— "].iter().filter_map(|sep| text.find(sep).map(|at| (at, sep.len()))).min();
    let Some((at, length)) = separator else { return Vec::new() };
    if classify(&text[..at]) == classify(&text) && !text[at + length..].trim().is_empty() {
        let skip = text[..at + length].chars().count();
        let content = super::markdown::drop_prefix_chars(heading.to_vec(), skip);
        return vec![Block::Paragraph { content }];
    }
    Vec::new()
}

/// A section's content followed by its sub-sections as headed blocks.
fn flatten(content: Vec<Node>, children: Vec<Tree>) -> Vec<Block> {
    let mut blocks = blocks_of(content);
    for child in children {
        blocks.push(Block::Heading { level: child.level.clamp(3, 6), content: child.heading });
        blocks.extend(flatten(child.content, child.children));
    }
    blocks
}

/// Nodes as the model's blocks, headings as sub-headings of level 3 to 6.
pub fn blocks_of(nodes: Vec<Node>) -> Vec<Block> {
    nodes
        .into_iter()
        .map(|node| match node {
            Node::Heading { level, content, .. } => Block::Heading { level: level.clamp(3, 6), content },
            Node::Block { block, .. } => block,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_headings_and_author_variants_classify() {
        for (heading, kind) in [
            ("Overview", Kind::Overview),
            ("**Overview**", Kind::Overview),
            ("Objectives & Key Results", Kind::Objectives),
            ("AI Objectives", Kind::Objectives),
            ("Recent Events / News / Blogs / Etc.", Kind::News),
            ("Media Roundup", Kind::News),
            ("Upcoming Events", Kind::Events),
            ("Questions/Issues for the TAC", Kind::Questions),
            ("Questions/Issues for the TAC regarding OSPS Baseline SIG", Kind::Questions),
            ("Purpose of OSPS Baseline", Kind::Purpose),
            ("Current Status", Kind::CurrentStatus),
            ("Up next", Kind::UpNext),
            ("Next Steps", Kind::UpNext),
            ("Funding requests and updates", Kind::Funding),
            ("Additional Information", Kind::Additional),
            ("Rekor v2 - Tile-backed transparency log update", Kind::Other),
        ] {
            assert_eq!(classify(heading), kind, "{heading}");
        }
    }
}
