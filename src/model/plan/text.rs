//! Cleaning of user and file text before it enters the model.
//!
//! Names must look like what they are: control characters and bidirectional overrides could
//! make "Deploy" display as something else, so they are removed at the door. Text is only ever
//! rendered as text by the UI; this module is about what is stored.

/// Longest task title, project, column or person name, in characters.
pub const MAX_NAME_CHARS: usize = 500;
/// Longest description or note, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 60;
/// Most tags on one task.
pub const MAX_TAGS: usize = 30;

/// True for characters that can reorder or hide displayed text: bidirectional embeddings,
/// overrides and isolates, and the zero-width and invisible formatting marks.
pub fn is_deceptive(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// A one-line name: trimmed, with runs of whitespace (including newlines and tabs) collapsed to
/// one space, and control and deceptive characters removed.
pub fn clean_line(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !cleaned.is_empty();
        } else if c.is_control() || is_deceptive(c) {
            continue;
        } else {
            if pending_space {
                cleaned.push(' ');
                pending_space = false;
            }
            cleaned.push(c);
        }
    }
    cleaned
}

/// Multi-line text: keeps newlines and tabs, drops other control and deceptive characters,
/// normalises line endings to `\n` and trims the end.
pub fn clean_block(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut cleaned: String = unified
        .chars()
        .filter(|c| matches!(c, '\n' | '\t') || !(c.is_control() || is_deceptive(*c)))
        .collect();
    cleaned.truncate(cleaned.trim_end().len());
    cleaned
}

/// Tags: each cleaned, empty ones dropped, duplicates (ignoring case) removed, order kept.
pub fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut cleaned: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let tag = clean_line(tag);
        if !tag.is_empty()
            && !cleaned
                .iter()
                .any(|known| known.to_lowercase() == tag.to_lowercase())
        {
            cleaned.push(tag);
        }
    }
    cleaned
}

/// Splits comma-separated tags as typed in a form.
pub fn split_tags(text: &str) -> Vec<String> {
    clean_tags(&text.split(',').map(str::to_string).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_overrides_cannot_disguise_a_name() {
        assert_eq!(clean_line("Pay \u{202E}gpj.exe"), "Pay gpj.exe");
        assert_eq!(
            clean_line("  Deploy\n\tto   prod \u{0007}"),
            "Deploy to prod"
        );
        assert_eq!(clean_line("zero\u{200B}width"), "zerowidth");
    }

    #[test]
    fn blocks_keep_their_lines() {
        assert_eq!(
            clean_block("one\r\ntwo\rthree\u{0000}  \n"),
            "one\ntwo\nthree"
        );
    }

    #[test]
    fn tags_are_deduplicated_ignoring_case() {
        assert_eq!(
            split_tags("backend, Backend ,, api"),
            vec!["backend", "api"]
        );
    }
}
