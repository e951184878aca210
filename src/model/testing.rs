//! A small builder for tests: a workspace with one project, changed only through the model's
//! commands, so tests see exactly what users would produce. The unit tests use it as
//! `crate::model::testing`; the integration tests in `tests/it/` include this same file, so it
//! names model items by `crate::model::…` paths only.

use crate::model::ids::{BaselineId, IdSource, SequentialIds, TimeEntryId};
use crate::model::{
    Baseline, ColumnCategory, ColumnId, Constraint, Currency, Dependency, Hours, Money, Person,
    PersonId, Progress, Project, ProjectDetails, ProjectId, Task, TaskId, TimeEntry, Workspace,
};
use chrono::NaiveDate;

/// A date from ISO text; test dates are always valid.
pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("test dates are valid")
}

/// The old name of [`TestPlan`], kept while branches that use it are merged.
pub type Plan = TestPlan;

/// A workspace with one project, built step by step through commands.
pub struct TestPlan {
    pub workspace: Workspace,
    pub project: ProjectId,
    pub ids: SequentialIds,
    /// The day commands are run on.
    pub today: NaiveDate,
}

impl TestPlan {
    /// A project named "Intranet" starting on `start`, in euros, with the default calendar.
    pub fn new(start: &str) -> TestPlan {
        let mut ids = SequentialIds::default();
        let project = ProjectId::new(&mut ids);
        let today = date(start);
        let mut workspace = Workspace::default();
        workspace
            .add_project(
                Project::new(project, "Intranet", today, Currency::EUR, &mut ids)
                    .expect("valid project"),
            )
            .expect("new project");
        TestPlan {
            workspace,
            project,
            ids,
            today,
        }
    }

    /// The project as it is now.
    pub fn project(&self) -> &Project {
        self.workspace
            .project(self.project)
            .expect("the plan's project exists")
    }

    /// The project, for a command.
    pub fn project_mut(&mut self) -> &mut Project {
        self.workspace
            .project_mut(self.project)
            .expect("the plan's project exists")
    }

    /// The first column of `category`.
    pub fn column(&self, category: ColumnCategory) -> ColumnId {
        self.project()
            .first_column_of(category)
            .expect("new projects have every category")
            .id
    }

    /// Adds a person with an hourly rate in minor units to the roster and the team.
    pub fn person(&mut self, name: &str, rate: i64) -> PersonId {
        let mut person = Person::new(PersonId::new(&mut self.ids), name);
        person.hourly_rate = Money(rate);
        let id = person.id;
        self.workspace
            .add_person(person, Some(self.project))
            .expect("new person");
        id
    }

    /// A new task in the To do column (not yet added). Its start was given, so it starts no
    /// earlier than that, as a task created with a date does in the app.
    pub fn draft(&mut self, title: &str, start: &str, end: &str) -> Task {
        let column = self.column(ColumnCategory::Todo);
        let mut task = Task::new(
            TaskId::new(&mut self.ids),
            title,
            column,
            date(start),
            self.today,
        );
        task.end = date(end);
        task.constraint = Constraint::StartNoEarlierThan(date(start));
        task
    }

    /// Adds a task from `start` to `end` with `hours` of estimate, assigned to `assignee`.
    pub fn task(
        &mut self,
        title: &str,
        start: &str,
        end: &str,
        hours: u32,
        assignee: Option<PersonId>,
    ) -> TaskId {
        let mut task = self.draft(title, start, end);
        task.estimate = Hours::whole(hours);
        task.assignee = assignee;
        self.add(task)
    }

    /// Makes `successor` depend on the predecessor named in `dependency`.
    pub fn link(&mut self, successor: TaskId, dependency: Dependency) {
        self.project_mut()
            .link_tasks(successor, dependency)
            .expect("valid link");
    }

    /// Adds a milestone on `day`.
    pub fn milestone(&mut self, title: &str, day: &str) -> TaskId {
        let mut task = self.draft(title, day, day);
        task.milestone = true;
        self.add(task)
    }

