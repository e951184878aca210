//! Baselines: named snapshots of the plan that progress is measured against.
//!
//! A baseline keeps every task's dates, estimate and cost inputs (the assignee's hourly rate and
//! the planned fixed cost at the time) so that slip, scope change and earned value can be
//! computed later even after the plan, the rates or the task set have changed.

use crate::model::ids::{BaselineId, TaskId};
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::units::{Hours, Money};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One task as it was when the baseline was set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BaselineTask {
    /// The task; it may have been removed since.
    pub task: TaskId,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub estimate: Hours,
    /// The assignee's hourly rate then (zero when unassigned).
    #[serde(default)]
    pub hourly_rate: Money,
    /// The planned fixed cost then.
    #[serde(default)]
    pub fixed_cost: Money,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub milestone: bool,
    /// True for summary tasks, whose figures are the sum of their subtasks'.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub summary: bool,
}

/// A named snapshot of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub id: BaselineId,
    /// What the snapshot is ("Approved plan", "After change request 3").
    pub name: String,
    /// The day it was set.
    pub created: NaiveDate,
    /// Every task at that time, in plan order.
    pub tasks: Vec<BaselineTask>,
}

impl Baseline {
    /// Snapshots `project` now, pricing work at the current rates of `people`.
    pub fn capture(
        id: BaselineId,
        name: &str,
        project: &Project,
        people: &[Person],
        today: NaiveDate,
    ) -> Baseline {
        let rate = |task: &crate::model::task::Task| {
            task.assignee
                .and_then(|assignee| people.iter().find(|person| person.id == assignee))
                .map(|person| person.hourly_rate)
                .unwrap_or(Money::ZERO)
        };
        Baseline {
            id,
            name: crate::model::text::clean_line(name),
            created: today,
            tasks: project
                .tasks()
                .iter()
                .map(|task| BaselineTask {
                    task: task.id,
                    start: task.start,
                    end: task.end,
                    estimate: task.estimate,
                    hourly_rate: rate(task),
                    fixed_cost: task.fixed_cost,
                    milestone: task.milestone,
                    summary: project.is_summary(task.id),
                })
                .collect(),
        }
    }

    /// The snapshot of task `id`, if it existed then.
    pub fn task(&self, id: TaskId) -> Option<&BaselineTask> {
        self.tasks.iter().find(|task| task.task == id)
    }
}
