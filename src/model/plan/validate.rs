//! Whole-value checks for projects and workspaces that arrive from outside: plan files and
//! stored data. Commands check one change at a time; this checks everything at once and says
//! where the first problem is, as a field path such as `tasks[3].dependencies[0].predecessor`.
//!
//! Text is cleaned on the way (see [`crate::model::text`]), so a checked value is exactly what the
//! commands would have produced. Runs in time linear in tasks plus dependencies.

use crate::model::error::{Field, ModelError};
use crate::model::graph;
use crate::model::ids::{IdMap, IdSet};
use crate::model::ids::{PersonId, TaskId};
use crate::model::person::Person;
use crate::model::project::{
    check_column, check_date, check_entry_fields, check_risk_fields, check_task_fields,
    check_thresholds, checked_name, Project,
};
use crate::model::workspace::{check_person, Workspace};
use std::collections::HashSet;
use std::fmt;

/// The first problem found, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// Field path from the checked value's root, e.g. `tasks[3].end`.
    pub path: String,
    /// The title or name of the item the path points into, to help people find it.
    pub subject: Option<String>,
    /// What is wrong.
    pub error: ModelError,
}

impl Invalid {
    fn at(path: impl Into<String>, error: ModelError) -> Invalid {
        Invalid {
            path: path.into(),
            subject: None,
            error,
        }
    }

    fn about(mut self, subject: &str) -> Invalid {
        self.subject = Some(subject.to_string());
        self
    }

    /// The same problem with `prefix` put in front of its path.
    pub fn within(mut self, prefix: &str) -> Invalid {
        self.path = if self.path.is_empty() {
            prefix.to_string()
        } else {
            format!("{prefix}.{}", self.path)
        };
        self
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.error)
    }
}

/// Checks and cleans a whole workspace.
pub fn workspace(workspace: &mut Workspace) -> Result<(), Invalid> {
    people(workspace.people_mut()).map_err(|invalid| invalid.within("people"))?;
    let roster: HashSet<PersonId> = workspace.people().iter().map(|person| person.id).collect();
    let mut seen = HashSet::new();
    for (index, project) in workspace.projects_mut().iter_mut().enumerate() {
        if !seen.insert(project.id) {
            return Err(Invalid::at(
                format!("projects[{index}].id"),
                ModelError::DuplicateId(project.id.uuid()),
            ));
        }
        let project = std::sync::Arc::make_mut(project);
        self::project(project, &roster)
            .map_err(|invalid| invalid.within(&format!("projects[{index}]")))?;
    }
    Ok(())
}

/// Checks and cleans a list of people.
pub fn people(people: &mut [Person]) -> Result<(), Invalid> {
    let mut seen = HashSet::new();
    for (index, person) in people.iter_mut().enumerate() {
        if !seen.insert(person.id) {
            return Err(Invalid::at(
                format!("[{index}].id"),
                ModelError::DuplicateId(person.id.uuid()),
            ));
        }
        let name = person.name.clone();
        check_person(person).map_err(|error| {
            let field = match error {
                ModelError::TooLong {
                    field: Field::PersonRole,
                    ..
                } => "role",
                ModelError::NegativeMoney(_) | ModelError::MoneyTooLarge(_) => "hourly_rate",
                ModelError::CapacityTooLarge(_) => "weekly_capacity",
                _ => "name",
            };
            Invalid::at(format!("[{index}].{field}"), error).about(&name)
        })?;
    }
    Ok(())
}

