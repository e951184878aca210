//! RFC 5545's text rules: escaping TEXT values and folding long content lines.

/// Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma get a backslash,
/// a line break becomes `\n`. Carriage returns are dropped (a CRLF is one line break).
pub fn escape_text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            _ => escaped.push(c),
        }
    }
    escaped
}

/// The longest content line, in octets, without its CRLF (RFC 5545, 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Appends `line` to `out` as one content line: folded so that no physical line passes 75
/// octets (a continuation line starts with a space, which counts), never inside a UTF-8
/// character and never right after a space, each physical line ended by CRLF.
pub fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Some readers trim each physical line, so a fold never leaves a space at a line's
        // end: the space moves to the start of the continuation instead.
        let mut kept = cut;
        while kept > 1 && rest.as_bytes()[kept - 1].is_ascii_whitespace() {
            kept -= 1;
        }
        if kept > 1 {
            cut = kept;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = MAX_LINE_OCTETS - 1;
    }
}
