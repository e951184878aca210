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
    match kind.as_str() {
        "project" | "stored_project" => {
            let file: ProjectFile = if kind == "project" {
                typed(value)?
            } else {
                super::compact::read_compact(value)?
            };
            checked_project(file, from_version)
        }
        "workspace" => {
            let file: WorkspaceFile = typed(value)?;
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

/// Deserializes a typed value from JSON, reporting the field path of any mismatch.
pub(crate) fn typed<T: de::DeserializeOwned>(value: Value) -> Result<T, ImportError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let message = super::clean_serde_message(&error.into_inner().to_string());
        ImportError::Field {
            path: if path == "." { String::new() } else { path },
            message,
            position: None,
        }
    })
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
