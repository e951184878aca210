//! What differs between two versions of a project's task list.
//!
//! Runs after every store command (auto-scheduling, the scope log and the board's layout all
//! ask), so it reads as little as it can. Tasks are shared between versions as `Arc`s and a
//! command replaces only the tasks it changes, so an `Arc` found in both lists is the same
//! task, unchanged, and is never read: on a large plan, reading every task costs a cache miss
//! each. Comparing the two lists' pointers side by side reads no task at all.

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

/// A task that was added, removed, changed or moved among the others, with where it sits in
/// each list (`None` in the list it is not in).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedChange<'a> {
    pub before: Option<(usize, &'a Task)>,
    pub after: Option<(usize, &'a Task)>,
}

impl PlacedChange<'_> {
    /// True when the task is in both lists as the same `Arc`: it only moved.
    pub fn only_moved(&self) -> bool {
        match (self.before, self.after) {
            (Some((_, old)), Some((_, new))) => std::ptr::eq(old, new),
            _ => false,
        }
    }
}

/// The tasks that differ between `before` and `after`: added and changed ones in `after`'s
/// order, then removed ones in `before`'s. Moving a task to another place in the list is not a
/// change of it.
pub fn task_differences<'a>(
    before: &'a [Arc<Task>],
    after: &'a [Arc<Task>],
) -> Vec<TaskDifference<'a>> {
    let Some(changes) = placed_changes(before, after) else {
        return reordered_differences(before, after);
    };
    let mut kept: Vec<(usize, TaskDifference)> = Vec::new();
    let mut removed: Vec<(usize, TaskDifference)> = Vec::new();
    for change in changes.iter().filter(|change| !change.only_moved()) {
        match (change.before, change.after) {
            (Some((_, old)), Some((at, new))) => kept.push((
                at,
                TaskDifference::Changed {
                    before: old,
                    after: new,
                },
            )),
            (None, Some((at, new))) => kept.push((at, TaskDifference::Added(new))),
            (Some((at, old)), None) => removed.push((at, TaskDifference::Removed(old))),
            (None, None) => {}
        }
    }
    kept.sort_by_key(|(at, _)| *at);
    removed.sort_by_key(|(at, _)| *at);
    kept.into_iter()
        .chain(removed)
        .map(|(_, difference)| difference)
        .collect()
}

/// Every task added, removed, changed or moved between `before` and `after`, with its places,
/// when the change is one that store commands make: tasks replaced in place, plus at most one
/// of one task moved elsewhere, a run of tasks inserted at one place, or a run removed from
/// one place. Found by comparing the lists' pointers side by side, so only the tasks that
/// differ are read. `None` for any other change (the caller then compares by id).
pub fn placed_changes<'a>(
    before: &'a [Arc<Task>],
    after: &'a [Arc<Task>],
) -> Option<Vec<PlacedChange<'a>>> {
    let mut changes = Vec::new();
    let shorter = before.len().min(after.len());
    let mut start = 0;
    while start < shorter && same_task(before, start, after, start, &mut changes) {
        start += 1;
    }
    let mut tail = 0;
    while tail < shorter - start
        && same_task(
            before,
            before.len() - 1 - tail,
            after,
            after.len() - 1 - tail,
            &mut changes,
        )
    {
        tail += 1;
    }
    let (old_end, new_end) = (before.len() - tail, after.len() - tail);
    let (old_len, new_len) = (old_end - start, new_end - start);
    if old_len == 0 {
        changes.extend((start..new_end).map(|at| PlacedChange {
            before: None,
            after: Some((at, after[at].as_ref())),
        }));
    } else if new_len == 0 {
        changes.extend((start..old_end).map(|at| PlacedChange {
            before: Some((at, before[at].as_ref())),
            after: None,
        }));
    } else if old_len == new_len && old_len >= 2 {
        // One task moved: later (the window's first task is now its last) or earlier.
        let later = moved_task(before, after, start, old_end, true);
        let moved = later.or_else(|| moved_task(before, after, start, old_end, false))?;
        changes.extend(moved);
    } else {
        return None;
    }
    Some(changes)
}

