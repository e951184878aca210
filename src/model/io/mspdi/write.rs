//! Ironplan → MSPDI, in the element order of Microsoft's MSPDI schema (as MS Project itself
//! writes it), so that MS Project, ProjectLibre and GanttProject open the file.
//!
//! Days become moments with the usual office day: work starts at 08:00 and finishes at 17:00,
//! eight hours a day. Task UIDs come from [`super::stable_uid`]; GUIDs are the Ironplan ids.

use super::calendar::{day_runs, day_type_of_weekday};
use super::uid::assign_uids;
use super::{LossKind, Losses, MspdiExport, NAMESPACE};
use crate::model::{
    Calendar, ColumnCategory, Constraint, ConstraintKind, Currency, Hours, LinkKind, Money, Person,
    PersonId, Priority, Project, Task, TaskId,
};
use chrono::{NaiveDate, Weekday};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Minutes of work in one day of an exported plan.
pub(crate) const MINUTES_PER_DAY: i64 = 480;

/// The tag that marks a task inactive in MS Project (`Active` 0) both ways.
pub(crate) const INACTIVE_TAG: &str = "Inactive";

/// Writes `project` as MS Project XML, with the people its team names, and lists what the XML
/// cannot carry.
pub fn write_mspdi(project: &Project, people: &[Person]) -> MspdiExport {
    let mut out = Xml::default();
    let mut losses = Losses::default();
    let order = outline_order(project);
    let uids = assign_uids(order.iter().map(|(task, _)| task.id));
    let team: Vec<&Person> = project
        .team()
        .iter()
        .filter_map(|id| people.iter().find(|person| person.id == *id))
        .collect();
    let resource_uids: HashMap<PersonId, usize> = team
        .iter()
        .enumerate()
        .map(|(index, person)| (person.id, index + 1))
        .collect();
    let currency = project.budget.currency;
    let working_days = project.calendar.working_weekdays.days().count() as i64;
    let finish = project
        .deadline
        .or_else(|| project.tasks().iter().map(|task| task.end).max())
        .unwrap_or(project.start)
        .max(project.start);
    let summaries: std::collections::HashSet<TaskId> = project
        .tasks()
        .iter()
        .filter_map(|task| task.parent)
        .collect();

    out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    out.raw(&format!("<Project xmlns=\"{NAMESPACE}\">\n"));
    out.field(1, "SaveVersion", "14");
    out.field(1, "Name", &format!("{}.xml", project.name));
    out.field(1, "Title", &project.name);
    out.field(1, "GUID", &guid(project.id.uuid()));
    out.field(1, "ScheduleFromStart", "1");
    out.field(1, "StartDate", &start_moment(project.start));
    out.field(1, "FinishDate", &finish_moment(finish));
    out.field(1, "CurrencyDigits", &currency.minor_digits().to_string());
    out.field(1, "CurrencyCode", currency.code());
    out.field(1, "CalendarUID", "1");
    out.field(1, "DefaultStartTime", "08:00:00");
    out.field(1, "DefaultFinishTime", "17:00:00");
    out.field(1, "MinutesPerDay", &MINUTES_PER_DAY.to_string());
    out.field(
        1,
        "MinutesPerWeek",
        &(MINUTES_PER_DAY * working_days).to_string(),
    );
    out.field(1, "DaysPerMonth", "20");
    out.field(1, "DurationFormat", "7");
    out.field(1, "WorkFormat", "2");
    out.field(1, "HonorConstraints", "1");
    out.field(1, "WeekStartDay", "1");
    write_calendar(&mut out, &project.calendar);

    out.open(1, "Tasks");
    out.open(2, "Task");
    out.field(3, "UID", "0");
    out.field(3, "ID", "0");
    out.field(3, "Name", &project.name);
    out.field(3, "Active", "1");
    out.field(3, "Manual", "0");
    out.field(3, "IsNull", "0");
    out.field(3, "WBS", "0");
    out.field(3, "OutlineNumber", "0");
    out.field(3, "OutlineLevel", "0");
    out.field(3, "Start", &start_moment(project.start));
    out.field(3, "Finish", &finish_moment(finish));
    out.field(3, "Summary", "1");
    if !project.description.is_empty() {
        out.field(3, "Notes", &project.description);
    }
    out.close(2, "Task");
    let rate_of = |task: &Task| {
        task.assignee
            .and_then(|id| people.iter().find(|person| person.id == id))
            .map(|person| person.hourly_rate)
            .unwrap_or(Money::ZERO)
    };
    let baseline = project.baseline();
    // Summary dates rolled up from their subtasks, as every reader of baseline dates takes them.
    let baseline_dates = baseline.map(|baseline| baseline.dates(project));
    for (row, (task, outline)) in order.iter().enumerate() {
        let is_summary = summaries.contains(&task.id);
        let level = outline.split('.').count();
        out.open(2, "Task");
        out.field(3, "UID", &uids[&task.id].to_string());
        out.field(3, "GUID", &guid(task.id.uuid()));
        out.field(3, "ID", &(row + 1).to_string());
        out.field(3, "Name", &task.title);
        let inactive = task
            .tags
            .iter()
            .any(|tag| tag.eq_ignore_ascii_case(INACTIVE_TAG));
        out.field(3, "Active", if inactive { "0" } else { "1" });
        out.field(3, "Manual", "0");
        out.field(3, "IsNull", "0");
        out.field(3, "CreateDate", &start_moment(task.created));
        out.field(3, "WBS", outline);
        out.field(3, "OutlineNumber", outline);
        out.field(3, "OutlineLevel", &level.to_string());
        out.field(3, "Priority", priority_code(task.priority));
        out.field(3, "Start", &start_moment(task.start));
        let end_moment = if task.milestone {
            start_moment(task.start)
        } else {
            finish_moment(task.end)
        };
        out.field(3, "Finish", &end_moment);
        let days = if task.milestone {
            0
        } else {
            i64::from(
                project
                    .calendar
                    .working_days_inclusive(task.start, task.end),
            )
        };
        out.field(3, "Duration", &duration(days * MINUTES_PER_DAY * 60));
        out.field(3, "DurationFormat", "7");
        let work = if is_summary {
            project
                .descendants(task.id)
                .iter()
                .filter(|id| !summaries.contains(*id))
                .filter_map(|id| project.find_task(*id))
                .map(|task| task.estimate)
                .sum()
        } else {
            task.estimate
        };
        out.field(3, "Work", &duration(i64::from(work.centi()) * 36));
        out.field(3, "Milestone", if task.milestone { "1" } else { "0" });
        out.field(3, "Summary", if is_summary { "1" } else { "0" });
        out.field(3, "FixedCost", &amount(task.fixed_cost, currency));
        out.field(3, "PercentComplete", &task.progress.percent().to_string());
        let cost = if is_summary {
            Money::ZERO
        } else {
            task_cost(task, rate_of(task))
        };
        out.field(3, "Cost", &amount(cost, currency));
        if task.progress.percent() == 100 {
            out.field(3, "ActualStart", &start_moment(task.start));
            let finished = task.completed.unwrap_or(task.end).max(task.start);
            out.field(3, "ActualFinish", &finish_moment(finished));
        }
        out.field(
            3,
            "ConstraintType",
            &task.constraint.kind().mspdi_code().to_string(),
        );
        out.field(3, "CalendarUID", "-1");
        if let Some(date) = task.constraint.date() {
            out.field(
                3,
                "ConstraintDate",
                &constraint_moment(task.constraint, date),
            );
        }
        if let Some(deadline) = task.deadline {
            out.field(3, "Deadline", &finish_moment(deadline));
        }
        if !task.description.is_empty() {
            out.field(3, "Notes", &task.description);
        }
        for dependency in &task.dependencies {
            let Some(predecessor) = uids.get(&dependency.predecessor) else {
                continue;
            };
            out.open(3, "PredecessorLink");
            out.field(4, "PredecessorUID", &predecessor.to_string());
            out.field(4, "Type", link_code(dependency.kind));
            out.field(4, "CrossProject", "0");
            out.field(
                4,
                "LinkLag",
                &(i64::from(dependency.lag) * MINUTES_PER_DAY * 10).to_string(),
            );
            out.field(4, "LagFormat", "7");
            out.close(3, "PredecessorLink");
        }
        let span = baseline_dates.as_ref().and_then(|dates| dates.get(task.id));
        if let (Some(snapshot), Some(span)) =
            (baseline.and_then(|baseline| baseline.task(task.id)), span)
        {
            out.open(3, "Baseline");
            out.field(4, "Number", "0");
            out.field(4, "Start", &start_moment(span.start));
            let end = if span.milestone {
                start_moment(span.start)
            } else {
                finish_moment(span.end)
            };
            out.field(4, "Finish", &end);
            let days = if span.milestone {
                0
            } else {
                i64::from(
                    project
                        .calendar
                        .working_days_inclusive(span.start, span.end),
                )
            };
            out.field(4, "Duration", &duration(days * MINUTES_PER_DAY * 60));
            out.field(4, "DurationFormat", "7");
            out.field(
                4,
                "Work",
                &duration(i64::from(snapshot.estimate.centi()) * 36),
            );
            let cost = Money(
                snapshot.fixed_cost.0
                    + (snapshot.hourly_rate.0 as f64 * snapshot.estimate.as_f64()).round() as i64,
            );
            out.field(4, "Cost", &amount(cost, currency));
            out.close(3, "Baseline");
        }
        out.close(2, "Task");
    }
    out.close(1, "Tasks");

    out.open(1, "Resources");
    for (index, person) in team.iter().enumerate() {
        out.open(2, "Resource");
        out.field(3, "UID", &(index + 1).to_string());
        out.field(3, "GUID", &guid(person.id.uuid()));
        out.field(3, "ID", &(index + 1).to_string());
        out.field(3, "Name", &person.name);
        out.field(3, "Type", "1");
        out.field(3, "IsNull", "0");
        if !person.role.is_empty() {
            out.field(3, "Group", &person.role);
        }
        let week_hours = (MINUTES_PER_DAY * working_days) as f64 / 60.0;
        out.field(
            3,
            "MaxUnits",
            &max_units(person.weekly_capacity, week_hours),
        );
        out.field(3, "StandardRate", &major(person.hourly_rate, currency));
        out.field(3, "StandardRateFormat", "2");
        out.close(2, "Resource");
    }
    out.close(1, "Resources");

    out.open(1, "Assignments");
    let mut assignment = 0;
    for (task, _) in &order {
        let Some(resource) = task.assignee.and_then(|id| resource_uids.get(&id)) else {
            continue;
        };
        // A summary task's own estimate counts for nothing in Ironplan; its work is its subtasks'.
        let (work, cost) = if summaries.contains(&task.id) {
            (Hours::ZERO, Money::ZERO)
        } else {
            (task.estimate, task_cost(task, rate_of(task)))
        };
        assignment += 1;
        out.open(2, "Assignment");
        out.field(3, "UID", &assignment.to_string());
        out.field(3, "TaskUID", &uids[&task.id].to_string());
        out.field(3, "ResourceUID", &resource.to_string());
        out.field(3, "Cost", &amount(cost, currency));
        let end = if task.milestone {
            start_moment(task.start)
        } else {
            finish_moment(task.end)
        };
        out.field(3, "Finish", &end);
        out.field(3, "Start", &start_moment(task.start));
        out.field(3, "Units", "1");
        out.field(3, "Work", &duration(i64::from(work.centi()) * 36));
        out.close(2, "Assignment");
    }
    out.close(1, "Assignments");
    out.raw("</Project>\n");

    report_export_losses(project, &mut losses);
    MspdiExport {
        xml: out.text,
        losses: losses.into_vec(),
    }
}

