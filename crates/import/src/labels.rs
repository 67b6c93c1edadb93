//! The template's sub-section labels however authors write them: as headings, as bold lines, as
//! bold words starting a paragraph or a list item; misspelled; or answered with "None".

use super::markdown::{finish_inlines, Node};
use super::sections::{classify, Kind};
use quarterly_core::model::{fold_words, plain_text, Block, Inline};

/// The template's labels an author may misspell, as the template writes them.
const TEMPLATE_LABELS: [&str; 6] = [
    "Purpose",
    "Current Status",
    "Up Next",
    "Next Steps",
    "Funding requests and updates",
    "Questions/Issues for the TAC",
];

/// Whether a label names one of the template's parts of an activity (or its questions).
pub fn is_template_label(text: &str) -> bool {
    matches!(classify(text), Kind::Purpose | Kind::CurrentStatus | Kind::UpNext | Kind::Funding | Kind::Questions)
}

/// The template label a heading nearly spells ("Purpse", "Curent Status", "Up Nxt"), when it is
/// not that label already. Compares the heading's first words, as many as the label has.
pub fn resembles_label(heading: &str) -> Option<&'static str> {
    if classify(heading) != Kind::Other {
        return None;
    }
    let folded = fold_words(heading);
    let words: Vec<&str> = folded.split(' ').collect();
    TEMPLATE_LABELS.into_iter().find(|label| {
        let label_folded = fold_words(label);
        let count = label_folded.split(' ').count();
        let start = words[..count.min(words.len())].join(" ");
        let distance = edit_distance(&start, &label_folded);
        // One slip per five letters: "Purpse" is Purpose, "Status" is not "Statue"'s twin.
        distance > 0 && distance <= (label_folded.len() / 5).max(1) && start.len() >= 4
    })
}

