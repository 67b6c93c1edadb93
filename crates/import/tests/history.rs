//! Cross-quarter matching on the six Alpha-Omega quarters of `../shared/ti-reports`, checked by
//! hand against the Markdown.

mod support;

use quarterly_core::history::{changes, timeline, StatusChange, Timeline};
use quarterly_core::model::{Report, StatusKind};

fn load(relative: &str) -> Report {
    let path = support::ti_reports().join(relative);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    quarterly_import::import_bytes(&name, &std::fs::read(&path).unwrap()).report.unwrap()
}

fn alpha_omega() -> Vec<Report> {
    [
        "2024/2024-Q2-Alpha-Omega.md",
        "2024/2024-Q4-Alpha-Omega.md",
        "2025/2025-Q1-Alpha-Omega.md",
        "2025/2025-Q2-Alpha-Omega.md",
        "2025/2025-Q3-Alpha-Omega.md",
        "2026/2026-Q1-Alpha-Omega.md",
    ]
    .iter()
    .map(|r| load(r))
    .collect()
}

fn kinds(change: &StatusChange) -> (String, Option<StatusKind>, Option<StatusKind>) {
    (change.id.clone(), change.before.as_ref().map(|s| s.kind), change.now.as_ref().map(|s| s.kind))
}

fn the_timeline() -> Timeline {
    let reports = alpha_omega();
    timeline(&reports.iter().collect::<Vec<_>>())
}

#[test]
fn status_changes_from_2025_q1_to_q2_and_q3() {
    let reports = alpha_omega();
    let (q1, q2, q3) = (&reports[2], &reports[3], &reports[4]);
    use StatusKind::*;
    let q1_to_q2: Vec<_> = changes(q1, q2).status_changes.iter().map(kinds).collect();
    assert_eq!(
        q1_to_q2,
        vec![
            ("1.3".into(), Some(Started), Some(InProgress)),
            ("2.2".into(), Some(NotStarted), Some(Started)),
            ("2.3".into(), Some(Started), Some(InProgress)),
            ("4.5".into(), Some(Started), Some(InProgress)),
        ]
    );
    let q2_to_q3: Vec<_> = changes(q2, q3).status_changes.iter().map(kinds).collect();
    assert_eq!(q2_to_q3, vec![("2.2".into(), Some(Started), Some(InProgress))]);
    // "Getting" -> "getting" in KR 1.5 is not a change of wording; nothing was added or removed.
    let q1_to_q2 = changes(q1, q2);
    assert!(q1_to_q2.reworded.is_empty() && q1_to_q2.added.is_empty() && q1_to_q2.removed.is_empty(), "{q1_to_q2:?}");
}

#[test]
fn the_2025_okrs_keep_some_2024_key_results_reworded_and_replace_others() {
    let reports = alpha_omega();
    let change = changes(&reports[1], &reports[2]);
    // The year moved on in these texts: same key results, new wording.
    assert_eq!(change.reworded, vec!["1.1", "1.3", "1.4", "3.1", "4.2"]);
    // Objective 2's numbers were reused for new key results: not forced into a match.
    let added: Vec<&str> = change.added.iter().map(|added| added.id.as_str()).collect();
    assert_eq!(added, vec!["1.5", "2.1", "2.2", "2.3", "3.2", "3.3", "4.4", "4.5"]);
    let removed: Vec<&str> = change.removed.iter().map(|gone| gone.id.as_str()).collect();
    assert_eq!(removed, vec!["2.1", "2.2", "2.3"]);
    use StatusKind::*;
    let statuses: Vec<_> = change.status_changes.iter().map(kinds).collect();
    assert_eq!(
        statuses,
        vec![
            ("1.2".into(), Some(OnTarget), Some(InProgress)),
            ("1.3".into(), Some(OnTarget), Some(Started)),
            ("1.4".into(), Some(OnTarget), Some(Started)),
            ("3.1".into(), Some(OnTarget), Some(NotStarted)),
            ("4.3".into(), Some(OnTarget), Some(InProgress)),
        ]
    );
}

#[test]
fn every_track_matches_by_objective_and_number_while_the_text_stays_alike() {
    let timeline = the_timeline();
    assert_eq!(
        timeline.periods.iter().map(|p| p.slug()).collect::<Vec<_>>(),
        vec!["2024-q2", "2024-q4", "2025-q1", "2025-q2", "2025-q3", "2026-q1"]
    );
    // 11 key results in 2024, 8 new ones in 2025.
    assert_eq!(timeline.key_results.len(), 19);
    let kr_1_1 = timeline.key_results.iter().find(|t| t.cells[0].as_ref().is_some_and(|c| c.id == "1.1")).unwrap();
    let present: Vec<bool> = kr_1_1.cells.iter().map(Option::is_some).collect();
    assert_eq!(present, vec![true, true, true, true, true, false]);
    // 2024's KR 2.1 ends in 2024 Q4 after going from Planning to Not Started.
    let old_2_1 = &timeline.key_results.iter().find(|t| t.cells[0].as_ref().is_some_and(|c| c.id == "2.1")).unwrap();
    assert!(old_2_1.cells[2..].iter().all(Option::is_none));
    let q4 = old_2_1.cells[1].as_ref().unwrap();
    assert_eq!(q4.status_from.as_ref().unwrap().as_ref().unwrap().kind, StatusKind::Planning);
    assert_eq!(q4.status.as_ref().unwrap().kind, StatusKind::NotStarted);
}

#[test]
fn objectives_that_change_are_shown_honestly() {
    let timeline = the_timeline();
    // Objectives 1 to 4 run from 2024 to 2025 Q3 (objective 3 reworded); 2026's bullet
    // objectives are new ones, not the old numbers continued.
    assert_eq!(timeline.objectives.len(), 7);
    let spans: Vec<Vec<bool>> =
        timeline.objectives.iter().map(|o| o.titles.iter().map(Option::is_some).collect()).collect();
    for objective in &spans[..4] {
        assert_eq!(objective, &vec![true, true, true, true, true, false]);
    }
    for objective in &spans[4..] {
        assert_eq!(objective, &vec![false, false, false, false, false, true]);
    }
    // 2026 Q1's objectives have no key results and no statuses: no track points at them.
    assert!(timeline.key_results.iter().all(|t| t.objective < 4));
    assert!(timeline.key_results.iter().all(|t| t.cells[5].is_none()));
}

#[test]
fn renumbered_key_results_are_followed() {
    let mut before = load("2025/2025-Q2-Alpha-Omega.md");
    let mut after = before.clone();
    after.period.quarter = 3;
    // Move KR 3.3 to objective 4 as KR 4.6.
    let moved = after.objectives[2].key_results.pop().unwrap();
    after.objectives[3].key_results.push(quarterly_core::model::KeyResult { id: "4.6".into(), ..moved });
    before.objectives[0].key_results.truncate(5);
    let timeline = timeline(&[&before, &after]);
    let track = timeline.key_results.iter().find(|t| t.cells[1].as_ref().is_some_and(|c| c.id == "4.6")).unwrap();
    assert_eq!(track.cells[1].as_ref().unwrap().renumbered_from.as_deref(), Some("3.3"));
    assert_eq!(timeline.key_results.len(), 16);
}
