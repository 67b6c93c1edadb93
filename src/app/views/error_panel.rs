//! What a reader sees when data could not be loaded: which file, why, and a Retry.

use crate::app::api::FetchError;
use leptos::prelude::*;

/// What could not be loaded, why, and a Retry. `what` names it ("the report", "the list of reports").
#[component]
pub fn ErrorPanel(error: FetchError, what: &'static str, on_retry: Callback<()>) -> impl IntoView {
    // Several panels can show at once (one per failed quarter): each needs its own id.
    static PANELS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let id = format!("error-title-{}", PANELS.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    let detail = error.detail().map(str::to_string);
    let labelled_by = id.clone();
    view! {
        <section class="error-panel" role="alert" aria-labelledby=labelled_by>
            <h2 id=id>{format!("Could not load {what}")}</h2>
            <p class="error-message">{error.to_string()}</p>
            {detail.map(|detail| view! { <p class="error-detail">"Details: " <code>{detail}</code></p> })}
            <button type="button" class="button" on:click=move |_| on_retry.run(())>"Retry"</button>
        </section>
    }
}
