//! Report text as DOM nodes through Leptos views: never `inner_html`, so report text can never
//! become markup. Only http(s) and mailto targets become links.

use leptos::prelude::*;
use quarterly_core::model::{is_safe_link, Block, Inline};

/// Inline rich text.
#[component]
pub fn Inlines(inlines: Vec<Inline>) -> impl IntoView {
    inlines.into_iter().map(inline_view).collect_view()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text { text } => text.into_any(),
        Inline::Emphasis { children } => view! { <em><Inlines inlines=children /></em> }.into_any(),
        Inline::Strong { children } => view! { <strong><Inlines inlines=children /></strong> }.into_any(),
        Inline::Strikethrough { children } => view! { <del><Inlines inlines=children /></del> }.into_any(),
        Inline::Code { text } => view! { <code>{text}</code> }.into_any(),
        Inline::Link { url, children } => {
            view! { <SafeLink url=url><Inlines inlines=children /></SafeLink> }.into_any()
        }
    }
}

/// A link when the target is http(s) or mailto; otherwise its text, marked as an unusable link.
/// In an iframe embed, links open a new tab: most sites refuse to be shown in a frame.
#[component]
pub fn SafeLink(url: String, children: Children) -> impl IntoView {
    let embedded = use_context::<crate::app::ViewContext>().is_some_and(|context| context.0.get_untracked().embed);
    let target = embedded.then_some("_blank");
    if is_safe_link(&url) {
        view! { <a href=url.trim().to_string() rel="noopener noreferrer" target=target>{children()}</a> }.into_any()
    } else {
        view! { <span class="unsafe-link" title=format!("Not a web link: {url}")>{children()}</span> }.into_any()
    }
}

/// A heading's text, a link when the author's heading was one (an activity's issue, a project).
#[component]
pub fn HeadingText(text: String, link: Option<String>) -> impl IntoView {
    match link {
        Some(url) => view! { <SafeLink url=url>{text}</SafeLink> }.into_any(),
        None => text.into_any(),
    }
}

/// Block rich text. `level` is the heading level of the enclosing section, so sub-headings in
/// the text nest under it.
#[component]
pub fn Blocks(blocks: Vec<Block>, #[prop(default = 2)] level: u8) -> impl IntoView {
    blocks.into_iter().map(|block| block_view(block, level)).collect_view()
}

fn block_view(block: Block, level: u8) -> AnyView {
    match block {
        Block::Paragraph { content } => view! { <p><Inlines inlines=content /></p> }.into_any(),
        Block::Heading { level: written, content } => heading(written.max(level + 1), view! { <Inlines inlines=content /> }.into_any()),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li><Blocks blocks=item level=level /></li> })
                .collect_view();
            if ordered { view! { <ol>{items}</ol> }.into_any() } else { view! { <ul>{items}</ul> }.into_any() }
        }
        // A wide table scrolls inside its own box, which the keyboard must be able to reach (a
        // group, not a region: several tables on a page would be landmarks with one name).
        Block::Table { header, rows } => view! {
            <div class="table-scroll" tabindex="0" role="group" aria-label="Table (scrolls sideways)">
                <table class="prose-table">
                    <thead><tr>{header.into_iter().map(|cell| view! { <th scope="col"><Inlines inlines=cell /></th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| view! {
                            <tr>{row.into_iter().map(|cell| view! { <td><Inlines inlines=cell /></td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
        Block::Quote { blocks } => view! { <blockquote><Blocks blocks=blocks level=level /></blockquote> }.into_any(),
        Block::Code { text } => view! { <pre><code>{text}</code></pre> }.into_any(),
    }
}

/// A heading element of a computed level (h2 to h6).
pub fn heading(level: u8, content: AnyView) -> AnyView {
    match level {
        0..=2 => view! { <h2>{content}</h2> }.into_any(),
        3 => view! { <h3>{content}</h3> }.into_any(),
        4 => view! { <h4>{content}</h4> }.into_any(),
        5 => view! { <h5>{content}</h5> }.into_any(),
        _ => view! { <h6>{content}</h6> }.into_any(),
    }
}
