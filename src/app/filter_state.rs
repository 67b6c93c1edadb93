//! The OKR and activity filters as the views share them: the current filter and the two ways to
//! change it, provided once (by the report page, or by a `<quarterly-report>` element) and read
//! with [`use_filter`] by the views that show or change it.

use super::perf::after_paint;
use super::ViewContext;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use quarterly_core::filter::Filter;
use quarterly_core::url_state::print_full_query;
use std::time::Duration;

/// How long typing in a search must pause before the address follows it.
pub const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// The filter shown, and how a view changes it.
#[derive(Clone, Copy)]
pub struct FilterState {
    /// The filter the views show.
    pub filter: Signal<Filter>,
    /// Shows another filter as a new step: Back returns to the one before.
    pub show: Callback<Filter>,
    /// Replaces the current filter in place (while typing, each keystroke is no new step).
    pub refine: Callback<Filter>,
    /// Writes into the address at once a search still waiting for typing to pause: for a search
    /// box that loses the focus (a reader reaching for a link) or gets Enter.
    pub settle: Callback<()>,
}

/// An address update that waits, and for what.
#[derive(Clone, Copy, PartialEq)]
enum Waiting {
    /// A new history step, written after the paint.
    Step,
    /// A refinement of the current step (typing), written once typing pauses.
    Refinement,
}

impl FilterState {
    /// The filter in the page's address (a report page). A change shows at once and the address
    /// follows after the paint, or, while a reader types in a search, once typing pauses: a
    /// navigation costs as much as re-rendering the table, so doing both before the frame made
    /// every keystroke a frame late, and one per keystroke made typing cost twice the script.
    /// Back, Forward and links change the address first, and the filter follows it. (A reader
    /// who goes Back by keyboard within the pause leaves the search's last letters unwritten.)
    pub fn from_address() -> FilterState {
        let location = use_location();
        let navigate = use_navigate();
        let ViewContext(options) = expect_context::<ViewContext>();
        // A memo: parsed once per address change, and nothing downstream runs when it parses the same.
        let address = Memo::new(move |_| quarterly_core::url_state::parse_query(&location.search.get()));
        let filter = RwSignal::new(address.get_untracked());
        // The address update waiting, if any: changes before it runs share it.
        let pending: StoredValue<Option<Waiting>> = StoredValue::new(None);
        // A refinement not yet in the address when a new step came: the current entry gets it
        // first, so that Back shows what the reader last saw there.
        let refined: StoredValue<Option<Filter>> = StoredValue::new(None);
        // Which pause is running: a new one (or a step) makes the one before it moot.
        let pause = StoredValue::new(0u32);
        let next_pause = move || {
            pause.try_update_value(|pause| {
                *pause = pause.wrapping_add(1);
                *pause
            })
        };
        Effect::new(move |_| {
            let address = address.get();
            if filter.with_untracked(|shown| *shown != address) {
                // Back, Forward or a link: what waited to be written no longer belongs here.
                pending.set_value(None);
                refined.set_value(None);
                next_pause();
                filter.set(address);
            }
        });
        let write = move |next: Filter, replace: bool| {
            if next == address.get_untracked() {
                return;
            }
            let options = options.get_untracked();
            let (path, query, hash) =
                (location.pathname.get_untracked(), print_full_query(&next, &options), location.hash.get_untracked());
            navigate(
                &format!("{path}{query}{hash}"),
                // In an iframe, history entries would pile up in the host page's Back button.
                NavigateOptions {
                    resolve: false,
                    replace: replace || options.embed,
                    scroll: false,
                    ..NavigateOptions::default()
                },
            );
        };
        let follow = move || {
            // The page may have gone (another route) before this runs: then nothing follows.
            let (Some(Some(waiting)), Some(next)) = (pending.try_get_value(), filter.try_get_untracked()) else {
                return;
            };
            pending.set_value(None);
            if let Some(before) = refined.try_update_value(Option::take).flatten() {
                write(before, true);
            }
            write(next, waiting == Waiting::Refinement);
        };
        let settle = follow.clone();
        let go = move |next: Filter, new_step: bool| {
            match (pending.get_value(), new_step) {
                // The step waiting for the paint carries this change too.
                (Some(Waiting::Step), _) => {}
                (waiting, true) => {
                    // In a frame every change replaces the entry: nothing to keep apart.
                    if waiting == Some(Waiting::Refinement) && !options.get_untracked().embed {
                        refined.set_value(filter.try_get_untracked());
                    }
                    next_pause();
                    pending.set_value(Some(Waiting::Step));
                    after_paint(follow.clone());
                }
                (_, false) => {
                    pending.set_value(Some(Waiting::Refinement));
                    let this = next_pause();
                    let follow = follow.clone();
                    set_timeout(
                        move || {
                            if pause.try_get_value() == this {
                                follow()
                            }
                        },
                        TYPING_PAUSE,
                    );
                }
            }
            filter.set(next);
        };
        let refine = go.clone();
        FilterState {
            filter: filter.into(),
            show: Callback::new(move |next| go(next, true)),
            refine: Callback::new(move |next| refine(next, false)),
            settle: Callback::new(move |()| {
                if pending.get_value() == Some(Waiting::Refinement) {
                    next_pause();
                    settle();
                }
            }),
        }
    }

    /// A filter held in `filter`, with no history to step through (a `<quarterly-report>`
    /// element, a component test).
    pub fn held(filter: RwSignal<Filter>) -> FilterState {
        let set = Callback::new(move |next| filter.set(next));
        FilterState { filter: filter.into(), show: set, refine: set, settle: Callback::new(|()| {}) }
    }

    /// Shows the filter changed by `update`, as a new step.
    pub fn show_changed(&self, update: impl FnOnce(&mut Filter)) {
        let mut next = self.filter.get_untracked();
        update(&mut next);
        self.show.run(next);
    }

    /// Shows `next` after the reader typed in a search box that held `before` and now holds
    /// `now`: a new search adds a history entry; refining it while typing replaces that entry.
    pub fn typed(&self, before: &str, now: &str, next: Filter) {
        if !before.is_empty() && !now.is_empty() {
            self.refine.run(next);
        } else {
            self.show.run(next);
        }
    }
}

/// The filter state of the report (or embedded element) this view is part of.
pub fn use_filter() -> FilterState {
    expect_context::<FilterState>()
}
