//! MSPDI → Ironplan: the project, its calendar, tasks, links, resources and baselines.
//!
//! Dates are taken as the file states them, in its wall-clock time. Ironplan's days are whole
//! and a task's end is inclusive, so a finish at 00:00 or at (or before) the day's default start
//! time is the previous working day. A start at or after the default finish time is the next
//! working day. Every rule is in `docs/interchange.md`.

use super::calendar::{read_calendar, Window};
use super::fields::{
    deadline_day, duration_minutes, finish_day, flag, guid, moment, money_of, number,
    outline_level, priority_of, start_day, Clock,
};
use super::xml::{self, Element};
use super::{ImportCounts, LossKind, Losses, MspdiError, MspdiImport, NAMESPACE};
use crate::model::calendar::{date_in_range, MAX_DATE, MIN_DATE};
use crate::model::io::{
    FormatTag, Limits, ProjectFile, ProjectKind, CURRENT_VERSION, DEFAULT_LIMITS,
};
use crate::model::text::{clean_block, clean_line, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::model::{
    validate, Calendar, ColumnCategory, ConstraintKind, Currency, Hours, IdSource, PersonId,
    Progress, Project, ProjectId, Task, TaskId,
};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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

/// A task row before links are resolved.
pub(super) struct Row<'a> {
    pub(super) element: &'a Element,
    pub(super) task: Task,
    pub(super) uid: Option<i64>,
}

pub(super) struct Reader<'a, 'i> {
    pub(super) root: &'a Element,
    pub(super) today: NaiveDate,
    pub(super) ids: &'i mut dyn IdSource,
    pub(super) losses: Losses,
    pub(super) clock: Clock,
    pub(super) currency: Currency,
    pub(super) calendar: Calendar,
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

    pub(super) fn in_range(&mut self, date: NaiveDate) -> NaiveDate {
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
        self.calendar = read_calendar(root, window);
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
        // MS Project keeps the project's notes on the project summary task (UID 0).
        if let Some(summary) = root
            .list("Tasks", "Task")
            .find(|task| number(task, "OutlineLevel") == Some(0) || number(task, "UID") == Some(0))
        {
            let notes = clean_block(summary.text_of("Notes").unwrap_or(""));
            details.description = self.shorten_block(notes);
        }
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
                lineage: None,
                redacted: false,
            },
            counts,
            losses: self.losses.into_vec(),
        })
    }

    pub(super) fn shorten_line(&mut self, text: String) -> String {
        if text.chars().count() > MAX_NAME_CHARS {
            self.losses.one(LossKind::TextShortened);
            text.chars().take(MAX_NAME_CHARS).collect()
        } else {
            text
        }
    }

    pub(super) fn shorten_block(&mut self, text: String) -> String {
        if text.chars().count() > MAX_TEXT_CHARS {
            self.losses.one(LossKind::TextShortened);
            text.chars().take(MAX_TEXT_CHARS).collect()
        } else {
            text
        }
    }

    pub(super) fn read_tasks(&mut self, project: &Project) -> Vec<Row<'a>> {
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
                .map(deadline_day)
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

    pub(super) fn constraint_of(&mut self, element: &Element) -> crate::model::Constraint {
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
}
