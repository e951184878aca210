//! What differs between two versions of a project's task list.
//!
//! Runs after every store command (auto-scheduling and the scope log both ask), so it reads as
//! little as it can. Tasks are shared between versions as `Arc`s and a command replaces only
//! the tasks it changes, so an `Arc` found in both lists is the same task, unchanged, and is
//! never read: on a large plan, reading every task costs a cache miss each.

use crate::model::ids::TaskId;
use crate::model::ids::{IdMap, IdSet};
use crate::model::task::Task;
use std::sync::Arc;

/// A task that differs between two versions of a task list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TaskDifference<'a> {
    /// Only in the later list.
    Added(&'a Task),
    /// Only in the earlier list.
    Removed(&'a Task),
    /// In both, changed.
    Changed { before: &'a Task, after: &'a Task },
}

/// The tasks that differ between `before` and `after`: added and changed ones in `after`'s
/// order, then removed ones in `before`'s. Moving a task to another place in the list is not a
/// change of it.
pub fn task_differences<'a>(
    before: &'a [Arc<Task>],
    after: &'a [Arc<Task>],
) -> Vec<TaskDifference<'a>> {
    aligned_differences(before, after).unwrap_or_else(|| reordered_differences(before, after))
}

/// The common case of an edit in place: the same tasks at the same places, some replaced. The
/// lists are walked side by side and only replaced tasks are read. `None` when a place holds
/// another task (a task was added, removed or moved).
fn aligned_differences<'a>(
    before: &'a [Arc<Task>],
    after: &'a [Arc<Task>],
) -> Option<Vec<TaskDifference<'a>>> {
    if before.len() != after.len() {
        return None;
    }
    let mut differences = Vec::new();
    for (old, new) in before.iter().zip(after) {
        if Arc::ptr_eq(old, new) {
            continue;
        }
        if old.id != new.id {
            return None;
        }
        differences.push(TaskDifference::Changed {
            before: old,
            after: new,
        });
    }
    Some(differences)
}

/// Any other change: the tasks of each list whose `Arc` the other list lacks are found by
/// address, and only those are read and matched by id.
fn reordered_differences<'a>(
    before: &'a [Arc<Task>],
    after: &'a [Arc<Task>],
) -> Vec<TaskDifference<'a>> {
    let address = |task: &Arc<Task>| Arc::as_ptr(task) as usize;
    let in_before: IdSet<usize> = before.iter().map(address).collect();
    let in_after: IdSet<usize> = after.iter().map(address).collect();
    // The earlier versions of changed tasks, and the removed ones: few.
    let gone: Vec<&Task> = before
        .iter()
        .filter(|task| !in_after.contains(&address(task)))
        .map(Arc::as_ref)
        .collect();
    let mut earlier: IdMap<TaskId, &Task> = gone.iter().map(|task| (task.id, *task)).collect();
    let mut differences: Vec<TaskDifference> = after
        .iter()
        .filter(|task| !in_before.contains(&address(task)))
        .map(|task| match earlier.remove(&task.id) {
            Some(old) => TaskDifference::Changed {
                before: old,
                after: task,
            },
            None => TaskDifference::Added(task),
        })
        .collect();
    differences.extend(
        gone.into_iter()
            .filter(|task| earlier.contains_key(&task.id))
            .map(TaskDifference::Removed),
    );
    differences
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::ids::{ColumnId, SequentialIds};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    /// `count` tasks whose ids count up from `start`.
    fn tasks(count: usize, start: u128) -> Vec<Arc<Task>> {
        let mut ids = SequentialIds::starting_at(start);
        let day = NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date");
        let column = ColumnId::new(&mut ids);
        (0..count)
            .map(|index| {
                Arc::new(Task::new(
                    TaskId::new(&mut ids),
                    format!("T{index}"),
                    column,
                    day,
                    day,
                ))
            })
            .collect()
    }

    /// The straightforward way: every task of both lists read and matched by id.
    fn by_id<'a>(before: &'a [Arc<Task>], after: &'a [Arc<Task>]) -> Vec<TaskDifference<'a>> {
        let earlier: std::collections::HashMap<TaskId, &Arc<Task>> =
            before.iter().map(|task| (task.id, task)).collect();
        let later: std::collections::HashSet<TaskId> = after.iter().map(|task| task.id).collect();
        let mut differences: Vec<TaskDifference> = after
            .iter()
            .filter_map(|task| match earlier.get(&task.id) {
                Some(old) if Arc::ptr_eq(old, task) => None,
                Some(old) => Some(TaskDifference::Changed {
                    before: old,
                    after: task,
                }),
                None => Some(TaskDifference::Added(task)),
            })
            .collect();
        differences.extend(
            before
                .iter()
                .filter(|task| !later.contains(&task.id))
                .map(|task| TaskDifference::Removed(task)),
        );
        differences
    }

    #[test]
    fn an_edit_in_place_is_one_change_and_a_move_is_none() {
        let before = tasks(4, 0);
        let mut after = before.clone();
        Arc::make_mut(&mut after[2]).title = "Renamed".into();
        assert_eq!(
            task_differences(&before, &after),
            [TaskDifference::Changed {
                before: &before[2],
                after: &after[2]
            }]
        );
        let mut moved = before.clone();
        let task = moved.remove(0);
        moved.push(task);
        assert!(task_differences(&before, &moved).is_empty());
    }

    proptest! {
        /// Edits, moves, additions and removals in any mix are found as reading every task
        /// finds them.
        #[test]
        fn differences_match_reading_every_task(
            edits in proptest::collection::vec((0usize..4, 0usize..20, 0usize..20), 0..8),
        ) {
            let before = tasks(12, 0);
            let mut after = before.clone();
            let extra = tasks(8, 1000);
            for (step, (kind, first, second)) in edits.into_iter().enumerate() {
                let len = after.len();
                match kind {
                    0 if len > 0 => Arc::make_mut(&mut after[first % len]).title = format!("E{step}"),
                    1 if len > 0 => {
                        let task = after.remove(first % len);
                        after.insert(second % len, task);
                    }
                    2 => after.insert(first % (len + 1), extra[step].clone()),
                    _ if len > 0 => {
                        after.remove(first % len);
                    }
                    _ => {}
                }
            }
            prop_assert_eq!(task_differences(&before, &after), by_id(&before, &after));
        }
    }
}