fn report_export_losses(project: &Project, losses: &mut Losses) {
    let expected_column = |task: &Task| {
        let category = match task.progress.percent() {
            100 => ColumnCategory::Done,
            0 => ColumnCategory::Todo,
            _ => ColumnCategory::InProgress,
        };
        project.first_column_of(category).map(|column| column.id)
    };
    for task in project.tasks() {
        if expected_column(task) != Some(task.column) {
            losses.one(LossKind::BoardColumns);
        }
        losses.add(
            LossKind::Tags,
            task.tags
                .iter()
                .filter(|tag| !tag.eq_ignore_ascii_case(INACTIVE_TAG))
                .count(),
        );
        losses.add(LossKind::TimeEntries, task.time_entries.len());
        if task.actual_fixed_cost != Money::ZERO {
            losses.one(LossKind::ActualFixedCosts);
        }
    }
    losses.add(LossKind::Risks, project.risks().len());
    losses.add(
        LossKind::EarlierBaselines,
        project.baselines().len().saturating_sub(1),
    );
    losses.add(
        LossKind::History,
        project.scope_log().len() + project.standups().len() + project.reports().len(),
    );
    if project.budget.amount != Money::ZERO {
        losses.one(LossKind::Budget);
    }
}

/// Tasks in outline order (each summary followed by its subtasks, siblings in plan order), with
/// their outline numbers ("1", "1.2", …).
fn outline_order(project: &Project) -> Vec<(&Task, String)> {
    let mut children: HashMap<Option<TaskId>, Vec<&Task>> = HashMap::new();
    for task in project.tasks() {
        let parent = task
            .parent
            .filter(|parent| project.find_task(*parent).is_some());
        children.entry(parent).or_default().push(task);
    }
    let mut order = Vec::with_capacity(project.tasks().len());
    let mut waiting: Vec<(&Task, String)> = children
        .get(&None)
        .map(|roots| {
            roots
                .iter()
                .enumerate()
                .rev()
                .map(|(index, task)| (*task, (index + 1).to_string()))
                .collect()
        })
        .unwrap_or_default();
    while let Some((task, number)) = waiting.pop() {
        if order.len() > project.tasks().len() {
            break;
        }
        if let Some(kids) = children.get(&Some(task.id)) {
            for (index, child) in kids.iter().enumerate().rev() {
                waiting.push((*child, format!("{number}.{}", index + 1)));
            }
        }
        order.push((task, number));
    }
    order
}

