//! Data a view needs, either already at hand or being fetched. A pre-rendered page carries the
//! data of its first view inline (`quarterly-prerender`), so that view renders at once, in the
//! browser and at build time alike; everything else is fetched.

use super::api::{
    fetch_catalog, fetch_history, fetch_report, fetch_search, fetch_summary, history_url, report_url, FetchError,
};
use leptos::prelude::*;
use quarterly_core::history::Changes;
use quarterly_core::model::summary::{History, SearchCorpus, Summary};
use quarterly_core::model::{Catalog, Report};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The id of the `<script type="application/json">` element holding a page's [`Preloaded`].
pub const PRELOADED_ID: &str = "quarterly-preloaded";

/// The `<meta>` holding where the site lives on its host (`/` or `/reports/`), written by
/// scripts/post_build.py (which names it `BASE_META` too).
pub const BASE_META: &str = "quarterly-base";

/// The `<meta>` that marks a pre-rendered page, its content the site path it shows (boot.js in
/// scripts/post_build.py reads it too).
pub const PAGE_META: &str = "quarterly-page";

/// What a pre-rendered page was built with: the catalog, reports by their catalog path
/// (`alpha-omega/2025-q2.json`: a report page's report), the changes since the quarter before by
/// the report's path (computed at build time: the page needs neither the previous report nor the
/// work of comparing), `summary.json` (the home page and "For the TAC") and histories by
/// initiative (a history page's).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Preloaded {
    pub catalog: Option<Catalog>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reports: BTreeMap<String, Report>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub changes: BTreeMap<String, Changes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub histories: BTreeMap<String, History>,
}

/// [`Preloaded`] as the views share it (provided as context).
#[derive(Clone, Default)]
pub struct PreloadedData {
    catalog: Option<Arc<Catalog>>,
    reports: BTreeMap<String, Arc<Report>>,
    changes: BTreeMap<String, Arc<Changes>>,
    summary: Option<Arc<Summary>>,
    histories: BTreeMap<String, Arc<History>>,
}

impl From<Preloaded> for PreloadedData {
    fn from(preloaded: Preloaded) -> Self {
        PreloadedData {
            catalog: preloaded.catalog.map(Arc::new),
            reports: preloaded.reports.into_iter().map(|(path, report)| (path, Arc::new(report))).collect(),
            changes: preloaded.changes.into_iter().map(|(path, changes)| (path, Arc::new(changes))).collect(),
            summary: preloaded.summary.map(Arc::new),
            histories: preloaded.histories.into_iter().map(|(slug, history)| (slug, Arc::new(history))).collect(),
        }
    }
}

impl Preloaded {
    /// The JSON for the page's script element. `<` only occurs inside JSON strings, where
    /// `\u003c` means the same: report text can never end the element or open a comment.
    pub fn to_script_json(&self) -> String {
        serde_json::to_string(self).expect("the model always serialises").replace('<', "\\u003c")
    }
}

/// A value that is ready or still loading; `get` reads it reactively.
pub enum Loaded<T: 'static> {
    Ready(T),
    Fetching(LocalResource<Result<T, FetchError>>),
}

impl<T: Clone + 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        match self {
            Loaded::Ready(value) => Loaded::Ready(value.clone()),
            Loaded::Fetching(resource) => Loaded::Fetching(*resource),
        }
    }
}

impl<T: Clone + 'static> Loaded<T> {
    /// `None` while loading.
    pub fn get(&self) -> Option<Result<T, FetchError>> {
        match self {
            Loaded::Ready(value) => Some(Ok(value.clone())),
            Loaded::Fetching(resource) => resource.get(),
        }
    }

    pub fn refetch(&self) {
        if let Loaded::Fetching(resource) = self {
            resource.refetch();
        }
    }

    /// Waits for the value.
    pub async fn value(self) -> Result<T, FetchError> {
        match self {
            Loaded::Ready(value) => Ok(value),
            Loaded::Fetching(resource) => resource.await,
        }
    }
}

/// The catalog: preloaded, or fetched.
pub fn load_catalog() -> Loaded<Arc<Catalog>> {
    match use_context::<PreloadedData>().and_then(|data| data.catalog) {
        Some(catalog) => Loaded::Ready(catalog),
        None => Loaded::Fetching(LocalResource::new(fetch_catalog)),
    }
}

/// A report by its catalog path: preloaded, or fetched.
pub fn load_report(path: &str) -> Loaded<Arc<Report>> {
    if let Some(report) = use_context::<PreloadedData>().and_then(|data| data.reports.get(path).cloned()) {
        return Loaded::Ready(report);
    }
    let url = report_url(path);
    Loaded::Fetching(LocalResource::new(move || {
        let url = url.clone();
        async move { fetch_report(url?).await }
    }))
}

/// The changes since the quarter before of the report at `path`, when the page carries them.
pub fn preloaded_changes(path: &str) -> Option<Arc<Changes>> {
    use_context::<PreloadedData>().and_then(|data| data.changes.get(path).cloned())
}

/// An initiative's history (`<slug>/history.json`): preloaded, or fetched.
pub fn load_history(initiative: &str) -> Loaded<Arc<History>> {
    if let Some(history) = use_context::<PreloadedData>().and_then(|data| data.histories.get(initiative).cloned()) {
        return Loaded::Ready(history);
    }
    let url = history_url(initiative);
    Loaded::Fetching(LocalResource::new(move || {
        let url = url.clone();
        async move { fetch_history(url?).await }
    }))
}

/// `summary.json` and `search.json`, each fetched the first time a page needs it (never for a
/// report page) and then shared by every page: the requests are made under the app's owner, so
/// they outlive the page that asked. Provided once, as context.
#[derive(Clone)]
pub struct FoundationFiles {
    owner: Owner,
    summary: StoredValue<Option<Loaded<Arc<Summary>>>>,
    search: StoredValue<Option<Loaded<Arc<SearchCorpus>>>>,
}

impl Default for FoundationFiles {
    fn default() -> Self {
        FoundationFiles::new()
    }
}

impl FoundationFiles {
    /// Under the current owner (the app's), with what the page carries inline.
    pub fn new() -> FoundationFiles {
        let preloaded = use_context::<PreloadedData>().and_then(|data| data.summary).map(Loaded::Ready);
        FoundationFiles {
            owner: Owner::current().unwrap_or_default(),
            summary: StoredValue::new(preloaded),
            search: StoredValue::new(None),
        }
    }

    /// `summary.json`: preloaded, or fetched once.
    pub fn summary(&self) -> Loaded<Arc<Summary>> {
        self.get_or_fetch(self.summary, || LocalResource::new(fetch_summary))
    }

    /// `search.json`, fetched once.
    pub fn search(&self) -> Loaded<Arc<SearchCorpus>> {
        self.get_or_fetch(self.search, || LocalResource::new(fetch_search))
    }

    fn get_or_fetch<T: Clone + Send + Sync + 'static>(
        &self,
        slot: StoredValue<Option<Loaded<T>>>,
        fetch: impl FnOnce() -> LocalResource<Result<T, FetchError>>,
    ) -> Loaded<T> {
        if let Some(loaded) = slot.get_value() {
            return loaded;
        }
        let loaded = Loaded::Fetching(self.owner.with(fetch));
        slot.set_value(Some(loaded.clone()));
        loaded
    }
}
