//! Reading plan files: limits, strict JSON, migration, typed parse, whole-value validation.

use super::limits::{Limits, DEFAULT_LIMITS};
use super::migrate::migrate;
use super::{
    ImportError, ImportedProject, ImportedWorkspace, ProjectFile, ReadPlan, WorkspaceFile,
};
use crate::model::validate;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fmt;

/// Reads a plan file with the default limits.
pub fn read_plan(text: &str) -> Result<ReadPlan, ImportError> {
    read_plan_with(text, &DEFAULT_LIMITS)
}

/// Reads a plan file: checks limits, parses strictly (a key given twice is an error, not "last
/// one wins"), migrates old versions, parses the types and validates the whole result.
pub fn read_plan_with(text: &str, limits: &Limits) -> Result<ReadPlan, ImportError> {
    limits.check_size(text.len() as u64)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    limits.check_depth(text)?;
    if let Some(file) = super::compact::read_stored(text, limits) {
        return checked_project(file, super::CURRENT_VERSION);
    }
    let value = strict_value(text)?;
    limits.check_value(&value)?;
    let from_version = value
        .get("version")
        .and_then(Value::as_u64)
        .and_then(|version| u32::try_from(version).ok())
        .unwrap_or(0);
    let value = migrate(value)?;
    let kind = value
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    // A file of the current version is read from its own text, which gives the line and
    // column of a mismatch; an older one from its migrated value.
    let current = from_version == super::CURRENT_VERSION;
    let value = (!current || kind == "stored_project").then_some(value);
    match kind.as_str() {
        "project" | "stored_project" => {
            let file: ProjectFile = match value {
                None => typed_text(text, true)?,
                Some(value) if kind == "project" => typed(value)?,
                Some(value) => super::compact::read_compact(value)?,
            };
            checked_project(file, from_version)
        }
        "workspace" => {
            let file: WorkspaceFile = match value {
                None => typed_text(text, true)?,
                Some(value) => typed(value)?,
            };
            let mut workspace = file.workspace;
            validate::workspace(&mut workspace)
                .map_err(|invalid| ImportError::Invalid(invalid.within("workspace")))?;
            Ok(ReadPlan::Workspace(ImportedWorkspace {
                workspace,
                from_version,
            }))
        }
        _ => Err(ImportError::UnknownKind { found: kind }),
    }
}

/// Validates a project file's people and project as a whole.
pub(super) fn checked_project(
    file: ProjectFile,
    from_version: u32,
) -> Result<ReadPlan, ImportError> {
    let ProjectFile {
        mut project,
        mut people,
        revision,
        lineage,
        redacted,
        ..
    } = file;
    validate::people(&mut people)
        .map_err(|invalid| ImportError::Invalid(invalid.within("people")))?;
    let roster: HashSet<_> = people.iter().map(|person| person.id).collect();
    validate::project(&mut project, &roster)
        .map_err(|invalid| ImportError::Invalid(invalid.within("project")))?;
    Ok(ReadPlan::Project(ImportedProject {
        project,
        people,
        revision,
        from_version,
        lineage,
        redacted,
    }))
}

/// Parses the JSON with serde_json, refusing duplicate keys. Syntax errors keep their line
/// and column.
pub(crate) fn strict_value(text: &str) -> Result<Value, ImportError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = StrictValue
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|error| ImportError::from_json(&error))?;
    Ok(value)
}

/// Deserializes a typed value from a parsed (and perhaps migrated) JSON value, reporting the
/// field path of any mismatch.
///
/// The value goes through its text: the plan types are deserialized from text everywhere, so
/// the page carries one deserializer of each, and the text gives the path where a value
/// does not fit. The line and column of that text are not the file's, so they are not told.
pub(crate) fn typed<T: de::DeserializeOwned>(value: Value) -> Result<T, ImportError> {
    let text = serde_json::to_string(&value).expect("a JSON value always serializes");
    drop(value);
    typed_text(&text, false)
}

