//! Upgrades of older plan files, one version at a time, on untyped JSON.
//!
//! | version | shipped with | what changed in the next version |
//! |---|---|---|
//! | 1 | the prototype | `kind` added; people moved out of the project to the file, the team lists their ids; `budget_minor` + `currency` became `budget`; `working_weekdays` + `holidays` became `calendar`; `depends_on` (`task`, `type` FS/SS/FF/SF, `lag_days`) became `dependencies` (`predecessor`, `kind`, `lag`) |
//! | 2 | the foundation | tasks gained `constraint` ("as soon as possible" unless set) and `deadline`; every task of an older file gets "start no earlier than" its stored start, so no plan moves |
//! | 3 | MS Project interchange | current |

use super::{ImportError, CURRENT_VERSION, FORMAT};
use serde_json::{json, Map, Value};

/// Checks the envelope and upgrades `value` to [`CURRENT_VERSION`]. Refuses files that are not
/// plan files and versions newer than this build knows.
pub fn migrate(mut value: Value) -> Result<Value, ImportError> {
    let Some(object) = value.as_object() else {
        return Err(ImportError::NotAPlan { found: None });
    };
    match object.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(Value::String(format)) => {
            return Err(ImportError::NotAPlan {
                found: Some(format.chars().take(40).collect()),
            })
        }
        _ => return Err(ImportError::NotAPlan { found: None }),
    }
    let version = match object.get("version") {
        Some(Value::Number(number)) => number.as_u64().filter(|version| *version >= 1),
        _ => None,
    }
    .ok_or_else(|| ImportError::BadVersion {
        path: "version".to_string(),
    })?;
    if version > u64::from(CURRENT_VERSION) {
        return Err(ImportError::UnsupportedVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    let mut version = version as u32;
    while version < CURRENT_VERSION {
        value = match version {
            1 => v1_to_v2(value)?,
            2 => v2_to_v3(value)?,
            _ => unreachable!("every version below the current one has a step"),
        };
        version += 1;
        value["version"] = json!(version);
    }
    Ok(value)
}

fn field_error(path: &str, message: &str) -> ImportError {
    ImportError::Field {
        path: path.to_string(),
        message: message.to_string(),
        position: None,
    }
}

fn object_at<'a>(
    value: &'a mut Value,
    path: &str,
) -> Result<&'a mut Map<String, Value>, ImportError> {
    value
        .as_object_mut()
        .ok_or_else(|| field_error(path, "expected an object"))
}

