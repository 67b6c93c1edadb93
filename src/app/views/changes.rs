//! "Since last quarter": status changes, new and removed key results against the previous report.

use super::loading::Await;
use super::status_badge::StatusBadge;
use crate::app::filter_state::use_filter;
use crate::app::loaded::{load_report, preloaded_changes};
use crate::app::use_catalog;
use leptos::prelude::*;
use quarterly_core::filter::Filter;
use quarterly_core::history::{changes, Changes};
use quarterly_core::model::{CatalogEntry, Period, Report};
use std::sync::Arc;

/// What changed since `previous`: status changes, new, reworded and removed key results. A
/// pre-rendered page carries the changes; otherwise the previous report is fetched and compared.
#[component]
pub fn SinceLastQuarter(previous: CatalogEntry, report: Arc<Report>) -> impl IntoView {
    let period = previous.period;
    let carried =
        use_catalog().find(&report.initiative.slug, report.period).and_then(|entry| preloaded_changes(&entry.path));
    let body = match carried {
        Some(change) => change_list((*change).clone(), period),
        None => Await::new(load_report(&previous.path), "the previous quarter")
            // Quieter than a page's loading state and error panel: the comparison is an aside.
            .loading(|| view! { <p class="loading">"Comparing with the previous quarter…"</p> }.into_any())
            .failed(move |error, retry| {
                view! {
                    <p class="since-error">{format!("Could not compare with {period}: {error} ")}
                        <button type="button" class="link-button" on:click=move |_| retry.run(())>"Retry"</button>
                    </p>
                }
                .into_any()
            })
            .ready(move |earlier| change_list(changes(&earlier, &report), period))
            .into_any(),
    };
    view! {
        <section class="since" aria-labelledby="since-title">
            <h3 id="since-title">{format!("Since {period}")}</h3>
            {body}
        </section>
    }
}

/// The list of what changed since `period`, each key result a button that filters the table to it.
fn change_list(change: Changes, period: Period) -> AnyView {
    let show_filter = use_filter().show;
    let show = move |id: String| {
        let label = format!("KR {id}");
        let text = label.clone();
        view! {
            <button type="button" class="link-button" on:click=move |_| show_filter.run(Filter { text: text.clone(), ..Filter::default() })>
                {label}
            </button>
        }
    };
    if change.is_empty() {
        return view! { <p>"No key result changed status, and none was added or removed."</p> }.into_any();
    }
    // A new set of OKRs drops every old key result: list them on demand only.
    let removed_count = change.removed.len();
    let removed = change
        .removed
        .into_iter()
        .map(|gone| view! { <li>{format!("KR {}: {}", gone.id, gone.text)}</li> })
        .collect_view();
    view! {
        <ul class="since-list">
            {change.status_changes.into_iter().map(|change| view! {
                <li class="status-change">{show(change.id)} ": " <StatusBadge status=change.before /> " → " <StatusBadge status=change.now /></li>
            }).collect_view()}
            {change.added.into_iter().map(|added| view! { <li>{show(added.id)} " is new"</li> }).collect_view()}
            {change.reworded.into_iter().map(|id| view! { <li>{show(id)} " was reworded"</li> }).collect_view()}
            {(removed_count > 0).then(|| view! {
                <li>
                    <details>
                        <summary>{format!("{removed_count} key result{} of {period} no longer listed", if removed_count == 1 { "" } else { "s" })}</summary>
                        <ul>{removed}</ul>
                    </details>
                </li>
            })}
        </ul>
    }.into_any()
}
