//! The task editor's form as a pure value: text as typed, checked into a [`Task`], with a
//! message per field. Model refusals found on save are mapped back onto the same fields.

use super::super::format::date_input;
use super::super::projects::form::parse_date;
use crate::model::{
    text, ColumnId, Constraint, ConstraintKind, Currency, Dependency, Hours, LinkKind, ModelError,
    Money, PersonId, Priority, Progress, Task, TaskId,
};

/// One dependency row as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DependencyForm {
    /// The predecessor's id, or empty when not chosen yet.
    pub predecessor: String,
    /// FS, SS, FF or SF.
    pub kind: String,
    pub lag: String,
}

impl Default for DependencyForm {
    fn default() -> Self {
        DependencyForm {
            predecessor: String::new(),
            kind: "FS".to_string(),
            lag: "0".to_string(),
        }
    }
}

/// Every field of the task editor as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskForm {
    pub title: String,
    pub description: String,
    pub column: String,
    pub assignee: String,
    pub priority: String,
    pub start: String,
    pub end: String,
    pub estimate: String,
    pub progress: String,
    pub milestone: bool,
    pub tags: String,
    pub parent: String,
    pub fixed_cost: String,
    pub actual_fixed_cost: String,
    pub dependencies: Vec<DependencyForm>,
    /// The constraint kind's key (`ConstraintKind::key`).
    pub constraint: String,
    /// The constraint's date; unused by "as soon as possible" and "as late as possible".
    pub constraint_date: String,
    /// The deadline, or empty for none.
    pub deadline: String,
}

/// A message per field; empty when the form is fine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskFormErrors {
    pub title: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub estimate: Option<String>,
    pub progress: Option<String>,
    pub tags: Option<String>,
    pub parent: Option<String>,
    pub costs: Option<String>,
    pub dependencies: Option<String>,
    pub constraint: Option<String>,
    pub deadline: Option<String>,
    /// Anything that belongs to no single field.
    pub general: Option<String>,
}

impl TaskFormErrors {
    /// True when no field has a message.
    pub fn is_empty(&self) -> bool {
        self == &TaskFormErrors::default()
    }

    /// Puts a model refusal beside the field it is about; `message` is its sentence.
    pub fn from_model(error: &ModelError, message: String) -> TaskFormErrors {
        let mut errors = TaskFormErrors::default();
        match error {
            ModelError::Blank(_)
            | ModelError::TooLong {
                field: crate::model::Field::TaskTitle,
                ..
            } => errors.title = Some(message),
            ModelError::EndBeforeStart { .. } | ModelError::MilestoneSpansDays { .. } => {
                errors.end = Some(message)
            }
            ModelError::TooManyTags { .. }
            | ModelError::TooLong {
                field: crate::model::Field::Tag,
                ..
            } => errors.tags = Some(message),
            ModelError::ParentCycle { .. } | ModelError::MilestoneWithSubtasks(_) => {
                errors.parent = Some(message)
            }
            ModelError::SelfDependency(_)
            | ModelError::DuplicateDependency { .. }
            | ModelError::LagOutOfRange(_)
            | ModelError::Cycle { .. }
            | ModelError::LinkWithinHierarchy { .. } => errors.dependencies = Some(message),
            ModelError::NegativeMoney(_) | ModelError::MoneyTooLarge(_) => {
                errors.costs = Some(message)
            }
            _ => errors.general = Some(message),
        }
        errors
    }
}

fn money_text(amount: Money, currency: Currency) -> String {
    if amount == Money::ZERO {
        String::new()
    } else {
        amount.to_major_string(currency)
    }
}

impl TaskForm {
    /// The form showing `task`.
    pub fn from_task(task: &Task, currency: Currency) -> TaskForm {
        TaskForm {
            title: task.title.clone(),
            description: task.description.clone(),
            column: task.column.to_string(),
            assignee: task.assignee.map(|id| id.to_string()).unwrap_or_default(),
            priority: task.priority.key().to_string(),
            start: date_input(task.start),
            end: date_input(task.end),
            estimate: if task.estimate == Hours::ZERO {
                String::new()
            } else {
                task.estimate.to_string()
            },
            progress: task.progress.percent().to_string(),
            milestone: task.milestone,
            tags: task.tags.join(", "),
            parent: task.parent.map(|id| id.to_string()).unwrap_or_default(),
            fixed_cost: money_text(task.fixed_cost, currency),
            actual_fixed_cost: money_text(task.actual_fixed_cost, currency),
            dependencies: task
                .dependencies
                .iter()
                .map(|dependency| DependencyForm {
                    predecessor: dependency.predecessor.to_string(),
                    kind: dependency.kind.abbreviation().to_string(),
                    lag: dependency.lag.to_string(),
                })
                .collect(),
            constraint: task.constraint.kind().key().to_string(),
            constraint_date: task.constraint.date().map(date_input).unwrap_or_default(),
            deadline: task.deadline.map(date_input).unwrap_or_default(),
        }
    }

