//! Timesheets: a person's logged time for one week as a grid of tasks × seven days, with day,
//! task and week totals, the team's weekly totals, and helpers to find entries.
//!
//! Reads the time entries on tasks of every project; logging and editing entries are
//! `Project::log_time` and friends. Hours are exact hundredths; totals saturate far beyond a week.

use crate::model::ids::{PersonId, ProjectId, TaskId, TimeEntryId};
use crate::model::project::Project;
use crate::model::tracking::TimeEntry;
use crate::model::units::Hours;
use crate::model::week::Week;
use crate::model::workspace::Workspace;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One task on one day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimesheetCell {
    /// Hours logged.
    pub hours: Hours,
    /// The entries behind them, in the order they were logged.
    pub entries: Vec<TimeEntryId>,
}

/// One task's week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimesheetRow {
    pub project: ProjectId,
    pub task: TaskId,
    /// The task's title.
    pub title: String,
    /// One cell per day of the week, first day first.
    pub days: [TimesheetCell; 7],
    /// Hours on the task this week.
    pub total: Hours,
}

/// A person's week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timesheet {
    pub person: PersonId,
    pub week: Week,
    /// Tasks with time logged by the person this week, then their open assigned tasks that run
    /// during the week (so there is a row to type into); in project then plan order.
    pub rows: Vec<TimesheetRow>,
    /// Hours per day, first day first.
    pub day_totals: [Hours; 7],
    /// Hours in the week.
    pub total: Hours,
}

/// One person's total per day of a week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonWeek {
    pub person: PersonId,
    /// Hours per day, first day first.
    pub days: [Hours; 7],
    /// Hours in the week.
    pub total: Hours,
}

/// A time entry with the task and project it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryRef<'a> {
    pub project: ProjectId,
    pub task: TaskId,
    pub entry: &'a TimeEntry,
}

/// Every entry in `projects` logged by `person` (everyone when `None`) dated `from..=to`, in
/// project, task and logging order.
pub fn entries<'a>(
    projects: impl IntoIterator<Item = &'a Project>,
    person: Option<PersonId>,
    from: NaiveDate,
    to: NaiveDate,
) -> impl Iterator<Item = EntryRef<'a>> {
    projects.into_iter().flat_map(move |project| {
        project.tasks().iter().flat_map(move |task| {
            task.time_entries
                .iter()
                .filter(move |entry| {
                    (from..=to).contains(&entry.date)
                        && person.is_none_or(|person| entry.person == person)
                })
                .map(move |entry| EntryRef {
                    project: project.id,
                    task: task.id,
                    entry,
                })
        })
    })
}

/// The entry `id`, wherever it is in the workspace.
pub fn find_entry(workspace: &Workspace, id: TimeEntryId) -> Option<EntryRef<'_>> {
    workspace.projects().iter().find_map(|project| {
        project.tasks().iter().find_map(|task| {
            task.time_entries
                .iter()
                .find(|entry| entry.id == id)
                .map(|entry| EntryRef {
                    project: project.id,
                    task: task.id,
                    entry,
                })
        })
    })
}

/// `person`'s timesheet for `week`, across every project of the workspace.
pub fn timesheet(workspace: &Workspace, person: PersonId, week: Week) -> Timesheet {
    let mut rows: Vec<TimesheetRow> = Vec::new();
    let mut open_rows: Vec<TimesheetRow> = Vec::new();
    for project in workspace.projects() {
        let summaries = crate::model::cost::summary_ids(project);
        for task in project.tasks() {
            let mut days: [TimesheetCell; 7] = Default::default();
            for entry in task
                .time_entries
                .iter()
                .filter(|entry| entry.person == person)
            {
                if let Some(index) = week.day_index(entry.date) {
                    days[index].hours = days[index].hours.saturating_add(entry.hours);
                    days[index].entries.push(entry.id);
                }
            }
            let logged = days.iter().any(|cell| !cell.entries.is_empty());
            let open = task.assignee == Some(person)
                && !summaries.contains(&task.id)
                && !task.milestone
                && !project.is_done(task)
                && task.start <= week.end()
                && task.end >= week.start;
            if !logged && !open {
                continue;
            }
            let row = TimesheetRow {
                project: project.id,
                task: task.id,
                title: task.title.clone(),
                total: days.iter().map(|cell| cell.hours).sum(),
                days,
            };
            if logged {
                rows.push(row);
            } else {
                open_rows.push(row);
            }
        }
    }
    rows.extend(open_rows);
    let day_totals: [Hours; 7] =
        std::array::from_fn(|index| rows.iter().map(|row| row.days[index].hours).sum());
    Timesheet {
        person,
        week,
        total: day_totals.iter().copied().sum(),
        rows,
        day_totals,
    }
}

