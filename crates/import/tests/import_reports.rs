//! The importer on the real reports in `../shared/ti-reports`.

mod support;

use quarterly_core::model::{plain_text, Report, StatusKind};
use quarterly_import::{import_bytes, Outcome, Severity};
use support::{report_files, ti_reports};

fn import(relative: &str) -> Outcome {
    let path = ti_reports().join(relative);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    import_bytes(&name, &std::fs::read(&path).unwrap())
}

fn report(relative: &str) -> Report {
    import(relative).report.unwrap_or_else(|| panic!("{relative} did not import"))
}

fn statuses(report: &Report) -> Vec<Vec<(String, Option<String>)>> {
    report
        .objectives
        .iter()
        .map(|o| {
            o.key_results.iter().map(|kr| (kr.id.clone(), kr.status.as_ref().map(|s| s.written.clone()))).collect()
        })
        .collect()
}

#[test]
fn every_sample_report_imports_without_errors() {
    let files = report_files(&ti_reports());
    assert!(files.len() >= 14, "expected the whole sample, found {}", files.len());
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let outcome = import_bytes(&name, &std::fs::read(&file).unwrap());
        let errors: Vec<_> = outcome.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
        assert!(outcome.report.is_some(), "{}", file.display());
    }
}

#[test]
fn alpha_omega_2025_q2_has_its_four_objectives_and_sixteen_key_results() {
    let report = report("2025/2025-Q2-Alpha-Omega.md");
    assert_eq!(report.title, "2025 Q2 Alpha-Omega");
    assert_eq!((report.initiative.slug.as_str(), report.period.slug()), ("alpha-omega", "2025-q2".to_string()));
    let counts: Vec<usize> = report.objectives.iter().map(|o| o.key_results.len()).collect();
    assert_eq!(counts, vec![5, 3, 3, 5]);
    assert_eq!(
        plain_text(&report.objectives[1].title),
        "The top 10,000 open source projects are free of critical security vulnerabilities"
    );
    let kr = &report.objectives[0].key_results[3];
    assert_eq!(kr.id, "1.4");
    // The author's doubled space is folded; the id and its bold are gone from the text.
    assert!(plain_text(&kr.text).starts_with("Organize quarterly roundtables for at least 5 major ecosystems to share"));
}

#[test]
fn alpha_omega_2025_q2_statuses_are_as_written_in_the_table() {
    let report = report("2025/2025-Q2-Alpha-Omega.md");
    let written: Vec<Vec<&str>> = report
        .objectives
        .iter()
        .map(|o| o.key_results.iter().map(|kr| kr.status.as_ref().unwrap().written.as_str()).collect())
        .collect();
    assert_eq!(
        written,
        vec![
            vec!["On Target", "In Progress", "In Progress", "Started", "In Progress"],
            vec!["Started", "Started", "In Progress"],
            vec!["Not Started", "Started", "On Target"],
            vec!["On Target", "Completed", "In Progress", "On Target", "In Progress"],
        ]
    );
    let kinds: Vec<StatusKind> = report.key_results().map(|(_, kr)| kr.status.as_ref().unwrap().kind).collect();
    assert!(!kinds.contains(&StatusKind::Unknown));
    assert_eq!(kinds.iter().filter(|k| **k == StatusKind::InProgress).count(), 6);
}

