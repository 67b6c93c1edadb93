//! The filters above the OKR table: objective, statuses, text, and clearing them.

use super::okr_table::objective_label;
use crate::app::filter_state::use_filter;
use leptos::prelude::*;
use quarterly_core::filter::Filter;
use quarterly_core::model::{Report, StatusKind};
use std::sync::Arc;

/// The filter bar: the objective, the statuses, the text and a way to clear them.
/// `objective_counts` (every objective, in order) and `status_counts` (the statuses to offer) say
/// how many key results each choice would show with the other filters, as `filter::apply` gives;
/// `widest`, the status counts with no filter, the largest each can be.
#[component]
pub fn FilterBar(
    report: Arc<Report>,
    objective_counts: Signal<Vec<(String, usize)>>,
    status_counts: Signal<Vec<(StatusKind, usize)>>,
    widest: Vec<(StatusKind, usize)>,
) -> impl IntoView {
    let state = use_filter();
    view! {
        <form class="filter-bar" role="search" aria-label="Filter key results" on:submit=|ev| ev.prevent_default()>
            <ObjectiveChoice report=report objective_counts=objective_counts />
            <StatusChoice status_counts=status_counts widest=widest />
            <TextSearch />
            <button
                type="button"
                class="button clear-filters"
                disabled=move || !state.filter.get().is_active()
                on:click=move |_| state.show.run(Filter::default())
            >
                "Clear filters"
            </button>
        </form>
    }
}

/// The objective select: all objectives, or one, each with how many key results it would show.
/// Built once; a filter change updates the counts and the selection in place.
#[component]
fn ObjectiveChoice(report: Arc<Report>, objective_counts: Signal<Vec<(String, usize)>>) -> impl IntoView {
    let state = use_filter();
    let filter = state.filter;
    let total = report.key_results().count();
    // `objective_counts` has every objective, in the report's order.
    let objective_options = report
        .objectives
        .iter()
        .enumerate()
        .map(|(at, objective)| {
            let id = objective.id.clone();
            let label = format!("{} (", objective_label(&report, &id));
            let count = move || objective_counts.with(|counts| counts.get(at).map_or(0, |(_, count)| *count));
            let selected = {
                let id = id.clone();
                move || filter.with(|filter| filter.objective.as_deref() == Some(id.as_str()))
            };
            // The attribute for the static page; the property for the select once a reader has
            // picked an option (browsers then ignore the attribute).
            view! { <option value=id selected=selected.clone() prop:selected=selected>{label}{count}")"</option> }
        })
        .collect_view();
    let all = move || filter.with(|filter| filter.objective.is_none());
    let on_objective = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        state.show_changed(|f| f.objective = (!value.is_empty()).then_some(value));
    };
    view! {
        <div class="filter-field">
            <label for="objective-filter">"Objective"</label>
            <select id="objective-filter" on:change=on_objective>
                <option value="" selected=all prop:selected=all>
                    {format!("All objectives ({total})")}
                </option>
                {objective_options}
            </select>
        </div>
    }
}

/// The status checkboxes, each with how many key results it would show. The statuses offered
/// change only when a reader chooses one the report does not use; the rest updates in place.
#[component]
fn StatusChoice(status_counts: Signal<Vec<(StatusKind, usize)>>, widest: Vec<(StatusKind, usize)>) -> impl IntoView {
    let kinds =
        Memo::new(move |_| status_counts.with(|counts| counts.iter().map(|(kind, _)| *kind).collect::<Vec<_>>()));
    let status_options = move || {
        kinds
            .get()
            .into_iter()
            .map(|kind| {
                let most = widest.iter().find(|(widest, _)| *widest == kind).map_or(0, |(_, count)| *count);
                view! { <StatusOption kind=kind status_counts=status_counts most=most /> }
            })
            .collect_view()
    };
    view! {
        <fieldset class="filter-field status-filter">
            <legend>"Status"</legend>
            <div class="status-options">{status_options}</div>
        </fieldset>
    }
}

/// One status's checkbox, with its symbol, its name and how many key results it would show (at
/// `most`, as many as have the status).
#[component]
fn StatusOption(kind: StatusKind, status_counts: Signal<Vec<(StatusKind, usize)>>, most: usize) -> impl IntoView {
    let state = use_filter();
    let count = move || {
        status_counts.with(|counts| counts.iter().find(|(counted, _)| *counted == kind).map_or(0, |(_, count)| *count))
    };
    view! {
        <label class=format!("status-option status-{}", kind.slug())>
            <input
                type="checkbox"
                name="status"
                value=kind.slug()
                prop:checked=move || state.filter.with(|filter| filter.statuses.contains(&kind))
                on:change=move |_| state.show_changed(|f| f.toggle_status(kind))
            />
            <span class="status-symbol" aria-hidden="true">{kind.symbol()}</span>
            // The name and the count in one line of text. The count is as wide as its largest (the
            // stylesheet lays that out, unseen): losing digits as a reader types, it moves neither
            // the checkboxes after it nor the search box.
            <span>
                {format!(" {} ", kind.label())}
                <span class="status-count" data-widest=format!("({most})")>"(" {count} ")"</span>
            </span>
        </label>
    }
}

/// The text search over key results.
#[component]
fn TextSearch() -> impl IntoView {
    let state = use_filter();
    let on_text = move |ev: leptos::ev::Event| {
        let before = state.filter.get_untracked();
        let value = event_target_value(&ev);
        state.typed(&before.text, &value, Filter { text: value.clone(), ..before.clone() });
    };
    view! {
        <div class="filter-field">
            <label for="text-filter">"Search key results"</label>
            <input
                id="text-filter"
                type="search"
                placeholder="e.g. audit or KR 2.1"
                autocomplete="off"
                prop:value=move || state.filter.get().text
                on:input=on_text
                on:change=move |_| state.settle.run(())
            />
        </div>
    }
}
