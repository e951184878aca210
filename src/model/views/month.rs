//! The Calendar view's model: which weeks a month (or one week) shows, what kind of day each
//! is, and where each task's bar lies in each week row.
//!
//! [`visible_weeks`] picks whole weeks around an anchor date, starting on the locale's first
//! day. [`entries_in`] takes the tasks that touch those weeks out of the project once, so that
//! a plan of any size costs one pass per change, and [`layout`] then works on those alone: it
//! marks holidays, non-working days, the deadline and today, cuts each task into one segment
//! per week row it spans, packs the segments into lanes (the lowest free lane, so bars never
//! overlap) and counts, per day, the segments past the shown lanes (the "+N more").
//! [`MonthLayout::agenda`] lists the same tasks by day for narrow screens. Task deadlines come
//! out of the plan the same way ([`deadlines_in`]) and are marked on their days
//! ([`MonthLayout::deadlines_on`]), missed or not as the Timeline and health judge them.
//!
//! Summary tasks are left out: they only repeat their subtasks' dates and cannot be moved
//! themselves. Pixels, names and the moving of tasks are the view's and the store's.

use super::calendar::{shift, MAX_DATE, MIN_DATE};
use super::week::Week;
use super::{Calendar, Project, TaskId};
use crate::model::health::misses_deadline;
use chrono::{Datelike, Months, NaiveDate, Weekday};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

/// How much the Calendar shows at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Period {
    /// The weeks that hold a month's days.
    #[default]
    Month,
    /// One week.
    Week,
}

impl Period {
    /// Both periods, as the toggle lists them.
    pub const ALL: [Period; 2] = [Period::Month, Period::Week];

    /// The toggle's label.
    pub fn label(self) -> &'static str {
        match self {
            Period::Month => "Month",
            Period::Week => "Week",
        }
    }
}

/// The whole weeks, first day `first_day`, that show `anchor`'s month (four to six of them), or
/// the one week holding `anchor`.
pub fn visible_weeks(anchor: NaiveDate, period: Period, first_day: Weekday) -> Vec<Week> {
    match period {
        Period::Week => vec![Week::containing(anchor, first_day)],
        Period::Month => {
            let (first, last) = month_bounds(anchor);
            let start = Week::containing(first, first_day);
            let count = (last - start.start).num_days() / 7 + 1;
            start.run(count as usize)
        }
    }
}

/// The first and last day of `date`'s month.
pub fn month_bounds(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = date.with_day(1).unwrap_or(date);
    let last = first
        .checked_add_months(Months::new(1))
        .map_or(first, |next| shift(next, -1));
    (first, last)
}

/// The anchor one period later (`forward`) or earlier: the same day of the next or previous
/// month (the month's last day when it is shorter), or seven days on. Stays inside the dates
/// the model accepts.
pub fn step(anchor: NaiveDate, period: Period, forward: bool) -> NaiveDate {
    let moved = match (period, forward) {
        (Period::Month, true) => anchor.checked_add_months(Months::new(1)),
        (Period::Month, false) => anchor.checked_sub_months(Months::new(1)),
        (Period::Week, true) => Some(shift(anchor, 7)),
        (Period::Week, false) => Some(shift(anchor, -7)),
    };
    moved.unwrap_or(anchor).clamp(MIN_DATE, MAX_DATE)
}

/// One task as the Calendar draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEntry {
    pub task: TaskId,
    pub title: String,
    /// First day, inclusive.
    pub start: NaiveDate,
    /// Last day, inclusive; equal to `start` for milestones.
    pub end: NaiveDate,
    /// Drawn as a marker, not a bar.
    pub milestone: bool,
}

