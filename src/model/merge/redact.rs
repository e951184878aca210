//! Copies without the money, for clients and vendors: hourly rates, the budget, fixed and
//! actual costs, baseline costs and the cost of scope changes become zero, and time entries
//! keep their hours but lose their notes. The file says `"redacted": true`, so a merge never
//! takes the missing money for deletions ([`restore`]).

use super::three_way::text;
use crate::model::io::{self, ProjectFile};
use crate::model::Project;
use serde_json::Value;
use std::collections::HashMap;

/// Task fields that hold money.
const TASK_MONEY: [&str; 2] = ["fixed_cost", "actual_fixed_cost"];
/// Baseline task fields that hold money.
const BASELINE_MONEY: [&str; 2] = ["hourly_rate", "fixed_cost"];

/// `file` without rates, costs and time notes, marked as redacted.
pub fn redact(file: &ProjectFile) -> ProjectFile {
    let mut project = file.project.clone();
    let mut details = project.details();
    details.budget.amount = crate::model::Money::ZERO;
    // Zero is always a valid budget.
    let _ = project.update_details(details);
    let mut value = io::json_value(&project);
    for_each_money(&mut value, &mut |_, _, money| *money = Value::from(0));
    if let Some(Value::Array(tasks)) = value.get_mut("tasks") {
        for task in tasks.iter_mut() {
            for entry in entries_mut(task) {
                if let Some(entry) = entry.as_object_mut() {
                    entry.remove("note");
                }
            }
        }
    }
    let project = io::typed(value).unwrap_or(project);
    let mut people = file.people.clone();
    for person in &mut people {
        person.hourly_rate = crate::model::Money::ZERO;
    }
    ProjectFile {
        project,
        people,
        redacted: true,
        ..file.clone()
    }
}

/// Where a money value sits in a project's JSON: the record's kind and id path.
type Place = (&'static str, String);

/// Calls `visit` with every money value of a project's JSON, except the budget and rates.
fn for_each_money(project: &mut Value, visit: &mut dyn FnMut(Place, &str, &mut Value)) {
    if let Some(Value::Array(tasks)) = project.get_mut("tasks") {
        for task in tasks.iter_mut() {
            let id = text(task.get("id")).to_string();
            for field in TASK_MONEY {
                if let Some(money) = task.get_mut(field) {
                    visit(("task", id.clone()), field, money);
                }
            }
        }
    }
    if let Some(Value::Array(baselines)) = project.get_mut("baselines") {
        for baseline in baselines.iter_mut() {
            let id = text(baseline.get("id")).to_string();
            if let Some(Value::Array(tasks)) = baseline.get_mut("tasks") {
                for task in tasks.iter_mut() {
                    let place = format!("{id}/{}", text(task.get("task")));
                    for field in BASELINE_MONEY {
                        if let Some(money) = task.get_mut(field) {
                            visit(("baseline", place.clone()), field, money);
                        }
                    }
                }
            }
        }
    }
    if let Some(Value::Array(changes)) = project.get_mut("scope_log") {
        for change in changes.iter_mut() {
            let id = text(change.get("id")).to_string();
            if let Some(money) = change.get_mut("delta_cost") {
                visit(("scope", id), "delta_cost", money);
            }
        }
    }
}

fn entries_mut(task: &mut Value) -> impl Iterator<Item = &mut Value> {
    task.get_mut("time_entries")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

/// Fills the money a redacted copy left out from `source` (both as `{ project, people }`
/// JSON), for every record both hold, so a merge sees it unchanged. Records only the
/// redacted copy has keep their zeros.
pub(super) fn restore(redacted: &mut Value, source: &Value) {
    let mut source = source.clone();
    let project = |value: &Value| value.get("project").cloned().unwrap_or(Value::Null);
    let mut source_project = project(&source);
    let mut money: HashMap<(Place, String), Value> = HashMap::new();
    for_each_money(&mut source_project, &mut |place, field, value| {
        money.insert((place, field.to_string()), value.clone());
    });
    let mut notes: HashMap<String, Value> = HashMap::new();
    if let Some(Value::Array(tasks)) = source_project.get_mut("tasks") {
        for task in tasks.iter_mut() {
            for entry in entries_mut(task) {
                if let Some(note) = entry.get("note") {
                    notes.insert(text(entry.get("id")).to_string(), note.clone());
                }
            }
        }
    }
    let budget = source_project.pointer("/budget/amount").cloned();
    let rates: HashMap<String, Value> = source
        .get_mut("people")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .map(|person| {
            let rate = person.get("hourly_rate").cloned().unwrap_or(Value::from(0));
            (text(person.get("id")).to_string(), rate)
        })
        .collect();

    if let Some(target) = redacted.get_mut("project") {
        for_each_money(target, &mut |place, field, value| {
            if let Some(known) = money.get(&(place, field.to_string())) {
                *value = known.clone();
            }
        });
        if let (Some(amount), Some(budget)) = (target.pointer_mut("/budget/amount"), budget) {
            *amount = budget;
        }
        if let Some(Value::Array(tasks)) = target.get_mut("tasks") {
            for task in tasks.iter_mut() {
                for entry in entries_mut(task) {
                    let id = text(entry.get("id")).to_string();
                    if let (Some(note), Some(entry)) = (notes.get(&id), entry.as_object_mut()) {
                        entry.insert("note".into(), note.clone());
                    }
                }
            }
        }
        // A task the redacted copy holds with a zero cost that it left out of the JSON.
        if let Some(Value::Array(tasks)) = target.get_mut("tasks") {
            for task in tasks.iter_mut() {
                let id = text(task.get("id")).to_string();
                for field in TASK_MONEY {
                    let key = (("task", id.clone()), field.to_string());
                    if let (Some(known), Some(task)) = (money.get(&key), task.as_object_mut()) {
                        task.entry(field).or_insert_with(|| known.clone());
                    }
                }
            }
        }
        // Back through the typed plan, so zeros are left out as in every other copy.
        if let Ok(typed) = io::typed::<Project>(target.clone()) {
            *target = io::json_value(&typed);
        }
    }
    for person in redacted
        .get_mut("people")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        let id = text(person.get("id")).to_string();
        if let (Some(rate), Some(person)) = (rates.get(&id), person.as_object_mut()) {
            person.insert("hourly_rate".into(), rate.clone());
        }
    }
}
