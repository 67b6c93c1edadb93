//! Waiting for data: the loading state, the error panel with its Retry, or the view of the data.
//! Every view that waits for a file goes through [`Await`], those that need the catalog through
//! [`with_catalog`]. Data a pre-rendered page carries
//! inline is [`Loaded::Ready`]: its view renders at once, with no loading state in between.

use super::error_panel::ErrorPanel;
use crate::app::api::FetchError;
use crate::app::loaded::Loaded;
use crate::app::{CatalogResource, ReadyCatalog};
use leptos::prelude::*;
use std::sync::Arc;

/// The loading state ("Loading the report…"), announced to screen readers.
#[component]
pub fn Loading(what: &'static str) -> impl IntoView {
    view! { <p class="loading" role="status">{format!("Loading {what}…")}</p> }
}

type LoadingView = Arc<dyn Fn() -> AnyView + Send + Sync>;
type FailedView = Arc<dyn Fn(FetchError, Callback<()>) -> AnyView + Send + Sync>;

/// How a view shows a [`Loaded`] value in its three states: loading, failed (with a Retry that
/// fetches again) and ready. By default the states are [`Loading`] and [`ErrorPanel`].
pub struct Await<T: 'static> {
    loaded: Loaded<T>,
    loading: LoadingView,
    failed: FailedView,
}

impl<T: Clone + Send + Sync + 'static> Await<T> {
    /// `what` names the data for the loading state and the error panel ("the report").
    pub fn new(loaded: Loaded<T>, what: &'static str) -> Self {
        Await {
            loaded,
            loading: Arc::new(move || view! { <Loading what=what /> }.into_any()),
            failed: Arc::new(move |error, retry| {
                view! { <ErrorPanel error=error what=what on_retry=retry /> }.into_any()
            }),
        }
    }

    /// Shows `loading` instead of the loading state.
    pub fn loading(self, loading: impl Fn() -> AnyView + Send + Sync + 'static) -> Self {
        Await { loading: Arc::new(loading), ..self }
    }

    /// Shows `failed` (given the error and the Retry) instead of the error panel.
    pub fn failed(self, failed: impl Fn(FetchError, Callback<()>) -> AnyView + Send + Sync + 'static) -> Self {
        Await { failed: Arc::new(failed), ..self }
    }

    /// The view: the state of the moment, and `ready`'s view of the value once it is there.
    pub fn ready(self, ready: impl Fn(T) -> AnyView + Send + Sync + 'static) -> impl IntoView {
        let Await { loaded, loading, failed } = self;
        move || match loaded.get() {
            None => loading(),
            Some(Err(error)) => {
                let retry = loaded.clone();
                failed(error, Callback::new(move |_| retry.refetch()))
            }
            Some(Ok(value)) => ready(value),
        }
    }
}

/// Waits for the shared catalog (with a loading state and an error panel with Retry), then
/// provides it to the views `render` makes ([`crate::app::use_catalog`] reads it) and shows them.
/// Every page that needs the catalog goes through here.
pub fn with_catalog(render: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let CatalogResource(catalog) = expect_context::<CatalogResource>();
    Await::new(catalog, "the list of reports").ready(move |catalog| {
        provide_context(ReadyCatalog(catalog));
        render()
    })
}

/// Waits for the catalog and one more file (`what` names it for the loading state and the error
/// panel), then shows what `render` makes of the file. The foundation-wide pages go through here.
pub fn with_catalog_and<T: Clone + Send + Sync + 'static>(
    file: Loaded<T>,
    what: &'static str,
    render: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let render = Arc::new(render);
    with_catalog(move || {
        let render = render.clone();
        Await::new(file.clone(), what).ready(move |value| render(value)).into_any()
    })
}
