//! User verbs: every change the UI can make, each one model command through `apply`.
//!
//! Verbs take ids and plain values, fill in `today` and new ids, and leave messages to the UI.

use super::clock::{self, RandomIds};
use super::{AppError, AppState, Notice};
use crate::model::diff::{task_differences, TaskDifference};
use crate::model::io::{self, ImportMode, ReadPlan};
use crate::model::plan::recalendar;
use crate::model::{schedule, scope};
use crate::model::{
    ColumnId, Dependency, ModelResult, Person, PersonId, Project, ProjectDetails, ProjectId, Task,
    TaskId, Theme, Workspace,
};
use leptos::prelude::*;

/// A plan file that was read and checked, waiting for the user to choose how to merge it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingImport {
    pub plan: ReadPlan,
    /// Names of the projects in the file that already exist here.
    pub conflicts: Vec<String>,
}

impl AppState {
    // ----- Projects -----

    /// Creates a project with the usual columns and opens it.
    pub fn create_project(self, details: ProjectDetails) -> Option<ProjectId> {
        let id = self.apply("Create project", |workspace| {
            let mut ids = RandomIds;
            let id = ProjectId::new(&mut ids);
            let mut project = Project::new(
                id,
                &details.name,
                details.start,
                details.budget.currency,
                &mut ids,
            )?;
            project.update_details(details)?;
            workspace.add_project(project)?;
            Ok(id)
        })?;
        self.route.set(super::view::Route::Project(
            id,
            super::view::ProjectView::Tasks,
        ));
        Some(id)
    }

    /// Renames a project.
    pub fn rename_project(self, id: ProjectId, name: &str) -> bool {
        self.apply("Rename project", |workspace| {
            Ok(workspace.rename_project(id, name)?)
        })
        .is_some()
    }

    /// Changes a project's name, dates, budget and calendar. A new start or calendar
    /// reschedules the whole project in the same undo step (see [`update_details`]), and a
    /// notice names the tasks that moved.
    pub fn update_project_details(self, id: ProjectId, details: ProjectDetails) -> bool {
        let Some(moved) = self.apply("Edit project", |workspace| {
            Ok(update_details(workspace.project_mut(id)?, details)?)
        }) else {
            return false;
        };
        if !moved.is_empty() {
            self.notice.set(Some(Notice::Rescheduled(moved)));
        }
        true
    }

    /// Deletes a project (undoable).
    pub fn delete_project(self, id: ProjectId) {
        if let Some(project) = self.apply("Delete project", |workspace| {
            Ok(workspace.remove_project(id)?)
        }) {
            if self.route.get_untracked().project() == Some(id) {
                self.route.set(super::view::Route::Projects);
            }
            self.notice
                .set(Some(Notice::ProjectDeleted(project.name.clone())));
        }
    }

    // ----- Tasks -----

    /// Adds a task built by the editor; returns its id.
    pub fn add_task(self, project: ProjectId, task: Task) -> Option<TaskId> {
        let today = self.today.get_untracked();
        let id = task.id;
        self.apply("Add task", |workspace| {
            workspace.project_mut(project)?.add_task(task, today)?;
            Ok(id)
        })
    }

    /// A new task with today's date in `column`, ready for the editor. Not added yet.
    pub fn draft_task(self, project: &Project, column: Option<ColumnId>) -> Option<Task> {
        let today = self.today.get_untracked();
        let column = column.or_else(|| project.columns().first().map(|column| column.id))?;
        let start = project.calendar.next_working_day(today.max(project.start));
        let mut task = Task::new(TaskId::new(&mut RandomIds), "", column, start, today);
        // A new task starts on the day it shows, as typing that date would set it.
        task.constraint = crate::model::Constraint::StartNoEarlierThan(start);
        Some(task)
    }

    /// Saves the task editor's result: adds `task` when `is_new`, otherwise replaces it. The
    /// error comes back for the editor to show beside its fields.
    pub fn save_task(self, project: ProjectId, task: Task, is_new: bool) -> Result<(), AppError> {
        let today = self.today.get_untracked();
        let label = if is_new { "Add task" } else { "Edit task" };
        self.try_apply(label, |workspace| {
            let project = workspace.project_mut(project)?;
            if is_new {
                project.add_task(task, today)?;
            } else {
                project.update_task(task, today)?;
            }
            Ok(())
        })
    }

