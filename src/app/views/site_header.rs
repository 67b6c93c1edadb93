//! The site's header: its name, what it is, the main pages and the search box.

use super::search_page::SearchForm;
use crate::app::site::SITE;
use crate::app::{href, site_base};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use quarterly_core::url_state::{asks_path, filings_path, AskFilter, HOME_PATH};

/// The site's header: its name, the main pages (the current one marked) and the search box.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let location = use_location();
    // The page's path below the site's base ("/", "/filings").
    let here = Memo::new(move |_| {
        let path = location.pathname.get();
        let base = site_base();
        format!(
            "/{}",
            path.strip_prefix(base.as_str())
                .or_else(|| path.strip_prefix(base.trim_end_matches('/')))
                .unwrap_or(&path)
                .trim_start_matches('/')
        )
    });
    let pages = [
        ("/".to_string(), "Home".to_string()),
        (filings_path(), "Filings".to_string()),
        (asks_path(&AskFilter::default()), SITE.asks_title()),
        ("/search".to_string(), "Search".to_string()),
    ];
    let links = pages
        .into_iter()
        .map(|(path, label)| {
            let current = {
                let path = path.clone();
                move || (here.get() == path).then_some("page")
            };
            view! { <li><a href=href(&path) aria-current=current>{label}</a></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <a class="brand" href=href(HOME_PATH)>{SITE.title}</a>
            <span class="tagline">{SITE.tagline()}</span>
            <nav class="site-nav" aria-label="Site">
                <ul>{links}</ul>
            </nav>
            <SearchForm />
        </header>
    }
}
