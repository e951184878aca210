//! Workload: hours of remaining work per person per week against their weekly capacity, across
//! every project of the workspace (people are shared) or for one project.
//!
//! Each leaf task that is not done contributes its remaining work, estimate × (100 − progress) %
//! (rounded once to a hundredth of an hour, half away from zero), spread evenly over its
//! remaining working days: from the later of its start and `today` to its end, in its project's
//! calendar. The spread is exact: the hundredths that do not divide evenly go one each to the
//! first days, so a task's days always add up to its remaining work. Work of an overdue task (end
//! before `today`) all lands on the first working day from `today`; work planned on non-working
//! days only lands on the next working day. Capacity is weekly and per person; holidays do not
//! reduce it. Done work, summary tasks and the past are not load.

use crate::model::calendar::{shift, Calendar};
use crate::model::cost::summary_ids;
use crate::model::ids::{PersonId, ProjectId, TaskId};
use crate::model::project::Project;
use crate::model::ratio::{divide, Rounding};
use crate::model::task::Task;
use crate::model::units::Hours;
use crate::model::week::Week;
use crate::model::workspace::Workspace;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// Which projects' work is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkloadScope {
    /// Every project; rows are the whole roster.
    Workspace,
    /// One project; rows are its team, and their work on other projects still counts towards
    /// over-allocation.
    Project(ProjectId),
}

/// One task's hours in one week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkloadShare {
    pub project: ProjectId,
    pub task: TaskId,
    /// Hours of the task planned in the week.
    pub hours: Hours,
}

/// One person's week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkloadCell {
    pub week: Week,
    /// Hours of work in the scope.
    pub hours: Hours,
    /// Hours of work on projects outside the scope (always zero for the workspace scope).
    pub other_hours: Hours,
    /// True when `hours + other_hours` exceeds the person's weekly capacity.
    pub over_allocated: bool,
    /// The tasks behind `hours`, in project then plan order.
    pub tasks: Vec<WorkloadShare>,
}

/// One person's weeks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkloadRow {
    pub person: PersonId,
    /// Hours a week the person can work.
    pub capacity: Hours,
    /// One cell per week of [`Workload::weeks`].
    pub cells: Vec<WorkloadCell>,
}

/// The workload grid: people × weeks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workload {
    /// The weeks shown, in order.
    pub weeks: Vec<Week>,
    /// A row per person, in roster or team order.
    pub rows: Vec<WorkloadRow>,
    /// Work in the scope that nobody is assigned to, one cell per week (never over-allocated).
    pub unassigned: Vec<WorkloadCell>,
}

/// Remaining work of a task: estimate × (100 − progress) %, to the hundredth (half away from
/// zero); nothing once done.
pub fn remaining_work(project: &Project, task: &Task) -> Hours {
    if project.is_done(task) {
        return Hours::ZERO;
    }
    let open = 100 - i128::from(task.progress.percent());
    let centi = divide(
        i128::from(task.estimate.centi()) * open,
        100,
        Rounding::HalfAwayFromZero,
    );
    Hours::from_centi(u32::try_from(centi).unwrap_or(u32::MAX))
}

/// How a task's remaining work is laid over days: `total` hundredths over the `days` working
/// days from `first`; the first `total % days` days get one hundredth more.
struct Spread {
    first: NaiveDate,
    last: NaiveDate,
    days: u32,
    total: u32,
}

impl Spread {
    fn of(calendar: &Calendar, task: &Task, remaining: Hours, today: NaiveDate) -> Spread {
        let from = task.start.max(today);
        let (first, last) = if from > task.end {
            let day = calendar.next_working_day(today);
            (day, day)
        } else if calendar.working_days_inclusive(from, task.end) == 0 {
            let day = calendar.next_working_day(from);
            (day, day)
        } else {
            (from, task.end)
        };
        Spread {
            first,
            last,
            days: calendar.working_days_inclusive(first, last).max(1),
            total: remaining.centi(),
        }
    }

    /// Hundredths planned on the `index`-th working day (0-based).
    fn on_day(&self, index: u32) -> u32 {
        self.total / self.days + u32::from(index < self.total % self.days)
    }
}

/// Adds each working day's share of `task` inside `start..=end` to `add(day, centi_hours)`.
fn lay_out(
    calendar: &Calendar,
    task: &Task,
    remaining: Hours,
    today: NaiveDate,
    (start, end): (NaiveDate, NaiveDate),
    mut add: impl FnMut(NaiveDate, u32),
) {
    let spread = Spread::of(calendar, task, remaining, today);
    let from = spread.first.max(start);
    let to = spread.last.min(end);
    if from > to {
        return;
    }
    // Working days of the spread before the window, so shares continue where they left off.
    let mut index = if from > spread.first {
        calendar.working_days_inclusive(spread.first, shift(from, -1))
    } else {
        0
    };
    let mut day = from;
    while day <= to {
        if calendar.is_working_day(day) {
            add(day, spread.on_day(index));
            index += 1;
        }
        day = shift(day, 1);
    }
}

