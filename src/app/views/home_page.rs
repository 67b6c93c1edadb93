//! `/`: the foundation's quarter at a glance. Every initiative's report for the latest quarter
//! (or `?quarter=…`): its headline, its counts and a link to it; then who has not filed yet, with
//! their newest report.

use super::loading::with_catalog_and;
use super::status_badge::StatusCountBadge;
use crate::app::loaded::FoundationFiles;
use crate::app::site::SITE;
use crate::app::{href, use_catalog};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use quarterly_core::foundation::{latest_quarter, status_counts, Filed, NotFiled, QuarterOverview};
use quarterly_core::model::{Catalog, Period};
use quarterly_core::url_state::{
    asks_path, filings_path, home_path, parse_home, report_path, AskFilter, HOME_PATH, SEARCH_PATH,
};

/// The page's heading (and, with the site's name, its title).
pub fn heading(quarter: Period) -> String {
    format!("{quarter} across the initiatives")
}

/// `/`: one quarter across the initiatives, with the quarter picker and the links across the foundation.
#[component]
pub fn HomePage() -> impl IntoView {
    let files = expect_context::<FoundationFiles>();
    let location = use_location();
    let chosen = Memo::new(move |_| parse_home(&location.search.get()));
    with_catalog_and(files.summary(), "the summary of every report", move |summary| {
        let catalog = use_catalog();
        let Some(latest) = latest_quarter(&catalog) else {
            return view! { <p class="empty-state">"There are no reports published here yet."</p> }.into_any();
        };
        let quarter = Memo::new(move |_| chosen.get().unwrap_or(latest));
        Effect::new(move |_| document().set_title(&SITE.page_title(&heading(quarter.get()))));
        let quarters = catalog.periods();
        // Only the quarter's part changes with the address: the picker stays, and keeps focus.
        let overview = move || {
            let overview = QuarterOverview::new(&catalog, &summary, quarter.get());
            view! { <QuarterView overview=overview /> }
        };
        view! {
            <article class="home">
                <header class="report-header">
                    <p class="initiative">{SITE.reporters()}</p>
                    <h1>{move || heading(quarter.get())}</h1>
                </header>
                <div class="home-toolbar">
                    <QuarterPicker quarters=quarters current=quarter.into() />
                    <nav class="home-links" aria-label="Across the foundation">
                        <a class="button" href=href(&filings_path())>"Who filed when"</a>
                        <a class="button" href=move || href(&asks_path(&AskFilter { quarter: Some(quarter.get()), initiative: None }))>
                            {SITE.asks_title()}
                        </a>
                        <a class="button" href=href(SEARCH_PATH)>"Search every report"</a>
                    </nav>
                </div>
                {overview}
            </article>
        }
        .into_any()
    })
}

