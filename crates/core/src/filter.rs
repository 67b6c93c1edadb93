//! Filtering a report's key results by objective, status and text, with the counts the filter
//! bar shows. Pure: the view derives everything here from the report and the filter.

use crate::model::anchor::ActivityPart;
use crate::model::{blocks_plain_text, plain_text, Activity, KeyResult, Objective, Report, StatusKind};

/// What the reader asked to see. The empty filter shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// An objective's id ("2"), or all.
    pub objective: Option<String>,
    /// Statuses to keep (any of them), sorted and without duplicates; empty keeps all.
    pub statuses: Vec<StatusKind>,
    /// Case-insensitive text searched in key-result ids and texts.
    pub text: String,
    /// Words searched in a working group's activities: a filter of its own, so that a key-result
    /// search (`?q=KR 1.1` from the history view) never hides a report's activities.
    pub activities: String,
}

/// Which single filter hides every key result, for the empty state's message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hider {
    /// The chosen objective has no key results.
    Objective,
    /// No key result has any of the chosen statuses.
    Status,
    /// No key result matches the search text.
    Text,
    /// Each filter alone leaves something; only together do they hide everything.
    Combination,
}

impl Filter {
    /// Whether any key-result filter is set (the activities' own text aside).
    pub fn is_active(&self) -> bool {
        self.objective.is_some() || !self.statuses.is_empty() || !self.text.trim().is_empty()
    }

    /// Adds or removes a status, keeping the list sorted.
    pub fn toggle_status(&mut self, kind: StatusKind) {
        match self.statuses.binary_search(&kind) {
            Ok(index) => {
                self.statuses.remove(index);
            }
            Err(index) => self.statuses.insert(index, kind),
        }
    }

    fn matches_objective(&self, objective: &Objective) -> bool {
        self.objective.as_ref().is_none_or(|id| *id == objective.id)
    }

    fn matches_status(&self, key_result: &KeyResult) -> bool {
        self.statuses.is_empty()
            || key_result.status.as_ref().is_some_and(|status| self.statuses.contains(&status.kind))
    }
}

/// A filter's text, prepared once per change rather than once per key result.
enum TextQuery {
    /// No text: everything matches.
    Any,
    /// Exactly a key-result id ("KR 1.1"): that key result, not 1.10.
    Id(String),
    /// Anything else, lowercased, searched in a key result's search text.
    Words(String),
}

impl TextQuery {
    fn new(text: &str) -> TextQuery {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            return TextQuery::Any;
        }
        if let Some(label) = crate::model::ids::key_result_label(&needle) {
            if label.length >= needle.chars().count() {
                return TextQuery::Id(match &label.major {
                    Some(major) => format!("{major}.{}", label.minor),
                    None => label.minor.clone(),
                });
            }
        }
        TextQuery::Words(needle)
    }

    /// `search_text` is the key result's [`search_text`].
    fn matches(&self, key_result: &KeyResult, search_text: &str) -> bool {
        match self {
            TextQuery::Any => true,
            // "KR 1.1" is key result 1.1; "KR 1" (no objective) is 1.1, 2.1, ... or a plain "1".
            TextQuery::Id(id) => {
                key_result.id.strip_suffix(id.as_str()).is_some_and(|before| before.is_empty() || before.ends_with('.'))
            }
            TextQuery::Words(needle) => search_text.contains(needle.as_str()),
        }
    }
}

/// An activity's whole text (name and every part), lowercased once, for the activity filter.
pub fn activity_search_text(activity: &Activity) -> String {
    let mut text = format!("{}\n{}", activity.name, blocks_plain_text(&activity.summary));
    for part in ActivityPart::ALL {
        text.push('\n');
        text.push_str(&blocks_plain_text(activity.part(part)));
    }
    for section in &activity.other {
        text.push('\n');
        text.push_str(&section.heading);
        text.push('\n');
        text.push_str(&blocks_plain_text(&section.blocks));
    }
    text.to_lowercase()
}

/// Whether an activity's text (from [`activity_search_text`]) holds every word of `query`, in
/// any order and case; an empty query keeps everything.
pub fn activity_matches(search_text: &str, query: &str) -> bool {
    query.to_lowercase().split_whitespace().all(|word| search_text.contains(word))
}

/// What a text search looks in: the key result's id, as "KR 1.1" and "KR1.1" are written, and
/// its plain text, lowercased.
fn search_text(key_result: &KeyResult) -> String {
    format!("kr {id} kr{id} {}", plain_text(&key_result.text), id = key_result.id).to_lowercase()
}

/// A report's key results made ready for filtering, once per report: each key result's search
/// text, so that typing compares text instead of lowercasing every key result per keystroke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchIndex {
    /// Per objective, per key result, in the report's order.
    search_texts: Vec<Vec<String>>,
}

