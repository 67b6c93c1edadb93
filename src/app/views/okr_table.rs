//! The objectives and key results: filter bar, live count, table, and the empty state.

use super::download::Download;
use super::filter_bar::FilterBar;
use super::later::Later;
use super::rich_text::Inlines;
use super::status_badge::StatusBadge;
use crate::app::filter_state::use_filter;
use leptos::prelude::*;
use quarterly_core::export;
use quarterly_core::filter::{apply, hider, Filter, Filtered, Hider, PageGroup, SearchIndex};
use quarterly_core::model::{plain_text, KeyResult, Report};
use std::sync::Arc;

/// The OKR part of a report: filter bar, live count and table, filtered by the report's
/// [`FilterState`](crate::app::filter_state::FilterState); with `downloadable` (the full report,
/// not an embed), the rows shown can be downloaded.
#[component]
pub fn OkrSection(report: Arc<Report>, #[prop(optional)] downloadable: bool) -> impl IntoView {
    let filter = use_filter().filter;
    // Built once per report, so that a keystroke only compares text.
    let index = Arc::new(SearchIndex::new(&report));
    // One pass per filter change gives the rows and every count shown.
    let filtered = {
        let (report, index) = (report.clone(), index.clone());
        Memo::new(move |_| apply(&report, &index, &filter.get()))
    };
    let objective_counts = Memo::new(move |_| filtered.with(|filtered| filtered.objective_counts.clone()));
    let status_counts = Memo::new(move |_| filtered.with(|filtered| filtered.status_counts.clone()));
    // The largest each status's count can be: with no filter (the others only lower it).
    let widest = apply(&report, &index, &Filter::default()).status_counts;
    let count_text = move || {
        filtered.with(|filtered| {
            if filtered.shown == filtered.total {
                format!("All {} key results", filtered.total)
            } else {
                format!("{} of {} key results", filtered.shown, filtered.total)
            }
        })
    };
    let nothing_shown = move || filtered.with(|filtered| filtered.shown == 0 && filtered.total > 0);
    let table = {
        let report = report.clone();
        move || view! { <OkrTable report=report.clone() filter=filter filtered=filtered.into() /> }
    };
    let download = downloadable.then(|| {
        let report = report.clone();
        let name = format!("{}-{}-key-results", report.initiative.slug, report.period.slug());
        let table = move || filtered.with_untracked(|filtered| export::key_results(&report, filtered));
        view! { <Download what="the key results shown" name=name table=table /> }
    });
    view! {
        <Later clone:report>
            <FilterBar report=report.clone() objective_counts=objective_counts.into() status_counts=status_counts.into() widest=widest />
        </Later>
        <div class="result-bar">
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true">{count_text}</p>
            {download}
        </div>
        // The table stays while rows change; only an empty result replaces it.
        <Show when=nothing_shown fallback=table>
            {
                let (report, index) = (report.clone(), index.clone());
                move || {
                    let filter = filter.get();
                    view! { <EmptyState hider=hider(&report, &index, &filter) filter=filter /> }
                }
            }
        </Show>
    }
}

/// Key-result rows laid out at once; more on request.
pub const ROWS_PER_PAGE: usize = 50;

/// The table itself: one row group per objective, one row per key result that matches, a page of
/// them at a time. Rows (and row groups) are built when they first come onto the page and kept
/// after, hidden while off it: a filter change only sets attributes on the rows a reader has
/// seen before, and builds only those never shown. Building rows is what makes a filter change
/// slow, not computing it.
#[component]
pub fn OkrTable(report: Arc<Report>, filter: Signal<Filter>, filtered: Signal<Filtered>) -> impl IntoView {
    // Effects run once the view is built: mark when its rows are painted (after the app's page is
    // shown, when it takes over a pre-rendered one).
    Effect::new(|_| crate::app::perf::mark_after_paint("okr-table-painted"));
    // How many rows the reader asked for, under which filter. A new filter starts again from the
    // first page in the same step as its rows, so no rows are built (and kept) for the old count.
    let asked = RwSignal::new((filter.get_untracked(), ROWS_PER_PAGE));
    let limit = Memo::new(move |_| {
        filter.with(|current| asked.with(|(under, rows)| if under == current { *rows } else { ROWS_PER_PAGE }))
    });
    let ask = move |rows: usize| asked.set((filter.get_untracked(), rows));
    let more = Callback::new(move |()| ask(limit.get_untracked().saturating_add(ROWS_PER_PAGE)));
    // A printed report shows every row.
    let print = window_event_listener_untyped("beforeprint", move |_| ask(usize::MAX));
    on_cleanup(move || print.remove());
    let page = Memo::new(move |_| filtered.with(|filtered| filtered.page(limit.get())));
    let objectives = kept(move || page.with(|groups| groups.iter().map(|group| group.objective).collect()));
    let objective_rows = move |objective_index: usize| view! { <ObjectiveRows report=report.clone() objective_index=objective_index page=page /> };
    let hidden = Signal::derive(move || filtered.with(|filtered| filtered.shown).saturating_sub(limit.get()));
    view! {
        <div class="table-scroll">
            <table class="okr-table">
                <caption class="visually-hidden">"Objectives and key results with their status"</caption>
                <thead>
                    <tr>
                        // Element Timing: when the table is first painted (the benchmark reads it).
                        <th scope="col" class="kr-id" elementtiming="okr-table">"Key result"</th>
                        <th scope="col">"Description"</th>
                        <th scope="col" class="kr-status">"Status"</th>
                    </tr>
                </thead>
                // The rows: in a task of their own when the app takes over a pre-rendered page.
                <Later>
                    <For each=move || objectives.get() key=|objective_index| *objective_index children=objective_rows />
                </Later>
            </table>
        </div>
        <MoreRows hidden=hidden more=more />
    }
}

