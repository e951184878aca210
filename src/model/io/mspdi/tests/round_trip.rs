//! Ironplan → MSPDI → Ironplan keeps every field MSPDI carries (a property test over plans
//! built through the model's commands).

use super::super::*;
use crate::model::ids::{BaselineId, SequentialIds};
use crate::model::{
    Baseline, Calendar, ColumnCategory, ConstraintKind, Currency, Dependency, Hours, LinkKind,
    Money, Person, PersonId, Priority, Progress, Project, ProjectId, Task, TaskId, WeekdaySet,
};
use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn date(text: &str) -> NaiveDate {
    text.parse().expect("test dates are valid")
}

fn today() -> NaiveDate {
    date("2026-12-05")
}

#[derive(Clone, Debug)]
struct TaskRecipe {
    title: String,
    start: u32,
    length: u32,
    milestone: bool,
    priority: usize,
    progress: u8,
    estimate: u32,
    fixed_cost: i64,
    deadline: Option<u32>,
    constraint: (usize, u32),
    description: String,
    parent: Option<usize>,
    links: Vec<(usize, usize, i32)>,
    assignee: Option<usize>,
}

fn any_title() -> impl Strategy<Value = String> {
    "[A-Za-z&<>\"' ]{0,12}[A-Za-z]".prop_map(|text| text.trim().to_string())
}

fn any_task() -> impl Strategy<Value = TaskRecipe> {
    (
        (
            any_title(),
            0u32..60,
            0u32..10,
            any::<bool>(),
            0usize..4,
            0u8..=100,
        ),
        (
            0u32..4000,
            0i64..1_000_000,
            proptest::option::of(0u32..90),
            (0usize..8, 0u32..60),
        ),
        (
            "[a-z .]{0,20}",
            proptest::option::of(0usize..30),
            proptest::collection::vec((0usize..30, 0usize..4, -3i32..5), 0..3),
            proptest::option::of(0usize..3),
        ),
    )
        .prop_map(
            |(
                (title, start, length, milestone, priority, progress),
                (estimate, fixed_cost, deadline, constraint),
                (description, parent, links, assignee),
            )| TaskRecipe {
                title,
                start,
                length,
                milestone,
                priority,
                progress,
                estimate,
                fixed_cost,
                deadline,
                constraint,
                description,
                parent,
                links,
                assignee,
            },
        )
}

