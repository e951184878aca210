//! The working calendar of a project: which weekdays are worked, and the holidays.
//!
//! Durations and lags count working days. Everything here is plain date arithmetic; the
//! scheduler builds on it and never looks at the clock.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeSet;

/// The earliest date the model accepts anywhere.
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(date) => date,
    None => panic!("1900-01-01 is a date"),
};

/// The latest date the model accepts anywhere; scheduling arithmetic has room to spare beyond it.
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(date) => date,
    None => panic!("2199-12-31 is a date"),
};

/// True when `date` is inside the range the model accepts.
pub fn date_in_range(date: NaiveDate) -> bool {
    (MIN_DATE..=MAX_DATE).contains(&date)
}

/// A set of weekdays, Monday first.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct WeekdaySet(u8);

const WEEKDAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl WeekdaySet {
    /// Monday to Friday.
    pub const MONDAY_TO_FRIDAY: WeekdaySet = WeekdaySet(0b001_1111);
    /// No day at all (refused as a project calendar).
    pub const EMPTY: WeekdaySet = WeekdaySet(0);

    /// Builds a set from weekdays.
    pub fn from_days(days: impl IntoIterator<Item = Weekday>) -> WeekdaySet {
        WeekdaySet(
            days.into_iter()
                .fold(0, |bits, day| bits | 1 << day.num_days_from_monday()),
        )
    }

    /// True when `day` is in the set.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// The set with `day` added or removed.
    pub fn with(self, day: Weekday, included: bool) -> WeekdaySet {
        let bit = 1 << day.num_days_from_monday();
        WeekdaySet(if included {
            self.0 | bit
        } else {
            self.0 & !bit
        })
    }

    /// True when no day is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The days in the set, Monday first.
    pub fn days(self) -> impl Iterator<Item = Weekday> {
        (0..7u8)
            .filter(move |index| self.0 & (1 << index) != 0)
            .map(weekday_from_index)
    }

    /// The raw bits, Monday in bit 0.
    pub fn bits(self) -> u8 {
        self.0
    }
}

impl Default for WeekdaySet {
    fn default() -> Self {
        WeekdaySet::MONDAY_TO_FRIDAY
    }
}

impl std::fmt::Debug for WeekdaySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(
                self.days()
                    .map(|day| WEEKDAY_NAMES[day.num_days_from_monday() as usize]),
            )
            .finish()
    }
}

/// Weekday from its Monday-based index, 0 to 6.
pub fn weekday_from_index(index: u8) -> Weekday {
    match index % 7 {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

impl Serialize for WeekdaySet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.days()
                .map(|day| WEEKDAY_NAMES[day.num_days_from_monday() as usize]),
        )
    }
}

impl<'de> Deserialize<'de> for WeekdaySet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The names are checked inside the deserializer's read of the list, so that serde_json
        // places an error at the list and the file reader's field path names it.
        struct Names;
        impl<'de> de::Visitor<'de> for Names {
            type Value = WeekdaySet;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<WeekdaySet, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                let mut set = WeekdaySet::EMPTY;
                for name in names {
                    let index = WEEKDAY_NAMES
                        .iter()
                        .position(|known| *known == name)
                        .ok_or_else(|| {
                            de::Error::custom(format!(
                                "unknown weekday {name:?}, expected one of mon, tue, wed, thu, fri, sat, sun"
                            ))
                        })?;
                    set = set.with(weekday_from_index(index as u8), true);
                }
                Ok(set)
            }
        }
        deserializer.deserialize_seq(Names)
    }
}

impl JsonSchema for WeekdaySet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "WeekdaySet".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "array",
            "items": { "enum": WEEKDAY_NAMES },
            "uniqueItems": true,
            "description": "working weekdays"
        })
    }
}

/// Which days are worked: the working weekdays minus the holidays, plus the extra working days.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// The weekdays that are worked; never empty in a valid project.
    pub working_weekdays: WeekdaySet,
    /// Dates that are not worked even on a working weekday.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub holidays: BTreeSet<NaiveDate>,
    /// Dates that are worked although their weekday is not (a working Saturday, as an MS
    /// Project working exception). A date listed both here and in `holidays` is worked.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub working_days: BTreeSet<NaiveDate>,
}

