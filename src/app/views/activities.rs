//! A working group's activities as structure: each with its purpose, status and next steps, and
//! its asks (funding, questions for the TAC) set apart, filtered by text like the key results.

use super::rich_text::{Blocks, HeadingText};
use crate::app::filter_state::use_filter;
use leptos::prelude::*;
use quarterly_core::filter::{activity_matches, activity_search_text, Filter};
use quarterly_core::model::anchor::{self, ActivityPart};
use quarterly_core::model::Activity;

/// What a reader calls each part: a question is for the site's governing body.
fn part_label(part: ActivityPart) -> String {
    match part {
        ActivityPart::Questions => format!("Question for the {}", crate::app::site::SITE.governing_body),
        other => other.label().to_string(),
    }
}

/// Every activity, with a text filter of its own (`?activities=`) when there are several.
#[component]
pub fn ActivityList(activities: Vec<Activity>) -> impl IntoView {
    let filter = use_filter().filter;
    let texts: Vec<String> = activities.iter().map(activity_search_text).collect();
    let total = activities.len();
    let shown = {
        let texts = texts.clone();
        Memo::new(move |_| {
            let query = filter.with(|f| f.activities.clone());
            texts.iter().map(|text| activity_matches(text, &query)).collect::<Vec<bool>>()
        })
    };
    let views = activities
        .into_iter()
        .enumerate()
        .map(|(index, activity)| {
            let hidden = move || !shown.with(|shown| shown.get(index).copied().unwrap_or(true));
            view! { <ActivityView activity=activity index=index hidden=Signal::derive(hidden) /> }
        })
        .collect_view();
    view! {
        {(total > 1).then(|| view! { <ActivityFilter shown=shown total=total /> })}
        {views}
    }
}

/// The text filter over activities and how many it shows (a polite live region).
#[component]
fn ActivityFilter(shown: Memo<Vec<bool>>, total: usize) -> impl IntoView {
    let state = use_filter();
    let filter = state.filter;
    let on_text = move |ev: leptos::ev::Event| {
        let before = filter.get_untracked();
        let value = event_target_value(&ev);
        state.typed(&before.activities, &value, Filter { activities: value.clone(), ..before.clone() });
    };
    let count = move || {
        let shown = shown.with(|shown| shown.iter().filter(|s| **s).count());
        let text = filter.with(|f| f.activities.trim().to_string());
        match (shown, text.is_empty()) {
            (_, true) => format!("{total} activities"),
            (0, false) => format!("No activity mentions “{text}”."),
            (n, false) => format!("{n} of {total} activities mention “{text}”"),
        }
    };
    view! {
        <form class="filter-bar activity-filter" role="search" aria-label="Filter activities" on:submit=|ev| ev.prevent_default()>
            <div class="filter-field">
                <label for="activity-filter">"Search activities"</label>
                <input id="activity-filter" type="search" placeholder="e.g. guide or funding" autocomplete="off"
                    prop:value=move || filter.get().activities on:input=on_text
                    on:change=move |_| state.settle.run(()) />
            </div>
            <button type="button" class="button clear-filters" disabled=move || filter.get().activities.is_empty()
                on:click=move |_| state.show_changed(|f| f.activities.clear())>"Clear"</button>
        </form>
        <p class="result-count" role="status" aria-live="polite">{count}</p>
    }
}

/// One activity: its title (a link when the author linked it), its summary, the template's
/// parts in order with the asks set apart, then anything else the author wrote.
#[component]
fn ActivityView(activity: Activity, index: usize, hidden: Signal<bool>) -> impl IntoView {
    let parts = ActivityPart::ALL
        .into_iter()
        .filter(|part| !activity.part(*part).is_empty())
        .map(|part| {
            let is_ask = matches!(part, ActivityPart::Funding | ActivityPart::Questions);
            view! {
                <section class="activity-part" class:activity-ask=is_ask id=anchor::activity_part(index, part)>
                    <h4>
                        {is_ask.then(|| view! { <span class="ask-badge">"Ask"</span> " " })}
                        {part_label(part)}
                    </h4>
                    <Blocks blocks=activity.part(part).to_vec() level=4 />
                </section>
            }
        })
        .collect_view();
    let other = activity
        .other
        .into_iter()
        .map(|section| {
            view! {
                <section class="activity-part">
                    <h4><HeadingText text=section.heading link=section.link /></h4>
                    <Blocks blocks=section.blocks level=4 />
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="activity" id=anchor::activity(index) hidden=move || hidden.get()>
            <h3><HeadingText text=activity.name.clone() link=activity.link.clone() /></h3>
            <Blocks blocks=activity.summary level=3 />
            {parts}
            {other}
        </article>
    }
}