impl SearchIndex {
    /// Prepares a report's key results for filtering, once per report.
    pub fn new(report: &Report) -> SearchIndex {
        let search_texts =
            report.objectives.iter().map(|objective| objective.key_results.iter().map(search_text).collect()).collect();
        SearchIndex { search_texts }
    }
}

/// What a filter leaves, and the counts the filter bar offers beside each choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filtered {
    /// For each objective with something to show, its index and the indices of its key results
    /// that match.
    pub groups: Vec<(usize, Vec<usize>)>,
    /// How many key results match.
    pub shown: usize,
    /// How many key results the report has.
    pub total: usize,
    /// How many key results each objective would show, given the other filters (status and
    /// text), for every objective in the report's order.
    pub objective_counts: Vec<(String, usize)>,
    /// How many key results each status would show, given the other filters (objective and
    /// text): the statuses the report uses plus any the reader chose, in the vocabulary's order.
    pub status_counts: Vec<(StatusKind, usize)>,
}

/// Applies a filter, in one pass over the key results. `index` is the report's [`SearchIndex`].
/// Objectives without key results (bullet lists of objectives) show while no filter is active,
/// so they are never silently lost.
pub fn apply(report: &Report, index: &SearchIndex, filter: &Filter) -> Filtered {
    let text = TextQuery::new(&filter.text);
    let active = filter.is_active();
    let (mut groups, mut shown, mut total) = (Vec::new(), 0, 0);
    let mut objective_counts = Vec::with_capacity(report.objectives.len());
    // Per status of the vocabulary: the count, and whether the report uses it.
    let mut statuses: Vec<(StatusKind, usize, bool)> = StatusKind::ALL.iter().map(|kind| (*kind, 0, false)).collect();
    for (objective_index, (objective, search_texts)) in report.objectives.iter().zip(&index.search_texts).enumerate() {
        let by_objective = filter.matches_objective(objective);
        let (mut rows, mut objective_count) = (Vec::new(), 0);
        for (key_result_index, (key_result, search_text)) in objective.key_results.iter().zip(search_texts).enumerate()
        {
            let by_text = text.matches(key_result, search_text);
            let by_status = filter.matches_status(key_result);
            if let Some(entry) = key_result
                .status
                .as_ref()
                .and_then(|status| statuses.iter_mut().find(|(kind, _, _)| *kind == status.kind))
            {
                entry.1 += usize::from(by_objective && by_text);
                entry.2 = true;
            }
            if by_status && by_text {
                objective_count += 1;
                if by_objective {
                    rows.push(key_result_index);
                }
            }
        }
        total += objective.key_results.len();
        shown += rows.len();
        objective_counts.push((objective.id.clone(), objective_count));
        let keep_empty = objective.key_results.is_empty() && !active;
        if !rows.is_empty() || keep_empty {
            groups.push((objective_index, rows));
        }
    }
    // Offer the statuses the report uses, plus any the reader already chose.
    let status_counts = statuses
        .into_iter()
        .filter(|(kind, _, present)| *present || filter.statuses.contains(kind))
        .map(|(kind, count, _)| (kind, count))
        .collect();
    Filtered { groups, shown, total, objective_counts, status_counts }
}

/// One objective's part of the rows laid out at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageGroup {
    /// The objective's index in the report.
    pub objective: usize,
    /// The indices of its matching key results on this page.
    pub key_results: Vec<usize>,
    /// How many of its key results match, on this page or not.
    pub matching: usize,
}

impl Filtered {
    /// The groups to lay out when at most `limit` key-result rows are: objectives in order until
    /// the rows run out, the last one possibly cut short. An objective without key results
    /// still shows while rows remain.
    pub fn page(&self, limit: usize) -> Vec<PageGroup> {
        let mut budget = limit;
        self.groups
            .iter()
            .map_while(|(objective, key_results)| {
                if budget == 0 && !key_results.is_empty() {
                    return None;
                }
                let on_this_page = key_results.len().min(budget);
                budget -= on_this_page;
                Some(PageGroup {
                    objective: *objective,
                    key_results: key_results[..on_this_page].to_vec(),
                    matching: key_results.len(),
                })
            })
            .collect()
    }
}

/// How many of an objective's key results are in each status (`None`: no status given), in the
/// vocabulary's order, leaving out the statuses it does not use.
pub fn status_breakdown(objective: &Objective) -> Vec<(Option<StatusKind>, usize)> {
    let mut counts: Vec<(Option<StatusKind>, usize)> =
        StatusKind::ALL.iter().map(|kind| (Some(*kind), 0)).chain(std::iter::once((None, 0))).collect();
    for kr in &objective.key_results {
        let kind = kr.status.as_ref().map(|s| s.kind);
        if let Some(entry) = counts.iter_mut().find(|(k, _)| *k == kind) {
            entry.1 += 1;
        }
    }
    counts.retain(|(_, count)| *count > 0);
    counts
}