/// A hard stop for calendar walks, far beyond any real holiday list.
const MAX_WALK_DAYS: u32 = 200_000;

impl Calendar {
    /// True when `date` is worked.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.working_days.contains(&date)
            || (self.working_weekdays.contains(date.weekday()) && !self.holidays.contains(&date))
    }

    /// True when `date` is a holiday on a working weekday (not a weekend, not worked anyway).
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.working_weekdays.contains(date.weekday()) && !self.is_working_day(date)
    }

    /// `date` itself when it is worked, otherwise the next worked day.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        self.walk(date, 1)
    }

    /// `date` itself when it is worked, otherwise the previous worked day.
    pub fn previous_working_day(&self, date: NaiveDate) -> NaiveDate {
        self.walk(date, -1)
    }

    fn walk(&self, mut date: NaiveDate, step: i8) -> NaiveDate {
        if self.working_weekdays.is_empty() {
            return date;
        }
        for _ in 0..MAX_WALK_DAYS {
            if self.is_working_day(date) {
                return date;
            }
            date = shift(date, i64::from(step));
        }
        date
    }

    /// Moves `days` working days from `date` (backwards when negative). `date` is first
    /// snapped forward to a working day when moving forward, backward when moving back.
    pub fn add_working_days(&self, date: NaiveDate, days: i64) -> NaiveDate {
        let step = if days < 0 { -1 } else { 1 };
        let mut current = self.walk(date, step as i8);
        for _ in 0..days.unsigned_abs() {
            current = self.walk(shift(current, step), step as i8);
        }
        current
    }

    /// Working days in `start..=end` (0 when `end` is before `start`).
    pub fn working_days_inclusive(&self, start: NaiveDate, end: NaiveDate) -> u32 {
        if end < start {
            return 0;
        }
        let total_days = (end - start).num_days() + 1;
        let full_weeks = total_days / 7;
        let per_week = self.working_weekdays.days().count() as i64;
        let mut count = full_weeks * per_week;
        let mut day = shift(start, full_weeks * 7);
        while day <= end {
            if self.working_weekdays.contains(day.weekday()) {
                count += 1;
            }
            day = shift(day, 1);
        }
        let holidays = self
            .holidays
            .range(start..=end)
            .filter(|holiday| self.is_holiday(**holiday))
            .count() as i64;
        let extra = self
            .working_days
            .range(start..=end)
            .filter(|extra| !self.working_weekdays.contains(extra.weekday()))
            .count() as i64;
        u32::try_from(count - holidays + extra).unwrap_or(0)
    }

    /// Signed count of working days from `from` to `to`: positive when `to` is later. A move
    /// from Friday to the next Monday in a Monday–Friday calendar is one working day.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        match to.cmp(&from) {
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => {
                i64::from(self.working_days_inclusive(shift(from, 1), to))
            }
            std::cmp::Ordering::Less => -i64::from(self.working_days_inclusive(shift(to, 1), from)),
        }
    }
}

