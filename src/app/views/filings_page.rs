//! `/filings`: who filed a report for which quarter, initiatives by quarters, from the catalog
//! alone. Each cell says "Filed" (a link to the report) or "Not filed", in words and a symbol.

use super::loading::with_catalog;
use crate::app::site::SITE;
use crate::app::{href, use_catalog};
use leptos::prelude::*;
use quarterly_core::foundation::{FilingGrid, FilingRow};
use quarterly_core::model::Period;
use quarterly_core::url_state::{home_path, report_path};

/// The page's heading (and, with the site's name, its title).
pub const HEADING: &str = "Who filed when";

/// `/filings`: the grid of who filed a report for which quarter.
#[component]
pub fn FilingsPage() -> impl IntoView {
    Effect::new(move |_| document().set_title(&SITE.page_title(HEADING)));
    view! {
        <article class="filings">
            <header class="report-header">
                <p class="initiative">{SITE.reporters()}</p>
                <h1>{HEADING}</h1>
            </header>
            {with_catalog(|| view! { <FilingTable grid=FilingGrid::new(&use_catalog()) /> }.into_any())}
        </article>
    }
}

/// The grid as a table that scrolls sideways on a narrow screen, the initiative column staying.
#[component]
pub fn FilingTable(grid: FilingGrid) -> impl IntoView {
    let (Some(first), Some(last)) = (grid.quarters.first().copied(), grid.quarters.last().copied()) else {
        return view! { <p class="empty-state">"There are no reports published here yet."</p> }.into_any();
    };
    let initiatives = grid.rows.len();
    let summary = format!("{} reports from {initiatives} initiatives, {first} to {last}.", grid.filed());
    let footer = (0..grid.quarters.len())
        .map(|column| view! { <td class="filed-count">{format!("{} of {initiatives}", grid.filed_in(column))}</td> })
        .collect_view();
    let header = grid
        .quarters
        .iter()
        .map(
            |quarter| view! { <th scope="col"><a href=href(&home_path(Some(*quarter)))>{quarter.to_string()}</a></th> },
        )
        .collect_view();
    let quarters = grid.quarters.clone();
    let rows =
        grid.rows.into_iter().map(|row| view! { <FilingTableRow row=row quarters=quarters.clone() /> }).collect_view();
    view! {
        <p class="result-count">{summary}</p>
        <p class="grid-legend">
            <span class="filing-symbol" aria-hidden="true">"●"</span>" Filed (opens the report) · "
            <span class="filing-symbol" aria-hidden="true">"○"</span>" Not filed. A quarter opens that quarter across the initiatives."
        </p>
        <div class="table-scroll filing-scroll" role="region" tabindex="0" aria-label="Filing grid (scrolls sideways)">
            <table class="filing-grid">
                <caption class="visually-hidden">"Reports filed by each initiative, quarter by quarter"</caption>
                <thead><tr><th scope="col" class="initiative-column">"Initiative"</th>{header}</tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr><th scope="row" class="initiative-column">"Filed"</th>{footer}</tr></tfoot>
            </table>
        </div>
    }
    .into_any()
}

/// One initiative's row of the grid: its name, then Filed or Not filed for each quarter.
#[component]
fn FilingTableRow(row: FilingRow, quarters: Vec<Period>) -> impl IntoView {
    let FilingRow { initiative, cells } = row;
    let short = initiative.short().to_string();
    let cells = cells
        .into_iter()
        .zip(quarters)
        .map(|(cell, quarter)| match cell {
            Some(entry) => view! {
                <td class="filing filed">
                    <a href=href(&report_path(&entry.initiative.slug, entry.period))>
                        <span class="filing-symbol" aria-hidden="true">"●"</span>
                        " Filed"
                        <span class="visually-hidden">{format!(": {short}, {quarter}")}</span>
                    </a>
                </td>
            }
            .into_any(),
            None => view! {
                <td class="filing not-filed">
                    <span class="filing-symbol" aria-hidden="true">"○"</span>
                    " Not filed"
                </td>
            }
            .into_any(),
        })
        .collect_view();
    // The full name where there is room, the short one on a phone (quarterly.css).
    let short_differs = initiative.short() != initiative.name;
    view! {
        <tr data-initiative=initiative.slug.clone()>
            <th scope="row" class="initiative-column">
                <span class=if short_differs { "name-full" } else { "" }>{initiative.name.clone()}</span>
                {short_differs.then(|| view! { <span class="name-short">{initiative.short().to_string()}</span> })}
            </th>
            {cells}
        </tr>
    }
}