#[test]
fn alpha_omega_2025_q2_news_links_in_order_with_titles() {
    let report = report("2025/2025-Q2-Alpha-Omega.md");
    let news: Vec<(&str, &str)> = report.news.iter().map(|n| (n.title.as_str(), n.url.as_str())).collect();
    assert_eq!(
        news,
        vec![
            (
                "Strengthening Rust Security with Alpha-Omega: A Progress Update",
                "https://alpha-omega.dev/blog/strengthening-rust-security-with-alpha-omega-a-progress-update/"
            ),
            (
                "Reviewing another year of security partnership between the PSF & Alpha-Omega (Sponsor: Alpha-Omega)",
                "https://www.youtube.com/watch?v=ZbHzU72r3mY"
            ),
            (
                "Airflow Beach Cleaning - Supply Chain Security with Community in Mind",
                "https://www.youtube.com/watch?v=BXkrkneY2-g"
            ),
            (
                "The OpenJS Foundation is now a CVE Numbering Authority (CNA)",
                "https://openjsf.org/blog/openjs-foundation-cna"
            ),
            (
                "OpenJS Security Update: March–April 2025",
                "https://openjsf.org/blog/openjs-security-update-marchapril-25"
            ),
            (
                "Sneak peek: A new ASN.1 API for Python",
                "https://blog.trailofbits.com/2025/04/18/sneak-peek-a-new-asn.1-api-for-python/"
            ),
            (
                "LLMs can't stop making up software dependencies and sabotaging everything",
                "https://www.theregister.com/2025/04/12/ai_code_suggestions_sabotage_supply_chain/"
            ),
        ]
    );
}

#[test]
fn alpha_omega_2025_q2_upcoming_events_and_overview_links() {
    let report = report("2025/2025-Q2-Alpha-Omega.md");
    assert_eq!(report.upcoming_events.len(), 3);
    assert!(plain_text(&report.upcoming_events[2]).starts_with("Alpha-Omega Public Meeting - July 2, 2025"));
    assert_eq!(quarterly_core::model::block_links(&report.overview), vec!["https://github.com/google/capslock"]);
    // "None at this time" says there is no question: nothing to show.
    assert!(report.questions_for_tac.is_empty(), "{:?}", report.questions_for_tac);
}

#[test]
fn encoding_damaged_copy_imports_to_the_same_report_with_a_repair_warning() {
    let clean = import("2025/2025-Q2-Alpha-Omega.md");
    let damaged = import("encoding-damaged/2025-Q2-Alpha-Omega.md");
    assert_eq!(damaged.report, clean.report);
    assert!(damaged.report.as_ref().unwrap().news[4].title.contains("March–April"));
    let repair = damaged.diagnostics.iter().find(|d| d.message.contains("repaired")).expect("a repair warning");
    assert_eq!((repair.severity, repair.line), (Severity::Warning, 17));
    assert!(clean.diagnostics.is_empty(), "{:?}", clean.diagnostics);
}

#[test]
fn every_alpha_omega_quarter_has_its_table_counts_and_statuses() {
    let on = |s: &str| Some(s.to_string());
    let ids_and = |report: &Report| statuses(report);
    // 2024: one table, bold "O1:" objective rows, "KR 1.1:" ids, "On target" spelling.
    let q2_2024 = report("2024/2024-Q2-Alpha-Omega.md");
    assert_eq!(ids_and(&q2_2024).iter().map(Vec::len).collect::<Vec<_>>(), vec![4, 3, 1, 3]);
    assert_eq!(
        ids_and(&q2_2024)[1],
        vec![("2.1".into(), on("Planning")), ("2.2".into(), on("On target")), ("2.3".into(), on("On target"))]
    );
    assert_eq!(ids_and(&q2_2024)[2], vec![("3.1".into(), on("Not started"))]);
    let q4_2024 = report("2024/2024-Q4-Alpha-Omega.md");
    assert_eq!(ids_and(&q4_2024).iter().map(Vec::len).collect::<Vec<_>>(), vec![4, 3, 1, 3]);
    assert_eq!(ids_and(&q4_2024)[1][0], ("2.1".into(), on("Not Started")));
    assert_eq!(ids_and(&q4_2024)[2][0], ("3.1".into(), on("On Target")));
    // 2025: "|-|-|" rows between objectives, "**KR1.1**:" and "**KR 1.2**:" ids.
    let q1_2025 = report("2025/2025-Q1-Alpha-Omega.md");
    assert_eq!(ids_and(&q1_2025).iter().map(Vec::len).collect::<Vec<_>>(), vec![5, 3, 3, 5]);
    assert_eq!(
        ids_and(&q1_2025)[1],
        vec![("2.1".into(), on("Started")), ("2.2".into(), on("Not Started")), ("2.3".into(), on("Started"))]
    );
    assert_eq!(ids_and(&q1_2025)[3][4], ("4.5".into(), on("Started")));
    let q3_2025 = report("2025/2025-Q3-Alpha-Omega.md");
    assert_eq!(ids_and(&q3_2025).iter().map(Vec::len).collect::<Vec<_>>(), vec![5, 3, 3, 5]);
    assert_eq!(ids_and(&q3_2025)[1][1], ("2.2".into(), on("In Progress")));
    // 2026: objectives as bullets, no key results and no statuses (not "unknown").
    let q1_2026 = report("2026/2026-Q1-Alpha-Omega.md");
    assert_eq!(q1_2026.objectives.len(), 3);
    assert!(q1_2026.objectives.iter().all(|o| o.key_results.is_empty()));
    assert!(plain_text(&q1_2026.objectives[1].title).starts_with("Enable at least 10,000 OSS projects"));
}

