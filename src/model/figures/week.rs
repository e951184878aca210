//! Calendar weeks for timesheets, workload and the earned value chart.
//!
//! A week is seven days from a given first weekday: Monday (ISO 8601) by default, but the UI
//! passes its locale's first day. Working days are the calendar's business, not this module's.

use crate::model::calendar::shift;
use chrono::{Datelike, NaiveDate, Weekday};

/// The week starting on Monday, as in ISO 8601.
pub const ISO_WEEK_START: Weekday = Weekday::Mon;

/// Seven consecutive days starting on `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week {
    /// The first day of the week.
    pub start: NaiveDate,
}

impl Week {
    /// The week that contains `date`, for weeks beginning on `first_day`.
    pub fn containing(date: NaiveDate, first_day: Weekday) -> Week {
        let back =
            (7 + date.weekday().num_days_from_monday() - first_day.num_days_from_monday()) % 7;
        Week {
            start: shift(date, -i64::from(back)),
        }
    }

    /// The last day of the week.
    pub fn end(self) -> NaiveDate {
        shift(self.start, 6)
    }

    /// The seven days, first day first.
    pub fn days(self) -> [NaiveDate; 7] {
        std::array::from_fn(|index| shift(self.start, index as i64))
    }

    /// The following week.
    pub fn next(self) -> Week {
        Week {
            start: shift(self.start, 7),
        }
    }

    /// True when `date` falls in this week.
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.start..=self.end()).contains(&date)
    }

    /// Where `date` falls in the week, 0 to 6, or `None` outside it.
    pub fn day_index(self, date: NaiveDate) -> Option<usize> {
        let offset = (date - self.start).num_days();
        usize::try_from(offset).ok().filter(|index| *index < 7)
    }

    /// `count` weeks starting with this one.
    pub fn run(self, count: usize) -> Vec<Week> {
        std::iter::successors(Some(self), |week| Some(week.next()))
            .take(count)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::date;

    #[test]
    fn an_iso_week_starts_on_the_monday_before() {
        let week = Week::containing(date("2026-03-08"), ISO_WEEK_START);
        assert_eq!(week.start, date("2026-03-02"));
        assert_eq!(week.end(), date("2026-03-08"));
        assert_eq!(Week::containing(date("2026-03-02"), Weekday::Mon), week);
    }

    #[test]
    fn a_sunday_week_starts_on_the_sunday_before() {
        let week = Week::containing(date("2026-03-07"), Weekday::Sun);
        assert_eq!(week.start, date("2026-03-01"));
        assert_eq!(week.day_index(date("2026-03-07")), Some(6));
        assert_eq!(week.day_index(date("2026-03-08")), None);
        assert_eq!(week.next().start, date("2026-03-08"));
    }
}
