//! The pure domain: workspace, projects, tasks, people, calendars, money, plan files, and the
//! figures derived from them (cost, earned value, health, workload, timesheets, stand-ups and
//! status reports).
//!
//! Nothing here touches the web, the clock or the random number generator: `today` and new ids
//! are parameters. Every change goes through a command that checks it first; derived figures
//! (schedules, health) are computed on demand and never stored.

pub mod baseline;
pub mod board;
pub mod burnup;
pub mod calendar;
pub mod cost;
pub mod diff;
pub mod earned_value;
pub mod error;
pub mod forecast;
pub mod format;
pub mod graph;
pub mod health;
pub mod ids;
pub mod io;
pub mod person;
pub mod project;
pub mod ratio;
pub mod report;
pub mod risk;
pub mod sample;
pub mod schedule;
pub mod scope;
pub mod standup;
pub mod task;
pub mod text;
pub mod timesheet;
pub mod tracking;
pub mod units;
pub mod validate;
pub mod week;
pub mod window;
pub mod workload;
pub mod workspace;

#[cfg(test)]
pub(crate) mod testing;

pub use baseline::{Baseline, BaselineTask};
pub use calendar::{Calendar, WeekdaySet};
pub use cost::{PreciseMoney, ProjectCost, Rates, TaskCost};
pub use earned_value::{EarnedValue, EvmFigures, EvmPoint, EvmTotals};
pub use error::{Field, ModelError, ModelResult};
pub use forecast::{MilestoneForecast, ScheduleForecast};
pub use format::{Decimal, Formatter, PlainFormatter};
pub use health::{Health, HealthThresholds, Rag, Reason, Status};
pub use ids::{
    BaselineId, ColumnId, IdSource, PersonId, ProjectId, RiskId, ScopeChangeId, SequentialIds,
    TaskId, TimeEntryId,
};
pub use person::Person;
pub use project::{Column, ColumnCategory, Project, ProjectDetails};
pub use ratio::{Ratio, Rounding};
pub use report::StatusReport;
pub use risk::{Impact, Risk, RiskKind};
pub use schedule::{Moved, Schedule, TaskSchedule};
pub use scope::{ScopeChange, ScopeChangeKind, ScopeGrowth};
pub use standup::Standup;
pub use task::{Constraint, ConstraintKind, Dependency, LinkKind, Priority, Task};
pub use timesheet::Timesheet;
pub use tracking::{TimeEntry, Timer};
pub use units::{Budget, Currency, Hours, Money, Progress};
pub use week::Week;
pub use workload::{Workload, WorkloadScope};
pub use workspace::{Settings, Theme, Workspace};