/// The tasks of `project` with a day in `first..=last`, in the project's order, without summary
/// tasks. One pass over the plan.
pub fn entries_in(project: &Project, first: NaiveDate, last: NaiveDate) -> Vec<CalendarEntry> {
    let parents: HashSet<TaskId> = project
        .tasks()
        .iter()
        .filter_map(|task| task.parent)
        .collect();
    project
        .tasks()
        .iter()
        .filter(|task| task.start <= last && task.end >= first && !parents.contains(&task.id))
        .map(|task| CalendarEntry {
            task: task.id,
            title: task.title.clone(),
            start: task.start,
            end: task.end,
            milestone: task.milestone,
        })
        .collect()
}

/// A task's deadline, marked on its day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineMark {
    pub task: TaskId,
    pub title: String,
    /// The deadline.
    pub date: NaiveDate,
    /// The task is not done and ends after its deadline (`health::misses_deadline`, as the
    /// Timeline and the schedule health judge it).
    pub missed: bool,
}

/// The deadlines of `project`'s tasks that fall in `first..=last`, by date and then in the
/// project's order, summary tasks included. One pass over the plan.
pub fn deadlines_in(project: &Project, first: NaiveDate, last: NaiveDate) -> Vec<DeadlineMark> {
    let mut marks: Vec<DeadlineMark> = project
        .tasks()
        .iter()
        .filter_map(|task| {
            let date = task.deadline.filter(|date| (first..=last).contains(date))?;
            Some(DeadlineMark {
                task: task.id,
                title: task.title.clone(),
                date,
                missed: misses_deadline(project, task, task.end),
            })
        })
        .collect();
    marks.sort_by_key(|mark| mark.date);
    marks
}

/// One day of the grid and what marks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    /// A day of the month before or after the one shown (never in the week period).
    pub outside: bool,
    /// A working weekday that is not a holiday.
    pub working: bool,
    /// One of the calendar's holidays, and not worked after all.
    pub holiday: bool,
    /// The project's deadline.
    pub deadline: bool,
    pub today: bool,
    /// Tasks on this day beyond the shown lanes: the "+N more".
    pub more: usize,
}

/// The part of one task that lies in one week row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Bar {
    pub task: TaskId,
    /// Index (0 to 6) of the first and last day of the segment in the week.
    pub first: usize,
    pub last: usize,
    /// The row within the week, 0 at the top. Lanes at or past [`MonthLayout::lanes`] are not
    /// drawn; their days count them as "more".
    pub lane: usize,
    /// The task began in an earlier week.
    pub continues_before: bool,
    /// The task goes on into a later week.
    pub continues_after: bool,
    pub milestone: bool,
}

impl Bar {
    /// True when the segment covers day `index` of its week.
    pub fn covers(&self, index: usize) -> bool {
        (self.first..=self.last).contains(&index)
    }
}

/// One week of the grid: its days and every task segment in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekRow {
    pub week: Week,
    pub days: [Day; 7],
    /// Every segment in the week, shown or not, by lane and then by first day.
    pub bars: Vec<Bar>,
}

/// A day of the narrow-screen list, with the tasks listed under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaDay {
    pub day: Day,
    /// Tasks starting that day, and, on the first day listed, those already under way.
    pub tasks: Vec<TaskId>,
}

/// Everything the Calendar draws for one period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthLayout {
    pub weeks: Vec<WeekRow>,
    /// The lanes drawn in each week; segments in further lanes are counted as "more".
    pub lanes: usize,
    /// The tasks laid out, in the project's order.
    pub entries: Vec<CalendarEntry>,
    /// Where each task is in `entries`.
    index: HashMap<TaskId, usize>,
    /// The task deadlines in the weeks shown, by date.
    pub deadlines: Vec<DeadlineMark>,
}

/// What [`layout`] works from.
#[derive(Clone, Copy, Debug)]
pub struct MonthInput<'a> {
    /// The weeks shown, consecutive (from [`visible_weeks`]).
    pub weeks: &'a [Week],
    /// The month shown, as (year, month), whose other days are marked `outside`; `None` in the
    /// week period.
    pub month: Option<(i32, u32)>,
    pub calendar: &'a Calendar,
    pub deadline: Option<NaiveDate>,
    pub today: NaiveDate,
    /// The tasks that touch the weeks (from [`entries_in`]); others are ignored.
    pub entries: &'a [CalendarEntry],
    /// The task deadlines in the weeks (from [`deadlines_in`]), by date.
    pub deadlines: &'a [DeadlineMark],
    /// How many lanes each week draws, at least one.
    pub lanes: usize,
}