/// The indices `on_page` gives now and every one it gave before, in order: what has been built.
fn kept(on_page: impl Fn() -> Vec<usize> + Send + Sync + 'static) -> Memo<Vec<usize>> {
    Memo::new(move |before: Option<&Vec<usize>>| {
        let mut kept = before.cloned().unwrap_or_default();
        kept.extend(on_page());
        kept.sort_unstable();
        kept.dedup();
        kept
    })
}

/// One objective's row group: its heading row with the count of its key results shown, then its
/// rows built so far, those not on the page hidden (see [`OkrTable`]).
#[component]
fn ObjectiveRows(report: Arc<Report>, objective_index: usize, page: Memo<Vec<PageGroup>>) -> impl IntoView {
    let objective = &report.objectives[objective_index];
    let total = objective.key_results.len();
    let count = move || {
        let shown = on_page(page, objective_index, |group| group.matching).unwrap_or(0);
        if shown == total {
            format!("{total} key results")
        } else {
            format!("{shown} of {total} key results")
        }
    };
    // This objective's rows on the page: a change elsewhere in the table does not reach its rows.
    let shown =
        Memo::new(move |_| on_page(page, objective_index, |group| group.key_results.clone()).unwrap_or_default());
    let key_result_row = {
        let report = report.clone();
        move |index: usize| {
            let hidden = move || shown.with(|shown| !shown.contains(&index));
            view! { <KeyResultRow key_result=report.objectives[objective_index].key_results[index].clone() hidden=hidden /> }
        }
    };
    let rows = kept(move || shown.get());
    let off_page = move || on_page(page, objective_index, |_| ()).is_none();
    view! {
        <tbody class="objective" data-objective=objective.id.clone() hidden=off_page>
            <tr class="objective-row">
                <th colspan="3" scope="colgroup">
                    <span class="objective-id">{format!("Objective {}", objective.id)}</span>
                    {(!objective.title.is_empty()).then_some(": ")}
                    <Inlines inlines=objective.title.clone() />
                    {(total > 0).then(|| view! { <span class="objective-count">{count}</span> })}
                </th>
            </tr>
            {(total == 0).then(|| view! {
                <tr><td colspan="3" class="no-key-results">"No key results listed for this objective."</td></tr>
            })}
            <For each=move || rows.get() key=|index| *index children=key_result_row />
        </tbody>
    }
}

/// One key result's row: its number, its text and its status; `hidden` while it is off the page
/// (see [`OkrTable`]).
#[component]
fn KeyResultRow(key_result: KeyResult, hidden: impl Fn() -> bool + Send + Sync + 'static) -> impl IntoView {
    view! {
        <tr class="key-result" data-kr=key_result.id.clone() hidden=hidden>
            <th scope="row" class="kr-id">{format!("KR {}", key_result.id)}</th>
            <td class="kr-text"><Inlines inlines=key_result.text /></td>
            <td class="kr-status"><StatusBadge status=key_result.status /></td>
        </tr>
    }
}

/// The button under a long table that lays out the next page of rows, while any are `hidden`.
#[component]
fn MoreRows(hidden: Signal<usize>, more: Callback<()>) -> impl IntoView {
    let label = move || {
        let hidden = hidden.get();
        format!("Show {} more ({hidden} not shown yet)", hidden.min(ROWS_PER_PAGE))
    };
    // Built when rows are first left out, not again on each change of their number.
    let any = Memo::new(move |_| hidden.get() > 0);
    move || {
        any.get().then(|| {
            view! {
                <p class="more-rows">
                    <button type="button" class="button" on:click=move |_| more.run(())>
                        {label}
                    </button>
                </p>
            }
        })
    }
}

/// Reads an objective's part of the page, if it is on the page (groups are in report order).
fn on_page<T>(page: Memo<Vec<PageGroup>>, objective_index: usize, read: impl FnOnce(&PageGroup) -> T) -> Option<T> {
    page.with(|groups| {
        groups.binary_search_by_key(&objective_index, |group| group.objective).ok().map(|at| read(&groups[at]))
    })
}

/// Says which filter hides everything, with a way out.
#[component]
fn EmptyState(hider: Option<Hider>, filter: Filter) -> impl IntoView {
    let show = use_filter().show;
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
            <button type="button" class="button" on:click=move |_| show.run(Filter::default())>
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
