//! Embedding on other sites: the iframe's height messages and the `<quarterly-report>` custom
//! element's rendering (its JS class lives in `quarterly-element.js`, written at build time).
//!
//! Message format (version 1), sent by an embedded page to its parent window only:
//! `{ "type": "quarterly:height", "version": 1, "height": <CSS pixels> }`. It carries nothing
//! but the height, so it may go to any parent origin; `embed.js` accepts it only from the
//! iframe's own window and origin.

use super::api::fetch_report;
use super::filter_state::FilterState;
use super::loaded::Loaded;
use super::views::loading::Await;
use super::views::news_list::{EventList, NewsList};
use super::views::okr_table::OkrSection;
use leptos::prelude::*;
use quarterly_core::filter::Filter;
use quarterly_core::model::Report;
use quarterly_core::url_state::{parse_query, EmbedSection};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const HEIGHT_MESSAGE: &str = "quarterly:height";
pub const MESSAGE_VERSION: u32 = 1;

/// In an iframe, tells the parent the page's height now and whenever it changes.
pub fn report_height_to_parent() {
    let window = window();
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return; // not framed
    }
    let send = move || {
        let Some(root) = document().document_element() else { return };
        let height = root.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"version".into(), &MESSAGE_VERSION.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // Only the height: safe for any parent origin (the parent is not known in advance).
        let _ = parent.post_message(&message, "*");
    };
    send();
    let on_resize = Closure::<dyn FnMut()>::new(send);
    if let (Ok(observer), Some(root)) =
        (web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()), document().document_element())
    {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    on_resize.forget();
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
