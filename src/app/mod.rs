//! The Leptos viewer: routes, the shared catalog, and mounting. Views live in `views` (one module
//! per thing shown; `views::loading` waits for data), data access in `api` and `loaded`, the
//! report's filter in `filter_state`; the logic they call (filtering, history, URL state) is plain
//! Rust in `quarterly_core`.

pub mod api;
pub mod embed;
pub mod filter_state;
pub mod loaded;
pub mod perf;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod site;
pub mod views;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;
use loaded::{load_catalog, FoundationFiles, Loaded, Preloaded, PreloadedData};
use quarterly_core::model::Catalog;
use quarterly_core::url_state::{parse_view, ViewOptions};
use std::sync::Arc;
use views::asks_page::AsksPage;
use views::filings_page::FilingsPage;
use views::history_page::HistoryPage;
use views::home_page::HomePage;
use views::not_found::NotFound;
use views::report_page::ReportPage;
use views::search_page::SearchPage;
use views::site_header::SiteHeader;

/// The catalog (`index.json`), loaded once and shared by every page.
#[derive(Clone)]
pub struct CatalogResource(pub Loaded<Arc<Catalog>>);

/// The catalog once loaded, provided by [`views::loading::with_catalog`] to the views it shows.
#[derive(Clone)]
pub struct ReadyCatalog(pub Arc<Catalog>);

/// The loaded catalog, in a view shown by [`views::loading::with_catalog`].
pub fn use_catalog() -> Arc<Catalog> {
    expect_context::<ReadyCatalog>().0
}

/// A link target for a site path ("/alpha-omega/2025-q2"), under the site's base.
pub fn href(path: &str) -> String {
    format!("{}{}", site_base(), path.trim_start_matches('/'))
}

/// A site path as a full address, for what leaves the site (embed snippets, downloaded files).
/// At build time the origin is unknown, so it is left out: the browser renders such views again.
pub fn absolute_url(path: &str) -> String {
    let origin = if cfg!(feature = "csr") { window().location().origin().unwrap_or_default() } else { String::new() };
    format!("{origin}{}", href(path))
}

/// Text made safe inside HTML text or a quoted attribute, for the HTML written as text (the
/// embed snippets, the pre-rendered pages' head); views never need it.
pub fn escape_html(text: &str) -> String {
    quarterly_core::feeds::escape(text)
}

/// How the current page is shown (embedded or not, theme), from its URL.
#[derive(Clone, Copy)]
pub struct ViewContext(pub Memo<ViewOptions>);

/// Mounts the viewer on the page's body. A page pre-rendered at build time carries its first
/// view's data inline: the app renders that view and replaces the static copy in one task, so
/// no frame shows anything but the report.
#[cfg(feature = "csr")]
pub fn start() {
    console_error_panic_hook::set_once();
    let performance = window().performance();
    let document = document();
    let pending = document.document_element().is_some_and(|root| root.class_list().contains("q-pending"));
    let pre_rendered = document.query_selector(&format!("meta[name='{}']", loaded::PAGE_META)).ok().flatten().is_some();
    let painted = performance.as_ref().is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
    let mount = move |split: bool| {
        if let Some(performance) = &performance {
            let _ = performance.mark("quarterly-start");
        }
        let preloaded = read_preloaded();
        let render = move || {
            if let Some(body) = document.body() {
                take_over(&body, move || {
                    leptos::mount::mount_to_body(move || view! { <App preloaded=preloaded.clone() /> })
                });
            }
            // Views the query chose (embedded, filtered, themed) were hidden until now (boot.js).
            if let Some(root) = document.document_element() {
                let _ = root.class_list().remove_1("q-pending");
            }
            // For the benchmark: how long reading the data and rendering took (both tasks).
            if let Some(performance) = &performance {
                let _ = performance.measure_with_start_mark("quarterly-start-up", "quarterly-start");
            }
        };
        if split {
            perf::next_task(render);
        } else {
            render();
        }
    };
    // A pre-rendered page the reader sees as it is, not yet painted (the wasm can arrive first):
    // the browser paints it before the app takes over, so the report shows at static-page speed.
    // Decoding its data and rendering it are then two tasks, neither as long as both.
    // Not in a frame: a frame its host hides until it reports its height (WordPress clips it to a
    // pixel) gets no animation frames, so waiting for one would never mount the app, and a frame
    // out of view may get one timer a second. Nor a page hidden until the app renders: one task.
    if pre_rendered && !pending && !painted && embed::framing_parent().is_none() {
        perf::after_paint(move || mount(true));
    } else {
        mount(false);
    }
}