#[test]
fn link_attributions_are_split_from_titles() {
    let report = report("2025/2025-Q3-Alpha-Omega.md");
    assert_eq!(report.news[0].title, "Member Spotlight: AWS - Funding Open Source Security Empowerment");
    assert_eq!(report.news[0].attribution.as_deref(), Some("Henri Yandell, AWS"));
    assert_eq!(report.news[2].attribution.as_deref(), Some("Mike Fiedler, Python Software Foundation"));
    let q1 = report_q1();
    assert_eq!(q1.news[1].context.as_deref(), Some("FOSDEM"));
}

fn report_q1() -> Report {
    report("2025/2025-Q1-Alpha-Omega.md")
}

#[test]
fn working_group_activities_follow_the_template() {
    let sigstore = report("2025/2025-Q2-Sigstore.md");
    let names: Vec<&str> = sigstore.activities.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names[0], "Rekor v2 - Tile-backed transparency log update");
    assert_eq!(sigstore.activities.len(), 5);
    assert!(!sigstore.activities[0].up_next.is_empty());
    // No Markdown headings at all: bold lines stand in for them.
    let bear = report("2025/2025-Q3-BEAR-WG");
    assert_eq!(bear.period.slug(), "2025-q3");
    assert_eq!(bear.activities[0].name, "Community Office Hours");
    assert!(!bear.questions_for_tac.is_empty());
    // "## Activity" then one "###" per activity with "####" sub-sections.
    let best = report("2024/2024-Q4-BEST-WG.md");
    assert_eq!(best.activities.len(), 10);
    assert!(best.other_sections.iter().all(|s| s.heading != "Activity"));
}

#[test]
fn template_instructions_are_dropped() {
    let template = std::fs::read_to_string(ti_reports().join("0000-quarterly-update-template.md")).unwrap();
    let renamed = import_bytes("2030-Q1-Template.md", template.as_bytes()).report.unwrap();
    let json = serde_json::to_string(&renamed).unwrap();
    assert!(!json.contains("Required:"), "instructions leaked: {json}");
    assert!(!json.contains("<mark>"));
}

/// Web addresses in Markdown: inline links, autolinks, reference links and bare URLs.
fn markdown_urls(text: &str) -> Vec<(String, bool)> {
    let (mut urls, mut rest, mut offset) = (Vec::new(), text, 0);
    while let Some(at) = rest.find("http") {
        let candidate = &rest[at..];
        if candidate.starts_with("https://") || candidate.starts_with("http://") {
            let end = candidate.find(|c: char| c.is_whitespace() || ")]>\"'<`".contains(c)).unwrap_or(candidate.len());
            let url = candidate[..end].trim_end_matches(['.', ',', ';', ':', '*']);
            let before = &text[..offset + at];
            let in_html_tag = before
                .rfind('<')
                .is_some_and(|lt| before.rfind('>').is_none_or(|gt| gt < lt) && !before[lt..].starts_with("<http"));
            urls.push((url.to_string(), in_html_tag));
        }
        offset += at + 4;
        rest = &rest[at + 4..];
    }
    urls
}

