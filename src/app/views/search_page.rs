//! `/search?q=…`: text in every report's key results and news links.

use super::error_panel::ErrorPanel;
use super::status_badge::StatusBadge;
use crate::app::api::fetch_reports;
use crate::app::{href, CatalogResource};
use crate::filter::{search, Filter, Found};
use crate::model::Report;
use crate::url_state::{parse_search, print_query, report_path, search_path};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::sync::Arc;

#[component]
pub fn SearchPage() -> impl IntoView {
    let CatalogResource(catalog) = expect_context::<CatalogResource>();
    let location = use_location();
    let query = Memo::new(move |_| parse_search(&location.search.get()));
    Effect::new(move |_| document().set_title("Search · quarterly"));
    let loaded = LocalResource::new({
        let catalog = catalog.clone();
        move || {
            let catalog = catalog.clone();
            async move {
        match catalog.value().await {
            Ok(catalog) => Ok(fetch_reports(catalog.reports.clone()).await),
            Err(error) => Err(error),
        }
            }
        }
    });
    view! {
        <article class="search-page">
            <header class="report-header"><h1>"Search every report"</h1></header>
            {move || match loaded.get() {
                None => view! { <p class="loading" role="status">"Loading every report…"</p> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorPanel error=error what="the list of reports" on_retry=Callback::new({ let catalog = catalog.clone(); move |_| { catalog.refetch(); loaded.refetch() } }) />
                }.into_any(),
                Some(Ok(results)) => {
                    let text = query.get();
                    let failed: Vec<String> = results.iter().filter(|(_, r)| r.is_err()).map(|(e, _)| e.title.clone()).collect();
                    let (entries, reports): (Vec<_>, Vec<Arc<Report>>) =
                        results.into_iter().filter_map(|(entry, result)| result.ok().map(|report| (entry, report))).unzip();
                    let refs: Vec<&Report> = reports.iter().map(|r| r.as_ref()).collect();
                    let hits = search(&refs, &text);
                    let summary = if text.trim().is_empty() {
                        "Type a word to find it in every report's key results and news.".to_string()
                    } else {
                        format!("{} results for “{}” in {} reports", hits.len(), text.trim(), reports.len())
                    };
                    view! {
                        {(!failed.is_empty()).then(|| view! {
                            <p class="since-error">{format!("Not searched, could not be loaded: {}", failed.join(", "))}</p>
                        })}
                        <p class="result-count" role="status">{summary}</p>
                        <ul class="search-results">
                            {hits.into_iter().map(|hit| {
                                let entry = &entries[hit.report];
                                let filter = Filter { text: text.trim().to_string(), ..Filter::default() };
                                let base = report_path(&entry.initiative.slug, entry.period);
                                match hit.found {
                                    Found::KeyResult { id, text: kr_text, status } => view! {
                                        <li class="search-hit">
                                            <a href=href(&format!("{base}{}", print_query(&filter)))>{format!("{} · KR {id}", entry.title)}</a>
                                            " " <StatusBadge status=status />
                                            <p>{kr_text}</p>
                                        </li>
                                    }.into_any(),
                                    Found::Link { title, url } => view! {
                                        <li class="search-hit">
                                            <a href=href(&base)>{format!("{} · news", entry.title)}</a>
                                            <p>{title} " " <span class="attribution">{url}</span></p>
                                        </li>
                                    }.into_any(),
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </article>
    }
}

/// The search box in the site header.
#[component]
pub fn SearchForm() -> impl IntoView {
    let navigate = use_navigate();
    let text = RwSignal::new(String::new());
    view! {
        <form class="search-form" role="search" on:submit=move |ev| {
            ev.prevent_default();
            navigate(&search_path(&text.get_untracked()), NavigateOptions::default());
        }>
            <label for="search-all" class="visually-hidden">"Search every report"</label>
            <input id="search-all" type="search" placeholder="Search every report" prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev)) />
            <button type="submit" class="button">"Search"</button>
        </form>
    }
}
