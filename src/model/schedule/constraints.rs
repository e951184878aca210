//! Task constraints on the network's time axis: where each constraint lets a leaf task or
//! milestone go, as a window of values (a task's value is its start).
//!
//! This is MS Project's reading, with tasks honouring their constraint dates: "as soon as
//! possible" and "as late as possible" start no earlier than the project start; "start/finish
//! no earlier than" raise the floor to their date; "start/finish no later than" cap the value;
//! "must start/finish on" pin it. A cap wins over the links: a task whose links push it past
//! its cap stays on the cap and the schedule names the conflict (`Conflict`). Dates are whole
//! days: a start date is the morning of the first working day on or after it, a finish date the
//! evening of the last working day on or before it. Left out: the links, which `network` adds.

use super::days::WorkingDays;
use super::time::{HIGH, LOW};
use crate::model::Constraint;
use chrono::NaiveDate;

/// Where a constraint lets a leaf's value go, in halves of a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Window {
    /// The lowest value; `LOW` for none.
    pub floor: i64,
    /// The highest value; `HIGH` for none.
    pub limit: i64,
    /// "As late as possible": placed at its latest value once the rest is scheduled.
    pub late: bool,
}

impl Window {
    /// No constraint at all (summary nodes).
    pub(super) const FREE: Window = Window {
        floor: LOW,
        limit: HIGH,
        late: false,
    };
}

/// The window of a leaf under `constraint`. `span` is the task's span in halves (0 for a
/// milestone, which sits on the evening of its day whichever end a constraint names).
pub(super) fn window(
    constraint: Constraint,
    milestone: bool,
    span: i64,
    project_start: NaiveDate,
    days: &WorkingDays,
) -> Window {
    // The value that puts the task's start, or its finish, on a date.
    let start_on = |date: NaiveDate| {
        if milestone {
            2 * days.up_to(date) - 1
        } else {
            2 * days.before(date)
        }
    };
    let finish_on = |date: NaiveDate| {
        if milestone {
            2 * days.up_to(date) - 1
        } else {
            2 * days.up_to(date) - 1 - span
        }
    };
    // The latest value that starts the task on or before a date.
    let start_by = |date: NaiveDate| {
        if milestone {
            2 * days.up_to(date) - 1
        } else {
            2 * (days.up_to(date) - 1)
        }
    };
    let project = if milestone {
        2 * days.before(project_start) + 1
    } else {
        2 * days.before(project_start)
    };
    let (floor, limit, late) = match constraint {
        Constraint::AsSoonAsPossible => (project, HIGH, false),
        Constraint::AsLateAsPossible => (project, HIGH, true),
        Constraint::StartNoEarlierThan(date) => (start_on(date), HIGH, false),
        Constraint::FinishNoEarlierThan(date) => (finish_on(date), HIGH, false),
        Constraint::StartNoLaterThan(date) => (project.min(start_by(date)), start_by(date), false),
        Constraint::FinishNoLaterThan(date) => {
            (project.min(finish_on(date)), finish_on(date), false)
        }
        Constraint::MustStartOn(date) => (start_on(date), start_on(date), false),
        Constraint::MustFinishOn(date) => (finish_on(date), finish_on(date), false),
    };
    Window { floor, limit, late }
}
