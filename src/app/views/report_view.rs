//! One report, every section of it, with the OKR filter bound to the URL.

use super::activities::ActivityList;
use super::changes::SinceLastQuarter;
use super::embed_panel::EmbedPanel;
use super::later::Later;
use super::news_list::{EventList, NewsList};
use super::okr_table::{OkrSection, OkrTable};
use super::report_nav::ReportNav;
use super::rich_text::{Blocks, HeadingText};
use super::status_chart::StatusChart;
use crate::app::embed::SectionView;
use crate::app::filter_state::{use_filter, FilterState};
use crate::app::site::SITE;
use crate::app::{href, use_catalog, ViewContext};
use leptos::prelude::*;
use quarterly_core::filter::{apply, Filter, SearchIndex};
use quarterly_core::model::anchor::{self, Part};
use quarterly_core::model::{Block, Period, Report, Section};
use quarterly_core::url_state::{report_path, EmbedSection};
use std::sync::Arc;

/// The months a quarter covers, for the header.
fn months(period: Period) -> String {
    let months = match period.quarter {
        1 => "January – March",
        2 => "April – June",
        3 => "July – September",
        _ => "October – December",
    };
    format!("{months} {}", period.year)
}

/// A section of the report, titled, its id the target of links to it (`#okrs`).
fn section(part: Part, title: &'static str, content: impl IntoView) -> impl IntoView {
    let id = part.id();
    view! {
        <section class="report-section" id=id aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{title}</h2>
            {content}
        </section>
    }
}

/// A report-wide section of rich text, when the report has it; `ask` sets the asks apart.
fn prose(part: Part, title: &str, blocks: &[Block], ask: bool) -> Option<AnyView> {
    (!blocks.is_empty()).then(|| {
        let id = part.id();
        view! {
            <section class="report-section" class:report-ask=ask id=id aria-labelledby=format!("{id}-title")>
                <h2 id=format!("{id}-title")>{ask.then(|| view! { <span class="ask-badge">"Ask"</span> " " })}{title.to_string()}</h2>
                <Blocks blocks=blocks.to_vec() />
            </section>
        }
        .into_any()
    })
}

/// A section the template does not have, under the author's heading (a link when it was one).
#[component]
fn OtherSection(section: Section, index: usize) -> impl IntoView {
    view! {
        <section class="report-section" id=anchor::other_section(index)>
            <h2><HeadingText text=section.heading link=section.link /></h2>
            <Blocks blocks=section.blocks />
        </section>
    }
}

/// A report as its page shows it (or, embedded with a section chosen, that section), with the
/// filter bound to the address.
#[component]
pub fn ReportView(report: Arc<Report>) -> impl IntoView {
    provide_context(FilterState::from_address());
    let ViewContext(options) = expect_context::<ViewContext>();
    let options = options.get_untracked();
    let title = report.title.clone();
    Effect::new(move |_| document().set_title(&SITE.page_title(&title)));
    match (options.embed, options.section) {
        (true, Some(section)) => view! { <EmbeddedSection report=report section=section /> }.into_any(),
        _ => view! { <FullReport report=report embedded=options.embed /> }.into_any(),
    }
}

/// One section of a report in an iframe: the report's name, the section, and a way to the full
/// report.
#[component]
fn EmbeddedSection(report: Arc<Report>, section: EmbedSection) -> impl IntoView {
    let path = report_path(&report.initiative.slug, report.period);
    view! {
        <article class="report">
            <SectionView report=report.clone() section=Some(section) />
            <p class="embed-open">
                <a href=href(&path) target="_blank" rel="noopener noreferrer">{format!("Open the full {} report", report.title)}</a>
            </p>
        </article>
    }
}

/// Every section of a report, under the toolbar (none when `embedded`).
#[component]
fn FullReport(report: Arc<Report>, embedded: bool) -> impl IntoView {
    let has_okrs = !report.objectives.is_empty() || !report.objectives_notes.is_empty();
    let has_news = !report.news.is_empty() || !report.news_notes.is_empty();
    // The sections below the key results: a task after them, when taking over.
    let rest = report.clone();
    view! {
        <article class="report">
            {(!embedded).then(|| view! { <Later clone:report><ReportToolbar report=report.clone() /></Later> })}
            <header class="report-header">
                <p class="initiative">{report.initiative.name.clone()}</p>
                <h1>{report.title.clone()}</h1>
                <p class="period">{months(report.period)}</p>
            </header>
            {(!report.overview.is_empty()).then(|| section(Part::Overview, "Overview", view! { <Blocks blocks=report.overview.clone() /> }))}
            {has_okrs.then(|| section(Part::Okrs, "Objectives & key results", view! { <OkrPart report=report.clone() embedded=embedded /> }))}
            <Later>
                {(!rest.activities.is_empty()).then(|| section(Part::Activities, "Activities", view! {
                    <ActivityList activities=rest.activities.clone() />
                }))}
                {has_news.then(|| section(Part::News, "News, blogs and media", view! {
                    <NewsList news=rest.news.clone() notes=rest.news_notes.clone() />
                }))}
                {(!rest.upcoming_events.is_empty()).then(|| section(Part::Events, "Upcoming events", view! { <EventList events=rest.upcoming_events.clone() /> }))}
                {prose(Part::Questions, &format!("Questions for the {}", SITE.governing_body), &rest.questions_for_tac, true)}
                {prose(Part::Funding, "Funding requests", &rest.funding_requests, true)}
                {prose(Part::Participation, "Participation", &rest.participation, false)}
                {prose(Part::Additional, "Additional information", &rest.additional_information, false)}
                {rest.other_sections.iter().cloned().enumerate().map(|(index, other)| view! { <OtherSection section=other index=index /> }).collect_view()}
            </Later>
            <footer class="report-source">
                {format!("Imported from {} · report text by its authors, CC-BY-4.0", report.source)}
            </footer>
        </article>
    }
}

/// Above a report: moving to other reports, and the Embed button.
#[component]
fn ReportToolbar(report: Arc<Report>) -> impl IntoView {
    let (slug, period) = (&report.initiative.slug, report.period);
    let data_path = use_catalog().find(slug, period).map(|entry| entry.path.clone());
    let filter = use_filter().filter;
    view! {
        <div class="report-toolbar">
            <ReportNav initiative=slug.clone() period=period />
            <EmbedPanel title=report.title.clone() path=report_path(slug, period) filter=filter data_path=data_path.unwrap_or_default() />
        </div>
    }
}

/// The objectives and key results: the author's notes, the status chart, the changes since the
/// previous report and the filtered table (downloadable, unless `embedded`).
#[component]
fn OkrPart(report: Arc<Report>, embedded: bool) -> impl IntoView {
    let has_key_results = report.key_results().next().is_some();
    let previous = use_catalog().previous(&report.initiative.slug, report.period).cloned();
    view! {
        <Blocks blocks=report.objectives_notes.clone() />
        <Later clone:report>
            {has_key_results.then(|| view! { <StatusChart report=report.clone() /> })}
            {previous.map(|previous| view! { <SinceLastQuarter previous=previous report=report.clone() /> })}
        </Later>
        {if has_key_results {
            view! { <OkrSection report=report.clone() downloadable=!embedded /> }.into_any()
        } else {
            // Objectives without key results (bullets): nothing to filter.
            let everything = apply(&report, &SearchIndex::new(&report), &Filter::default());
            view! { <OkrTable report=report.clone() filter=Signal::derive(Filter::default) filtered=Signal::stored(everything) /> }.into_any()
        }}
    }
}