fn write_calendar(out: &mut Xml, calendar: &Calendar) {
    // Holidays are exceptions that do not work; working days on non-working weekdays (a
    // Saturday release) are exceptions that do.
    let runs: Vec<(NaiveDate, NaiveDate, bool)> = day_runs(&calendar.holidays)
        .into_iter()
        .map(|(first, last)| (first, last, false))
        .chain(
            day_runs(&calendar.working_days)
                .into_iter()
                .map(|(first, last)| (first, last, true)),
        )
        .collect();
    out.open(1, "Calendars");
    out.open(2, "Calendar");
    out.field(3, "UID", "1");
    out.field(3, "Name", "Standard");
    out.field(3, "IsBaseCalendar", "1");
    out.field(3, "IsBaselineCalendar", "0");
    out.field(3, "BaseCalendarUID", "-1");
    out.open(3, "WeekDays");
    for day in [
        Weekday::Sun,
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
    ] {
        let working = calendar.working_weekdays.contains(day);
        out.open(4, "WeekDay");
        out.field(5, "DayType", &day_type_of_weekday(day).to_string());
        out.field(5, "DayWorking", if working { "1" } else { "0" });
        if working {
            write_office_hours(out, 5);
        }
        out.close(4, "WeekDay");
    }
    for (first, last, working) in &runs {
        out.open(4, "WeekDay");
        out.field(5, "DayType", "0");
        out.field(5, "DayWorking", if *working { "1" } else { "0" });
        out.open(5, "TimePeriod");
        out.field(6, "FromDate", &format!("{first}T00:00:00"));
        out.field(6, "ToDate", &format!("{last}T23:59:00"));
        out.close(5, "TimePeriod");
        if *working {
            write_office_hours(out, 5);
        }
        out.close(4, "WeekDay");
    }
    out.close(3, "WeekDays");
    if !runs.is_empty() {
        out.open(3, "Exceptions");
        for (first, last, working) in &runs {
            out.open(4, "Exception");
            out.field(5, "EnteredByOccurrences", "0");
            out.open(5, "TimePeriod");
            out.field(6, "FromDate", &format!("{first}T00:00:00"));
            out.field(6, "ToDate", &format!("{last}T23:59:00"));
            out.close(5, "TimePeriod");
            out.field(5, "Occurrences", "1");
            out.field(5, "Name", if *working { "Working day" } else { "Holiday" });
            out.field(5, "Type", "1");
            out.field(5, "DayWorking", if *working { "1" } else { "0" });
            if *working {
                write_office_hours(out, 5);
            }
            out.close(4, "Exception");
        }
        out.close(3, "Exceptions");
    }
    out.close(2, "Calendar");
    out.close(1, "Calendars");
}

