//! Paint timing: waiting for the next paint, and the marks the benchmark reads (`cargo bench
//! --bench site`).

use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Sets `performance.mark(name)` once per page, after the frame that paints the current DOM.
pub fn mark_after_paint(name: &'static str) {
    thread_local!(static DONE: Cell<bool> = const { Cell::new(false) });
    if DONE.with(|done| done.replace(true)) {
        return;
    }
    after_paint(move || mark(name));
}

/// Sets `performance.mark(name)` now.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Runs `run` after the frame that paints the current DOM: the next animation frame, then a task
/// (the usual way to wait for "painted").
/// While the app builds a page off the document, that is after it is shown (see `staging`).
pub fn after_paint(run: impl FnOnce() + 'static) {
    let Some(run) = super::staging::hold_until_shown(Box::new(run)) else { return };
    let after_frame = Closure::once_into_js(move || next_task(run));
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
    }
}

/// Runs `run` in a task of its own, after what is queued (at once if there is no window).
pub fn next_task(run: impl FnOnce() + 'static) {
    match web_sys::window() {
        Some(window) => {
            // Fails only in a window being closed, where nothing is left to run for.
            if window.set_timeout_with_callback(Closure::once_into_js(run).unchecked_ref()).is_err() {
                leptos::logging::warn!("could not queue a task: the window is closing");
            }
        }
        None => run(),
    }
}
