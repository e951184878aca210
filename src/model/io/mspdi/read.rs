//! MSPDI → Ironplan: the project, its calendar, tasks, links, resources and baselines.
//!
//! Dates are taken as the file states them, in its wall-clock time. Ironplan's days are whole
//! and a task's end is inclusive, so a finish at 00:00 or at (or before) the day's default start
//! time is the previous working day. A start at or after the default finish time is the next
//! working day. Every rule is in `docs/interchange.md`.

use super::calendar::{read_calendar, Window};
use super::xml::{self, Element};
use super::{ImportCounts, LossKind, Losses, MspdiError, MspdiImport, NAMESPACE};
use crate::model::calendar::{date_in_range, shift, MAX_DATE, MIN_DATE};
use crate::model::ids::BaselineId;
use crate::model::io::{
    FormatTag, Limits, ProjectFile, ProjectKind, CURRENT_VERSION, DEFAULT_LIMITS,
};
use crate::model::task::MAX_LAG_DAYS;
use crate::model::text::{clean_block, clean_line, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::model::{
    graph, validate, Baseline, BaselineTask, Calendar, ColumnCategory, ConstraintKind, Currency,
    Dependency, Hours, IdSource, LinkKind, Money, Person, PersonId, Priority, Progress, Project,
    ProjectId, Task, TaskId,
};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use uuid::Uuid;

/// Reads an MSPDI file with the plan-file limits.
pub fn read_mspdi(
    bytes: &[u8],
    today: NaiveDate,
    ids: &mut dyn IdSource,
) -> Result<MspdiImport, MspdiError> {
    read_mspdi_with(bytes, today, ids, &DEFAULT_LIMITS)
}

/// Reads an MSPDI file within `limits`: decodes it (UTF-8, or UTF-16 with a BOM), parses it
/// safely, checks it is MS Project XML, maps it onto a project and validates the result.
pub fn read_mspdi_with(
    bytes: &[u8],
    today: NaiveDate,
    ids: &mut dyn IdSource,
    limits: &Limits,
) -> Result<MspdiImport, MspdiError> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(MspdiError::TooLarge {
            size: bytes.len() as u64,
            limit: limits.max_bytes,
        });
    }
    let text = xml::decode_text(bytes)?;
    if text.trim().is_empty() {
        return Err(MspdiError::Empty);
    }
    let root = xml::parse(&text, limits)?;
    if root.name != "Project" || root.namespace.as_deref() != Some(NAMESPACE) {
        return Err(MspdiError::NotMsProject);
    }
    Reader::new(&root, today, ids).read()
}

/// How the file measures time.
pub(crate) struct Clock {
    pub minutes_per_day: f64,
    pub minutes_per_week: f64,
    pub day_start: NaiveTime,
    pub day_finish: NaiveTime,
}

impl Clock {
    fn of(root: &Element) -> Clock {
        let minutes = |name: &str, default: f64| {
            root.text_of(name)
                .and_then(|text| text.parse::<f64>().ok())
                .filter(|value| *value >= 1.0 && value.is_finite())
                .unwrap_or(default)
        };
        let time = |name: &str, default: NaiveTime| {
            root.text_of(name)
                .and_then(|text| NaiveTime::parse_from_str(text, "%H:%M:%S").ok())
                .unwrap_or(default)
        };
        Clock {
            minutes_per_day: minutes("MinutesPerDay", 480.0),
            minutes_per_week: minutes("MinutesPerWeek", 2400.0),
            day_start: time(
                "DefaultStartTime",
                NaiveTime::from_hms_opt(8, 0, 0).expect("a time"),
            ),
            day_finish: time(
                "DefaultFinishTime",
                NaiveTime::from_hms_opt(17, 0, 0).expect("a time"),
            ),
        }
    }
}

/// A date-time as MSPDI writes it (`2018-10-18T08:00:00`).
pub(crate) fn moment(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M"))
        .ok()
}

/// The first day of work for a start moment: the next working day when it starts at or after
/// the day's default finish time.
pub(crate) fn start_day(start: NaiveDateTime, clock: &Clock, calendar: &Calendar) -> NaiveDate {
    if start.time() >= clock.day_finish {
        calendar.next_working_day(shift(start.date(), 1))
    } else {
        start.date()
    }
}

