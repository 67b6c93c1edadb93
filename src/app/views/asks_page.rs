//! `/tac`: every question for the governing body and every funding request of a quarter, across
//! initiatives, each linked to its place in its report. Filtered by quarter and initiative in the
//! URL (`?quarter=2025-q4&initiative=vd-wg`).

use super::download::Download;
use super::loading::with_catalog_and;
use super::rich_text::Blocks;
use crate::app::loaded::FoundationFiles;
use crate::app::site::SITE;
use crate::app::{absolute_url, href, use_catalog};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use quarterly_core::export;
use quarterly_core::foundation::{asks_by_quarter, asks_for, initiatives, latest_quarter, InitiativeAsks, QuarterAsks};
use quarterly_core::model::registry::InitiativeEntry;
use quarterly_core::model::summary::{Ask, AskKind};
use quarterly_core::model::Period;
use quarterly_core::url_state::{asks_path, parse_asks, report_path, AskFilter, ASKS_PATH};

/// A question or a funding request, in words.
pub fn kind_label(kind: AskKind) -> String {
    match kind {
        AskKind::Question => format!("Question for the {}", SITE.governing_body),
        AskKind::Funding => "Funding request".to_string(),
    }
}

fn kind_symbol(kind: AskKind) -> &'static str {
    match kind {
        AskKind::Question => "?",
        AskKind::Funding => "¤",
    }
}

fn kind_slug(kind: AskKind) -> &'static str {
    match kind {
        AskKind::Question => "question",
        AskKind::Funding => "funding",
    }
}

/// "3 questions and funding requests", "1 question or funding request", "no questions…".
fn count_words(count: usize) -> String {
    match count {
        0 => "No questions or funding requests".to_string(),
        1 => "1 question or funding request".to_string(),
        n => format!("{n} questions and funding requests"),
    }
}

/// `/tac`: a quarter's questions for the governing body and funding requests, by initiative.
#[component]
pub fn AsksPage() -> impl IntoView {
    let files = expect_context::<FoundationFiles>();
    let location = use_location();
    let filter = Memo::new(move |_| parse_asks(&location.search.get()));
    let title = SITE.asks_title();
    Effect::new({
        let title = title.clone();
        move |_| document().set_title(&SITE.page_title(&title))
    });
    view! {
        <article class="asks-page">
            <header class="report-header">
                <p class="initiative">{SITE.reporters()}</p>
                <h1>{title}</h1>
                <p class="period">
                    {format!("Questions for the {} ({}) and funding requests, as each initiative's report puts them.", SITE.governing_body, SITE.governing_body_name)}
                </p>
            </header>
            {with_catalog_and(files.summary(), "the summary of every report", move |summary| {
                let catalog = use_catalog();
                let Some(latest) = latest_quarter(&catalog) else {
                    return view! { <p class="empty-state">"There are no reports published here yet."</p> }.into_any();
                };
                let counts = asks_by_quarter(&catalog, &summary);
                let everyone = initiatives(&catalog);
                // Only the list changes with the address: the form stays, and keeps focus.
                let list = {
                    let counts = counts.clone();
                    let everyone = everyone.clone();
                    move || {
                        let filter = filter.get();
                        let quarter = filter.quarter.unwrap_or(latest);
                        let asks = asks_for(&catalog, &summary, quarter, filter.initiative.as_deref());
                        let initiative = filter.initiative.as_ref().and_then(|slug| everyone.iter().find(|i| &i.slug == slug).cloned());
                        view! { <AskList asks=asks quarter=quarter initiative=initiative counts=counts.clone() /> }
                    }
                };
                view! {
                    <AskFilterForm counts=counts initiatives=everyone latest=latest filter=filter.into() />
                    {list}
                }
                .into_any()
            })}
        </article>
    }
}

/// Quarter and initiative: a form that works as a plain GET without the app, and navigates at
/// once with it.
#[component]
fn AskFilterForm(
    /// Every quarter with a report and its number of asks, newest first.
    counts: Vec<(Period, usize)>,
    /// Every initiative, in the registry's order.
    initiatives: Vec<InitiativeEntry>,
    /// The quarter shown when the address names none.
    latest: Period,
    /// The filter from the address.
    filter: Signal<AskFilter>,
) -> impl IntoView {
    let go = show_asks();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go(filter.get_untracked());
    };
    view! {
        <form class="filter-bar asks-filter" method="get" action=href(ASKS_PATH) aria-label="Choose the quarter and initiative" on:submit=on_submit>
            <AskQuarterChoice counts=counts latest=latest filter=filter />
            <AskInitiativeChoice initiatives=initiatives filter=filter />
            <button type="submit" class="button">"Show"</button>
        </form>
    }
}

/// Navigates to the asks a filter chooses.
fn show_asks() -> impl Fn(AskFilter) + Clone + 'static {
    let navigate = use_navigate();
    move |next: AskFilter| navigate(&asks_path(&next), NavigateOptions { scroll: false, ..NavigateOptions::default() })
}

