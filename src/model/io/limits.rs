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
                    if depth > self.max_depth {
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
