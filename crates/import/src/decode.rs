//! From the bytes of a file to the text the importer parses: encoding, mojibake repair and the
//! template's `<mark>` instructions.

/// The text of a file, or why there is none, plus what was repaired on the way.
pub struct Decoded {
    pub text: String,
    /// What was repaired, with the line it was first seen on.
    pub repairs: Vec<(usize, String)>,
}

/// Decodes a report's bytes. UTF-8 that was once decoded as Windows-1252 (`â€“` for `–`) is
/// repaired; bytes that are not UTF-8 at all are read as Windows-1252, the usual other encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("the file is empty".into());
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("this is not a text file (it contains NUL bytes)".into());
    }
    let mut repairs = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text).to_string(),
        Err(error) => {
            let line = bytes[..error.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            repairs.push((line, "the file is not UTF-8; read it as Windows-1252".to_string()));
            encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()
        }
    };
    let text = match repair_mojibake(&text) {
        Some((repaired, example)) => {
            let first = text.find(|c: char| !c.is_ascii()).unwrap_or(0);
            let line = text[..first].matches('\n').count() + 1;
            repairs.push((
                line,
                format!("repaired text that had been decoded as Windows-1252 instead of UTF-8 (for example {example})"),
            ));
            repaired
        }
        None => text,
    };
    Ok(Decoded { text, repairs })
}

/// If the text is UTF-8 that went through a Windows-1252 decoder, the original text and one
/// example of a repair ("â€“" -> "–"). Encoding back to Windows-1252 must succeed for every
/// character and yield valid UTF-8 that differs: genuine accented text fails one of those.
pub fn repair_mojibake(text: &str) -> Option<(String, String)> {
    if text.is_ascii() {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    let repaired = String::from_utf8(bytes.into_owned()).ok()?;
    if repaired == text {
        return None;
    }
    let example = first_difference(text, &repaired);
    Some((repaired, example))
}

fn first_difference(damaged: &str, repaired: &str) -> String {
    let start = damaged.find(|c: char| !c.is_ascii()).unwrap_or(0);
    let damaged_run: String = damaged[start..].chars().take_while(|c| !c.is_ascii()).collect();
    let repaired_start = repaired.find(|c: char| !c.is_ascii()).unwrap_or(0);
    let repaired_run: String = repaired[repaired_start..].chars().take_while(|c| !c.is_ascii()).collect();
    format!("\"{damaged_run}\" -> \"{repaired_run}\"")
}

/// A report's text without its template instructions.
pub struct Stripped {
    /// The text, each instruction replaced by its line breaks (line numbers still point at the
    /// author's file).
    pub text: String,
    /// Where each removed instruction started (1-based lines).
    pub instructions: Vec<usize>,
    /// Where a `<mark>` is never closed (kept as text).
    pub unclosed: Vec<usize>,
}

/// Removes template instructions (`<mark>...</mark>`, any case).
pub fn strip_marks(text: &str) -> Stripped {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let (mut unclosed, mut instructions) = (Vec::new(), Vec::new());
    let mut position = 0;
    let line_of = |at: usize| text[..at].matches('\n').count() + 1;
    while let Some(found) = lower[position..].find("<mark") {
        let start = position + found;
        let after_name = lower[start + 5..].chars().next();
        if !matches!(after_name, Some('>' | ' ' | '\t' | '\n' | '\r')) {
            // "<marker>" or similar: not our tag.
            out.push_str(&text[position..start + 5]);
            position = start + 5;
            continue;
        }
        match lower[start..].find("</mark>") {
            Some(length) => {
                out.push_str(&text[position..start]);
                instructions.push(line_of(start));
                let end = start + length + "</mark>".len();
                out.extend(text[start..end].chars().filter(|&c| c == '\n'));
                position = end;
            }
            None => {
                // No closing tag anywhere after this one: it and any later <mark> stay as text.
                unclosed.push(line_of(start));
                break;
            }
        }
    }
    out.push_str(&text[position..]);
    Stripped { text: out, instructions, unclosed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_en_dash_is_repaired_with_an_example() {
        let (repaired, example) = repair_mojibake("March\u{e2}\u{20ac}\u{201c}April").unwrap();
        assert_eq!(repaired, "March–April");
        assert!(example.contains('–'), "{example}");
    }

    #[test]
    fn genuine_accents_are_left_alone() {
        assert_eq!(repair_mojibake("Café – naïve “quotes”"), None);
        assert_eq!(repair_mojibake("plain"), None);
    }

    #[test]
    fn windows_1252_bytes_are_read_with_a_warning() {
        let decoded = decode(b"caf\xe9 \x96 ok").unwrap();
        assert_eq!(decoded.text, "café – ok");
        assert_eq!(decoded.repairs.len(), 1);
    }

    #[test]
    fn empty_and_binary_files_are_errors() {
        assert!(decode(b"  \n").is_err());
        assert!(decode(b"PK\x03\x04\x00\x00binary").is_err());
    }

    #[test]
    fn marks_are_removed_keeping_line_count() {
        let stripped = strip_marks("a\n<mark>_Required:\nstuff_\n</mark>\nb <MARK>x</Mark> c");
        assert_eq!(stripped.text, "a\n\n\n\nb  c");
        assert_eq!(stripped.instructions, vec![2, 5]);
        assert!(stripped.unclosed.is_empty());
    }

    #[test]
    fn unclosed_mark_is_kept_and_reported() {
        let stripped = strip_marks("line one\n<mark>never closed");
        assert_eq!(stripped.text, "line one\n<mark>never closed");
        assert_eq!(stripped.unclosed, vec![2]);
    }
}
