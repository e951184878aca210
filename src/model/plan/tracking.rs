//! Time tracking on tasks: logged time entries and the running timer.
//!
//! Time is logged in hours with two decimals; a timer remembers when it was started (UTC) so it
//! survives a reload, and stopping it turns the elapsed time into an entry. The model never reads
//! the clock: `now` is a parameter.

use crate::model::ids::{PersonId, TimeEntryId};
use crate::model::units::Hours;
use chrono::{NaiveDate, NaiveDateTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Most hours one entry can hold: a day.
pub const MAX_ENTRY_HOURS: Hours = Hours::whole(24);

/// Hours someone worked on a task on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeEntry {
    /// Unique within the task.
    pub id: TimeEntryId,
    /// The day the work was done.
    pub date: NaiveDate,
    /// Who did it; their hourly rate prices the entry.
    pub person: PersonId,
    /// How long, more than 0 and at most 24.
    pub hours: Hours,
    /// What was done.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A running stopwatch on a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Timer {
    /// Who is timing their work.
    pub person: PersonId,
    /// When it was started, in UTC.
    pub started: NaiveDateTime,
}

impl Timer {
    /// Hours elapsed from the start to `now`, to the hundredth, at least 0.01 and at most a day.
    pub fn elapsed(&self, now: NaiveDateTime) -> Hours {
        let seconds = (now - self.started).num_seconds().max(0);
        let centi = ((seconds as f64) / 36.0).round() as u32;
        Hours::from_centi(centi.clamp(1, MAX_ENTRY_HOURS.centi()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::SequentialIds;

    #[test]
    fn a_timer_counts_hundredths_of_an_hour() {
        let started: NaiveDateTime = "2026-11-25T09:00:00".parse().expect("valid time");
        let timer = Timer {
            person: PersonId::new(&mut SequentialIds::default()),
            started,
        };
        let later = "2026-11-25T10:30:00".parse().expect("valid time");
        assert_eq!(timer.elapsed(later), Hours::from_centi(150));
        assert_eq!(timer.elapsed(started), Hours::from_centi(1));
    }
}