/// The last day of work (inclusive) for a finish moment: the previous working day when it
/// finishes at 00:00 or at (or before) the day's default start time.
pub(crate) fn finish_day(finish: NaiveDateTime, clock: &Clock, calendar: &Calendar) -> NaiveDate {
    if finish.time() <= clock.day_start {
        calendar.previous_working_day(shift(finish.date(), -1))
    } else {
        finish.date()
    }
}

/// Minutes in an xsd:duration such as `PT8H0M0S` or `P2DT4H` (a day counts 24 hours here; MS
/// Project writes hours only).
pub(crate) fn duration_minutes(text: &str) -> Option<f64> {
    let text = text.trim();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let rest = text.strip_prefix('P')?;
    let mut minutes = 0.0;
    let mut number = String::new();
    let mut in_time = false;
    for c in rest.chars() {
        match c {
            'T' => in_time = true,
            '0'..='9' | '.' => number.push(c),
            unit => {
                let value: f64 = number.parse().ok()?;
                number.clear();
                minutes += value
                    * match (unit, in_time) {
                        ('Y', false) => 365.0 * 1440.0,
                        ('M', false) => 30.0 * 1440.0,
                        ('W', false) => 7.0 * 1440.0,
                        ('D', false) => 1440.0,
                        ('H', true) => 60.0,
                        ('M', true) => 1.0,
                        ('S', true) => 1.0 / 60.0,
                        _ => return None,
                    };
            }
        }
    }
    if !number.is_empty() || !minutes.is_finite() {
        return None;
    }
    Some(if negative { -minutes } else { minutes })
}

/// An MSPDI amount in hundredths of the currency's major unit, as Ironplan minor units.
pub(crate) fn money_of(text: &str, currency: Currency) -> Option<Money> {
    let value: f64 = text.trim().parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let minor = value / 100.0 * 10f64.powi(currency.minor_digits() as i32);
    Some(Money(minor.round().clamp(0.0, Money::MAX.0 as f64) as i64))
}

/// MS Project's priority (0–1000) as an Ironplan priority.
pub(crate) fn priority_of(value: i64) -> Priority {
    match value {
        i64::MIN..=399 => Priority::Low,
        400..=599 => Priority::Medium,
        600..=799 => Priority::High,
        _ => Priority::Urgent,
    }
}

fn number(element: &Element, name: &str) -> Option<i64> {
    element.text_of(name).and_then(|text| {
        text.parse::<i64>().ok().or_else(|| {
            text.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(|v| v.round() as i64)
        })
    })
}

fn decimal(element: &Element, name: &str) -> Option<f64> {
    element
        .text_of(name)
        .and_then(|text| text.parse::<f64>().ok())
        .filter(|value| value.is_finite())
}

fn flag(element: &Element, name: &str) -> bool {
    element
        .text_of(name)
        .is_some_and(|text| text == "1" || text.eq_ignore_ascii_case("true"))
}

fn guid(element: &Element) -> Option<Uuid> {
    element
        .text_of("GUID")
        .and_then(|text| Uuid::parse_str(text).ok())
        .filter(|uuid| !uuid.is_nil())
}

/// A task row before links are resolved.
struct Row<'a> {
    element: &'a Element,
    task: Task,
    uid: Option<i64>,
}

struct Reader<'a, 'i> {
    root: &'a Element,
    today: NaiveDate,
    ids: &'i mut dyn IdSource,
    losses: Losses,
    clock: Clock,
    currency: Currency,
    calendar: Calendar,
}

impl<'a, 'i> Reader<'a, 'i> {
    fn new(root: &'a Element, today: NaiveDate, ids: &'i mut dyn IdSource) -> Self {
        Reader {
            root,
            today,
            ids,
            losses: Losses::default(),
            clock: Clock::of(root),
            currency: root
                .text_of("CurrencyCode")
                .and_then(|code| Currency::parse(code).ok())
                .unwrap_or_default(),
            calendar: Calendar::default(),
        }
    }