/// Levenshtein distance over characters.
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push((previous[j] + cost).min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// A bold or italic label that starts a paragraph, with what follows it: `**Purpose:** text`,
/// `**Current Status** text` (2025-Q4-VD-WG). Only the template's labels (or near misses) split:
/// "**Mission**: ..." stays a paragraph.
pub fn split_label(content: &[Inline]) -> Option<(String, Vec<Inline>)> {
    let (first, rest) = content.split_first()?;
    let (Inline::Strong { children } | Inline::Emphasis { children }) = first else { return None };
    if children.iter().any(|child| matches!(child, Inline::Link { .. })) {
        return None;
    }
    let label = plain_text(children).trim().trim_end_matches(':').trim().to_string();
    if label.is_empty()
        || label.chars().count() > 80
        || !(is_template_label(&label) || resembles_label(&label).is_some())
    {
        return None;
    }
    let mut rest = rest.to_vec();
    if let Some(Inline::Text { text }) = rest.first_mut() {
        *text = text.trim_start().trim_start_matches(':').to_string();
    }
    Some((label, finish_inlines(rest)))
}

/// A list whose items are the template's labels, each with its text (2025-Q3-VD-WG:
/// `* **Purpose:** ...`, `* **Current Status:** ...`): (label, line, blocks) per label. Items
/// without a label stay, as a list, with the label before them.
pub fn split_label_list(items: &[Vec<Block>], lines: &[usize]) -> Option<Vec<(String, usize, Vec<Block>)>> {
    let labelled: Vec<Option<(String, Vec<Inline>)>> = items
        .iter()
        .map(|item| match item.first() {
            Some(Block::Paragraph { content }) => split_label(content),
            _ => None,
        })
        .collect();
    let count = labelled.iter().filter(|label| label.is_some()).count();
    if labelled.first().is_none_or(Option::is_none) || count < 2.min(items.len()) {
        return None;
    }
    let mut parts: Vec<(String, usize, Vec<Block>)> = Vec::new();
    for ((item, label), index) in items.iter().zip(labelled).zip(0..) {
        let line = lines.get(index).copied().unwrap_or_default();
        match (label, parts.last_mut()) {
            (Some((label, rest)), _) => {
                let mut blocks: Vec<Block> = item[1..].to_vec();
                if !rest.is_empty() {
                    blocks.insert(0, Block::Paragraph { content: rest });
                }
                parts.push((label, line, blocks));
            }
            (None, Some((_, _, blocks))) => blocks.push(Block::List { ordered: false, items: vec![item.clone()] }),
            (None, None) => return None,
        }
    }
    Some(parts)
}

/// Words that may follow an opener in a "nothing to say" phrase (folded, see `fold_words`).
const NONE_FILLER: &str = "at this the time moment present currently current for now quarter period yet so far \
    specific questions question issues issue requests request or and tac from us any \
    applicable needed support funding updates update all known outstanding pending open new \
    further other additional of our we have there are is to report wg group asks ask items \
    item needs as planned expected required";

/// "None", "None at this time.", "N/A", "*Nothing at this time*", "No questions", "No support
/// requests this quarter": a whole text that says there is nothing. Anything more ("No, but we
/// are eager for discussion") is something.
pub fn is_none_phrase(text: &str) -> bool {
    const OPENERS: [&str; 7] = ["none", "na", "nothing", "no", "not", "nil", "nope"];
    let folded = fold_words(&text.replace("N/A", "na").replace("n/a", "na"));
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let Some((first, rest)) = words.split_first() else { return false };
    OPENERS.contains(first)
        && rest
            .iter()
            .all(|word| NONE_FILLER.split_whitespace().any(|filler| filler == *word) || OPENERS.contains(word))
}

/// The blocks of a questions or funding part, without those that only say there is none.
pub fn without_none(blocks: Vec<Block>) -> Vec<Block> {
    blocks.into_iter().filter(|block| !says_none(block)).collect()
}

fn says_none(block: &Block) -> bool {
    match block {
        Block::Paragraph { content } => is_none_phrase(&plain_text(content)),
        Block::List { items, .. } => !items.is_empty() && items.iter().all(|item| item.iter().all(says_none)),
        _ => false,
    }
}

/// The nodes a label list becomes: each label a heading at `level`, then its blocks.
pub fn label_nodes(parts: Vec<(String, usize, Vec<Block>)>, level: u8) -> Vec<Node> {
    let mut nodes = Vec::new();
    for (label, line, blocks) in parts {
        nodes.push(Node::Heading { level, content: vec![Inline::Text { text: label }], line });
        nodes.extend(blocks.into_iter().map(|block| Node::Block { block, line, part_lines: vec![] }));
    }
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_phrases_say_none_and_sentences_do_not() {
        for none in [
            "None",
            "none.",
            "None at this time.",
            "N/A",
            "n/a",
            "Nothing at this time",
            "No questions",
            "No requests",
            "No support requests this quarter.",
            "none (for the moment)",
            "Not at this time",
            "No questions or issues for the TAC at this time.",
            "None planned at the time",
        ] {
            assert!(is_none_phrase(none), "{none}");
        }
        for something in [
            "No, but as always, we're eager for substantive discussion with TAC and others.",
            "No specific questions or issues for the TAC at this time, as the process is progressing as planned.",
            "Nonetheless we need reviewers",
            "Please review the Malicious Package definition.",
            "",
            "https://github.com/ossf/tac/issues/530",
        ] {
            assert!(!is_none_phrase(something), "{something}");
        }
    }

    #[test]
    fn near_misses_of_template_labels_are_recognised() {
        assert_eq!(resembles_label("Purpse"), Some("Purpose"));
        assert_eq!(resembles_label("Curent Status"), Some("Current Status"));
        assert_eq!(resembles_label("Up Nxt"), Some("Up Next"));
        assert_eq!(resembles_label("Purpse of the SIG"), Some("Purpose"));
        for heading in [
            "Purpose",
            "Summary",
            "Updates",
            "Status",
            "Key Resources",
            "Sub-groups",
            "Leads",
            "Zarf",
            "GUAC",
            "Next Year",
            "Upcoming Events",
        ] {
            assert_eq!(resembles_label(heading), None, "{heading}");
        }
    }

    #[test]
    fn a_bold_label_starting_a_paragraph_is_split_from_its_text() {
        let content = vec![
            Inline::Strong { children: vec![Inline::Text { text: "Purpose:".into() }] },
            Inline::Text { text: " To help.".into() },
        ];
        assert_eq!(
            split_label(&content),
            Some(("Purpose".to_string(), vec![Inline::Text { text: "To help.".into() }]))
        );
        let mission = vec![
            Inline::Strong { children: vec![Inline::Text { text: "Mission".into() }] },
            Inline::Text { text: ": x".into() },
        ];
        assert_eq!(split_label(&mission), None);
    }
}
