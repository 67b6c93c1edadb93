//! The Embed button: the iframe and custom-element snippets for exactly the current view and
//! filters, with copy to clipboard.

use crate::app::escape_html as escape;
use leptos::prelude::*;
use quarterly_core::filter::Filter;
use quarterly_core::url_state::{filter_pairs, print_full_query, EmbedSection, ViewOptions};
use wasm_bindgen_futures::JsFuture;

/// The Embed button and what it opens: the snippets that put this view on another site.
/// `path`: the view's site path (`/alpha-omega/2025-q2`); `data_path`: the report's JSON below
/// `data/`, when the view is a report (the custom element shows reports only).
#[component]
pub fn EmbedPanel(
    #[prop(into)] title: String,
    #[prop(into)] path: String,
    filter: Signal<Filter>,
    #[prop(optional)] data_path: Option<String>,
) -> impl IntoView {
    // Absolute, so the snippets work on any other site.
    let base = crate::app::absolute_url("/");
    let section = RwSignal::new(if data_path.is_some() { Some(EmbedSection::Okrs) } else { None });
    let iframe = {
        let (base, path, title) = (base.clone(), path.clone(), title.clone());
        move || {
            let view = ViewOptions { embed: true, section: section.get(), theme: None };
            let src = format!("{base}{}{}", path.trim_start_matches('/'), print_full_query(&filter.get(), &view));
            format!(
                "<iframe src=\"{}\" title=\"{}\" style=\"width:100%;height:480px;border:0\" loading=\"lazy\" data-quarterly-embed></iframe>\n<script src=\"{base}embed.js\" async></script>",
                escape(&src),
                escape(&title)
            )
        }
    };
    let element = data_path.clone().map(|data_path| {
        let base = base.clone();
        move || {
            let filter = filter.get();
            let mut attributes = format!(" src=\"{}\"", escape(&format!("{base}data/{data_path}")));
            if let Some(section) = section.get() {
                attributes.push_str(&format!(" section=\"{}\"", section.slug()));
            }
            // The filter attributes read like the URL's query parameters.
            for (key, value) in filter_pairs(&filter) {
                attributes.push_str(&format!(" {key}=\"{}\"", escape(&value)));
            }
            format!(
                "<script type=\"module\" src=\"{base}quarterly-element.js\"></script>\n<quarterly-report{attributes}></quarterly-report>"
            )
        }
    });
    let has_sections = data_path.is_some();
    view! {
        <details class="embed-panel">
            <summary class="button">"Embed"</summary>
            <p>"Put this view, with its current filters, on another website."</p>
            {has_sections.then(|| view! { <SectionChoice section=section /> })}
            <Snippet id="embed-iframe" heading="As an iframe (any site; sizes itself with embed.js)" text=Signal::derive(iframe) />
            {element.map(|element| view! {
                <Snippet id="embed-element" heading="As a custom element (renders in the page, in a shadow root)" text=Signal::derive(element) />
            })}
        </details>
    }
}

/// Which section of a report the snippets embed.
#[component]
fn SectionChoice(section: RwSignal<Option<EmbedSection>>) -> impl IntoView {
    view! {
        <label class="nav-field">
            <span>"Show"</span>
            <select id="embed-section" on:change=move |ev| section.set(EmbedSection::from_slug(&event_target_value(&ev)))>
                <option value="okrs" selected=true>"Objectives & key results"</option>
                <option value="news">"News and blogs"</option>
                <option value="events">"Upcoming events"</option>
                <option value="all">"All three"</option>
            </select>
        </label>
    }
}

/// One snippet to copy, under its heading, with a Copy button that says whether it worked.
#[component]
fn Snippet(id: &'static str, heading: &'static str, text: Signal<String>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let text = text.get_untracked();
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let outcome = JsFuture::from(promise).await;
            status.set(if outcome.is_ok() {
                "Copied.".into()
            } else {
                "Could not copy: select the text and copy it.".into()
            });
        });
    };
    view! {
        <h3><label for=id>{heading}</label></h3>
        <textarea id=id class="snippet" readonly=true spellcheck="false" prop:value=move || text.get()></textarea>
        <button type="button" class="button" on:click=copy>"Copy"</button>
        <span class="copy-status" role="status">{move || status.get()}</span>
    }
}
