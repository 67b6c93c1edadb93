//! What a reader sees when data could not be loaded: which file, why, and a Retry.

use crate::app::api::FetchError;
use leptos::prelude::*;

/// `what` names what failed to load ("the report", "the list of reports").
#[component]
pub fn ErrorPanel(error: FetchError, what: &'static str, on_retry: Callback<()>) -> impl IntoView {
    let detail = error.detail().map(str::to_string);
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title">
            <h2 id="error-title">{format!("Could not load {what}")}</h2>
            <p class="error-message">{error.to_string()}</p>
            {detail.map(|detail| view! { <p class="error-detail">"Details: " <code>{detail}</code></p> })}
            <button type="button" class="button" on:click=move |_| on_retry.run(())>"Retry"</button>
        </section>
    }
}