/// Chooses the quarter: a form that works as a plain GET without the app, and navigates at once
/// with it.
#[component]
fn QuarterPicker(
    /// Every quarter with a report, newest first.
    quarters: Vec<Period>,
    /// The quarter shown.
    current: Signal<Period>,
) -> impl IntoView {
    let navigate = use_navigate();
    let go = move |slug: String| {
        let quarter = Period::from_slug(&slug);
        navigate(&home_path(quarter), NavigateOptions { scroll: false, ..NavigateOptions::default() });
    };
    let on_change = {
        let go = go.clone();
        move |ev: leptos::ev::Event| go(event_target_value(&ev))
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go(current.get_untracked().slug());
    };
    view! {
        <form class="picker" method="get" action=href(HOME_PATH) on:submit=on_submit>
            <div class="filter-field">
                <label for="home-quarter">"Quarter"</label>
                <select id="home-quarter" name="quarter" on:change=on_change>
                    {quarters
                        .into_iter()
                        .map(|quarter| {
                            view! { <option value=quarter.slug() selected=move || current.get() == quarter>{quarter.to_string()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button">"Show"</button>
        </form>
    }
}

/// One quarter: who filed (with headline and counts) and who has not.
#[component]
fn QuarterView(overview: QuarterOverview) -> impl IntoView {
    let quarter = overview.quarter;
    let total = overview.filed.len() + overview.not_filed.len();
    let missing_words =
        if overview.is_latest { format!("Not filed yet for {quarter}") } else { format!("Not filed for {quarter}") };
    let asks = match overview.asks {
        0 => "no questions or funding requests".to_string(),
        1 => "1 question or funding request".to_string(),
        n => format!("{n} questions and funding requests"),
    };
    let asks_link = href(&asks_path(&AskFilter { quarter: Some(quarter), initiative: None }));
    view! {
        <p class="home-summary" role="status">
            {format!("{} of {total} initiatives filed a report for {quarter}, with ", overview.filed.len())}
            <a href=asks_link>{format!("{asks} for the {}", SITE.governing_body)}</a>
            "."
        </p>
        <section class="report-section" id="filed" aria-labelledby="filed-title">
            <h2 id="filed-title">{format!("Filed for {quarter}")}</h2>
            {if overview.filed.is_empty() {
                view! { <p class="empty-state">{format!("No initiative has filed a report for {quarter}.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="initiative-cards">
                        {overview.filed.into_iter().map(|filed| view! { <FiledCard filed=filed /> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
        {(!overview.not_filed.is_empty()).then(|| view! {
            <section class="report-section" id="not-filed" aria-labelledby="not-filed-title">
                <h2 id="not-filed-title">{missing_words.clone()}</h2>
                <ul class="not-filed-list">
                    {overview.not_filed.into_iter().map(|missing| view! { <NotFiledItem missing=missing words=missing_words.clone() /> }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// What the name of a kind of initiative reads as beside its name ("Working group").
fn kind_words(kind: &str) -> Option<String> {
    (!kind.trim().is_empty()).then(|| kind.trim().to_string())
}

/// An initiative that filed for the quarter: its headline and counts, and a link to its report.
#[component]
fn FiledCard(filed: Filed) -> impl IntoView {
    let Filed { initiative, entry, summary } = filed;
    let link = href(&report_path(&entry.initiative.slug, entry.period));
    let period = entry.period;
    let details = match summary {
        None => view! { <p class="headline muted">"The summary of this report is not available: open the report."</p> }
            .into_any(),
        Some(report) => {
            let counts = status_counts(&report);
            let key_results: usize = counts.iter().map(|(_, count)| count).sum();
            let mut parts = Vec::new();
            match report.activities {
                0 => {}
                1 => parts.push("1 activity".to_string()),
                n => parts.push(format!("{n} activities")),
            }
            match key_results {
                0 => {}
                1 => parts.push("1 key result".to_string()),
                n => parts.push(format!("{n} key results")),
            }
            let count_words =
                if parts.is_empty() { "No activities or key results listed".to_string() } else { parts.join(" · ") };
            let headline = report.headline.trim().to_string();
            view! {
                {if headline.is_empty() {
                    view! { <p class="headline muted">"No overview in this report."</p> }.into_any()
                } else {
                    view! { <p class="headline">{headline}</p> }.into_any()
                }}
                <p class="counts">{count_words}</p>
                {(!counts.is_empty()).then(|| view! {
                    <ul class="status-counts" aria-label="Key results by status">
                        {counts.into_iter().map(|(kind, count)| view! { <li><StatusCountBadge kind=kind count=count /></li> }).collect_view()}
                    </ul>
                })}
            }
            .into_any()
        }
    };
    view! {
        <li class="initiative-card home-initiative" data-initiative=initiative.slug.clone()>
            <h3>{initiative.name.clone()}</h3>
            {kind_words(&initiative.kind).map(|kind| view! { <p class="initiative-kind">{kind}</p> })}
            {details}
            <p class="card-link">
                <a href=link>
                    {format!("Open the {period} report")}
                    <span class="visually-hidden">{format!(" of {}", initiative.name)}</span>
                </a>
            </p>
        </li>
    }
}

/// An initiative that has not filed for the quarter, with a link to its newest report.
#[component]
fn NotFiledItem(missing: NotFiled, words: String) -> impl IntoView {
    let NotFiled { initiative, newest } = missing;
    view! {
        <li class="not-filed-item home-initiative" data-initiative=initiative.slug.clone()>
            <span class="initiative-name">{initiative.name.clone()}</span>
            {kind_words(&initiative.kind).map(|kind| view! { <span class="initiative-kind">{format!(" ({kind})")}</span> })}
            " "
            <span class="filing-state not-filed-state">
                <span class="filing-symbol" aria-hidden="true">"○"</span>
                {format!(" {words}")}
            </span>
            {newest.map(|entry| view! {
                " "
                <a href=href(&report_path(&entry.initiative.slug, entry.period))>
                    {format!("Newest report: {}", entry.period)}
                    <span class="visually-hidden">{format!(" of {}", initiative.name)}</span>
                </a>
            })}
        </li>
    }
}

/// The latest quarter's heading, for the pre-rendered page's title.
pub fn default_heading(catalog: &Catalog) -> Option<String> {
    latest_quarter(catalog).map(heading)
}