    /// Saves an edited task.
    pub fn update_task(self, project: ProjectId, task: Task) -> bool {
        let today = self.today.get_untracked();
        self.apply("Edit task", |workspace| {
            Ok(workspace.project_mut(project)?.update_task(task, today)?)
        })
        .is_some()
    }

    /// Deletes a task and its subtasks.
    pub fn delete_task(self, project: ProjectId, task: TaskId) {
        let title = self.workspace.with_untracked(|workspace| {
            workspace
                .find_project(project)
                .and_then(|project| project.find_task(task))
                .map(|task| task.title.clone())
        });
        if self
            .apply("Delete task", |workspace| {
                Ok(workspace.project_mut(project)?.remove_task(task)?)
            })
            .is_some()
        {
            self.notice
                .set(Some(Notice::TaskDeleted(title.unwrap_or_default())));
        }
    }

    /// Makes `successor` wait for a predecessor.
    pub fn link_tasks(self, project: ProjectId, successor: TaskId, dependency: Dependency) -> bool {
        self.apply("Add dependency", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .link_tasks(successor, dependency)?)
        })
        .is_some()
    }

    /// Removes a dependency.
    pub fn unlink_tasks(self, project: ProjectId, successor: TaskId, predecessor: TaskId) -> bool {
        self.apply("Remove dependency", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .unlink_tasks(successor, predecessor)?)
        })
        .is_some()
    }

    // ----- People -----

    /// Adds a person to the roster and to `project`'s team.
    pub fn add_person(self, project: ProjectId, mut person: Person) -> Option<PersonId> {
        person.id = PersonId::new(&mut RandomIds);
        let id = person.id;
        self.apply("Add person", |workspace| {
            workspace.add_person(person, Some(project))?;
            Ok(id)
        })
    }

    /// Saves a person's name, role, rate and capacity.
    pub fn update_person(self, person: Person) -> bool {
        self.apply("Edit person", |workspace| {
            Ok(workspace.update_person(person)?)
        })
        .is_some()
    }

    /// Puts a roster person on a project's team.
    pub fn add_team_member(self, project: ProjectId, person: PersonId) -> bool {
        self.apply("Add team member", |workspace| {
            Ok(workspace.add_team_member(project, person)?)
        })
        .is_some()
    }

    /// Takes a person off a project's team, unassigning their tasks there.
    pub fn remove_team_member(self, project: ProjectId, person: PersonId) -> bool {
        self.apply("Remove team member", |workspace| {
            Ok(workspace.remove_team_member(project, person)?)
        })
        .is_some()
    }

    // ----- Settings -----

    /// Chooses the colour theme.
    pub fn set_theme(self, theme: Theme) {
        self.apply("Change theme", |workspace| {
            workspace.settings.theme = theme;
            Ok(())
        });
    }

    // ----- Plan files -----

    /// One project as a plan file with its lineage: (file name, JSON text).
    pub fn export_project(self, id: ProjectId) -> Option<(String, String)> {
        self.export_project_file(id, false)
    }

    /// The whole workspace as a plan file.
    pub fn export_workspace(self) -> (String, String) {
        self.workspace.with_untracked(|workspace| {
            (
                "ironplan-workspace.ironplan.json".to_string(),
                io::export_workspace(workspace),
            )
        })
    }

    /// Reads a plan file. Nothing changes yet: the caller merges it with [`Self::finish_import`],
    /// after asking the user when `conflicts` is not empty. A bad file shows its error.
    pub fn read_import(self, text: &str) -> Option<PendingImport> {
        match io::read_plan(text) {
            Ok(plan) => {
                let conflicts = self
                    .workspace
                    .with_untracked(|workspace| conflicts(workspace, &plan));
                Some(PendingImport { plan, conflicts })
            }
            Err(error) => {
                self.fail(AppError::Import(error));
                None
            }
        }
    }

    /// Merges a read plan file. `mode` decides what happens to projects that already exist
    /// (`New` when there are none). Opens the first imported project. Adding a project is not
    /// an undo step (undo never empties what was just opened); replacing one is, and undoing
    /// it brings the previous version back.
    pub fn finish_import(self, pending: PendingImport, mode: ImportMode) -> bool {
        let mut next = self.workspace.get_untracked();
        let mut ids = RandomIds;
        let upgraded_from = pending.plan.upgraded_from();
        let result = match pending.plan {
            ReadPlan::Project(imported) => {
                if mode != ImportMode::Copy {
                    self.remember_import(&imported);
                }
                io::merge_project(&mut next, imported, mode, &mut ids).map(|id| vec![id])
            }
            ReadPlan::Workspace(imported) => {
                io::merge_workspace(&mut next, imported.workspace, mode, &mut ids)
            }
        };
        match result {
            Ok(projects) => {
                self.open_plan(next, "Replace project from file");
                if let Some(first) = projects.first() {
                    self.route.set(super::view::Route::Project(
                        *first,
                        super::view::ProjectView::Tasks,
                    ));
                }
                self.error.set(None);
                self.notice.set(Some(Notice::Imported {
                    projects,
                    upgraded_from,
                }));
                true
            }
            Err(error) => {
                self.fail(AppError::Model(error));
                false
            }
        }
    }

    /// Adds the sample CRM migration project and opens it. Like an import, it is not an undo
    /// step, so undo never empties what was just opened; earlier changes stay undoable.
    pub fn open_sample_project(self) {
        let mut next = self.workspace.get_untracked();
        match crate::model::sample::add_crm_migration(
            &mut next,
            self.today.get_untracked(),
            &mut RandomIds,
        ) {
            Ok(id) => {
                self.open_plan(next, "Open sample project");
                self.route.set(super::view::Route::Project(
                    id,
                    super::view::ProjectView::Tasks,
                ));
                self.notice.set(Some(Notice::Imported {
                    projects: vec![id],
                    upgraded_from: None,
                }));
            }
            Err(error) => self.fail(error.into()),
        }
    }

    /// The time now, for timers.
    pub fn now(self) -> chrono::NaiveDateTime {
        clock::now_utc()
    }
}

