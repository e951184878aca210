//! The Timeline's rows: the task hierarchy in plan order without collapsed subtasks, and the
//! lookups the layout needs (row of a task, position in the plan, successors, the current
//! baseline's dates), derived once per change of the plan, never per scroll.

use super::super::super::tasks::rows::{task_rows, Sort};
use crate::model::diff::placed_changes;
use crate::model::ids::IdMap;
use crate::model::{BaselineDates, Project, Task, TaskId};
use std::collections::HashSet;

/// One row of the list and the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimelineRow {
    pub task: TaskId,
    /// 0 for top-level tasks.
    pub depth: u16,
    /// True for summary tasks.
    pub has_children: bool,
    /// False when the subtasks are collapsed.
    pub expanded: bool,
}

/// The rows of the Timeline and the lookups the layout needs, derived once per change of the
/// plan or of the collapsed parents (never per scroll).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineRows {
    /// The rows in display order: the hierarchy in plan order, without collapsed subtasks.
    pub rows: Vec<TimelineRow>,
    /// Row number of each shown task.
    row_of: IdMap<TaskId, usize>,
    /// Position of every task in `Project::tasks`.
    pub(super) position: IdMap<TaskId, usize>,
    /// The tasks that depend on each task.
    pub(super) successors: IdMap<TaskId, Vec<TaskId>>,
    /// The current baseline's dates of every task that was in it, summaries rolled up
    /// ([`Baseline::dates`](crate::model::Baseline::dates)).
    pub(super) in_baseline: BaselineDates,
}

impl TimelineRows {
    /// The row number of task `id`, when it is shown.
    pub fn row_of(&self, id: TaskId) -> Option<usize> {
        self.row_of.get(&id).copied()
    }

    /// The task shown in row `index`.
    pub fn task_in_row(&self, index: usize) -> Option<TaskId> {
        self.rows.get(index).map(|row| row.task)
    }

    /// The task `id` of `project`, found without a scan.
    pub(super) fn task<'a>(&self, project: &'a Project, id: TaskId) -> Option<&'a Task> {
        let task = project.tasks().get(*self.position.get(&id)?)?;
        (task.id == id).then_some(task.as_ref())
    }
}

/// The rows of `project` with the subtasks of `collapsed` parents left out.
pub fn timeline_rows(project: &Project, collapsed: &HashSet<TaskId>) -> TimelineRows {
    let shown = task_rows(project, &[], "", Sort::default(), collapsed);
    let rows: Vec<TimelineRow> = shown
        .rows
        .iter()
        .map(|row| TimelineRow {
            task: row.id,
            depth: row.depth,
            has_children: row.has_children,
            expanded: row.expanded,
        })
        .collect();
    let row_of = rows
        .iter()
        .enumerate()
        .map(|(index, row)| (row.task, index))
        .collect();
    let position = crate::model::task::positions(project.tasks());
    let mut successors: IdMap<TaskId, Vec<TaskId>> = IdMap::default();
    for task in project.tasks() {
        for dependency in &task.dependencies {
            successors
                .entry(dependency.predecessor)
                .or_default()
                .push(task.id);
        }
    }
    let in_baseline = project
        .baseline()
        .map(|baseline| baseline.dates(project))
        .unwrap_or_default();
    TimelineRows {
        rows,
        row_of,
        position,
        successors,
        in_baseline,
    }
}

/// True when the rows of `after` are those of `before`: the same tasks in the same order, each
/// with the same parent and links, and the same baseline. Moving dates (a drag, a keyboard
/// nudge, the successors auto-scheduling moves) keeps them. Found by pointers: only the
/// changed tasks are read.
pub fn same_outline(before: &Project, after: &Project) -> bool {
    let Some(changes) = placed_changes(before.tasks(), after.tasks()) else {
        return false;
    };
    let tasks_kept = changes
        .iter()
        .all(|change| match (change.before, change.after) {
            (Some((from, old)), Some((to, new))) => {
                from == to && old.parent == new.parent && old.dependencies == new.dependencies
            }
            _ => false,
        });
    tasks_kept && before.baseline() == after.baseline()
}
