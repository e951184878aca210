//! The outline and the dependency network of a merged plan. Parents and links both copies
//! agree on are kept as they are (they held together in each copy); every other parent and
//! link is put back one at a time through the project's own checked commands, so one that
//! would close a loop, link a task to its own summary or put work under a milestone is refused
//! and becomes a conflict instead of a broken plan.

use super::three_way::{id_key, text, unreadable, uuid, Subject};
use super::values::Engine;
use super::MergeError;
use crate::model::io;
use crate::model::{Dependency, ModelError, Project, TaskId};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// The field name of a link or parent that would close a loop.
const LOOP: &str = "loop";

/// A link one copy holds that the merged plan does not, because the project refused it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// The task that would have waited.
    pub successor: TaskId,
    /// The task it would have waited for.
    pub predecessor: TaskId,
    /// Why the project refused the link: [`ModelError::Cycle`] with the loop it would close,
    /// or a link between a summary task and its own subtask.
    pub reason: ModelError,
}

/// Turns the merged JSON into a project, settling the parents and links that only one side
/// has.
pub(super) fn settle(
    engine: &mut Engine,
    mut project: Value,
    mine: &Value,
    theirs: &Value,
) -> Result<Project, MergeError> {
    let (mine_parents, mine_links) = structure_of(mine);
    let (theirs_parents, theirs_links) = structure_of(theirs);
    let mut parents: Vec<(TaskId, TaskId)> = Vec::new();
    let mut links: Vec<(TaskId, Dependency)> = Vec::new();
    let mut link_order: HashMap<TaskId, Vec<TaskId>> = HashMap::new();
    if let Some(Value::Array(tasks)) = project.get_mut("tasks") {
        for task in tasks.iter_mut().filter_map(Value::as_object_mut) {
            let id = text(task.get("id")).to_string();
            let task_id = TaskId(uuid(&id));
            if let Some(parent) = task.get("parent").and_then(Value::as_str) {
                let agreed = [&mine_parents, &theirs_parents].iter().all(|side| {
                    side.get(&id)
                        .is_some_and(|known| known.as_deref() == Some(parent))
                });
                if !agreed {
                    parents.push((task_id, TaskId(uuid(parent))));
                    task.remove("parent");
                }
            }
            if let Some(Value::Array(dependencies)) = task.get_mut("dependencies") {
                let mut order = Vec::new();
                let mut kept = Vec::new();
                for dependency in dependencies.drain(..) {
                    let predecessor = text(dependency.get("predecessor")).to_string();
                    order.push(TaskId(uuid(&predecessor)));
                    let pair = (id.clone(), predecessor);
                    if mine_links.contains(&pair) && theirs_links.contains(&pair) {
                        kept.push(dependency);
                    } else {
                        let link: Dependency = io::typed(dependency).map_err(unreadable)?;
                        links.push((task_id, link));
                    }
                }
                link_order.insert(task_id, order);
                if kept.is_empty() {
                    task.remove("dependencies");
                } else {
                    *dependencies = kept;
                }
            }
        }
    }
    let mut plan: Project = io::typed(project).map_err(unreadable)?;

    let chosen = |engine: &Engine, subject: Subject, field: &str| {
        engine.choices.contains_key(&(subject, field.to_string()))
    };
    parents.sort_by_key(|(task, _)| (!chosen(engine, Subject::Task(*task), LOOP), *task));
    for (task, parent) in parents {
        let subject = Subject::Task(task);
        let sides = [
            side_parent(&mine_parents, task),
            side_parent(&theirs_parents, task),
        ];
        let mut candidates = vec![Some(parent)];
        if chosen(engine, subject, LOOP) {
            let pick = engine.choice(subject, LOOP);
            candidates.insert(0, sides[pick as usize].flatten());
        }
        candidates.extend(sides.iter().map(|side| side.flatten()));
        for (attempt, candidate) in candidates.into_iter().enumerate() {
            let Some(candidate) = candidate else {
                break;
            };
            if set_parent(&mut plan, task, candidate) {
                break;
            }
            if attempt == 0 && !engine.has_conflict(subject, LOOP) {
                let value = |side: Option<Option<TaskId>>| {
                    side.flatten().map(|parent| Value::from(parent.to_string()))
                };
                engine.conflict(
                    subject,
                    LOOP,
                    value(sides[0]).as_ref(),
                    value(sides[1]).as_ref(),
                );
            }
        }
    }

    links.sort_by_key(|(successor, link)| {
        let subject = Subject::Dependency {
            successor: *successor,
            predecessor: link.predecessor,
        };
        (!chosen(engine, subject, LOOP), *successor, link.predecessor)
    });
    for (successor, link) in links {
        let subject = Subject::Dependency {
            successor,
            predecessor: link.predecessor,
        };
        let pair = (successor.to_string(), link.predecessor.to_string());
        let held = [mine_links.contains(&pair), theirs_links.contains(&pair)];
        if chosen(engine, subject, LOOP) {
            let pick = engine.choice(subject, LOOP);
            if !held[pick as usize] {
                continue;
            }
        }
        let Err(reason) = plan.link_tasks(successor, link) else {
            continue;
        };
        engine.left_out.push(LeftOut {
            successor,
            predecessor: link.predecessor,
            reason,
        });
        if !engine.has_conflict(subject, LOOP) {
            let value = |held: bool| held.then(|| io::json_value(&link));
            engine.conflict(
                subject,
                LOOP,
                value(held[0]).as_ref(),
                value(held[1]).as_ref(),
            );
        }
    }
    restore_link_order(&mut plan, &link_order);
    Ok(plan)
}

