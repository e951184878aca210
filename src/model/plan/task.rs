//! Tasks, milestones and the dependencies between them.
//!
//! A [`Task`] is plain data; it is checked when it enters a [`crate::model::Project`] through a
//! command (`add_task`, `update_task`), which is the only way in.

use crate::model::ids::{ColumnId, IdMap, PersonId, TaskId};
use crate::model::tracking::{TimeEntry, Timer};
use crate::model::units::{Hours, Money, Progress};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How urgent a task is, least first.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    #[default]
    Medium,
    High,
    Urgent,
}

impl Priority {
    /// Every priority, least urgent first.
    pub const ALL: [Priority; 4] = [
        Priority::Low,
        Priority::Medium,
        Priority::High,
        Priority::Urgent,
    ];

    /// The English label shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Priority::Low => "Low",
            Priority::Medium => "Medium",
            Priority::High => "High",
            Priority::Urgent => "Urgent",
        }
    }

    /// The stable key used in plan files and form values.
    pub fn key(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Medium => "medium",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    /// The priority whose [`Priority::key`] is `key`.
    pub fn from_key(key: &str) -> Option<Priority> {
        Priority::ALL
            .into_iter()
            .find(|priority| priority.key() == key)
    }
}

/// Which ends of two tasks a dependency ties together.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// The successor starts after the predecessor finishes (the usual kind).
    #[default]
    FinishToStart,
    /// The successor starts no earlier than the predecessor starts.
    StartToStart,
    /// The successor finishes no earlier than the predecessor finishes.
    FinishToFinish,
    /// The successor finishes no earlier than the predecessor starts.
    StartToFinish,
}

impl LinkKind {
    /// Every kind, the usual one first.
    pub const ALL: [LinkKind; 4] = [
        LinkKind::FinishToStart,
        LinkKind::StartToStart,
        LinkKind::FinishToFinish,
        LinkKind::StartToFinish,
    ];

    /// The two-letter abbreviation project managers use: FS, SS, FF, SF.
    pub fn abbreviation(self) -> &'static str {
        match self {
            LinkKind::FinishToStart => "FS",
            LinkKind::StartToStart => "SS",
            LinkKind::FinishToFinish => "FF",
            LinkKind::StartToFinish => "SF",
        }
    }

    /// The English label shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::FinishToStart => "Finish to start",
            LinkKind::StartToStart => "Start to start",
            LinkKind::FinishToFinish => "Finish to finish",
            LinkKind::StartToFinish => "Start to finish",
        }
    }

    /// The kind whose [`LinkKind::abbreviation`] is `abbreviation`.
    pub fn from_abbreviation(abbreviation: &str) -> Option<LinkKind> {
        LinkKind::ALL
            .into_iter()
            .find(|kind| kind.abbreviation() == abbreviation)
    }
}

/// The largest lag, either way, in working days.
pub const MAX_LAG_DAYS: i32 = 1000;

/// "This task waits for `predecessor`": stored on the successor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dependency {
    /// The task this one waits for.
    pub predecessor: TaskId,
    /// Which ends are tied.
    #[serde(default)]
    pub kind: LinkKind,
    /// Extra working days after the constraint; negative for a lead (overlap).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub lag: i32,
}

impl Dependency {
    /// A finish-to-start dependency without lag.
    pub fn finish_to_start(predecessor: TaskId) -> Dependency {
        Dependency {
            predecessor,
            kind: LinkKind::FinishToStart,
            lag: 0,
        }
    }
}

/// When the scheduler may place a task, as MS Project's task constraints. Dates are whole days:
/// "start" constraints name the first day of work, "finish" constraints the last (inclusive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "date", rename_all = "snake_case")]
pub enum Constraint {
    /// As early as its predecessors allow (the project start when it has none).
    #[default]
    AsSoonAsPossible,
    /// As late as its successors and the project finish allow, without delaying them.
    AsLateAsPossible,
    /// Starts on or after the date.
    StartNoEarlierThan(NaiveDate),
    /// Starts on or before the date.
    StartNoLaterThan(NaiveDate),
    /// Finishes on or after the date.
    FinishNoEarlierThan(NaiveDate),
    /// Finishes on or before the date.
    FinishNoLaterThan(NaiveDate),
    /// Starts on exactly the date.
    MustStartOn(NaiveDate),
    /// Finishes on exactly the date.
    MustFinishOn(NaiveDate),
}

/// The kind of a [`Constraint`] without its date, for pickers and file formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConstraintKind {
    AsSoonAsPossible,
    AsLateAsPossible,
    StartNoEarlierThan,
    StartNoLaterThan,
    FinishNoEarlierThan,
    FinishNoLaterThan,
    MustStartOn,
    MustFinishOn,
}