/// Deserializes a typed value from JSON text that is already known to be strict JSON within
/// the limits, reporting the field path of any mismatch, and its line and column when
/// `located` (the text is the file's own).
pub(crate) fn typed_text<T: de::DeserializeOwned>(
    text: &str,
    located: bool,
) -> Result<T, ImportError> {
    serde_json::from_str(text).map_err(|error| mismatch(text, &error, located))
}

/// The field error for `error`, raised while deserializing `text`.
fn mismatch(text: &str, error: &serde_json::Error, located: bool) -> ImportError {
    let (line, column) = (error.line(), error.column());
    let mut at = offset_of(text, line, column);
    // The text is known to be JSON, so every error is a value that does not fit; serde_json
    // calls a number, `null` or list where a word (an enum) is expected a syntax error, placed
    // after the first byte it peeked at.
    let message = if error.is_syntax() {
        at = at.saturating_sub(1);
        "invalid type, expected string or map".to_string()
    } else {
        super::clean_serde_message(&error.to_string())
    };
    ImportError::Field {
        path: path_at(text, at),
        message,
        position: located.then_some((line, column)),
    }
}

/// The byte offset of serde_json's `line` (from 1) and `column` (bytes read on that line).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .filter(|_| line > 1)
        .map_or(0, |(at, _)| at + 1);
    (start + column).min(text.len())
}

/// One open object (with the key of the member being read) or list (with the element's index).
enum Open<'t> {
    Object(Option<&'t str>),
    List(Option<usize>),
}

/// The field path (`project.tasks[3].start`) at byte `at` of the JSON `text`: the objects
/// and lists open there and the member or element of each being read.
///
/// serde_json places an error just after what was read when it was found: a value that does
/// not fit, an unknown key, or the closing bracket of an object that lacks a field. So the
/// path names the value, the key, or the object, as `serde_path_to_error` did.
fn path_at(text: &str, at: usize) -> String {
    let bytes = text.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    let mut index = 0;
    while index < at.min(bytes.len()) {
        let byte = bytes[index];
        if let Some(Open::List(element @ None)) = open.last_mut() {
            if !byte.is_ascii_whitespace() && byte != b']' {
                *element = Some(0);
            }
        }
        match byte {
            b'{' => open.push(Open::Object(None)),
            b'[' => open.push(Open::List(None)),
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Object(key)) => *key = None,
                Some(Open::List(Some(element))) => *element += 1,
                _ => {}
            },
            b'"' => {
                let start = index + 1;
                let mut escaped = false;
                index = start;
                while index < bytes.len() {
                    match bytes[index] {
                        _ if escaped => escaped = false,
                        b'\\' => escaped = true,
                        b'"' => break,
                        _ => {}
                    }
                    index += 1;
                }
                if let Some(Open::Object(key @ None)) = open.last_mut() {
                    *key = Some(&text[start..index]);
                }
            }
            _ => {}
        }
        index += 1;
    }
    // An error found before a list's first element was read (a list where a text belongs).
    let next = bytes[index.min(bytes.len())..]
        .iter()
        .find(|byte| !byte.is_ascii_whitespace());
    if let (Some(Open::List(element @ None)), Some(next)) = (open.last_mut(), next) {
        if *next != b']' {
            *element = Some(0);
        }
    }
    let mut path = String::new();
    for step in &open {
        match step {
            Open::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Open::List(Some(element)) => path.push_str(&format!("[{element}]")),
            _ => {}
        }
    }
    path
}

/// A `serde_json::Value` that refuses objects with a repeated key.
pub(crate) struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }
    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }
    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }
    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }
    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(StrictValue)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(StrictValue)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if fields.contains_key(&key) {
                return Err(de::Error::custom(format!("the key {key:?} appears twice")));
            }
            let value = map.next_value_seed(StrictValue)?;
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

// Property tests against serde_path_to_error, host-only dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
