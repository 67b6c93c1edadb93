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
pub mod staging;
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
use views::later::Later;
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
/// view's data inline: the app renders that view and replaces the static copy with it at once,
/// so no frame shows anything but the report.
#[cfg(feature = "csr")]
pub fn start() {
    console_error_panic_hook::set_once();
    let document = document();
    let pending = document.document_element().is_some_and(|root| root.class_list().contains("q-pending"));
    let pre_rendered = document.query_selector(&format!("meta[name='{}']", loaded::PAGE_META)).ok().flatten().is_some();
    let painted = window().performance().is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
    // A pre-rendered page the reader sees as it is: the app takes it over in short tasks, after
    // the browser has painted it (the wasm can arrive first), so the report shows at static-page
    // speed and the page answers input while the app builds its own.
    // Not in a frame: a frame its host hides until it reports its height (WordPress clips it to a
    // pixel) gets no animation frames, so waiting for one would never mount the app, and a frame
    // out of view may get one timer a second. Nor a page hidden until the app renders: one task.
    if pre_rendered && !pending && embed::framing_parent().is_none() {
        if painted {
            take_over_in_parts();
        } else {
            perf::after_paint(take_over_in_parts);
        }
    } else {
        perf::mark("quarterly-start");
        render_in_place(read_preloaded());
    }
}

/// Renders the app in place of what the body shows, in this task.
#[cfg(feature = "csr")]
fn render_in_place(preloaded: Preloaded) {
    if let Some(body) = document().body() {
        take_over(&body, move || leptos::mount::mount_to_body(move || view! { <App preloaded=preloaded /> }));
    }
    shown();
}

/// Takes over a pre-rendered page in short tasks: its data is decoded in the first; the app's page
/// is built off the document in the next, then each of its [`Later`](views::later::Later) parts
/// in a task of its own (see [`staging`]); the last swaps it in for the static copy.
#[cfg(feature = "csr")]
fn take_over_in_parts() {
    use wasm_bindgen::JsCast;
    perf::mark("quarterly-start");
    let preloaded = read_preloaded();
    perf::next_task(move || {
        let document = document();
        let Some(body) = document.body() else { return };
        let Some(staged) =
            document.create_element("div").ok().and_then(|div| div.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            leptos::logging::warn!("no element to build the page in: rendering it in place");
            return render_in_place(preloaded);
        };
        staging::begin();
        leptos::mount::mount_to(staged.clone(), move || view! { <App preloaded=preloaded /> }).forget();
        perf::next_task(move || build_later_then_swap(body, staged));
    });
}

/// Builds the next part that waits, each in a task of its own; then swaps the page in.
#[cfg(feature = "csr")]
fn build_later_then_swap(body: web_sys::HtmlElement, staged: web_sys::HtmlElement) {
    if staging::release_next() {
        return perf::next_task(move || build_later_then_swap(body, staged));
    }
    take_over(&body, || {
        while let Some(node) = staged.first_child() {
            let _ = body.append_child(&node);
        }
    });
    staging::end();
    shown();
}

/// The app's page is on the page: views the query chose (embedded, filtered, themed), hidden
/// until now (boot.js), are shown; the benchmark reads how long reading the data and rendering
/// took, from `quarterly-start`.
#[cfg(feature = "csr")]
fn shown() {
    if let Some(root) = document().document_element() {
        let _ = root.class_list().remove_1("q-pending");
    }
    if let Some(performance) = window().performance() {
        let _ = performance.measure_with_start_mark("quarterly-start-up", "quarterly-start");
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
                <Later><SiteHeader /></Later>
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
