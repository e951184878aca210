//! Keeping the board's view models in step with a change instead of building them again.
//!
//! A card move, an edit or a new card changes a handful of tasks of a plan that may hold
//! 50,000; building the layout and the task index again reads every task (a cache miss each).
//! [`placed_changes`] finds the changed tasks and their places by comparing the two task lists'
//! pointers, and only those are read here. Whatever these cannot follow (a filter or grouping
//! change, new columns, a change that moved many tasks) answers `false`, and the caller builds
//! the model again: the result is always what a new build gives (`tests.rs` checks both ways).

use super::card::TaskIndex;
use super::layout::{BoardGrouping, BoardLayout, PreparedFilter};
use super::BoardFilter;
use crate::model::diff::placed_changes;
use crate::model::ids::{IdSet, TaskId};
use crate::model::person::Person;
use crate::model::project::Project;
use std::sync::Arc;

/// The most changed tasks followed one by one; more are built again.
const MOST_CHANGES: usize = 64;
/// How far past a changed task the layout looks for the next card of its column before it
/// gives up and is built again.
const LONGEST_WALK: usize = 4_096;

/// True when `after` uses the tags `before` uses: no task's tags changed, and tasks added or
/// removed carry none. Then [`tag_choices`](super::tag_choices) are the same.
pub fn same_tags(before: &Project, after: &Project) -> bool {
    let Some(changes) = placed_changes(before.tasks(), after.tasks()) else {
        return false;
    };
    changes
        .iter()
        .all(|change| match (change.before, change.after) {
            (Some((_, old)), Some((_, new))) => old.tags == new.tags,
            (Some((_, task)), None) | (None, Some((_, task))) => task.tags.is_empty(),
            (None, None) => true,
        })
}

impl TaskIndex {
    /// Brings the index of `before` up to date with `after`, reading only the tasks that
    /// differ. False when it cannot (the caller then builds a new index): the columns
    /// changed, which can change what counts as done, or too much changed.
    pub fn follow(&mut self, before: &Project, after: &Project) -> bool {
        if before.columns() != after.columns() {
            return false;
        }
        let Some(changes) = placed_changes(before.tasks(), after.tasks()) else {
            return false;
        };
        if changes.len() > MOST_CHANGES {
            return false;
        }
        for change in changes.iter().filter(|change| !change.only_moved()) {
            if let Some((_, old)) = change.before {
                self.tasks.remove(&old.id);
                self.count(before, old, false);
            }
        }
        for change in changes.iter().filter(|change| !change.only_moved()) {
            if let Some((at, new)) = change.after {
                self.tasks.insert(new.id, Arc::clone(&after.tasks()[at]));
                self.count(after, new, true);
            }
        }
        true
    }
}

impl BoardLayout {
    /// Brings the ungrouped layout of `before` up to date with `after` under the same
    /// `filter` and `people`: only the changed and moved cards leave their column and come
    /// back where plan order puts them. `None` when it cannot (the caller then lays the board
    /// out again): the board is grouped, the columns changed, or too much changed. Otherwise
    /// whether the layout changed (an edit of one card that stays where it was changes
    /// nothing).
    pub fn follow(
        &mut self,
        before: &Project,
        after: &Project,
        people: &[Person],
        filter: &BoardFilter,
    ) -> Option<bool> {
        let columns_kept = self.columns.len() == after.columns().len()
            && self
                .columns
                .iter()
                .zip(after.columns())
                .all(|(known, column)| *known == column.id);
        if self.grouping != BoardGrouping::None || self.lanes.len() != 1 || !columns_kept {
            return None;
        }
        let changes = placed_changes(before.tasks(), after.tasks())?;
        if changes.len() > MOST_CHANGES {
            return None;
        }
        // Where each card left from and came back to: (column, place in its cell if shown).
        let mut left = Vec::new();
        let mut came = Vec::new();
        let column_of = |layout: &BoardLayout, task: &crate::model::task::Task| {
            layout
                .columns
                .iter()
                .position(|known| *known == task.column)
        };
        // Every changed card leaves its cell first.
        for (_, old) in changes.iter().filter_map(|change| change.before) {
            let Some(column) = column_of(self, old) else {
                left.push(None);
                continue;
            };
            self.counts[column] -= 1;
            let cell = &mut self.lanes[0].cells[column];
            let place = cell.iter().position(|id| *id == old.id);
            match place {
                Some(at) => {
                    cell.remove(at);
                    self.lanes[0].shown -= 1;
                    self.shown -= 1;
                }
                None => self.hidden -= 1,
            }
            left.push(Some((column, place)));
        }
        // Then each comes back, in plan order, before the next card its cell shows.
        let mut arrivals: Vec<(usize, &crate::model::task::Task)> =
            changes.iter().filter_map(|change| change.after).collect();
        arrivals.sort_by_key(|(at, _)| *at);
        let mut waiting: IdSet<TaskId> = arrivals.iter().map(|(_, task)| task.id).collect();
        let prepared = PreparedFilter::new(filter);
        for (at, task) in arrivals {
            waiting.remove(&task.id);
            let Some(column) = column_of(self, task) else {
                came.push(None);
                continue;
            };
            self.counts[column] += 1;
            if !prepared.matches(task, people) {
                self.hidden += 1;
                came.push(Some((column, None)));
                continue;
            }
            let mut next = None;
            for (steps, later) in after.tasks()[at + 1..].iter().enumerate() {
                if steps > LONGEST_WALK {
                    return None;
                }
                if later.column == task.column
                    && !waiting.contains(&later.id)
                    && prepared.matches(later, people)
                {
                    next = Some(later.id);
                    break;
                }
            }
            let cell = &mut self.lanes[0].cells[column];
            let place = match next {
                Some(next) => cell.iter().position(|id| *id == next)?,
                None => cell.len(),
            };
            cell.insert(place, task.id);
            self.lanes[0].shown += 1;
            self.shown += 1;
            came.push(Some((column, Some(place))));
        }
        Some(changes.len() != 1 || left != came)
    }
}
