//! Working-day numbers: a table over the project's dates that turns calendar arithmetic into
//! integer arithmetic.
//!
//! Working day number 0 is the first working day of the table, and every later working day is
//! one more. With the table built once per computation, "the next working day", "three working
//! days later" and "how many working days between" are array lookups, so the scheduler never
//! walks the calendar per dependency. The table owns nothing else: the rules that say what a
//! link means live in `network`.

use crate::model::calendar::{shift, Calendar, MAX_DATE, MIN_DATE};
use chrono::{Datelike, NaiveDate};

/// Room kept before the earliest and after the latest date of the project, in calendar days,
/// so that every date the project mentions has a working day on either side.
const MARGIN_DAYS: i64 = 14;

/// The furthest a forecast may run: two years past the last date the model accepts. Forecasts
/// beyond it are reported on this date.
fn forecast_limit() -> NaiveDate {
    shift(MAX_DATE, 2 * 366)
}

/// Working-day numbers over a range of dates, grown on demand towards later dates.
#[derive(Debug, Clone)]
pub(super) struct WorkingDays {
    calendar: Calendar,
    /// The first day of the table.
    origin: NaiveDate,
    /// `origin` as days from the common era, for cheap offsets.
    origin_number: i64,
    /// `before[t]` is the number of working days in `origin .. origin + t`; one entry more
    /// than the table has days.
    before: Vec<u32>,
    /// `working[n]` is the date of working day `n`.
    working: Vec<NaiveDate>,
}

impl WorkingDays {
    /// A table covering `first..=last` and a margin either side. A calendar without any working
    /// weekday (which commands refuse) is read as "every day is worked", so that computing never
    /// fails.
    pub(super) fn new(calendar: &Calendar, first: NaiveDate, last: NaiveDate) -> WorkingDays {
        let origin = shift(first.min(last), -MARGIN_DAYS).max(shift(MIN_DATE, -MARGIN_DAYS));
        let mut days = WorkingDays {
            calendar: calendar.clone(),
            origin,
            origin_number: i64::from(origin.num_days_from_ce()),
            before: vec![0],
            working: Vec::new(),
        };
        days.extend_to(shift(first.max(last), MARGIN_DAYS));
        days
    }

    fn is_working(&self, date: NaiveDate) -> bool {
        self.calendar.working_weekdays.is_empty() || self.calendar.is_working_day(date)
    }

    /// True when the table holds `date` (so nothing about it is clamped).
    pub(super) fn covers(&self, date: NaiveDate) -> bool {
        self.origin <= date && date <= self.end()
    }

    /// The last date the table covers.
    fn end(&self) -> NaiveDate {
        shift(self.origin, self.before.len() as i64 - 2)
    }

    /// Grows the table so that it covers `last`.
    fn extend_to(&mut self, last: NaiveDate) {
        let last = last.min(forecast_limit());
        let mut offset = self.before.len() as i64 - 1;
        let mut date = shift(self.origin, offset);
        while date <= last {
            let count = *self.before.last().expect("the table starts with one entry");
            if self.is_working(date) {
                self.working.push(date);
                self.before.push(count + 1);
            } else {
                self.before.push(count);
            }
            offset += 1;
            date = shift(self.origin, offset);
        }
    }

    /// Offset of `date` from the origin, clamped into the table.
    fn offset(&self, date: NaiveDate) -> usize {
        let days = i64::from(date.num_days_from_ce()) - self.origin_number;
        days.clamp(0, self.before.len() as i64 - 1) as usize
    }

    /// The number of working days before `date`; also the number of the first working day on
    /// or after `date`. Dates outside the table are clamped to it.
    pub(super) fn before(&self, date: NaiveDate) -> i64 {
        i64::from(self.before[self.offset(date)])
    }

    /// The number of working days on or before `date`; one more than the number of the last
    /// working day on or before `date`.
    pub(super) fn up_to(&self, date: NaiveDate) -> i64 {
        let next = (self.offset(date) + 1).min(self.before.len() - 1);
        i64::from(self.before[next])
    }

