//! Storage round trips, and the row-by-row reader against the general one.

use super::read::field;
use super::*;
use crate::model::io::limits::Limits;
use crate::model::io::migrate::migrate;
use crate::model::io::{read_plan, Plan as Parsed};
use crate::model::io::{ImportError, ProjectFile};
use crate::model::task::ConstraintKind;
use crate::model::testing::Plan;
use chrono::NaiveDate;
use serde_json::Value;

#[test]
fn constraints_and_deadlines_survive_storage() {
    let mut plan = Plan::new("2026-03-02");
    let first = plan.task("First", "2026-03-02", "2026-03-04", 8, None);
    let day = plan.project().start + chrono::Days::new(40);
    for kind in ConstraintKind::ALL {
        plan.edit(first, |task| {
            task.constraint = kind.with_date(day);
            task.deadline = Some(day);
        });
        let text = write_compact_project(plan.project(), &[], 3);
        let Ok(Parsed::Project(imported)) = read_plan(&text) else {
            panic!("the stored project reads back: {text}");
        };
        assert_eq!(&imported.project, plan.project());
    }
}

#[test]
fn ids_round_trip_through_base64url() {
    for value in [
        0u128,
        1,
        u128::MAX,
        0x0123_4567_89ab_cdef_0011_2233_4455_6677,
    ] {
        let id = Uuid::from_u128(value);
        let text = encode_id(id);
        assert_eq!(text.len(), 22);
        assert_eq!(decode_id(&text), Some(id));
    }
    assert_eq!(decode_id("too short"), None);
    assert_eq!(decode_id("!!!!!!!!!!!!!!!!!!!!!!"), None);
}

use crate::model::io::limits::DEFAULT_LIMITS;
use crate::model::io::read::strict_value;
use crate::model::{sample, SequentialIds, Workspace};
use proptest::prelude::*;

fn sample_text() -> String {
    let mut workspace = Workspace::default();
    let mut ids = SequentialIds::default();
    let today = NaiveDate::from_ymd_opt(2027, 3, 1).expect("valid date");
    let id = sample::add_crm_migration(&mut workspace, today, &mut ids).expect("sample");
    let project = workspace.project(id).expect("exists");
    write_compact_project(project, workspace.people(), 3)
}

/// The general path of `read_plan` for stored text, up to validation.
fn general(text: &str) -> Result<ProjectFile, ImportError> {
    DEFAULT_LIMITS.check_depth(text)?;
    let value = strict_value(text)?;
    DEFAULT_LIMITS.check_value(&value)?;
    let value = migrate(value)?;
    if value.get("kind").and_then(Value::as_str) != Some("stored_project") {
        return Err(field("kind", "not stored"));
    }
    read_compact(value)
}

#[test]
fn the_row_by_row_reader_gives_what_the_general_reader_gives() {
    let text = sample_text();
    let fast = read_stored(&text, &DEFAULT_LIMITS).expect("reads row by row");
    assert_eq!(Ok(fast), general(&text));
}

#[test]
fn the_row_by_row_reader_leaves_limits_to_the_general_reader() {
    let text = sample_text();
    let tight = Limits {
        max_tasks: 3,
        ..DEFAULT_LIMITS
    };
    assert_eq!(read_stored(&text, &tight), None);
    let short = Limits {
        max_string_chars: 10,
        ..DEFAULT_LIMITS
    };
    assert_eq!(read_stored(&text, &short), None);
    let repeated = text.replacen("{\"revision\":3,", "{\"revision\":3,\"revision\":3,", 1);
    assert_eq!(read_stored(&repeated, &DEFAULT_LIMITS), None);
    let trailing = format!("{text} x");
    assert_eq!(read_stored(&trailing, &DEFAULT_LIMITS), None);
}

proptest! {
    /// Whatever one changed character does to stored text, the row-by-row reader accepts it
    /// only when the general reader accepts it too, and reads the same project.
    #[test]
    fn the_row_by_row_reader_never_accepts_what_the_general_reader_refuses(
        at in 0usize..100_000,
        replacement in prop::sample::select(vec!['0', '7', '-', '"', ',', '[', ']', '{', '}', 'n', 'x', ' ']),
        cut in prop::bool::weighted(0.1),
    ) {
        let text = sample_text();
        let mut bytes = text.into_bytes();
        let at = at % bytes.len();
        if cut {
            bytes.truncate(at);
        } else {
            bytes[at] = replacement as u8;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            return Ok(());
        };
        if let Some(fast) = read_stored(&text, &DEFAULT_LIMITS) {
            prop_assert_eq!(Ok(fast), general(&text));
        }
    }
}

