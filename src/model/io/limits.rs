//! Limits checked before a file is trusted, so a hostile file cannot exhaust memory or stack.

use super::ImportError;
use serde_json::Value;

/// The bounds a plan file must stay within.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file, in bytes.
    pub max_bytes: u64,
    /// Deepest nesting of arrays and objects.
    pub max_depth: usize,
    /// Most tasks across all projects in the file.
    pub max_tasks: usize,
    /// Longest string anywhere in the file, in characters.
    pub max_string_chars: usize,
}

/// The limits used for imports and stored data. Generous for real plans (a 50,000-task plan
/// is about 15 MB), far below what would hurt the browser.
pub const DEFAULT_LIMITS: Limits = Limits {
    max_bytes: 48 * 1024 * 1024,
    max_depth: 32,
    max_tasks: 100_000,
    max_string_chars: 20_000,
};

impl Limits {
    /// Refuses a file by its size alone, before it is read (the browser knows `File.size`).
    pub fn check_size(&self, size: u64) -> Result<(), ImportError> {
        if size > self.max_bytes {
            return Err(ImportError::TooLarge {
                size,
                limit: self.max_bytes,
            });
        }
        Ok(())
    }

    /// Scans the raw text for nesting depth without parsing it, so that deep input never
    /// reaches a recursive parser.
    pub fn check_depth(&self, text: &str) -> Result<(), ImportError> {
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        // The line and column are worked out only for the error: this runs over every stored
        // character at each load (4 million at 50,000 tasks).
        for (offset, byte) in text.bytes().enumerate() {
            if in_string {
                match byte {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match byte {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > self.max_depth {
                        let (line, column) = line_and_column(&text[..=offset]);
                        return Err(ImportError::TooDeep {
                            line,
                            column,
                            limit: self.max_depth,
                        });
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        Ok(())
    }

    /// Walks a parsed value for over-long strings and counts tasks.
    pub fn check_value(&self, value: &Value) -> Result<(), ImportError> {
        let mut tasks = 0usize;
        self.walk(value, &mut String::new(), &mut tasks)?;
        if tasks > self.max_tasks {
            return Err(ImportError::TooManyTasks {
                count: tasks,
                limit: self.max_tasks,
            });
        }
        Ok(())
    }

    fn walk(&self, value: &Value, path: &mut String, tasks: &mut usize) -> Result<(), ImportError> {
        match value {
            Value::String(text) => {
                let length = text.chars().count();
                if length > self.max_string_chars {
                    return Err(ImportError::StringTooLong {
                        path: path.trim_start_matches('.').to_string(),
                        length,
                        limit: self.max_string_chars,
                    });
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{index}]"));
                    self.walk(item, path, tasks)?;
                    path.truncate(len);
                }
            }
            Value::Object(fields) => {
                for (key, item) in fields {
                    if key.chars().count() > self.max_string_chars {
                        return Err(ImportError::StringTooLong {
                            path: path.trim_start_matches('.').to_string(),
                            length: key.chars().count(),
                            limit: self.max_string_chars,
                        });
                    }
                    if key == "tasks" {
                        *tasks += item.as_array().map(Vec::len).unwrap_or(0);
                    }
                    let len = path.len();
                    path.push('.');
                    path.push_str(key);
                    self.walk(item, path, tasks)?;
                    path.truncate(len);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The line and column (in characters, from 1) of the last character of `before`.
fn line_and_column(before: &str) -> (usize, usize) {
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let line = before.bytes().filter(|byte| *byte == b'\n').count() + 1;
    (line, before[line_start..].chars().count())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The depth check as it was written first, tracking the line and column at every
    /// character: the reference the faster check must agree with.
    fn reference(limit: usize, text: &str) -> Option<(usize, usize)> {
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        let (mut line, mut column) = (1usize, 0usize);
        for byte in text.bytes() {
            if byte == b'\n' {
                line += 1;
                column = 0;
            } else if byte & 0xC0 != 0x80 {
                column += 1;
            }
            if in_string {
                match byte {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match byte {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > limit {
                        return Some((line, column));
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        None
    }

    proptest! {
        #[test]
        fn too_deep_text_is_placed_where_the_reference_places_it(
            text in "[\\[\\]{}\"\\\\\nab é€]{0,80}",
            limit in 0usize..6,
        ) {
            let limits = Limits { max_depth: limit, ..DEFAULT_LIMITS };
            let found = match limits.check_depth(&text) {
                Ok(()) => None,
                Err(ImportError::TooDeep { line, column, .. }) => Some((line, column)),
                Err(other) => panic!("unexpected {other:?}"),
            };
            prop_assert_eq!(found, reference(limit, &text));
        }
    }
}