fn write_office_hours(out: &mut Xml, depth: usize) {
    out.open(depth, "WorkingTimes");
    for (from, to) in [("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")] {
        out.open(depth + 1, "WorkingTime");
        out.field(depth + 2, "FromTime", from);
        out.field(depth + 2, "ToTime", to);
        out.close(depth + 1, "WorkingTime");
    }
    out.close(depth, "WorkingTimes");
}

fn task_cost(task: &Task, rate: Money) -> Money {
    Money(task.fixed_cost.0 + (rate.0 as f64 * task.estimate.as_f64()).round() as i64)
}

fn guid(uuid: uuid::Uuid) -> String {
    uuid.hyphenated().to_string().to_uppercase()
}

fn start_moment(date: NaiveDate) -> String {
    format!("{date}T08:00:00")
}

fn finish_moment(date: NaiveDate) -> String {
    format!("{date}T17:00:00")
}

fn constraint_moment(constraint: Constraint, date: NaiveDate) -> String {
    match constraint.kind() {
        ConstraintKind::FinishNoEarlierThan
        | ConstraintKind::FinishNoLaterThan
        | ConstraintKind::MustFinishOn => finish_moment(date),
        _ => start_moment(date),
    }
}

/// An xsd:duration in hours, minutes and seconds, as MS Project writes it (`PT8H0M0S`).
fn duration(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let seconds = seconds.abs();
    format!(
        "{sign}PT{}H{}M{}S",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

fn priority_code(priority: Priority) -> &'static str {
    match priority {
        Priority::Low => "300",
        Priority::Medium => "500",
        Priority::High => "700",
        Priority::Urgent => "900",
    }
}

fn link_code(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::FinishToFinish => "0",
        LinkKind::FinishToStart => "1",
        LinkKind::StartToFinish => "2",
        LinkKind::StartToStart => "3",
    }
}