/// Checks and cleans one project; `roster` is every person id its team may name.
pub fn project(project: &mut Project, roster: &HashSet<PersonId>) -> Result<(), Invalid> {
    let details = project.details();
    project.update_details(details).map_err(|error| {
        let field = match error {
            ModelError::Blank(Field::ProjectName)
            | ModelError::TooLong {
                field: Field::ProjectName,
                ..
            } => "name",
            ModelError::TooLong { .. } => "description",
            ModelError::DeadlineBeforeStart { .. } => "deadline",
            ModelError::DateOutOfRange(date) if Some(date) == project.deadline => "deadline",
            ModelError::DateOutOfRange(date) if date == project.start => "start",
            ModelError::DateOutOfRange(_) => "calendar.holidays",
            ModelError::NegativeMoney(_) | ModelError::MoneyTooLarge(_) => "budget.amount",
            ModelError::NoWorkingDays => "calendar.working_weekdays",
            _ => "",
        };
        Invalid::at(field, error)
    })?;

    if project.columns().is_empty() {
        return Err(Invalid::at("columns", ModelError::LastColumn));
    }
    let mut column_ids = HashSet::new();
    for (index, column) in project.columns_mut().iter_mut().enumerate() {
        if !column_ids.insert(column.id) {
            return Err(Invalid::at(
                format!("columns[{index}].id"),
                ModelError::DuplicateId(column.id.uuid()),
            ));
        }
        let name = column.name.clone();
        check_column(column).map_err(|error| {
            let field = if error == ModelError::ZeroWipLimit {
                "wip_limit"
            } else {
                "name"
            };
            Invalid::at(format!("columns[{index}].{field}"), error).about(&name)
        })?;
    }

    let mut team = HashSet::new();
    for (index, member) in project.team().iter().enumerate() {
        if !roster.contains(member) {
            return Err(Invalid::at(
                format!("team[{index}]"),
                ModelError::UnknownPerson(*member),
            ));
        }
        if !team.insert(*member) {
            return Err(Invalid::at(
                format!("team[{index}]"),
                ModelError::DuplicateId(member.uuid()),
            ));
        }
    }

    tasks(project, &column_ids, &team, roster)?;
    history(project, roster)
}

/// Baselines, scope log, risks, meeting dates and thresholds.
fn history(project: &mut Project, roster: &HashSet<PersonId>) -> Result<(), Invalid> {
    let mut seen = HashSet::new();
    for (index, baseline) in project.baselines_mut().iter_mut().enumerate() {
        let at = |field: &str, error| Invalid::at(format!("baselines[{index}].{field}"), error);
        if !seen.insert(baseline.id.uuid()) {
            return Err(at("id", ModelError::DuplicateId(baseline.id.uuid())));
        }
        baseline.name =
            checked_name(&baseline.name, Field::BaselineName).map_err(|e| at("name", e))?;
        check_date(baseline.created).map_err(|e| at("created", e))?;
        for (number, task) in baseline.tasks.iter().enumerate() {
            let field = format!("tasks[{number}]");
            for date in [task.start, task.end] {
                check_date(date).map_err(|e| at(&field, e))?;
            }
            if task.end < task.start {
                return Err(at(
                    &format!("{field}.end"),
                    ModelError::EndBeforeStart {
                        start: task.start,
                        end: task.end,
                    },
                ));
            }
        }
    }
    let mut seen = HashSet::new();
    for (index, change) in project.scope_log_mut().iter_mut().enumerate() {
        let at = |field: &str, error| Invalid::at(format!("scope_log[{index}].{field}"), error);
        if !seen.insert(change.id) {
            return Err(at("id", ModelError::DuplicateId(change.id.uuid())));
        }
        check_date(change.date).map_err(|e| at("date", e))?;
        change.title = crate::model::text::clean_line(&change.title);
        change.reason = crate::model::text::clean_block(&change.reason);
    }
    let mut seen = HashSet::new();
    for (index, risk) in project.risks_mut().iter_mut().enumerate() {
        let title = risk.title.clone();
        let at = |field: &str, error| {
            Invalid::at(format!("risks[{index}].{field}"), error).about(&title)
        };
        if !seen.insert(risk.id) {
            return Err(at("id", ModelError::DuplicateId(risk.id.uuid())));
        }
        if let Some(owner) = risk.owner {
            if !roster.contains(&owner) {
                return Err(at("owner", ModelError::UnknownPerson(owner)));
            }
        }
        check_risk_fields(risk).map_err(|error| {
            let field = if matches!(error, ModelError::DateOutOfRange(_)) {
                "due"
            } else {
                "title"
            };
            at(field, error)
        })?;
    }
    let (standups, reports) = project.meetings_mut();
    for (name, days) in [("standups", standups), ("reports", reports)] {
        for (index, day) in days.iter().enumerate() {
            check_date(*day).map_err(|e| Invalid::at(format!("{name}[{index}]"), e))?;
        }
        days.sort_unstable();
        days.dedup();
    }
    check_thresholds(&project.health).map_err(|e| Invalid::at("health", e))?;
    Ok(())
}

