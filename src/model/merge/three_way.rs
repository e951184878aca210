//! Joining the edits two people made to copies of one plan: `merge(base, mine, theirs)`.
//!
//! Rules (docs/merging.md has examples): a change made on one side only is taken; the same
//! change on both sides is taken once; different changes to the same field of the same record
//! are a [`Conflict`]. New records from both sides are kept; a record deleted on one side and
//! edited on the other is a conflict. Dependencies, time entries, risks, baselines, the scope
//! log and the team merge as sets; list orders (board columns, cards, outline) merge by moves.
//! A parent or a link that would close a loop is a conflict. Without a base (a two-way merge)
//! every difference is a conflict.
//!
//! Conflicts are resolved toward mine in [`Merged::plan`]; [`resolve`] runs the merge again
//! with the choices made, so every outcome passes the same checks.

use super::redact;
use super::structure::{self, LeftOut};
use super::values::{Engine, ListRule};
use crate::model::io::{self, project_file, ProjectFile};
use crate::model::validate::{self, Invalid};
use crate::model::{
    BaselineId, ColumnId, Person, PersonId, RiskId, ScopeChangeId, TaskId, TimeEntryId,
};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// What a conflict is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    /// The project's own fields (name, budget, deadline, calendar, …).
    Project,
    /// A person's roster entry.
    Person(PersonId),
    /// A person's place on the team.
    Team(PersonId),
    Column(ColumnId),
    Task(TaskId),
    /// The link that makes `successor` wait for `predecessor`.
    Dependency {
        successor: TaskId,
        predecessor: TaskId,
    },
    TimeEntry {
        task: TaskId,
        entry: TimeEntryId,
    },
    Risk(RiskId),
    Baseline(BaselineId),
    ScopeChange(ScopeChangeId),
    Standup(NaiveDate),
    Report(NaiveDate),
}

/// Which side a conflict is settled toward.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Choice {
    #[default]
    Mine,
    Theirs,
}

/// The choice made for each conflict, by subject and field.
pub type Choices = HashMap<(Subject, String), Choice>;

/// Two different changes to one field, or a deletion against an edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub subject: Subject,
    /// The field's key in the plan format (`title`, `dates`, `column`, …), or `exists` for a
    /// record deleted on one side, `position` for an order, `loop` for a link or parent that
    /// would close a loop.
    pub field: String,
    /// My value, as in the plan file; `None` when the record or field is absent.
    pub mine: Option<Value>,
    /// Their value.
    pub theirs: Option<Value>,
}

impl Conflict {
    /// The key of this conflict in [`Choices`].
    pub fn key(&self) -> (Subject, String) {
        (self.subject, self.field.clone())
    }

    /// The side that holds the record or link, for a conflict only one side has a value in
    /// (`exists`, `loop`): theirs when theirs has one, otherwise mine.
    pub fn holder(&self) -> Choice {
        if self.theirs.is_some() {
            Choice::Theirs
        } else {
            Choice::Mine
        }
    }
}

impl Choice {
    /// The other side.
    pub fn other(self) -> Choice {
        match self {
            Choice::Mine => Choice::Theirs,
            Choice::Theirs => Choice::Mine,
        }
    }
}

/// The result of a merge: the plan with every conflict settled toward mine, and the conflicts.
#[derive(Clone, Debug)]
pub struct Merged {
    pub plan: ProjectFile,
    pub conflicts: Vec<Conflict>,
    /// Changes made only in their copy and taken.
    pub from_theirs: usize,
    /// True when there was no base and every difference was a conflict.
    pub two_way: bool,
    /// Links [`Merged::plan`] leaves out, and why (a loop, most often): the `loop` conflicts
    /// say which.
    pub left_out: Vec<LeftOut>,
    inputs: Box<(Option<ProjectFile>, ProjectFile, ProjectFile)>,
}

impl Merged {
    /// My copy, as it was before the merge.
    pub fn mine(&self) -> &ProjectFile {
        &self.inputs.1
    }

    /// Their copy.
    pub fn theirs(&self) -> &ProjectFile {
        &self.inputs.2
    }
}

/// Why a merge has no result.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("the merged plan is not valid: {0}")]
    Invalid(Invalid),
    #[error("the merged plan could not be built: {0}")]
    Unreadable(String),
    #[error("the file holds a whole workspace, not one project")]
    NotOneProject,
    #[error("the file holds another project")]
    OtherProject,
}