    /// Checks every field and builds the task from `base` (which keeps id, dates created and
    /// completed, time entries and timer). Returns all messages at once.
    pub fn apply(&self, base: &Task, currency: Currency) -> Result<Task, Box<TaskFormErrors>> {
        let mut errors = TaskFormErrors::default();
        let mut task = base.clone();
        task.title = self.title.clone();
        if text::clean_line(&self.title).is_empty() {
            errors.title = Some("Enter a title.".to_string());
        }
        task.description = self.description.clone();
        match self.column.parse::<ColumnId>() {
            Ok(column) => task.column = column,
            Err(_) => errors.general = Some("Choose a status.".to_string()),
        }
        task.assignee = self.assignee.parse::<PersonId>().ok();
        task.priority = Priority::from_key(&self.priority).unwrap_or_default();
        let start = parse_date(&self.start);
        match start {
            Some(start) => task.start = start,
            None => errors.start = Some("Enter a start date.".to_string()),
        }
        task.milestone = self.milestone;
        if self.milestone {
            if let Some(start) = start {
                task.end = start;
            }
        } else {
            match parse_date(&self.end) {
                Some(end) if start.is_some_and(|start| end < start) => {
                    errors.end = Some("The end date is before the start date.".to_string())
                }
                Some(end) => task.end = end,
                None => errors.end = Some("Enter an end date.".to_string()),
            }
        }
        match Hours::parse(&self.estimate) {
            Ok(hours) => task.estimate = hours,
            Err(error) => {
                errors.estimate = Some(format!(
                    "Enter hours as a number, such as 8 or 2.5 ({error})."
                ))
            }
        }
        let progress = self.progress.trim();
        match progress
            .parse::<i64>()
            .ok()
            .or_else(|| progress.is_empty().then_some(0))
            .map(Progress::new)
        {
            Some(Ok(value)) => task.progress = value,
            _ => {
                errors.progress = Some("Progress must be a whole number from 0 to 100.".to_string())
            }
        }
        task.tags = text::split_tags(&self.tags);
        task.parent = self.parent.parse::<TaskId>().ok();
        for (text, target, name) in [
            (&self.fixed_cost, &mut task.fixed_cost, "planned"),
            (
                &self.actual_fixed_cost,
                &mut task.actual_fixed_cost,
                "actual",
            ),
        ] {
            if text.trim().is_empty() {
                *target = Money::ZERO;
                continue;
            }
            match Money::parse_major(text, currency) {
                Ok(amount) if amount.0 >= 0 => *target = amount,
                _ => {
                    errors.costs = Some(format!(
                        "The {name} fixed cost must be an amount such as 1500.00."
                    ))
                }
            }
        }
        task.dependencies.clear();
        for (number, row) in self.dependencies.iter().enumerate() {
            let Ok(predecessor) = row.predecessor.parse::<TaskId>() else {
                errors.dependencies = Some(format!(
                    "Choose the task that dependency {} waits for, or remove it.",
                    number + 1
                ));
                continue;
            };
            let Ok(lag) = row.lag.trim().parse::<i32>() else {
                errors.dependencies = Some(format!(
                    "The lag of dependency {} must be a whole number of working days.",
                    number + 1
                ));
                continue;
            };
            task.dependencies.push(Dependency {
                predecessor,
                kind: LinkKind::from_abbreviation(&row.kind).unwrap_or_default(),
                lag,
            });
        }
        self.apply_constraint(base, start, &mut task, &mut errors);
        if self.deadline.trim().is_empty() {
            task.deadline = None;
        } else {
            match parse_date(&self.deadline) {
                Some(day) => task.deadline = Some(day),
                None => errors.deadline = Some("Enter the deadline as a date.".to_string()),
            }
        }
        if errors.is_empty() {
            Ok(task)
        } else {
            Err(Box::new(errors))
        }
    }
}