/// Minor units as a decimal number of major units ("12.5" for 1250 cents).
fn major(money: Money, currency: Currency) -> String {
    decimal(i128::from(money.0), currency.minor_digits())
}

/// Minor units as MSPDI writes money: hundredths of the major unit.
fn amount(money: Money, currency: Currency) -> String {
    let digits = currency.minor_digits();
    if digits <= 2 {
        (i128::from(money.0) * 10i128.pow(2 - digits)).to_string()
    } else {
        decimal(i128::from(money.0), digits - 2)
    }
}

/// `value / 10^digits` written exactly, without trailing zeros.
fn decimal(value: i128, digits: u32) -> String {
    let scale = 10i128.pow(digits);
    let sign = if value < 0 { "-" } else { "" };
    let value = value.abs();
    let whole = value / scale;
    let fraction = value % scale;
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{fraction:0width$}", width = digits as usize);
    format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
}

/// A weekly capacity as MS Project's maximum units (1 is a full working week).
fn max_units(capacity: Hours, week_hours: f64) -> String {
    let units = capacity.as_f64() / week_hours.max(1.0);
    let text = format!("{units:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// A small indenting XML writer; text is escaped, names are constants.
#[derive(Default)]
struct Xml {
    text: String,
}

impl Xml {
    fn raw(&mut self, text: &str) {
        self.text.push_str(text);
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.text.push('\t');
        }
    }

    fn open(&mut self, depth: usize, name: &str) {
        self.indent(depth);
        let _ = writeln!(self.text, "<{name}>");
    }

    fn close(&mut self, depth: usize, name: &str) {
        self.indent(depth);
        let _ = writeln!(self.text, "</{name}>");
    }

    fn field(&mut self, depth: usize, name: &str, value: &str) {
        self.indent(depth);
        let _ = writeln!(
            self.text,
            "<{name}>{}</{name}>",
            quick_xml::escape::escape(value)
        );
    }
}
