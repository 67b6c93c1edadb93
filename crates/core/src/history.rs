//! Following objectives and key results across quarters.
//!
//! Key results are matched by objective and KR number, but only while their texts stay alike:
//! authors reuse numbers for new key results (Alpha-Omega's KR 2.1 in 2024 and in 2025 are two
//! different goals), so a number whose text changed beyond recognition starts a new track rather
//! than being forced into a match. A text that moved to another number is followed as renumbered.

use crate::model::{fold_words, plain_text, KeyResult, Objective, Period, Report, Status, StatusKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Texts at least this alike (shared words over all words) are the same key result reworded.
const SAME_KEY_RESULT: f64 = 0.5;
/// A key result under another number must be this alike to count as renumbered.
const RENUMBERED: f64 = 0.8;
/// Objective titles at least this alike are the same objective.
const SAME_OBJECTIVE: f64 = 0.3;

/// Every objective and key result of one initiative over its quarters.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// The quarters, oldest first; every `cells`/`titles` vector has one entry per quarter.
    pub periods: Vec<Period>,
    /// Every objective, in the order it first appears.
    pub objectives: Vec<ObjectiveTrack>,
    /// Every key result, in the order it first appears.
    pub key_results: Vec<KeyResultTrack>,
}

/// One objective over the quarters it appears in.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveTrack {
    /// Its number where it last appeared.
    pub id: String,
    /// Its title in each quarter, `None` where it does not appear.
    pub titles: Vec<Option<String>>,
}

/// One key result over the quarters it appears in.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyResultTrack {
    /// Index in [`Timeline::objectives`] of the objective it last belonged to.
    pub objective: usize,
    /// Its appearance in each quarter of [`Timeline::periods`], `None` where it does not appear.
    pub cells: Vec<Option<Appearance>>,
}

/// A key result as one quarter's report has it, and what changed since it last appeared.
#[derive(Clone, Debug, PartialEq)]
pub struct Appearance {
    /// Its number in this quarter ("1.3").
    pub id: String,
    /// Its plain text in this quarter.
    pub text: String,
    /// Its status in this quarter; `None` when the author gave none.
    pub status: Option<Status>,
    /// The previous appearance's status, when the status changed.
    pub status_from: Option<Option<Status>>,
    /// The previous appearance's text, when the wording changed.
    pub wording_from: Option<String>,
    /// The previous appearance's number, when it moved.
    pub renumbered_from: Option<String>,
}

impl KeyResultTrack {
    /// Its last appearance.
    pub fn latest(&self) -> &Appearance {
        self.cells.iter().rev().flatten().next().expect("a track has at least one appearance")
    }

    fn latest_index(&self) -> usize {
        self.cells.iter().rposition(Option::is_some).expect("a track has at least one appearance")
    }
}

/// A text's distinct words, folded to lower case.
type Words = BTreeSet<String>;

