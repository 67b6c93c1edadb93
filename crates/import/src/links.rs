//! News, blog and media entries and upcoming events from their sections.

use super::markdown::{finish_inlines, Node};
use quarterly_core::model::{plain_text, Block, Inline, LinkItem};

/// The news section's link entries, in order, and the prose that is not an entry.
pub fn extract_news(nodes: Vec<Node>) -> (Vec<LinkItem>, Vec<Block>) {
    let mut items = Vec::new();
    let mut notes = Vec::new();
    let mut group = None;
    for node in nodes {
        match node {
            Node::Heading { content, level, .. } => {
                group = Some(plain_text(&content));
                notes.push(Block::Heading { level, content });
            }
            Node::Block { block: Block::List { ordered, items: list_items }, .. } => {
                let mut unmatched = Vec::new();
                for item in list_items {
                    let found = match item.first() {
                        Some(Block::Paragraph { content }) => link_items(content, group.as_deref()),
                        _ => Vec::new(),
                    };
                    if found.is_empty() {
                        unmatched.push(item);
                    } else {
                        items.extend(found);
                        // Anything under the entry (a nested list, a second paragraph) stays as prose.
                        notes.extend(item.into_iter().skip(1));
                    }
                }
                if !unmatched.is_empty() {
                    notes.push(Block::List { ordered, items: unmatched });
                }
            }
            Node::Block { block, .. } => notes.push(block),
        }
    }
    // Sub-headings only matter as groups once their entries are read.
    notes.retain(|block| !matches!(block, Block::Heading { .. }));
    (items, notes)
}

/// One entry per link in a list item: the link, the text before it (context such as "FOSDEM:")
/// and after it (attribution such as ", Henri Yandell, AWS" or "(Name, Org)").
pub fn link_items(content: &[Inline], group: Option<&str>) -> Vec<LinkItem> {
    let mut pieces: Vec<(Option<(String, String)>, String)> = vec![(None, String::new())];
    flatten_links(content, &mut pieces);
    let mut items = Vec::new();
    let mut context = pieces[0].1.clone();
    for (index, (link, after)) in pieces.iter().enumerate().skip(1) {
        let Some((url, title)) = link else { continue };
        let before = if index == 1 { context.clone() } else { String::new() };
        items.push(LinkItem {
            title: title.clone(),
            url: url.clone(),
            attribution: clean_attribution(after),
            context: clean_context(&before),
            group: group.map(str::to_string),
        });
        context.clear();
    }
    items
}

/// Splits inline content into text runs separated by links (link url and title).
fn flatten_links(content: &[Inline], pieces: &mut Vec<(Option<(String, String)>, String)>) {
    for inline in content {
        match inline {
            Inline::Link { url, children } => {
                pieces.push((Some((url.clone(), plain_text(children).trim().to_string())), String::new()))
            }
            Inline::Text { text } | Inline::Code { text } => pieces.last_mut().expect("never empty").1.push_str(text),
            Inline::Emphasis { children } | Inline::Strong { children } | Inline::Strikethrough { children } => {
                flatten_links(children, pieces)
            }
        }
    }
}

fn clean_context(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches([':', '-', '–', '—']).trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn clean_attribution(text: &str) -> Option<String> {
    let mut text = text.trim().trim_start_matches([',', '-', '–', '—', ':', ';']).trim();
    if let Some(inner) = text.strip_prefix('(') {
        text = inner.strip_suffix(')').unwrap_or(inner).trim();
    }
    (!text.is_empty()).then(|| text.to_string())
}

/// Upcoming events: one entry per list item or paragraph, rich text kept.
pub fn extract_events(nodes: Vec<Node>) -> Vec<Vec<Inline>> {
    let mut events = Vec::new();
    for node in nodes {
        match node {
            Node::Heading { content, .. } => events.push(vec![Inline::Strong { children: content }]),
            Node::Block { block: Block::List { items, .. }, .. } => {
                events.extend(items.iter().map(|item| flatten_blocks(item)).filter(|e| !e.is_empty()))
            }
            Node::Block { block, .. } => {
                let entry = flatten_blocks(std::slice::from_ref(&block));
                if !entry.is_empty() {
                    events.push(entry);
                }
            }
        }
    }
    events
}

/// The inline content of blocks run together, separated by spaces.
fn flatten_blocks(blocks: &[Block]) -> Vec<Inline> {
    let mut out = Vec::new();
    for block in blocks {
        let part = match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => content.clone(),
            Block::List { items, .. } => items.iter().flat_map(|item| flatten_blocks(item)).collect(),
            Block::Quote { blocks } => flatten_blocks(blocks),
            Block::Code { text } => vec![Inline::Code { text: text.clone() }],
            Block::Table { header, rows } => {
                header.iter().chain(rows.iter().flatten()).flat_map(|cell| cell.iter().cloned()).collect()
            }
        };
        if !out.is_empty() && !part.is_empty() {
            out.push(Inline::Text { text: " ".into() });
        }
        out.extend(part);
    }
    finish_inlines(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    fn items(md: &str) -> Vec<LinkItem> {
        extract_news(parse(md)).0
    }

    #[test]
    fn attribution_after_comma_and_in_parentheses() {
        let found = items(
            "* [Member Spotlight](https://a.example/x), Henri Yandell, AWS\n* [Domains](https://b.example/y) (Mike Fiedler, Python Software Foundation)\n",
        );
        assert_eq!(found[0].attribution.as_deref(), Some("Henri Yandell, AWS"));
        assert_eq!(found[1].attribution.as_deref(), Some("Mike Fiedler, Python Software Foundation"));
        assert_eq!(found[1].title, "Domains");
    }

    #[test]
    fn context_before_the_link_is_kept() {
        let found = items("* FOSDEM: [How FreeBSD audits](https://fosdem.org/x) (Pierre)\n");
        assert_eq!(found[0].context.as_deref(), Some("FOSDEM"));
        assert_eq!(found[0].url, "https://fosdem.org/x");
    }

    #[test]
    fn sub_headings_become_groups_and_bare_urls_count() {
        let found = items("#### AI News\n\n* https://a.example/news\n\n#### Other\n\n* <https://b.example>\n");
        assert_eq!(found[0].group.as_deref(), Some("AI News"));
        assert_eq!(found[0].url, "https://a.example/news");
        assert_eq!(found[1].group.as_deref(), Some("Other"));
    }

    #[test]
    fn item_without_a_link_stays_as_prose() {
        let (found, notes) = extract_news(parse("* Just words\n* [x](https://x.example)\n"));
        assert_eq!(found.len(), 1);
        assert_eq!(notes.len(), 1);
    }
}