fn tasks(
    project: &mut Project,
    columns: &HashSet<crate::model::ids::ColumnId>,
    team: &HashSet<PersonId>,
    roster: &HashSet<PersonId>,
) -> Result<(), Invalid> {
    let mut position: IdMap<TaskId, usize> = IdMap::default();
    position.reserve(project.tasks().len());
    for (index, task) in project.tasks().iter().enumerate() {
        if position.insert(task.id, index).is_some() {
            return Err(Invalid::at(
                format!("tasks[{index}].id"),
                ModelError::DuplicateId(task.id.uuid()),
            )
            .about(&task.title));
        }
    }
    let parent_of: IdMap<TaskId, TaskId> = project
        .tasks()
        .iter()
        .filter_map(|task| task.parent.map(|parent| (task.id, parent)))
        .collect();

    for (index, shared) in project.tasks_mut().iter_mut().enumerate() {
        let title = shared.title.clone();
        let at = |field: &str, error: ModelError| {
            Invalid::at(format!("tasks[{index}].{field}"), error).about(&title)
        };
        let task = std::sync::Arc::make_mut(shared);
        check_task_fields(task).map_err(|error| {
            let field = match &error {
                ModelError::Blank(Field::TaskTitle)
                | ModelError::TooLong {
                    field: Field::TaskTitle,
                    ..
                } => "title".to_string(),
                ModelError::TooLong {
                    field: Field::TaskDescription,
                    ..
                } => "description".to_string(),
                ModelError::TooLong { .. } | ModelError::TooManyTags { .. } => "tags".to_string(),
                ModelError::DateOutOfRange(date) if *date == task.start => "start".to_string(),
                ModelError::DateOutOfRange(date) if *date == task.end => "end".to_string(),
                ModelError::DateOutOfRange(date) if *date == task.created => "created".to_string(),
                ModelError::DateOutOfRange(_) => "completed".to_string(),
                ModelError::EndBeforeStart { .. } | ModelError::MilestoneSpansDays { .. } => {
                    "end".to_string()
                }
                ModelError::SelfDependency(_) => {
                    dependency_field(task, |d| d.predecessor == task.id, "predecessor")
                }
                ModelError::LagOutOfRange(lag) => dependency_field(task, |d| d.lag == *lag, "lag"),
                ModelError::NegativeMoney(amount) | ModelError::MoneyTooLarge(amount) => {
                    if task.fixed_cost.0 == *amount {
                        "fixed_cost"
                    } else {
                        "actual_fixed_cost"
                    }
                    .to_string()
                }
                _ => String::new(),
            };
            at(&field, error)
        })?;
        if !columns.contains(&task.column) {
            return Err(at("column", ModelError::UnknownColumn(task.column)));
        }
        if let Some(assignee) = task.assignee {
            if !team.contains(&assignee) {
                return Err(at("assignee", ModelError::NotOnTeam(assignee)));
            }
        }
        if let Some(parent) = task.parent {
            if !position.contains_key(&parent) {
                return Err(at("parent", ModelError::UnknownTask(parent)));
            }
            // Walk up; a chain longer than the task list is a loop.
            let mut current = Some(parent);
            let mut steps = 0;
            while let Some(ancestor) = current {
                if ancestor == task.id || steps > position.len() {
                    return Err(at(
                        "parent",
                        ModelError::ParentCycle {
                            task: task.id,
                            parent,
                        },
                    ));
                }
                current = parent_of.get(&ancestor).copied();
                steps += 1;
            }
        }
        let mut entries = HashSet::new();
        for (number, entry) in task.time_entries.iter_mut().enumerate() {
            let field = format!("time_entries[{number}]");
            if !entries.insert(entry.id) {
                return Err(at(
                    &format!("{field}.id"),
                    ModelError::DuplicateId(entry.id.uuid()),
                ));
            }
            if !roster.contains(&entry.person) {
                return Err(at(
                    &format!("{field}.person"),
                    ModelError::UnknownPerson(entry.person),
                ));
            }
            check_entry_fields(entry).map_err(|error| {
                let part = match error {
                    ModelError::DateOutOfRange(_) => "date",
                    ModelError::EntryHours(_) => "hours",
                    _ => "note",
                };
                at(&format!("{field}.{part}"), error)
            })?;
        }
        if let Some(timer) = task.timer {
            if !roster.contains(&timer.person) {
                return Err(at("timer.person", ModelError::UnknownPerson(timer.person)));
            }
            check_date(timer.started.date()).map_err(|error| at("timer.started", error))?;
        }
        let mut predecessors = IdSet::default();
        for (number, dependency) in task.dependencies.iter().enumerate() {
            let field = || format!("dependencies[{number}].predecessor");
            if !position.contains_key(&dependency.predecessor) {
                return Err(at(
                    &field(),
                    ModelError::UnknownTask(dependency.predecessor),
                ));
            }
            if !predecessors.insert(dependency.predecessor) {
                return Err(at(
                    &field(),
                    ModelError::DuplicateDependency {
                        predecessor: dependency.predecessor,
                        successor: task.id,
                    },
                ));
            }
            let related = is_ancestor(&parent_of, dependency.predecessor, task.id)
                || is_ancestor(&parent_of, task.id, dependency.predecessor);
            if related {
                return Err(at(
                    &field(),
                    ModelError::LinkWithinHierarchy {
                        task: task.id,
                        relative: dependency.predecessor,
                    },
                ));
            }
        }
    }
    let parents: IdSet<TaskId> = parent_of.values().copied().collect();
    for (index, task) in project.tasks().iter().enumerate() {
        if task.milestone && parents.contains(&task.id) {
            return Err(Invalid::at(
                format!("tasks[{index}].milestone"),
                ModelError::MilestoneWithSubtasks(task.id),
            )
            .about(&task.title));
        }
    }
    if let Some(path) = graph::find_cycle(project.tasks()) {
        let first = path
            .first()
            .and_then(|id| position.get(id))
            .copied()
            .unwrap_or(0);
        let title = project.tasks()[first].title.clone();
        return Err(Invalid::at(
            format!("tasks[{first}].dependencies"),
            ModelError::Cycle { path },
        )
        .about(&title));
    }
    Ok(())
}

