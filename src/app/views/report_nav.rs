//! Moving between reports: initiative and quarter switchers, previous/next, history, search.

use crate::app::filter_state::use_filter;
use crate::app::{href, use_catalog};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use quarterly_core::filter::Filter;
use quarterly_core::model::{CatalogEntry, Period};
use quarterly_core::url_state::{filter_for_move, history_path, print_query, report_path};

/// The address of a report, keeping the parts of the filter that still make sense there.
fn address(entry: &CatalogEntry, filter: &Filter, same_initiative: bool) -> String {
    format!(
        "{}{}",
        report_path(&entry.initiative.slug, entry.period),
        print_query(&filter_for_move(filter, same_initiative))
    )
}

/// The navigation above a report: the initiative and quarter switchers, the previous and next
/// quarters, and the initiative's history.
#[component]
pub fn ReportNav(initiative: String, period: Period) -> impl IntoView {
    let catalog = use_catalog();
    let (previous, next) = catalog.neighbours(&initiative, period);
    let (previous, next) = (previous.cloned(), next.cloned());
    view! {
        <nav class="report-nav" aria-label="Reports">
            <InitiativeSwitch current=initiative.clone() />
            <QuarterSwitch initiative=initiative.clone() period=period />
            <div class="nav-steps">
                <Step entry=previous label="←" rel="prev" />
                <Step entry=next label="→" rel="next" />
            </div>
            <a class="button" href=href(&history_path(&initiative))>"History of every key result"</a>
        </nav>
    }
}

/// Navigates to `entry`'s report as the switchers do (no scrolling), keeping what still makes
/// sense of the current filter.
fn switcher(same_initiative: bool) -> impl Fn(&CatalogEntry) + Clone + 'static {
    let navigate = use_navigate();
    let filter = use_filter().filter;
    move |entry: &CatalogEntry| {
        let path = address(entry, &filter.get_untracked(), same_initiative);
        navigate(&path, NavigateOptions { scroll: false, ..NavigateOptions::default() });
    }
}

/// The initiative select, when there is more than one: switching lands on its newest report.
#[component]
fn InitiativeSwitch(current: String) -> impl IntoView {
    let initiatives: Vec<CatalogEntry> = use_catalog().newest_of_each_initiative().into_iter().cloned().collect();
    let go = switcher(false);
    let on_initiative = {
        let initiatives = initiatives.clone();
        move |ev: leptos::ev::Event| {
            let slug = event_target_value(&ev);
            if let Some(entry) = initiatives.iter().find(|e| e.initiative.slug == slug) {
                go(entry);
            }
        }
    };
    (initiatives.len() > 1).then(|| {
        view! {
            <label class="nav-field">
                <span>"Initiative"</span>
                <select id="initiative-switch" on:change=on_initiative>
                    {initiatives.into_iter().map(|entry| {
                        let selected = entry.initiative.slug == current;
                        view! { <option value=entry.initiative.slug.clone() selected=selected>{entry.initiative.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    })
}

/// The quarter select: every quarter of the initiative, newest first.
#[component]
fn QuarterSwitch(initiative: String, period: Period) -> impl IntoView {
    let quarters: Vec<CatalogEntry> = use_catalog().quarters(&initiative).into_iter().cloned().collect();
    let go = switcher(true);
    let on_quarter = {
        let quarters = quarters.clone();
        move |ev: leptos::ev::Event| {
            let slug = event_target_value(&ev);
            if let Some(entry) = quarters.iter().find(|e| e.period.slug() == slug) {
                go(entry);
            }
        }
    };
    view! {
        <label class="nav-field">
            <span>"Quarter"</span>
            <select id="quarter-switch" on:change=on_quarter>
                {quarters.iter().rev().map(|entry| {
                    let selected = entry.period == period;
                    view! { <option value=entry.period.slug() selected=selected>{entry.period.to_string()}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// A step to the previous or next quarter (`rel`), or, with none, a disabled one saying so.
#[component]
fn Step(entry: Option<CatalogEntry>, label: &'static str, rel: &'static str) -> impl IntoView {
    let filter = use_filter().filter;
    match entry {
        Some(entry) => {
            let text = format!("{label} {}", entry.period);
            view! { <a class="button step" rel=rel href=move || href(&address(&entry, &filter.get(), true))>{text}</a> }
                .into_any()
        }
        None => {
            let words = if rel == "prev" { "No earlier quarter" } else { "No later quarter" };
            view! {
                <span class="button step" aria-disabled="true">
                    <span aria-hidden="true">{label}</span>
                    <span class="visually-hidden">{words}</span>
                </span>
            }
            .into_any()
        }
    }
}
