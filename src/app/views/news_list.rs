//! News, blog and media links, and upcoming events.

use super::rich_text::{Blocks, Inlines, SafeLink};
use leptos::prelude::*;
use quarterly_core::model::{Block, Inline, LinkItem};

/// The news links in report order, grouped under the author's sub-headings when there are any.
#[component]
pub fn NewsList(news: Vec<LinkItem>, notes: Vec<Block>) -> impl IntoView {
    let mut groups: Vec<(Option<String>, Vec<LinkItem>)> = Vec::new();
    for item in news {
        match groups.last_mut() {
            Some((group, items)) if *group == item.group => items.push(item),
            _ => groups.push((item.group.clone(), vec![item])),
        }
    }
    view! {
        {groups.into_iter().map(|(group, items)| view! {
            {group.map(|group| view! { <h3>{group}</h3> })}
            <ul class="link-list">
                {items.into_iter().map(|item| view! { <li><NewsItem item=item /></li> }).collect_view()}
            </ul>
        }).collect_view()}
        <Blocks blocks=notes />
    }
}

/// One news, blog or media link, with its context and who wrote or presented it.
#[component]
fn NewsItem(item: LinkItem) -> impl IntoView {
    view! {
        {item.context.map(|context| view! { <span class="link-context">{context} ": "</span> })}
        <SafeLink url=item.url>{item.title}</SafeLink>
        {item.attribution.map(|who| view! { <span class="attribution">" — " {who}</span> })}
    }
}

/// Upcoming events, one per entry.
#[component]
pub fn EventList(events: Vec<Vec<Inline>>) -> impl IntoView {
    view! {
        <ul class="event-list">
            {events.into_iter().map(|event| view! { <li><Inlines inlines=event /></li> }).collect_view()}
        </ul>
    }
}
