//! Scenarios and invariants of the model, through its public commands, and plan-file
//! round-trips. Host only: `cargo test --test model`.

#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use ironplan::model::io::{self, ImportError, ImportMode, Plan};
use ironplan::model::{
    validate, ColumnCategory, Currency, Dependency, Hours, LinkKind, ModelError, Money, Person,
    PersonId, Priority, Progress, Project, ProjectId, SequentialIds, Task, TaskId, Workspace,
};
use proptest::prelude::*;
use std::collections::HashSet;

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date") + chrono::Days::new(offset as u64)
}

fn new_project(ids: &mut SequentialIds) -> Project {
    Project::new(ProjectId::new(ids), "Plan", day(0), Currency::EUR, ids).expect("valid project")
}

fn add(project: &mut Project, ids: &mut SequentialIds, title: &str) -> TaskId {
    let column = project.columns()[0].id;
    let task = Task::new(TaskId::new(ids), title, column, day(0), day(0));
    let id = task.id;
    project.add_task(task, day(0)).expect("valid task");
    id
}

#[test]
fn a_dependency_that_closes_a_loop_is_refused_and_named() {
    let mut ids = SequentialIds::default();
    let mut project = new_project(&mut ids);
    let design = add(&mut project, &mut ids, "Design");
    let build = add(&mut project, &mut ids, "Build");
    let test = add(&mut project, &mut ids, "Test");
    project
        .link_tasks(build, Dependency::finish_to_start(design))
        .expect("design then build");
    project
        .link_tasks(test, Dependency::finish_to_start(build))
        .expect("build then test");
    let before = project.clone();
    let refused = project.link_tasks(design, Dependency::finish_to_start(test));
    match refused {
        Err(ModelError::Cycle { path }) => {
            assert_eq!(path.first(), path.last());
            for task in [design, build, test] {
                assert!(path.contains(&task), "the loop names every task in it");
            }
        }
        other => panic!("expected a cycle, got {other:?}"),
    }
    assert_eq!(
        project, before,
        "a refused change leaves the project as it was"
    );
}

#[test]
fn a_task_cannot_depend_on_itself() {
    let mut ids = SequentialIds::default();
    let mut project = new_project(&mut ids);
    let task = add(&mut project, &mut ids, "Solo");
    assert_eq!(
        project.link_tasks(task, Dependency::finish_to_start(task)),
        Err(ModelError::SelfDependency(task))
    );
}

#[test]
fn invalid_fields_are_refused_at_the_door() {
    let mut ids = SequentialIds::default();
    let mut project = new_project(&mut ids);
    let column = project.columns()[0].id;
    let mut task = Task::new(TaskId::new(&mut ids), "  ", column, day(3), day(0));
    assert!(matches!(
        project.add_task(task.clone(), day(0)),
        Err(ModelError::Blank(_))
    ));
    task.title = "Deploy".to_string();
    task.end = day(1);
    assert!(matches!(
        project.add_task(task.clone(), day(0)),
        Err(ModelError::EndBeforeStart { .. })
    ));
    task.end = day(3);
    task.column = ironplan::model::ColumnId::new(&mut ids);
    assert!(matches!(
        project.add_task(task.clone(), day(0)),
        Err(ModelError::UnknownColumn(_))
    ));
    task.column = column;
    task.parent = Some(TaskId::new(&mut ids));
    assert!(matches!(
        project.add_task(task.clone(), day(0)),
        Err(ModelError::UnknownTask(_))
    ));
    task.parent = None;
    task.assignee = Some(PersonId::new(&mut ids));
    assert!(matches!(
        project.add_task(task.clone(), day(0)),
        Err(ModelError::NotOnTeam(_))
    ));
    assert!(Progress::new(101).is_err());
    assert!(project.tasks().is_empty());
}

