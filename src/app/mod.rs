//! The Leptos viewer: routes, the shared catalog, and mounting. Views live in `views`, data
//! access in `api`; the logic they call (filtering, URL state) is plain Rust in the crate root.

pub mod api;
pub mod embed;
pub mod perf;
pub mod views;

use crate::model::Catalog;
use api::FetchError;
use leptos::prelude::*;
use crate::url_state::{parse_view, ViewOptions};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use std::sync::Arc;
use views::not_found::NotFound;
use views::history_page::HistoryPage;
use views::report_page::{LatestReportPage, ReportPage};
use views::search_page::{SearchForm, SearchPage};

/// The catalog (`index.json`), loaded once and shared by every page.
#[derive(Clone, Copy)]
pub struct CatalogResource(pub LocalResource<Result<Arc<Catalog>, FetchError>>);

/// A link target for a site path ("/alpha-omega/2025-q2"), under the site's base.
pub fn href(path: &str) -> String {
    format!("{}{}", site_base(), path.trim_start_matches('/'))
}

/// How the current page is shown (embedded or not, theme), from its URL.
#[derive(Clone, Copy)]
pub struct ViewContext(pub Memo<ViewOptions>);

/// Mounts the viewer on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    // The same wasm also backs <quarterly-report> on other sites: only the site's own page
    // (marked by a meta tag in index.html) mounts the app.
    let is_site = document().query_selector("meta[name='quarterly-app']").ok().flatten().is_some();
    if is_site {
        leptos::mount::mount_to_body(App);
    }
}

/// Where the site lives on its host, with both slashes (`/` or `/reports/`): Trunk's
/// `--public-url`, written into a meta tag at build time (`scripts/post_build.py`). A `<base>`
/// element would do, but the strict policy's `base-uri 'none'` forbids it.
pub fn site_base() -> String {
    document()
        .query_selector("meta[name='quarterly-base']")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|base| base.starts_with('/') && base.ends_with('/'))
        .unwrap_or_else(|| "/".to_string())
}

/// The router's base: [`site_base`] without its trailing slash.
fn base_path() -> String {
    site_base().trim_end_matches('/').to_string()
}

#[component]
pub fn App() -> impl IntoView {
    provide_context(CatalogResource(LocalResource::new(api::fetch_catalog)));
    view! {
        <Router base=base_path()>
            <Shell />
        </Router>
    }
}

/// The site's chrome around the routes; none of it when embedded.
#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    let options = Memo::new(move |_| parse_view(&location.search.get()));
    provide_context(ViewContext(options));
    Effect::new(move |_| {
        let options = options.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("embed", options.embed);
            let _ = match options.theme {
                Some(theme) => root.set_attribute("data-theme", theme.slug()),
                None => root.remove_attribute("data-theme"),
            };
        }
    });
    if options.get_untracked().embed {
        embed::report_height_to_parent();
    }
    view! {
            <Show when=move || !options.get().embed>
                <header class="site-header">
                    <a class="brand" href=href("/")>"quarterly"</a>
                    <span class="tagline">"Quarterly reports of the OpenSSF Technical Initiatives"</span>
                    <SearchForm />
                </header>
            </Show>
            <main id="main">
                <Routes fallback=|| view! { <NotFound message="This address does not match any page of the site." /> }>
                    <Route path=path!("/") view=LatestReportPage />
                    <Route path=path!("/search") view=SearchPage />
                    <Route path=path!("/:initiative/history") view=HistoryPage />
                    <Route path=path!("/:initiative/:period") view=ReportPage />
                </Routes>
            </main>
    }
}
