//! Objectives and key results from whatever layout the author chose: one table with objective
//! rows, one table per objective, bullets or paragraphs; ids written "KR 1.1", "KR1.1",
//! "**KR1.1**:", "O1:", "Objective #1:".

use super::markdown::{drop_prefix_chars, unwrap_sole_emphasis, Node};
use super::Diagnostics;
use quarterly_core::model::ids::{key_result_label, objective_label, Label};
use quarterly_core::model::{plain_text, Block, Inline, KeyResult, Objective, Status, StatusKind};

/// What the objectives section held: the objectives and the prose around them.
#[derive(Default)]
pub struct Okrs {
    pub objectives: Vec<Objective>,
    pub notes: Vec<Block>,
}

impl Okrs {
    /// Adds text that starts with an objective or key-result id; gives it back otherwise.
    fn add_labelled(
        &mut self,
        content: Vec<Inline>,
        line: usize,
        diagnostics: &mut Diagnostics,
    ) -> Result<(), Vec<Inline>> {
        let text = plain_text(&content);
        if let Some(label) = objective_label(&text) {
            self.add_objective(label, content);
        } else if let Some(label) = key_result_label(&text) {
            self.add_key_result(label, content, None, line, diagnostics);
        } else {
            return Err(content);
        }
        Ok(())
    }

    fn add_objective(&mut self, label: Label, content: Vec<Inline>) {
        let title = unwrap_sole_emphasis(drop_prefix_chars(content, label.length));
        self.objectives.push(Objective { id: label.minor, title, key_results: Vec::new() });
    }

    fn add_key_result(
        &mut self,
        label: Label,
        content: Vec<Inline>,
        status: Option<Status>,
        line: usize,
        diagnostics: &mut Diagnostics,
    ) {
        let text = unwrap_sole_emphasis(drop_prefix_chars(content, label.length));
        let (text, status) = match status {
            Some(status) => (text, Some(status)),
            None => split_inline_status(text),
        };
        if self.objectives.is_empty() {
            let id = label.major.clone().unwrap_or_else(|| "1".into());
            diagnostics.warn(
                line,
                format!("key result {} comes before any objective; put it under objective {id}", display_id(&label)),
            );
            self.objectives.push(Objective { id, title: Vec::new(), key_results: Vec::new() });
        }
        let objective = self.objectives.last_mut().expect("an objective was just ensured");
        let id = match &label.major {
            Some(major) => {
                if *major != objective.id {
                    diagnostics.warn(
                        line,
                        format!("key result {} is listed under objective {}", display_id(&label), objective.id),
                    );
                }
                format!("{major}.{}", label.minor)
            }
            None => format!("{}.{}", objective.id, label.minor),
        };
        match &status {
            Some(Status { kind: StatusKind::Unknown, written }) => diagnostics.warn(
                line,
                format!("key result {id}: status \"{written}\" is not one the viewer knows; it will show as unknown"),
            ),
            None => diagnostics.warn(line, format!("key result {id} has no status")),
            Some(_) => {}
        }
        if self.objectives.iter().flat_map(|o| &o.key_results).any(|kr| kr.id == id) {
            diagnostics.warn(line, format!("key result {id} appears twice"));
        }
        let objective = self.objectives.last_mut().expect("an objective was just ensured");
        objective.key_results.push(KeyResult { id, text, status });
    }
}

fn display_id(label: &Label) -> String {
    match &label.major {
        Some(major) => format!("KR {major}.{}", label.minor),
        None => format!("KR {}", label.minor),
    }
}

/// A key result written as prose may carry its status: "... Status: In Progress". Only a
/// status the vocabulary knows is split off ("a status: page per project" stays text).
fn split_inline_status(text: Vec<Inline>) -> (Vec<Inline>, Option<Status>) {
    let plain = plain_text(&text);
    let lower = plain.to_ascii_lowercase();
    match lower.rfind("status:") {
        Some(at) if plain.is_char_boundary(at) => {
            let written = plain[at + "status:".len()..].trim().trim_end_matches(['.', ')', ']']).trim();
            let status = Status::from_written(written).filter(|s| s.kind != StatusKind::Unknown);
            if status.is_none() {
                return (text, None);
            }
            let kept = plain[..at].trim_end().trim_end_matches(['(', '[', '-', '–', '—', ',', ';']).trim_end();
            (vec![Inline::Text { text: kept.to_string() }], status)
        }
        _ => (text, None),
    }
}

