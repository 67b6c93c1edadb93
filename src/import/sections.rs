//! From a flat run of headings and blocks to the report's parts: which section is the overview,
//! the OKRs, the news..., and which are a working group's activities.

use super::markdown::Node;
use crate::model::{plain_text, Activity, Block, Inline, Section};

/// What a heading names, from the template's vocabulary and the ways authors vary it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Overview,
    Objectives,
    News,
    Events,
    Questions,
    Additional,
    Purpose,
    CurrentStatus,
    UpNext,
    Funding,
    Other,
}

impl Kind {
    /// Sub-sections of an activity in the template.
    fn is_activity_part(self) -> bool {
        matches!(self, Kind::Purpose | Kind::CurrentStatus | Kind::UpNext | Kind::Funding)
    }

    /// Report-wide parts that gather content wherever their heading stands.
    fn is_report_part(self) -> bool {
        matches!(self, Kind::Objectives | Kind::News | Kind::Events | Kind::Questions | Kind::Additional)
    }
}

pub fn classify(heading: &str) -> Kind {
    let folded: String = heading
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let has = |word: &str| folded.split(' ').any(|w| w == word);
    let starts = |prefix: &str| folded.starts_with(prefix);
    if starts("purpose") {
        Kind::Purpose
    } else if starts("current status") || folded == "status" {
        Kind::CurrentStatus
    } else if starts("up next") || starts("next steps") || starts("what s next") {
        Kind::UpNext
    } else if has("funding") && !has("objectives") {
        Kind::Funding
    } else if starts("questions") || folded.contains("issues for the tac") {
        Kind::Questions
    } else if folded.contains("upcoming event") || folded == "events" {
        Kind::Events
    } else if has("news") || has("blogs") || has("blog") || has("media") || has("press") || folded.contains("recent events") {
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

/// A heading with what stands under it up to the next heading of its level or above.
#[derive(Debug)]
pub struct Tree {
    pub heading: Vec<Inline>,
    pub level: u8,
    pub line: usize,
    pub content: Vec<Node>,
    pub children: Vec<Tree>,
}

impl Tree {
    fn name(&self) -> String {
        plain_text(&self.heading)
    }

    fn kind(&self) -> Kind {
        classify(&self.name())
    }

    /// A section whose sub-sections follow the template (Purpose, Current Status, ...).
    fn is_activity(&self) -> bool {
        self.children.iter().any(|child| child.kind().is_activity_part())
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

/// The nodes each report part gathered, in order, before they are read into the model.
#[derive(Default)]
pub struct Parts {
    pub overview: Vec<Node>,
    pub objectives: Vec<Node>,
    pub news: Vec<Node>,
    pub events: Vec<Node>,
    pub questions: Vec<Node>,
    pub additional: Vec<Node>,
    pub activities: Vec<Activity>,
    /// The initiative's own Purpose/Status/Up Next when they stand outside any activity.
    pub own_activity: Option<Activity>,
    pub other_sections: Vec<Section>,
}

impl Parts {
    /// Routes the document's sections into parts.
    pub fn from_tree(root: Tree) -> Parts {
        let mut parts = Parts { overview: root.content, ..Parts::default() };
        for section in root.children {
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
        } else if kind.is_activity_part() {
            let own = self.own_activity.get_or_insert_with(Activity::default);
            let blocks = flatten(section.content, section.children);
            activity_part(own, kind).extend(blocks);
        } else if section.is_activity() {
            self.activities.push(activity(section));
        } else if top_level {
            let heading = section.name();
            let content = section.content;
            let (activities, rest): (Vec<Tree>, Vec<Tree>) = section.children.into_iter().partition(Tree::is_activity);
            if activities.is_empty() || !content.is_empty() || !rest.is_empty() {
                self.other_sections.push(Section { heading, link: None, blocks: blocks_of(content) });
            }
            let index = self.other_sections.len().checked_sub(1);
            let is_container = !activities.is_empty();
            self.activities.extend(activities.into_iter().map(activity));
            for child in rest {
                self.route(child, Kind::Other, index);
            }
            // A heading that only grouped activities ("## Activity") has nothing left to show.
            if is_container && self.other_sections.last().is_some_and(|s| s.blocks.is_empty()) {
                self.other_sections.pop();
            }
        } else {
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

fn activity(section: Tree) -> Activity {
    let mut activity = Activity { name: section.name(), summary: blocks_of(section.content), ..Activity::default() };
    for child in section.children {
        let kind = child.kind();
        let name = child.name();
        let blocks = flatten(child.content, child.children);
        if kind.is_activity_part() || kind == Kind::Questions {
            activity_part(&mut activity, kind).extend(blocks);
        } else {
            activity.other.push(Section { heading: name, link: None, blocks });
        }
    }
    activity
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
