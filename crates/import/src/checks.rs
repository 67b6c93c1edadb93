//! Checks that need more than one report's text: the registry of initiatives, to tell whether a
//! file name and a title name two different initiatives, and whether a link that looks like the
//! "previous report" link points at another initiative's report.

use crate::identity::{parse_file_name, parse_title, slugify};
use crate::registry::{resolve, Resolution};
use crate::{Diagnostic, Severity};
use quarterly_core::model::registry::{InitiativeEntry, Registry};
use quarterly_core::model::{Initiative, Report};

/// Every finding about `report` (imported from `text`) against `registry`.
pub fn against_registry(report: &Report, text: &str, registry: &Registry) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let entry = |name: &str| match resolve(registry, &Initiative { name: name.to_string(), slug: slugify(name) }) {
        Resolution::Known(entry) => Some(entry),
        Resolution::Unknown(_) => None,
    };
    let named_by_file = parse_file_name(&report.source).and_then(|named| named.name).and_then(|name| entry(&name));
    let named_by_title = parse_title(&report.title).and_then(|named| named.name).and_then(|name| entry(&name));
    if let (Some(file), Some(title)) = (named_by_file, named_by_title) {
        if file.slug != title.slug {
            found.push(warning(
                line_of(text, &report.title),
                format!(
                    "the file name says {} but the title says {}; the report is filed under {}",
                    short(file),
                    short(title),
                    report.initiative.name
                ),
            ));
        }
    }
    for url in report.all_links() {
        if let Some((linked, entry)) = linked_report(url, &entry) {
            if entry.slug != report.initiative.slug && linked == report.period.previous() {
                found.push(warning(
                    line_of(text, url),
                    format!(
                        "links to {}'s {linked} report, not {}'s: if it is meant as this initiative's previous report, point it there",
                        short(entry),
                        report.initiative.name
                    ),
                ));
            }
        }
    }
    found
}

/// The quarter and the registered initiative of a report a link points at
/// (`…/2025/2025-Q4-BEST-WG.md`).
fn linked_report<'a>(
    url: &str,
    entry: &impl Fn(&str) -> Option<&'a InitiativeEntry>,
) -> Option<(quarterly_core::model::Period, &'a InitiativeEntry)> {
    let path = url.split(['#', '?']).next().unwrap_or(url);
    let named = parse_file_name(path.rsplit('/').next()?)?;
    Some((named.period, entry(named.name.as_deref()?)?))
}

/// The 1-based line where `needle` first occurs; 1 when it does not.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle).map_or(1, |at| text[..at].matches('\n').count() + 1)
}

/// The name an entry goes by in a sentence: its short name when it has one.
fn short(entry: &InitiativeEntry) -> &str {
    entry.short_name.as_deref().unwrap_or(&entry.name)
}

fn warning(line: usize, message: String) -> Diagnostic {
    Diagnostic { line, severity: Severity::Warning, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_text;

    fn registry() -> Registry {
        crate::registry::parse(
            r#"{"initiatives": [
                {"slug": "best-wg", "name": "Best Practices WG", "kind": "Working group"},
                {"slug": "bear-wg", "name": "BEAR WG", "kind": "Working group", "aliases": ["DEI-WG"]}
            ]}"#,
        )
        .unwrap()
    }

    fn check(file: &str, text: &str) -> Vec<(usize, String)> {
        let registry = registry();
        let mut report = import_text(file, text).report.unwrap();
        crate::registry::apply(&registry, &mut report);
        against_registry(&report, text, &registry).into_iter().map(|d| (d.line, d.message)).collect()
    }

    #[test]
    fn a_previous_report_link_to_another_initiative_is_warned_at_its_line() {
        let text = "Q4 Link: https://github.com/ossf/tac/blob/main/TI-reports/2025/2025-Q4-BEST-WG.md\n# 2026 Q1 BEAR WG\n\n\
                    ## Overview\n\nFine, see [our last one](https://x.example/2025-Q4-BEAR-WG.md) and [older](../2025-Q3-BEST-WG.md).\n";
        let found = check("2026-Q1-BEAR-WG.md", text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 1);
        assert!(found[0].1.starts_with("links to Best Practices WG's 2025 Q4 report, not BEAR WG's"), "{found:?}");
    }

    #[test]
    fn a_file_name_and_a_title_naming_two_initiatives_are_warned_at_the_title() {
        let found = check("2026-Q1-BEST-WG.md", "\n# 2026 Q1 BEAR WG\n\n## Overview\n\nFine.\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 2);
        assert!(found[0].1.contains("the file name says Best Practices WG but the title says BEAR WG"), "{found:?}");
        // An alias and a proper name of the same initiative agree.
        assert!(check("2026-Q1-DEI-WG.md", "# 2026 Q1 BEAR WG\n\n## Overview\n\nFine.\n").is_empty());
    }
}