fn words(text: &str) -> Words {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Shared words over all words (Jaccard), 0 to 1.
pub fn similarity(a: &str, b: &str) -> f64 {
    shared_words(&words(a), &words(b))
}

fn shared_words(a: &Words, b: &Words) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let shared = a.intersection(b).count();
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// Whether two texts differ in wording (not only in case, spacing or punctuation).
fn reworded(a: &str, b: &str) -> bool {
    fold_words(a) != fold_words(b)
}

fn status_kind(status: &Option<Status>) -> Option<StatusKind> {
    status.as_ref().map(|s| s.kind)
}

/// Builds the timeline of one initiative's reports (in any order).
pub fn timeline(reports: &[&Report]) -> Timeline {
    let mut reports: Vec<&Report> = reports.to_vec();
    reports.sort_by_key(|r| r.period);
    let mut tracks = Tracks {
        quarters: reports.len(),
        objectives: Vec::new(),
        key_results: Vec::new(),
        objective_words: Vec::new(),
        key_result_words: Vec::new(),
    };
    for (quarter, report) in reports.iter().enumerate() {
        tracks.add_quarter(quarter, report);
    }
    let Tracks { mut objectives, key_results, .. } = tracks;
    for track in &mut objectives {
        if let Some(id) = track.titles.iter().rposition(Option::is_some).map(|_| track.id.clone()) {
            track.id = id;
        }
    }
    Timeline { periods: reports.iter().map(|r| r.period).collect(), objectives, key_results }
}

/// The tracks built so far, quarter by quarter, with the words of each track's latest title or
/// text: a text is split into words once, not once per comparison.
struct Tracks {
    quarters: usize,
    objectives: Vec<ObjectiveTrack>,
    key_results: Vec<KeyResultTrack>,
    objective_words: Vec<Words>,
    key_result_words: Vec<Words>,
}

/// Which tracks one quarter has already continued: a track takes one item per quarter.
struct Taken {
    objectives: Vec<bool>,
    key_results: Vec<bool>,
}

impl Taken {
    fn objective_free(&self, index: usize) -> bool {
        !self.objectives.get(index).copied().unwrap_or(true)
    }

    fn key_result_free(&self, index: usize) -> bool {
        !self.key_results.get(index).copied().unwrap_or(true)
    }
}

impl Tracks {
    fn add_quarter(&mut self, quarter: usize, report: &Report) {
        let mut taken =
            Taken { objectives: vec![false; self.objectives.len()], key_results: vec![false; self.key_results.len()] };
        for objective in &report.objectives {
            let objective_index = self.add_objective(quarter, objective, &mut taken);
            for kr in &objective.key_results {
                self.add_key_result(quarter, objective_index, kr, &mut taken);
            }
        }
    }

    /// Continues the free track with the same number and a similar title, or starts one.
    fn add_objective(&mut self, quarter: usize, objective: &Objective, taken: &mut Taken) -> usize {
        let title = plain_text(&objective.title);
        let title_words = words(&title);
        let found = self.objectives.iter().enumerate().position(|(index, track)| {
            taken.objective_free(index)
                && track.id == objective.id
                && track.titles.iter().rev().flatten().next().is_none_or(|last| {
                    last.is_empty()
                        || title.is_empty()
                        || shared_words(&self.objective_words[index], &title_words) >= SAME_OBJECTIVE
                })
        });
        let index = found.unwrap_or_else(|| {
            self.objectives.push(ObjectiveTrack { id: objective.id.clone(), titles: vec![None; self.quarters] });
            self.objective_words.push(Words::new());
            taken.objectives.push(false);
            self.objectives.len() - 1
        });
        taken.objectives[index] = true;
        self.objectives[index].titles[quarter] = Some(title);
        self.objective_words[index] = title_words;
        index
    }

    /// Continues the free track with the same number and a similar text, else one under another
    /// number with a very similar text (renumbered), else starts one.
    fn add_key_result(&mut self, quarter: usize, objective: usize, kr: &KeyResult, taken: &mut Taken) {
        let text = plain_text(&kr.text);
        let text_words = words(&text);
        let same_number = self.key_results.iter().enumerate().position(|(index, track)| {
            taken.key_result_free(index)
                && track.latest().id == kr.id
                && shared_words(&self.key_result_words[index], &text_words) >= SAME_KEY_RESULT
        });
        let moved = || {
            self.key_results
                .iter()
                .enumerate()
                .filter(|(index, track)| taken.key_result_free(*index) && track.latest().id != kr.id)
                .map(|(index, _)| (index, shared_words(&self.key_result_words[index], &text_words)))
                .filter(|(_, score)| *score >= RENUMBERED)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(index, _)| index)
        };
        let found = same_number.or_else(moved);
        let mut appearance = Appearance {
            id: kr.id.clone(),
            text,
            status: kr.status.clone(),
            status_from: None,
            wording_from: None,
            renumbered_from: None,
        };
        let index = match found {
            Some(index) => {
                appearance.note_changes_since(self.key_results[index].latest());
                self.key_results[index].objective = objective;
                index
            }
            None => {
                self.key_results.push(KeyResultTrack { objective, cells: vec![None; self.quarters] });
                self.key_result_words.push(Words::new());
                taken.key_results.push(false);
                self.key_results.len() - 1
            }
        };
        taken.key_results[index] = true;
        self.key_results[index].cells[quarter] = Some(appearance);
        self.key_result_words[index] = text_words;
    }
}