    fn in_range(&mut self, date: NaiveDate) -> NaiveDate {
        if date_in_range(date) {
            date
        } else {
            self.losses.one(LossKind::DatesOutOfRange);
            date.clamp(MIN_DATE, MAX_DATE)
        }
    }

    fn read(mut self) -> Result<MspdiImport, MspdiError> {
        let root = self.root;
        let project_start = root
            .text_of("StartDate")
            .and_then(moment)
            .map(|start| start.date())
            .unwrap_or(self.today);
        let project_start = self.in_range(project_start);
        let project_finish = root.text_of("FinishDate").and_then(moment);
        let window = Window::of_plan(
            project_start,
            project_finish
                .map(|finish| finish.date())
                .unwrap_or(project_start),
        );
        self.calendar = read_calendar(root, window, &mut self.losses);
        let deadline = project_finish
            .map(|finish| finish_day(finish, &self.clock, &self.calendar))
            .filter(|finish| *finish >= project_start && date_in_range(*finish));

        let project_id = guid(root)
            .map(ProjectId)
            .unwrap_or_else(|| ProjectId::new(self.ids));
        let name = root
            .text_of("Title")
            .map(clean_line)
            .filter(|title| !title.is_empty())
            .or_else(|| {
                root.text_of("Name").map(|name| {
                    let name = clean_line(name);
                    match name.len().checked_sub(4) {
                        Some(cut)
                            if name.is_char_boundary(cut)
                                && name[cut..].eq_ignore_ascii_case(".xml") =>
                        {
                            name[..cut].to_string()
                        }
                        _ => name,
                    }
                })
            })
            .filter(|name| !name.is_empty())
            .map(|name| self.shorten_line(name))
            .unwrap_or_else(|| "Imported project".to_string());
        let mut project = Project::new(project_id, &name, project_start, self.currency, self.ids)
            .map_err(|error| MspdiError::Invalid(error.to_string()))?;
        let mut details = project.details();
        details.deadline = deadline;
        details.calendar = self.calendar.clone();
        project
            .update_details(details)
            .map_err(|error| MspdiError::Invalid(error.to_string()))?;

        let (people, resources) = self.read_resources();
        for person in &people {
            project.add_member(person.id);
        }
        let mut rows = self.read_tasks(&project);
        let by_uid: HashMap<i64, TaskId> = {
            let mut map = HashMap::new();
            for row in &rows {
                if let Some(uid) = row.uid {
                    map.entry(uid).or_insert(row.task.id);
                }
            }
            map
        };
        self.assign(&mut rows, &resources, &people);
        self.link(&mut rows, &by_uid);
        let mut tasks: Vec<Arc<Task>> = rows.iter().map(|row| Arc::new(row.task.clone())).collect();
        self.break_loops(&mut tasks);
        let dependencies = tasks.iter().map(|task| task.dependencies.len()).sum();
        let baselines = self.read_baselines(&rows, &tasks, &people, &resources);
        let counts = ImportCounts {
            tasks: tasks.len(),
            dependencies,
            people: people.len(),
            baselines: baselines.len(),
        };
        *project.tasks_mut() = tasks;
        *project.baselines_mut() = baselines;

        let mut people = people;
        validate::people(&mut people).map_err(|error| MspdiError::Invalid(error.to_string()))?;
        let roster: HashSet<PersonId> = people.iter().map(|person| person.id).collect();
        validate::project(&mut project, &roster)
            .map_err(|error| MspdiError::Invalid(error.to_string()))?;
        Ok(MspdiImport {
            file: ProjectFile {
                revision: None,
                format: FormatTag::Ironplan,
                version: CURRENT_VERSION,
                kind: ProjectKind::Project,
                project,
                people,
            },
            counts,
            losses: self.losses.into_vec(),
        })
    }

    fn shorten_line(&mut self, text: String) -> String {
        if text.chars().count() > MAX_NAME_CHARS {
            self.losses.one(LossKind::TextShortened);
            text.chars().take(MAX_NAME_CHARS).collect()
        } else {
            text
        }
    }