/// The tasks of `new` that are new or changed since `old`, and whether the change can move any
/// date: a task was added or removed, or a changed task's dates, milestone flag, parent or
/// dependencies differ. Edits of titles, columns, progress and the like, and moving a card
/// (a reorder), leave every date where it was, so they skip rescheduling.
fn changed_tasks(old: &Project, new: &Project) -> (Vec<TaskId>, bool) {
    let mut schedule = false;
    let changed = task_differences(old.tasks(), new.tasks())
        .into_iter()
        .filter_map(|difference| match difference {
            TaskDifference::Changed { before, after } => {
                schedule |= moves_dates(before, after);
                Some(after.id)
            }
            TaskDifference::Added(task) => {
                schedule = true;
                Some(task.id)
            }
            TaskDifference::Removed(_) => {
                schedule = true;
                None
            }
        })
        .collect();
    (changed, schedule)
}

/// True when `after` differs from `before` in anything the scheduler reads.
fn moves_dates(before: &Task, after: &Task) -> bool {
    before.start != after.start
        || before.end != after.end
        || before.milestone != after.milestone
        || before.parent != after.parent
        || before.dependencies != after.dependencies
        || before.constraint != after.constraint
}

/// Follow-ups every change gets, on the projects it touched: auto-scheduling (when `schedule`;
/// a change that scheduled itself says not) moves successors that the change made late
/// (returned, for the notice), and the scope log records what was added, removed or
/// re-estimated after the baseline.
pub(crate) fn after_change(
    before: &Workspace,
    next: &mut Workspace,
    today: chrono::NaiveDate,
    schedule: bool,
) -> Vec<TaskId> {
    let mut moved_by_schedule = Vec::new();
    let touched: Vec<ProjectId> = next
        .projects()
        .iter()
        .filter(|project| {
            before
                .projects()
                .iter()
                .find(|old| old.id == project.id)
                .is_some_and(|old| !std::sync::Arc::ptr_eq(old, project))
        })
        .map(|project| project.id)
        .collect();
    for id in touched {
        let (Some(old), Some(new)) = (before.find_project(id), next.find_project(id)) else {
            continue;
        };
        let (changed, moves) = changed_tasks(old, new);
        if schedule && moves && !changed.is_empty() {
            if let Ok(project) = next.project_mut(id) {
                let moved = schedule::reschedule(project, &changed);
                let summaries: std::collections::HashSet<TaskId> = project
                    .tasks()
                    .iter()
                    .filter_map(|task| task.parent)
                    .collect();
                moved_by_schedule.extend(
                    moved
                        .into_iter()
                        .map(|moved| moved.task)
                        .filter(|task| !changed.contains(task) && !summaries.contains(task)),
                );
            }
        }
        let (Some(old), Some(new)) = (before.find_project(id), next.find_project(id)) else {
            continue;
        };
        let changes = scope::record_changes(old, new, next.people(), today, &mut RandomIds);
        if !changes.is_empty() {
            if let Ok(project) = next.project_mut(id) {
                project.append_scope_changes(changes);
            }
        }
    }
    moved_by_schedule
}