/// Merges `mine` and `theirs`, two edited copies of `base`. Without a base every difference
/// is a conflict.
pub fn merge(
    base: Option<&ProjectFile>,
    mine: &ProjectFile,
    theirs: &ProjectFile,
) -> Result<Merged, MergeError> {
    let run = run(base, mine, theirs, &Choices::new())?;
    Ok(Merged {
        plan: run.plan,
        conflicts: run.conflicts,
        from_theirs: run.from_theirs,
        left_out: run.left_out,
        two_way: base.is_none(),
        inputs: Box::new((base.cloned(), mine.clone(), theirs.clone())),
    })
}

/// The plan with each conflict settled as `choices` says (mine where it says nothing).
pub fn resolve(merged: &Merged, choices: &Choices) -> Result<ProjectFile, MergeError> {
    resolve_reporting(merged, choices).map(|resolved| resolved.plan)
}

/// The plan settled as `choices` says, and the links it had to leave out: a link one side
/// holds and nobody chose against, which the choices made close a loop.
pub fn resolve_reporting(merged: &Merged, choices: &Choices) -> Result<Resolved, MergeError> {
    let (base, mine, theirs) = merged.inputs.as_ref();
    run(base.as_ref(), mine, theirs, choices).map(|run| Resolved {
        plan: run.plan,
        left_out: run.left_out,
    })
}

/// A merge settled by the user's choices.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub plan: ProjectFile,
    /// Links left out of the plan, each with the reason the project gave.
    pub left_out: Vec<LeftOut>,
}

/// What one pass of the merge gives.
struct Run {
    plan: ProjectFile,
    conflicts: Vec<Conflict>,
    from_theirs: usize,
    left_out: Vec<LeftOut>,
}

fn run(
    base: Option<&ProjectFile>,
    mine: &ProjectFile,
    theirs: &ProjectFile,
    choices: &Choices,
) -> Result<Run, MergeError> {
    let base_value = base.map(file_value).transpose()?;
    let mut mine_value = file_value(mine)?;
    let mut theirs_value = file_value(theirs)?;
    // Money left out of a redacted copy is not a deletion: fill it in from the other copies.
    if theirs.redacted {
        redact::restore(
            &mut theirs_value,
            base_value.as_ref().unwrap_or(&mine_value),
        );
    }
    if mine.redacted {
        redact::restore(
            &mut mine_value,
            base_value.as_ref().unwrap_or(&theirs_value),
        );
    }
    let mut engine = Engine {
        two_way: base.is_none(),
        choices,
        conflicts: Vec::new(),
        from_theirs: 0,
        left_out: Vec::new(),
    };
    let part = |value: &Value, key: &str| value.get(key).cloned().unwrap_or(Value::Null);
    let base_project = base_value.as_ref().map(|value| part(value, "project"));
    let (mine_project, theirs_project) =
        (part(&mine_value, "project"), part(&theirs_value, "project"));
    let mut project = Value::Object(merge_project(
        &mut engine,
        base_project.as_ref(),
        &mine_project,
        &theirs_project,
    ));
    structure::repair(&mut project, &mine_project);
    let project = structure::settle(&mut engine, project, &mine_project, &theirs_project)?;
    let base_people = base_value.as_ref().map(|value| part(value, "people"));
    let mut people = merge_people(
        &mut engine,
        base_people.as_ref(),
        &part(&mine_value, "people"),
        &part(&theirs_value, "people"),
    )?;
    validate::people(&mut people)
        .map_err(|invalid| MergeError::Invalid(invalid.within("people")))?;
    let roster: HashSet<PersonId> = people.iter().map(|person| person.id).collect();
    let mut project = project;
    validate::project(&mut project, &roster)
        .map_err(|invalid| MergeError::Invalid(invalid.within("project")))?;
    let plan = project_file(&project, &people);
    Ok(Run {
        plan,
        conflicts: engine.conflicts,
        from_theirs: engine.from_theirs,
        left_out: engine.left_out,
    })
}

/// A copy's project and people as JSON.
fn file_value(file: &ProjectFile) -> Result<Value, MergeError> {
    let mut value = Map::new();
    let project = io::json_value(&file.project);
    let people = io::json_value(&file.people);
    value.insert("project".into(), project);
    value.insert("people".into(), people);
    Ok(Value::Object(value))
}

pub(super) fn unreadable(error: io::ImportError) -> MergeError {
    MergeError::Unreadable(error.to_string())
}