    fn shorten_block(&mut self, text: String) -> String {
        if text.chars().count() > MAX_TEXT_CHARS {
            self.losses.one(LossKind::TextShortened);
            text.chars().take(MAX_TEXT_CHARS).collect()
        } else {
            text
        }
    }

    /// Work resources become people; the map gives every resource UID its person (or `None`
    /// for material and cost resources).
    fn read_resources(&mut self) -> (Vec<Person>, HashMap<i64, Option<PersonId>>) {
        let mut people: Vec<Person> = Vec::new();
        let mut map = HashMap::new();
        let mut seen = HashSet::new();
        let root = self.root;
        for resource in root.list("Resources", "Resource") {
            let Some(uid) = number(resource, "UID") else {
                continue;
            };
            let name = resource.text_of("Name").map(clean_line).unwrap_or_default();
            if flag(resource, "IsNull") || (name.is_empty() && uid == 0) {
                continue;
            }
            let kind = number(resource, "Type").unwrap_or(1);
            if kind != 1 || flag(resource, "IsCostResource") {
                self.losses.one(LossKind::MaterialOrCostResources);
                map.insert(uid, None);
                continue;
            }
            let id = guid(resource)
                .filter(|uuid| seen.insert(*uuid))
                .map(PersonId)
                .unwrap_or_else(|| PersonId::new(self.ids));
            let name = if name.is_empty() {
                format!("Resource {uid}")
            } else {
                self.shorten_line(name)
            };
            let mut person = Person::new(id, name);
            if let Some(rate) = decimal(resource, "StandardRate") {
                let minor = rate * 10f64.powi(self.currency.minor_digits() as i32);
                person.hourly_rate = Money(minor.round().clamp(0.0, Money::MAX.0 as f64) as i64);
            }
            if let Some(units) = decimal(resource, "MaxUnits") {
                // Some writers give percent (100) rather than a fraction (1.00).
                let fraction = if units > 10.0 { units / 100.0 } else { units };
                let hours = fraction.max(0.0) * self.clock.minutes_per_week / 60.0;
                if hours > 168.0 {
                    self.losses.one(LossKind::CapacityCapped);
                }
                person.weekly_capacity =
                    Hours::from_f64(hours.min(168.0)).unwrap_or(Hours::whole(40));
            }
            map.insert(uid, Some(id));
            people.push(person);
        }
        (people, map)
    }

