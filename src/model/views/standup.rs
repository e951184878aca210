//! The stand-up view: per person, what was done since the last stand-up, what is in progress,
//! blocked, overdue or due soon.
//!
//! "Since" is the last stand-up recorded before `today` (`Project::standups`), or the previous
//! working day when none was. Dates are inclusive: work completed or logged on the last
//! stand-up's own day counts as done since. A task is done when `Project::is_done` says so.
//! Summary tasks are left out (their subtasks are listed). Recording a stand-up is
//! `Project::record_standup`.

use crate::model::calendar::shift;
use crate::model::ids::{PersonId, TaskId};
use crate::model::project::{ColumnCategory, Project};
use crate::model::task::{LinkKind, Task};
use crate::model::units::{Hours, Progress};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Working days ahead that count as "due soon" unless the caller says otherwise.
pub const DEFAULT_DUE_SOON_DAYS: u32 = 2;

/// One task on the stand-up board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandupItem {
    pub task: TaskId,
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub progress: Progress,
    /// Hours the group's person logged on it since the last stand-up (anyone's, for the
    /// unassigned group).
    pub logged_since: Hours,
    /// Unfinished finish-to-start predecessors (filled in for blocked items).
    pub waiting_on: Vec<TaskId>,
}

/// One person's part of the stand-up, or the unassigned work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StandupGroup {
    /// `None` for the "Unassigned" group.
    pub person: Option<PersonId>,
    /// Completed since the last stand-up, or worked on (time logged) since.
    pub done: Vec<StandupItem>,
    /// In an in-progress column, or between 1 and 99 % complete.
    pub in_progress: Vec<StandupItem>,
    /// Started or due to have started, but waiting on an unfinished finish-to-start predecessor.
    pub blocked: Vec<StandupItem>,
    /// Ending before today and not done.
    pub overdue: Vec<StandupItem>,
    /// Ending today or within the next due-soon working days, not done.
    pub due_soon: Vec<StandupItem>,
}

impl StandupGroup {
    /// True when the group has nothing to say.
    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
            && self.in_progress.is_empty()
            && self.blocked.is_empty()
            && self.overdue.is_empty()
            && self.due_soon.is_empty()
    }
}

/// The stand-up board of a project for one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standup {
    pub today: NaiveDate,
    /// The last stand-up before today, if one was recorded.
    pub last_standup: Option<NaiveDate>,
    /// The first day "done since" looks at.
    pub since: NaiveDate,
    /// Team members in team order (each listed even when empty), then "Unassigned" when it has
    /// items.
    pub groups: Vec<StandupGroup>,
}