impl TaskForm {
    /// Sets the task's constraint from the form. Typing a new start date while leaving the
    /// constraint as it was sets "Start no earlier than" that date, as MS Project does, so the
    /// scheduler keeps the task where the user put it.
    fn apply_constraint(
        &self,
        base: &Task,
        start: Option<chrono::NaiveDate>,
        task: &mut Task,
        errors: &mut TaskFormErrors,
    ) {
        let kind =
            ConstraintKind::from_key(&self.constraint).unwrap_or(ConstraintKind::AsSoonAsPossible);
        let untouched = kind == base.constraint.kind()
            && parse_date(&self.constraint_date) == base.constraint.date();
        if untouched {
            if let Some(start) = start.filter(|start| *start != base.start) {
                task.constraint = Constraint::StartNoEarlierThan(start);
                return;
            }
        }
        if !kind.has_date() {
            task.constraint = kind.with_date(task.start);
            return;
        }
        match parse_date(&self.constraint_date) {
            Some(day) => task.constraint = kind.with_date(day),
            None => {
                errors.constraint = Some(format!(
                    "Enter the date for “{}”.",
                    kind.label().to_lowercase()
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SequentialIds;
    use chrono::NaiveDate;

    fn base() -> Task {
        let mut ids = SequentialIds::default();
        let day = NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date");
        Task::new(
            TaskId::new(&mut ids),
            "Old",
            ColumnId::new(&mut ids),
            day,
            day,
        )
    }

    #[test]
    fn a_form_round_trips_a_task() {
        let mut task = base();
        task.estimate = Hours::from_centi(250);
        task.tags = vec!["api".to_string()];
        let form = TaskForm::from_task(&task, Currency::EUR);
        assert_eq!(form.apply(&task, Currency::EUR), Ok(task));
    }

    #[test]
    fn every_bad_field_gets_a_message() {
        let task = base();
        let form = TaskForm {
            title: "  ".to_string(),
            end: "2026-12-01".to_string(),
            estimate: "lots".to_string(),
            progress: "150".to_string(),
            dependencies: vec![DependencyForm::default()],
            ..TaskForm::from_task(&task, Currency::EUR)
        };
        let errors = form.apply(&task, Currency::EUR).expect_err("invalid form");
        assert!(errors.title.is_some());
        assert!(errors.end.is_some());
        assert!(errors.estimate.is_some());
        assert!(errors.progress.is_some());
        assert!(errors.dependencies.is_some());
    }

    #[test]
    fn typing_a_start_date_sets_start_no_earlier_than() {
        let task = base();
        let form = TaskForm {
            start: "2027-01-11".to_string(),
            end: "2027-01-12".to_string(),
            ..TaskForm::from_task(&task, Currency::EUR)
        };
        let moved = form.apply(&task, Currency::EUR).expect("valid dates");
        let day = NaiveDate::from_ymd_opt(2027, 1, 11).expect("valid date");
        assert_eq!(moved.constraint, Constraint::StartNoEarlierThan(day));
    }

    #[test]
    fn a_chosen_constraint_and_deadline_are_kept_and_checked() {
        let task = base();
        let form = TaskForm {
            constraint: ConstraintKind::MustFinishOn.key().to_string(),
            constraint_date: "2027-02-01".to_string(),
            deadline: "2027-02-05".to_string(),
            ..TaskForm::from_task(&task, Currency::EUR)
        };
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date");
        let edited = form.apply(&task, Currency::EUR).expect("valid constraint");
        assert_eq!(
            edited.constraint,
            Constraint::MustFinishOn(day("2027-02-01"))
        );
        assert_eq!(edited.deadline, Some(day("2027-02-05")));
        let missing = TaskForm {
            constraint_date: String::new(),
            deadline: "soon".to_string(),
            ..form
        };
        let errors = missing.apply(&task, Currency::EUR).expect_err("no date");
        assert!(errors.constraint.is_some());
        assert!(errors.deadline.is_some());
        let as_late = TaskForm {
            constraint: ConstraintKind::AsLateAsPossible.key().to_string(),
            constraint_date: String::new(),
            ..TaskForm::from_task(&task, Currency::EUR)
        };
        let edited = as_late.apply(&task, Currency::EUR).expect("no date needed");
        assert_eq!(edited.constraint, Constraint::AsLateAsPossible);
    }

    #[test]
    fn a_milestone_ends_on_its_start_date() {
        let task = base();
        let form = TaskForm {
            milestone: true,
            end: "2030-01-01".to_string(),
            ..TaskForm::from_task(&task, Currency::EUR)
        };
        let milestone = form.apply(&task, Currency::EUR).expect("valid milestone");
        assert_eq!(milestone.start, milestone.end);
    }
}
