//! The model's error: every refusal at the door, in one enum.
//!
//! Messages here are for logs and tests: lowercase, ids rather than names. The UI's
//! `messages::describe` turns them into sentences with task and project names.

use crate::model::ids::{
    BaselineId, ColumnId, PersonId, ProjectId, RiskId, ScopeChangeId, TaskId, TimeEntryId,
};
use chrono::NaiveDate;
use uuid::Uuid;

/// Which named thing a [`ModelError::Blank`] or [`ModelError::TooLong`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    TaskTitle,
    TaskDescription,
    Tag,
    ProjectName,
    ProjectDescription,
    ColumnName,
    PersonName,
    PersonRole,
    BaselineName,
    RiskTitle,
    Note,
}

/// Why a change to the model was refused. The model is unchanged whenever one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("project {0} does not exist")]
    UnknownProject(ProjectId),
    #[error("task {0} does not exist")]
    UnknownTask(TaskId),
    #[error("column {0} does not exist")]
    UnknownColumn(ColumnId),
    #[error("person {0} does not exist")]
    UnknownPerson(PersonId),
    #[error("person {0} is not on the project team")]
    NotOnTeam(PersonId),
    #[error("{0:?} is empty")]
    Blank(Field),
    #[error("{field:?} is longer than {max} characters")]
    TooLong { field: Field, max: usize },
    #[error("task has more than {max} tags")]
    TooManyTags { max: usize },
    #[error("end date {end} is before start date {start}")]
    EndBeforeStart { start: NaiveDate, end: NaiveDate },
    #[error("deadline {deadline} is before project start {start}")]
    DeadlineBeforeStart {
        start: NaiveDate,
        deadline: NaiveDate,
    },
    #[error("a milestone is a single date, but {start} to {end} spans several")]
    MilestoneSpansDays { start: NaiveDate, end: NaiveDate },
    #[error("date {0} is outside 1900-01-01..=2199-12-31")]
    DateOutOfRange(NaiveDate),
    #[error("task {0} cannot depend on itself")]
    SelfDependency(TaskId),
    #[error("task {successor} already depends on {predecessor}")]
    DuplicateDependency {
        predecessor: TaskId,
        successor: TaskId,
    },
    #[error("lag {0} is outside -1000..=1000 working days")]
    LagOutOfRange(i32),
    #[error("dependency would close a loop through {path:?}")]
    Cycle { path: Vec<TaskId> },
    #[error("task {task} cannot be linked to its own summary task or subtask {relative}")]
    LinkWithinHierarchy { task: TaskId, relative: TaskId },
    #[error("task {task} cannot be placed under {parent}, which is itself or one of its subtasks")]
    ParentCycle { task: TaskId, parent: TaskId },
    #[error("milestone {0} cannot have subtasks")]
    MilestoneWithSubtasks(TaskId),
    #[error("a project needs at least one board column")]
    LastColumn,
    #[error("a column's WIP limit must be at least 1")]
    ZeroWipLimit,
    #[error("a calendar needs at least one working weekday")]
    NoWorkingDays,
    #[error("amount {0} must not be negative")]
    NegativeMoney(i64),
    #[error("amount {0} is beyond the largest accepted figure")]
    MoneyTooLarge(i64),
    #[error("weekly capacity of {0} hours is more than a week has")]
    CapacityTooLarge(crate::model::units::Hours),
    #[error("a time entry must be more than 0 and at most 24 hours, not {0}")]
    EntryHours(crate::model::units::Hours),
    #[error("time entry {0} does not exist")]
    UnknownTimeEntry(TimeEntryId),
    #[error("a timer is already running on task {0}")]
    TimerRunning(TaskId),
    #[error("no timer is running on task {0}")]
    NoTimer(TaskId),
    #[error("baseline {0} does not exist")]
    UnknownBaseline(BaselineId),
    #[error("risk {0} does not exist")]
    UnknownRisk(RiskId),
    #[error("scope change {0} does not exist")]
    UnknownScopeChange(ScopeChangeId),
    #[error("health thresholds must have red beyond amber")]
    Thresholds,
    #[error("id {0} is used twice")]
    DuplicateId(Uuid),
}

/// Results of model commands.
pub type ModelResult<T = ()> = Result<T, ModelError>;