/// Replaces `project`'s editable fields. When the start or the calendar changes, every task
/// is scheduled again, as MS Project does: tasks that are not done keep their duration in
/// working days under the new calendar (`recalendar::keep_durations`), then
/// `schedule::reschedule_all` places every task by its constraint and links. Returns the leaf
/// tasks whose dates changed, in plan order.
fn update_details(project: &mut Project, details: ProjectDetails) -> ModelResult<Vec<TaskId>> {
    let calendar = project.calendar.clone();
    let start = project.start;
    project.update_details(details)?;
    if project.start == start && project.calendar == calendar {
        return Ok(Vec::new());
    }
    let before = project.tasks().to_vec();
    recalendar::keep_durations(project, &calendar);
    schedule::reschedule_all(project);
    let summaries: std::collections::HashSet<TaskId> = project
        .tasks()
        .iter()
        .filter_map(|task| task.parent)
        .collect();
    Ok(project
        .tasks()
        .iter()
        .zip(&before)
        .filter(|(after, before)| (after.start, after.end) != (before.start, before.end))
        .map(|(after, _)| after.id)
        .filter(|task| !summaries.contains(task))
        .collect())
}

/// Names of the projects in `plan` that already exist in `workspace`.
fn conflicts(workspace: &Workspace, plan: &ReadPlan) -> Vec<String> {
    match plan {
        ReadPlan::Project(imported) => workspace
            .find_project(imported.project.id)
            .map(|existing| vec![existing.name.clone()])
            .unwrap_or_default(),
        ReadPlan::Workspace(imported) => imported
            .workspace
            .projects()
            .iter()
            .filter_map(|project| workspace.find_project(project.id))
            .map(|existing| existing.name.clone())
            .collect(),
    }
}

