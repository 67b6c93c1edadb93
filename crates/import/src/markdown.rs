//! Markdown to the model's safe rich text, with the source line of every top-level piece.
//!
//! pulldown-cmark does the parsing; this module only maps its events to [`Block`]/[`Inline`],
//! keeping HTML as text, turning bare URLs into links and folding the doubled spaces authors type.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, TextMergeWithOffset};
use quarterly_core::model::{Block, Inline};

/// Nesting deeper than this (lists in quotes in lists...) is flattened to text, so hostile input
/// cannot exhaust the stack.
const MAX_DEPTH: usize = 32;

/// A top-level element of the document with the line it starts on (1-based).
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A heading (or a line read as one).
    Heading {
        /// 1 to 6: as written, or as given to a bold line or a label read as a heading.
        level: u8,
        /// The heading's text.
        content: Vec<Inline>,
        /// The line it starts on.
        line: usize,
    },
    /// Any other block.
    Block {
        /// The block in the model's form.
        block: Block,
        /// The line it starts on.
        line: usize,
        /// For a table, the line of each body row; for a list, of each item; else empty.
        part_lines: Vec<usize>,
    },
}

impl Node {
    /// The line it starts on (1-based).
    pub fn line(&self) -> usize {
        match self {
            Node::Heading { line, .. } | Node::Block { line, .. } => *line,
        }
    }
}

/// Parses a document into top-level nodes. `part_lines` holds, for a table, the line of each body
/// row, and for a list, the line of each item.
pub fn parse(text: &str) -> Vec<Node> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let line_starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset).max(1);
    // Merged text events, so that a bare URL with `~` or `_` in it is seen whole.
    let mut events = TextMergeWithOffset::new(Parser::new_ext(text, options).into_offset_iter())
        .map(|(event, range)| (event, line_of(range.start)));
    let mut nodes = Vec::new();
    let mut pending_inlines = Vec::new();
    let mut pending_line = 0;
    while let Some((event, line)) = events.next() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let content = inlines_until_end(&mut events, 1);
                nodes.push(Node::Heading { level: level as u8, content, line });
            }
            Event::Start(tag) if is_block_tag(&tag) => {
                let mut part_lines = Vec::new();
                let blocks = block_from(tag, &mut events, 1, &mut part_lines);
                nodes.extend(blocks.into_iter().map(|block| Node::Block {
                    block,
                    line,
                    part_lines: part_lines.clone(),
                }));
            }
            Event::Rule | Event::End(_) => {}
            other => {
                // Inline content at the top level (only HTML, in practice): keep it as a paragraph.
                if pending_inlines.is_empty() {
                    pending_line = line;
                }
                push_inline_event(other, &mut events, &mut pending_inlines, 1);
                let content = finish_inlines(std::mem::take(&mut pending_inlines));
                if !content.is_empty() {
                    nodes.push(Node::Block {
                        block: Block::Paragraph { content },
                        line: pending_line,
                        part_lines: vec![],
                    });
                }
            }
        }
    }
    nodes
}

type Located<'a> = (Event<'a>, usize);

fn is_block_tag(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::MetadataBlock(_)
            | Tag::Item
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}

/// Converts one block whose start tag was just read. Returns zero or more blocks.
fn block_from<'a>(
    tag: Tag<'a>,
    events: &mut impl Iterator<Item = Located<'a>>,
    depth: usize,
    part_lines: &mut Vec<usize>,
) -> Vec<Block> {
    if depth > MAX_DEPTH {
        let text = text_until_end(events);
        return paragraph(vec![Inline::Text { text }]);
    }
    match tag {
        Tag::Paragraph | Tag::DefinitionListTitle => paragraph(inlines_until_end(events, depth)),
        Tag::HtmlBlock => {
            // HTML is the author's text, never markup: keep it verbatim.
            let text = text_until_end(events);
            let text = text.trim();
            if text.is_empty() {
                vec![]
            } else {
                vec![Block::Paragraph { content: vec![Inline::Text { text: text.to_string() }] }]
            }
        }
        Tag::CodeBlock(_) => {
            vec![Block::Code { text: text_until_end(events).trim_end().to_string() }]
        }
        Tag::List(start) => vec![list_from(start.is_some(), events, depth, part_lines)],
        Tag::Table(_) => vec![table_from(events, depth, part_lines)],
        Tag::BlockQuote(_) => vec![Block::Quote { blocks: blocks_until_end(events, depth + 1) }],
        Tag::Item | Tag::FootnoteDefinition(_) | Tag::DefinitionList | Tag::DefinitionListDefinition => {
            blocks_until_end(events, depth + 1)
        }
        Tag::MetadataBlock(_) => {
            text_until_end(events);
            vec![]
        }
        _ => paragraph(inlines_until_end(events, depth)),
    }
}