/// Version 1, the prototype's project-only format, to version 2.
fn v1_to_v2(mut file: Value) -> Result<Value, ImportError> {
    let root = object_at(&mut file, "")?;
    root.insert("kind".to_string(), json!("project"));
    let mut project_value = root
        .remove("project")
        .ok_or_else(|| field_error("project", "missing field `project`"))?;
    let project = object_at(&mut project_value, "project")?;

    let amount = project.remove("budget_minor").unwrap_or(json!(0));
    let currency = project.remove("currency").unwrap_or(json!("EUR"));
    project.insert(
        "budget".to_string(),
        json!({ "amount": amount, "currency": currency }),
    );

    let weekdays = project
        .remove("working_weekdays")
        .unwrap_or(json!(["mon", "tue", "wed", "thu", "fri"]));
    let mut calendar = json!({ "working_weekdays": weekdays });
    if let Some(holidays) = project.remove("holidays") {
        calendar["holidays"] = holidays;
    }
    project.insert("calendar".to_string(), calendar);

    let people = project.remove("people").unwrap_or(json!([]));
    let Value::Array(people_list) = &people else {
        return Err(field_error("project.people", "expected an array"));
    };
    let team: Vec<Value> = people_list
        .iter()
        .filter_map(|person| person.get("id").cloned())
        .collect();
    project.insert("team".to_string(), Value::Array(team));

    if let Some(tasks) = project.get_mut("tasks") {
        let tasks = tasks
            .as_array_mut()
            .ok_or_else(|| field_error("project.tasks", "expected an array"))?;
        for (index, task) in tasks.iter_mut().enumerate() {
            let path = format!("project.tasks[{index}]");
            let task = object_at(task, &path)?;
            let Some(links) = task.remove("depends_on") else {
                continue;
            };
            let Value::Array(links) = links else {
                return Err(field_error(
                    &format!("{path}.depends_on"),
                    "expected an array",
                ));
            };
            let mut dependencies = Vec::with_capacity(links.len());
            for (number, link) in links.into_iter().enumerate() {
                let link_path = format!("{path}.depends_on[{number}]");
                let Value::Object(mut link) = link else {
                    return Err(field_error(&link_path, "expected an object"));
                };
                let predecessor = link
                    .remove("task")
                    .ok_or_else(|| field_error(&link_path, "missing field `task`"))?;
                let kind = match link.remove("type").as_ref().and_then(Value::as_str) {
                    None | Some("FS") => "finish_to_start",
                    Some("SS") => "start_to_start",
                    Some("FF") => "finish_to_finish",
                    Some("SF") => "start_to_finish",
                    Some(other) => {
                        return Err(field_error(
                            &format!("{link_path}.type"),
                            &format!("unknown link type {other:?}, expected FS, SS, FF or SF"),
                        ))
                    }
                };
                let lag = link.remove("lag_days").unwrap_or(json!(0));
                dependencies.push(json!({ "predecessor": predecessor, "kind": kind, "lag": lag }));
            }
            task.insert("dependencies".to_string(), Value::Array(dependencies));
        }
    }

    let root = object_at(&mut file, "")?;
    root.insert("project".to_string(), project_value);
    root.insert("people".to_string(), people);
    Ok(file)
}

/// Version 2 to version 3: tasks gained constraints. In version 2 a stored start acted as
/// "start no earlier than", so every task gets that constraint on its start and nothing moves.
fn v2_to_v3(mut file: Value) -> Result<Value, ImportError> {
    let kind = file
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    match kind.as_str() {
        "project" => {
            if let Some(project) = file.get_mut("project") {
                pin_task_starts(project, "project")?;
            }
        }
        "workspace" => {
            if let Some(Value::Array(projects)) = file
                .get_mut("workspace")
                .and_then(|workspace| workspace.get_mut("projects"))
            {
                for (index, project) in projects.iter_mut().enumerate() {
                    pin_task_starts(project, &format!("workspace.projects[{index}]"))?;
                }
            }
        }
        "stored_project" => pin_stored_starts(&mut file)?,
        _ => {}
    }
    Ok(file)
}

/// Gives every task of a plan-file project "start no earlier than" its `start`.
fn pin_task_starts(project: &mut Value, path: &str) -> Result<(), ImportError> {
    let Some(tasks) = project.get_mut("tasks") else {
        return Ok(());
    };
    let tasks = tasks
        .as_array_mut()
        .ok_or_else(|| field_error(&format!("{path}.tasks"), "expected an array"))?;
    for (index, task) in tasks.iter_mut().enumerate() {
        let task_path = format!("{path}.tasks[{index}]");
        let task = object_at(task, &task_path)?;
        // A task without a start is refused by the typed parse, with its path.
        let Some(start) = task.get("start").cloned() else {
            continue;
        };
        task.insert(
            "constraint".to_string(),
            json!({ "kind": "start_no_earlier_than", "date": start }),
        );
    }
    Ok(())
}

