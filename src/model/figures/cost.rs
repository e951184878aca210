//! What work costs: planned and actual cost of tasks, and the project's totals against its budget.
//!
//! Owns [`PreciseMoney`], the sub-minor unit every cost sum is kept in, and [`Rates`], the
//! hourly rates of the workspace people. Hours are hundredths and rates are minor units per hour,
//! so work costs hundredths of a minor unit; sums stay exact and become [`Money`] through one
//! rounding (half away from zero, [`PreciseMoney::rounded`]) at the end of each figure.
//!
//! Summary tasks (tasks with subtasks) carry no work of their own: every project total sums leaf
//! tasks only, so a summary's estimate, fixed costs and any time logged on it are not counted.
//! Earned value lives in `earned_value`; health verdicts in `health`.

use crate::model::ids::{PersonId, TaskId};
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::ratio::{divide, Rounding};
use crate::model::task::Task;
use crate::model::units::{Currency, Hours, Money};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Money in millionths of a minor unit, for exact sums. Hours × rate is exact in it (hundredths
/// of a minor unit), and so is a share in whole percent of that; only the linear spread of
/// planned value over working days divides further (see `earned_value`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PreciseMoney(i128);

impl PreciseMoney {
    /// No money.
    pub const ZERO: PreciseMoney = PreciseMoney(0);
    /// How many units make one minor unit.
    pub const PER_MINOR: i128 = 1_000_000;

    /// From millionths of a minor unit.
    pub const fn from_micro(micro: i128) -> PreciseMoney {
        PreciseMoney(micro)
    }

    /// The value in millionths of a minor unit.
    pub fn micro(self) -> i128 {
        self.0
    }

    /// An exact amount of money.
    pub fn from_money(amount: Money) -> PreciseMoney {
        PreciseMoney(i128::from(amount.minor()) * Self::PER_MINOR)
    }

    /// `hours` of work at `rate` minor units per hour, exactly (1.5 h × 33.33/h is 49.995).
    pub fn work(hours: Hours, rate: Money) -> PreciseMoney {
        // Hundredths of an hour times minor units per hour is hundredths of a minor unit.
        PreciseMoney(i128::from(hours.centi()) * i128::from(rate.minor()) * (Self::PER_MINOR / 100))
    }

    /// `self × numerator / denominator`, kept to a millionth of a minor unit (half away from
    /// zero); zero when `denominator` is zero.
    pub fn share(self, numerator: i128, denominator: i128) -> PreciseMoney {
        if denominator == 0 {
            return PreciseMoney::ZERO;
        }
        PreciseMoney(crate::model::ratio::multiply_divide(
            self.0,
            numerator,
            denominator,
            Rounding::HalfAwayFromZero,
        ))
    }

    /// The one rounding to what people read: the nearest minor unit, halves away from zero
    /// (49.995 cents is 50 cents, −0.5 is −1), saturating at the `i64` range.
    pub fn rounded(self) -> Money {
        let minor = divide(self.0, Self::PER_MINOR, Rounding::HalfAwayFromZero);
        Money(i64::try_from(minor).unwrap_or(if minor < 0 { i64::MIN } else { i64::MAX }))
    }
}

impl std::ops::Add for PreciseMoney {
    type Output = PreciseMoney;
    fn add(self, other: PreciseMoney) -> PreciseMoney {
        PreciseMoney(self.0.saturating_add(other.0))
    }
}

impl std::ops::Sub for PreciseMoney {
    type Output = PreciseMoney;
    fn sub(self, other: PreciseMoney) -> PreciseMoney {
        PreciseMoney(self.0.saturating_sub(other.0))
    }
}

impl std::ops::AddAssign for PreciseMoney {
    fn add_assign(&mut self, other: PreciseMoney) {
        *self = *self + other;
    }
}

impl std::iter::Sum for PreciseMoney {
    fn sum<I: Iterator<Item = PreciseMoney>>(iter: I) -> PreciseMoney {
        iter.fold(PreciseMoney::ZERO, |total, amount| total + amount)
    }
}

/// Hourly rates of the workspace people, looked up by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rates {
    by_person: HashMap<PersonId, Money>,
}

impl Rates {
    /// The current rates of `people`.
    pub fn new(people: &[Person]) -> Rates {
        Rates {
            by_person: people
                .iter()
                .map(|person| (person.id, person.hourly_rate))
                .collect(),
        }
    }

    /// Minor units per hour for `person`; zero when nobody is given or the person has left the
    /// roster.
    pub fn rate(&self, person: Option<PersonId>) -> Money {
        person
            .and_then(|person| self.by_person.get(&person).copied())
            .unwrap_or(Money::ZERO)
    }
}