#[test]
fn moving_into_done_completes_and_moving_out_reopens() {
    let mut ids = SequentialIds::default();
    let mut project = new_project(&mut ids);
    let task = add(&mut project, &mut ids, "Write docs");
    let done = project
        .first_column_of(ColumnCategory::Done)
        .expect("default board has Done")
        .id;
    let doing = project
        .first_column_of(ColumnCategory::InProgress)
        .expect("default board has In progress")
        .id;
    project
        .move_task(task, done, None, day(5))
        .expect("move to done");
    let moved = project.task(task).expect("still there");
    assert_eq!(moved.progress, Progress::DONE);
    assert_eq!(moved.completed, Some(day(5)));
    project
        .move_task(task, doing, None, day(6))
        .expect("move back");
    assert_eq!(project.task(task).expect("still there").completed, None);
}

#[test]
fn cards_reorder_within_a_column() {
    let mut ids = SequentialIds::default();
    let mut project = new_project(&mut ids);
    let first = add(&mut project, &mut ids, "First");
    let second = add(&mut project, &mut ids, "Second");
    let third = add(&mut project, &mut ids, "Third");
    let column = project.columns()[0].id;
    project
        .move_task(third, column, Some(first), day(0))
        .expect("reorder");
    let order: Vec<TaskId> = project.tasks().iter().map(|task| task.id).collect();
    assert_eq!(order, vec![third, first, second]);
}

#[test]
fn removing_a_summary_removes_its_subtasks_and_links_to_them() {
    let mut ids = SequentialIds::default();
    let mut project = new_project(&mut ids);
    let phase = add(&mut project, &mut ids, "Phase");
    let child = add(&mut project, &mut ids, "Child");
    let later = add(&mut project, &mut ids, "Later");
    let mut subtask = project.task(child).expect("exists").clone();
    subtask.parent = Some(phase);
    project.update_task(subtask, day(0)).expect("nest");
    project
        .link_tasks(later, Dependency::finish_to_start(child))
        .expect("link");
    let removed = project.remove_task(phase).expect("remove");
    assert_eq!(removed, vec![phase, child]);
    assert!(project.task(later).expect("stays").dependencies.is_empty());
}

#[test]
fn the_version_1_fixture_still_imports() {
    let text = include_str!("fixtures/plan-v1.json");
    let plan = io::read_plan(text).expect("version 1 keeps importing");
    let Plan::Project(imported) = plan else {
        panic!("a version 1 file holds a project");
    };
    assert_eq!(imported.from_version, 1);
    assert_eq!(imported.project.name, "Intranet relaunch");
    assert_eq!(imported.project.tasks().len(), 4);
    assert_eq!(imported.people.len(), 2);
    let launch = imported
        .project
        .tasks()
        .iter()
        .find(|task| task.title == "Launch")
        .expect("the launch milestone");
    assert!(launch.milestone);
    assert_eq!(launch.dependencies[0].kind, LinkKind::FinishToStart);
    assert_eq!(imported.project.budget.amount, Money(4_500_000));
}

#[test]
fn the_version_2_fixture_still_imports() {
    let text = include_str!("fixtures/plan-v2.json");
    let Plan::Project(imported) = io::read_plan(text).expect("version 2 keeps importing") else {
        panic!("the fixture holds a project");
    };
    assert_eq!(imported.from_version, 2);
    assert!(!imported.project.tasks().is_empty());
    // Version 2 treated a stored start as "start no earlier than": version 3 says so, and no
    // task moves.
    for task in imported.project.tasks() {
        assert_eq!(
            task.constraint,
            ironplan::model::Constraint::StartNoEarlierThan(task.start),
            "{}",
            task.title
        );
        assert_eq!(task.deadline, None);
    }
}

