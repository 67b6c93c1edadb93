//! `/<initiative>/history`: every key result of an initiative across its quarters.

use super::download::Download;
use super::embed_panel::EmbedPanel;
use super::later::Later;
use super::loading::{with_catalog, Await, Loading};
use super::not_found::NotFound;
use super::report_page::MovedTo;
use super::status_badge::StatusBadge;
use crate::app::loaded::load_history;
use crate::app::{href, use_catalog, ViewContext};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use quarterly_core::export;
use quarterly_core::filter::Filter;
use quarterly_core::history::{timeline, Appearance, KeyResultTrack, Timeline};
use quarterly_core::model::{Initiative, Period};
use quarterly_core::url_state::{history_path, print_query, report_path};

/// `/<initiative>/history`: an initiative's key results across its quarters (or why there are none).
#[component]
pub fn HistoryPage() -> impl IntoView {
    let params = use_params_map();
    with_catalog(move || {
        let catalog = use_catalog();
        let slug = params.with(|p| p.get("initiative")).unwrap_or_default();
        // The initiative's name as the catalog first gives it.
        let (Some(first), Some(newest)) = (catalog.reports_of(&slug).next(), catalog.newest(&slug)) else {
            return match catalog.canonical_initiative(&slug) {
                Some(canonical) if canonical != slug => view! { <MovedTo path=history_path(canonical) /> }.into_any(),
                _ => view! { <NotFound message=format!("There is no initiative called “{slug}” here.") /> }.into_any(),
            };
        };
        view! { <HistoryLoader initiative=first.initiative.clone() newest=newest.period /> }.into_any()
    })
}

/// An initiative's history (`newest`: its newest report's quarter): toolbar, heading and the table
/// once loaded.
#[component]
fn HistoryLoader(initiative: Initiative, newest: Period) -> impl IntoView {
    let Initiative { name, slug } = initiative;
    let ViewContext(options) = expect_context::<ViewContext>();
    let embedded = options.get_untracked().embed;
    Effect::new({
        let name = name.clone();
        move |_| document().set_title(&crate::app::site::SITE.page_title(&format!("{name}: history")))
    });
    // One file for every quarter (the importer's history file), never one request per report.
    let loaded = load_history(&slug);
    view! {
        <article class="history">
            {(!embedded).then(|| view! {
                <div class="report-toolbar">
                    <nav class="report-nav" aria-label="Reports">
                        <a class="button" href=href(&report_path(&slug, newest))>{format!("← {newest} report")}</a>
                    </nav>
                    <EmbedPanel title=format!("{name}: every key result, quarter by quarter") path=history_path(&slug) filter=Signal::derive(Filter::default) />
                </div>
            })}
            <header class="report-header">
                <p class="initiative">{name.clone()}</p>
                <h1>"Every key result, quarter by quarter"</h1>
            </header>
            {Await::new(loaded, "the history of every quarter")
                .loading(|| view! { <Loading what="every quarter" /> }.into_any())
                .ready(move |history| {
                    let timeline = timeline(&history.reports.iter().collect::<Vec<_>>());
                    view! { <HistoryTable timeline=timeline initiative=slug.clone() downloadable=!embedded /> }.into_any()
                })}
        </article>
    }
}

/// Where a cell's link goes: that quarter's report, filtered to the key result.
fn cell_href(initiative: &str, period: Period, id: &str) -> String {
    let filter = Filter { text: format!("KR {id}"), ..Filter::default() };
    href(&format!("{}{}", report_path(initiative, period), print_query(&filter)))
}

/// The table of every key result (rows, by objective) in every quarter (columns), with its legend
/// and, when `downloadable`, its download.
#[component]
fn HistoryTable(timeline: Timeline, initiative: String, downloadable: bool) -> impl IntoView {
    let periods = timeline.periods.clone();
    let groups = timeline.grouped();
    let header = periods
        .iter()
        .map(|period| view! { <th scope="col"><a href=href(&report_path(&initiative, *period))>{period.to_string()}</a></th> })
        .collect_view();
    let download = downloadable.then(|| {
        let name = format!("{initiative}-history");
        let timeline = timeline.clone();
        view! { <Download what="every key result by quarter" name=name table=move || export::history(&timeline) /> }
    });
    // Built in the table's own task when the app takes over (see `Later`).
    let body = move || {
        groups
            .into_iter()
            .map(|(objective_index, rows)| {
                let rows_view = rows
                    .into_iter()
                    .map(|row| view! { <HistoryRow track=timeline.key_results[row].clone() periods=periods.clone() initiative=initiative.clone() /> })
                    .collect_view();
                view! {
                    <tbody class="objective">
                        {objective_rows(&timeline, objective_index)}
                        {rows_view}
                    </tbody>
                }
            })
            .collect_view()
    };
    view! {
        {download}
        <p class="history-legend">
            "Key results are matched by number while their text stays alike. "
            <span class="legend-changed">"Bold outlined"</span>
            " cells changed status; ✎ marks a change of wording (open it for the old and new text); — means not in that report."
        </p>
        <div class="table-scroll" tabindex="0" role="group" aria-label="Table (scrolls sideways)">
            <table class="history-table">
                <caption class="visually-hidden">"Status of each key result in each quarter"</caption>
                <thead><tr><th scope="col">"Key result"</th>{header}</tr></thead>
                <Later>{body()}</Later>
            </table>
        </div>
    }
}

