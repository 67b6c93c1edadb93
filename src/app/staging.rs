//! Taking over a pre-rendered page in parts. The app builds its page off the document: first all
//! but the parts marked [`Later`](super::views::later::Later), then each of those in a task of its
//! own, in the order they were created, then swaps the whole page in. No task is as long as
//! building the page in one, the reader keeps the static copy until the app's is complete, and
//! nothing half-built is ever painted. Meanwhile a click on the static copy is the browser's: the
//! app's router, already listening, would change the address and the hidden page but not the
//! page shown.

use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A page being built off the document.
struct Staging {
    /// Keeps clicks on the static copy from the app's router while the page is built.
    clicks_kept: Option<Closure<dyn Fn(web_sys::Event)>>,
    /// The parts built later that are still waiting, each with the signal that lets it be built.
    later: VecDeque<ArcRwSignal<bool>>,
    /// What waits for the page to be painted: it cannot be before the swap.
    after_paint: Vec<Box<dyn FnOnce()>>,
}

thread_local!(static STAGING: RefCell<Option<Staging>> = const { RefCell::new(None) });

/// Starts building a page off the document.
pub fn begin() {
    // Capturing at the document, it stops a click before anything else hears it, and leaves the
    // browser its default (following a link, ticking a box).
    let keep = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| event.stop_propagation());
    let listening = document().add_event_listener_with_callback_and_bool("click", keep.as_ref().unchecked_ref(), true);
    let staging =
        Staging { clicks_kept: listening.is_ok().then_some(keep), later: VecDeque::new(), after_paint: Vec::new() };
    STAGING.with(|current| *current.borrow_mut() = Some(staging));
}

/// While a page is built off the document, a signal for a part to wait for: it is set in a task
/// of its own, after those of the parts created before it.
pub fn later() -> Option<ArcRwSignal<bool>> {
    STAGING.with(|current| {
        current.borrow_mut().as_mut().map(|staging| {
            let signal = ArcRwSignal::new(false);
            staging.later.push_back(signal.clone());
            signal
        })
    })
}

/// Lets the next waiting part be built (in this task: its render effects run in its microtasks);
/// false when none waits.
pub fn release_next() -> bool {
    let next = STAGING.with(|current| current.borrow_mut().as_mut().and_then(|staging| staging.later.pop_front()));
    next.map(|signal| signal.set(true)).is_some()
}

/// `run` back if no page is being built off the document; else keeps it for [`end`].
pub fn hold_until_shown(run: Box<dyn FnOnce()>) -> Option<Box<dyn FnOnce()>> {
    STAGING.with(|current| match current.borrow_mut().as_mut() {
        Some(staging) => {
            staging.after_paint.push(run);
            None
        }
        None => Some(run),
    })
}

/// The page is in the document: a part still waiting is built at once, and what waited for the
/// page's paint waits for the next one.
pub fn end() {
    let Some(staging) = STAGING.with(|current| current.borrow_mut().take()) else { return };
    if let Some(keep) = staging.clicks_kept {
        let _ = document().remove_event_listener_with_callback_and_bool("click", keep.as_ref().unchecked_ref(), true);
    }
    for later in staging.later {
        later.set(true);
    }
    for run in staging.after_paint {
        super::perf::after_paint(run);
    }
}