#[test]
fn the_committed_schema_matches_the_types() {
    let generated =
        serde_json::to_string_pretty(&io::json_schema()).expect("schema serializes") + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/plan-format.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).expect("schema written");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/plan-format.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test --test model` and commit it"
    );
}

fn broken(text: &str) -> ImportError {
    io::read_plan(text).expect_err("the file is refused")
}

#[test]
fn bad_files_name_what_is_wrong_and_where() {
    assert!(matches!(
        broken("not json"),
        ImportError::Syntax { line: 1, .. }
    ));
    assert!(matches!(
        broken("{\"format\": \"ironplan\", \"version\": 2,"),
        ImportError::Truncated { .. }
    ));
    assert!(matches!(
        broken("{\"format\": \"gantt\"}"),
        ImportError::NotAPlan { .. }
    ));
    assert!(matches!(
        broken("{\"format\": \"ironplan\", \"version\": 99}"),
        ImportError::UnsupportedVersion { found: 99, .. }
    ));
    let v2 = include_str!("fixtures/plan-v2.json");
    let bad_date = v2.replacen("\"end\": \"2027-02-12\"", "\"end\": \"2027-02-30\"", 1);
    match broken(&bad_date) {
        ImportError::Field { path, .. } => assert!(path.ends_with(".end"), "{path}"),
        other => panic!("expected a field error, got {other:?}"),
    }
    let duplicate_key = v2.replacen("\"title\":", "\"title\": \"x\", \"title\":", 1);
    assert!(matches!(broken(&duplicate_key), ImportError::Syntax { .. }));
}

#[test]
fn dangling_references_and_duplicate_ids_are_refused_with_a_path() {
    let v2 = include_str!("fixtures/plan-v2.json");
    let mut value: serde_json::Value = serde_json::from_str(v2).expect("fixture parses");
    value["project"]["tasks"][1]["dependencies"][0]["predecessor"] =
        serde_json::json!("00000000-0000-0000-0000-00000000dead");
    match broken(&value.to_string()) {
        ImportError::Invalid(invalid) => {
            assert_eq!(invalid.path, "project.tasks[1].dependencies[0].predecessor");
            assert!(matches!(invalid.error, ModelError::UnknownTask(_)));
        }
        other => panic!("expected an invalid reference, got {other:?}"),
    }
    let mut value: serde_json::Value = serde_json::from_str(v2).expect("fixture parses");
    let first_id = value["project"]["tasks"][0]["id"].clone();
    value["project"]["tasks"][2]["id"] = first_id;
    match broken(&value.to_string()) {
        ImportError::Invalid(invalid) => {
            assert_eq!(invalid.path, "project.tasks[2].id");
            assert!(matches!(invalid.error, ModelError::DuplicateId(_)));
        }
        other => panic!("expected a duplicate id, got {other:?}"),
    }
}

#[test]
fn a_cycle_in_a_file_is_refused() {
    let v2 = include_str!("fixtures/plan-v2.json");
    let mut value: serde_json::Value = serde_json::from_str(v2).expect("fixture parses");
    let second = value["project"]["tasks"][1]["id"].clone();
    value["project"]["tasks"][0]["dependencies"] =
        serde_json::json!([{ "predecessor": second, "kind": "finish_to_start" }]);
    match broken(&value.to_string()) {
        ImportError::Invalid(invalid) => assert!(matches!(invalid.error, ModelError::Cycle { .. })),
        other => panic!("expected a cycle, got {other:?}"),
    }
}

#[test]
fn importing_an_existing_project_as_a_copy_gives_new_ids() {
    let mut ids = SequentialIds::default();
    let mut workspace = Workspace::default();
    let mut project = new_project(&mut ids);
    let first = add(&mut project, &mut ids, "First");
    let second = add(&mut project, &mut ids, "Second");
    project
        .link_tasks(second, Dependency::finish_to_start(first))
        .expect("link");
    let original = project.id;
    workspace.add_project(project).expect("added");
    let text = io::export_project(
        workspace.project(original).expect("exists"),
        workspace.people(),
    );
    let Plan::Project(imported) = io::read_plan(&text).expect("own export imports") else {
        panic!("a project file");
    };
    let mut fresh = SequentialIds::starting_at(1_000);
    let copy = io::merge_project(&mut workspace, imported, ImportMode::Copy, &mut fresh)
        .expect("copy merges");
    assert_ne!(copy, original);
    let copied = workspace.project(copy).expect("copy exists");
    assert_eq!(copied.name, "Plan (copy)");
    let copied_second = &copied.tasks()[1];
    assert_ne!(copied_second.id, second);
    assert_eq!(
        copied_second.dependencies[0].predecessor,
        copied.tasks()[0].id
    );
    assert!(validate::project(
        &mut copied.clone(),
        &workspace.people().iter().map(|person| person.id).collect()
    )
    .is_ok());
}

// ----- Properties -----

/// Text as people and files produce it, including control and bidi characters.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof!["[A-Za-z][A-Za-z0-9 ]{0,20}", "\\PC{1,16}", ".{0,12}",]
}

/// One step of a random editing session.
#[derive(Debug, Clone)]
enum Step {
    Add {
        title: String,
        start: i64,
        length: i64,
        estimate: u32,
        progress: u8,
        milestone: bool,
        parent: Option<usize>,
        tags: Vec<String>,
    },
    Link {
        successor: usize,
        predecessor: usize,
        kind: u8,
        lag: i32,
    },
    Unlink {
        successor: usize,
        predecessor: usize,
    },
    Move {
        task: usize,
        column: usize,
        before: Option<usize>,
    },
    Reparent {
        task: usize,
        parent: Option<usize>,
    },
    Remove {
        task: usize,
    },
    Assign {
        task: usize,
        person: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (any_text(), 0i64..60, 0i64..10, 0u32..4000, 0u8..=100, any::<bool>(), proptest::option::of(0usize..40), proptest::collection::vec(any_text(), 0..3))
            .prop_map(|(title, start, length, estimate, progress, milestone, parent, tags)| Step::Add { title, start, length, estimate, progress, milestone, parent, tags }),
        3 => (0usize..40, 0usize..40, 0u8..4, -5i32..6).prop_map(|(successor, predecessor, kind, lag)| Step::Link { successor, predecessor, kind, lag }),
        1 => (0usize..40, 0usize..40).prop_map(|(successor, predecessor)| Step::Unlink { successor, predecessor }),
        2 => (0usize..40, 0usize..4, proptest::option::of(0usize..40)).prop_map(|(task, column, before)| Step::Move { task, column, before }),
        1 => (0usize..40, proptest::option::of(0usize..40)).prop_map(|(task, parent)| Step::Reparent { task, parent }),
        1 => (0usize..40).prop_map(|task| Step::Remove { task }),
        1 => (0usize..40, 0usize..3).prop_map(|(task, person)| Step::Assign { task, person }),
    ]
}

/// Runs a random session through the commands, ignoring refusals, and returns the workspace.
fn session(steps: &[Step]) -> (Workspace, ProjectId) {
    let mut ids = SequentialIds::default();
    let mut workspace = Workspace::default();
    let project = new_project(&mut ids);
    let project_id = project.id;
    workspace.add_project(project).expect("added");
    for (number, name) in ["Ada Lovelace", "Grace Hopper", "Linus"]
        .into_iter()
        .enumerate()
    {
        let mut person = Person::new(PersonId::new(&mut ids), name);
        person.hourly_rate = Money(5_000 + number as i64 * 1_250);
        person.weekly_capacity = Hours::whole(32 + number as u32);
        workspace
            .add_person(person, Some(project_id))
            .expect("person added");
    }
    let people: Vec<PersonId> = workspace.people().iter().map(|person| person.id).collect();
    for step in steps {
        let project = workspace.project_mut(project_id).expect("exists");
        let tasks: Vec<TaskId> = project.tasks().iter().map(|task| task.id).collect();
        let pick = |index: usize| (!tasks.is_empty()).then(|| tasks[index % tasks.len()]);
        let _ = match step.clone() {
            Step::Add {
                title,
                start,
                length,
                estimate,
                progress,
                milestone,
                parent,
                tags,
            } => {
                let column = project.columns()[0].id;
                let mut task = Task::new(TaskId::new(&mut ids), title, column, day(start), day(0));
                task.end = if milestone {
                    task.start
                } else {
                    day(start + length)
                };
                task.estimate = Hours::from_centi(estimate);
                task.progress = Progress::new(i64::from(progress)).expect("in range");
                task.milestone = milestone;
                task.parent = parent.and_then(pick);
                task.tags = tags;
                task.priority = Priority::ALL[(estimate % 4) as usize];
                project.add_task(task, day(0))
            }
            Step::Link {
                successor,
                predecessor,
                kind,
                lag,
            } => match (pick(successor), pick(predecessor)) {
                (Some(successor), Some(predecessor)) => project.link_tasks(
                    successor,
                    Dependency {
                        predecessor,
                        kind: LinkKind::ALL[kind as usize],
                        lag,
                    },
                ),
                _ => Ok(()),
            },
            Step::Unlink {
                successor,
                predecessor,
            } => match (pick(successor), pick(predecessor)) {
                (Some(successor), Some(predecessor)) => {
                    project.unlink_tasks(successor, predecessor)
                }
                _ => Ok(()),
            },
            Step::Move {
                task,
                column,
                before,
            } => match pick(task) {
                Some(task) => {
                    let column = project.columns()[column % project.columns().len()].id;
                    let before = before
                        .and_then(pick)
                        .filter(|before| project.task(*before).map(|t| t.column) == Ok(column));
                    project.move_task(task, column, before, day(7))
                }
                None => Ok(()),
            },
            Step::Reparent { task, parent } => match pick(task) {
                Some(task) => {
                    let mut changed = project.task(task).expect("exists").clone();
                    changed.parent = parent.and_then(pick);
                    project.update_task(changed, day(7))
                }
                None => Ok(()),
            },
            Step::Remove { task } => match pick(task) {
                Some(task) => project.remove_task(task).map(|_| ()),
                None => Ok(()),
            },
            Step::Assign { task, person } => match pick(task) {
                Some(task) => {
                    let mut changed = project.task(task).expect("exists").clone();
                    changed.assignee = Some(people[person]);
                    project.update_task(changed, day(7))
                }
                None => Ok(()),
            },
        };
    }
    (workspace, project_id)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever the user does through commands, the project stays valid: no loop, no
    /// dangling reference, no end before start.
    #[test]
    fn commands_keep_every_invariant(steps in proptest::collection::vec(step(), 0..60)) {
        let (workspace, project_id) = session(&steps);
        let mut project = workspace.project(project_id).expect("exists").clone();
        let roster: HashSet<PersonId> = workspace.people().iter().map(|person| person.id).collect();
        let checked = validate::project(&mut project, &roster);
        prop_assert!(checked.is_ok(), "{:?}", checked);
        prop_assert_eq!(&project, workspace.project(project_id).expect("exists"), "validation changes nothing in a valid project");
        for task in project.tasks() {
            prop_assert!(task.end >= task.start);
            for dependency in &task.dependencies {
                prop_assert!(project.find_task(dependency.predecessor).is_some());
            }
        }
    }

    /// Export then import gives back the same project and people.
    #[test]
    fn export_then_import_gives_the_same_project(steps in proptest::collection::vec(step(), 0..40)) {
        let (workspace, project_id) = session(&steps);
        let project = workspace.project(project_id).expect("exists");
        let text = io::export_project(project, workspace.people());
        let plan = io::read_plan(&text);
        prop_assert!(plan.is_ok(), "{:?}", plan);
        match plan.expect("checked above") {
            Plan::Project(imported) => {
                prop_assert_eq!(&imported.project, project);
                prop_assert_eq!(imported.people.as_slice(), workspace.people());
            }
            Plan::Workspace(_) => prop_assert!(false, "a project file came back as a workspace"),
        }
    }

    /// The whole workspace round-trips too.
    #[test]
    fn export_then_import_gives_the_same_workspace(steps in proptest::collection::vec(step(), 0..30)) {
        let (workspace, _) = session(&steps);
        let text = io::export_workspace(&workspace);
        match io::read_plan(&text) {
            Ok(Plan::Workspace(imported)) => prop_assert_eq!(imported, workspace),
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    /// The compact storage encoding gives back the same project, in well under 150
    /// characters a task.
    #[test]
    fn the_storage_encoding_round_trips(steps in proptest::collection::vec(step(), 0..50)) {
        let (workspace, project_id) = session(&steps);
        let project = workspace.project(project_id).expect("exists");
        let text = io::write_compact_project(project, workspace.people(), 7);
        prop_assert_eq!(io::stored_revision(&text), Some(7));
        match io::read_plan(&text) {
            Ok(Plan::Project(imported)) => {
                prop_assert_eq!(&imported.project, project);
                prop_assert_eq!(imported.revision, Some(7));
            }
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    /// Arbitrary text never panics the reader; it is a plan or an error.
    #[test]
    fn any_text_is_read_without_panicking(text in "\\PC{0,200}") {
        let _ = io::read_plan(&text);
    }
}

#[test]
fn a_realistic_plan_is_stored_in_under_150_characters_a_task() {
    let mut ids = SequentialIds::starting_at(0x5eed_0000_0000_0000);
    let mut workspace = Workspace::default();
    let project = new_project(&mut ids);
    let project_id = project.id;
    workspace.add_project(project).expect("added");
    let people: Vec<PersonId> = (0..20)
        .map(|number| {
            let person = Person::new(PersonId::new(&mut ids), format!("Person {number}"));
            let id = person.id;
            workspace
                .add_person(person, Some(project_id))
                .expect("added");
            id
        })
        .collect();
    let words = [
        "Configure",
        "Migrate",
        "Test",
        "Review",
        "Deploy",
        "Document",
        "Design",
        "Train",
    ];
    let objects = [
        "CRM data",
        "user accounts",
        "SSO login",
        "reports",
        "firewall rules",
        "backups",
    ];
    let project = workspace.project_mut(project_id).expect("exists");
    let columns: Vec<_> = project.columns().iter().map(|column| column.id).collect();
    let mut previous: Vec<TaskId> = Vec::new();
    for number in 0..1_000usize {
        let title = format!(
            "{} {} ({number})",
            words[number % words.len()],
            objects[number % objects.len()]
        );
        let mut task = Task::new(
            TaskId::new(&mut ids),
            title,
            columns[number % 3],
            day((number % 90) as i64),
            day(0),
        );
        task.end = day((number % 90) as i64 + (number % 7) as i64);
        task.estimate = Hours::whole((number % 40) as u32 + 1);
        task.assignee = Some(people[number % people.len()]);
        task.progress = Progress::new((number % 11 * 10) as i64).expect("in range");
        if number % 10 < 3 {
            if let Some(predecessor) = previous.get(number.saturating_sub(5)) {
                task.dependencies
                    .push(Dependency::finish_to_start(*predecessor));
                task.start = task.start.max(day(200));
                task.end = task.end.max(task.start);
            }
        }
        if number % 3 == 2 {
            task.completed = None;
        }
        previous.push(task.id);
        project.add_task(task, day(0)).expect("valid task");
    }
    let project = workspace.project(project_id).expect("exists");
    let text = io::write_compact_project(project, workspace.people(), 1);
    let per_task = text.chars().count() / project.tasks().len();
    assert!(per_task <= 150, "{per_task} characters a task");
    let plain = io::export_project(project, workspace.people());
    assert!(
        text.len() * 2 < plain.len(),
        "compact {} vs plain {}",
        text.len(),
        plain.len()
    );
}
