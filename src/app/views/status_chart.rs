//! Status at a glance: per objective, a bar of its key results by status. Each segment filters
//! the table to that objective and status; the words under each bar say the same as the bar.

use crate::app::filter_state::use_filter;
use leptos::prelude::*;
use quarterly_core::filter::{status_breakdown, Filter};
use quarterly_core::model::{Objective, Report, StatusKind};
use std::sync::Arc;

/// The chart: one bar per objective that has key results.
#[component]
pub fn StatusChart(report: Arc<Report>) -> impl IntoView {
    let rows = report
        .objectives
        .iter()
        .filter(|objective| !objective.key_results.is_empty())
        .map(|objective| view! { <GlanceRow objective=objective.clone() /> })
        .collect_view();
    view! {
        <figure class="glance">
            <figcaption>"Status at a glance (select a segment to filter)"</figcaption>
            <ul class="glance-rows">{rows}</ul>
        </figure>
    }
}

/// One objective's bar, a segment per status, and the same counts in words.
#[component]
fn GlanceRow(objective: Objective) -> impl IntoView {
    let total = objective.key_results.len() as f64;
    let breakdown = status_breakdown(&objective);
    let words: Vec<String> = breakdown
        .iter()
        .map(|(kind, count)| format!("{count} {}", kind.map_or("no status", StatusKind::label).to_lowercase()))
        .collect();
    let mut offset = 0.0;
    let segments = breakdown
        .into_iter()
        .map(|(kind, count)| {
            let width = count as f64 / total * 100.0;
            let x = offset;
            offset += width;
            view! { <Segment objective=objective.id.clone() kind=kind count=count x=x width=width /> }
        })
        .collect_view();
    view! {
        <li class="glance-row" data-objective=objective.id.clone()>
            <span class="glance-name">{format!("Objective {}", objective.id)}</span>
            <svg class="glance-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="group"
                aria-label=format!("Objective {} by status", objective.id)>
                {segments}
            </svg>
            <span class="glance-words">{words.join(" · ")}</span>
        </li>
    }
}

/// The key results of an objective with one status (`kind`; none: without status), `x` to
/// `x + width` percent of the bar; selecting it (click, Enter or Space) shows just them.
#[component]
fn Segment(objective: String, kind: Option<StatusKind>, count: usize, x: f64, width: f64) -> impl IntoView {
    let show = use_filter().show;
    let slug = kind.map_or("none", StatusKind::slug);
    let label = format!(
        "Objective {objective}: {count} {} — show them",
        kind.map_or("without status", StatusKind::label).to_lowercase()
    );
    let filter = Filter { objective: Some(objective), statuses: kind.into_iter().collect(), ..Filter::default() };
    let (click_filter, key_filter) = (filter.clone(), filter);
    let title = label.clone();
    view! {
        <rect
            class=format!("segment status-{slug}")
            x=format!("{x:.3}")
            y="0"
            width=format!("{width:.3}")
            height="10"
            role="button"
            tabindex="0"
            aria-label=label
            on:click=move |_| show.run(click_filter.clone())
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    show.run(key_filter.clone());
                }
            }
        >
            <title>{title}</title>
        </rect>
    }
}
