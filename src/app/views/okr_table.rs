//! The objectives and key results: filter bar, live count, table, and the empty state.

use super::filter_bar::FilterBar;
use super::rich_text::Inlines;
use super::status_badge::StatusBadge;
use crate::filter::{apply, hider, Filter, Hider};
use crate::model::{plain_text, Report};
use leptos::prelude::*;
use std::sync::Arc;

/// The OKR part of a report. The filter comes from outside (the URL); `on_change` receives a
/// new filter and whether it should replace the current history entry (typing) or add one.
#[component]
pub fn OkrSection(report: Arc<Report>, filter: Signal<Filter>, on_change: Callback<(Filter, bool)>) -> impl IntoView {
    let filtered = {
        let report = report.clone();
        Memo::new(move |_| apply(&report, &filter.get()))
    };
    let count_text = move || {
        let filtered = filtered.get();
        if filtered.shown == filtered.total {
            format!("All {} key results", filtered.total)
        } else {
            format!("{} of {} key results", filtered.shown, filtered.total)
        }
    };
    let report_for_empty = report.clone();
    view! {
        <FilterBar report=report.clone() filter=filter on_change=on_change />
        <p class="result-count" role="status" aria-live="polite" aria-atomic="true">{count_text}</p>
        {move || {
            let filtered = filtered.get();
            if filtered.shown == 0 && filtered.total > 0 {
                let filter = filter.get();
                view! { <EmptyState hider=hider(&report_for_empty, &filter) filter=filter on_change=on_change /> }.into_any()
            } else {
                view! { <OkrTable report=report.clone() filter=filter /> }.into_any()
            }
        }}
    }
}

/// Key-result rows laid out at once; more on request. Laying out thousands of rows is what makes
/// filtering a huge report slow, not computing the filter.
pub const ROWS_PER_PAGE: usize = 200;

/// The table itself: one row group per objective, one row per key result that matches.
#[component]
pub fn OkrTable(report: Arc<Report>, filter: Signal<Filter>) -> impl IntoView {
    // Effects run once the view is in the document: mark when its rows are painted.
    Effect::new(|_| crate::app::perf::mark_after_paint("okr-table-painted"));
    let limit = RwSignal::new(ROWS_PER_PAGE);
    // A new filter starts again from the first page.
    Effect::new(move |previous: Option<Filter>| {
        let current = filter.get();
        if previous.is_some_and(|previous| previous != current) {
            limit.set(ROWS_PER_PAGE);
        }
        current
    });
    // A printed report shows every row.
    let print = window_event_listener_untyped("beforeprint", move |_| limit.set(usize::MAX));
    on_cleanup(move || print.remove());
    let shown = {
        let report = report.clone();
        Memo::new(move |_| apply(&report, &filter.get()).shown)
    };
    let rows = move || {
        let filtered = apply(&report, &filter.get());
        let mut budget = limit.get();
        filtered
            .groups
            .into_iter()
            .map_while(|(objective_index, mut key_result_indices)| {
                if budget == 0 && !key_result_indices.is_empty() {
                    return None;
                }
                let matching = key_result_indices.len();
                let on_this_page = matching.min(budget);
                key_result_indices.truncate(on_this_page);
                budget -= on_this_page;
                Some((objective_index, key_result_indices, matching))
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(objective_index, key_result_indices, matching)| {
                let objective = &report.objectives[objective_index];
                let total = objective.key_results.len();
                let shown = matching;
                let count = if total == 0 {
                    String::new()
                } else if shown == total {
                    format!("{total} key results")
                } else {
                    format!("{shown} of {total} key results")
                };
                let key_results = key_result_indices
                    .into_iter()
                    .map(|index| {
                        let kr = objective.key_results[index].clone();
                        view! {
                            <tr class="key-result" data-kr=kr.id.clone()>
                                <th scope="row" class="kr-id">{format!("KR {}", kr.id)}</th>
                                <td class="kr-text"><Inlines inlines=kr.text /></td>
                                <td class="kr-status"><StatusBadge status=kr.status /></td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <tbody class="objective" data-objective=objective.id.clone()>
                        <tr class="objective-row">
                            <th colspan="3" scope="colgroup">
                                <span class="objective-id">{format!("Objective {}", objective.id)}</span>
                                {(!objective.title.is_empty()).then(|| ": ")}
                                <Inlines inlines=objective.title.clone() />
                                {(!count.is_empty()).then(|| view! { <span class="objective-count">{count}</span> })}
                            </th>
                        </tr>
                        {(total == 0).then(|| view! {
                            <tr><td colspan="3" class="no-key-results">"No key results listed for this objective."</td></tr>
                        })}
                        {key_results}
                    </tbody>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-scroll">
            <table class="okr-table">
                <caption class="visually-hidden">"Objectives and key results with their status"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="kr-id">"Key result"</th>
                        <th scope="col">"Description"</th>
                        <th scope="col" class="kr-status">"Status"</th>
                    </tr>
                </thead>
                {rows}
            </table>
        </div>
        {move || {
            let hidden = shown.get().saturating_sub(limit.get());
            (hidden > 0).then(|| {
                let next = hidden.min(ROWS_PER_PAGE);
                view! {
                    <p class="more-rows">
                        <button type="button" class="button" on:click=move |_| limit.update(|l| *l = l.saturating_add(ROWS_PER_PAGE))>
                            {format!("Show {next} more ({hidden} not shown yet)")}
                        </button>
                    </p>
                }
            })
        }}
    }
}

/// Says which filter hides everything, with a way out.
#[component]
fn EmptyState(hider: Option<Hider>, filter: Filter, on_change: Callback<(Filter, bool)>) -> impl IntoView {
    let message = match hider {
        Some(Hider::Text) => format!("No key result mentions “{}”.", filter.text.trim()),
        Some(Hider::Status) => {
            let labels: Vec<&str> = filter.statuses.iter().map(|kind| kind.label()).collect();
            format!("No key result has the status {}.", labels.join(" or "))
        }
        Some(Hider::Objective) => {
            format!("Objective {} has no key results.", filter.objective.clone().unwrap_or_default())
        }
        Some(Hider::Combination) | None => "No key result matches all of these filters together.".to_string(),
    };
    view! {
        <div class="empty-state">
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| on_change.run((Filter::default(), false))>
                "Clear all filters"
            </button>
        </div>
    }
}

/// The objective's title as plain text, for labels.
pub fn objective_label(report: &Report, id: &str) -> String {
    report
        .objectives
        .iter()
        .find(|objective| objective.id == id)
        .map(|objective| format!("Objective {id}: {}", plain_text(&objective.title)))
        .unwrap_or_else(|| format!("Objective {id}"))
}