#[test]
fn every_web_address_in_every_report_reaches_its_json() {
    let mut checked = 0;
    for file in report_files(&ti_reports()) {
        let bytes = std::fs::read(&file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let report = import_bytes(&name, &bytes).report.unwrap();
        let links = report.all_links();
        let json = serde_json::to_string(&report).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let (visible, _) = strip_marks_for_test(&text);
        for (url, in_html_tag) in markdown_urls(&visible) {
            let found = if in_html_tag {
                json.contains(&url)
            } else {
                links.iter().any(|l| l.starts_with(&url) || url.starts_with(*l))
            };
            assert!(found, "{}: {url} is missing from the JSON", file.display());
            checked += 1;
        }
    }
    assert!(checked > 150, "only {checked} addresses found: the scan is broken");
}

fn strip_marks_for_test(text: &str) -> (String, ()) {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<mark>") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("</mark>").map_or("", |end| &rest[start + end + 7..]);
    }
    out.push_str(rest);
    (out, ())
}

#[test]
fn vulnerability_disclosure_activities_written_with_bold_labels_are_extracted() {
    use quarterly_core::model::{Block, Inline};
    // "## Activities Summary", "### Activity #1: … ([Issue 172](…))", "**Purpose:** text", "**Current Status:**" alone.
    let q4 = report("2025/2025-Q4-VD-WG.md");
    assert_eq!(q4.activities.len(), 3);
    assert!(q4.activities[0].name.starts_with("Proposal to develop a NIST Product Vulnerability Disclosure Report"));
    assert_eq!(
        q4.activities[0].link.as_deref(),
        Some("https://github.com/ossf/wg-vulnerability-disclosures/issues/172")
    );
    assert!(q4
        .activities
        .iter()
        .all(|a| !a.purpose.is_empty() && !a.current_status.is_empty() && !a.up_next.is_empty()));
    assert_eq!(
        quarterly_core::model::block_links(&q4.activities[0].questions_for_tac),
        vec!["https://github.com/ossf/tac/issues/530"]
    );
    assert!(q4.activities[1].questions_for_tac.is_empty(), "\"None at this time.\" is no question");
    assert!(matches!(&q4.participation[..], [Block::Table { rows, .. }] if rows.len() == 2));
    assert!(q4.other_sections.iter().all(|s| s.heading != "Activities Summary"));
    // "1. ~TAC vote for this initiative is open: …~ TAC vote has not passed."
    let Block::List { items, .. } = &q4.activities[0].up_next[0] else { panic!("{:?}", q4.activities[0].up_next) };
    let Block::Paragraph { content } = &items[0][0] else { panic!("{:?}", items[0]) };
    match &content[..] {
        [Inline::Strikethrough { children }, Inline::Text { text }] => {
            assert_eq!(
                plain_text(children),
                "TAC vote for this initiative is open: https://github.com/ossf/tac/issues/530"
            );
            assert_eq!(text.trim(), "TAC vote has not passed.");
        }
        other => panic!("{other:?}"),
    }
    // "## Activity #2: [CVD Guide for Consumers](…)" with "* **Purpose:** …" list items.
    let q3 = report("2025/2025-Q3-VD-WG.md");
    let second = &q3.activities[1];
    assert_eq!(second.name, "CVD Guide for Consumers");
    assert_eq!(second.link.as_deref(), Some("https://github.com/ossf/wg-vulnerability-disclosures/issues/115"));
    assert!(q3.activities.iter().all(|a| !a.purpose.is_empty() && !a.questions_for_tac.is_empty()));
    assert!(q3.other_sections.is_empty());
}

#[test]
fn report_wide_funding_requests_are_not_an_activity() {
    let sigstore = report("2026/2026-Q1-Sigstore.md");
    assert!(sigstore.activities.is_empty());
    assert!(!sigstore.funding_requests.is_empty());
    // "#### Status Update" is the template's Current Status.
    let best = report("2025/2025-Q4-BEST-WG.md");
    assert!(best.activities.iter().all(|a| !a.current_status.is_empty() && a.other.is_empty()));
}