#[path = "../../../../tests/benches/bench_plan.rs"]
mod bench_plan;

/// The benchmark's plan of `count` tasks as Import reads it (a version 2 file, so every task is
/// pinned "start no earlier than" its start), on 2026-12-06, the day the figures were taken.
fn bench_project(count: usize) -> (crate::model::Project, Vec<crate::model::Person>) {
    let file = bench_plan::bench_plan(count, 90).to_string();
    let Ok(Parsed::Project(imported)) = read_plan(&file) else {
        panic!("the benchmark's plan imports");
    };
    (imported.project, imported.people)
}

#[test]
fn the_benchmark_plan_is_stored_in_at_most_90_characters_a_task() {
    for count in [1_000, 10_000] {
        let (project, people) = bench_project(count);
        let text = write_compact_project(&project, &people, 1);
        let per_task = text.len() as f64 / count as f64;
        println!(
            "{count} tasks: {} characters, {per_task:.1} a task",
            text.len()
        );
        assert!(per_task <= 90.0, "{per_task:.1} characters a task");
        let Ok(Parsed::Project(stored)) = read_plan(&text) else {
            panic!("the stored plan reads back");
        };
        assert_eq!(stored.project, project);
    }
}

/// Stored text of layout 1, as builds before the `rows` marker wrote it: it keeps loading.
const LAYOUT_1: &str = r#"{"revision":4,"format":"ironplan","version":3,"kind":"stored_project","project":{"id":"00000000-0000-4000-8000-000000000001","name":"Layout one","start":"2027-01-04","budget":{"amount":0,"currency":"EUR"},"calendar":{"working_weekdays":["mon","tue","wed","thu","fri"],"holidays":[]},"columns":[{"id":"00000000-0000-4000-8000-000000000002","name":"To do","category":"todo"},{"id":"00000000-0000-4000-8000-000000000003","name":"Done","category":"done"}],"team":["00000000-0000-4000-8000-000000000009"]},"people":[{"id":"00000000-0000-4000-8000-000000000009","name":"Ada","role":"","hourly_rate":5000,"weekly_capacity":40}],"tasks":[["AAAAAAAAQACAAAAAAAAAEA","Phase",0,0,9,0,0,1,-1,-1,-3,null,0,[],[],"",0,0,[],null,[4,0]],["AAAAAAAAQACAAAAAAAAAEQ","Design",1,0,2,1250,100,2,0,0,-3,2,0,["ux","docs"],[],"Notes",500,400,[],null,[6,2],5],["AAAAAAAAQACAAAAAAAAAEg","Ship",0,9,0,0,0,1,-1,0,0,null,1,[],[[1,0,1]]]]}"#;

#[test]
fn stored_text_of_layout_1_keeps_loading() {
    let Ok(Parsed::Project(stored)) = read_plan(LAYOUT_1) else {
        panic!("layout 1 reads: {:?}", read_plan(LAYOUT_1));
    };
    let tasks = stored.project.tasks();
    assert_eq!(tasks.len(), 3);
    let design = &tasks[1];
    assert_eq!(design.title, "Design");
    assert_eq!(design.estimate, crate::model::Hours::from_centi(1250));
    assert_eq!(design.tags, ["ux", "docs"]);
    assert_eq!(design.parent, Some(tasks[0].id));
    assert_eq!(design.completed, Some(day("2027-01-06")));
    assert_eq!(
        design.constraint,
        crate::model::Constraint::FinishNoEarlierThan(day("2027-01-06"))
    );
    assert_eq!(design.deadline, Some(day("2027-01-09")));
    assert_eq!(design.created, day("2027-01-01"));
    let ship = &tasks[2];
    assert!(ship.milestone);
    assert_eq!(ship.dependencies[0].predecessor, design.id);
    assert_eq!(ship.dependencies[0].lag, 1);
    assert_eq!(
        tasks[0].constraint,
        crate::model::Constraint::StartNoEarlierThan(day("2027-01-04"))
    );
    assert_eq!(
        general(LAYOUT_1).map(|file| file.project),
        Ok(stored.project.clone())
    );
    // The next save writes layout 2, which reads back to the same project.
    let rewritten = write_compact_project(&stored.project, &stored.people, 5);
    assert!(rewritten.contains("\"rows\":{\"layout\":2"));
    let Ok(Parsed::Project(again)) = read_plan(&rewritten) else {
        panic!("layout 2 reads back");
    };
    assert_eq!(again.project, stored.project);
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a valid date")
}

