//! The plan's data: what a plan file holds and the commands that change it. Ids, units,
//! calendars, tasks, projects (`project/`), people, the workspace, and the records a plan keeps
//! (baselines, risks, time entries, the scope log, health thresholds); the task network as a
//! graph of events, in which the commands refuse loops (`graph`); checks of whole values
//! (`validate`), cleaning of names (`text`) and the difference between two versions (`diff`).
//!
//! The bottom layer: nothing here imports from `schedule`, `figures` or `views`
//! (`tests/it/architecture.rs` checks).

pub mod baseline;
pub mod calendar;
pub mod diff;
pub mod error;
pub mod graph;
pub mod ids;
pub mod person;
pub mod project;
pub mod recalendar;
pub mod risk;
pub mod scope_change;
pub mod task;
pub mod text;
pub mod thresholds;
pub mod tracking;
pub mod units;
pub mod validate;
pub mod workspace;