/// Planned cost of a task: its estimate at the assignee's rate plus its planned fixed cost.
pub fn planned_cost(task: &Task, rates: &Rates) -> PreciseMoney {
    PreciseMoney::work(task.estimate, rates.rate(task.assignee))
        + PreciseMoney::from_money(task.fixed_cost)
}

/// Actual cost of a task: each time entry dated on or before `until` (all entries when `None`)
/// at the rate of the person who logged it, plus the actual fixed cost. Fixed costs carry no
/// date, so they count in full at any date. A running timer costs nothing until it is stopped.
pub fn actual_cost(task: &Task, rates: &Rates, until: Option<NaiveDate>) -> PreciseMoney {
    let work: PreciseMoney = task
        .time_entries
        .iter()
        .filter(|entry| until.is_none_or(|until| entry.date <= until))
        .map(|entry| PreciseMoney::work(entry.hours, rates.rate(Some(entry.person))))
        .sum();
    work + PreciseMoney::from_money(task.actual_fixed_cost)
}

/// Actual cost of the whole project: every leaf task's [`actual_cost`] up to `until`.
pub fn project_actual_cost(
    project: &Project,
    rates: &Rates,
    until: Option<NaiveDate>,
) -> PreciseMoney {
    leaf_tasks(project)
        .map(|task| actual_cost(task, rates, until))
        .sum()
}

/// The ids of tasks that have subtasks (summary tasks), found in one pass.
pub fn summary_ids(project: &Project) -> HashSet<TaskId> {
    project
        .tasks()
        .iter()
        .filter_map(|task| task.parent)
        .collect()
}

/// Tasks without subtasks, in plan order: the ones whose work and cost count in totals.
pub fn leaf_tasks(project: &Project) -> impl Iterator<Item = &Task> {
    let summaries = summary_ids(project);
    project
        .tasks()
        .iter()
        .filter(move |task| !summaries.contains(&task.id))
        .map(|task| task.as_ref())
}

/// Cost of one leaf task, rounded for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskCost {
    pub task: TaskId,
    /// Planned cost in minor units.
    pub planned: Money,
    /// Actual cost so far in minor units.
    pub actual: Money,
}

/// Planned and actual cost of every leaf task, in plan order.
pub fn task_costs(project: &Project, people: &[Person]) -> Vec<TaskCost> {
    let rates = Rates::new(people);
    leaf_tasks(project)
        .map(|task| TaskCost {
            task: task.id,
            planned: planned_cost(task, &rates).rounded(),
            actual: actual_cost(task, &rates, None).rounded(),
        })
        .collect()
}

/// The project's cost totals against its budget, each rounded once from exact sums.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProjectCost {
    /// The currency of every figure.
    pub currency: Currency,
    /// The approved budget; `None` when none is set (amount zero).
    pub budget: Option<Money>,
    /// Σ planned cost of leaf tasks.
    pub planned: Money,
    /// Σ actual cost of leaf tasks, all entries to date.
    pub actual: Money,
    /// Budget minus actual cost (negative when overspent); `None` without a budget.
    pub remaining: Option<Money>,
    /// Σ estimate of leaf tasks.
    pub planned_hours: Hours,
    /// Σ hours logged on leaf tasks.
    pub logged_hours: Hours,
}

