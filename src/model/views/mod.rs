//! View models: what a screen or a document shows, pure and without pixels. The board, the
//! calendar's month, the status report, the stand-up, the timesheet and the
//! tasks a task picker offers.
//!
//! The top layer of the model: it reads the plan, the schedule and the figures.

pub mod board;
pub mod month;
pub mod report;
pub mod standup;
pub mod task_choices;
pub mod timesheet;

// `month.rs` names these through `super::`, as it did at the model's root.
use super::{calendar, week, Calendar, Project, TaskId};
