//! One report's page (`/<initiative>/<year>-q<n>`), loading its data with a visible loading state
//! and an error panel with Retry.

use super::error_panel::ErrorPanel;
use super::loading::{with_catalog, Await};
use super::not_found::NotFound;
use super::report_view::ReportView;
use crate::app::loaded::{load_report, Loaded};
use crate::app::use_catalog;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_location, use_params_map};
use leptos_router::NavigateOptions;
use quarterly_core::model::{Catalog, CatalogEntry, Period};
use quarterly_core::url_state::report_path;

/// Why an address shows no report.
enum Missing {
    /// Nothing there: the message says what is missing.
    NotFound(String),
    /// The report lives at another address (an initiative's old name): this path.
    Moved(String),
}

impl From<String> for Missing {
    fn from(message: String) -> Self {
        Missing::NotFound(message)
    }
}

/// Leads an old address (an initiative's former name) to `path`, replacing it in the history;
/// the query and the fragment (a filter, a place in the page) come along.
#[component]
pub fn MovedTo(path: String) -> impl IntoView {
    let location = use_location();
    let (query, hash) = (location.search.get_untracked(), location.hash.get_untracked());
    let query = if query.is_empty() || query.starts_with('?') { query } else { format!("?{query}") };
    let options = NavigateOptions { replace: true, ..NavigateOptions::default() };
    view! { <Redirect path=format!("{path}{query}{hash}") options=options /> }
}

/// Picks a report from the catalog and the route's initiative and period parameters.
type Choose = fn(&Catalog, Option<String>, Option<String>) -> Result<CatalogEntry, Missing>;

/// Shows the catalog entry `choose` picks from the route's parameters, or why there is none.
#[component]
fn WithCatalog(choose: Choose) -> impl IntoView {
    let params = use_params_map();
    with_catalog(move || {
        let (initiative, period) = params.with(|p| (p.get("initiative"), p.get("period")));
        match choose(&use_catalog(), initiative, period) {
            Ok(entry) => view! { <ReportLoader entry=entry /> }.into_any(),
            Err(Missing::NotFound(message)) => view! { <NotFound message=message /> }.into_any(),
            Err(Missing::Moved(path)) => view! { <MovedTo path=path /> }.into_any(),
        }
    })
}

/// `/<initiative>/<year>-q<n>`: one report (or why the address has none).
#[component]
pub fn ReportPage() -> impl IntoView {
    view! {
        <WithCatalog choose=|catalog, initiative, period| {
            let initiative = initiative.unwrap_or_default();
            let period_text = period.unwrap_or_default();
            let Some(period) = Period::from_slug(&period_text) else {
                return Err(format!("“{period_text}” is not a quarter: quarters look like 2025-q2.").into());
            };
            if let Some(entry) = catalog.find(&initiative, period) {
                return Ok(entry.clone());
            }
            match catalog.canonical_initiative(&initiative) {
                Some(canonical) if canonical != initiative => Err(Missing::Moved(report_path(canonical, period))),
                Some(_) => Err(format!("There is no {period} report for “{initiative}”.").into()),
                None => Err(format!("There is no initiative called “{initiative}” here.").into()),
            }
        } />
    }
}

/// Loads one report's JSON and shows it.
#[component]
fn ReportLoader(entry: CatalogEntry) -> impl IntoView {
    let report = load_report(&entry.path);
    // A report that arrives after the router has finished navigating: the router found no
    // element for the address's #place then, so going there is ours to do once it is shown.
    let fetched = matches!(report, Loaded::Fetching(_));
    let what = "the report";
    Await::new(report, what)
        .failed(move |error, retry| {
            view! {
                <header class="report-header">
                    <p class="initiative">{entry.initiative.name.clone()}</p>
                    <h1>{entry.title.clone()}</h1>
                </header>
                <ErrorPanel error=error what=what on_retry=retry />
            }
            .into_any()
        })
        .ready(move |report| {
            if fetched {
                request_animation_frame(scroll_to_fragment);
            }
            view! { <ReportView report=report /> }.into_any()
        })
}

/// Brings the element the address's fragment names (`#activity-1-questions`) into view, and
/// moves the keyboard's focus there, so that a keyboard reader starts where the link pointed.
fn scroll_to_fragment() {
    let hash = window().location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    let id = js_sys::decode_uri_component(id).ok().and_then(|id| id.as_string()).unwrap_or_else(|| id.to_string());
    if let Some(element) = (!id.is_empty()).then(|| document().get_element_by_id(&id)).flatten() {
        element.scroll_into_view();
        if !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
}