    /// The date of working day `number`. Numbers before the table give its first working day;
    /// numbers beyond the forecast limit give the last one.
    pub(super) fn date_of(&mut self, number: i64) -> NaiveDate {
        if number >= self.working.len() as i64 {
            let missing = number - self.working.len() as i64 + 1;
            // Seven calendar days hold at least one working day, and usually five.
            let wanted = shift(self.end(), (missing * 7 / 5 + 7).max(366));
            self.extend_to(wanted);
            while number >= self.working.len() as i64 && self.end() < forecast_limit() {
                let further = shift(self.end(), 366);
                self.extend_to(further);
            }
        }
        let index = number.clamp(0, self.working.len() as i64 - 1);
        self.working
            .get(index as usize)
            .copied()
            .unwrap_or(self.origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::WeekdaySet;
    use crate::model::testing::date;

    fn office() -> Calendar {
        Calendar {
            working_weekdays: WeekdaySet::MONDAY_TO_FRIDAY,
            holidays: [date("2026-12-25")].into_iter().collect(),
            working_days: Default::default(),
        }
    }

    #[test]
    fn numbers_agree_with_the_calendar_walks() {
        let calendar = office();
        let days = WorkingDays::new(&calendar, date("2026-12-01"), date("2027-01-31"));
        let mut day = date("2026-12-01");
        while day <= date("2027-01-31") {
            let moved = days.before(day) + 3;
            let mut table = days.clone();
            assert_eq!(table.date_of(moved), calendar.add_working_days(day, 3));
            assert_eq!(
                days.up_to(day) - days.before(date("2026-12-01")),
                i64::from(calendar.working_days_inclusive(date("2026-12-01"), day))
            );
            day = shift(day, 1);
        }
    }

    #[test]
    fn christmas_and_the_weekend_share_one_number() {
        let days = WorkingDays::new(&office(), date("2026-12-21"), date("2026-12-31"));
        // Thu 24, Fri 25 (holiday), Sat 26, Sun 27, Mon 28.
        assert_eq!(
            days.before(date("2026-12-25")),
            days.before(date("2026-12-28"))
        );
        assert_eq!(
            days.up_to(date("2026-12-27")),
            days.up_to(date("2026-12-24"))
        );
        assert_eq!(
            days.before(date("2026-12-28")),
            days.before(date("2026-12-24")) + 1
        );
    }

    #[test]
    fn a_working_saturday_has_its_own_number() {
        let mut calendar = office();
        calendar.working_days.insert(date("2026-12-19"));
        let mut days = WorkingDays::new(&calendar, date("2026-12-14"), date("2026-12-31"));
        // Fri 18, Sat 19 (worked), Sun 20, Mon 21.
        assert_eq!(
            days.before(date("2026-12-19")),
            days.before(date("2026-12-18")) + 1
        );
        assert_eq!(
            days.before(date("2026-12-21")),
            days.before(date("2026-12-19")) + 1
        );
        let saturday = days.before(date("2026-12-19"));
        assert_eq!(days.date_of(saturday), date("2026-12-19"));
    }

    #[test]
    fn the_table_grows_for_far_forecasts() {
        let mut days = WorkingDays::new(&office(), date("2026-01-05"), date("2026-01-09"));
        let start = days.before(date("2026-01-05"));
        // 260 working days after Mon 5 Jan 2026 with one holiday on the way.
        let far = days.date_of(start + 260);
        assert_eq!(far, office().add_working_days(date("2026-01-05"), 260));
    }

    #[test]
    fn a_calendar_without_working_days_counts_every_day() {
        let calendar = Calendar {
            working_weekdays: WeekdaySet::EMPTY,
            holidays: Default::default(),
            working_days: Default::default(),
        };
        let days = WorkingDays::new(&calendar, date("2026-01-03"), date("2026-01-04"));
        assert_eq!(
            days.up_to(date("2026-01-04")) - days.before(date("2026-01-03")),
            2
        );
    }
}