/// A side's parent of `task`: `None` when the side does not have the task.
fn side_parent(parents: &HashMap<String, Option<String>>, task: TaskId) -> Option<Option<TaskId>> {
    parents
        .get(&task.to_string())
        .map(|parent| parent.as_deref().map(|parent| TaskId(uuid(parent))))
}

/// Each task's parent and each link (successor, predecessor) in one copy.
#[allow(clippy::type_complexity)]
fn structure_of(project: &Value) -> (HashMap<String, Option<String>>, HashSet<(String, String)>) {
    let mut parents = HashMap::new();
    let mut links = HashSet::new();
    for task in project
        .get("tasks")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = text(task.get("id")).to_string();
        parents.insert(
            id.clone(),
            task.get("parent")
                .and_then(Value::as_str)
                .map(str::to_string),
        );
        for dependency in task
            .get("dependencies")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            links.insert((id.clone(), text(dependency.get("predecessor")).to_string()));
        }
    }
    (parents, links)
}

/// Puts `task` under `parent` if the project's checks allow it.
fn set_parent(plan: &mut Project, task: TaskId, parent: TaskId) -> bool {
    let Ok(current) = plan.task(task) else {
        return false;
    };
    let mut moved = current.clone();
    moved.parent = Some(parent);
    let day = moved.completed.unwrap_or(moved.created);
    plan.update_task(moved, day).is_ok()
}

/// Links were put back one by one at the end of each task's list; give them the merged order.
fn restore_link_order(plan: &mut Project, order: &HashMap<TaskId, Vec<TaskId>>) {
    for (task, wanted) in order {
        let Ok(current) = plan.task(*task) else {
            continue;
        };
        let position = |predecessor: &TaskId| {
            wanted
                .iter()
                .position(|known| known == predecessor)
                .unwrap_or(usize::MAX)
        };
        let mut sorted = current.clone();
        sorted
            .dependencies
            .sort_by_key(|dependency| position(&dependency.predecessor));
        if sorted.dependencies != current.dependencies {
            let day = sorted.completed.unwrap_or(sorted.created);
            // The same links in another order hold together as before.
            let _ = plan.update_task(sorted, day);
        }
    }
}

/// Keeps the references of the merged project pointing at things it holds: a task whose
/// column went moves to the first column, a missing parent or predecessor is dropped, and
/// people still named by tasks or risks stay on the team.
pub(super) fn repair(project: &mut Value, mine: &Value) {
    let Some(fields) = project.as_object_mut() else {
        return;
    };
    let empty = fields
        .get("columns")
        .and_then(Value::as_array)
        .is_none_or(Vec::is_empty);
    if empty {
        let columns = mine.get("columns").cloned().unwrap_or(Value::Null);
        fields.insert("columns".into(), columns);
    }
    let ids = |list: &str, fields: &Map<String, Value>| -> HashSet<String> {
        fields
            .get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(id_key)
            .collect()
    };
    let columns = ids("columns", fields);
    let first_column = fields
        .get("columns")
        .and_then(|columns| columns.get(0))
        .map(id_key)
        .unwrap_or_default();
    let tasks = ids("tasks", fields);
    let mut named: Vec<String> = Vec::new();
    if let Some(Value::Array(list)) = fields.get_mut("tasks") {
        for task in list.iter_mut().filter_map(Value::as_object_mut) {
            if !columns.contains(text(task.get("column"))) {
                task.insert("column".into(), Value::from(first_column.clone()));
            }
            if task.contains_key("parent") && !tasks.contains(text(task.get("parent"))) {
                task.remove("parent");
            }
            if let Some(Value::Array(links)) = task.get_mut("dependencies") {
                links.retain(|link| tasks.contains(text(link.get("predecessor"))));
                if links.is_empty() {
                    task.remove("dependencies");
                }
            }
            named.extend(
                task.get("assignee")
                    .map(|person| text(Some(person)).to_string()),
            );
            named.extend(
                task.get("timer")
                    .map(|timer| text(timer.get("person")).to_string()),
            );
            for entry in task
                .get("time_entries")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                named.push(text(entry.get("person")).to_string());
            }
        }
    }
    for risk in fields
        .get("risks")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        named.extend(risk.get("owner").map(|owner| text(Some(owner)).to_string()));
    }
    let team = fields
        .entry("team")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(team) = team {
        for person in named {
            if !team.iter().any(|member| text(Some(member)) == person) {
                team.push(Value::from(person));
            }
        }
        if team.is_empty() {
            fields.remove("team");
        }
    }
}