/// Hours per working day of one task's remaining work from `today`, in order; the days add up
/// to [`remaining_work`].
pub fn daily_work(project: &Project, task: &Task, today: NaiveDate) -> Vec<(NaiveDate, Hours)> {
    let remaining = remaining_work(project, task);
    let mut days = Vec::new();
    if remaining == Hours::ZERO {
        return days;
    }
    let spread = Spread::of(&project.calendar, task, remaining, today);
    lay_out(
        &project.calendar,
        task,
        remaining,
        today,
        (spread.first, spread.last),
        |day, centi| days.push((day, Hours::from_centi(centi))),
    );
    days
}

/// In-scope centi-hours of one week by task, keyed by (project index, task index) so that they
/// come out in project then plan order.
type TaskHours = BTreeMap<(usize, usize), (ProjectId, TaskId, u64)>;

/// Centi-hours per week, in scope and outside it, and the in-scope tasks by week.
#[derive(Default)]
struct Tally {
    scoped: Vec<u64>,
    other: Vec<u64>,
    tasks: Vec<TaskHours>,
}

impl Tally {
    fn new(weeks: usize) -> Tally {
        Tally {
            scoped: vec![0; weeks],
            other: vec![0; weeks],
            tasks: vec![BTreeMap::new(); weeks],
        }
    }
}

fn hours(centi: u64) -> Hours {
    Hours::from_centi(u32::try_from(centi).unwrap_or(u32::MAX))
}