/// Replaces what `parent` shows with what `mount` renders into it, in one task (so no frame shows
/// neither), keeping the page's scroll position and the focused control (by its id): a reader
/// who scrolled or tabbed into the pre-rendered page stays where they were, and what they typed
/// or chose there before the app took over is given to the app's control, as if done there.
#[cfg(feature = "csr")]
pub fn take_over(parent: &web_sys::HtmlElement, mount: impl FnOnce()) {
    let (window, document) = (window(), document());
    let (x, y) = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
    let focused = document.active_element().filter(|element| !element.id().is_empty());
    let entered = focused.as_ref().and_then(control_value);
    parent.set_text_content(None);
    mount();
    if let Some(element) = focused.and_then(|element| document.get_element_by_id(&element.id())) {
        if let (Some((entered, _)), Some((shown, event))) = (entered, control_value(&element)) {
            if entered != shown {
                let _ = js_sys::Reflect::set(&element, &"value".into(), &entered.into());
                dispatch(&element, event);
            }
        }
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
    window.scroll_to_with_x_and_y(x, y);
}

/// The value of a text box or a select, with the event a reader's change of it fires.
#[cfg(feature = "csr")]
fn control_value(element: &web_sys::Element) -> Option<(String, &'static str)> {
    use wasm_bindgen::JsCast;
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        let text = !matches!(input.type_().as_str(), "checkbox" | "radio" | "button" | "submit" | "reset");
        return text.then(|| (input.value(), "input"));
    }
    element.dyn_ref::<web_sys::HtmlSelectElement>().map(|select| (select.value(), "change"))
}

/// Fires an event of `kind` at `element`, bubbling as a reader's change does.
#[cfg(feature = "csr")]
fn dispatch(element: &web_sys::Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// The data a pre-rendered page carries (none for the plain app page): unreadable data is
/// ignored, and the views fetch what they need instead.
#[cfg(feature = "csr")]
fn read_preloaded() -> Preloaded {
    document()
        .get_element_by_id(loaded::PRELOADED_ID)
        .and_then(|script| script.text_content())
        .and_then(|text| match serde_json::from_str(&text) {
            Ok(preloaded) => Some(preloaded),
            Err(error) => {
                leptos::logging::warn!("ignoring the page's pre-loaded data: {error}");
                None
            }
        })
        .unwrap_or_default()
}

/// Where the site lives on its host, with both slashes (`/` or `/reports/`): Trunk's
/// `--public-url`, written into a meta tag at build time (`scripts/post_build.py`). A `<base>`
/// element would do, but the strict policy's `base-uri 'none'` forbids it. The app provides it
/// once (the pre-renderer, the base of the site it renders); code that runs outside the app's
/// context (an event handler, the embedded element) reads the page's meta tag.
#[derive(Clone)]
pub struct SiteBase(pub String);

/// The site's base (see [`SiteBase`]).
pub fn site_base() -> String {
    use_context::<SiteBase>().map_or_else(read_site_base, |base| base.0)
}

#[cfg(feature = "csr")]
fn read_site_base() -> String {
    document()
        .query_selector(&format!("meta[name='{}']", loaded::BASE_META))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|base| base.starts_with('/') && base.ends_with('/'))
        .unwrap_or_else(|| "/".to_string())
}

/// Rendering at build time: the pre-renderer provides the base (see [`prerender`]).
#[cfg(not(feature = "csr"))]
fn read_site_base() -> String {
    "/".to_string()
}

/// The router's base: [`site_base`] without its trailing slash.
fn base_path() -> String {
    site_base().trim_end_matches('/').to_string()
}

/// The whole app: the shared data in context, the router and the site around the pages.
#[component]
pub fn App(preloaded: Preloaded) -> impl IntoView {
    if use_context::<SiteBase>().is_none() {
        provide_context(SiteBase(read_site_base()));
    }
    provide_context(PreloadedData::from(preloaded));
    provide_context(CatalogResource(load_catalog()));
    provide_context(FoundationFiles::new());
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
                <SiteHeader />
            </Show>
            <main id="main">
                // Flat routes render the matched page as they mount; the nested router renders it
                // later, in a future, with machinery that costs 10 KB brotli and a longer start.
                <FlatRoutes fallback=|| view! { <NotFound message="This address does not match any page of the site." /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/filings") view=FilingsPage />
                    <Route path=path!("/tac") view=AsksPage />
                    <Route path=path!("/search") view=SearchPage />
                    <Route path=path!("/:initiative/history") view=HistoryPage />
                    <Route path=path!("/:initiative/:period") view=ReportPage />
                </FlatRoutes>
            </main>
    }
}