/// Each person's daily totals for `week`: the roster over every project, or one project's team
/// on that project only.
pub fn team_week(workspace: &Workspace, project: Option<ProjectId>, week: Week) -> Vec<PersonWeek> {
    let (people, projects): (Vec<PersonId>, Vec<&Project>) = match project {
        None => (
            workspace.people().iter().map(|person| person.id).collect(),
            workspace
                .projects()
                .iter()
                .map(|project| project.as_ref())
                .collect(),
        ),
        Some(id) => match workspace.find_project(id) {
            Some(project) => (project.team().to_vec(), vec![project]),
            None => (Vec::new(), Vec::new()),
        },
    };
    let mut totals: Vec<PersonWeek> = people
        .iter()
        .map(|person| PersonWeek {
            person: *person,
            days: [Hours::ZERO; 7],
            total: Hours::ZERO,
        })
        .collect();
    let rows: HashMap<PersonId, usize> = totals
        .iter()
        .enumerate()
        .map(|(index, row)| (row.person, index))
        .collect();
    for found in entries(projects, None, week.start, week.end()) {
        let (Some(row), Some(day)) = (
            rows.get(&found.entry.person),
            week.day_index(found.entry.date),
        ) else {
            continue;
        };
        let row = &mut totals[*row];
        row.days[day] = row.days[day].saturating_add(found.entry.hours);
        row.total = row.total.saturating_add(found.entry.hours);
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{date, TestPlan};
    use chrono::Weekday;

    fn week(day: &str) -> Week {
        Week::containing(date(day), Weekday::Mon)
    }

    #[test]
    fn a_week_of_entries_becomes_a_grid_with_totals() {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 0);
        let bob = plan.person("Bob", 0);
        let build = plan.task("Build", "2026-03-02", "2026-03-13", 40, Some(ada));
        let test = plan.task("Test", "2026-03-16", "2026-03-20", 10, None);
        plan.task("Docs", "2026-03-04", "2026-03-05", 4, Some(ada));
        plan.task("Later", "2026-04-01", "2026-04-02", 4, Some(ada));
        plan.log(build, ada, "2026-03-02", 400);
        plan.log(build, ada, "2026-03-02", 150);
        plan.log(build, ada, "2026-03-04", 800);
        plan.log(test, ada, "2026-03-08", 125);
        plan.log(build, bob, "2026-03-03", 800);
        plan.log(build, ada, "2026-03-09", 800);

        let sheet = timesheet(&plan.workspace, ada, week("2026-03-04"));
        let titles: Vec<&str> = sheet.rows.iter().map(|row| row.title.as_str()).collect();
        assert_eq!(titles, vec!["Build", "Test", "Docs"]);
        let build_row = &sheet.rows[0];
        assert_eq!(build_row.days[0].hours, Hours::from_centi(550));
        assert_eq!(build_row.days[0].entries.len(), 2);
        assert_eq!(build_row.days[2].hours, Hours::whole(8));
        assert_eq!(build_row.total, Hours::from_centi(1_350));
        assert_eq!(sheet.rows[1].days[6].hours, Hours::from_centi(125));
        assert_eq!(sheet.rows[2].total, Hours::ZERO);
        assert_eq!(
            sheet.day_totals,
            [
                Hours::from_centi(550),
                Hours::ZERO,
                Hours::whole(8),
                Hours::ZERO,
                Hours::ZERO,
                Hours::ZERO,
                Hours::from_centi(125),
            ]
        );
        assert_eq!(sheet.total, Hours::from_centi(1_475));
    }

    #[test]
    fn team_totals_add_up_each_persons_days() {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 0);
        let bob = plan.person("Bob", 0);
        let build = plan.task("Build", "2026-03-02", "2026-03-13", 40, Some(ada));
        plan.log(build, ada, "2026-03-02", 400);
        plan.log(build, bob, "2026-03-03", 800);
        plan.log(build, bob, "2026-03-03", 50);
        let totals = team_week(&plan.workspace, Some(plan.project), week("2026-03-02"));
        assert_eq!(totals.len(), 2);
        assert_eq!(totals[0].person, ada);
        assert_eq!(totals[0].total, Hours::whole(4));
        assert_eq!(totals[1].days[1], Hours::from_centi(850));
        assert_eq!(totals[1].total, Hours::from_centi(850));
    }

    #[test]
    fn entries_are_found_by_person_date_and_id() {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 0);
        let build = plan.task("Build", "2026-03-02", "2026-03-13", 40, Some(ada));
        plan.log(build, ada, "2026-03-02", 400);
        plan.log(build, ada, "2026-03-05", 200);
        let found: Vec<NaiveDate> = entries(
            [plan.project()],
            Some(ada),
            date("2026-03-03"),
            date("2026-03-31"),
        )
        .map(|found| found.entry.date)
        .collect();
        assert_eq!(found, vec![date("2026-03-05")]);
        let id = plan.project().task(build).expect("exists").time_entries[0].id;
        let entry = find_entry(&plan.workspace, id).expect("logged above");
        assert_eq!(entry.task, build);
        assert_eq!(entry.entry.hours, Hours::whole(4));
    }
}
