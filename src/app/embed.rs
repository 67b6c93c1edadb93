//! Embedding on other sites: the iframe's height messages and the `<quarterly-report>` custom
//! element's rendering (its JS class lives in `quarterly-element.js`, written at build time).
//!
//! Message format (version 1), sent by an embedded page to its parent window only:
//! `{ "type": "quarterly:height", "version": 1, "height": <CSS pixels> }`. It carries nothing
//! but the height, so it may go to any parent origin; `embed.js` accepts it only from the
//! iframe's own window and origin. In a WordPress frame the page also speaks WordPress's
//! protocol (see [`speak_wordpress`]).

use super::api::fetch_report;
use super::filter_state::FilterState;
use super::loaded::Loaded;
use super::views::loading::Await;
use super::views::news_list::{EventList, NewsList};
use super::views::okr_table::OkrSection;
use leptos::prelude::*;
use quarterly_core::filter::Filter;
use quarterly_core::model::Report;
use quarterly_core::oembed;
use quarterly_core::url_state::{parse_query, without_view, EmbedSection};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const HEIGHT_MESSAGE: &str = "quarterly:height";
pub const MESSAGE_VERSION: u32 = 1;

/// In an iframe, tells the parent the page's height now and whenever it changes. In a WordPress
/// frame (a secret in the address: see [`oembed::wordpress_secret`]) it also speaks WordPress's
/// protocol: see [`speak_wordpress`].
pub fn report_height_to_parent() {
    let Some(parent) = framing_parent() else { return };
    let secret = window().location().hash().ok().and_then(|hash| oembed::wordpress_secret(&hash).map(str::to_string));
    let send: Rc<dyn Fn()> = Rc::new({
        let (parent, secret) = (parent.clone(), secret.clone());
        move || {
            let Some(root) = document().document_element() else { return };
            let height = root.get_bounding_client_rect().height().ceil();
            // Only the height: safe for any parent origin (the parent is not known in advance).
            let _ = parent.post_message(
                &message(&[
                    ("type", HEIGHT_MESSAGE.into()),
                    ("version", MESSAGE_VERSION.into()),
                    ("height", height.into()),
                ]),
                "*",
            );
            if let Some(secret) = &secret {
                let _ = parent.post_message(
                    &message(&[("message", "height".into()), ("value", height.into()), ("secret", secret.into())]),
                    "*",
                );
            }
        }
    });
    send();
    let on_resize = Closure::<dyn FnMut()>::new({
        let send = send.clone();
        move || send()
    });
    if let (Ok(observer), Some(root)) =
        (web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()), document().document_element())
    {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    on_resize.forget();
    if let Some(secret) = secret {
        speak_wordpress(parent, secret, send);
    }
}

/// The window that frames this page, if it is framed.
pub fn framing_parent() -> Option<web_sys::Window> {
    window().parent().ok().flatten().filter(|parent| *parent != window())
}

/// A plain object of `fields`, as `postMessage` sends it.
fn message(fields: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    object
}

/// WordPress's side of an embed (`wp-embed.js`), which frames the page with
/// `sandbox="allow-scripts"` and sizes it from `{message: "height", value, secret}`:
/// - its `{message: "ready", secret}` asks for the height again (the frame may have loaded
///   before the script); from any other window, or with another secret, it is ignored;
/// - a link cannot open from the sandbox (no new windows, no top navigation), so a click on one
///   asks WordPress, with `{message: "link", value, secret}`, to open it in the reader's page.
///   WordPress follows only links to the frame's own host: a link to another site opens this view
///   as a page of the site instead, where it works. Links within the view (a filter: the same
///   page, no new window) stay in it.
fn speak_wordpress(parent: web_sys::Window, secret: String, send: Rc<dyn Fn()>) {
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new({
        let (parent, secret) = (parent.clone(), secret.clone());
        move |event: web_sys::MessageEvent| {
            let from_parent = event.source().is_some_and(|source| js_sys::Object::is(&source, &parent));
            let field = |name: &str| js_sys::Reflect::get(&event.data(), &name.into()).ok().and_then(|v| v.as_string());
            if from_parent
                && field("message").as_deref() == Some("ready")
                && field("secret").as_deref() == Some(&secret)
            {
                send();
            }
        }
    });
    let on_click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
        let Some(link) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let location = window().location();
        let (origin, path) = (location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
        let same_site = link.origin() == origin;
        if same_site && link.pathname() == path && link.target().is_empty() {
            return; // a filter of this view: the app handles it here
        }
        event.prevent_default();
        let value = if same_site {
            link.href()
        } else {
            format!("{origin}{path}{}", without_view(&location.search().unwrap_or_default()))
        };
        let _ = parent.post_message(
            &message(&[("message", "link".into()), ("value", value.into()), ("secret", secret.as_str().into())]),
            "*",
        );
    });
    let _ = window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // Capture: before the router treats the click as a navigation within the frame.
    let _ = document().add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    // Both live as long as the page.
    on_message.forget();
    on_click.forget();
}

/// What a `<quarterly-report>` element shows: a report's section, with a filter.
#[component]
pub fn ElementView(src: String, section: Option<EmbedSection>, filter: Filter) -> impl IntoView {
    let report = Loaded::Fetching(LocalResource::new(move || fetch_report(src.clone())));
    provide_context(FilterState::held(RwSignal::new(filter)));
    view! {
        <div class="embedded">
            {Await::new(report, "the report").ready(move |report| {
                view! { <SectionView report=report section=section /> }.into_any()
            })}
        </div>
    }
}

/// One section of a report (all three when `section` is `None`), as embeds show it.
#[component]
pub fn SectionView(report: Arc<Report>, section: Option<EmbedSection>) -> impl IntoView {
    let sections = section.unwrap_or(EmbedSection::All).parts();
    let title = report.title.clone();
    sections
        .into_iter()
        .map(|section| {
            let (heading, body) = match section {
                EmbedSection::Okrs => {
                    ("Objectives & key results", view! { <OkrSection report=report.clone() /> }.into_any())
                }
                EmbedSection::News => (
                    "News, blogs and media",
                    view! { <NewsList news=report.news.clone() notes=report.news_notes.clone() /> }.into_any(),
                ),
                EmbedSection::Events | EmbedSection::All => {
                    ("Upcoming events", view! { <EventList events=report.upcoming_events.clone() /> }.into_any())
                }
            };
            view! {
                <section class="report-section" data-section=section.slug()>
                    <h2>{format!("{title}: {heading}")}</h2>
                    {body}
                </section>
            }
        })
        .collect_view()
}

/// Mounts an [`ElementView`] in a custom element's shadow root (see `quarterly-element.js`).
/// `query` holds the filter as in a report's URL (`objective=2&status=started&q=audit`).
pub fn mount_element(
    parent: web_sys::HtmlElement,
    src: String,
    section: String,
    query: String,
) -> Box<dyn std::any::Any> {
    let section = EmbedSection::from_slug(&section);
    let filter = parse_query(&query);
    Box::new(leptos::mount::mount_to(
        parent,
        move || view! { <ElementView src=src.clone() section=section filter=filter.clone() /> },
    ))
}