/// When a filter leaves nothing, which filter is to blame. `index` is the report's
/// [`SearchIndex`].
pub fn hider(report: &Report, index: &SearchIndex, filter: &Filter) -> Option<Hider> {
    let count = |filter: &Filter| apply(report, index, filter).shown;
    if count(filter) > 0 || report.key_results().next().is_none() {
        return None;
    }
    let only = |f: Filter| count(&f) == 0;
    let objective =
        filter.objective.is_some() && only(Filter { objective: filter.objective.clone(), ..Filter::default() });
    let status = !filter.statuses.is_empty() && only(Filter { statuses: filter.statuses.clone(), ..Filter::default() });
    let text = !filter.text.trim().is_empty() && only(Filter { text: filter.text.clone(), ..Filter::default() });
    Some(if text {
        Hider::Text
    } else if status {
        Hider::Status
    } else if objective {
        Hider::Objective
    } else {
        Hider::Combination
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Inline, Status};

    fn kr(id: &str, text: &str, status: Option<&str>) -> KeyResult {
        KeyResult {
            id: id.into(),
            text: vec![Inline::Text { text: text.into() }],
            status: status.and_then(Status::from_written),
        }
    }

    fn report() -> Report {
        let objective = |id: &str, krs: Vec<KeyResult>| Objective {
            id: id.into(),
            title: vec![Inline::Text { text: format!("Objective {id}") }],
            key_results: krs,
        };
        let mut report: Report = serde_json::from_value(serde_json::json!({
            "format": 1, "source": "x.md", "initiative": {"name": "X", "slug": "x"},
            "period": {"year": 2025, "quarter": 2}, "title": "2025 Q2 X"
        }))
        .unwrap();
        report.objectives = vec![
            objective(
                "1",
                vec![
                    kr("1.1", "Fund ten organisations", Some("On Target")),
                    kr("1.2", "Confirm progress", Some("In Progress")),
                ],
            ),
            objective(
                "2",
                vec![kr("2.1", "Open data sets", Some("Started")), kr("2.2", "Beach cleaning", Some("In Progress"))],
            ),
            objective(
                "3",
                vec![
                    kr("3.1", "Security AUDITING of AI libraries", Some("Completed")),
                    kr("3.2", "No status yet", None),
                ],
            ),
        ];
        report
    }

    fn filtered(report: &Report, filter: &Filter) -> Filtered {
        apply(report, &SearchIndex::new(report), filter)
    }

    fn ids(report: &Report, filter: &Filter) -> Vec<String> {
        filtered(report, filter)
            .groups
            .iter()
            .flat_map(|(o, rows)| rows.iter().map(move |r| report.objectives[*o].key_results[*r].id.clone()))
            .collect()
    }

    #[test]
    fn empty_filter_shows_every_key_result() {
        let report = report();
        let all = filtered(&report, &Filter::default());
        assert_eq!((all.shown, all.total), (6, 6));
    }

    #[test]
    fn objective_filter_keeps_only_that_objectives_key_results() {
        let filter = Filter { objective: Some("2".into()), ..Filter::default() };
        assert_eq!(ids(&report(), &filter), vec!["2.1", "2.2"]);
    }

    #[test]
    fn several_statuses_keep_any_of_them() {
        let mut filter = Filter::default();
        filter.toggle_status(StatusKind::Completed);
        filter.toggle_status(StatusKind::InProgress);
        assert_eq!(filter.statuses, vec![StatusKind::InProgress, StatusKind::Completed]);
        assert_eq!(ids(&report(), &filter), vec!["1.2", "2.2", "3.1"]);
        filter.toggle_status(StatusKind::Completed);
        assert_eq!(ids(&report(), &filter), vec!["1.2", "2.2"]);
    }

    #[test]
    fn text_is_case_insensitive_over_id_and_text() {
        let by_text = Filter { text: "audit".into(), ..Filter::default() };
        assert_eq!(ids(&report(), &by_text), vec!["3.1"]);
        let by_id = Filter { text: "KR 2.2".into(), ..Filter::default() };
        assert_eq!(ids(&report(), &by_id), vec!["2.2"]);
    }

    #[test]
    fn a_key_result_id_search_is_exact() {
        let mut report = report();
        report.objectives[0].key_results.push(kr("1.10", "Tenth", None));
        assert_eq!(ids(&report, &Filter { text: "KR 1.1".into(), ..Filter::default() }), vec!["1.1"]);
        assert_eq!(ids(&report, &Filter { text: "kr1.10".into(), ..Filter::default() }), vec!["1.10"]);
    }

    #[test]
    fn status_counts_follow_the_other_filters() {
        let filter = Filter { objective: Some("1".into()), statuses: vec![StatusKind::Started], ..Filter::default() };
        let counts = filtered(&report(), &filter).status_counts;
        assert!(counts.contains(&(StatusKind::InProgress, 1)));
        assert!(counts.contains(&(StatusKind::Started, 0)));
        assert!(!counts.iter().any(|(kind, _)| *kind == StatusKind::Blocked));
    }

    #[test]
    fn the_filter_that_hides_everything_is_named() {
        let report = report();
        let index = SearchIndex::new(&report);
        assert_eq!(hider(&report, &index, &Filter { text: "zebra".into(), ..Filter::default() }), Some(Hider::Text));
        let combined =
            Filter { objective: Some("1".into()), statuses: vec![StatusKind::Completed], ..Filter::default() };
        assert_eq!(hider(&report, &index, &combined), Some(Hider::Combination));
        assert_eq!(hider(&report, &index, &Filter::default()), None);
    }

    #[test]
    fn objectives_without_key_results_show_only_when_unfiltered() {
        let mut report = report();
        report.objectives.push(Objective { id: "4".into(), title: vec![], key_results: vec![] });
        assert_eq!(filtered(&report, &Filter::default()).groups.len(), 4);
        assert_eq!(filtered(&report, &Filter { text: "fund".into(), ..Filter::default() }).groups.len(), 1);
    }

    #[test]
    fn status_counts_offer_a_chosen_status_the_report_does_not_use() {
        let filter = Filter { statuses: vec![StatusKind::Blocked], ..Filter::default() };
        assert!(filtered(&report(), &filter).status_counts.contains(&(StatusKind::Blocked, 0)));
        assert!(!filtered(&report(), &Filter::default())
            .status_counts
            .iter()
            .any(|(kind, _)| *kind == StatusKind::Blocked));
    }

    #[test]
    fn objective_counts_follow_the_other_filters_for_every_objective() {
        let filter =
            Filter { objective: Some("1".into()), statuses: vec![StatusKind::InProgress], ..Filter::default() };
        let counts = filtered(&report(), &filter).objective_counts;
        assert_eq!(counts, vec![("1".to_string(), 1), ("2".to_string(), 1), ("3".to_string(), 0)]);
    }

    #[test]
    fn text_search_sees_through_formatting_and_case() {
        let mut report = report();
        report.objectives[1].key_results[0].text = vec![
            Inline::Text { text: "Publish ".into() },
            Inline::Strong { children: vec![Inline::Text { text: "ÉTUDES".into() }] },
        ];
        assert_eq!(ids(&report, &Filter { text: "publish études".into(), ..Filter::default() }), vec!["2.1"]);
    }

    #[test]
    fn a_key_result_number_without_its_objective_finds_it_in_every_objective() {
        assert_eq!(ids(&report(), &Filter { text: "kr 2".into(), ..Filter::default() }), vec!["1.2", "2.2", "3.2"]);
    }

    #[test]
    fn a_page_cuts_the_last_objective_short_and_keeps_its_full_count() {
        let page = filtered(&report(), &Filter::default()).page(3);
        let summary: Vec<(usize, Vec<usize>, usize)> =
            page.into_iter().map(|g| (g.objective, g.key_results, g.matching)).collect();
        assert_eq!(summary, vec![(0, vec![0, 1], 2), (1, vec![0], 2)]);
    }

    #[test]
    fn a_page_keeps_objectives_without_key_results_while_rows_remain() {
        let mut report = report();
        report.objectives.insert(1, Objective { id: "0".into(), title: vec![], key_results: vec![] });
        let all = filtered(&report, &Filter::default());
        assert_eq!(all.page(2).iter().map(|g| g.objective).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(all.page(usize::MAX).iter().map(|g| g.key_results.len()).sum::<usize>(), 6);
    }

    #[test]
    fn the_activity_filter_needs_every_word_anywhere_in_the_activity() {
        let activity = Activity {
            name: "CVD Guide for Consumers".into(),
            purpose: vec![crate::model::Block::Paragraph {
                content: vec![Inline::Text { text: "Help consumers of open source".into() }],
            }],
            ..Activity::default()
        };
        let text = activity_search_text(&activity);
        assert!(activity_matches(&text, ""));
        assert!(activity_matches(&text, "guide CONSUMERS"));
        assert!(activity_matches(&text, "open source"));
        assert!(!activity_matches(&text, "guide scorecard"));
    }
}