/// Lays out the period: the days, the segments of each task per week in lanes, and each day's
/// count of tasks that did not fit.
pub fn layout(input: &MonthInput) -> MonthLayout {
    let lanes = input.lanes.max(1);
    let weeks = input
        .weeks
        .iter()
        .map(|week| week_row(input, *week, lanes))
        .collect();
    MonthLayout {
        weeks,
        lanes,
        entries: input.entries.to_vec(),
        index: input
            .entries
            .iter()
            .enumerate()
            .map(|(position, entry)| (entry.task, position))
            .collect(),
        deadlines: input
            .deadlines
            .iter()
            .filter(|mark| input.weeks.iter().any(|week| week.contains(mark.date)))
            .cloned()
            .collect(),
    }
}

fn week_row(input: &MonthInput, week: Week, lanes: usize) -> WeekRow {
    let mut segments: Vec<(usize, Bar)> = input
        .entries
        .iter()
        .enumerate()
        .filter(|(_, entry)| entry.start <= week.end() && entry.end >= week.start)
        .map(|(order, entry)| {
            let first = week.day_index(entry.start.max(week.start)).unwrap_or(0);
            let last = week.day_index(entry.end.min(week.end())).unwrap_or(6);
            let bar = Bar {
                task: entry.task,
                first,
                last,
                lane: 0,
                continues_before: entry.start < week.start,
                continues_after: entry.end > week.end(),
                milestone: entry.milestone,
            };
            (order, bar)
        })
        .collect();
    // Earliest first; among those milestones first (they matter most and take one day), then
    // the longest, then in the plan's order.
    segments.sort_by_key(|(order, bar)| (bar.first, !bar.milestone, Reverse(bar.last), *order));
    let mut bars: Vec<Bar> = pack(segments.into_iter().map(|(_, bar)| bar));
    let days = std::array::from_fn(|index| {
        let date = week.days()[index];
        let more = bars
            .iter()
            .filter(|bar| bar.lane >= lanes && bar.covers(index))
            .count();
        day(input, date, more)
    });
    bars.sort_by_key(|bar| (bar.lane, bar.first));
    WeekRow { week, days, bars }
}

/// Gives each segment, taken earliest first, the lowest lane that is free on its first day.
fn pack(segments: impl Iterator<Item = Bar>) -> Vec<Bar> {
    // Busy lanes as (last day, lane), soonest free first; free lanes, lowest first.
    let mut busy: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
    let mut next_lane = 0;
    segments
        .map(|mut bar| {
            while let Some(&Reverse((last, lane))) = busy.peek() {
                if last >= bar.first {
                    break;
                }
                busy.pop();
                free.push(Reverse(lane));
            }
            bar.lane = match free.pop() {
                Some(Reverse(lane)) => lane,
                None => {
                    next_lane += 1;
                    next_lane - 1
                }
            };
            busy.push(Reverse((bar.last, bar.lane)));
            bar
        })
        .collect()
}

fn day(input: &MonthInput, date: NaiveDate, more: usize) -> Day {
    let working = input.calendar.is_working_day(date);
    Day {
        date,
        outside: input
            .month
            .is_some_and(|(year, month)| (date.year(), date.month()) != (year, month)),
        working,
        // A holiday also listed as a working day is worked, so it is no holiday.
        holiday: !working && input.calendar.holidays.contains(&date),
        deadline: input.deadline == Some(date),
        today: input.today == date,
        more,
    }
}

impl MonthLayout {
    /// The week row holding `date`, if shown.
    pub fn week_of(&self, date: NaiveDate) -> Option<&WeekRow> {
        self.weeks.iter().find(|row| row.week.contains(date))
    }