    /// Adds a prepared task.
    pub fn add(&mut self, task: Task) -> TaskId {
        let id = task.id;
        let today = self.today;
        self.project_mut()
            .add_task(task, today)
            .expect("valid task");
        id
    }

    /// Changes a task with `change` and stores it through `update_task`.
    pub fn edit(&mut self, id: TaskId, change: impl FnOnce(&mut Task)) {
        let mut task = self.project().task(id).expect("task exists").clone();
        change(&mut task);
        let today = self.today;
        self.project_mut()
            .update_task(task, today)
            .expect("valid change");
    }

    /// Sets a task's progress in percent.
    pub fn progress(&mut self, id: TaskId, percent: i64) {
        self.edit(id, |task| {
            task.progress = Progress::new(percent).expect("0 to 100");
        });
    }

    /// Moves a task to the first column of `category` on `day`.
    pub fn move_to(&mut self, id: TaskId, category: ColumnCategory, day: &str) {
        let column = self.column(category);
        self.project_mut()
            .move_task(id, column, None, date(day))
            .expect("valid move");
    }

    /// Logs `centi_hours` hundredths of an hour by `person` on `day`.
    pub fn log(&mut self, task: TaskId, person: PersonId, day: &str, centi_hours: u32) {
        let entry = TimeEntry {
            id: TimeEntryId::new(&mut self.ids),
            date: date(day),
            person,
            hours: Hours::from_centi(centi_hours),
            note: String::new(),
        };
        self.project_mut()
            .log_time(task, entry)
            .expect("valid entry");
    }

    /// Sets a baseline on `day`, at the people's current rates.
    pub fn baseline(&mut self, day: &str) {
        self.baseline_changed(day, |_| {});
    }

    /// Sets a baseline on `day` in which `task` ends on `end`, as a baseline stored before
    /// summary tasks were rolled up might hold a stale summary end.
    pub fn baseline_ending(&mut self, day: &str, task: TaskId, end: &str) {
        self.baseline_changed(day, |baseline| {
            for known in &mut baseline.tasks {
                if known.task == task {
                    known.end = date(end);
                }
            }
        });
    }

    /// Sets a baseline on `day` after `change` alters the snapshot, to stand for a baseline as
    /// an older version or another tool stored it.
    pub fn baseline_changed(&mut self, day: &str, change: impl FnOnce(&mut Baseline)) {
        let mut baseline = Baseline::capture(
            BaselineId::new(&mut self.ids),
            "Approved plan",
            self.project(),
            self.workspace.people(),
            date(day),
        );
        change(&mut baseline);
        self.project_mut()
            .add_baseline(baseline)
            .expect("valid baseline");
    }

    /// Sets the budget, in minor units.
    pub fn budget(&mut self, minor: i64) {
        self.details(|details| details.budget.amount = Money(minor));
    }

    /// Sets the deadline.
    pub fn deadline(&mut self, day: &str) {
        self.details(|details| details.deadline = Some(date(day)));
    }

    /// Changes the project's details (name, dates, calendar, budget) through `update_details`.
    pub fn details(&mut self, change: impl FnOnce(&mut ProjectDetails)) {
        let mut details = self.project().details();
        change(&mut details);
        self.project_mut()
            .update_details(details)
            .expect("valid details");
    }

    /// Moves a task to `start`–`end` as a drag on the Timeline does.
    pub fn set_dates(&mut self, id: TaskId, start: &str, end: &str) {
        self.project_mut()
            .set_task_dates(id, date(start), date(end))
            .expect("valid dates");
    }

    /// Reschedules the whole plan, as opening or importing it does.
    pub fn reschedule(&mut self) {
        crate::model::schedule::reschedule_all(self.project_mut());
    }

    /// The next id from the plan's source, for commands that need one.
    pub fn ids(&mut self) -> &mut dyn IdSource {
        &mut self.ids
    }
}