/// A list's items, each item's line noted as a part of the report.
fn list_from<'a>(
    ordered: bool,
    events: &mut impl Iterator<Item = Located<'a>>,
    depth: usize,
    part_lines: &mut Vec<usize>,
) -> Block {
    let mut items = Vec::new();
    while let Some((event, line)) = events.next() {
        match event {
            Event::Start(Tag::Item) => {
                part_lines.push(line);
                items.push(blocks_until_end(events, depth + 1));
            }
            Event::End(_) => break,
            _ => {}
        }
    }
    Block::List { ordered, items }
}

/// A table's header and rows, each row's line noted as a part of the report.
fn table_from<'a>(events: &mut impl Iterator<Item = Located<'a>>, depth: usize, part_lines: &mut Vec<usize>) -> Block {
    let mut header = Vec::new();
    let mut rows = Vec::new();
    while let Some((event, line)) = events.next() {
        match event {
            Event::Start(Tag::TableHead) => header = cells_until_end(events, depth),
            Event::Start(Tag::TableRow) => {
                part_lines.push(line);
                rows.push(cells_until_end(events, depth));
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    Block::Table { header, rows }
}

fn paragraph(content: Vec<Inline>) -> Vec<Block> {
    let content = finish_inlines(content);
    if content.is_empty() {
        vec![]
    } else {
        vec![Block::Paragraph { content }]
    }
}

/// Blocks up to the end of the current container; loose inline content (tight list items) becomes
/// a paragraph.
fn blocks_until_end<'a>(events: &mut impl Iterator<Item = Located<'a>>, depth: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut loose = Vec::new();
    let mut ignored = Vec::new();
    while let Some((event, _)) = events.next() {
        match event {
            Event::End(_) => break,
            Event::Start(Tag::Heading { .. }) => {
                blocks.extend(paragraph(std::mem::take(&mut loose)));
                let content = inlines_until_end(events, depth);
                blocks.push(Block::Heading { level: 4, content });
            }
            Event::Start(tag) if is_block_tag(&tag) => {
                blocks.extend(paragraph(std::mem::take(&mut loose)));
                blocks.extend(block_from(tag, events, depth, &mut ignored));
            }
            Event::Rule => {}
            other => push_inline_event(other, events, &mut loose, depth),
        }
    }
    blocks.extend(paragraph(loose));
    blocks
}

fn cells_until_end<'a>(events: &mut impl Iterator<Item = Located<'a>>, depth: usize) -> Vec<Vec<Inline>> {
    let mut cells = Vec::new();
    while let Some((event, _)) = events.next() {
        match event {
            Event::Start(Tag::TableCell) => cells.push(finish_inlines(inlines_until_end(events, depth))),
            Event::End(_) => break,
            _ => {}
        }
    }
    cells
}

/// Inline content up to the end of the current element.
fn inlines_until_end<'a>(events: &mut impl Iterator<Item = Located<'a>>, depth: usize) -> Vec<Inline> {
    let mut out = Vec::new();
    while let Some((event, _)) = events.next() {
        if let Event::End(_) = event {
            break;
        }
        push_inline_event(event, events, &mut out, depth);
    }
    out
}