fn build(recipes: &[TaskRecipe], weekdays: u8, holidays: &[u32]) -> (Project, Vec<Person>) {
    let mut ids = SequentialIds::starting_at(1000);
    let start = date("2026-03-02");
    let at = |offset: u32| crate::model::calendar::shift(start, i64::from(offset));
    let mut project = Project::new(
        ProjectId::new(&mut ids),
        "Roll-out & <test>",
        start,
        Currency::EUR,
        &mut ids,
    )
    .expect("a project");
    let working = WeekdaySet::from_days(
        (0..7u8)
            .filter(|day| weekdays & (1 << day) != 0)
            .map(crate::model::calendar::weekday_from_index),
    );
    let working = if working.is_empty() {
        WeekdaySet::MONDAY_TO_FRIDAY
    } else {
        working
    };
    let mut details = project.details();
    details.description = "Why we do it.".to_string();
    details.deadline = Some(at(200));
    // The same offsets give holidays on working weekdays and worked days on the others.
    details.calendar = Calendar {
        working_days: holidays
            .iter()
            .map(|offset| at(*offset))
            .filter(|day| !working.contains(chrono::Datelike::weekday(day)))
            .collect::<BTreeSet<_>>(),
        working_weekdays: working,
        holidays: holidays
            .iter()
            .map(|offset| at(*offset))
            .filter(|day| working.contains(chrono::Datelike::weekday(day)))
            .collect::<BTreeSet<_>>(),
    };
    project.update_details(details).expect("valid details");
    let people: Vec<Person> = ["Ada", "Grace", "Linus"]
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let mut person = Person::new(PersonId::new(&mut ids), *name);
            person.hourly_rate = Money(1000 * (index as i64 + 1) + 25);
            person.weekly_capacity = Hours::from_centi(1000 + 750 * index as u32);
            person.role = if index == 0 {
                "Lead".to_string()
            } else {
                String::new()
            };
            person
        })
        .collect();
    for person in &people {
        project.add_member(person.id);
    }
    let mut ids_so_far: Vec<TaskId> = Vec::new();
    for recipe in recipes {
        let id = TaskId::new(&mut ids);
        let category = match recipe.progress {
            100 => ColumnCategory::Done,
            0 => ColumnCategory::Todo,
            _ => ColumnCategory::InProgress,
        };
        let column = project
            .first_column_of(category)
            .expect("default columns")
            .id;
        let mut task = Task::new(id, recipe.title.clone(), column, at(recipe.start), today());
        task.end = if recipe.milestone {
            task.start
        } else {
            at(recipe.start + recipe.length)
        };
        task.milestone = recipe.milestone;
        task.priority = Priority::ALL[recipe.priority];
        task.progress = Progress::new(i64::from(recipe.progress)).expect("0–100");
        task.estimate = Hours::from_centi(recipe.estimate * 25);
        task.fixed_cost = Money(recipe.fixed_cost);
        task.deadline = recipe.deadline.map(at);
        task.constraint =
            ConstraintKind::ALL[recipe.constraint.0].with_date(at(recipe.constraint.1));
        task.description = recipe.description.trim().to_string();
        task.parent = recipe
            .parent
            .and_then(|index| ids_so_far.get(index).copied());
        task.assignee = recipe.assignee.map(|index| people[index].id);
        if project.add_task(task.clone(), today()).is_err() {
            task.parent = None;
            if project.add_task(task, today()).is_err() {
                continue;
            }
        }
        for (predecessor, kind, lag) in &recipe.links {
            if let Some(predecessor) = ids_so_far.get(*predecessor) {
                let _ = project.link_tasks(
                    id,
                    Dependency {
                        predecessor: *predecessor,
                        kind: LinkKind::ALL[*kind],
                        lag: *lag,
                    },
                );
            }
        }
        ids_so_far.push(id);
    }
    let baseline = Baseline::capture(
        BaselineId::new(&mut ids),
        "Approved",
        &project,
        &people,
        today(),
    );
    project.add_baseline(baseline).expect("a baseline");
    (project, people)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn ironplan_to_mspdi_and_back_keeps_every_field_mspdi_carries(
        recipes in proptest::collection::vec(any_task(), 0..25),
        weekdays in 1u8..128,
        holidays in proptest::collection::vec(0u32..200, 0..6),
    ) {
        let (project, people) = build(&recipes, weekdays, &holidays);
        let export = write_mspdi(&project, &people);
        let import = read_mspdi(export.xml.as_bytes(), today(), &mut SequentialIds::starting_at(1 << 40))
            .map_err(|error| TestCaseError::fail(format!("{error}\n{}", export.xml)))?;
        let back = &import.file.project;
        prop_assert_eq!(back.id, project.id);
        prop_assert_eq!(&back.name, &project.name);
        prop_assert_eq!(&back.description, &project.description);
        prop_assert_eq!(back.start, project.start);
        prop_assert_eq!(back.deadline, project.deadline);
        prop_assert_eq!(back.budget.currency, project.budget.currency);
        prop_assert_eq!(&back.calendar, &project.calendar);
        prop_assert_eq!(&import.file.people, &people);
        prop_assert_eq!(back.tasks().len(), project.tasks().len());
        let summaries: std::collections::HashSet<TaskId> =
            project.tasks().iter().filter_map(|task| task.parent).collect();
        for old in project.tasks() {
            let new = back.find_task(old.id).ok_or_else(|| TestCaseError::fail("task lost"))?;
            prop_assert_eq!(&new.title, &old.title);
            prop_assert_eq!(&new.description, &old.description);
            prop_assert_eq!((new.start, new.end, new.milestone), (old.start, old.end, old.milestone));
            prop_assert_eq!(new.parent, old.parent);
            prop_assert_eq!(&new.dependencies, &old.dependencies);
            prop_assert_eq!(new.constraint, old.constraint);
            prop_assert_eq!(new.deadline, old.deadline);
            prop_assert_eq!(new.priority, old.priority);
            prop_assert_eq!(new.progress, old.progress);
            prop_assert_eq!(new.fixed_cost, old.fixed_cost);
            prop_assert_eq!(new.assignee, old.assignee);
            prop_assert_eq!(new.created, old.created);
            let category = |project: &Project, task: &Task| project.column(task.column).map(|column| column.category).ok();
            prop_assert_eq!(category(back, new), category(&project, old));
            prop_assert_eq!(new.completed, old.completed.map(|day| day.max(old.start)));
            if !summaries.contains(&old.id) {
                prop_assert_eq!(new.estimate, old.estimate);
            }
        }
        let old_baseline = project.baseline().filter(|baseline| !baseline.tasks.is_empty());
        let new_baseline = back.baseline();
        prop_assert_eq!(new_baseline.map(|baseline| baseline.name.as_str()), old_baseline.map(|_| "MS Project baseline"));
        if let (Some(old_baseline), Some(new_baseline)) = (old_baseline, new_baseline) {
            for old in &old_baseline.tasks {
                let new = new_baseline.task(old.task).ok_or_else(|| TestCaseError::fail("baseline task lost"))?;
                prop_assert_eq!((new.start, new.end, new.milestone, new.summary), (old.start, old.end, old.milestone, old.summary));
            }
        }
        let again = write_mspdi(back, &import.file.people);
        prop_assert!(again.xml == export.xml, "a second export differs from the first");
    }
}
