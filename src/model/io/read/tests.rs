//! The typed parse names the same place as `serde_path_to_error`, which it replaced.

use super::*;
use crate::model::io::{export_project, ProjectFile};
use crate::model::{sample, SequentialIds, Workspace};
use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::json;

fn sample_value() -> Value {
    let mut workspace = Workspace::default();
    let mut ids = SequentialIds::default();
    let today = NaiveDate::from_ymd_opt(2027, 3, 1).expect("valid date");
    let id = sample::add_crm_migration(&mut workspace, today, &mut ids).expect("sample");
    let project = workspace.project(id).expect("exists");
    strict_value(&export_project(project, workspace.people())).expect("an export parses")
}

/// Every JSON pointer in `value`, containers and leaves.
fn pointers(value: &Value, at: String, into: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            for (key, item) in fields {
                pointers(item, format!("{at}/{key}"), into);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{index}"), into);
            }
        }
        _ => {}
    }
    into.push(at);
}

/// What `serde_path_to_error` said about `value` as a `ProjectFile`.
fn tracked(value: Value) -> Result<ProjectFile, ImportError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        ImportError::Field {
            path: if path == "." { String::new() } else { path },
            message: crate::model::io::clean_serde_message(&error.into_inner().to_string()),
            position: None,
        }
    })
}

#[test]
fn a_wrong_type_deep_in_a_task_is_named_by_its_path() {
    let mut value = sample_value();
    value["project"]["tasks"][3]["start"] = json!(5);
    let Err(ImportError::Field { path, message, .. }) = typed::<ProjectFile>(value) else {
        panic!("a number is not a date");
    };
    assert_eq!(path, "project.tasks[3].start");
    assert!(
        message.starts_with("invalid type: integer `5`"),
        "{message}"
    );
}

#[test]
fn a_value_out_of_its_range_is_named_by_its_field() {
    let mut value = sample_value();
    value["project"]["tasks"][1]["progress"] = json!(150);
    value["project"]["calendar"]["working_weekdays"] = json!(["mon", "funday"]);
    let Err(ImportError::Field { path, message, .. }) = typed::<ProjectFile>(value.clone()) else {
        panic!("150 % is out of range");
    };
    assert_eq!(
        (path.as_str(), message.as_str()),
        (
            "project.calendar.working_weekdays",
            "unknown weekday \"funday\", expected one of mon, tue, wed, thu, fri, sat, sun"
        )
    );
    value["project"]["calendar"]["working_weekdays"] = json!(["mon"]);
    let Err(ImportError::Field { path, message, .. }) = typed::<ProjectFile>(value) else {
        panic!("150 % is out of range");
    };
    assert_eq!(path, "project.tasks[1].progress");
    assert!(message.contains("150"), "{message}");
}

#[test]
fn a_missing_field_is_named_by_its_object() {
    let mut value = sample_value();
    value["project"]["tasks"][2]
        .as_object_mut()
        .expect("a task")
        .remove("start");
    assert_eq!(
        typed::<ProjectFile>(value),
        Err(ImportError::Field {
            path: "project.tasks[2]".to_string(),
            message: "missing field `start`".to_string(),
            position: None,
        })
    );
}

#[test]
fn a_current_file_mismatch_gives_its_line_and_column() {
    let text = "{\n  \"format\": \"ironplan\",\n  \"version\": 3,\n  \"kind\": \"project\",\n  \"project\": {\n    \"id\": 7\n  }\n}";
    let Err(ImportError::Field { path, position, .. }) = typed_text::<ProjectFile>(text, true)
    else {
        panic!("a number is not an id");
    };
    assert_eq!(path, "project.id");
    assert_eq!(position, Some((6, 11)));
}

#[test]
fn paths_in_top_level_lists_and_escaped_keys() {
    assert_eq!(path_at(r#"[1, 2, {"a\"b": [3"#, 18), "[2].a\\\"b[0]");
    assert_eq!(path_at("[]", 1), "");
    assert_eq!(path_at(r#"{"a": [1, 2]}"#, 12), "a");
}

/// A wrong value, a missing member or an unknown one, somewhere in a plan.
#[derive(Clone, Debug)]
enum Damage {
    Replace(Value),
    Remove,
    Add,
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        prop::sample::select(vec![
            json!(null),
            json!(-1),
            json!(5),
            json!(1.5),
            json!("x"),
            json!("2027-02-30"),
            json!([]),
            json!({}),
            json!([1]),
        ])
        .prop_map(Damage::Replace),
        Just(Damage::Remove),
        Just(Damage::Add),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any one damage to a plan gets the same verdict, message and path as before.
    #[test]
    fn damage_is_named_where_serde_path_to_error_named_it(
        at in any::<prop::sample::Index>(),
        damage in damage(),
    ) {
        let mut value = sample_value();
        let mut all = Vec::new();
        pointers(&value, String::new(), &mut all);
        let pointer = all[at.index(all.len())].clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", ""));
        match damage {
            Damage::Replace(with) => *value.pointer_mut(&pointer).expect("exists") = with,
            Damage::Remove => match value.pointer_mut(parent) {
                Some(Value::Object(fields)) => { fields.remove(key); }
                Some(Value::Array(items)) => { items.remove(key.parse::<usize>().expect("an index")); }
                _ => {}
            },
            Damage::Add => {
                if let Some(Value::Object(fields)) = value.pointer_mut(parent) {
                    fields.insert("zz_unknown".to_string(), json!(1));
                }
            }
        }
        let before = tracked(value.clone()).map(|_| ());
        let after = typed::<ProjectFile>(value).map(|_| ());
        // An adjacently tagged constraint's date is read after its kind when the keys are
        // sorted: the new path names the kind inside the constraint.
        let after = match (&before, after) {
            (
                Err(ImportError::Field { path: wanted, .. }),
                Err(ImportError::Field { path, message, position }),
            ) if wanted.ends_with("constraint") && path == format!("{wanted}.kind") => {
                Err(ImportError::Field { path: wanted.clone(), message, position })
            }
            (_, other) => other,
        };
        // Where a word (an enum) is expected, the text parse does not say what it found.
        let after = match (&before, after) {
            (
                Err(ImportError::Field { message: wanted, .. }),
                Err(ImportError::Field { path, message, position }),
            ) if message == "invalid type, expected string or map"
                && wanted.starts_with("invalid ") =>
            {
                Err(ImportError::Field { path, message: wanted.clone(), position })
            }
            (_, other) => other,
        };
        prop_assert_eq!(before, after, "damage at {}", pointer);
    }
}
