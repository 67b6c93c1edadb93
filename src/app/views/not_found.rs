//! The page for an address the site does not have.

use crate::app::href;
use leptos::prelude::*;

/// "Page not found", what was not found (`message`) and a way home.
#[component]
pub fn NotFound(#[prop(into)] message: String) -> impl IntoView {
    view! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">"Page not found"</h1>
            <p>{message}</p>
            <p><a href=href(quarterly_core::url_state::HOME_PATH)>"Go to the home page"</a></p>
        </section>
    }
}
