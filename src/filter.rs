//! Filtering a report's key results by objective, status and text, with the counts the filter
//! bar shows. Pure: the view derives everything here from the report and the filter.

use crate::model::{plain_text, KeyResult, Objective, Report, StatusKind};

/// What the reader asked to see. The empty filter shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// An objective's id ("2"), or all.
    pub objective: Option<String>,
    /// Statuses to keep (any of them), sorted and without duplicates; empty keeps all.
    pub statuses: Vec<StatusKind>,
    /// Case-insensitive text searched in key-result ids and texts.
    pub text: String,
}

/// Which single filter hides every key result, for the empty state's message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hider {
    Objective,
    Status,
    Text,
    /// Each filter alone leaves something; only together do they hide everything.
    Combination,
}

impl Filter {
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

    fn matches_text(&self, key_result: &KeyResult) -> bool {
        let needle = self.text.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        // A search that is exactly a key-result id ("KR 1.1") means that key result, not 1.10.
        if let Some(label) = crate::import::okr::key_result_label(&needle) {
            if label.length >= needle.chars().count() {
                let id = match &label.major {
                    Some(major) => format!("{major}.{}", label.minor),
                    None => label.minor.clone(),
                };
                return key_result.id == id || key_result.id.ends_with(&format!(".{id}"));
            }
        }
        let haystack =
            format!("kr {id} kr{id} {}", plain_text(&key_result.text), id = key_result.id).to_lowercase();
        haystack.contains(&needle)
    }

    pub fn matches(&self, objective: &Objective, key_result: &KeyResult) -> bool {
        self.matches_objective(objective) && self.matches_status(key_result) && self.matches_text(key_result)
    }

    fn without_objective(&self) -> Filter {
        Filter { objective: None, ..self.clone() }
    }

    fn without_statuses(&self) -> Filter {
        Filter { statuses: Vec::new(), ..self.clone() }
    }
}

/// The rows a filter leaves: for each objective with something to show, the indices of its
/// key results that match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filtered {
    pub groups: Vec<(usize, Vec<usize>)>,
    pub shown: usize,
    pub total: usize,
}

/// Applies a filter. Objectives without key results (bullet lists of objectives) show while no
/// filter is active, so they are never silently lost.
pub fn apply(report: &Report, filter: &Filter) -> Filtered {
    let mut groups = Vec::new();
    let mut shown = 0;
    for (index, objective) in report.objectives.iter().enumerate() {
        let rows: Vec<usize> = objective
            .key_results
            .iter()
            .enumerate()
            .filter(|(_, kr)| filter.matches(objective, kr))
            .map(|(i, _)| i)
            .collect();
        shown += rows.len();
        let keep_empty = objective.key_results.is_empty() && !filter.is_active();
        if !rows.is_empty() || keep_empty {
            groups.push((index, rows));
        }
    }
    Filtered { groups, shown, total: report.key_results().count() }
}

fn count(report: &Report, filter: &Filter) -> usize {
    report.key_results().filter(|(objective, kr)| filter.matches(objective, kr)).count()
}

/// How many key results each status would show, given the other filters (objective and text).
pub fn status_counts(report: &Report, filter: &Filter) -> Vec<(StatusKind, usize)> {
    let others = filter.without_statuses();
    let mut counts: Vec<(StatusKind, usize)> = StatusKind::ALL.iter().map(|kind| (*kind, 0)).collect();
    for (objective, kr) in report.key_results() {
        if let (Some(status), true) = (&kr.status, others.matches(objective, kr)) {
            if let Some(entry) = counts.iter_mut().find(|(kind, _)| *kind == status.kind) {
                entry.1 += 1;
            }
        }
    }
    // Offer the statuses the report uses, plus any the reader already chose.
    let present: Vec<StatusKind> =
        report.key_results().filter_map(|(_, kr)| kr.status.as_ref().map(|s| s.kind)).collect();
    counts.retain(|(kind, _)| present.contains(kind) || filter.statuses.contains(kind));
    counts
}

/// How many key results each objective would show, given the other filters (status and text).
pub fn objective_counts(report: &Report, filter: &Filter) -> Vec<(String, usize)> {
    let others = filter.without_objective();
    report
        .objectives
        .iter()
        .map(|objective| {
            (objective.id.clone(), objective.key_results.iter().filter(|kr| others.matches(objective, kr)).count())
        })
        .collect()
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

/// A search hit in one of several reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index of the report in the slice searched.
    pub report: usize,
    pub found: Found,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    KeyResult { id: String, text: String, status: Option<crate::model::Status> },
    Link { title: String, url: String },
}