/// `date` moved by `days` calendar days, clamped to chrono's range.
pub fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    let moved = if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::date;

    fn office() -> Calendar {
        Calendar {
            working_weekdays: WeekdaySet::MONDAY_TO_FRIDAY,
            holidays: [date("2026-12-25")].into_iter().collect(),
            working_days: BTreeSet::new(),
        }
    }

    /// The office calendar with Saturday 19 December worked, and also listed as a holiday
    /// (the working day wins).
    fn office_with_a_working_saturday() -> Calendar {
        let mut calendar = office();
        calendar.working_days.insert(date("2026-12-19"));
        calendar.holidays.insert(date("2026-12-19"));
        calendar
    }

    #[test]
    fn a_working_saturday_is_worked() {
        let calendar = office_with_a_working_saturday();
        assert!(calendar.is_working_day(date("2026-12-19")));
        assert!(!calendar.is_working_day(date("2026-12-20")));
        assert!(!calendar.is_holiday(date("2026-12-19")));
        assert_eq!(
            calendar.next_working_day(date("2026-12-19")),
            date("2026-12-19")
        );
        assert_eq!(
            calendar.previous_working_day(date("2026-12-20")),
            date("2026-12-19")
        );
        // Fri 18 + 1 working day is the Saturday; Sat 19 + 1 is Monday 21.
        assert_eq!(
            calendar.add_working_days(date("2026-12-18"), 1),
            date("2026-12-19")
        );
        assert_eq!(
            calendar.add_working_days(date("2026-12-19"), 1),
            date("2026-12-21")
        );
        assert_eq!(
            calendar.add_working_days(date("2026-12-21"), -1),
            date("2026-12-19")
        );
    }

    #[test]
    fn a_working_saturday_counts_as_a_working_day() {
        let calendar = office_with_a_working_saturday();
        assert_eq!(
            calendar.working_days_inclusive(date("2026-12-14"), date("2026-12-20")),
            6
        );
        assert_eq!(
            calendar.working_days_between(date("2026-12-18"), date("2026-12-21")),
            2
        );
        let mut day = date("2026-12-01");
        while day <= date("2027-01-10") {
            let walked = (0..=(day - date("2026-12-01")).num_days())
                .map(|offset| shift(date("2026-12-01"), offset))
                .filter(|worked| calendar.is_working_day(*worked))
                .count() as u32;
            assert_eq!(
                calendar.working_days_inclusive(date("2026-12-01"), day),
                walked
            );
            day = shift(day, 1);
        }
    }

    #[test]
    fn calendars_without_working_days_omit_the_field() {
        let json = serde_json::to_value(office()).expect("serializes");
        assert!(json.get("working_days").is_none());
        let json = serde_json::to_value(office_with_a_working_saturday()).expect("serializes");
        assert_eq!(json["working_days"], serde_json::json!(["2026-12-19"]));
        let parsed: Calendar = serde_json::from_value(json).expect("parses");
        assert_eq!(parsed, office_with_a_working_saturday());
    }

    #[test]
    fn weekends_and_holidays_are_not_worked() {
        let calendar = office();
        assert!(calendar.is_working_day(date("2026-12-24")));
        assert!(!calendar.is_working_day(date("2026-12-25")));
        assert!(!calendar.is_working_day(date("2026-12-26")));
        assert_eq!(
            calendar.next_working_day(date("2026-12-25")),
            date("2026-12-28")
        );
        assert_eq!(
            calendar.previous_working_day(date("2026-12-27")),
            date("2026-12-24")
        );
    }

    #[test]
    fn adding_working_days_skips_weekends_and_holidays() {
        let calendar = office();
        // Thu 24 Dec + 1 working day skips Christmas (Fri) and the weekend.
        assert_eq!(
            calendar.add_working_days(date("2026-12-24"), 1),
            date("2026-12-28")
        );
        assert_eq!(
            calendar.add_working_days(date("2026-12-28"), -1),
            date("2026-12-24")
        );
        assert_eq!(
            calendar.add_working_days(date("2026-12-26"), 0),
            date("2026-12-28")
        );
    }

    #[test]
    fn working_days_are_counted_inclusively() {
        let calendar = office();
        assert_eq!(
            calendar.working_days_inclusive(date("2026-12-21"), date("2026-12-31")),
            8
        );
        assert_eq!(
            calendar.working_days_inclusive(date("2026-12-26"), date("2026-12-27")),
            0
        );
        assert_eq!(
            calendar.working_days_between(date("2026-12-24"), date("2026-12-28")),
            1
        );
        assert_eq!(
            calendar.working_days_between(date("2026-12-28"), date("2026-12-24")),
            -1
        );
    }

    #[test]
    fn weekday_sets_serialize_as_short_names() {
        let json = serde_json::to_string(&WeekdaySet::MONDAY_TO_FRIDAY).expect("serializes");
        assert_eq!(json, r#"["mon","tue","wed","thu","fri"]"#);
        let parsed: WeekdaySet = serde_json::from_str(&json).expect("parses");
        assert_eq!(parsed, WeekdaySet::MONDAY_TO_FRIDAY);
        assert!(serde_json::from_str::<WeekdaySet>(r#"["funday"]"#).is_err());
    }
}
