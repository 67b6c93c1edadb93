//! The files the foundation-wide views read, written by the importer beside the catalog:
//! `summary.json` (each report's headline, counts and asks: the home page, the filing grid, "For
//! the TAC") and `search.json` (what every report says, as plain-text passages). One request
//! each, never one per report. Likewise `<initiative>/history.json` holds an initiative's
//! objectives and key results of every quarter, for its history view.

use super::{Block, Period, Report};
use serde::{Deserialize, Serialize};

/// `summary.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    /// JSON format version (`FORMAT_VERSION`).
    pub format: u32,
    /// One per report, in the catalog's order.
    pub reports: Vec<ReportSummary>,
}

/// What the foundation-wide views show of one report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportSummary {
    /// The initiative's slug.
    pub initiative: String,
    /// The quarter the report covers.
    pub period: Period,
    /// The overview's first sentence (plain text; empty when there is no overview).
    #[serde(default)]
    pub headline: String,
    /// How many activities the report has.
    #[serde(default)]
    pub activities: usize,
    /// Key results by status, in the status vocabulary's order; `status` is a status slug, or
    /// `none` where the author gave none.
    #[serde(default)]
    pub key_results: Vec<StatusCount>,
    /// Every question for the TAC and funding request, report-wide and per activity.
    #[serde(default)]
    pub asks: Vec<Ask>,
}

/// How many key results have one status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusCount {
    /// A status slug (`in-progress`), or `none` for key results without a status.
    pub status: String,
    /// How many key results have it (never 0: a status no key result has is left out).
    pub count: usize,
}

/// What an ask is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AskKind {
    /// A question or issue for the TAC.
    Question,
    /// A funding request.
    Funding,
}

/// A question for the TAC or a funding request, with where it stands in its report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ask {
    /// Whether it is a question or a funding request.
    pub kind: AskKind,
    /// The activity it belongs to; `None` for the report-wide sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// The id of its place on the report page ([`super::anchor`]).
    pub anchor: String,
    /// The whole section, as the report has it.
    pub content: Vec<Block>,
}

/// `search.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchCorpus {
    /// JSON format version (`FORMAT_VERSION`).
    pub format: u32,
    /// One per report, in the catalog's order.
    pub reports: Vec<ReportPassages>,
}

/// One report's searchable text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportPassages {
    /// The initiative's slug.
    pub initiative: String,
    /// The quarter the report covers.
    pub period: Period,
    /// Its text, one passage per paragraph, list item, table row, key result or link.
    pub passages: Vec<Passage>,
}

/// A piece of a report's text with its place: a paragraph, a list item, a key result, a link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Passage {
    /// The id of its place on the report page ([`super::anchor`]).
    pub anchor: String,
    /// Where it stands, in words: "Overview", "Activity: CVD Guide · Purpose", "KR 1.2".
    pub place: String,
    /// Its plain text.
    pub text: String,
}

/// `<initiative>/history.json`: an initiative's reports, in quarter order, each with only its
/// identity and its objectives and key results (what the history view follows).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct History {
    /// JSON format version (`FORMAT_VERSION`).
    pub format: u32,
    /// The initiative's slug.
    pub initiative: String,
    /// Its reports, oldest first, each with only its identity and objectives (every other part
    /// empty).
    pub reports: Vec<Report>,
}
