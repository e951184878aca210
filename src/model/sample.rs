//! The sample project: a realistic CRM migration, built through the model's own commands so it
//! is always valid.
//!
//! It is placed around `today`: six weeks in, with the early phases done, work in progress, a
//! baseline taken at the start, logged time, a scope change, risks, a stand-up held yesterday,
//! and one milestone ("Design approved") that slipped, so every view has something to show.

use super::baseline::Baseline;
use super::calendar::shift;
use super::error::ModelResult;
use super::ids::{BaselineId, IdSource, PersonId, ProjectId, RiskId, TaskId, TimeEntryId};
use super::person::Person;
use super::project::{ColumnCategory, Project};
use super::risk::{Impact, Risk, RiskKind};
use super::schedule;
use super::scope;
use super::task::{Dependency, LinkKind, Priority, Task};
use super::tracking::TimeEntry;
use super::units::{Budget, Currency, Hours, Money, Progress};
use super::workspace::Workspace;
use chrono::{Datelike, NaiveDate};

/// One task of the plan: (phase, title, offset from project start and duration in working
/// days, estimate hours, assignee index, priority, tags).
struct Line {
    title: &'static str,
    offset: i64,
    days: i64,
    hours: u32,
    person: usize,
    priority: Priority,
    tags: &'static [&'static str],
}

const fn line(title: &'static str, offset: i64, days: i64, hours: u32, person: usize) -> Line {
    Line {
        title,
        offset,
        days,
        hours,
        person,
        priority: Priority::Medium,
        tags: &[],
    }
}

const PEOPLE: [(&str, &str, i64, u32); 5] = [
    ("Maya Chen", "Project manager", 9_500, 40),
    ("Omar Haddad", "Solution architect", 11_000, 40),
    ("Lena Fischer", "CRM developer", 8_500, 40),
    ("Tom Okafor", "Data engineer", 8_000, 32),
    ("Sofia Rossi", "QA lead", 7_500, 40),
];

/// Phases and their tasks; a `days` of 0 is a milestone.
fn phases() -> Vec<(&'static str, Vec<Line>)> {
    vec![
        (
            "Initiation",
            vec![
                line("Kick-off workshop", 0, 1, 16, 0),
                line("Stakeholder interviews", 1, 4, 32, 1),
                line("Requirements catalogue", 5, 4, 40, 1),
                line("Requirements signed off", 9, 0, 0, 0),
            ],
        ),
        (
            "Design",
            vec![
                line("Data model mapping", 9, 6, 48, 3),
                line("Integration design (ERP, mail)", 9, 8, 56, 1),
                Line {
                    tags: &["security"],
                    ..line("Security and GDPR review", 13, 4, 24, 1)
                },
                line("Design approved", 17, 0, 0, 0),
            ],
        ),
        (
            "Build",
            vec![
                line("Set up sandbox", 17, 2, 12, 2),
                Line {
                    tags: &["crm"],
                    ..line("Configure objects and fields", 19, 8, 64, 2)
                },
                Line {
                    tags: &["data"],
                    ..line("Migration scripts", 19, 10, 80, 3)
                },
                Line {
                    priority: Priority::High,
                    tags: &["integration"],
                    ..line("ERP integration", 21, 12, 96, 2)
                },
                Line {
                    tags: &["integration"],
                    ..line("Email integration", 27, 5, 32, 2)
                },
                line("Reports and dashboards", 29, 6, 40, 2),
                line("Approval workflows", 33, 5, 32, 2),
            ],
        ),
        (
            "Data migration",
            vec![
                Line {
                    tags: &["data"],
                    ..line("Data cleansing", 19, 10, 60, 3)
                },
                Line {
                    tags: &["data"],
                    ..line("Trial migration 1", 29, 3, 24, 3)
                },
                line("Validate trial 1", 32, 3, 20, 4),
                Line {
                    tags: &["data"],
                    ..line("Trial migration 2", 35, 3, 24, 3)
                },
                line("Final migration plan", 38, 2, 12, 3),
            ],
        ),
        (
            "Testing",
            vec![
                line("Test plan", 27, 3, 16, 4),
                line("System testing", 38, 6, 48, 4),
                Line {
                    priority: Priority::High,
                    ..line("User acceptance testing", 44, 8, 64, 4)
                },
                line("Performance testing", 44, 3, 24, 3),
                line("Fix defects", 46, 8, 64, 2),
                line("UAT signed off", 54, 0, 0, 0),
            ],
        ),
        (
            "Training",
            vec![
                line("Training materials", 44, 5, 32, 0),
                line("Train the trainers", 50, 2, 16, 0),
                line("End-user training", 52, 4, 32, 0),
            ],
        ),
        (
            "Go-live",
            vec![
                line("Cutover rehearsal", 55, 2, 16, 3),
                Line {
                    priority: Priority::Urgent,
                    ..line("Data freeze", 57, 1, 4, 0)
                },
                Line {
                    priority: Priority::Urgent,
                    tags: &["data"],
                    ..line("Final migration", 58, 2, 24, 3)
                },
                line("Go-live", 59, 0, 0, 0),
                line("Legacy CRM support", 50, 10, 20, 2),
                line("Hypercare", 60, 10, 80, 2),
            ],
        ),
    ]
}