#[test]
fn a_bad_cell_of_layout_2_is_refused_naming_its_place() {
    let text = sample_text();
    let (project_file, _) = (general(&text).expect("reads"), ());
    assert!(!project_file.project.tasks().is_empty());
    for (from, to, path) in [
        (
            "\"rows\":{\"layout\":2",
            "\"rows\":{\"layout\":9",
            "rows.layout",
        ),
        (
            "\"rows\":{\"layout\":2",
            "\"rows\":{\"extra\":1,\"layout\":2",
            "rows.extra",
        ),
    ] {
        let broken = text.replacen(from, to, 1);
        assert_eq!(read_stored(&broken, &DEFAULT_LIMITS), None);
        match general(&broken) {
            Err(ImportError::Field { path: found, .. }) => assert_eq!(found, path),
            other => panic!("{path}: {other:?}"),
        }
    }
    let rows_at = text.find("\"tasks\":[[").expect("a task table") + "\"tasks\":[".len();
    let head = &text[..rows_at];
    for (cells, path, expected) in [
        ("[\"AAAAAAAAAAAAAAAAAAAAAA\",\"T\",0,0,-2]", "tasks[0][4]", "-1"),
        ("[\"AAAAAAAAAAAAAAAAAAAAAA\",\"T\",0,0,0,9]", "tasks[0][5]", "unknown constraint"),
        ("[\"AAAAAAAAAAAAAAAAAAAAAA\",\"T\",0,0,0,[1,3]]", "tasks[0][5]", "no date"),
        ("[\"AAAAAAAAAAAAAAAAAAAAAA\",\"T\",0,0,0,0,5]", "tasks[0][6]", "does not exist"),
        ("[\"AAAAAAAAAAAAAAAAAAAAAA\",\"T\",0,0,0,0,0,1.005]", "tasks[0][7]", "two decimals"),
        ("[\"AAAAAAAAAAAAAAAAAAAAAA\",\"T\",0,0,0,0,0,0,99]", "tasks[0][8]", "team"),
        ("[\"AAAAAAAAAAAAAAAAAAAAAA\",\"T\",0,0,0,0,0,0,0,0,1,[],[[-9000,0]]]", "tasks[0][12][0]", "does not exist"),
        ("[\"AAAAAAAAAAAAAAAAAAAAAA\",\"T\",0,0,0,0,0,0,0,0,1,[],[[1,0,0,0]]]", "tasks[0][12][0]", "expected"),
        ("[\"AAAAAAAAAAAAAAAAAAAAAA\",\"T\",0,0,0,0,0,0,0,0,1,[],0,null,-9223372036854775808]", "tasks[0][14]", "range"),
        ("[\"AAAAAAAAAAAAAAAAAAAAAA\",\"T\",0,0,0,0,0,0,0,0,1,[],0,null,0,null,\"\",0,0,[],null,1]", "tasks[0][21]", "past the end"),
    ] {
        let broken = format!("{head}{cells}]}}");
        assert_eq!(read_stored(&broken, &DEFAULT_LIMITS), None, "{cells}");
        match general(&broken) {
            Err(ImportError::Field { path: found, message, .. }) => {
                assert_eq!(found, path, "{cells}");
                assert!(message.contains(expected), "{cells}: {message}");
            }
            other => panic!("{cells}: {other:?}"),
        }
    }
}

/// A project of the sample's shape (its columns, team and people) with `tasks` in place of its
/// own: every cell of a row takes values it can hold, links go anywhere in the table.
type TaskRecipe = (
    (String, usize, i64, i64, bool, usize, i64),
    (Option<usize>, u32, Option<usize>, i64, usize, Vec<String>),
    (
        Vec<(usize, usize, i32)>,
        Option<i64>,
        i64,
        Option<i64>,
        String,
        (i64, i64),
    ),
);

fn any_task() -> impl Strategy<Value = TaskRecipe> {
    (
        (
            "\\PC{0,12}",
            0usize..8,
            -400i64..400,
            0i64..40,
            prop::bool::weighted(0.1),
            0usize..8,
            -60i64..60,
        ),
        (
            prop::option::of(0usize..64),
            prop_oneof![
                Just(0u32),
                0u32..100_000,
                (0u32..1000).prop_map(|hours| hours * 100)
            ],
            prop::option::of(0usize..64),
            0i64..=100,
            0usize..4,
            prop::collection::vec("[a-z\"\\\\é]{1,6}", 0..3),
        ),
        (
            prop::collection::vec((0usize..64, 0usize..4, -5i32..5), 0..3),
            prop::option::of(-20i64..20),
            -300i64..300,
            prop::option::of(-20i64..60),
            "\\PC{0,8}",
            (-5i64..100_000, -5i64..100_000),
        ),
    )
}