impl Appearance {
    /// Records what changed since the key result's previous appearance.
    fn note_changes_since(&mut self, previous: &Appearance) {
        if status_kind(&previous.status) != status_kind(&self.status) {
            self.status_from = Some(previous.status.clone());
        }
        if reworded(&previous.text, &self.text) {
            self.wording_from = Some(previous.text.clone());
        }
        if previous.id != self.id {
            self.renumbered_from = Some(previous.id.clone());
        }
    }
}

/// A key result whose status changed from one quarter to the next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusChange {
    /// Its number now ("1.3").
    pub id: String,
    /// Its status in the previous quarter; `None` when the author gave none.
    pub before: Option<Status>,
    /// Its status now; `None` when the author gave none.
    pub now: Option<Status>,
}

/// A key result named by its number and its plain text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyResultText {
    /// Its number ("1.3").
    pub id: String,
    /// Its plain text.
    pub text: String,
}

impl KeyResultText {
    fn of(appearance: &Appearance) -> Self {
        KeyResultText { id: appearance.id.clone(), text: appearance.text.clone() }
    }
}

/// What changed from one quarter's report to the next (a pre-rendered report page carries it,
/// computed at build time, instead of the previous report).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// Key results whose status changed.
    pub status_changes: Vec<StatusChange>,
    /// Key results that are new this quarter.
    pub added: Vec<KeyResultText>,
    /// Key results of the previous quarter that are gone.
    pub removed: Vec<KeyResultText>,
    /// Key results whose wording changed (id).
    pub reworded: Vec<String>,
}

impl Changes {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.status_changes.is_empty() && self.added.is_empty() && self.removed.is_empty() && self.reworded.is_empty()
    }
}

/// The changes between two reports of the same initiative.
pub fn changes(previous: &Report, current: &Report) -> Changes {
    let timeline = timeline(&[previous, current]);
    let (before, now) = if previous.period <= current.period { (0, 1) } else { (1, 0) };
    let mut changes = Changes::default();
    for track in &timeline.key_results {
        match (&track.cells[before], &track.cells[now]) {
            (Some(_), Some(appearance)) => {
                if let Some(from) = &appearance.status_from {
                    changes.status_changes.push(StatusChange {
                        id: appearance.id.clone(),
                        before: from.clone(),
                        now: appearance.status.clone(),
                    });
                }
                if appearance.wording_from.is_some() {
                    changes.reworded.push(appearance.id.clone());
                }
            }
            (None, Some(appearance)) => changes.added.push(KeyResultText::of(appearance)),
            (Some(gone), None) => changes.removed.push(KeyResultText::of(gone)),
            (None, None) => {}
        }
    }
    changes
}

impl Timeline {
    /// Key-result tracks grouped under their objective, in the order of the latest report.
    pub fn grouped(&self) -> Vec<(usize, Vec<usize>)> {
        let mut groups: Vec<(usize, Vec<usize>)> = (0..self.objectives.len()).map(|o| (o, Vec::new())).collect();
        for (index, track) in self.key_results.iter().enumerate() {
            groups[track.objective].1.push(index);
        }
        // Objectives still in the newest quarter first, then by when they were last seen.
        let last_seen = |o: usize| self.objectives[o].titles.iter().rposition(Option::is_some).unwrap_or(0);
        groups.sort_by_key(|(o, _)| std::cmp::Reverse(last_seen(*o)));
        for (_, rows) in &mut groups {
            rows.sort_by_key(|&k| std::cmp::Reverse(self.key_results[k].latest_index()));
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_counts_shared_words() {
        assert_eq!(similarity("Fund ten orgs by 2024", "Fund ten orgs by 2025"), 4.0 / 6.0);
        assert_eq!(similarity("a b", "c d"), 0.0);
    }

    #[test]
    fn case_and_spacing_are_not_rewording() {
        assert!(!reworded("Scaling, Getting to points.", "scaling getting  to points"));
        assert!(reworded("share the results", "share results"));
    }
}