/// Finds text (case-insensitive) in the key results and news links of every report.
pub fn search(reports: &[&Report], text: &str) -> Vec<Hit> {
    let needle = text.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let by_text = Filter { text: needle.clone(), ..Filter::default() };
    let mut hits = Vec::new();
    for (index, report) in reports.iter().enumerate() {
        for (_, kr) in report.key_results().filter(|(o, kr)| by_text.matches(o, kr)) {
            let found = Found::KeyResult { id: kr.id.clone(), text: plain_text(&kr.text), status: kr.status.clone() };
            hits.push(Hit { report: index, found });
        }
        for item in &report.news {
            let haystack = format!("{} {} {}", item.title, item.attribution.as_deref().unwrap_or(""), item.url).to_lowercase();
            if haystack.contains(&needle) {
                hits.push(Hit { report: index, found: Found::Link { title: item.title.clone(), url: item.url.clone() } });
            }
        }
    }
    hits
}

/// When a filter leaves nothing, which filter is to blame.
pub fn hider(report: &Report, filter: &Filter) -> Option<Hider> {
    if count(report, filter) > 0 || report.key_results().next().is_none() {
        return None;
    }
    let only = |f: Filter| count(report, &f) == 0;
    let objective = filter.objective.is_some()
        && only(Filter { objective: filter.objective.clone(), ..Filter::default() });
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
            objective("1", vec![kr("1.1", "Fund ten organisations", Some("On Target")), kr("1.2", "Confirm progress", Some("In Progress"))]),
            objective("2", vec![kr("2.1", "Open data sets", Some("Started")), kr("2.2", "Beach cleaning", Some("In Progress"))]),
            objective("3", vec![kr("3.1", "Security AUDITING of AI libraries", Some("Completed")), kr("3.2", "No status yet", None)]),
        ];
        report
    }

    fn ids(report: &Report, filter: &Filter) -> Vec<String> {
        apply(report, filter)
            .groups
            .iter()
            .flat_map(|(o, rows)| rows.iter().map(move |r| report.objectives[*o].key_results[*r].id.clone()))
            .collect()
    }

    #[test]
    fn empty_filter_shows_every_key_result() {
        let report = report();
        let filtered = apply(&report, &Filter::default());
        assert_eq!((filtered.shown, filtered.total), (6, 6));
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
        let counts = status_counts(&report(), &filter);
        assert!(counts.contains(&(StatusKind::InProgress, 1)));
        assert!(counts.contains(&(StatusKind::Started, 0)));
        assert!(!counts.iter().any(|(kind, _)| *kind == StatusKind::Blocked));
    }

    #[test]
    fn the_filter_that_hides_everything_is_named() {
        let report = report();
        assert_eq!(hider(&report, &Filter { text: "zebra".into(), ..Filter::default() }), Some(Hider::Text));
        let combined = Filter { objective: Some("1".into()), statuses: vec![StatusKind::Completed], ..Filter::default() };
        assert_eq!(hider(&report, &combined), Some(Hider::Combination));
        assert_eq!(hider(&report, &Filter::default()), None);
    }

    #[test]
    fn search_finds_key_results_and_links_in_every_report() {
        let mut first = report();
        first.news.push(crate::model::LinkItem {
            title: "Audit results".into(),
            url: "https://example.org/a".into(),
            attribution: None,
            context: None,
            group: None,
        });
        let second = report();
        let hits = search(&[&first, &second], "AUDIT");
        let summary: Vec<(usize, bool)> = hits.iter().map(|h| (h.report, matches!(h.found, Found::Link { .. }))).collect();
        assert_eq!(summary, vec![(0, false), (0, true), (1, false)]);
        assert!(search(&[&first], "  ").is_empty());
    }

    #[test]
    fn objectives_without_key_results_show_only_when_unfiltered() {
        let mut report = report();
        report.objectives.push(Objective { id: "4".into(), title: vec![], key_results: vec![] });
        assert_eq!(apply(&report, &Filter::default()).groups.len(), 4);
        assert_eq!(apply(&report, &Filter { text: "fund".into(), ..Filter::default() }).groups.len(), 1);
    }
}
