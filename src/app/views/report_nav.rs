//! Moving between reports: initiative and quarter switchers, previous/next, history, search.

use crate::app::filter_state::use_filter;
use crate::app::{href, use_catalog};
use crate::filter::Filter;
use crate::model::{CatalogEntry, Period};
use crate::url_state::{filter_for_move, history_path, print_query, report_path};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The address of a report, keeping the parts of the filter that still make sense there.
fn address(entry: &CatalogEntry, filter: &Filter, same_initiative: bool) -> String {
    format!(
        "{}{}",
        report_path(&entry.initiative.slug, entry.period),
        print_query(&filter_for_move(filter, same_initiative))
    )
}

#[component]
pub fn ReportNav(initiative: String, period: Period) -> impl IntoView {
    let catalog = use_catalog();
    let filter = use_filter().filter;
    let navigate = use_navigate();
    let go = move |path: String| navigate(&path, NavigateOptions { scroll: false, ..NavigateOptions::default() });
    let quarters: Vec<CatalogEntry> = catalog.quarters(&initiative).into_iter().cloned().collect();
    let initiatives: Vec<CatalogEntry> = catalog.newest_of_each_initiative().into_iter().cloned().collect();
    let (previous, next) = catalog.neighbours(&initiative, period);
    let (previous, next) = (previous.cloned(), next.cloned());

    let on_initiative = {
        let (initiatives, go) = (initiatives.clone(), go.clone());
        move |ev: leptos::ev::Event| {
            let slug = event_target_value(&ev);
            if let Some(entry) = initiatives.iter().find(|e| e.initiative.slug == slug) {
                go(address(entry, &filter.get_untracked(), false));
            }
        }
    };
    let on_quarter = {
        let (quarters, go) = (quarters.clone(), go.clone());
        move |ev: leptos::ev::Event| {
            let slug = event_target_value(&ev);
            if let Some(entry) = quarters.iter().find(|e| e.period.slug() == slug) {
                go(address(entry, &filter.get_untracked(), true));
            }
        }
    };
    let step = move |entry: Option<CatalogEntry>, label: &'static str, rel: &'static str| match entry {
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
    };
    let initiative_choice = (initiatives.len() > 1).then(|| {
        let current = initiative.clone();
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
    });
    view! {
        <nav class="report-nav" aria-label="Reports">
            {initiative_choice}
            <label class="nav-field">
                <span>"Quarter"</span>
                <select id="quarter-switch" on:change=on_quarter>
                    {quarters.iter().rev().map(|entry| {
                        let selected = entry.period == period;
                        view! { <option value=entry.period.slug() selected=selected>{entry.period.to_string()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <div class="nav-steps">
                {step(previous, "←", "prev")}
                {step(next, "→", "next")}
            </div>
            <a class="button" href=href(&history_path(&initiative))>"History of every key result"</a>
        </nav>
    }
}
