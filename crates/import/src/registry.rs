//! Resolving the initiative a report names (its file name or title) against the registry of
//! initiatives, so that reports filed under an alias ("VULN-WG") are one initiative ("vd-wg")
//! in every view, address, history and search.

use super::identity::slugify;
use super::labels::edit_distance;
use quarterly_core::model::registry::{name_key as key, InitiativeEntry, Registry};
use quarterly_core::model::{Initiative, Report};

/// Reads the registry file, checking that no name or alias is claimed by two initiatives.
/// Errors are `line: message` against the file's own lines.
pub fn parse(text: &str) -> Result<Registry, Vec<(usize, String)>> {
    let registry: Registry = serde_json::from_str(text).map_err(|error| vec![(error.line(), error.to_string())])?;
    let mut errors = Vec::new();
    // Every name an initiative goes by (slug, name, short name, aliases), with its line and
    // the index of the entry that claims it.
    let mut claimed: Vec<(String, usize, usize)> = Vec::new();
    let mut search_from = 0;
    for (index, entry) in registry.initiatives.iter().enumerate() {
        // The entry's own line: where its slug stands, after the previous entry's.
        let entry_at = find_after(text, &format!("\"{}\"", entry.slug), search_from).unwrap_or(search_from);
        search_from = entry_at + 1;
        if entry.slug.is_empty() || slugify(&entry.slug) != entry.slug {
            errors.push((
                line_at(text, entry_at),
                format!("slug \"{}\" must be lower-case letters, digits and dashes", entry.slug),
            ));
        }
        for name in entry.names() {
            let line = line_at(text, find_after(text, &format!("\"{name}\""), entry_at).unwrap_or(entry_at));
            match claimed.iter().find(|(claimed_key, ..)| *claimed_key == key(name)) {
                Some((_, other_line, other)) if *other != index => errors.push((
                    line,
                    format!(
                        "\"{name}\" is claimed by two initiatives: {} (line {other_line}) and {} (line {line})",
                        registry.initiatives[*other].slug, entry.slug
                    ),
                )),
                Some(_) => {}
                None => claimed.push((key(name), line, index)),
            }
        }
    }
    if errors.is_empty() {
        Ok(registry)
    } else {
        Err(errors)
    }
}

fn find_after(text: &str, needle: &str, from: usize) -> Option<usize> {
    text.get(from..)?.find(needle).map(|at| at + from)
}

/// The 1-based line of a byte offset (counted in bytes, so any offset is safe).
fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|byte| **byte == b'\n').count() + 1
}

/// What the registry makes of a report's initiative.
#[derive(Debug, PartialEq)]
pub enum Resolution<'a> {
    /// The entry whose slug, name or alias the report's initiative goes by.
    Known(&'a InitiativeEntry),
    /// Not in the registry: the closest entries, nearest first (at most two).
    Unknown(Vec<&'a InitiativeEntry>),
}

/// Finds the entry whose slug, alias, name or short name the initiative's slug or name is.
pub fn resolve<'a>(registry: &'a Registry, initiative: &Initiative) -> Resolution<'a> {
    let wanted = [key(&initiative.slug), key(&initiative.name)];
    if let Some(entry) =
        registry.initiatives.iter().find(|entry| entry.is_called(&initiative.slug) || entry.is_called(&initiative.name))
    {
        return Resolution::Known(entry);
    }
    let distance = |entry: &'a InitiativeEntry| {
        entry.names().map(|name| edit_distance(&key(name), &wanted[0]).min(edit_distance(&key(name), &wanted[1]))).min()
    };
    let mut ranked: Vec<(usize, &InitiativeEntry)> =
        registry.initiatives.iter().filter_map(|entry| distance(entry).map(|d| (d, entry))).collect();
    ranked.sort_by_key(|(distance, _)| *distance);
    Resolution::Unknown(ranked.into_iter().take(2).map(|(_, entry)| entry).collect())
}

/// Gives the report its registered initiative; for one the registry does not know, the warning
/// for its author (the report keeps the name it was filed under).
pub fn apply(registry: &Registry, report: &mut Report) -> Option<String> {
    match resolve(registry, &report.initiative) {
        Resolution::Known(entry) => {
            report.initiative = Initiative { name: entry.name.clone(), slug: entry.slug.clone() };
            None
        }
        Resolution::Unknown(closest) => {
            let closest: Vec<String> = closest.iter().map(|entry| format!("{} ({})", entry.name, entry.slug)).collect();
            let filed_as = report.source.split('-').skip(2).collect::<Vec<_>>().join("-");
            let filed_as = filed_as.trim_end_matches(".md");
            let name = if filed_as.is_empty() { report.initiative.name.as_str() } else { filed_as };
            Some(match closest.is_empty() {
                true => format!("unknown initiative \"{name}\": add it to the registry of initiatives"),
                false => format!("unknown initiative \"{name}\"; closest: {}", closest.join(", ")),
            })
        }
    }
}

