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
    let total = objective.key_results.len();
    let breakdown = status_breakdown(&objective);
    let words: Vec<String> = breakdown
        .iter()
        .map(|(kind, count)| format!("{count} {}", kind.map_or("no status", StatusKind::label).to_lowercase()))
        .collect();
    let mut before = 0;
    let segments = breakdown
        .into_iter()
        .map(|(kind, count)| {
            let (x, width) = (percent(before, total), percent(count, total));
            before += count;
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
fn Segment(objective: String, kind: Option<StatusKind>, count: usize, x: String, width: String) -> impl IntoView {
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
            x=x
            y="0"
            width=width
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

/// `part` of `whole` in percent with three decimals ("33.333"), in integers: formatting a float
/// would bring Rust's float printing into the wasm (about 10 KB) for these few numbers.
fn percent(part: usize, whole: usize) -> String {
    let thousandths = (part * 100_000 + whole / 2) / whole.max(1);
    format!("{}.{:03}", thousandths / 1000, thousandths % 1000)
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn percent_has_three_decimals_rounded_like_the_float_it_replaces() {
        assert_eq!(percent(1, 3), "33.333");
        assert_eq!(percent(2, 3), "66.667");
        assert_eq!(percent(1, 7), "14.286");
        assert_eq!(percent(0, 5), "0.000");
        assert_eq!(percent(5, 5), "100.000");
        assert_eq!(percent(0, 0), "0.000");
        for whole in 1..40 {
            for part in 0..=whole {
                let float = format!("{:.3}", part as f64 / whole as f64 * 100.0);
                assert_eq!(percent(part, whole), float, "{part}/{whole}");
            }
        }
    }
}