    /// The task shown as `task`, if laid out.
    pub fn entry(&self, task: TaskId) -> Option<&CalendarEntry> {
        self.entries.get(*self.index.get(&task)?)
    }

    /// The task deadlines on `date`, in the project's order.
    pub fn deadlines_on(&self, date: NaiveDate) -> impl Iterator<Item = &DeadlineMark> {
        let from = self.deadlines.partition_point(|mark| mark.date < date);
        self.deadlines[from..]
            .iter()
            .take_while(move |mark| mark.date == date)
    }

    /// The first and last day shown.
    pub fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((
            self.weeks.first()?.week.start,
            self.weeks.last()?.week.end(),
        ))
    }

    /// The tasks on `date` that the grid has no lane for, in the plan's order.
    pub fn hidden_on(&self, date: NaiveDate) -> Vec<TaskId> {
        let Some(row) = self.week_of(date) else {
            return Vec::new();
        };
        let index = row.week.day_index(date).unwrap_or(0);
        let hidden: HashSet<TaskId> = row
            .bars
            .iter()
            .filter(|bar| bar.lane >= self.lanes && bar.covers(index))
            .map(|bar| bar.task)
            .collect();
        self.entries
            .iter()
            .filter(|entry| hidden.contains(&entry.task))
            .map(|entry| entry.task)
            .collect()
    }

    /// The days for a list: the month's own days (every day in the week period), each with the
    /// tasks that start on it; tasks under way before the first day are listed on it.
    pub fn agenda(&self) -> Vec<AgendaDay> {
        let mut days: Vec<AgendaDay> = self
            .weeks
            .iter()
            .flat_map(|row| row.days.iter())
            .filter(|day| !day.outside)
            .map(|day| AgendaDay {
                day: *day,
                tasks: Vec::new(),
            })
            .collect();
        let (Some(first), Some(last)) = (
            days.first().map(|day| day.day.date),
            days.last().map(|day| day.day.date),
        ) else {
            return days;
        };
        for entry in &self.entries {
            if entry.end < first || entry.start > last {
                continue;
            }
            let index = (entry.start.max(first) - first).num_days() as usize;
            if let Some(day) = days.get_mut(index) {
                day.tasks.push(entry.task);
            }
        }
        days
    }
}

// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::testing::{date, Plan};
    use crate::model::WeekdaySet;
    use proptest::prelude::*;
    use uuid::Uuid;

    fn entry(n: u128, start: &str, end: &str) -> CalendarEntry {
        CalendarEntry {
            task: TaskId(Uuid::from_u128(n)),
            title: format!("Task {n}"),
            start: date(start),
            end: date(end),
            milestone: start == end && n >= 100,
        }
    }

    fn office() -> Calendar {
        Calendar {
            working_weekdays: WeekdaySet::MONDAY_TO_FRIDAY,
            holidays: [date("2026-03-17")].into_iter().collect(),
            ..Calendar::default()
        }
    }

    fn march(entries: &[CalendarEntry], lanes: usize) -> MonthLayout {
        let weeks = visible_weeks(date("2026-03-10"), Period::Month, Weekday::Sun);
        layout(&MonthInput {
            weeks: &weeks,
            month: Some((2026, 3)),
            calendar: &office(),
            deadline: Some(date("2026-03-27")),
            today: date("2026-03-10"),
            entries,
            deadlines: &[],
            lanes,
        })
    }

    #[test]
    fn a_month_shows_the_whole_weeks_that_hold_its_days() {
        // March 2026 begins on a Sunday and ends on a Tuesday: five Sunday weeks.
        let weeks = visible_weeks(date("2026-03-10"), Period::Month, Weekday::Sun);
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0].start, date("2026-03-01"));
        assert_eq!(weeks[4].end(), date("2026-04-04"));
        // With Monday weeks it needs six, from Monday 23 February.
        let weeks = visible_weeks(date("2026-03-10"), Period::Month, Weekday::Mon);
        assert_eq!(weeks.len(), 6);
        assert_eq!(weeks[0].start, date("2026-02-23"));
        assert_eq!(
            visible_weeks(date("2026-03-10"), Period::Week, Weekday::Mon),
            vec![Week {
                start: date("2026-03-09")
            }]
        );
    }

    #[test]
    fn stepping_keeps_the_day_of_the_month_where_it_can() {
        assert_eq!(
            step(date("2026-01-31"), Period::Month, true),
            date("2026-02-28")
        );
        assert_eq!(
            step(date("2026-03-15"), Period::Month, false),
            date("2026-02-15")
        );
        assert_eq!(
            step(date("2026-03-15"), Period::Week, true),
            date("2026-03-22")
        );
        assert_eq!(step(MAX_DATE, Period::Month, true), MAX_DATE);
        assert_eq!(step(MIN_DATE, Period::Week, false), MIN_DATE);
    }

    #[test]
    fn days_are_marked_as_holidays_weekends_the_deadline_today_and_other_months() {
        let month = march(&[], 3);
        let find = |text: &str| {
            *month
                .weeks
                .iter()
                .flat_map(|row| row.days.iter())
                .find(|day| day.date == date(text))
                .expect("the day is shown")
        };
        assert!(find("2026-03-17").holiday && !find("2026-03-17").working);
        assert!(!find("2026-03-14").working && !find("2026-03-14").holiday);
        assert!(find("2026-03-16").working);
        assert!(find("2026-03-27").deadline);
        assert!(find("2026-03-10").today && !find("2026-03-11").today);
        assert!(find("2026-04-01").outside && !find("2026-03-31").outside);
    }

    #[test]
    fn a_working_saturday_is_a_working_day_and_a_worked_holiday_no_holiday() {
        let mut calendar = office();
        calendar.working_days = [date("2026-03-14"), date("2026-03-17")]
            .into_iter()
            .collect();
        let day = |text: &str| {
            let weeks = visible_weeks(date(text), Period::Week, Weekday::Mon);
            let week = layout(&MonthInput {
                weeks: &weeks,
                month: None,
                calendar: &calendar,
                deadline: None,
                today: date("2026-03-10"),
                entries: &[],
                deadlines: &[],
                lanes: 3,
            });
            *week.weeks[0]
                .days
                .iter()
                .find(|day| day.date == date(text))
                .expect("the day is in its week")
        };
        let saturday = day("2026-03-14");
        assert!(saturday.working && !saturday.outside);
        let tuesday = day("2026-03-17");
        assert!(tuesday.working && !tuesday.holiday);
    }

    #[test]
    fn a_task_over_a_weekend_is_cut_into_one_segment_per_week() {
        // Thu 12 to Tue 17 March, in Sunday weeks: Thu–Sat, then Sun–Tue.
        let month = march(&[entry(1, "2026-03-12", "2026-03-17")], 3);
        let second = &month.weeks[1].bars;
        let third = &month.weeks[2].bars;
        assert_eq!((second[0].first, second[0].last), (4, 6));
        assert!(second[0].continues_after && !second[0].continues_before);
        assert_eq!((third[0].first, third[0].last), (0, 2));
        assert!(third[0].continues_before && !third[0].continues_after);
        assert!(month.weeks[0].bars.is_empty());
    }

    #[test]
    fn overlapping_tasks_take_the_lowest_free_lane() {
        let month = march(
            &[
                entry(1, "2026-03-09", "2026-03-11"),
                entry(2, "2026-03-10", "2026-03-13"),
                entry(3, "2026-03-12", "2026-03-12"),
            ],
            3,
        );
        let lanes: Vec<(u128, usize)> = month.weeks[1]
            .bars
            .iter()
            .map(|bar| (bar.task.0.as_u128(), bar.lane))
            .collect();
        // 1 and 2 overlap; 3 starts after 1 ends and reuses its lane.
        assert_eq!(lanes, vec![(1, 0), (3, 0), (2, 1)]);
    }

    #[test]
    fn a_milestone_comes_before_the_bars_that_start_on_its_day() {
        let month = march(
            &[
                entry(1, "2026-03-10", "2026-03-13"),
                entry(100, "2026-03-10", "2026-03-10"),
            ],
            1,
        );
        let shown: Vec<u128> = month.weeks[1]
            .bars
            .iter()
            .filter(|bar| bar.lane == 0)
            .map(|bar| bar.task.0.as_u128())
            .collect();
        assert_eq!(shown, vec![100]);
    }

    #[test]
    fn tasks_beyond_the_shown_lanes_are_counted_as_more_on_their_days() {
        let entries = [
            entry(1, "2026-03-09", "2026-03-13"),
            entry(2, "2026-03-09", "2026-03-10"),
            entry(3, "2026-03-10", "2026-03-10"),
            entry(4, "2026-03-10", "2026-03-11"),
        ];
        let month = march(&entries, 2);
        let days = &month.weeks[1].days;
        // Mon 9 has 1 and 2; Tue 10 has all four; Wed 11 has 1 and 4.
        assert_eq!(
            days.iter().map(|day| day.more).collect::<Vec<_>>(),
            vec![0, 0, 2, 1, 0, 0, 0]
        );
        assert_eq!(
            month.hidden_on(date("2026-03-10")),
            vec![entries[2].task, entries[3].task]
        );
        assert_eq!(month.hidden_on(date("2026-03-09")), vec![]);
    }

    #[test]
    fn the_list_names_each_task_once_on_its_first_day_of_the_month() {
        let entries = [
            entry(1, "2026-02-20", "2026-03-03"),
            entry(2, "2026-03-10", "2026-03-12"),
            entry(3, "2026-03-30", "2026-04-02"),
        ];
        let agenda = march(&entries, 3).agenda();
        assert_eq!(agenda.len(), 31);
        assert_eq!(agenda[0].day.date, date("2026-03-01"));
        assert_eq!(agenda[0].tasks, vec![entries[0].task]);
        assert_eq!(agenda[9].tasks, vec![entries[1].task]);
        assert_eq!(agenda[29].tasks, vec![entries[2].task]);
        assert_eq!(agenda.iter().map(|day| day.tasks.len()).sum::<usize>(), 3);
    }

    #[test]
    fn only_tasks_touching_the_range_are_taken_and_summaries_are_left_out() {
        let mut plan = Plan::new("2026-03-02");
        let phase = plan.task("Phase", "2026-03-02", "2026-03-06", 0, None);
        let mut inside = plan.draft("Inside", "2026-03-02", "2026-03-03");
        inside.parent = Some(phase);
        let inside = plan.add(inside);
        let later = plan.task("Later", "2026-05-04", "2026-05-05", 0, None);
        let entries = entries_in(plan.project(), date("2026-03-01"), date("2026-04-04"));
        let tasks: Vec<TaskId> = entries.iter().map(|entry| entry.task).collect();
        assert_eq!(tasks, vec![inside]);
        assert!(!tasks.contains(&later));
    }

    #[test]
    fn task_deadlines_are_marked_on_their_days_and_missed_when_the_task_ends_later() {
        let mut plan = Plan::new("2026-03-02");
        let met = plan.task("Met", "2026-03-02", "2026-03-04", 0, None);
        let late = plan.task("Late", "2026-03-02", "2026-03-06", 0, None);
        let done = plan.task("Done late", "2026-03-02", "2026-03-06", 0, None);
        let april = plan.task("April", "2026-03-02", "2026-03-03", 0, None);
        for (task, deadline) in [
            (late, "2026-03-05"),
            (met, "2026-03-05"),
            (done, "2026-03-05"),
            (april, "2026-04-20"),
        ] {
            plan.edit(task, |task| task.deadline = Some(date(deadline)));
        }
        plan.move_to(done, crate::model::ColumnCategory::Done, "2026-03-06");
        let deadlines = deadlines_in(plan.project(), date("2026-03-01"), date("2026-04-04"));
        let weeks = visible_weeks(date("2026-03-10"), Period::Month, Weekday::Sun);
        let month = layout(&MonthInput {
            weeks: &weeks,
            month: Some((2026, 3)),
            calendar: &office(),
            deadline: None,
            today: date("2026-03-10"),
            entries: &[],
            deadlines: &deadlines,
            lanes: 3,
        });
        let marks: Vec<(TaskId, bool)> = month
            .deadlines_on(date("2026-03-05"))
            .map(|mark| (mark.task, mark.missed))
            .collect();
        // In the plan's order; a done task misses nothing.
        assert_eq!(marks, vec![(met, false), (late, true), (done, false)]);
        assert_eq!(month.deadlines_on(date("2026-03-04")).count(), 0);
        assert!(month.deadlines.iter().all(|mark| mark.task != april));
    }

    fn arbitrary_entries() -> impl Strategy<Value = Vec<CalendarEntry>> {
        prop::collection::vec((0i64..90, 0i64..25, any::<bool>()), 0..40).prop_map(|specs| {
            specs
                .into_iter()
                .enumerate()
                .map(|(index, (offset, length, milestone))| {
                    let start = shift(date("2026-01-20"), offset);
                    CalendarEntry {
                        task: TaskId(Uuid::from_u128(index as u128 + 1)),
                        title: format!("Task {index}"),
                        start,
                        end: if milestone {
                            start
                        } else {
                            shift(start, length)
                        },
                        milestone,
                    }
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn every_task_in_the_period_appears_once_per_week_row_it_spans(
            entries in arbitrary_entries(),
            anchor in 0i64..90,
            week_period in any::<bool>(),
            first_day in 0u8..7,
            lanes in 1usize..5,
        ) {
            let anchor = shift(date("2026-01-20"), anchor);
            let period = if week_period { Period::Week } else { Period::Month };
            let weeks = visible_weeks(anchor, period, crate::model::calendar::weekday_from_index(first_day));
            let month = layout(&MonthInput {
                weeks: &weeks,
                month: (period == Period::Month).then(|| (anchor.year(), anchor.month())),
                calendar: &office(),
                deadline: None,
                today: anchor,
                entries: &entries,
                deadlines: &[],
                lanes,
            });
            prop_assert!(month.weeks.iter().any(|row| row.week.contains(anchor)));
            for entry in &entries {
                prop_assert_eq!(month.entry(entry.task), Some(entry));
            }
            for pair in month.weeks.windows(2) {
                prop_assert_eq!(pair[0].week.next(), pair[1].week);
            }
            for row in &month.weeks {
                for entry in &entries {
                    let segments: Vec<&Bar> = row.bars.iter().filter(|bar| bar.task == entry.task).collect();
                    let spans = entry.start <= row.week.end() && entry.end >= row.week.start;
                    prop_assert_eq!(segments.len(), usize::from(spans));
                    if let Some(bar) = segments.first() {
                        prop_assert_eq!(row.week.days()[bar.first], entry.start.max(row.week.start));
                        prop_assert_eq!(row.week.days()[bar.last], entry.end.min(row.week.end()));
                    }
                }
                for (index, bar) in row.bars.iter().enumerate() {
                    for other in &row.bars[index + 1..] {
                        let overlap = bar.first <= other.last && other.first <= bar.last;
                        prop_assert!(bar.lane != other.lane || !overlap, "bars share a lane and a day");
                    }
                }
                for (index, day) in row.days.iter().enumerate() {
                    let covering = entries
                        .iter()
                        .filter(|entry| entry.start <= day.date && entry.end >= day.date)
                        .count();
                    let shown = row.bars.iter().filter(|bar| bar.lane < lanes && bar.covers(index)).count();
                    prop_assert_eq!(shown + day.more, covering);
                    prop_assert_eq!(month.hidden_on(day.date).len(), day.more);
                }
            }
        }
    }
}