/// True when `before[old]` and `after[new]` are the same task; a changed one (same id, another
/// `Arc`) is noted in `changes`.
fn same_task<'a>(
    before: &'a [Arc<Task>],
    old: usize,
    after: &'a [Arc<Task>],
    new: usize,
    changes: &mut Vec<PlacedChange<'a>>,
) -> bool {
    let (earlier, later) = (&before[old], &after[new]);
    if Arc::ptr_eq(earlier, later) {
        return true;
    }
    if earlier.id != later.id {
        return false;
    }
    changes.push(PlacedChange {
        before: Some((old, earlier)),
        after: Some((new, later)),
    });
    true
}

/// The changes within `start..end` (the same span in both lists) when exactly one task moved
/// across it: from its first place to its last when `later`, else from its last to its first.
fn moved_task<'a>(
    before: &'a [Arc<Task>],
    after: &'a [Arc<Task>],
    start: usize,
    end: usize,
    later: bool,
) -> Option<Vec<PlacedChange<'a>>> {
    let (from, to) = if later {
        (start, end - 1)
    } else {
        (end - 1, start)
    };
    let mut changes = Vec::new();
    if before[from].id != after[to].id {
        return None;
    }
    changes.push(PlacedChange {
        before: Some((from, before[from].as_ref())),
        after: Some((to, after[to].as_ref())),
    });
    // The others shift by one place towards where the task left.
    let (old_first, new_first) = if later {
        (start + 1, start)
    } else {
        (start, start + 1)
    };
    for offset in 0..end - start - 1 {
        if !same_task(
            before,
            old_first + offset,
            after,
            new_first + offset,
            &mut changes,
        ) {
            return None;
        }
    }
    Some(changes)
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

        /// One move, insertion or removal plus any number of edits in place is found by
        /// pointers, and putting the changes back into `before` gives `after`.
        #[test]
        fn placed_changes_rebuild_the_later_list(
            kind in 0usize..3,
            first in 0usize..12,
            second in 0usize..12,
            run in 1usize..4,
            edits in proptest::collection::vec(0usize..16, 0..4),
        ) {
            let before = tasks(12, 0);
            let mut after = before.clone();
            match kind {
                0 => {
                    let task = after.remove(first);
                    after.insert(second.min(after.len()), task);
                }
                1 => {
                    for (offset, task) in tasks(run, 1000).into_iter().enumerate() {
                        after.insert(first + offset, task);
                    }
                }
                _ => {
                    after.drain(first..(first + run).min(12));
                }
            }
            for (step, edit) in edits.into_iter().enumerate() {
                let len = after.len();
                Arc::make_mut(&mut after[edit % len]).title = format!("E{step}");
            }
            let changes = placed_changes(&before, &after);
            prop_assert!(changes.is_some());
            let changes = changes.unwrap_or_default();
            let mut rebuilt: Vec<Option<&Task>> = before.iter().map(|task| Some(task.as_ref())).collect();
            for (at, _) in changes.iter().filter_map(|change| change.before) {
                rebuilt[at] = None;
            }
            let mut rebuilt: Vec<&Task> = rebuilt.into_iter().flatten().collect();
            let mut arrivals: Vec<(usize, &Task)> = changes.iter().filter_map(|change| change.after).collect();
            arrivals.sort_by_key(|(at, _)| *at);
            for (at, task) in arrivals {
                rebuilt.insert(at, task);
            }
            let expected: Vec<&Task> = after.iter().map(Arc::as_ref).collect();
            prop_assert!(rebuilt.iter().zip(&expected).all(|(one, other)| std::ptr::eq(*one, *other)));
            prop_assert_eq!(rebuilt.len(), expected.len());
        }
    }
}
