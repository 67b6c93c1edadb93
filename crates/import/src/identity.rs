//! Which initiative and quarter a report is: from its `# YYYY Qn Name` title and from its file
//! name (`YYYY-Qn-Name.md`, the filing convention), whichever the author got right.

use quarterly_core::model::{Initiative, Period};

/// A period and (when the text had the exact `YYYY Qn Name` form) a name.
#[derive(Debug, PartialEq)]
pub struct Named {
    /// The quarter named.
    pub period: Period,
    /// The initiative's name as written, when the text gave one.
    pub name: Option<String>,
}

/// Parses a title such as "2025 Q2 Alpha-Omega". Also finds the period in looser titles such as
/// "Q3 TAC 2025 BEAR WG updates" (then without a name).
pub fn parse_title(title: &str) -> Option<Named> {
    let words: Vec<&str> = title.split_whitespace().collect();
    if let [year, quarter, name @ ..] = words.as_slice() {
        if let (Some(year), Some(quarter)) = (parse_year(year), parse_quarter(quarter)) {
            if let Some(period) = Period::new(year, quarter) {
                let name = name.join(" ");
                return Some(Named { period, name: (!name.is_empty()).then_some(name) });
            }
        }
    }
    let year = words.iter().find_map(|w| parse_year(w.trim_matches(|c: char| !c.is_alphanumeric())))?;
    let quarter = words.iter().find_map(|w| parse_quarter(w.trim_matches(|c: char| !c.is_alphanumeric())))?;
    Some(Named { period: Period::new(year, quarter)?, name: None })
}

/// Parses a file name following `YYYY-Qn-Name[.md]`.
pub fn parse_file_name(file_name: &str) -> Option<Named> {
    let stem = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = [".markdown", ".md", ".txt"].iter().find_map(|ext| strip_suffix_ignore_case(stem, ext)).unwrap_or(stem);
    let mut parts = stem.splitn(3, ['-', '_', ' ']);
    let year = parse_year(parts.next()?)?;
    let quarter = parse_quarter(parts.next()?)?;
    let name = parts.next().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
    Some(Named { period: Period::new(year, quarter)?, name })
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let split = text.len().checked_sub(suffix.len())?;
    (text.is_char_boundary(split) && text[split..].eq_ignore_ascii_case(suffix)).then(|| &text[..split])
}

fn parse_year(word: &str) -> Option<u16> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok()).flatten()
}

fn parse_quarter(word: &str) -> Option<u8> {
    let digit = word.strip_prefix(['Q', 'q'])?;
    (digit.len() == 1).then(|| digit.parse().ok()).flatten()
}

/// The URL slug of a name: lower case, runs of other characters as one dash.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The initiative from the file name's part (stable across quarters, so it gives the slug) and
/// the title's part (nicer spelling, used when it names the same thing).
pub fn initiative(file_name_part: Option<&str>, title_part: Option<&str>) -> Option<Initiative> {
    match (file_name_part, title_part) {
        (Some(file), Some(title)) if slugify(file).replace('-', "") == slugify(title).replace('-', "") => {
            Some(Initiative { name: title.to_string(), slug: slugify(file) })
        }
        (Some(file), _) => Some(Initiative { name: file.replace(['-', '_'], " "), slug: slugify(file) }),
        (None, Some(title)) => Some(Initiative { name: title.to_string(), slug: slugify(title) }),
        (None, None) => None,
    }
    .filter(|initiative| !initiative.slug.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_title_gives_period_and_name() {
        let named = parse_title("2025 Q2 Alpha-Omega").unwrap();
        assert_eq!(named.period, Period { year: 2025, quarter: 2 });
        assert_eq!(named.name.as_deref(), Some("Alpha-Omega"));
    }

    #[test]
    fn loose_title_gives_period_only() {
        let named = parse_title("Q3 TAC 2025 BEAR WG updates").unwrap();
        assert_eq!(named.period, Period { year: 2025, quarter: 3 });
        assert_eq!(named.name, None);
    }

    #[test]
    fn template_title_has_no_period() {
        assert_eq!(parse_title("YYYY Qn TI Name"), None);
    }

    #[test]
    fn file_names_with_and_without_extension() {
        for name in ["2025-Q3-BEAR-WG", "2025/2025-Q3-BEAR-WG.md", "2025-q3-BEAR-WG.MD"] {
            let named = parse_file_name(name).unwrap();
            assert_eq!(named.period, Period { year: 2025, quarter: 3 }, "{name}");
            assert_eq!(named.name.as_deref(), Some("BEAR-WG"), "{name}");
        }
        assert_eq!(parse_file_name("0000-quarterly-update-template.md"), None);
        assert_eq!(parse_file_name("2025-Q5-X.md"), None);
    }

    #[test]
    fn initiative_prefers_title_spelling_when_it_names_the_same() {
        let same = initiative(Some("Alpha-Omega"), Some("Alpha-Omega")).unwrap();
        assert_eq!((same.name.as_str(), same.slug.as_str()), ("Alpha-Omega", "alpha-omega"));
        let differs = initiative(Some("DEI-WG"), Some("DEI WG Update")).unwrap();
        assert_eq!((differs.name.as_str(), differs.slug.as_str()), ("DEI WG", "dei-wg"));
        let spaced = initiative(Some("BEST-WG"), Some("BEST WG")).unwrap();
        assert_eq!((spaced.name.as_str(), spaced.slug.as_str()), ("BEST WG", "best-wg"));
    }
}