fn push_inline_event<'a>(
    event: Event<'a>,
    events: &mut impl Iterator<Item = Located<'a>>,
    out: &mut Vec<Inline>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        if let Event::Start(_) = event {
            out.push(Inline::Text { text: text_until_end(events) });
        }
        return;
    }
    match event {
        Event::Text(text) => push_text_with_bare_links(&text, out),
        Event::Code(text) => out.push(Inline::Code { text: text.to_string() }),
        Event::InlineMath(text) | Event::DisplayMath(text) => out.push(Inline::Code { text: text.to_string() }),
        Event::Html(html) | Event::InlineHtml(html) => push_text(out, &html),
        Event::SoftBreak | Event::HardBreak => push_text(out, " "),
        Event::FootnoteReference(label) => push_text(out, &format!("[^{label}]")),
        Event::TaskListMarker(done) => push_text(out, if done { "[x] " } else { "[ ] " }),
        Event::Start(Tag::Emphasis) => out.push(Inline::Emphasis { children: inlines_until_end(events, depth + 1) }),
        Event::Start(Tag::Strong) => out.push(Inline::Strong { children: inlines_until_end(events, depth + 1) }),
        Event::Start(Tag::Strikethrough) => {
            out.push(Inline::Strikethrough { children: inlines_until_end(events, depth + 1) })
        }
        Event::Start(Tag::Link { dest_url, .. }) => {
            // A link's own text never holds another link (`<https://…>`, `[https://…](…)`).
            let children = without_links(inlines_until_end(events, depth + 1));
            let children =
                if children.is_empty() { vec![Inline::Text { text: dest_url.to_string() }] } else { children };
            out.push(Inline::Link { url: dest_url.trim().to_string(), children })
        }
        Event::Start(Tag::Image { dest_url, .. }) => {
            // Images are not shown (they would load from anywhere): a link to them keeps the content.
            let alt = text_until_end(events);
            let label = if alt.trim().is_empty() { "image".to_string() } else { format!("image: {}", alt.trim()) };
            out.push(Inline::Link { url: dest_url.trim().to_string(), children: vec![Inline::Text { text: label }] });
        }
        Event::Start(_) => out.extend(inlines_until_end(events, depth + 1)),
        Event::End(_) | Event::Rule => {}
    }
}

/// Replaces links by their content (no link may nest in another).
fn without_links(inlines: Vec<Inline>) -> Vec<Inline> {
    inlines
        .into_iter()
        .flat_map(|inline| match inline {
            Inline::Link { children, .. } => without_links(children),
            Inline::Emphasis { children } => vec![Inline::Emphasis { children: without_links(children) }],
            Inline::Strong { children } => vec![Inline::Strong { children: without_links(children) }],
            Inline::Strikethrough { children } => vec![Inline::Strikethrough { children: without_links(children) }],
            other => vec![other],
        })
        .collect()
}

/// All text up to the end of the current element, flattened, without recursion.
fn text_until_end<'a>(events: &mut impl Iterator<Item = Located<'a>>) -> String {
    let mut open = 1usize;
    let mut text = String::new();
    for (event, _) in events.by_ref() {
        match event {
            Event::Start(_) => open += 1,
            Event::End(_) => {
                open -= 1;
                if open == 0 {
                    break;
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            _ => {}
        }
    }
    text
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text { text: last }) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text { text: text.to_string() });
    }
}

/// Splits bare `http(s)://` addresses out of text as links.
fn push_text_with_bare_links(text: &str, out: &mut Vec<Inline>) {
    let mut rest = text;
    while let Some(start) = find_url_start(rest) {
        let candidate = &rest[start..];
        let end = candidate
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
            .unwrap_or(candidate.len());
        let url = trim_url_end(&candidate[..end]);
        if url.len() <= "https://".len() {
            push_text(out, &rest[..start + end.max(1)]);
            rest = &rest[start + end.max(1)..];
            continue;
        }
        push_text(out, &rest[..start]);
        out.push(Inline::Link { url: url.to_string(), children: vec![Inline::Text { text: url.to_string() }] });
        rest = &rest[start + url.len()..];
    }
    push_text(out, rest);
}

fn find_url_start(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    [lower.find("https://"), lower.find("http://")].into_iter().flatten().min()
}

/// Sentence punctuation after a bare URL is not part of it; nor is a closing parenthesis that
/// does not close one inside the URL.
fn trim_url_end(url: &str) -> &str {
    let mut url = url;
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '_']);
        let trimmed = if trimmed.ends_with(')') && trimmed.matches('(').count() < trimmed.matches(')').count() {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            return url;
        }
        url = trimmed;
    }
}

/// Folds whitespace runs to one space, trims the ends and drops empty elements.
pub fn finish_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out = fold_whitespace(inlines);
    trim_start(&mut out);
    trim_end(&mut out);
    out
}

fn fold_whitespace(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        let inline = match inline {
            Inline::Text { text } => Inline::Text { text: collapse_spaces(&text) },
            Inline::Emphasis { children } => Inline::Emphasis { children: fold_whitespace(children) },
            Inline::Strong { children } => Inline::Strong { children: fold_whitespace(children) },
            Inline::Strikethrough { children } => Inline::Strikethrough { children: fold_whitespace(children) },
            Inline::Link { url, children } => Inline::Link { url, children: fold_whitespace(children) },
            code @ Inline::Code { .. } => code,
        };
        match (out.last_mut(), inline) {
            (Some(Inline::Text { text: last }), Inline::Text { text }) => {
                last.push_str(&text);
                *last = collapse_spaces(last);
            }
            (_, Inline::Text { text }) if text.is_empty() => {}
            (_, inline) if is_empty_container(&inline) => {}
            (_, inline) => out.push(inline),
        }
    }
    out
}