#[cfg(test)]
mod reschedule_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::TestPlan;
    use crate::model::{Currency, ProjectDetails, SequentialIds};
    use crate::store::persist::Saved;
    use leptos::prelude::Owner;

    fn details(name: &str) -> ProjectDetails {
        let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date");
        let mut ids = SequentialIds::default();
        let mut details = Project::new(
            ProjectId::new(&mut ids),
            name,
            start,
            Currency::EUR,
            &mut ids,
        )
        .expect("valid project")
        .details();
        details.name = name.to_string();
        details
    }

    fn names(state: AppState) -> Vec<String> {
        state.workspace().with_untracked(|workspace| {
            workspace
                .projects()
                .iter()
                .map(|project| project.name.clone())
                .collect()
        })
    }

    fn file_of(state: AppState, name: &str) -> String {
        state.workspace().with_untracked(|workspace| {
            let project = workspace
                .projects()
                .iter()
                .find(|project| project.name == name)
                .expect("the project exists");
            io::export_project(project, workspace.people())
        })
    }

    #[test]
    fn undo_after_an_import_never_removes_the_imported_project() {
        let owner = Owner::new();
        owner.set();
        let state = AppState::with_workspace(Workspace::default(), Saved::default());
        state.create_project(details("Mine")).expect("created");
        let other = AppState::with_workspace(Workspace::default(), Saved::default());
        other
            .create_project(details("From a colleague"))
            .expect("created");
        let pending = state
            .read_import(&file_of(other, "From a colleague"))
            .expect("the file reads");
        assert!(state.finish_import(pending, ImportMode::New));
        assert_eq!(names(state), vec!["Mine", "From a colleague"]);
        // The only undo step is creating "Mine"; the import is not a step and stays.
        state.undo();
        assert_eq!(names(state), vec!["From a colleague"]);
        state.undo();
        assert_eq!(names(state), vec!["From a colleague"]);
        state.redo();
        assert_eq!(names(state), vec!["Mine", "From a colleague"]);
    }

    #[test]
    fn undoing_a_replace_brings_the_previous_version_back() {
        let owner = Owner::new();
        owner.set();
        let state = AppState::with_workspace(Workspace::default(), Saved::default());
        let id = state.create_project(details("Plan")).expect("created");
        let file = file_of(state, "Plan");
        assert!(state.rename_project(id, "Plan, renamed here"));
        let pending = state.read_import(&file).expect("the file reads");
        assert_eq!(pending.conflicts, vec!["Plan, renamed here".to_string()]);
        assert!(state.finish_import(pending, ImportMode::Replace));
        assert_eq!(names(state), vec!["Plan"]);
        state.undo();
        assert_eq!(names(state), vec!["Plan, renamed here"]);
    }

    #[test]
    fn an_older_plan_file_is_imported_with_word_of_its_upgrade() {
        let owner = Owner::new();
        owner.set();
        let state = AppState::with_workspace(Workspace::default(), Saved::default());
        let pending = state
            .read_import(include_str!("../../tests/fixtures/plan-v1.json"))
            .expect("version 1 keeps importing");
        assert!(state.finish_import(pending, ImportMode::New));
        let Some(Notice::Imported { upgraded_from, .. }) = state.notice.get_untracked() else {
            panic!("the import is announced");
        };
        assert_eq!(upgraded_from, Some(1));

        let file = file_of(state, "Intranet relaunch");
        let again = AppState::with_workspace(Workspace::default(), Saved::default());
        let pending = again.read_import(&file).expect("own export imports");
        assert!(again.finish_import(pending, ImportMode::New));
        let Some(Notice::Imported { upgraded_from, .. }) = again.notice.get_untracked() else {
            panic!("the import is announced");
        };
        assert_eq!(upgraded_from, None);
    }

    #[test]
    fn title_and_column_edits_do_not_reschedule() {
        let mut plan = TestPlan::new("2027-01-04");
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 8, None);
        let before = plan.project().clone();
        plan.edit(design, |task| task.title = "Design the screens".to_string());
        let (changed, moves) = changed_tasks(&before, plan.project());
        assert_eq!(changed, vec![design]);
        assert!(!moves);
    }

    #[test]
    fn moving_a_card_to_another_column_does_not_reschedule() {
        let mut plan = TestPlan::new("2027-01-04");
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 8, None);
        plan.task("Build", "2027-01-07", "2027-01-08", 8, None);
        let before = plan.project().clone();
        let doing = plan.column(crate::model::ColumnCategory::InProgress);
        let today = plan.today;
        plan.project_mut()
            .move_task(design, doing, None, today)
            .expect("valid move");
        let (changed, moves) = changed_tasks(&before, plan.project());
        assert_eq!(changed, vec![design]);
        assert!(!moves);
    }

    #[test]
    fn date_link_and_task_set_changes_reschedule() {
        let mut plan = TestPlan::new("2027-01-04");
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 8, None);
        let build = plan.task("Build", "2027-01-07", "2027-01-08", 8, None);
        let before = plan.project().clone();
        plan.edit(design, |task| {
            task.end = "2027-01-07".parse().expect("valid date")
        });
        assert!(changed_tasks(&before, plan.project()).1);

        let before = plan.project().clone();
        plan.project_mut()
            .link_tasks(build, Dependency::finish_to_start(design))
            .expect("valid link");
        assert!(changed_tasks(&before, plan.project()).1);

        let before = plan.project().clone();
        plan.task("Test", "2027-01-11", "2027-01-12", 8, None);
        assert!(changed_tasks(&before, plan.project()).1);
    }
}