/// Reads the objectives section's nodes.
pub fn extract(nodes: Vec<Node>, diagnostics: &mut Diagnostics) -> Okrs {
    let mut okrs = Okrs::default();
    for node in nodes {
        match node {
            Node::Block { block: Block::Table { header, rows }, line, part_lines } => {
                read_table(header, rows, line, &part_lines, &mut okrs, diagnostics)
            }
            Node::Block { block: Block::List { ordered, items }, line, part_lines } => {
                read_list(ordered, items, line, &part_lines, &mut okrs, diagnostics)
            }
            Node::Block { block: Block::Paragraph { content }, line, .. } => {
                if let Err(content) = okrs.add_labelled(content, line, diagnostics) {
                    okrs.notes.push(Block::Paragraph { content });
                }
            }
            Node::Block { block, .. } => okrs.notes.push(block),
            // "### Objective 1: …" (or a bold line promoted to a heading) is an objective too.
            Node::Heading { level, content, line } => {
                if let Err(content) = okrs.add_labelled(content, line, diagnostics) {
                    okrs.notes.push(Block::Heading { level, content });
                }
            }
        }
    }
    okrs
}

fn read_table(
    header: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    line: usize,
    row_lines: &[usize],
    okrs: &mut Okrs,
    diagnostics: &mut Diagnostics,
) {
    let status_column = header.iter().position(|cell| plain_text(cell).to_ascii_lowercase().contains("status"));
    let before = (okrs.objectives.len(), okrs.objectives.iter().map(|o| o.key_results.len()).sum::<usize>());
    let mut leftover = Vec::new();
    let lines = std::iter::once(line).chain(row_lines.iter().copied().chain(std::iter::repeat(line)));
    for (index, (row, line)) in std::iter::once(header.clone()).chain(rows.clone()).zip(lines).enumerate() {
        let texts: Vec<String> = row.iter().map(|cell| plain_text(cell).trim().to_string()).collect();
        if texts.iter().all(|t| t.chars().all(|c| matches!(c, '-' | ':' | ' ' | '|'))) {
            continue; // blank or "|-|-|" separator rows that authors put between objectives
        }
        let mut cells = row.into_iter();
        let first = cells.next().unwrap_or_default();
        let rest: Vec<Vec<Inline>> = cells.collect();
        if let Some(label) = objective_label(&texts[0]) {
            okrs.add_objective(label, first);
        } else if let Some(label) = key_result_label(&texts[0]) {
            let status_cell = match status_column {
                Some(column) if column > 0 => rest.get(column - 1),
                _ => rest.last(),
            };
            let status = status_cell.and_then(|cell| Status::from_written(&plain_text(cell)));
            okrs.add_key_result(label, first, status, line, diagnostics);
        } else if index == 0 {
            // The column titles ("Key Result | Status").
        } else {
            leftover.push((texts.join(" | "), line));
        }
    }
    let after = (okrs.objectives.len(), okrs.objectives.iter().map(|o| o.key_results.len()).sum::<usize>());
    if before == after {
        // A table with no objective or key result in it is prose: keep it whole.
        okrs.notes.push(Block::Table { header, rows });
        return;
    }
    for (text, line) in leftover {
        diagnostics
            .warn(line, format!("table row is neither an objective nor a key result, kept in the notes: {text}"));
        okrs.notes.push(Block::Paragraph { content: vec![Inline::Text { text }] });
    }
}

fn read_list(
    ordered: bool,
    items: Vec<Vec<Block>>,
    line: usize,
    item_lines: &[usize],
    okrs: &mut Okrs,
    diagnostics: &mut Diagnostics,
) {
    let mut unmatched = Vec::new();
    for (index, mut item) in items.into_iter().enumerate() {
        let line = item_lines.get(index).copied().unwrap_or(line);
        let lead = match item.first() {
            Some(Block::Paragraph { content }) => content.clone(),
            _ => {
                unmatched.push(item);
                continue;
            }
        };
        if okrs.add_labelled(lead, line, diagnostics).is_err() {
            unmatched.push(item);
            continue;
        }
        // Nested bullets under an objective are its key results (or notes).
        item.remove(0);
        for block in item {
            match block {
                Block::List { ordered, items } => read_list(ordered, items, line, &[], okrs, diagnostics),
                other => okrs.notes.push(other),
            }
        }
    }
    if !unmatched.is_empty() {
        okrs.notes.push(Block::List { ordered, items: unmatched });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_word_that_is_not_a_status_stays_text() {
        let original = vec![Inline::Text { text: "Publish a status: page per project".into() }];
        assert_eq!(split_inline_status(original.clone()), (original, None));
    }

    #[test]
    fn status_written_in_prose_is_split_off() {
        let (text, status) = split_inline_status(vec![Inline::Text { text: "Do it (Status: In Progress)".into() }]);
        assert_eq!(plain_text(&text), "Do it");
        assert_eq!(status.map(|s| s.kind), Some(StatusKind::InProgress));
    }
}