/// The quarter select, each quarter with its number of asks.
#[component]
fn AskQuarterChoice(counts: Vec<(Period, usize)>, latest: Period, filter: Signal<AskFilter>) -> impl IntoView {
    let go = show_asks();
    let on_quarter = move |ev: leptos::ev::Event| {
        go(AskFilter { quarter: Period::from_slug(&event_target_value(&ev)), ..filter.get_untracked() })
    };
    let shown_quarter = move || filter.get().quarter.unwrap_or(latest);
    view! {
        <div class="filter-field">
            <label for="asks-quarter">"Quarter"</label>
            <select id="asks-quarter" name="quarter" on:change=on_quarter>
                {counts
                    .into_iter()
                    .map(|(quarter, count)| {
                        view! { <option value=quarter.slug() selected=move || shown_quarter() == quarter>{format!("{quarter} ({count})")}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The initiative select: every initiative, or one.
#[component]
fn AskInitiativeChoice(initiatives: Vec<InitiativeEntry>, filter: Signal<AskFilter>) -> impl IntoView {
    let go = show_asks();
    let on_initiative = move |ev: leptos::ev::Event| {
        let slug = event_target_value(&ev);
        go(AskFilter { initiative: (!slug.is_empty()).then_some(slug), ..filter.get_untracked() })
    };
    view! {
        <div class="filter-field">
            <label for="asks-initiative">"Initiative"</label>
            <select id="asks-initiative" name="initiative" on:change=on_initiative>
                <option value="" selected=move || filter.get().initiative.is_none()>"Every initiative"</option>
                {initiatives
                    .into_iter()
                    .map(|initiative| {
                        let slug = initiative.slug.clone();
                        let selected = move || filter.get().initiative.as_deref() == Some(slug.as_str());
                        view! { <option value=initiative.slug.clone() selected=selected>{initiative.name.clone()}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The asks of the quarter, by initiative; or a clear empty state with the quarters that have some.
#[component]
fn AskList(
    asks: QuarterAsks,
    quarter: Period,
    initiative: Option<InitiativeEntry>,
    counts: Vec<(Period, usize)>,
) -> impl IntoView {
    let total = asks.count();
    let QuarterAsks { groups } = asks;
    let from = initiative.as_ref().map(|i| format!(" from {}", i.short())).unwrap_or_default();
    if total == 0 {
        let others: Vec<(Period, usize)> =
            counts.into_iter().filter(|(q, count)| *q != quarter && *count > 0).collect();
        let slug = initiative.as_ref().map(|i| i.slug.clone());
        return view! {
            <div class="empty-state asks-empty">
                <p role="status"><strong>{format!("No questions or funding requests{from} for {quarter}")}</strong></p>
                {slug.clone().map(|_| view! {
                    <p><a href=href(&asks_path(&AskFilter { quarter: Some(quarter), initiative: None }))>{format!("Every initiative's for {quarter}")}</a></p>
                })}
                {(!others.is_empty()).then(|| view! {
                    <p>"Other quarters: "
                        {others.into_iter().enumerate().map(|(index, (other, count))| view! {
                            {(index > 0).then_some(", ")}
                            <a href=href(&asks_path(&AskFilter { quarter: Some(other), initiative: None }))>{format!("{other} ({count})")}</a>
                        }).collect_view()}
                    </p>
                })}
            </div>
        }
        .into_any();
    }
    let reports = match groups.len() {
        1 => "1 report".to_string(),
        n => format!("{n} reports"),
    };
    let summary = format!("{}{from} for {quarter}, in {reports}", count_words(total));
    // "for-the-tac-2025-q4", then the initiative when one is chosen.
    let mut name = format!("{}-{}", SITE.asks_title().to_lowercase().replace(' ', "-"), quarter.slug());
    if let Some(initiative) = &initiative {
        name = format!("{name}-{}", initiative.slug);
    }
    let table = {
        let asks = QuarterAsks { groups: groups.clone() };
        move || {
            export::asks(&asks, kind_label, |slug, period, ask| {
                absolute_url(&format!("{}#{}", report_path(slug, period), ask.anchor))
            })
        }
    };
    view! {
        <div class="result-bar">
            <p class="result-count" role="status">{summary}</p>
            <Download what="these questions and funding requests" name=name table=table />
        </div>
        {groups.into_iter().map(|group| view! { <AskGroup group=group /> }).collect_view()}
    }
    .into_any()
}

/// One initiative's asks of the quarter, under its name.
#[component]
fn AskGroup(group: InitiativeAsks) -> impl IntoView {
    let InitiativeAsks { initiative, period, asks } = group;
    let id = format!("asks-{}", initiative.slug);
    let labelled_by = id.clone();
    let report = report_path(&initiative.slug, period);
    view! {
        <section class="report-section ask-group" data-initiative=initiative.slug.clone() aria-labelledby=labelled_by>
            <h2 id=id>{initiative.name.clone()}</h2>
            <ul class="asks">
                {asks.into_iter().map(|ask| view! { <AskItem ask=ask report=report.clone() period=period /> }).collect_view()}
            </ul>
        </section>
    }
}

/// One ask: question or funding request, its activity, what it says and a link to it in the report.
#[component]
fn AskItem(ask: Ask, report: String, period: Period) -> impl IntoView {
    let Ask { kind, activity, anchor, content } = ask;
    let link = href(&format!("{report}#{anchor}"));
    view! {
        <li class=format!("ask ask-item ask-{}", kind_slug(kind))>
            <p class="ask-meta">
                <span class=format!("ask-kind ask-kind-{}", kind_slug(kind))>
                    <span class="ask-symbol" aria-hidden="true">{kind_symbol(kind)}</span>
                    {format!(" {}", kind_label(kind))}
                </span>
                {activity.map(|activity| view! { " · " <span class="ask-activity">{format!("Activity: {activity}")}</span> })}
            </p>
            <div class="ask-content"><Blocks blocks=content /></div>
            <p class="ask-link"><a href=link>{format!("Read it in the {period} report")}</a></p>
        </li>
    }
}
