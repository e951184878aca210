//! The pure domain: workspace, projects, tasks, people, calendars, money, plan files.
//!
//! Nothing here touches the web, the clock or the random number generator: `today` and new ids
//! are parameters. Every change goes through a command that checks it first; derived figures
//! (schedules, health) are computed on demand and never stored.

pub mod baseline;
pub mod calendar;
pub mod error;
pub mod graph;
pub mod health;
pub mod ids;
pub mod io;
pub mod person;
pub mod project;
pub mod risk;
pub mod schedule;
pub mod scope;
pub mod task;
pub mod text;
pub mod tracking;
pub mod units;
pub mod validate;
pub mod workspace;

pub use baseline::{Baseline, BaselineTask};
pub use calendar::{Calendar, WeekdaySet};
pub use error::{Field, ModelError, ModelResult};
pub use health::HealthThresholds;
pub use ids::{
    BaselineId, ColumnId, IdSource, PersonId, ProjectId, RiskId, ScopeChangeId, SequentialIds,
    TaskId, TimeEntryId,
};
pub use person::Person;
pub use project::{Column, ColumnCategory, Project, ProjectDetails};
pub use risk::{Impact, Risk, RiskKind};
pub use schedule::{MilestoneForecast, Moved, Schedule, TaskSchedule};
pub use scope::{ScopeChange, ScopeChangeKind};
pub use task::{Dependency, LinkKind, Priority, Task};
pub use tracking::{TimeEntry, Timer};
pub use units::{Budget, Currency, Hours, Money, Progress};
pub use workspace::{Settings, Theme, Workspace};