/// The registry's entries for the initiatives that have reports, in the registry's order, then
/// an entry for each initiative it does not know (named as filed).
pub fn entries_for(registry: &Registry, reports: &[&Report]) -> Vec<InitiativeEntry> {
    let has_reports = |slug: &str| reports.iter().any(|report| report.initiative.slug == slug);
    let mut entries: Vec<InitiativeEntry> =
        registry.initiatives.iter().filter(|entry| has_reports(&entry.slug)).cloned().collect();
    for report in reports {
        if !entries.iter().any(|entry| entry.slug == report.initiative.slug) {
            entries.push(InitiativeEntry {
                slug: report.initiative.slug.clone(),
                name: report.initiative.name.clone(),
                ..InitiativeEntry::default()
            });
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGISTRY: &str = r#"{
  "initiatives": [
    { "slug": "vd-wg", "name": "Vulnerability Disclosures WG", "short_name": "VD WG", "kind": "Working group",
      "aliases": ["VULN-WG", "Vulnerability-Disclosure-WG"] },
    { "slug": "best-wg", "name": "Best Practices WG", "kind": "Working group" }
  ]
}"#;

    fn initiative(name: &str) -> Initiative {
        Initiative { name: name.replace('-', " "), slug: slugify(name) }
    }

    #[test]
    fn every_alias_and_spelling_resolves_to_one_initiative() {
        let registry = parse(REGISTRY).unwrap();
        for filed in ["VULN-WG", "VD-WG", "Vulnerability-Disclosure-WG", "vd wg", "Vulnerability Disclosures WG"] {
            match resolve(&registry, &initiative(filed)) {
                Resolution::Known(entry) => assert_eq!(entry.slug, "vd-wg", "{filed}"),
                other => panic!("{filed}: {other:?}"),
            }
        }
    }

    #[test]
    fn an_unknown_initiative_names_the_closest_known_ones() {
        let registry = parse(REGISTRY).unwrap();
        let mut report: Report = serde_json::from_value(serde_json::json!({
            "format": 1, "source": "2025-Q4-VULN-WGG.md", "initiative": {"name": "VULN WGG", "slug": "vuln-wgg"},
            "period": {"year": 2025, "quarter": 4}, "title": "2025 Q4 VULN WGG"
        }))
        .unwrap();
        let warning = apply(&registry, &mut report).unwrap();
        assert_eq!(warning, "unknown initiative \"VULN-WGG\"; closest: Vulnerability Disclosures WG (vd-wg), Best Practices WG (best-wg)");
        assert_eq!(report.initiative.slug, "vuln-wgg");
    }

    #[test]
    fn a_known_initiative_takes_its_registered_name_and_slug() {
        let registry = parse(REGISTRY).unwrap();
        let mut report: Report = serde_json::from_value(serde_json::json!({
            "format": 1, "source": "2024-Q4-VULN-WG.md", "initiative": {"name": "VULN WG", "slug": "vuln-wg"},
            "period": {"year": 2024, "quarter": 4}, "title": "2024 Q4 Vulnerability Disclosure WG"
        }))
        .unwrap();
        assert_eq!(apply(&registry, &mut report), None);
        assert_eq!(report.initiative, Initiative { name: "Vulnerability Disclosures WG".into(), slug: "vd-wg".into() });
    }

    #[test]
    fn an_alias_claimed_twice_names_both_lines() {
        let text =
            REGISTRY.replace(r#""kind": "Working group" }"#, r#""kind": "Working group", "aliases": ["vuln wg"] }"#);
        let errors = parse(&text).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        let (line, message) = &errors[0];
        assert_eq!(*line, 5);
        assert_eq!(message, "\"vuln wg\" is claimed by two initiatives: vd-wg (line 4) and best-wg (line 5)");
    }

    #[test]
    fn a_slug_twice_or_a_name_that_is_anothers_alias_is_an_error() {
        let twice = REGISTRY.replace(r#""slug": "best-wg""#, r#""slug": "vd-wg""#);
        let errors = parse(&twice).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|(_, message)| message.starts_with("\"vd-wg\" is claimed by two initiatives: vd-wg (line 3)")),
            "{errors:?}"
        );
        let clash = REGISTRY.replace("Best Practices WG", "VULN WG");
        let errors = parse(&clash).unwrap_err();
        assert_eq!(
            errors,
            vec![(5, "\"VULN WG\" is claimed by two initiatives: vd-wg (line 4) and best-wg (line 5)".to_string())]
        );
    }

    #[test]
    fn line_numbers_never_split_a_character() {
        assert_eq!(line_at("é\né", 1), 1);
        assert_eq!(line_at("é\né", 3), 2);
        assert_eq!(line_at("é", 99), 1);
    }

    #[test]
    fn a_broken_registry_says_where() {
        let errors = parse("{\n  \"initiatives\": [\n    { \"slug\": 3 }\n  ]\n}").unwrap_err();
        assert_eq!(errors[0].0, 3);
    }
}