/// Totals over the leaf tasks of `project`, priced with the current rates of `people`.
pub fn project_cost(project: &Project, people: &[Person]) -> ProjectCost {
    let rates = Rates::new(people);
    let mut planned = PreciseMoney::ZERO;
    let mut actual = PreciseMoney::ZERO;
    let mut planned_hours = Hours::ZERO;
    let mut logged_hours = Hours::ZERO;
    for task in leaf_tasks(project) {
        planned += planned_cost(task, &rates);
        actual += actual_cost(task, &rates, None);
        planned_hours = planned_hours.saturating_add(task.estimate);
        logged_hours = logged_hours.saturating_add(task.logged_hours());
    }
    let budget = Some(project.budget.amount).filter(|amount| *amount != Money::ZERO);
    ProjectCost {
        currency: project.budget.currency,
        budget,
        planned: planned.rounded(),
        actual: actual.rounded(),
        remaining: budget.map(|budget| (PreciseMoney::from_money(budget) - actual).rounded()),
        planned_hours,
        logged_hours,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::{IdSource, SequentialIds, TimeEntryId};
    use crate::model::testing::date;
    use crate::model::{Person, ProjectId, TimeEntry, Workspace};

    fn person(ids: &mut dyn IdSource, name: &str, rate: i64) -> Person {
        let mut person = Person::new(PersonId::new(ids), name);
        person.hourly_rate = Money(rate);
        person
    }

    #[test]
    fn work_is_priced_exactly_and_rounded_once_half_away_from_zero() {
        // 1.5 h × 33.33 per hour = 49.995, which shows as 50.00.
        let cost = PreciseMoney::work(Hours::from_centi(150), Money(3_333));
        assert_eq!(cost.micro(), 4_999_500_000);
        assert_eq!(cost.rounded(), Money(5_000));
        // Two such entries sum before rounding: 99.99, not 100.00.
        assert_eq!((cost + cost).rounded(), Money(9_999));
        assert_eq!(PreciseMoney::from_micro(-500_000).rounded(), Money(-1));
        assert_eq!(PreciseMoney::from_micro(-499_999).rounded(), Money(0));
    }

    #[test]
    fn unknown_people_work_for_free() {
        let mut ids = SequentialIds::default();
        let ada = person(&mut ids, "Ada", 10_000);
        let rates = Rates::new(std::slice::from_ref(&ada));
        assert_eq!(rates.rate(Some(ada.id)), Money(10_000));
        assert_eq!(rates.rate(Some(PersonId::new(&mut ids))), Money::ZERO);
        assert_eq!(rates.rate(None), Money::ZERO);
    }

    #[test]
    fn project_totals_count_leaf_tasks_only() {
        let mut ids = SequentialIds::default();
        let today = date("2026-03-02");
        let mut workspace = Workspace::default();
        let project_id = ProjectId::new(&mut ids);
        let mut project = Project::new(project_id, "Intranet", today, Currency::EUR, &mut ids)
            .expect("valid project");
        let mut details = project.details();
        details.budget.amount = Money(100_000);
        project.update_details(details).expect("valid budget");
        workspace.add_project(project).expect("new project");
        let ada = person(&mut ids, "Ada", 3_333);
        let ada_id = ada.id;
        workspace
            .add_person(ada, Some(project_id))
            .expect("new person");
        let project = workspace.project_mut(project_id).expect("exists");
        let column = project.columns()[0].id;
        let phase_id = TaskId::new(&mut ids);
        let mut phase = Task::new(phase_id, "Phase", column, today, today);
        phase.estimate = Hours::whole(100);
        phase.fixed_cost = Money(99_999);
        project.add_task(phase, today).expect("valid task");
        let mut build = Task::new(TaskId::new(&mut ids), "Build", column, today, today);
        build.parent = Some(phase_id);
        build.assignee = Some(ada_id);
        build.estimate = Hours::from_centi(150);
        build.fixed_cost = Money(1_000);
        build.actual_fixed_cost = Money(250);
        let build_id = build.id;
        project.add_task(build, today).expect("valid task");
        for _ in 0..2 {
            project
                .log_time(
                    build_id,
                    TimeEntry {
                        id: TimeEntryId::new(&mut ids),
                        date: today,
                        person: ada_id,
                        hours: Hours::from_centi(150),
                        note: String::new(),
                    },
                )
                .expect("valid entry");
        }

        let project = workspace.project(project_id).expect("exists");
        let totals = project_cost(project, workspace.people());
        // Planned: 49.995 + 10.00 = 59.995 → 60.00; the phase's own figures are ignored.
        assert_eq!(totals.planned, Money(6_000));
        // Actual: 2 × 49.995 + 2.50 = 102.49.
        assert_eq!(totals.actual, Money(10_249));
        assert_eq!(totals.remaining, Some(Money(100_000 - 10_249)));
        assert_eq!(totals.planned_hours, Hours::from_centi(150));
        assert_eq!(totals.logged_hours, Hours::whole(3));
        assert_eq!(
            task_costs(project, workspace.people()),
            vec![TaskCost {
                task: build_id,
                planned: Money(6_000),
                actual: Money(10_249),
            }]
        );
    }

    #[test]
    fn actual_cost_at_a_date_leaves_out_later_entries() {
        let mut ids = SequentialIds::default();
        let ada = person(&mut ids, "Ada", 10_000);
        let rates = Rates::new(std::slice::from_ref(&ada));
        let mut task = Task::new(
            TaskId::new(&mut ids),
            "Build",
            crate::model::ColumnId::new(&mut ids),
            date("2026-03-02"),
            date("2026-03-02"),
        );
        for day in ["2026-03-02", "2026-03-03"] {
            task.time_entries.push(TimeEntry {
                id: TimeEntryId::new(&mut ids),
                date: date(day),
                person: ada.id,
                hours: Hours::whole(2),
                note: String::new(),
            });
        }
        assert_eq!(
            actual_cost(&task, &rates, Some(date("2026-03-02"))).rounded(),
            Money(20_000)
        );
        assert_eq!(actual_cost(&task, &rates, None).rounded(), Money(40_000));
    }
}