/// The UUID in `key`; keys come from ids that were checked on import.
pub(super) fn uuid(key: &str) -> Uuid {
    key.parse().unwrap_or_else(|_| Uuid::nil())
}

/// The text of a string value, or "".
pub(super) fn text(value: Option<&Value>) -> &str {
    value.and_then(Value::as_str).unwrap_or_default()
}

pub(super) fn id_key(value: &Value) -> String {
    text(value.get("id")).to_string()
}

fn scalar_key(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string)
}

/// The lists of a project that merge as sets.
const LISTS: [&str; 8] = [
    "columns",
    "team",
    "tasks",
    "baselines",
    "scope_log",
    "risks",
    "standups",
    "reports",
];

fn merge_project(
    engine: &mut Engine,
    base: Option<&Value>,
    mine: &Value,
    theirs: &Value,
) -> Map<String, Value> {
    let mut merged = engine.object(Subject::Project, base, mine, theirs, &LISTS);
    for list in LISTS {
        let items = |value: &Value| -> Vec<Value> {
            value
                .get(list)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let base_items = base.map(items);
        let (mine_items, theirs_items) = (items(mine), items(theirs));
        let none = HashSet::new();
        let subject: &dyn Fn(&str) -> Subject = match list {
            "columns" => &|key| Subject::Column(ColumnId(uuid(key))),
            "team" => &|key| Subject::Team(PersonId(uuid(key))),
            "tasks" => &|key| Subject::Task(TaskId(uuid(key))),
            "baselines" => &|key| Subject::Baseline(BaselineId(uuid(key))),
            "scope_log" => &|key| Subject::ScopeChange(ScopeChangeId(uuid(key))),
            "risks" => &|key| Subject::Risk(RiskId(uuid(key))),
            "standups" => &|key| Subject::Standup(key.parse().unwrap_or_default()),
            _ => &|key| Subject::Report(key.parse().unwrap_or_default()),
        };
        let result = match list {
            "tasks" => {
                let touched = [
                    touched_tasks(base_items.as_deref(), &mine_items),
                    touched_tasks(base_items.as_deref(), &theirs_items),
                ];
                let rule = ListRule {
                    key: &id_key,
                    subject,
                    touched: [&touched[0], &touched[1]],
                };
                engine.list(
                    base_items.as_deref(),
                    &mine_items,
                    &theirs_items,
                    &rule,
                    &mut merge_task,
                )
            }
            "team" | "standups" | "reports" => {
                let rule = ListRule {
                    key: &scalar_key,
                    subject,
                    touched: [&none, &none],
                };
                engine.list(
                    base_items.as_deref(),
                    &mine_items,
                    &theirs_items,
                    &rule,
                    &mut |_, _, _, mine, _| mine.clone(),
                )
            }
            _ => {
                let rule = ListRule {
                    key: &id_key,
                    subject,
                    touched: [&none, &none],
                };
                engine.list(
                    base_items.as_deref(),
                    &mine_items,
                    &theirs_items,
                    &rule,
                    &mut merge_record,
                )
            }
        };
        if !result.is_empty() || list == "columns" {
            merged.insert(list.to_string(), Value::Array(result));
        }
    }
    merged
}

/// A record with an `id`, merged field by field.
fn merge_record(
    engine: &mut Engine,
    subject: Subject,
    base: Option<&Value>,
    mine: &Value,
    theirs: &Value,
) -> Value {
    let mut merged = engine.object(subject, base, mine, theirs, &["id"]);
    if let Some(id) = mine.get("id") {
        merged.insert("id".into(), id.clone());
    }
    Value::Object(merged)
}

/// Task fields that do not merge one by one: the dates move together (start, end and the
/// milestone flag must agree), and links and time entries merge as sets.
const TASK_PARTS: [&str; 6] = [
    "id",
    "start",
    "end",
    "milestone",
    "dependencies",
    "time_entries",
];

fn merge_task(
    engine: &mut Engine,
    subject: Subject,
    base: Option<&Value>,
    mine: &Value,
    theirs: &Value,
) -> Value {
    let mut merged = engine.object(subject, base, mine, theirs, &TASK_PARTS);
    let task = match subject {
        Subject::Task(task) => task,
        _ => TaskId(Uuid::nil()),
    };
    merged.insert("id".into(), Value::from(task.to_string()));
    let dates = |value: &Value| -> Value {
        let mut dates = Map::new();
        for key in ["start", "end", "milestone"] {
            if let Some(part) = value.get(key) {
                dates.insert(key.to_string(), part.clone());
            }
        }
        Value::Object(dates)
    };
    let base_dates = base.map(dates);
    if let Some(Value::Object(picked)) = engine.pick(
        subject,
        "dates",
        base_dates.as_ref(),
        Some(&dates(mine)),
        Some(&dates(theirs)),
    ) {
        merged.extend(picked);
    }
    let items = |value: &Value, key: &str| -> Vec<Value> {
        value
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let none = HashSet::new();
    let predecessor_key = |value: &Value| text(value.get("predecessor")).to_string();
    let dependency = move |key: &str| Subject::Dependency {
        successor: task,
        predecessor: TaskId(uuid(key)),
    };
    let entry = move |key: &str| Subject::TimeEntry {
        task,
        entry: TimeEntryId(uuid(key)),
    };
    for (list, rule) in [
        (
            "dependencies",
            ListRule {
                key: &predecessor_key,
                subject: &dependency,
                touched: [&none, &none],
            },
        ),
        (
            "time_entries",
            ListRule {
                key: &id_key,
                subject: &entry,
                touched: [&none, &none],
            },
        ),
    ] {
        let base_items = base.map(|base| items(base, list));
        let result = engine.list(
            base_items.as_deref(),
            &items(mine, list),
            &items(theirs, list),
            &rule,
            &mut |engine, subject, base, mine, theirs| {
                let id_field = if list == "dependencies" {
                    "predecessor"
                } else {
                    "id"
                };
                let mut merged = engine.object(subject, base, mine, theirs, &[id_field]);
                if let Some(id) = mine.get(id_field) {
                    merged.insert(id_field.into(), id.clone());
                }
                Value::Object(merged)
            },
        );
        if !result.is_empty() {
            merged.insert(list.to_string(), Value::Array(result));
        }
    }
    Value::Object(merged)
}

/// Tasks a side linked to or put subtasks under, compared with the base.
fn touched_tasks(base: Option<&[Value]>, side: &[Value]) -> HashSet<String> {
    let base_tasks: HashMap<String, &Value> = base
        .unwrap_or_default()
        .iter()
        .map(|task| (id_key(task), task))
        .collect();
    let mut touched = HashSet::new();
    for task in side {
        let before = base_tasks.get(&id_key(task));
        let parent = task.get("parent");
        if parent.is_some() && before.and_then(|before| before.get("parent")) != parent {
            touched.insert(text(parent).to_string());
        }
        let known: HashSet<&str> = before
            .and_then(|before| before.get("dependencies"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|dependency| text(dependency.get("predecessor")))
            .collect();
        for dependency in task
            .get("dependencies")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let predecessor = text(dependency.get("predecessor"));
            if !known.contains(predecessor) {
                touched.insert(predecessor.to_string());
            }
        }
    }
    touched
}

/// Roster entries: everyone either copy names, merged field by field. Who is on the team is
/// merged with the project; a person only one copy knows is kept.
fn merge_people(
    engine: &mut Engine,
    base: Option<&Value>,
    mine: &Value,
    theirs: &Value,
) -> Result<Vec<Person>, MergeError> {
    let list = |value: Option<&Value>| -> Vec<Value> {
        value.and_then(Value::as_array).cloned().unwrap_or_default()
    };
    let (base_people, mine_people, theirs_people) =
        (list(base), list(Some(mine)), list(Some(theirs)));
    let by_key = |people: &[Value]| -> HashMap<String, Value> {
        people
            .iter()
            .map(|person| (id_key(person), person.clone()))
            .collect()
    };
    let (base_index, theirs_index) = (by_key(&base_people), by_key(&theirs_people));
    let mut people = Vec::with_capacity(mine_people.len());
    for person in &mine_people {
        let key = id_key(person);
        let merged = match theirs_index.get(&key) {
            Some(other) => {
                let subject = Subject::Person(PersonId(uuid(&key)));
                merge_record(engine, subject, base_index.get(&key), person, other)
            }
            None => person.clone(),
        };
        people.push(merged);
    }
    let mine_keys: HashSet<String> = mine_people.iter().map(id_key).collect();
    people.extend(
        theirs_people
            .into_iter()
            .filter(|person| !mine_keys.contains(&id_key(person))),
    );
    io::typed(Value::Array(people)).map_err(unreadable)
}