fn project_of(recipes: &[TaskRecipe]) -> (crate::model::Project, Vec<crate::model::Person>) {
    use crate::model::{
        ConstraintKind, Dependency, Hours, LinkKind, Money, Priority, Progress, Task, TaskId,
    };
    let mut workspace = Workspace::default();
    let mut ids = SequentialIds::default();
    let today = NaiveDate::from_ymd_opt(2027, 3, 1).expect("valid date");
    let id = sample::add_crm_migration(&mut workspace, today, &mut ids).expect("sample");
    let mut project = workspace.project(id).expect("exists").clone();
    let (columns, team): (Vec<_>, Vec<_>) = (
        project.columns().iter().map(|column| column.id).collect(),
        project.team().to_vec(),
    );
    let task_ids: Vec<TaskId> = recipes.iter().map(|_| TaskId::new(&mut ids)).collect();
    let start = project.start;
    let at = |days: i64| crate::model::calendar::shift(start, days);
    let sample_tasks = project.tasks().to_vec();
    let tasks = recipes
        .iter()
        .enumerate()
        .map(
            |(
                row,
                (
                    (title, column, first, length, milestone, kind, offset),
                    (parent, centi, assignee, progress, priority, tags),
                    (links, completed, created, deadline, description, (fixed, actual)),
                ),
            )| {
                let kind = ConstraintKind::ALL[*kind];
                let mut task = Task::new(
                    task_ids[row],
                    title.clone(),
                    columns[column % columns.len()],
                    at(*first),
                    at(*created),
                );
                task.end = if *milestone {
                    task.start
                } else {
                    at(first + length)
                };
                task.milestone = *milestone;
                task.constraint = kind.with_date(at(first + offset));
                if kind.has_date() && offset % 3 == 0 {
                    task.constraint =
                        kind.with_date(super::write::own_date(kind, task.start, task.end));
                }
                // A task is never its own parent or predecessor (validation refuses both), and the
                // encoding has no way to say so.
                task.parent = parent
                    .map(|parent| parent % task_ids.len())
                    .filter(|parent| *parent != row)
                    .map(|parent| task_ids[parent]);
                task.estimate = Hours::from_centi(*centi);
                task.assignee = assignee
                    .filter(|_| !team.is_empty())
                    .map(|person| team[person % team.len()]);
                task.progress = Progress::new(*progress).expect("in range");
                task.priority = Priority::ALL[*priority];
                task.tags = tags.clone();
                task.dependencies = links
                    .iter()
                    .filter(|(predecessor, _, _)| predecessor % task_ids.len() != row)
                    .map(|(predecessor, kind, lag)| Dependency {
                        predecessor: task_ids[predecessor % task_ids.len()],
                        kind: LinkKind::ALL[*kind],
                        lag: *lag,
                    })
                    .collect();
                task.completed = completed.map(|days| at(first + days));
                task.deadline = deadline.map(|days| at(first + days));
                task.description = description.clone();
                task.fixed_cost = Money(*fixed);
                task.actual_fixed_cost = Money(*actual);
                if let Some(from) = sample_tasks.get(row) {
                    task.time_entries = from.time_entries.clone();
                    task.timer = from.timer;
                }
                std::sync::Arc::new(task)
            },
        )
        .collect();
    *project.tasks_mut() = tasks;
    (project, workspace.people().to_vec())
}

proptest! {
    /// Any project is read back, row by row and by the general reader, as it was written.
    #[test]
    fn any_project_round_trips_through_storage(
        recipes in prop::collection::vec(any_task(), 0..40),
        revision in 0u64..1000,
    ) {
        let (project, people) = project_of(&recipes);
        let text = write_compact_project(&project, &people, revision);
        let slow = general(&text);
        prop_assert!(slow.is_ok(), "{:?}", slow.err());
        let fast = read_stored(&text, &DEFAULT_LIMITS).expect("reads row by row");
        prop_assert_eq!(&fast.project, &project);
        prop_assert_eq!(fast.revision, Some(revision));
        let slow = general(&text).expect("reads");
        prop_assert_eq!(&slow.project, &project);
    }
}