impl ConstraintKind {
    /// Every kind, in MS Project's order (its `ConstraintType` 0–7).
    pub const ALL: [ConstraintKind; 8] = [
        ConstraintKind::AsSoonAsPossible,
        ConstraintKind::AsLateAsPossible,
        ConstraintKind::MustStartOn,
        ConstraintKind::MustFinishOn,
        ConstraintKind::StartNoEarlierThan,
        ConstraintKind::StartNoLaterThan,
        ConstraintKind::FinishNoEarlierThan,
        ConstraintKind::FinishNoLaterThan,
    ];

    /// The English label shown in the UI, as MS Project names it.
    pub fn label(self) -> &'static str {
        match self {
            ConstraintKind::AsSoonAsPossible => "As soon as possible",
            ConstraintKind::AsLateAsPossible => "As late as possible",
            ConstraintKind::StartNoEarlierThan => "Start no earlier than",
            ConstraintKind::StartNoLaterThan => "Start no later than",
            ConstraintKind::FinishNoEarlierThan => "Finish no earlier than",
            ConstraintKind::FinishNoLaterThan => "Finish no later than",
            ConstraintKind::MustStartOn => "Must start on",
            ConstraintKind::MustFinishOn => "Must finish on",
        }
    }

    /// The stable key used in plan files and form values.
    pub fn key(self) -> &'static str {
        match self {
            ConstraintKind::AsSoonAsPossible => "as_soon_as_possible",
            ConstraintKind::AsLateAsPossible => "as_late_as_possible",
            ConstraintKind::StartNoEarlierThan => "start_no_earlier_than",
            ConstraintKind::StartNoLaterThan => "start_no_later_than",
            ConstraintKind::FinishNoEarlierThan => "finish_no_earlier_than",
            ConstraintKind::FinishNoLaterThan => "finish_no_later_than",
            ConstraintKind::MustStartOn => "must_start_on",
            ConstraintKind::MustFinishOn => "must_finish_on",
        }
    }

    /// The kind whose [`ConstraintKind::key`] is `key`.
    pub fn from_key(key: &str) -> Option<ConstraintKind> {
        ConstraintKind::ALL
            .into_iter()
            .find(|kind| kind.key() == key)
    }

    /// MS Project's `ConstraintType` number (0–7).
    pub fn mspdi_code(self) -> u8 {
        ConstraintKind::ALL
            .iter()
            .position(|kind| *kind == self)
            .expect("every kind is listed") as u8
    }

    /// Whether the kind needs a date.
    pub fn has_date(self) -> bool {
        !matches!(
            self,
            ConstraintKind::AsSoonAsPossible | ConstraintKind::AsLateAsPossible
        )
    }

    /// The constraint of this kind on `date` (ignored by the two kinds without a date).
    pub fn with_date(self, date: NaiveDate) -> Constraint {
        match self {
            ConstraintKind::AsSoonAsPossible => Constraint::AsSoonAsPossible,
            ConstraintKind::AsLateAsPossible => Constraint::AsLateAsPossible,
            ConstraintKind::StartNoEarlierThan => Constraint::StartNoEarlierThan(date),
            ConstraintKind::StartNoLaterThan => Constraint::StartNoLaterThan(date),
            ConstraintKind::FinishNoEarlierThan => Constraint::FinishNoEarlierThan(date),
            ConstraintKind::FinishNoLaterThan => Constraint::FinishNoLaterThan(date),
            ConstraintKind::MustStartOn => Constraint::MustStartOn(date),
            ConstraintKind::MustFinishOn => Constraint::MustFinishOn(date),
        }
    }
}

impl Constraint {
    /// The kind, without the date.
    pub fn kind(self) -> ConstraintKind {
        match self {
            Constraint::AsSoonAsPossible => ConstraintKind::AsSoonAsPossible,
            Constraint::AsLateAsPossible => ConstraintKind::AsLateAsPossible,
            Constraint::StartNoEarlierThan(_) => ConstraintKind::StartNoEarlierThan,
            Constraint::StartNoLaterThan(_) => ConstraintKind::StartNoLaterThan,
            Constraint::FinishNoEarlierThan(_) => ConstraintKind::FinishNoEarlierThan,
            Constraint::FinishNoLaterThan(_) => ConstraintKind::FinishNoLaterThan,
            Constraint::MustStartOn(_) => ConstraintKind::MustStartOn,
            Constraint::MustFinishOn(_) => ConstraintKind::MustFinishOn,
        }
    }

    /// The constraint's date, if its kind has one.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Constraint::AsSoonAsPossible | Constraint::AsLateAsPossible => None,
            Constraint::StartNoEarlierThan(date)
            | Constraint::StartNoLaterThan(date)
            | Constraint::FinishNoEarlierThan(date)
            | Constraint::FinishNoLaterThan(date)
            | Constraint::MustStartOn(date)
            | Constraint::MustFinishOn(date) => Some(date),
        }
    }

    fn is_default(&self) -> bool {
        *self == Constraint::AsSoonAsPossible
    }
}

