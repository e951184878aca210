//! The scope log's entries: what was added, removed or re-estimated after the baseline was set,
//! as the plan stores them. Recording and measuring them is `figures::scope`.

use crate::model::ids::{ScopeChangeId, TaskId};
use crate::model::units::{Hours, Money};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What happened to the task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScopeChangeKind {
    Added,
    Removed,
    Reestimated,
}

/// One entry of the scope log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeChange {
    pub id: ScopeChangeId,
    /// The day of the change.
    pub date: NaiveDate,
    pub task: TaskId,
    /// The task's title at the time, so the entry reads well after the task is gone.
    pub title: String,
    pub kind: ScopeChangeKind,
    /// The estimate before the change (zero for an added task).
    pub hours_before: Hours,
    /// The estimate after the change (zero for a removed task).
    pub hours_after: Hours,
    /// Planned cost after minus planned cost before, in minor units.
    pub delta_cost: Money,
    /// Why, as typed by the project manager.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl ScopeChange {
    /// Estimate after minus before, in hundredths of an hour (negative when scope shrank).
    pub fn delta_centi_hours(&self) -> i64 {
        i64::from(self.hours_after.centi()) - i64::from(self.hours_before.centi())
    }
}