    fn read_tasks(&mut self, project: &Project) -> Vec<Row<'a>> {
        let column_of = |category| {
            project
                .first_column_of(category)
                .map(|column| column.id)
                .unwrap_or_else(|| project.columns()[0].id)
        };
        let todo = column_of(ColumnCategory::Todo);
        let doing = column_of(ColumnCategory::InProgress);
        let done = column_of(ColumnCategory::Done);
        let mut rows: Vec<Row<'a>> = Vec::new();
        let mut seen = HashSet::new();
        // (outline level, index in rows) of the open summary chain.
        let mut chain: Vec<(usize, usize)> = Vec::new();
        let root = self.root;
        for element in root.list("Tasks", "Task") {
            let uid = number(element, "UID");
            let level = outline_level(element);
            if level == 0
                && rows.is_empty()
                && (uid == Some(0) || element.text_of("OutlineLevel") == Some("0"))
            {
                continue; // the project summary task
            }
            if flag(element, "IsNull") {
                self.losses.one(LossKind::NullRowsSkipped);
                continue;
            }
            let level = level.max(1);
            while chain.last().is_some_and(|(open, _)| *open >= level) {
                chain.pop();
            }
            let parent = chain.last().map(|(_, index)| rows[*index].task.id);
            let id = guid(element)
                .filter(|uuid| seen.insert(*uuid))
                .map(TaskId)
                .unwrap_or_else(|| TaskId::new(self.ids));
            let title = element.text_of("Name").map(clean_line).unwrap_or_default();
            let title = if title.is_empty() {
                self.losses.one(LossKind::UnnamedTasks);
                let number = element
                    .text_of("ID")
                    .or(element.text_of("UID"))
                    .unwrap_or("")
                    .to_string();
                format!("Task {number}").trim().to_string()
            } else {
                self.shorten_line(title)
            };
            let milestone = flag(element, "Milestone");
            let start_moment = element.text_of("Start").and_then(moment);
            let start = start_moment
                .map(|start| {
                    if milestone {
                        start.date()
                    } else {
                        start_day(start, &self.clock, &self.calendar)
                    }
                })
                .unwrap_or(project.start);
            let start = self.in_range(start);
            let end = if milestone {
                start
            } else {
                element
                    .text_of("Finish")
                    .and_then(moment)
                    .map(|finish| finish_day(finish, &self.clock, &self.calendar))
                    .map(|end| self.in_range(end))
                    .unwrap_or(start)
                    .max(start)
            };
            let created = element
                .text_of("CreateDate")
                .and_then(moment)
                .map(|created| created.date())
                .filter(|date| date_in_range(*date))
                .unwrap_or(self.today);
            let mut task = Task::new(id, title, todo, start, created);
            task.end = end;
            task.milestone = milestone;
            task.parent = parent;
            task.description =
                self.shorten_block(clean_block(element.text_of("Notes").unwrap_or("")));
            if let Some(minutes) = element.text_of("Work").and_then(duration_minutes) {
                task.estimate = Hours::from_f64((minutes / 60.0).max(0.0)).unwrap_or(Hours::MAX);
            }
            let percent = number(element, "PercentComplete")
                .unwrap_or(0)
                .clamp(0, 100);
            task.progress = Progress::new(percent).unwrap_or(Progress::NONE);
            task.column = match percent {
                100 => done,
                0 => todo,
                _ => doing,
            };
            if percent == 100 {
                let finished = element
                    .text_of("ActualFinish")
                    .and_then(moment)
                    .map(|finish| finish_day(finish, &self.clock, &self.calendar))
                    .filter(|date| date_in_range(*date))
                    .unwrap_or(end);
                task.completed = Some(finished);
            }
            task.priority = priority_of(number(element, "Priority").unwrap_or(500));
            if let Some(fixed) = element
                .text_of("FixedCost")
                .and_then(|text| money_of(text, self.currency))
            {
                task.fixed_cost = fixed;
            }
            task.deadline = element
                .text_of("Deadline")
                .and_then(moment)
                .map(|deadline| deadline_day(deadline))
                .filter(|date| date_in_range(*date));
            task.constraint = self.constraint_of(element);
            if flag(element, "Manual") {
                self.losses.one(LossKind::ManualScheduling);
                if matches!(
                    task.constraint.kind(),
                    ConstraintKind::AsSoonAsPossible | ConstraintKind::AsLateAsPossible
                ) {
                    task.constraint = ConstraintKind::StartNoEarlierThan.with_date(start);
                }
            }
            if element
                .text_of("Active")
                .is_some_and(|active| active == "0")
            {
                self.losses.one(LossKind::InactiveTasks);
                task.tags.push("Inactive".to_string());
            }
            if flag(element, "Recurring") {
                self.losses.one(LossKind::RecurringTasks);
            }
            if number(element, "CalendarUID").is_some_and(|uid| uid >= 0) {
                self.losses.one(LossKind::OtherCalendars);
            }
            self.losses.add(
                LossKind::CustomFieldValues,
                element.all("ExtendedAttribute").count(),
            );
            chain.push((level, rows.len()));
            rows.push(Row { element, task, uid });
        }
        // A milestone with subtasks is a summary task in Ironplan.
        let parents: HashSet<TaskId> = rows.iter().filter_map(|row| row.task.parent).collect();
        for row in &mut rows {
            if row.task.milestone && parents.contains(&row.task.id) {
                row.task.milestone = false;
                self.losses.one(LossKind::SummaryMilestones);
            }
            if parents.contains(&row.task.id) {
                row.task.estimate = Hours::ZERO;
            }
        }
        rows
    }

    fn constraint_of(&mut self, element: &Element) -> crate::model::Constraint {
        let kind = number(element, "ConstraintType")
            .and_then(|code| usize::try_from(code).ok())
            .and_then(|code| ConstraintKind::ALL.get(code).copied())
            .unwrap_or(ConstraintKind::AsSoonAsPossible);
        if !kind.has_date() {
            return kind.with_date(self.today);
        }
        let Some(at) = element.text_of("ConstraintDate").and_then(moment) else {
            return ConstraintKind::AsSoonAsPossible.with_date(self.today);
        };
        let finish_kind = matches!(
            kind,
            ConstraintKind::FinishNoEarlierThan
                | ConstraintKind::FinishNoLaterThan
                | ConstraintKind::MustFinishOn
        );
        let date = if finish_kind {
            finish_day(at, &self.clock, &self.calendar)
        } else {
            start_day(at, &self.clock, &self.calendar)
        };
        let date = self.in_range(date);
        kind.with_date(date)
    }

    /// Assignees from the first work assignment; the other work resources are named in the
    /// description. Reports task costs Ironplan will compute differently.
    fn assign(
        &mut self,
        rows: &mut [Row<'a>],
        resources: &HashMap<i64, Option<PersonId>>,
        people: &[Person],
    ) {
        let mut by_task: HashMap<i64, Vec<PersonId>> = HashMap::new();
        let root = self.root;
        for assignment in root.list("Assignments", "Assignment") {
            let (Some(task), Some(resource)) = (
                number(assignment, "TaskUID"),
                number(assignment, "ResourceUID"),
            ) else {
                continue;
            };
            if resource < 0 {
                continue; // MS Project's "unassigned" placeholder (-65535)
            }
            match resources.get(&resource) {
                Some(Some(person)) => {
                    let list = by_task.entry(task).or_default();
                    if !list.contains(person) {
                        list.push(*person);
                    }
                }
                Some(None) => {}
                None => self.losses.one(LossKind::UnknownResources),
            }
        }
        let parents: HashSet<TaskId> = rows.iter().filter_map(|row| row.task.parent).collect();
        for row in rows.iter_mut() {
            let assigned = row.uid.and_then(|uid| by_task.get(&uid));
            if let Some(assigned) = assigned {
                row.task.assignee = assigned.first().copied();
                if assigned.len() > 1 {
                    self.losses.one(LossKind::MultipleResources);
                    let others: Vec<&str> = assigned[1..]
                        .iter()
                        .filter_map(|id| people.iter().find(|person| person.id == *id))
                        .map(|person| person.name.as_str())
                        .collect();
                    let line = format!("Also assigned: {}", others.join(", "));
                    let description = if row.task.description.is_empty() {
                        line
                    } else {
                        format!("{}\n\n{line}", row.task.description)
                    };
                    row.task.description = self.shorten_block(description);
                }
            }
            if parents.contains(&row.task.id) {
                continue;
            }
            let Some(cost) = row
                .element
                .text_of("Cost")
                .and_then(|text| money_of(text, self.currency))
            else {
                continue;
            };
            let rate = row
                .task
                .assignee
                .and_then(|id| people.iter().find(|person| person.id == id))
                .map(|person| person.hourly_rate.0)
                .unwrap_or(0);
            let expected =
                row.task.fixed_cost.0 + (rate as f64 * row.task.estimate.as_f64()).round() as i64;
            if (expected - cost.0).abs() > 1 {
                self.losses.one(LossKind::CostsRecomputed);
            }
        }
    }

    /// Predecessor links, converted and checked against the outline.
    fn link(&mut self, rows: &mut [Row<'a>], by_uid: &HashMap<i64, TaskId>) {
        let parent_of: HashMap<TaskId, TaskId> = rows
            .iter()
            .filter_map(|row| row.task.parent.map(|parent| (row.task.id, parent)))
            .collect();
        let durations: HashMap<TaskId, i64> = rows
            .iter()
            .map(|row| {
                let days = self
                    .calendar
                    .working_days_inclusive(row.task.start, row.task.end);
                (row.task.id, i64::from(days))
            })
            .collect();
        let is_ancestor = |ancestor: TaskId, task: TaskId| {
            let mut current = parent_of.get(&task).copied();
            let mut steps = 0;
            while let Some(id) = current {
                if id == ancestor {
                    return true;
                }
                steps += 1;
                if steps > parent_of.len() {
                    return false;
                }
                current = parent_of.get(&id).copied();
            }
            false
        };
        for row in rows.iter_mut() {
            let mut dependencies: Vec<Dependency> = Vec::new();
            for link in row.element.all("PredecessorLink") {
                let predecessor = number(link, "PredecessorUID").and_then(|uid| by_uid.get(&uid));
                let Some(&predecessor) = predecessor.filter(|_| !flag(link, "CrossProject")) else {
                    self.losses.one(LossKind::LinksOutsideFile);
                    continue;
                };
                if predecessor == row.task.id
                    || dependencies
                        .iter()
                        .any(|known| known.predecessor == predecessor)
                    || is_ancestor(predecessor, row.task.id)
                    || is_ancestor(row.task.id, predecessor)
                {
                    self.losses.one(LossKind::LinksWithinHierarchy);
                    continue;
                }
                let kind = match number(link, "Type").unwrap_or(1) {
                    0 => LinkKind::FinishToFinish,
                    2 => LinkKind::StartToFinish,
                    3 => LinkKind::StartToStart,
                    _ => LinkKind::FinishToStart,
                };
                let lag = self.lag_days(link, durations.get(&predecessor).copied().unwrap_or(1));
                dependencies.push(Dependency {
                    predecessor,
                    kind,
                    lag,
                });
            }
            row.task.dependencies = dependencies;
        }
    }

    /// A link's lag in working days. `LinkLag` is in tenths of a minute; `LagFormat` says how it
    /// was entered: working time (minutes, hours, days, weeks, months) converts with the
    /// project's minutes per day; elapsed time with the share of the week that is worked;
    /// a percentage of the predecessor's duration in working days. Results are rounded to whole
    /// days, half away from zero.
    fn lag_days(&mut self, link: &Element, predecessor_days: i64) -> i32 {
        let tenths = decimal(link, "LinkLag").unwrap_or(0.0);
        if tenths == 0.0 {
            return 0;
        }
        let format = number(link, "LagFormat").unwrap_or(7);
        let days = match format {
            19 | 20 | 51 | 52 => {
                self.losses.one(LossKind::PercentLags);
                tenths / 10.0 / 100.0 * predecessor_days as f64
            }
            4 | 6 | 8 | 10 | 12 | 36 | 38 | 40 | 42 | 44 => {
                self.losses.one(LossKind::ElapsedLags);
                let worked = self.calendar.working_weekdays.days().count() as f64 / 7.0;
                tenths / 10.0 / 1440.0 * 7.0 * worked
            }
            _ => tenths / 10.0 / self.clock.minutes_per_day,
        };
        let rounded = days.round();
        if (rounded - days).abs() > 1e-6
            && !matches!(
                format,
                19 | 20 | 51 | 52 | 4 | 6 | 8 | 10 | 12 | 36 | 38 | 40 | 42 | 44
            )
        {
            self.losses.one(LossKind::FractionalLags);
        }
        let limit = f64::from(MAX_LAG_DAYS);
        if rounded.abs() > limit {
            self.losses.one(LossKind::LagsCapped);
        }
        rounded.clamp(-limit, limit) as i32
    }

    /// Removes one link of each loop until none is left (loops can run through summary tasks).
    fn break_loops(&mut self, tasks: &mut [Arc<Task>]) {
        let total: usize = tasks.iter().map(|task| task.dependencies.len()).sum();
        for _ in 0..total {
            let Some(path) = graph::find_cycle(tasks) else {
                return;
            };
            let in_path: HashSet<TaskId> = path.iter().copied().collect();
            let victim = tasks.iter().position(|task| {
                in_path.contains(&task.id)
                    && task
                        .dependencies
                        .iter()
                        .any(|dependency| in_path.contains(&dependency.predecessor))
            });
            let Some(index) =
                victim.or_else(|| tasks.iter().position(|task| !task.dependencies.is_empty()))
            else {
                return;
            };
            let task = Arc::make_mut(&mut tasks[index]);
            let at = task
                .dependencies
                .iter()
                .position(|dependency| in_path.contains(&dependency.predecessor))
                .unwrap_or(0);
            task.dependencies.remove(at);
            self.losses.one(LossKind::LinksInLoops);
        }
    }

    /// Baseline 0 becomes "MS Project baseline" (the current one, so last); 1–10 become
    /// "Baseline 1" to "Baseline 10".
    fn read_baselines(
        &mut self,
        rows: &[Row<'a>],
        tasks: &[Arc<Task>],
        people: &[Person],
        _resources: &HashMap<i64, Option<PersonId>>,
    ) -> Vec<Baseline> {
        let parents: HashSet<TaskId> = tasks.iter().filter_map(|task| task.parent).collect();
        let mut numbered: Vec<Vec<BaselineTask>> = vec![Vec::new(); 11];
        let mut extra = HashSet::new();
        for (row, task) in rows.iter().zip(tasks) {
            for baseline in row.element.all("Baseline") {
                let Some(number) = number(baseline, "Number") else {
                    continue;
                };
                let Some(slot) = usize::try_from(number).ok().filter(|n| *n <= 10) else {
                    extra.insert(number);
                    continue;
                };
                let Some(start) = baseline.text_of("Start").and_then(moment) else {
                    continue;
                };
                let start = if task.milestone {
                    start.date()
                } else {
                    start_day(start, &self.clock, &self.calendar)
                };
                let end = baseline
                    .text_of("Finish")
                    .and_then(moment)
                    .map(|finish| finish_day(finish, &self.clock, &self.calendar))
                    .unwrap_or(start);
                let (start, end) = (self.in_range(start), self.in_range(end));
                let end = if task.milestone {
                    start
                } else {
                    end.max(start)
                };
                let estimate = baseline
                    .text_of("Work")
                    .and_then(duration_minutes)
                    .and_then(|minutes| Hours::from_f64((minutes / 60.0).max(0.0)).ok())
                    .unwrap_or(Hours::ZERO);
                let hourly_rate = task
                    .assignee
                    .and_then(|id| people.iter().find(|person| person.id == id))
                    .map(|person| person.hourly_rate)
                    .unwrap_or(Money::ZERO);
                numbered[slot].push(BaselineTask {
                    task: task.id,
                    start,
                    end,
                    estimate: if parents.contains(&task.id) {
                        Hours::ZERO
                    } else {
                        estimate
                    },
                    hourly_rate,
                    fixed_cost: task.fixed_cost,
                    milestone: task.milestone,
                    summary: parents.contains(&task.id),
                });
            }
        }
        self.losses.add(LossKind::ExtraBaselines, extra.len());
        let mut baselines = Vec::new();
        for slot in (1..=10).chain([0]) {
            let tasks = std::mem::take(&mut numbered[slot]);
            if tasks.is_empty() {
                continue;
            }
            let name = if slot == 0 {
                "MS Project baseline".to_string()
            } else {
                format!("Baseline {slot}")
            };
            baselines.push(Baseline {
                id: BaselineId::new(self.ids),
                name,
                created: self.today,
                tasks,
            });
        }
        baselines
    }
}

/// The outline depth: OutlineLevel, or the depth of OutlineNumber where the two disagree.
fn outline_level(element: &Element) -> usize {
    let level = number(element, "OutlineLevel").and_then(|level| usize::try_from(level).ok());
    let from_number = element
        .text_of("OutlineNumber")
        .map(|text| text.split('.').filter(|part| !part.is_empty()).count())
        .filter(|depth| *depth > 0 && element.text_of("OutlineNumber") != Some("0"));
    match (level, from_number) {
        (Some(level), Some(depth)) if level != depth && level != 0 => depth,
        (Some(level), _) => level,
        (None, Some(depth)) => depth,
        (None, None) => 1,
    }
}

/// A deadline moment as a day: midnight belongs to the day before.
fn deadline_day(deadline: NaiveDateTime) -> NaiveDate {
    if deadline.time() == NaiveTime::MIN {
        shift(deadline.date(), -1)
    } else {
        deadline.date()
    }
}
