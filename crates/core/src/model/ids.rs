//! How authors write objective and key-result ids ("KR 1.1", "KR1.1", "Key Result 2.3 -",
//! "O1:", "Objective #1:"): one grammar, which the importer reads reports with and the filter
//! reads a reader's search with.

/// An id at the start of a label and how many characters (id plus separator) it took.
#[derive(Debug, PartialEq)]
pub struct Label {
    /// A key result's objective number ("1" in "KR 1.3"); `None` when only one number was
    /// written.
    pub major: Option<String>,
    /// The last number: the key result's ("3" in "KR 1.3"), or the objective's.
    pub minor: String,
    /// Characters (not bytes) the id and its separator take; the label's own text follows.
    pub length: usize,
}

/// "Objective #1: ...", "Objective 1 - ...", "O1: ...", "Obj 2. ..." -> the objective's number.
pub fn objective_label(text: &str) -> Option<Label> {
    let chars: Vec<char> = text.chars().collect();
    let after_word = ["objective", "obj"].iter().find_map(|word| starts_with_word(&chars, word)).or_else(|| {
        // "O1": a lone O directly followed by its number.
        (chars.first().is_some_and(|c| c.eq_ignore_ascii_case(&'o')) && chars.get(1).is_some_and(char::is_ascii_digit))
            .then_some(1)
    })?;
    let (major, minor, end) = numbers(&chars, after_word)?;
    if major.is_some() {
        return None; // "Objective 1.2" is not an objective.
    }
    Some(Label { major: None, minor, length: separator_end(&chars, end) })
}

/// "KR 1.1: ...", "KR1.1", "Key Result 2.3 -" -> the key result's numbers.
pub fn key_result_label(text: &str) -> Option<Label> {
    let chars: Vec<char> = text.chars().collect();
    let after_word = ["key result", "kr"].iter().find_map(|word| starts_with_word(&chars, word))?;
    let (major, minor, end) = numbers(&chars, after_word)?;
    Some(Label { major, minor, length: separator_end(&chars, end) })
}

/// Index after `word` (ASCII case-insensitive) at the start of `chars`.
fn starts_with_word(chars: &[char], word: &str) -> Option<usize> {
    let word: Vec<char> = word.chars().collect();
    (chars.len() >= word.len() && chars.iter().zip(&word).all(|(a, b)| a.eq_ignore_ascii_case(b))).then_some(word.len())
}

/// Optional spaces and '#', then "N" or "N.M" ending at a word boundary.
fn numbers(chars: &[char], mut i: usize) -> Option<(Option<String>, String, usize)> {
    while chars.get(i).is_some_and(|c| c.is_whitespace() || *c == '#') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
        (start < *i).then(|| chars[start..*i].iter().collect::<String>())
    };
    let first = digits(&mut i)?;
    let mut result = (None, first, i);
    if chars.get(i) == Some(&'.') {
        let mut j = i + 1;
        if let Some(second) = digits(&mut j) {
            result = (Some(result.1), second, j);
        }
    }
    let end = result.2;
    if chars.get(end).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(result)
}

/// After the id: spaces, at most one separator (`:` `.` `-` `–` `—` `)`), spaces.
fn separator_end(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    if chars.get(i).is_some_and(|c| matches!(c, ':' | '.' | '-' | '–' | '—' | ')')) {
        i += 1;
    }
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(text: &str) -> Option<(Option<&'static str>, String, usize)> {
        key_result_label(text).map(|l| (l.major.map(|m| if m == "1" { "1" } else { "other" }), l.minor, l.length))
    }

    #[test]
    fn key_result_ids_in_every_written_form() {
        assert_eq!(kr("KR 1.1: Fund"), Some((Some("1"), "1".into(), 8)));
        assert_eq!(kr("KR1.1: Fund"), Some((Some("1"), "1".into(), 7)));
        assert_eq!(kr("kr1.2 - Fund"), Some((Some("1"), "2".into(), 8)));
        assert_eq!(kr("Key Result 1.3 Fund"), Some((Some("1"), "3".into(), 15)));
        assert_eq!(kr("KR #3: x").map(|k| k.1), Some("3".into()));
        assert_eq!(kr("KRaken 1.1"), None);
        assert_eq!(kr("KR1.1x"), None);
    }

    #[test]
    fn objective_ids_in_every_written_form() {
        for (text, id) in
            [("Objective #1: Catalyze", "1"), ("O2: The top", "2"), ("Objective 3 - x", "3"), ("obj 4. x", "4")]
        {
            assert_eq!(objective_label(text).map(|l| l.minor), Some(id.to_string()), "{text}");
        }
        for text in ["Overview 1", "Objectives", "O 1 thing", "Objective 1.2: x"] {
            assert_eq!(objective_label(text), None, "{text}");
        }
    }
}