fn is_zero(value: &i32) -> bool {
    *value == 0
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A piece of work, or a milestone when [`Task::milestone`] is set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Unique across every copy of the plan.
    pub id: TaskId,
    /// One line, never empty.
    pub title: String,
    /// Free text, may span lines.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The board column, which is also the task's status.
    pub column: ColumnId,
    /// Who does it; must be on the project team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<PersonId>,
    /// How urgent it is.
    #[serde(default)]
    pub priority: Priority,
    /// Free labels, unique ignoring case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// First day of work.
    pub start: NaiveDate,
    /// Last day of work, inclusive; never before `start`.
    pub end: NaiveDate,
    /// Planned effort.
    #[serde(default)]
    pub estimate: Hours,
    /// Percent complete.
    #[serde(default)]
    pub progress: Progress,
    /// A milestone is a single date (`start == end`) that marks an event, not work.
    #[serde(default, skip_serializing_if = "is_false")]
    pub milestone: bool,
    /// The summary task this one belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<TaskId>,
    /// The tasks this one waits for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<Dependency>,
    /// When the scheduler may place the task; "as soon as possible" unless set.
    #[serde(default, skip_serializing_if = "Constraint::is_default")]
    pub constraint: Constraint,
    /// The day the task should be finished by; missing it is flagged, but it never moves the task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// When the task was created.
    pub created: NaiveDate,
    /// When the task was finished; set on entering a done column, cleared on leaving it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<NaiveDate>,
    /// Planned fixed cost (licences, hardware, services), on top of the work.
    #[serde(default, skip_serializing_if = "is_zero_money")]
    pub fixed_cost: Money,
    /// Fixed cost actually spent so far.
    #[serde(default, skip_serializing_if = "is_zero_money")]
    pub actual_fixed_cost: Money,
    /// Time logged on the task.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub time_entries: Vec<TimeEntry>,
    /// A running timer, kept so it survives a reload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer: Option<Timer>,
}

fn is_zero_money(value: &Money) -> bool {
    *value == Money::ZERO
}

/// Where each of `tasks` sits in the slice, for lookups without a scan.
pub fn positions<T: AsRef<Task>>(tasks: &[T]) -> IdMap<TaskId, usize> {
    tasks
        .iter()
        .enumerate()
        .map(|(index, task)| (task.as_ref().id, index))
        .collect()
}

impl Task {
    /// A one-day task in `column` starting on `start`, created `today`, with defaults elsewhere.
    pub fn new(
        id: TaskId,
        title: impl Into<String>,
        column: ColumnId,
        start: NaiveDate,
        today: NaiveDate,
    ) -> Task {
        Task {
            id,
            title: title.into(),
            description: String::new(),
            column,
            assignee: None,
            priority: Priority::default(),
            tags: Vec::new(),
            start,
            end: start,
            estimate: Hours::ZERO,
            progress: Progress::NONE,
            milestone: false,
            parent: None,
            dependencies: Vec::new(),
            constraint: Constraint::AsSoonAsPossible,
            deadline: None,
            created: today,
            completed: None,
            fixed_cost: Money::ZERO,
            actual_fixed_cost: Money::ZERO,
            time_entries: Vec::new(),
            timer: None,
        }
    }

    /// Total hours logged on this task.
    pub fn logged_hours(&self) -> Hours {
        self.time_entries.iter().map(|entry| entry.hours).sum()
    }

    /// The dependency on `predecessor`, if any.
    pub fn dependency_on(&self, predecessor: TaskId) -> Option<&Dependency> {
        self.dependencies
            .iter()
            .find(|dependency| dependency.predecessor == predecessor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_kinds_round_trip_through_their_abbreviations() {
        for kind in LinkKind::ALL {
            assert_eq!(LinkKind::from_abbreviation(kind.abbreviation()), Some(kind));
        }
    }

    #[test]
    fn constraints_round_trip_through_their_keys_and_json() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).expect("a real date");
        for kind in ConstraintKind::ALL {
            assert_eq!(ConstraintKind::from_key(kind.key()), Some(kind));
            let constraint = kind.with_date(day);
            assert_eq!(constraint.kind(), kind);
            assert_eq!(constraint.date().is_some(), kind.has_date());
            let json = serde_json::to_string(&constraint).expect("constraints serialize");
            assert_eq!(
                serde_json::from_str::<Constraint>(&json).ok(),
                Some(constraint)
            );
        }
        assert_eq!(
            serde_json::to_string(&Constraint::StartNoEarlierThan(day))
                .ok()
                .as_deref(),
            Some(r#"{"kind":"start_no_earlier_than","date":"2026-03-02"}"#)
        );
        assert!(serde_json::from_str::<Constraint>(r#"{"kind":"must_start_on"}"#).is_err());
    }

    #[test]
    fn unknown_priorities_are_refused_when_parsing() {
        assert!(serde_json::from_str::<Priority>("\"extreme\"").is_err());
        assert_eq!(
            serde_json::from_str::<Priority>("\"urgent\"").ok(),
            Some(Priority::Urgent)
        );
    }
}