/// An objective's heading row (its latest title, the quarters it spans, its rewordings), and a
/// row saying so when it has no key results.
fn objective_rows(timeline: &Timeline, objective_index: usize) -> impl IntoView {
    let objective = &timeline.objectives[objective_index];
    let titles: Vec<&String> = objective.titles.iter().flatten().collect();
    let latest = titles.last().map(|t| t.to_string()).unwrap_or_default();
    let first = timeline.periods[objective.titles.iter().position(Option::is_some).unwrap_or(0)];
    let last = timeline.periods[objective.titles.iter().rposition(Option::is_some).unwrap_or(0)];
    let span = if first == last { format!("{first}") } else { format!("{first} – {last}") };
    let reworded = titles.windows(2).any(|pair| pair[0] != pair[1]);
    let no_key_results = timeline.key_results.iter().all(|t| t.objective != objective_index);
    let columns = timeline.periods.len() + 1;
    view! {
        <tr class="objective-row">
            <th colspan=columns scope="colgroup">
                <span class="objective-id">{format!("Objective {}", objective.id)}</span>
                {format!(": {latest} ")}
                <span class="objective-count">{span}</span>
                {reworded.then(|| view! {
                    <details class="wording">
                        <summary>"✎ title reworded"</summary>
                        <ul>{titles.iter().map(|t| view! { <li>{t.to_string()}</li> }).collect_view()}</ul>
                    </details>
                })}
            </th>
        </tr>
        {no_key_results.then(|| view! {
            <tr><td colspan=columns class="no-key-results">"No key results listed for this objective (it has no statuses to follow)."</td></tr>
        })}
    }
}

/// A key result's row: its latest number and text, then a cell per quarter.
#[component]
fn HistoryRow(track: KeyResultTrack, periods: Vec<Period>, initiative: String) -> impl IntoView {
    let latest = track.latest().clone();
    let cells = track
        .cells
        .iter()
        .zip(&periods)
        .map(|(cell, period)| view! { <HistoryCell cell=cell.clone() period=*period initiative=initiative.clone() /> })
        .collect_view();
    view! {
        <tr class="history-row" data-kr=latest.id.clone()>
            <th scope="row"><span class="kr-id">{format!("KR {}", latest.id)}</span> " " <span class="history-text">{latest.text}</span></th>
            {cells}
        </tr>
    }
}

/// A key result in one quarter: its status and what changed, linked to it there; or a dash when absent.
#[component]
fn HistoryCell(cell: Option<Appearance>, period: Period, initiative: String) -> impl IntoView {
    let Some(cell) = cell else {
        return view! { <td class="absent"><span aria-hidden="true">"—"</span><span class="visually-hidden">{format!("not in {period}")}</span></td> }.into_any();
    };
    let changed = cell.status_from.clone();
    let class = if changed.is_some() { "history-cell changed" } else { "history-cell" };
    let link = cell_href(&initiative, period, &cell.id);
    let from_words = changed.as_ref().map(|from| {
        let label = from.as_ref().map_or("no status".to_string(), |s| s.kind.label().to_string());
        format!("changed from {label}")
    });
    view! {
        <td class=class>
            <a href=link class="cell-link">
                <StatusBadge status=cell.status.clone() />
                {from_words.map(|words| view! { <span class="change-note">{words}</span> })}
            </a>
            {cell.renumbered_from.clone().map(|old| view! { <span class="change-note">{format!("was KR {old}")}</span> })}
            {cell.wording_from.clone().map(|old| view! {
                <details class="wording">
                    <summary>"✎ reworded"</summary>
                    <p><strong>"Before: "</strong>{old}</p>
                    <p><strong>"Now: "</strong>{cell.text.clone()}</p>
                </details>
            })}
        </td>
    }
    .into_any()
}
