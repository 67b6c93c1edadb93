//! One report, every section of it, with the OKR filter bound to the URL.

use super::activities::ActivityList;
use super::changes::SinceLastQuarter;
use super::embed_panel::EmbedPanel;
use super::news_list::{EventList, NewsList};
use super::okr_table::{OkrSection, OkrTable};
use super::report_nav::ReportNav;
use super::rich_text::{Blocks, HeadingText};
use super::status_chart::StatusChart;
use crate::app::embed::SectionView;
use crate::app::filter_state::FilterState;
use crate::app::site::SITE;
use crate::app::{href, use_catalog, ViewContext};
use crate::filter::{apply, Filter, SearchIndex};
use crate::model::anchor::{self, Part};
use crate::model::{Block, Period, Report, Section};
use crate::url_state::report_path;
use leptos::prelude::*;
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

#[component]
pub fn ReportView(report: Arc<Report>) -> impl IntoView {
    let catalog = use_catalog();
    let state = FilterState::from_address();
    provide_context(state);
    let filter = state.filter;
    let ViewContext(options) = expect_context::<ViewContext>();
    let options = options.get_untracked();
    let title = report.title.clone();
    Effect::new(move |_| document().set_title(&SITE.page_title(&title)));

    let report_data = (*report).clone();
    let section = |part: Part, title: &'static str, content: AnyView| {
        let id = part.id();
        view! {
            <section class="report-section" id=id aria-labelledby=format!("{id}-title")>
                <h2 id=format!("{id}-title")>{title}</h2>
                {content}
            </section>
        }
    };
    let has_okrs = !report_data.objectives.is_empty() || !report_data.objectives_notes.is_empty();
    let previous = catalog.previous(&report_data.initiative.slug, report_data.period).cloned();
    let has_key_results = report_data.key_results().next().is_some();
    let path = report_path(&report_data.initiative.slug, report_data.period);
    if let (true, Some(section)) = (options.embed, options.section) {
        // An embedded section: the report's name, the section, and a way to the full report.
        return view! {
            <article class="report">
                <SectionView report=report.clone() section=Some(section) />
                <p class="embed-open">
                    <a href=href(&path) target="_blank" rel="noopener noreferrer">{format!("Open the full {} report", report_data.title)}</a>
                </p>
            </article>
        }
        .into_any();
    }
    let data_path = catalog.find(&report_data.initiative.slug, report_data.period).map(|entry| entry.path.clone());
    let chrome = (!options.embed).then(|| view! {
        <div class="report-toolbar">
            <ReportNav initiative=report_data.initiative.slug.clone() period=report_data.period />
            <EmbedPanel title=report_data.title.clone() path=path.clone() filter=filter data_path=data_path.unwrap_or_default() />
        </div>
    });
    view! {
        <article class="report">
            {chrome}
            <header class="report-header">
                <p class="initiative">{report_data.initiative.name.clone()}</p>
                <h1>{report_data.title.clone()}</h1>
                <p class="period">{months(report_data.period)}</p>
            </header>
            {(!report_data.overview.is_empty()).then(|| section(Part::Overview, "Overview", view! { <Blocks blocks=report_data.overview.clone() /> }.into_any()))}
            {has_okrs.then(|| section(Part::Okrs, "Objectives & key results", view! {
                <Blocks blocks=report_data.objectives_notes.clone() />
                {has_key_results.then(|| view! { <StatusChart report=report.clone() /> })}
                {previous.clone().map(|previous| view! { <SinceLastQuarter previous=previous report=report.clone() /> })}
                {if has_key_results {
                    view! { <OkrSection report=report.clone() /> }.into_any()
                } else {
                    // Objectives without key results (bullets): nothing to filter.
                    let everything = apply(&report, &SearchIndex::new(&report), &Filter::default());
                    view! { <OkrTable report=report.clone() filter=Signal::derive(Filter::default) filtered=Signal::stored(everything) /> }.into_any()
                }}
            }.into_any()))}
            {(!report_data.activities.is_empty()).then(|| section(Part::Activities, "Activities", view! {
                <ActivityList activities=report_data.activities.clone() />
            }.into_any()))}
            {(!report_data.news.is_empty() || !report_data.news_notes.is_empty()).then(|| section(Part::News, "News, blogs and media", view! {
                <NewsList news=report_data.news.clone() notes=report_data.news_notes.clone() />
            }.into_any()))}
            {(!report_data.upcoming_events.is_empty()).then(|| section(Part::Events, "Upcoming events", view! { <EventList events=report_data.upcoming_events.clone() /> }.into_any()))}
            {prose(Part::Questions, &format!("Questions for the {}", SITE.governing_body), &report_data.questions_for_tac, true)}
            {prose(Part::Funding, "Funding requests", &report_data.funding_requests, true)}
            {prose(Part::Participation, "Participation", &report_data.participation, false)}
            {prose(Part::Additional, "Additional information", &report_data.additional_information, false)}
            {report_data.other_sections.clone().into_iter().enumerate().map(|(index, other)| view! { <OtherSection section=other index=index /> }).collect_view()}
            <footer class="report-source">
                {format!("Imported from {} · report text by its authors, CC-BY-4.0", report_data.source)}
            </footer>
        </article>
    }
    .into_any()
}
