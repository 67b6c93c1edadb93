//! A part of a page the app may build a task after the rest (see `app::staging`).

use crate::app::staging;
use leptos::prelude::*;

/// Its children, built at once; or, while the app builds a page off the document to take over
/// its pre-rendered copy, in a task of their own after the rest of the page, so that no task is
/// long.
#[component]
pub fn Later(children: Children) -> impl IntoView {
    match staging::later() {
        Some(released) => {
            let mut children = Some(children);
            // Runs again only when `released` changes, which it does once, from unset to set: the
            // children are built untracked, so that nothing they read can run it again (it would
            // find them gone).
            (move || released.get().then(|| children.take().map(|children| untrack(children))).flatten()).into_any()
        }
        None => children().into_any(),
    }
}
