//! A working group's activities with the template's sub-sections.

use super::rich_text::Blocks;
use crate::model::{Activity, Block};
use leptos::prelude::*;

#[component]
pub fn ActivityList(activities: Vec<Activity>) -> impl IntoView {
    activities.into_iter().map(|activity| view! { <ActivityView activity=activity /> }).collect_view()
}

#[component]
fn ActivityView(activity: Activity) -> impl IntoView {
    let parts: Vec<(String, Vec<Block>)> = [
        ("Purpose", activity.purpose),
        ("Current status", activity.current_status),
        ("Up next", activity.up_next),
        ("Funding", activity.funding),
        ("Questions for the TAC", activity.questions_for_tac),
    ]
    .into_iter()
    .map(|(title, blocks)| (title.to_string(), blocks))
    .chain(activity.other.into_iter().map(|section| (section.heading, section.blocks)))
    .filter(|(_, blocks)| !blocks.is_empty())
    .collect();
    view! {
        <section class="activity">
            <h3>{activity.name}</h3>
            <Blocks blocks=activity.summary level=3 />
            {parts.into_iter().map(|(title, blocks)| view! {
                <h4>{title}</h4>
                <Blocks blocks=blocks level=4 />
            }).collect_view()}
        </section>
    }
}