fn is_empty_container(inline: &Inline) -> bool {
    matches!(inline, Inline::Emphasis { children } | Inline::Strong { children } | Inline::Strikethrough { children } if children.is_empty())
}

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        let space = c.is_whitespace();
        if !(space && last_space) {
            out.push(if space { ' ' } else { c });
        }
        last_space = space;
    }
    out
}

fn trim_start(inlines: &mut Vec<Inline>) {
    while let Some(first) = inlines.first_mut() {
        match first {
            Inline::Text { text } => {
                let trimmed = text.trim_start();
                if trimmed.is_empty() {
                    inlines.remove(0);
                    continue;
                }
                *text = trimmed.to_string();
            }
            Inline::Emphasis { children } | Inline::Strong { children } | Inline::Strikethrough { children } => {
                trim_start(children);
                if children.is_empty() {
                    inlines.remove(0);
                    continue;
                }
            }
            _ => {}
        }
        break;
    }
}

fn trim_end(inlines: &mut Vec<Inline>) {
    while let Some(last) = inlines.last_mut() {
        match last {
            Inline::Text { text } => {
                let trimmed = text.trim_end();
                if trimmed.is_empty() {
                    inlines.pop();
                    continue;
                }
                text.truncate(trimmed.len());
            }
            Inline::Emphasis { children } | Inline::Strong { children } | Inline::Strikethrough { children } => {
                trim_end(children);
                if children.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            _ => {}
        }
        break;
    }
}

/// Removes the first `count` characters of the plain text from inline content (used to strip an
/// id such as "**KR1.1**: " however the author bolded it), then trims what is left.
pub fn drop_prefix_chars(inlines: Vec<Inline>, count: usize) -> Vec<Inline> {
    let mut remaining = count;
    let out = drop_chars(inlines, &mut remaining);
    finish_inlines(out)
}

fn drop_chars(inlines: Vec<Inline>, remaining: &mut usize) -> Vec<Inline> {
    let mut out = Vec::new();
    for inline in inlines {
        if *remaining == 0 {
            out.push(inline);
            continue;
        }
        match inline {
            Inline::Text { text } | Inline::Code { text } => {
                let len = text.chars().count();
                if len <= *remaining {
                    *remaining -= len;
                } else {
                    out.push(Inline::Text { text: text.chars().skip(*remaining).collect() });
                    *remaining = 0;
                }
            }
            Inline::Emphasis { children } => out.push(Inline::Emphasis { children: drop_chars(children, remaining) }),
            Inline::Strong { children } => out.push(Inline::Strong { children: drop_chars(children, remaining) }),
            Inline::Strikethrough { children } => {
                out.push(Inline::Strikethrough { children: drop_chars(children, remaining) })
            }
            Inline::Link { url, children } => out.push(Inline::Link { url, children: drop_chars(children, remaining) }),
        }
    }
    out
}

/// A sole `Strong`/`Emphasis` wrapping everything is stray emphasis: unwrap it.
pub fn unwrap_sole_emphasis(inlines: Vec<Inline>) -> Vec<Inline> {
    match <[Inline; 1]>::try_from(inlines) {
        Ok([Inline::Strong { children } | Inline::Emphasis { children }]) => unwrap_sole_emphasis(children),
        Ok([other]) => vec![other],
        Err(inlines) => inlines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quarterly_core::model::plain_text;

    fn first_paragraph(md: &str) -> Vec<Inline> {
        match parse(md).into_iter().next() {
            Some(Node::Block { block: Block::Paragraph { content }, .. }) => content,
            other => panic!("expected a paragraph, got {other:?}"),
        }
    }

    #[test]
    fn bare_urls_become_links_without_trailing_punctuation() {
        let content = first_paragraph("Repo: https://github.com/ossf/wg-globalcyberpolicy/. Next");
        assert_eq!(
            content[1],
            Inline::Link {
                url: "https://github.com/ossf/wg-globalcyberpolicy/".into(),
                children: vec![Inline::Text { text: "https://github.com/ossf/wg-globalcyberpolicy/".into() }]
            }
        );
        assert_eq!(plain_text(&content), "Repo: https://github.com/ossf/wg-globalcyberpolicy/. Next");
    }

    #[test]
    fn autolinks_and_url_titled_links_do_not_nest() {
        for md in ["<https://alpha-omega.dev/resources/reports>", "[https://a.example/x](https://a.example/x)"] {
            let content = first_paragraph(md);
            match &content[..] {
                [Inline::Link { children, .. }] => {
                    assert!(matches!(&children[..], [Inline::Text { .. }]), "{md}: {children:?}")
                }
                other => panic!("{md}: {other:?}"),
            }
        }
    }

    #[test]
    fn bare_urls_with_tildes_and_underscores_stay_whole() {
        let content = first_paragraph("See https://x.edu/~alice/my_talk_notes now");
        assert!(
            content
                .iter()
                .any(|i| matches!(i, Inline::Link { url, .. } if url == "https://x.edu/~alice/my_talk_notes")),
            "{content:?}"
        );
    }

    #[test]
    fn html_is_kept_as_text() {
        let content = first_paragraph("Hello <script>alert(1)</script> world");
        assert_eq!(plain_text(&content), "Hello <script>alert(1)</script> world");
        assert!(content.iter().all(|inline| matches!(inline, Inline::Text { .. })));
    }

    #[test]
    fn doubled_spaces_are_folded() {
        assert_eq!(plain_text(&first_paragraph("five  major\necosystems   to")), "five major ecosystems to");
    }

    #[test]
    fn lines_are_reported_for_blocks_and_table_rows() {
        let nodes = parse("# Title\n\ntext\n\n|a|b|\n|-|-|\n|c|d|\n|e|f|\n");
        assert_eq!(nodes[0].line(), 1);
        assert_eq!(nodes[1].line(), 3);
        match &nodes[2] {
            Node::Block { line, part_lines, .. } => {
                assert_eq!(*line, 5);
                assert_eq!(part_lines, &vec![7, 8]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn prefix_is_dropped_through_bold() {
        let content = first_paragraph("**KR1.1**: Fund  things");
        let rest = drop_prefix_chars(content, "KR1.1: ".len());
        assert_eq!(rest, vec![Inline::Text { text: "Fund things".into() }]);
    }

    #[test]
    fn deep_nesting_is_flattened_not_overflowed() {
        fn depth(block: &Block) -> usize {
            match block {
                Block::Quote { blocks } => 1 + blocks.iter().map(depth).max().unwrap_or(0),
                Block::List { items, .. } => 1 + items.iter().flatten().map(depth).max().unwrap_or(0),
                _ => 0,
            }
        }
        let md = format!("{}deep", "> ".repeat(5000));
        let nodes = parse(&md);
        let [Node::Block { block, .. }] = nodes.as_slice() else { panic!("one block: {nodes:?}") };
        // Nesting stops at the limit (5,000 quotes would be 5,000 levels), and the text survives.
        assert!(depth(block) <= MAX_DEPTH + 1, "{} levels", depth(block));
        assert!(quarterly_core::model::blocks_plain_text(std::slice::from_ref(block)).contains("deep"));
    }

    #[test]
    fn struck_text_is_strikethrough_with_its_link() {
        let content = first_paragraph("~vote is open: https://x.example/530~ vote failed");
        match &content[..] {
            [Inline::Strikethrough { children }, Inline::Text { text }] => {
                assert_eq!(plain_text(children), "vote is open: https://x.example/530");
                assert!(children.iter().any(|c| matches!(c, Inline::Link { .. })));
                assert_eq!(text, " vote failed");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn task_list_boxes_and_footnote_marks_stay_as_text() {
        // The model has no check box or footnote: their meaning stays readable in the text.
        let nodes = parse("- [x] Approved\n- [ ] Pending\n\nSee note[^1].\n\n[^1]: The note.\n");
        let text: Vec<String> = nodes
            .iter()
            .map(|node| match node {
                Node::Block { block: Block::List { items, .. }, .. } => items
                    .iter()
                    .map(|item| match &item[0] {
                        Block::Paragraph { content } => plain_text(content),
                        other => format!("{other:?}"),
                    })
                    .collect::<Vec<_>>()
                    .join("|"),
                Node::Block { block: Block::Paragraph { content }, .. } => plain_text(content),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(text, vec!["[x] Approved|[ ] Pending", "See note[^1].", "[^1]: The note."]);
    }

    #[test]
    fn a_table_inside_a_list_item_stays_a_table() {
        let nodes = parse("- Meetings:\n\n  |Day|Count|\n  |-|-|\n  |Mon|5|\n");
        match &nodes[..] {
            [Node::Block { block: Block::List { items, .. }, .. }] => {
                assert!(items[0].iter().any(|b| matches!(b, Block::Table { rows, .. } if rows.len() == 1)), "{items:?}")
            }
            other => panic!("{other:?}"),
        }
    }
}
