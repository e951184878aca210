//! The board's columns, which are also the tasks' statuses: what a column means
//! ([`ColumnCategory`]), the column itself, and the commands that add, change, reorder and
//! delete them.

use super::checks::check_column;
use super::tasks::apply_done_rules;
use super::Project;
use crate::model::error::{ModelError, ModelResult};
use crate::model::ids::{ColumnId, TaskId};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What a board column means for the work in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ColumnCategory {
    /// Not started.
    #[default]
    Todo,
    /// Being worked on.
    InProgress,
    /// Finished: entering sets progress to 100 % and the completion date.
    Done,
}

impl ColumnCategory {
    /// Every category in workflow order.
    pub const ALL: [ColumnCategory; 3] = [
        ColumnCategory::Todo,
        ColumnCategory::InProgress,
        ColumnCategory::Done,
    ];

    /// The English label shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            ColumnCategory::Todo => "To do",
            ColumnCategory::InProgress => "In progress",
            ColumnCategory::Done => "Done",
        }
    }

    /// The stable key used in plan files and form values.
    pub fn key(self) -> &'static str {
        match self {
            ColumnCategory::Todo => "todo",
            ColumnCategory::InProgress => "in_progress",
            ColumnCategory::Done => "done",
        }
    }

    /// The category whose [`ColumnCategory::key`] is `key`.
    pub fn from_key(key: &str) -> Option<ColumnCategory> {
        ColumnCategory::ALL
            .into_iter()
            .find(|category| category.key() == key)
    }
}

/// A board column, which is also a task status.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Unique within the project.
    pub id: ColumnId,
    /// Shown as the column heading and as the task's status; never empty.
    pub name: String,
    /// What the column means for progress.
    pub category: ColumnCategory,
    /// The most cards the column should hold; at least 1 when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wip_limit: Option<u32>,
}

impl Column {
    /// A column without WIP limit.
    pub fn new(id: ColumnId, name: impl Into<String>, category: ColumnCategory) -> Column {
        Column {
            id,
            name: name.into(),
            category,
            wip_limit: None,
        }
    }
}

impl Project {
    /// Adds a column at `index` (the end when `None` or past the end).
    pub fn add_column(&mut self, mut column: Column, index: Option<usize>) -> ModelResult {
        if self.columns.iter().any(|known| known.id == column.id) {
            return Err(ModelError::DuplicateId(column.id.uuid()));
        }
        check_column(&mut column)?;
        let at = index.unwrap_or(self.columns.len()).min(self.columns.len());
        self.columns.insert(at, column);
        Ok(())
    }

    /// Replaces the column with the same id: its name, category and WIP limit. When the
    /// category changes to or from done, the cards in it follow the done rules.
    pub fn update_column(&mut self, mut column: Column, today: NaiveDate) -> ModelResult {
        let index = self
            .columns
            .iter()
            .position(|known| known.id == column.id)
            .ok_or(ModelError::UnknownColumn(column.id))?;
        check_column(&mut column)?;
        let was_done = self.columns[index].category == ColumnCategory::Done;
        let is_done = column.category == ColumnCategory::Done;
        let id = column.id;
        self.columns[index] = column;
        if was_done != is_done {
            for task in self.tasks.iter_mut().filter(|task| task.column == id) {
                apply_done_rules(Arc::make_mut(task), was_done, is_done, today);
            }
        }
        Ok(())
    }

    /// Moves column `id` to position `index` (clamped to the board).
    pub fn move_column(&mut self, id: ColumnId, index: usize) -> ModelResult {
        let from = self
            .columns
            .iter()
            .position(|column| column.id == id)
            .ok_or(ModelError::UnknownColumn(id))?;
        let column = self.columns.remove(from);
        let at = index.min(self.columns.len());
        self.columns.insert(at, column);
        Ok(())
    }

    /// Deletes column `id`; its cards move, in order, to the end of `cards_to`.
    pub fn remove_column(
        &mut self,
        id: ColumnId,
        cards_to: ColumnId,
        today: NaiveDate,
    ) -> ModelResult {
        self.column(id)?;
        self.column(cards_to)?;
        if id == cards_to || self.columns.len() == 1 {
            return Err(ModelError::LastColumn);
        }
        let moving: Vec<TaskId> = self
            .tasks
            .iter()
            .filter(|task| task.column == id)
            .map(|task| task.id)
            .collect();
        for task in moving {
            self.move_task(task, cards_to, None, today)?;
        }
        self.columns.retain(|column| column.id != id);
        Ok(())
    }
}
