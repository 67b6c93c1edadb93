//! `/search?q=…`: what every report says (`search.json`, one request), each hit with its report,
//! its place and the words around the match, linked to that place in the report.

use super::loading::with_catalog_and;
use crate::app::loaded::FoundationFiles;
use crate::app::site::SITE;
use crate::app::{href, use_catalog};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use quarterly_core::foundation::{initiatives, search, Piece, SearchResults};
use quarterly_core::model::registry::InitiativeEntry;
use quarterly_core::model::summary::SearchCorpus;
use quarterly_core::url_state::{parse_search, report_path, search_path, SEARCH_PATH};
use std::sync::Arc;

/// At most this many hits are shown (with the count of all).
pub const SHOWN_HITS: usize = 200;

/// `/search`: the search over what every report says, and what it found.
#[component]
pub fn SearchPage() -> impl IntoView {
    let files = expect_context::<FoundationFiles>();
    let location = use_location();
    let query = Memo::new(move |_| parse_search(&location.search.get()));
    Effect::new(move |_| {
        let query = query.get();
        let what =
            if query.trim().is_empty() { "Search".to_string() } else { format!("“{}”: search", query.trim()) };
        document().set_title(&SITE.page_title(&what));
    });
    view! {
        <article class="search-page">
            <header class="report-header"><h1>"Search every report"</h1></header>
            {with_catalog_and(files.search(), "the text of every report", move |corpus| {
                let names = initiatives(&use_catalog());
                (move || {
                    let text = query.get();
                    if text.trim().is_empty() {
                        return view! {
                            <p class="result-count" role="status">"Type words in the search box to find them in what every report says: overviews, key results, activities, news and events."</p>
                        }
                        .into_any();
                    }
                    let results = search(&corpus, &text, SHOWN_HITS);
                    view! { <SearchHits results=results corpus=corpus.clone() names=names.clone() query=text.trim().to_string() /> }.into_any()
                })
                .into_any()
            })}
        </article>
    }
}

/// What a search found, grouped by report (newest first).
#[component]
pub fn SearchHits(
    results: SearchResults,
    corpus: Arc<SearchCorpus>,
    /// The initiatives, for their proper names.
    names: Vec<InitiativeEntry>,
    /// The query as typed (trimmed).
    query: String,
) -> impl IntoView {
    let SearchResults { total, reports, hits } = results;
    let count = match (total, reports) {
        (0, _) => format!("Nothing in any report matches “{query}”."),
        (1, _) => format!("1 passage matches “{query}”."),
        (total, 1) => format!("{total} passages in 1 report match “{query}”."),
        (total, reports) => format!("{total} passages in {reports} reports match “{query}”."),
    };
    let capped =
        (total > hits.len()).then(|| format!(" The first {} are shown: add a word to narrow the search.", hits.len()));
    // Consecutive hits of one report make one group: (report, [(passage, snippet)]).
    type Group = (usize, Vec<(usize, Vec<Piece>)>);
    let mut groups: Vec<Group> = Vec::new();
    for hit in hits {
        match groups.last_mut() {
            Some((report, passages)) if *report == hit.report => passages.push((hit.passage, hit.snippet)),
            _ => groups.push((hit.report, vec![(hit.passage, hit.snippet)])),
        }
    }
    let groups = groups
        .into_iter()
        .map(|(report_index, passages)| {
            let report = &corpus.reports[report_index];
            let name = names.iter().find(|i| i.slug == report.initiative).map_or_else(|| report.initiative.clone(), |i| i.name.clone());
            let path = report_path(&report.initiative, report.period);
            let items = passages
                .into_iter()
                .map(|(passage_index, snippet)| {
                    let passage = &report.passages[passage_index];
                    let link = href(&format!("{path}#{}", passage.anchor));
                    view! {
                        <li class="search-hit">
                            <a class="hit-place" href=link>{passage.place.clone()}</a>
                            <p class="snippet"><Snippet pieces=snippet /></p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="search-report" data-initiative=report.initiative.clone() data-period=report.period.slug()>
                    <h2><a href=href(&path)>{format!("{name} · {}", report.period)}</a></h2>
                    <ul class="search-results">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <p class="result-count" role="status">{count}{capped}</p>
        {groups}
    }
}

/// A snippet as text nodes, the matched words in `<mark>`: report text never becomes markup.
#[component]
pub fn Snippet(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|piece| if piece.marked { view! { <mark>{piece.text}</mark> }.into_any() } else { piece.text.into_any() })
        .collect_view()
}

/// The search box in the site header.
#[component]
pub fn SearchForm() -> impl IntoView {
    let navigate = use_navigate();
    let location = use_location();
    // On a search page, the box starts with its query.
    let text = RwSignal::new(parse_search(&location.search.get_untracked()));
    if !location.pathname.get_untracked().ends_with("/search") {
        text.set(String::new());
    }
    view! {
        <form class="search-form" role="search" method="get" action=href(SEARCH_PATH) on:submit=move |ev| {
            ev.prevent_default();
            navigate(&search_path(&text.get_untracked()), NavigateOptions::default());
        }>
            <label for="search-all" class="visually-hidden">"Search every report"</label>
            <input id="search-all" type="search" name="q" placeholder="Search every report" prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev)) />
            <button type="submit" class="button">"Search"</button>
        </form>
    }
}