/// Links as (successor, predecessor, kind, lag); titles must be unique.
const LINKS: [(&str, &str, LinkKind, i32); 32] = [
    (
        "Stakeholder interviews",
        "Kick-off workshop",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Requirements catalogue",
        "Stakeholder interviews",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Requirements signed off",
        "Requirements catalogue",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Data model mapping",
        "Requirements signed off",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Integration design (ERP, mail)",
        "Requirements signed off",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Security and GDPR review",
        "Integration design (ERP, mail)",
        LinkKind::StartToStart,
        4,
    ),
    (
        "Design approved",
        "Data model mapping",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Design approved",
        "Integration design (ERP, mail)",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Design approved",
        "Security and GDPR review",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Set up sandbox",
        "Design approved",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Configure objects and fields",
        "Set up sandbox",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Migration scripts",
        "Set up sandbox",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "ERP integration",
        "Configure objects and fields",
        LinkKind::StartToStart,
        2,
    ),
    (
        "Email integration",
        "Configure objects and fields",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Reports and dashboards",
        "Configure objects and fields",
        LinkKind::FinishToStart,
        2,
    ),
    (
        "Approval workflows",
        "Reports and dashboards",
        LinkKind::StartToStart,
        4,
    ),
    (
        "Data cleansing",
        "Data model mapping",
        LinkKind::FinishToStart,
        2,
    ),
    (
        "Trial migration 1",
        "Migration scripts",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Trial migration 1",
        "Data cleansing",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Validate trial 1",
        "Trial migration 1",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Trial migration 2",
        "Validate trial 1",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Final migration plan",
        "Trial migration 2",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "System testing",
        "ERP integration",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "User acceptance testing",
        "System testing",
        LinkKind::FinishToStart,
        0,
    ),
    (
        "Fix defects",
        "User acceptance testing",
        LinkKind::FinishToFinish,
        0,
    ),
    ("UAT signed off", "Fix defects", LinkKind::FinishToStart, 0),
    (
        "Cutover rehearsal",
        "UAT signed off",
        LinkKind::FinishToStart,
        0,
    ),
    ("Final migration", "Data freeze", LinkKind::FinishToStart, 0),
    ("Go-live", "Final migration", LinkKind::FinishToStart, 0),
    (
        "Data freeze",
        "Cutover rehearsal",
        LinkKind::FinishToStart,
        0,
    ),
    ("Hypercare", "Go-live", LinkKind::FinishToStart, 0),
    // The old system is supported until the new one goes live.
    ("Legacy CRM support", "Go-live", LinkKind::StartToFinish, 0),
];

