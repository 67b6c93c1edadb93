//! A key result's status: symbol, words and colour together, never colour alone.

use leptos::prelude::*;
use quarterly_core::model::{Status, StatusKind};

/// Shows a status; `None` (the author gave none) shows as "No status".
#[component]
pub fn StatusBadge(status: Option<Status>) -> impl IntoView {
    let (slug, symbol, label, written) = match &status {
        Some(status) => {
            let label = match status.kind {
                StatusKind::Unknown => format!("Unknown: {}", status.written),
                kind => kind.label().to_string(),
            };
            (status.kind.slug(), status.kind.symbol(), label, Some(format!("Written as “{}”", status.written)))
        }
        None => ("none", "–", "No status".to_string(), None),
    };
    view! {
        <span class=format!("status status-{slug}") title=written>
            <span class="status-symbol" aria-hidden="true">{symbol}</span>
            " "
            {label}
        </span>
    }
}

/// How many key results have a status (`None`: no status given), as symbol, words and count.
#[component]
pub fn StatusCountBadge(kind: Option<StatusKind>, count: usize) -> impl IntoView {
    let (slug, symbol, label) = match kind {
        Some(kind) => (kind.slug(), kind.symbol(), kind.label()),
        None => ("none", "–", "No status"),
    };
    view! {
        <span class=format!("status status-{slug}")>
            <span class="status-symbol" aria-hidden="true">{symbol}</span>
            " "
            {format!("{label}: {count}")}
        </span>
    }
}