fn dependency_field(
    task: &crate::model::task::Task,
    matches: impl Fn(&crate::model::task::Dependency) -> bool,
    field: &str,
) -> String {
    match task.dependencies.iter().position(matches) {
        Some(number) => format!("dependencies[{number}].{field}"),
        None => "dependencies".to_string(),
    }
}

/// True when `ancestor` is above `task` in the parent chain given by `parent_of` (task to
/// its parent). Readers of other formats use it too, to leave out links between a summary task
/// and its own subtasks.
pub(in crate::model) fn is_ancestor(
    parent_of: &IdMap<TaskId, TaskId>,
    ancestor: TaskId,
    task: TaskId,
) -> bool {
    is_above(
        |id| parent_of.get(&id).copied(),
        parent_of.len(),
        ancestor,
        task,
    )
}

/// True when `ancestor` is above `task` in the chain of parents that `parent` gives, by id or
/// by row. After `limit` steps (the number of tasks) the chain is a loop, and the answer no.
pub(in crate::model) fn is_above<T: Copy + PartialEq>(
    parent: impl Fn(T) -> Option<T>,
    limit: usize,
    ancestor: T,
    task: T,
) -> bool {
    let mut current = parent(task);
    let mut steps = 0;
    while let Some(id) = current {
        if id == ancestor {
            return true;
        }
        steps += 1;
        if steps > limit {
            return false;
        }
        current = parent(id);
    }
    false
}