/// Adds the sample project, with its five people, to `workspace` and returns its id. The plan
/// starts six weeks before `today` (on a Monday).
pub fn add_crm_migration(
    workspace: &mut Workspace,
    today: NaiveDate,
    ids: &mut dyn IdSource,
) -> ModelResult<ProjectId> {
    let monday = shift(today, -i64::from(today.weekday().num_days_from_monday()));
    let start = shift(monday, -42);
    let project_id = ProjectId::new(ids);
    let mut project = Project::new(
        project_id,
        "CRM migration (sample)",
        start,
        Currency::EUR,
        ids,
    )?;
    let mut details = project.details();
    details.description = "Move sales and service from the legacy CRM to the new cloud CRM: \
        design, build, data migration, testing, training and go-live."
        .to_string();
    details.budget = Budget {
        amount: Money(18_000_000),
        currency: Currency::EUR,
    };
    details.calendar.holidays = [shift(start, 25 * 7 / 5 + 2)].into_iter().collect();
    let calendar = details.calendar.clone();
    details.deadline = Some(calendar.add_working_days(start, 78));
    project.update_details(details)?;
    workspace.add_project(project)?;

    let mut people: Vec<PersonId> = Vec::new();
    for (name, role, rate, capacity) in PEOPLE {
        let mut person = Person::new(PersonId::new(ids), name);
        person.role = role.to_string();
        person.hourly_rate = Money(rate);
        person.weekly_capacity = Hours::whole(capacity);
        people.push(person.id);
        workspace.add_person(person, Some(project_id))?;
    }

    let project = workspace.project_mut(project_id)?;
    let todo = column(project, ColumnCategory::Todo);
    let doing = column(project, ColumnCategory::InProgress);
    let done = column(project, ColumnCategory::Done);
    let created = shift(start, -7);
    let day_at = |offset: i64| calendar.add_working_days(start, offset);
    let mut titles: Vec<(&'static str, TaskId)> = Vec::new();
    for (phase, lines) in phases() {
        let phase_id = TaskId::new(ids);
        let mut summary = Task::new(phase_id, phase, todo, start, created);
        summary.priority = Priority::Medium;
        project.add_task(summary, created)?;
        for line in lines {
            let id = TaskId::new(ids);
            let begin = day_at(line.offset);
            let mut task = Task::new(id, line.title, todo, begin, created);
            // The plan's dates were typed in, as a project manager does: each task starts no
            // earlier than its date, so the gaps the team planned stay.
            task.constraint = crate::model::Constraint::StartNoEarlierThan(begin);
            task.milestone = line.days == 0;
            task.end = if task.milestone {
                begin
            } else {
                day_at(line.offset + line.days - 1)
            };
            task.estimate = Hours::whole(line.hours);
            task.assignee = Some(people[line.person]);
            task.priority = line.priority;
            task.tags = line.tags.iter().map(|tag| tag.to_string()).collect();
            task.parent = Some(phase_id);
            if line.title == "ERP integration" {
                task.fixed_cost = Money(450_000);
            }
            if line.title == "Set up sandbox" {
                task.fixed_cost = Money(120_000);
            }
            project.add_task(task, created)?;
            titles.push((line.title, id));
        }
    }
    let find = |title: &str| {
        titles
            .iter()
            .find(|(known, _)| *known == title)
            .map(|(_, id)| *id)
            .expect("every linked title is in the plan")
    };
    for (successor, predecessor, kind, lag) in LINKS {
        project.link_tasks(
            find(successor),
            Dependency {
                predecessor: find(predecessor),
                kind,
                lag,
            },
        )?;
    }
    schedule::reschedule_all(project);

    let roster = workspace.people().to_vec();
    let project = workspace.project_mut(project_id)?;
    let baseline = Baseline::capture(
        BaselineId::new(ids),
        "Approved plan",
        project,
        &roster,
        start,
    );
    project.add_baseline(baseline)?;

    // What actually happened: the integration design took four days longer, which slips
    // "Design approved" and everything after it.
    let design = find("Integration design (ERP, mail)");
    let (design_start, design_end) = {
        let task = project.task(design)?;
        (task.start, task.end)
    };
    project.set_task_dates(
        design,
        design_start,
        calendar.add_working_days(design_end, 4),
    )?;
    schedule::reschedule(project, &[design]);

    // Progress as of today, and time logged on what has started.
    let tasks: Vec<Task> = project
        .tasks()
        .iter()
        .map(|task| task.as_ref().clone())
        .collect();
    for task in tasks {
        if project.is_summary(task.id) {
            continue;
        }
        let (column, progress) = if task.end < today {
            (done, 100)
        } else if task.start <= today {
            let total = calendar.working_days_inclusive(task.start, task.end).max(1);
            let elapsed = calendar.working_days_inclusive(task.start, today);
            (doing, (elapsed * 100 / total).min(90) as i64)
        } else {
            (todo, 0)
        };
        let completion = task.end.min(today);
        // Editing the status keeps the plan's outline order (a board move would reorder it).
        let mut updated = project.task(task.id)?.clone();
        updated.column = column;
        updated.progress = Progress::new(progress).expect("progress is 0 to 100 here");
        project.update_task(updated, completion)?;
        if progress > 0 && task.estimate > Hours::ZERO {
            let person = task.assignee.unwrap_or(people[0]);
            let mut day = task.start;
            let mut logged = Hours::ZERO;
            // Log about the planned effort (a little over, as real work goes) until today.
            let target = Hours::from_centi(task.estimate.centi() * progress as u32 * 108 / 10_000);
            while day <= today.min(task.end) && logged < target {
                if calendar.is_working_day(day) {
                    let hours =
                        Hours::whole(6).min(Hours::from_centi(target.centi() - logged.centi()));
                    project.log_time(
                        task.id,
                        TimeEntry {
                            id: TimeEntryId::new(ids),
                            date: day,
                            person,
                            hours,
                            note: String::new(),
                        },
                    )?;
                    logged = logged.saturating_add(hours);
                }
                day = shift(day, 1);
            }
        }
        if task.title == "Set up sandbox" && progress == 100 {
            let mut updated = project.task(task.id)?.clone();
            updated.actual_fixed_cost = Money(135_000);
            project.update_task(updated, completion)?;
        }
    }

    // Each phase's status follows its subtasks: done when all are, in progress once any started.
    let phases: Vec<Task> = project
        .tasks()
        .iter()
        .filter(|task| project.is_summary(task.id))
        .map(|task| task.as_ref().clone())
        .collect();
    for mut phase in phases {
        let children: Vec<(u8, bool)> = project
            .children(phase.id)
            .map(|child| (child.progress.percent(), project.is_done(child)))
            .collect();
        let all_done = children.iter().all(|(_, done)| *done);
        let started = children.iter().any(|(progress, _)| *progress > 0);
        let average = children
            .iter()
            .map(|(progress, _)| i64::from(*progress))
            .sum::<i64>()
            / children.len().max(1) as i64;
        phase.column = if all_done {
            done
        } else if started {
            doing
        } else {
            todo
        };
        phase.progress = Progress::new(average).expect("an average of percentages");
        let finished = phase.end.min(today);
        project.update_task(phase, finished)?;
    }

    // A scope change after the baseline, recorded as the store would.
    let before = project.clone();
    let build_phase = project
        .tasks()
        .iter()
        .find(|task| task.title == "Build")
        .map(|task| task.id);
    let mut consent = Task::new(
        TaskId::new(ids),
        "GDPR consent fields",
        todo,
        day_at(34),
        today,
    );
    consent.end = day_at(36);
    consent.estimate = Hours::whole(24);
    consent.assignee = Some(people[2]);
    consent.parent = build_phase;
    consent.tags = vec!["security".to_string(), "crm".to_string()];
    let consent_id = consent.id;
    project.add_task(consent, today)?;
    schedule::reschedule(project, &[consent_id]);
    let people_list = workspace.people().to_vec();
    let project = workspace.project_mut(project_id)?;
    let mut changes = scope::record_changes(&before, project, &people_list, shift(today, -3), ids);
    for change in &mut changes {
        change.reason = "Legal asked for explicit marketing consent per contact.".to_string();
    }
    project.append_scope_changes(changes);

    for (kind, title, owner, impact, due) in [
        (
            RiskKind::Risk,
            "ERP vendor API rate limits may slow the integration",
            1,
            Impact::High,
            10,
        ),
        (
            RiskKind::Issue,
            "Duplicate customer records in the legacy CRM",
            3,
            Impact::Medium,
            5,
        ),
        (
            RiskKind::Risk,
            "Key users unavailable for UAT during holidays",
            0,
            Impact::Medium,
            20,
        ),
    ] {
        project.add_risk(Risk {
            id: RiskId::new(ids),
            kind,
            title: title.to_string(),
            owner: Some(people[owner]),
            impact,
            due: Some(shift(today, due)),
            closed: false,
        })?;
    }
    project.record_standup(shift(today, -1))?;
    Ok(project_id)
}

fn column(project: &Project, category: ColumnCategory) -> super::ids::ColumnId {
    project
        .first_column_of(category)
        .map(|column| column.id)
        .expect("a new project has one column of each category")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::SequentialIds;
    use crate::model::validate;
    use std::collections::HashSet;

    fn sample(today: NaiveDate) -> (Workspace, ProjectId) {
        let mut workspace = Workspace::default();
        let id = add_crm_migration(&mut workspace, today, &mut SequentialIds::default())
            .expect("the sample builds");
        (workspace, id)
    }

    #[test]
    fn the_sample_is_valid_and_about_forty_tasks() {
        for today in ["2026-11-25", "2027-02-01", "2027-06-13"] {
            let (workspace, id) = sample(today.parse().expect("a date"));
            let mut project = workspace.project(id).expect("exists").clone();
            let roster: HashSet<_> = workspace.people().iter().map(|person| person.id).collect();
            assert_eq!(validate::project(&mut project, &roster), Ok(()));
            assert!((38..=50).contains(&project.tasks().len()));
            assert_eq!(workspace.people().len(), 5);
            assert!(
                schedule::violations(&project).is_empty(),
                "every dependency holds"
            );
        }
    }

    #[test]
    fn the_sample_has_history_and_a_slipped_milestone() {
        let today: NaiveDate = "2026-11-25".parse().expect("a date");
        let (workspace, id) = sample(today);
        let project = workspace.project(id).expect("exists");
        let baseline = project.baseline().expect("a baseline");
        let approved = project
            .tasks()
            .iter()
            .find(|task| task.title == "Design approved")
            .expect("the milestone");
        let planned = baseline.task(approved.id).expect("in the baseline");
        assert!(approved.start > planned.start, "the milestone slipped");
        assert!(project
            .tasks()
            .iter()
            .any(|task| !task.time_entries.is_empty()));
        assert!(!project.scope_log().is_empty());
        assert!(!project.risks().is_empty());
        let kinds: HashSet<LinkKind> = project
            .tasks()
            .iter()
            .flat_map(|task| task.dependencies.iter().map(|link| link.kind))
            .collect();
        assert_eq!(kinds.len(), 4, "every link kind appears");
    }
}
