//! What a card shows: its assignee's avatar colour, blockers, subtask count and summary, and
//! whether a move into a done column needs the user's confirmation.

use crate::model::ids::IdMap;
use crate::model::ids::{ColumnId, PersonId, TaskId};
use crate::model::person::Person;
use crate::model::project::{ColumnCategory, Project};
use crate::model::task::{LinkKind, Priority, Task};
use chrono::NaiveDate;
use std::sync::Arc;

/// How many avatar colours the UI has; [`colour_index`] picks one of them.
pub const AVATAR_COLOURS: usize = 8;

/// A stable colour for `person`'s avatar, from 0 to `colours - 1`: the same person always
/// gets the same colour, on every computer, because it comes from the id alone.
pub fn colour_index(person: PersonId, colours: usize) -> usize {
    // FNV-1a over the UUID's bytes: stable, cheap and well spread.
    let hash = person
        .uuid()
        .as_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    (hash % colours.max(1) as u64) as usize
}

/// Who a card is assigned to, as its avatar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardAssignee {
    pub name: String,
    pub initials: String,
    /// From [`colour_index`].
    pub colour: usize,
}

/// Subtasks of a summary task: how many are done out of how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubtaskCount {
    pub done: usize,
    pub total: usize,
}

/// Everything a card shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardSummary {
    pub title: String,
    pub milestone: bool,
    pub assignee: Option<CardAssignee>,
    /// The last day of work.
    pub end: NaiveDate,
    /// True when the end date is before today and the task is not done.
    pub overdue: bool,
    /// True in a done column or at 100 %.
    pub done: bool,
    /// Percent complete.
    pub progress: u8,
    pub priority: Priority,
    pub tags: Vec<String>,
    /// Direct subtasks; `None` for a task without subtasks.
    pub subtasks: Option<SubtaskCount>,
    /// Titles of the finish-to-start predecessors that are not done yet; the card is blocked
    /// while this is not empty. Always empty once the card itself is done: finished work is
    /// no longer waiting (moving it into done asks first, see [`needs_done_confirmation`]).
    pub blocked_by: Vec<String>,
}

impl CardSummary {
    /// True while a finish-to-start predecessor is not done.
    pub fn blocked(&self) -> bool {
        !self.blocked_by.is_empty()
    }
}

/// The finish-to-start predecessors of `task` that are not done: what blocks it.
pub fn blockers<'a>(project: &'a Project, task: &'a Task) -> impl Iterator<Item = &'a Task> {
    task.dependencies
        .iter()
        .filter(|dependency| dependency.kind == LinkKind::FinishToStart)
        .filter_map(|dependency| project.find_task(dependency.predecessor))
        .filter(|predecessor| !project.is_done(predecessor))
}

/// True while any finish-to-start predecessor of `task` is not done.
pub fn is_blocked(project: &Project, task: &Task) -> bool {
    blockers(project, task).next().is_some()
}

/// The direct subtasks of `task` done out of all of them; `None` without subtasks.
pub fn subtask_count(project: &Project, task: TaskId) -> Option<SubtaskCount> {
    let (done, total) = project.children(task).fold((0, 0), |(done, total), child| {
        (done + usize::from(project.is_done(child)), total + 1)
    });
    (total > 0).then_some(SubtaskCount { done, total })
}

/// Lookups every card needs, so that each card's summary costs only its own links instead of
/// scans of the whole plan. Built once (one pass over the tasks), then kept in step with each
/// change by [`TaskIndex::follow`], which reads only the tasks that changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskIndex {
    /// Every task by id.
    pub(super) tasks: IdMap<TaskId, Arc<Task>>,
    /// Subtasks of each summary task: (done, all).
    pub(super) subtasks: IdMap<TaskId, (usize, usize)>,
}

impl TaskIndex {
    /// The index of `project`'s tasks.
    pub fn new(project: &Project) -> TaskIndex {
        let mut index = TaskIndex {
            tasks: IdMap::default(),
            subtasks: IdMap::default(),
        };
        index.tasks.reserve(project.tasks().len());
        for task in project.tasks() {
            index.tasks.insert(task.id, Arc::clone(task));
            index.count(project, task, true);
        }
        index
    }

    /// The task `id` of the project the index follows, found without a scan.
    pub fn task(&self, id: TaskId) -> Option<&Task> {
        self.tasks.get(&id).map(Arc::as_ref)
    }

    /// Counts `task` among its parent's subtasks (`add`), or stops counting it.
    pub(super) fn count(&mut self, project: &Project, task: &Task, add: bool) {
        let Some(parent) = task.parent else {
            return;
        };
        let done = usize::from(project.is_done(task));
        let count = self.subtasks.entry(parent).or_insert((0, 0));
        if add {
            count.0 += done;
            count.1 += 1;
        } else {
            count.0 -= done;
            count.1 -= 1;
            if count.1 == 0 {
                self.subtasks.remove(&parent);
            }
        }
    }
}

/// What the card of task `id` shows on `today`.
pub fn card_summary(
    project: &Project,
    id: TaskId,
    people: &[Person],
    today: NaiveDate,
) -> Option<CardSummary> {
    card_summary_indexed(project, &TaskIndex::new(project), id, people, today)
}

/// [`card_summary`] with the project's [`TaskIndex`] built beforehand: what the board's cards
/// use, one index for all of them.
pub fn card_summary_indexed(
    project: &Project,
    index: &TaskIndex,
    id: TaskId,
    people: &[Person],
    today: NaiveDate,
) -> Option<CardSummary> {
    let task = index.task(id)?;
    let done = project.is_done(task);
    let assignee = task
        .assignee
        .and_then(|person| people.iter().find(|known| known.id == person))
        .map(|person| CardAssignee {
            name: person.name.clone(),
            initials: person.initials(),
            colour: colour_index(person.id, AVATAR_COLOURS),
        });
    Some(CardSummary {
        title: task.title.clone(),
        milestone: task.milestone,
        assignee,
        end: task.end,
        overdue: !done && task.end < today,
        done,
        progress: task.progress.percent(),
        priority: task.priority,
        tags: task.tags.clone(),
        subtasks: index.subtasks.get(&id).map(|(done, total)| SubtaskCount {
            done: *done,
            total: *total,
        }),
        blocked_by: if done {
            Vec::new()
        } else {
            task.dependencies
                .iter()
                .filter(|dependency| dependency.kind == LinkKind::FinishToStart)
                .filter_map(|dependency| index.task(dependency.predecessor))
                .filter(|predecessor| !project.is_done(predecessor))
                .map(|predecessor| predecessor.title.clone())
                .collect()
        },
    })
}

/// True when moving `task` into `column` should be confirmed first: the column is a done
/// column, the task is not in one yet, and an unfinished predecessor blocks it.
pub fn needs_done_confirmation(project: &Project, task: TaskId, column: ColumnId) -> bool {
    let Some(task) = project.find_task(task) else {
        return false;
    };
    let into_done = project
        .column(column)
        .is_ok_and(|column| column.category == ColumnCategory::Done);
    let already_done = project
        .column(task.column)
        .is_ok_and(|column| column.category == ColumnCategory::Done);
    into_done && !already_done && is_blocked(project, task)
}
