//! The pure domain: workspace, projects, tasks, people, calendars, money, plan files, and the
//! figures derived from them (cost, earned value, health, workload, timesheets, stand-ups and
//! status reports).
//!
//! Nothing here touches the web, the clock or the random number generator: `today` and new ids
//! are parameters. Every change goes through a command that checks it first; derived figures
//! (schedules, health) are computed on demand and never stored.

pub mod figures;
pub mod io;
pub mod merge;
pub mod plan;
pub mod sample;
pub mod schedule;
pub mod views;

// The modules by their old flat names, so `crate::model::project::…` paths keep working.
pub use figures::{
    burnup, cost, earned_value, forecast, format, health, ratio, scope, week, workload,
};
pub use plan::{
    baseline, calendar, diff, error, graph, ids, person, project, risk, task, text, tracking,
    units, validate, workspace,
};
pub use views::{board, month, report, standup, task_choices, timesheet};

#[cfg(test)]
pub(crate) mod testing;

pub use baseline::{Baseline, BaselineDates, BaselineSpan, BaselineTask};
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