/// The workload of `scope` over `weeks` weeks starting with `first`, as planned from `today`.
/// Weeks start on whatever weekday `first` starts on (pass `Week::containing(day, locale's
/// first weekday)`).
pub fn workload(
    workspace: &Workspace,
    scope: WorkloadScope,
    today: NaiveDate,
    first: Week,
    weeks: usize,
) -> Workload {
    let weeks_shown = first.run(weeks);
    let Some(last) = weeks_shown.last() else {
        return Workload {
            weeks: Vec::new(),
            rows: Vec::new(),
            unassigned: Vec::new(),
        };
    };
    let window = (first.start, last.end());
    let in_scope = |project: &Project| match scope {
        WorkloadScope::Workspace => true,
        WorkloadScope::Project(id) => project.id == id,
    };
    let mut by_person: HashMap<Option<PersonId>, Tally> = HashMap::new();
    for (project_index, project) in workspace.projects().iter().enumerate() {
        let scoped = in_scope(project);
        let summaries = summary_ids(project);
        for (task_index, task) in project.tasks().iter().enumerate() {
            if summaries.contains(&task.id) || (task.assignee.is_none() && !scoped) {
                continue;
            }
            let remaining = remaining_work(project, task);
            if remaining == Hours::ZERO {
                continue;
            }
            let tally = by_person
                .entry(task.assignee)
                .or_insert_with(|| Tally::new(weeks));
            lay_out(
                &project.calendar,
                task,
                remaining,
                today,
                window,
                |day, centi| {
                    let week = ((day - first.start).num_days() / 7) as usize;
                    let centi = u64::from(centi);
                    if scoped {
                        tally.scoped[week] += centi;
                        tally.tasks[week]
                            .entry((project_index, task_index))
                            .or_insert((project.id, task.id, 0))
                            .2 += centi;
                    } else {
                        tally.other[week] += centi;
                    }
                },
            );
        }
    }
    let cells = |tally: Option<&Tally>, capacity: Option<Hours>| -> Vec<WorkloadCell> {
        weeks_shown
            .iter()
            .enumerate()
            .map(|(index, week)| {
                let scoped = tally.map(|tally| tally.scoped[index]).unwrap_or(0);
                let other = tally.map(|tally| tally.other[index]).unwrap_or(0);
                WorkloadCell {
                    week: *week,
                    hours: hours(scoped),
                    other_hours: hours(other),
                    over_allocated: capacity
                        .is_some_and(|capacity| scoped + other > u64::from(capacity.centi())),
                    tasks: tally
                        .map(|tally| {
                            tally.tasks[index]
                                .values()
                                .map(|(project, task, centi)| WorkloadShare {
                                    project: *project,
                                    task: *task,
                                    hours: hours(*centi),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect()
    };
    let people: Vec<PersonId> = match scope {
        WorkloadScope::Workspace => workspace.people().iter().map(|person| person.id).collect(),
        WorkloadScope::Project(id) => workspace
            .find_project(id)
            .map(|project| project.team().to_vec())
            .unwrap_or_default(),
    };
    let rows = people
        .into_iter()
        .filter_map(|id| workspace.person(id))
        .map(|person| WorkloadRow {
            person: person.id,
            capacity: person.weekly_capacity,
            cells: cells(
                by_person.get(&Some(person.id)),
                Some(person.weekly_capacity),
            ),
        })
        .collect();
    Workload {
        rows,
        unassigned: cells(by_person.get(&None), None),
        weeks: weeks_shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{date, TestPlan};
    use crate::model::{ColumnCategory, Currency, Project, ProjectId};
    use chrono::Weekday;

    fn week(day: &str) -> Week {
        Week::containing(date(day), Weekday::Mon)
    }

    #[test]
    fn remaining_work_spreads_exactly_over_the_remaining_working_days() {
        let mut plan = TestPlan::new("2026-03-02");
        let build = plan.task("Build", "2026-03-02", "2026-03-10", 10, None);
        plan.progress(build, 50);
        // From Thursday 5 March: Thu, Fri, Mon, Tue share 5 h: 1.25 h each.
        let project = plan.project();
        let task = project.task(build).expect("exists");
        let days = daily_work(project, task, date("2026-03-05"));
        assert_eq!(
            days,
            vec![
                (date("2026-03-05"), Hours::from_centi(125)),
                (date("2026-03-06"), Hours::from_centi(125)),
                (date("2026-03-09"), Hours::from_centi(125)),
                (date("2026-03-10"), Hours::from_centi(125)),
            ]
        );
    }

    #[test]
    fn hundredths_that_do_not_divide_go_to_the_first_days() {
        let mut plan = TestPlan::new("2026-03-02");
        let build = plan.task("Build", "2026-03-02", "2026-03-04", 1, None);
        let project = plan.project();
        let task = project.task(build).expect("exists");
        let shares: Vec<u32> = daily_work(project, task, date("2026-03-02"))
            .into_iter()
            .map(|(_, hours)| hours.centi())
            .collect();
        assert_eq!(shares, vec![34, 33, 33]);
    }

    #[test]
    fn overdue_work_lands_on_today_and_done_work_is_not_load() {
        let mut plan = TestPlan::new("2026-03-02");
        let late = plan.task("Late", "2026-03-02", "2026-03-03", 6, None);
        let done = plan.task("Done", "2026-03-02", "2026-03-13", 6, None);
        plan.move_to(done, ColumnCategory::Done, "2026-03-04");
        let project = plan.project();
        // Saturday: the next working day is Monday 9 March.
        assert_eq!(
            daily_work(
                project,
                project.task(late).expect("exists"),
                date("2026-03-07")
            ),
            vec![(date("2026-03-09"), Hours::whole(6))]
        );
        assert!(daily_work(
            project,
            project.task(done).expect("exists"),
            date("2026-03-07")
        )
        .is_empty());
    }

    #[test]
    fn a_person_over_capacity_across_projects_is_flagged_in_each_project() {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 0);
        plan.task("Intranet work", "2026-03-02", "2026-03-06", 30, Some(ada));
        let other = Project::new(
            ProjectId::new(plan.ids()),
            "Shop",
            date("2026-03-02"),
            Currency::EUR,
            &mut plan.ids,
        )
        .expect("valid project");
        let column = other.columns()[0].id;
        let mut task = crate::model::Task::new(
            TaskId::new(plan.ids()),
            "Shop work",
            column,
            date("2026-03-02"),
            date("2026-03-02"),
        );
        task.end = date("2026-03-06");
        task.estimate = Hours::whole(20);
        task.assignee = Some(ada);
        let shop = other.id;
        plan.workspace.add_project(other).expect("new project");
        plan.workspace
            .add_team_member(shop, ada)
            .expect("on roster");
        plan.workspace
            .project_mut(shop)
            .expect("exists")
            .add_task(task, date("2026-03-02"))
            .expect("valid task");

        let first = week("2026-03-02");
        let everything = workload(
            &plan.workspace,
            WorkloadScope::Workspace,
            date("2026-03-02"),
            first,
            2,
        );
        let cell = &everything.rows[0].cells[0];
        assert_eq!(cell.hours, Hours::whole(50));
        assert_eq!(cell.other_hours, Hours::ZERO);
        assert!(cell.over_allocated);
        assert_eq!(cell.tasks.len(), 2);
        assert_eq!(everything.rows[0].cells[1].hours, Hours::ZERO);

        let intranet = workload(
            &plan.workspace,
            WorkloadScope::Project(plan.project),
            date("2026-03-02"),
            first,
            1,
        );
        let cell = &intranet.rows[0].cells[0];
        assert_eq!(cell.hours, Hours::whole(30));
        assert_eq!(cell.other_hours, Hours::whole(20));
        assert!(cell.over_allocated);
        assert_eq!(cell.tasks.len(), 1);
        assert_eq!(cell.tasks[0].hours, Hours::whole(30));
    }

    #[test]
    fn a_week_window_in_the_middle_of_a_task_takes_only_its_days() {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 0);
        // 20 working days, 40 h: 2 h a day, 10 h a week.
        plan.task("Long", "2026-03-02", "2026-03-27", 40, Some(ada));
        plan.task("Loose end", "2026-03-09", "2026-03-09", 3, None);
        let load = workload(
            &plan.workspace,
            WorkloadScope::Project(plan.project),
            date("2026-03-02"),
            week("2026-03-09"),
            2,
        );
        assert_eq!(load.rows[0].cells[0].hours, Hours::whole(10));
        assert_eq!(load.rows[0].cells[1].hours, Hours::whole(10));
        assert!(!load.rows[0].cells[0].over_allocated);
        assert_eq!(load.unassigned[0].hours, Hours::whole(3));
        assert!(!load.unassigned[0].over_allocated);
    }
}