/// The same for the compact storage encoding: its rows gain a constraint cell (index 20),
/// "start no earlier than" (MS Project's number 4) on the row's start (index 3).
fn pin_stored_starts(file: &mut Value) -> Result<(), ImportError> {
    let Some(Value::Array(rows)) = file.get_mut("tasks") else {
        return Ok(());
    };
    for (index, row) in rows.iter_mut().enumerate() {
        let cells = row
            .as_array_mut()
            .ok_or_else(|| field_error(&format!("tasks[{index}]"), "expected an array"))?;
        let start = cells.get(3).cloned().unwrap_or(json!(0));
        // Missing trailing cells were left out as defaults; `null` reads as the default of each.
        while cells.len() < 20 {
            cells.push(Value::Null);
        }
        cells.truncate(20);
        cells.push(json!([4, start]));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_two_starts_become_start_no_earlier_than_in_files_and_storage() {
        let task = json!({ "start": "2026-03-02", "end": "2026-03-04" });
        let file = json!({
            "format": "ironplan", "version": 2, "kind": "workspace",
            "workspace": { "projects": [{ "tasks": [task] }] },
        });
        let upgraded = migrate(file).expect("version 2 migrates");
        assert_eq!(upgraded["version"], json!(3));
        assert_eq!(
            upgraded["workspace"]["projects"][0]["tasks"][0]["constraint"],
            json!({ "kind": "start_no_earlier_than", "date": "2026-03-02" })
        );
        let stored = json!({
            "format": "ironplan", "version": 2, "kind": "stored_project",
            "tasks": [["id", "Short row", 0, 5, 2], ["id", "Long row", 0, 9, 0, 0, 0, 1, -1, -1, 0, null, 0, [], [], "", 0, 0, [], null]],
        });
        let upgraded = migrate(stored).expect("version 2 storage migrates");
        for (row, start) in [(0, 5), (1, 9)] {
            let cells = upgraded["tasks"][row].as_array().expect("a row");
            assert_eq!(cells.len(), 21);
            assert_eq!(cells[20], json!([4, start]));
        }
    }

    #[test]
    fn a_future_version_is_refused_by_number() {
        let file = json!({ "format": "ironplan", "version": 99, "kind": "project" });
        assert_eq!(
            migrate(file),
            Err(ImportError::UnsupportedVersion {
                found: 99,
                supported: CURRENT_VERSION
            })
        );
    }

    #[test]
    fn other_formats_are_not_plans() {
        let file = json!({ "format": "gantt", "version": 1 });
        assert_eq!(
            migrate(file),
            Err(ImportError::NotAPlan {
                found: Some("gantt".to_string())
            })
        );
        assert_eq!(
            migrate(json!([1, 2])),
            Err(ImportError::NotAPlan { found: None })
        );
    }

    #[test]
    fn version_one_links_become_dependencies() {
        let file = json!({
            "format": "ironplan", "version": 1,
            "project": {
                "budget_minor": 500, "currency": "USD",
                "people": [{ "id": "p" }],
                "tasks": [{ "depends_on": [{ "task": "a", "type": "SS", "lag_days": -2 }] }]
            }
        });
        let upgraded = migrate(file).expect("version 1 migrates");
        assert_eq!(upgraded["version"], json!(3));
        assert_eq!(upgraded["kind"], json!("project"));
        assert_eq!(
            upgraded["project"]["budget"],
            json!({ "amount": 500, "currency": "USD" })
        );
        assert_eq!(upgraded["project"]["team"], json!(["p"]));
        assert_eq!(upgraded["people"], json!([{ "id": "p" }]));
        assert_eq!(
            upgraded["project"]["tasks"][0]["dependencies"],
            json!([{ "predecessor": "a", "kind": "start_to_start", "lag": -2 }])
        );
    }

    #[test]
    fn an_unknown_version_one_link_type_names_its_path() {
        let file = json!({
            "format": "ironplan", "version": 1,
            "project": { "tasks": [{}, { "depends_on": [{ "task": "a", "type": "XX" }] }] }
        });
        match migrate(file) {
            Err(ImportError::Field { path, .. }) => {
                assert_eq!(path, "project.tasks[1].depends_on[0].type")
            }
            other => panic!("expected a field error, got {other:?}"),
        }
    }
}