/// The stand-up board of `project` on `today`; "due soon" looks `due_soon_days` working days
/// ahead (see [`DEFAULT_DUE_SOON_DAYS`]).
pub fn standup(project: &Project, today: NaiveDate, due_soon_days: u32) -> Standup {
    let calendar = &project.calendar;
    let last_standup = project
        .standups()
        .iter()
        .rev()
        .find(|day| **day < today)
        .copied();
    let since = last_standup.unwrap_or_else(|| calendar.previous_working_day(shift(today, -1)));
    let by_id: HashMap<TaskId, &Task> = project
        .tasks()
        .iter()
        .map(|task| (task.id, task.as_ref()))
        .collect();
    let summaries = crate::model::cost::summary_ids(project);

    let mut groups: Vec<StandupGroup> = project
        .team()
        .iter()
        .map(|person| StandupGroup {
            person: Some(*person),
            ..StandupGroup::default()
        })
        .chain(std::iter::once(StandupGroup::default()))
        .collect();
    let group_of: HashMap<Option<PersonId>, usize> = groups
        .iter()
        .enumerate()
        .map(|(index, group)| (group.person, index))
        .collect();

    let logged_since = |task: &Task, person: Option<PersonId>| -> Hours {
        task.time_entries
            .iter()
            .filter(|entry| entry.date >= since && entry.date <= today)
            .filter(|entry| person.is_none_or(|person| entry.person == person))
            .map(|entry| entry.hours)
            .sum()
    };
    let item = |task: &Task, person: Option<PersonId>, waiting_on: Vec<TaskId>| StandupItem {
        task: task.id,
        title: task.title.clone(),
        start: task.start,
        end: task.end,
        progress: task.progress,
        logged_since: logged_since(task, person),
        waiting_on,
    };

    for shared in project.tasks() {
        let task = shared.as_ref();
        if summaries.contains(&task.id) {
            continue;
        }
        let owner = group_of
            .get(&task.assignee)
            .copied()
            .unwrap_or(groups.len() - 1);
        let person = groups[owner].person;
        let done = project.is_done(task);

        // Done since: the owner's completion, and everyone who logged time since.
        let completed_since = done
            && task
                .completed
                .is_some_and(|day| day >= since && day <= today);
        let mut workers: Vec<usize> = task
            .time_entries
            .iter()
            .filter(|entry| entry.date >= since && entry.date <= today)
            .filter_map(|entry| group_of.get(&Some(entry.person)).copied())
            .collect();
        if completed_since {
            workers.push(owner);
        }
        workers.sort_unstable();
        workers.dedup();
        for index in workers {
            let worker = groups[index].person;
            groups[index].done.push(item(task, worker, Vec::new()));
        }
        if done {
            continue;
        }

        let in_column = project
            .column(task.column)
            .map(|column| column.category == ColumnCategory::InProgress)
            .unwrap_or(false);
        let started = (1..=99).contains(&task.progress.percent());
        let in_progress = in_column || started;
        if in_progress {
            groups[owner]
                .in_progress
                .push(item(task, person, Vec::new()));
        }
        let waiting_on: Vec<TaskId> = task
            .dependencies
            .iter()
            .filter(|dependency| dependency.kind == LinkKind::FinishToStart)
            .filter(|dependency| {
                by_id
                    .get(&dependency.predecessor)
                    .is_some_and(|predecessor| !project.is_done(predecessor))
            })
            .map(|dependency| dependency.predecessor)
            .collect();
        if !waiting_on.is_empty() && (in_progress || task.start <= today) {
            groups[owner].blocked.push(item(task, person, waiting_on));
        }
        if task.end < today {
            groups[owner].overdue.push(item(task, person, Vec::new()));
        } else if calendar.working_days_between(today, task.end) <= i64::from(due_soon_days) {
            groups[owner].due_soon.push(item(task, person, Vec::new()));
        }
    }
    if groups.last().is_some_and(StandupGroup::is_empty) {
        groups.pop();
    }
    Standup {
        today,
        last_standup,
        since,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{date, TestPlan};
    use crate::model::Dependency;

    fn titles(items: &[StandupItem]) -> Vec<&str> {
        items.iter().map(|item| item.title.as_str()).collect()
    }

    #[test]
    fn the_board_sorts_work_by_person_and_state() {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 0);
        let bob = plan.person("Bob", 0);
        let design = plan.task("Design", "2026-03-02", "2026-03-04", 8, Some(ada));
        let build = plan.task("Build", "2026-03-05", "2026-03-12", 8, Some(ada));
        plan.project_mut()
            .link_tasks(build, Dependency::finish_to_start(design))
            .expect("valid link");
        let review = plan.task("Review", "2026-03-02", "2026-03-03", 8, Some(bob));
        let docs = plan.task("Docs", "2026-03-02", "2026-03-10", 8, Some(bob));
        plan.task("Triage", "2026-03-09", "2026-03-09", 2, None);
        plan.task("Next month", "2026-04-01", "2026-04-03", 8, Some(bob));
        plan.project_mut()
            .record_standup(date("2026-03-04"))
            .expect("valid day");
        plan.log(design, ada, "2026-03-04", 300);
        plan.log(design, ada, "2026-03-03", 300);
        plan.progress(design, 80);
        plan.move_to(review, ColumnCategory::Done, "2026-03-05");
        plan.move_to(docs, ColumnCategory::InProgress, "2026-03-05");

        // Friday 6 March; the last stand-up was Wednesday.
        let board = standup(plan.project(), date("2026-03-06"), DEFAULT_DUE_SOON_DAYS);
        assert_eq!(board.last_standup, Some(date("2026-03-04")));
        assert_eq!(board.since, date("2026-03-04"));
        assert_eq!(board.groups.len(), 3);

        let ada_group = &board.groups[0];
        assert_eq!(ada_group.person, Some(ada));
        assert_eq!(titles(&ada_group.done), vec!["Design"]);
        assert_eq!(ada_group.done[0].logged_since, Hours::whole(3));
        assert_eq!(titles(&ada_group.in_progress), vec!["Design"]);
        assert_eq!(titles(&ada_group.blocked), vec!["Build"]);
        assert_eq!(ada_group.blocked[0].waiting_on, vec![design]);
        assert_eq!(titles(&ada_group.overdue), vec!["Design"]);
        assert!(ada_group.due_soon.is_empty());

        let bob_group = &board.groups[1];
        assert_eq!(titles(&bob_group.done), vec!["Review"]);
        assert_eq!(titles(&bob_group.in_progress), vec!["Docs"]);
        // Due Tuesday: two working days after Friday.
        assert_eq!(titles(&bob_group.due_soon), vec!["Docs"]);
        assert!(bob_group.overdue.is_empty());

        let unassigned = &board.groups[2];
        assert_eq!(unassigned.person, None);
        assert_eq!(titles(&unassigned.due_soon), vec!["Triage"]);
    }

    #[test]
    fn without_a_stand_up_done_means_since_the_previous_working_day() {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 0);
        let build = plan.task("Build", "2026-03-02", "2026-03-31", 8, Some(ada));
        plan.log(build, ada, "2026-03-05", 100);
        plan.log(build, ada, "2026-03-06", 200);
        // Monday 9 March: Friday's work counts, Thursday's does not.
        let board = standup(plan.project(), date("2026-03-09"), DEFAULT_DUE_SOON_DAYS);
        assert_eq!(board.since, date("2026-03-06"));
        assert_eq!(board.groups.len(), 1);
        assert_eq!(board.groups[0].done[0].logged_since, Hours::whole(2));
    }

    #[test]
    fn a_stand_up_held_today_does_not_hide_yesterdays_work() {
        let mut plan = TestPlan::new("2026-03-02");
        plan.project_mut()
            .record_standup(date("2026-03-03"))
            .expect("valid day");
        plan.project_mut()
            .record_standup(date("2026-03-05"))
            .expect("valid day");
        let board = standup(plan.project(), date("2026-03-05"), DEFAULT_DUE_SOON_DAYS);
        assert_eq!(board.last_standup, Some(date("2026-03-03")));
        assert!(board.groups.is_empty());
    }
}
