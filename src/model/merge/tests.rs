//! Scenarios and properties of compare, merge and redaction, on plans built through the
//! model's commands.

use super::*;
use crate::model::format::PlainFormatter;
use crate::model::ids::SequentialIds;
use crate::model::io::{project_file, ProjectFile};
use crate::model::testing::{date, Plan};
use crate::model::{ColumnCategory, Dependency, Hours, Money, TaskId};
use proptest::prelude::*;

/// A copy of `plan` whose new ids start after `start`, so two copies never make the same id.
fn fork(plan: &Plan, start: u128) -> Plan {
    Plan {
        workspace: plan.workspace.clone(),
        project: plan.project,
        ids: SequentialIds::starting_at(start),
        today: plan.today,
    }
}

fn file(plan: &Plan) -> ProjectFile {
    project_file(plan.project(), plan.workspace.people())
}

/// Design, Build and Test in a chain, with Ada and Grace on the team.
fn base() -> (Plan, [TaskId; 3]) {
    let mut plan = Plan::new("2026-03-02");
    let ada = plan.person("Ada", 10_000);
    plan.person("Grace", 12_000);
    plan.budget(5_000_000);
    let design = plan.task("Design", "2026-03-02", "2026-03-04", 16, Some(ada));
    let build = plan.task("Build", "2026-03-05", "2026-03-11", 40, None);
    let test = plan.task("Test", "2026-03-12", "2026-03-13", 8, None);
    plan.link(build, Dependency::finish_to_start(design));
    plan.link(test, Dependency::finish_to_start(build));
    (plan, [design, build, test])
}

fn title(file: &ProjectFile, task: TaskId) -> Option<String> {
    file.project.find_task(task).map(|task| task.title.clone())
}

#[test]
fn edits_to_different_tasks_on_each_side_are_both_kept() {
    let (plan, [design, build, _]) = base();
    let mut mine = fork(&plan, 1_000);
    let mut theirs = fork(&plan, 2_000);
    mine.edit(design, |task| task.title = "Design the intranet".into());
    theirs.edit(build, |task| task.estimate = Hours::whole(60));
    let merged = merge(Some(&file(&plan)), &file(&mine), &file(&theirs)).expect("merges");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(
        title(&merged.plan, design).as_deref(),
        Some("Design the intranet")
    );
    let build = merged.plan.project.task(build).expect("kept");
    assert_eq!(build.estimate, Hours::whole(60));
    assert_eq!(merged.from_theirs, 1);
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let (plan, [design, ..]) = base();
    let mut mine = fork(&plan, 1_000);
    let mut theirs = fork(&plan, 2_000);
    for side in [&mut mine, &mut theirs] {
        side.edit(design, |task| task.title = "Discovery".into());
    }
    let merged = merge(Some(&file(&plan)), &file(&mine), &file(&theirs)).expect("merges");
    assert!(merged.conflicts.is_empty());
    assert_eq!(title(&merged.plan, design).as_deref(), Some("Discovery"));
}

#[test]
fn different_titles_on_both_sides_are_a_conflict_settled_by_the_choice() {
    let (plan, [design, ..]) = base();
    let mut mine = fork(&plan, 1_000);
    let mut theirs = fork(&plan, 2_000);
    mine.edit(design, |task| task.title = "Mine".into());
    theirs.edit(design, |task| task.title = "Theirs".into());
    let merged = merge(Some(&file(&plan)), &file(&mine), &file(&theirs)).expect("merges");
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.subject, Subject::Task(design));
    assert_eq!(conflict.field, "title");
    assert_eq!(conflict.mine, Some("Mine".into()));
    assert_eq!(conflict.theirs, Some("Theirs".into()));
    assert_eq!(title(&merged.plan, design).as_deref(), Some("Mine"));
    let choices: Choices = [(conflict.key(), Choice::Theirs)].into_iter().collect();
    let resolved = resolve(&merged, &choices).expect("resolves");
    assert_eq!(title(&resolved, design).as_deref(), Some("Theirs"));
}

#[test]
fn a_task_deleted_on_one_side_and_edited_on_the_other_is_a_conflict() {
    let (plan, [design, build, test]) = base();
    let mut mine = fork(&plan, 1_000);
    let mut theirs = fork(&plan, 2_000);
    mine.edit(test, |task| task.title = "Test on staging".into());
    theirs.project_mut().remove_task(test).expect("exists");
    theirs.project_mut().remove_task(design).expect("exists");
    let merged = merge(Some(&file(&plan)), &file(&mine), &file(&theirs)).expect("merges");
    // Design was untouched here, so its deletion is taken; Test was edited.
    assert!(merged.plan.project.find_task(design).is_none());
    assert!(merged.plan.project.find_task(build).is_some());
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].subject, Subject::Task(test));
    assert_eq!(merged.conflicts[0].field, "exists");
    assert!(merged.conflicts[0].theirs.is_none());
    let choices: Choices = [(merged.conflicts[0].key(), Choice::Theirs)]
        .into_iter()
        .collect();
    let resolved = resolve(&merged, &choices).expect("resolves");
    assert!(resolved.project.find_task(test).is_none());
}

#[test]
fn new_tasks_from_both_sides_are_kept() {
    let (plan, _) = base();
    let mut mine = fork(&plan, 1_000);
    let mut theirs = fork(&plan, 2_000);
    let here = mine.task("Docs", "2026-03-16", "2026-03-17", 4, None);
    let there = theirs.task("Launch", "2026-03-18", "2026-03-18", 2, None);
    let merged = merge(Some(&file(&plan)), &file(&mine), &file(&theirs)).expect("merges");
    assert!(merged.conflicts.is_empty());
    assert!(merged.plan.project.find_task(here).is_some());
    assert!(merged.plan.project.find_task(there).is_some());
    assert_eq!(merged.plan.project.tasks().len(), 5);
}

#[test]
fn a_link_that_would_close_a_loop_is_a_conflict_and_the_plan_stays_valid() {
    let mut plan = Plan::new("2026-03-02");
    let first = plan.task("First", "2026-03-02", "2026-03-02", 8, None);
    let second = plan.task("Second", "2026-03-03", "2026-03-03", 8, None);
    let mut mine = fork(&plan, 1_000);
    let mut theirs = fork(&plan, 2_000);
    mine.link(second, Dependency::finish_to_start(first));
    theirs.link(first, Dependency::finish_to_start(second));
    let merged = merge(Some(&file(&plan)), &file(&mine), &file(&theirs)).expect("merges");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(merged.conflicts[0].field, "loop");
    let links: usize = merged
        .plan
        .project
        .tasks()
        .iter()
        .map(|task| task.dependencies.len())
        .sum();
    assert_eq!(links, 1);
}

/// Mine chains First → Second → Third; theirs makes First wait for Third.
fn a_loop_across_the_copies() -> (Merged, [TaskId; 3]) {
    let mut plan = Plan::new("2026-03-02");
    let first = plan.task("First", "2026-03-02", "2026-03-02", 8, None);
    let second = plan.task("Second", "2026-03-03", "2026-03-03", 8, None);
    let third = plan.task("Third", "2026-03-04", "2026-03-04", 8, None);
    let mut mine = fork(&plan, 1_000);
    let mut theirs = fork(&plan, 2_000);
    mine.link(second, Dependency::finish_to_start(first));
    mine.link(third, Dependency::finish_to_start(second));
    theirs.link(first, Dependency::finish_to_start(third));
    let merged = merge(Some(&file(&plan)), &file(&mine), &file(&theirs)).expect("merges");
    (merged, [first, second, third])
}

fn links(file: &ProjectFile) -> Vec<(TaskId, TaskId)> {
    file.project
        .tasks()
        .iter()
        .flat_map(|task| {
            task.dependencies
                .iter()
                .map(|dependency| (task.id, dependency.predecessor))
        })
        .collect()
}

#[test]
fn a_loop_conflict_names_the_link_it_leaves_out_and_the_whole_loop() {
    let (merged, tasks) = a_loop_across_the_copies();
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let Subject::Dependency {
        successor,
        predecessor,
    } = merged.conflicts[0].subject
    else {
        panic!("a link conflict, not {:?}", merged.conflicts[0].subject);
    };
    assert_eq!(merged.left_out.len(), 1);
    let left_out = &merged.left_out[0];
    assert_eq!(
        (left_out.successor, left_out.predecessor),
        (successor, predecessor)
    );
    let crate::model::ModelError::Cycle { path } = &left_out.reason else {
        panic!("a loop, not {:?}", left_out.reason);
    };
    for task in tasks {
        assert!(path.contains(&task), "{path:?} misses {task:?}");
    }
    assert!(!links(&merged.plan).contains(&(successor, predecessor)));
}

#[test]
fn taking_the_side_whose_link_closes_a_loop_reports_the_link_that_gives_way() {
    let (merged, _) = a_loop_across_the_copies();
    let conflict = &merged.conflicts[0];
    let closing = conflict.holder();
    let choices: Choices = [(conflict.key(), closing)].into_iter().collect();
    let resolved = resolve_reporting(&merged, &choices).expect("resolves");
    let Subject::Dependency {
        successor,
        predecessor,
    } = conflict.subject
    else {
        panic!("a link conflict");
    };
    let kept = links(&resolved.plan);
    assert!(kept.contains(&(successor, predecessor)));
    assert_eq!(kept.len(), 2);
    assert_eq!(resolved.left_out.len(), 1, "{:?}", resolved.left_out);
    let gave_way = &resolved.left_out[0];
    assert_ne!(
        (gave_way.successor, gave_way.predecessor),
        (successor, predecessor)
    );
    assert!(!kept.contains(&(gave_way.successor, gave_way.predecessor)));
    assert!(matches!(
        gave_way.reason,
        crate::model::ModelError::Cycle { .. }
    ));

    // The other way round nothing gives way: the link is simply not taken.
    let other = closing.other();
    let choices: Choices = [(conflict.key(), other)].into_iter().collect();
    let resolved = resolve_reporting(&merged, &choices).expect("resolves");
    assert!(resolved.left_out.is_empty(), "{:?}", resolved.left_out);
    assert_eq!(links(&resolved.plan).len(), 2);
}

#[test]
fn a_redacted_file_contains_none_of_the_money_of_the_original() {
    let (mut plan, [design, _, _]) = base();
    plan.edit(design, |task| {
        task.fixed_cost = Money(7_777_700);
        task.actual_fixed_cost = Money(6_666_600);
    });
    let ada = plan.project().team()[0];
    plan.log(design, ada, "2026-03-02", 350);
    plan.edit(design, |task| {
        task.time_entries[0].note = "Secret workshop".into()
    });
    plan.baseline("2026-03-02");
    let original = file(&plan);
    let redacted = redact(&original);
    assert!(redacted.redacted);
    let json = serde_json::to_string(&redacted).expect("serializes");
    for money in [
        "5000000",
        "10000",
        "12000",
        "7777700",
        "6666600",
        "Secret workshop",
    ] {
        assert!(!json.contains(money), "{money} is still in {json}");
    }
    assert!(json.contains("\"redacted\":true"));
    let task = redacted.project.task(design).expect("kept");
    assert_eq!(task.time_entries[0].hours, Hours::from_centi(350));
}

#[test]
fn merging_a_redacted_file_never_takes_the_missing_money_for_deletions() {
    let (mut plan, [design, build, _]) = base();
    plan.edit(design, |task| task.fixed_cost = Money(120_000));
    let mine = fork(&plan, 1_000);
    let mut theirs = fork(&plan, 2_000);
    theirs.edit(build, |task| task.title = "Build it".into());
    let sent = redact(&file(&theirs));
    let merged = merge(Some(&file(&plan)), &file(&mine), &sent).expect("merges");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.plan.project.budget.amount, Money(5_000_000));
    let design = merged.plan.project.task(design).expect("kept");
    assert_eq!(design.fixed_cost, Money(120_000));
    assert!(merged
        .plan
        .people
        .iter()
        .all(|person| person.hourly_rate.0 > 0));
    assert_eq!(title(&merged.plan, build).as_deref(), Some("Build it"));
}

#[test]
fn without_a_base_every_difference_is_a_conflict() {
    let (plan, [design, build, _]) = base();
    let mut mine = fork(&plan, 1_000);
    let mut theirs = fork(&plan, 2_000);
    mine.edit(design, |task| task.title = "Mine".into());
    theirs.edit(build, |task| task.estimate = Hours::whole(1));
    let merged = merge(None, &file(&mine), &file(&theirs)).expect("merges");
    assert!(merged.two_way);
    let fields: Vec<&str> = merged.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, vec!["title", "estimate"]);
    assert_eq!(merged.from_theirs, 0);
}

#[test]
fn compare_lists_a_renamed_task_and_a_moved_date_in_working_days() {
    let (plan, [design, build, _]) = base();
    let mut later = fork(&plan, 1_000);
    later.edit(design, |task| task.title = "Discovery".into());
    // Thursday 5 March to Monday 9 March is two working days.
    later
        .project_mut()
        .set_task_dates(build, date("2026-03-09"), date("2026-03-13"))
        .expect("valid dates");
    later.task("Docs", "2026-03-16", "2026-03-16", 2, None);
    let (before, after) = (file(&plan), file(&later));
    let changes = compare(
        PlanRef {
            project: &before.project,
            people: &before.people,
        },
        PlanRef {
            project: &after.project,
            people: &after.people,
        },
    );
    assert_eq!(changes.matching, Matching::Ids);
    assert_eq!(changes.added.len(), 1);
    assert!(changes.removed.is_empty());
    assert_eq!(changes.changed_count(), 2);
    let markdown = to_markdown(&changes, &PlainFormatter);
    assert!(markdown.starts_with("# Changes: Intranet\n"), "{markdown}");
    assert!(markdown.contains("## Added (1)"));
    assert!(markdown.contains("Renamed from “Design” to “Discovery”"));
    assert!(
        markdown.contains(
            "Moved 2 working days later: 2026-03-05 – 2026-03-11 to 2026-03-09 – 2026-03-13"
        ),
        "{markdown}"
    );
}

#[test]
fn copies_without_shared_ids_are_compared_by_title_and_outline_position() {
    let (plan, [design, ..]) = base();
    let mut copy = fork(&plan, 5_000);
    copy.edit(design, |task| task.estimate = Hours::whole(20));
    let mut ids = SequentialIds::starting_at(9_000);
    let renumbered = copy.project().copy_with_new_ids(&mut ids);
    let people = plan.workspace.people();
    let changes = compare(
        PlanRef {
            project: plan.project(),
            people,
        },
        PlanRef {
            project: &renumbered,
            people,
        },
    );
    assert_eq!(changes.matching, Matching::TitleAndPosition);
    assert!(changes.added.is_empty() && changes.removed.is_empty());
    assert_eq!(changes.changed.len(), 1);
    assert_eq!(changes.changed[0].title, "Design");
    assert!(to_markdown(&changes, &PlainFormatter).contains(MATCHED_BY_TITLE));
}

#[test]
fn a_version_names_the_content_of_the_project() {
    let (plan, [design, ..]) = base();
    let mut edited = fork(&plan, 1_000);
    assert_eq!(content_hash(plan.project()), content_hash(edited.project()));
    edited.edit(design, |task| task.title = "Other".into());
    assert_ne!(content_hash(plan.project()), content_hash(edited.project()));
}

// ----- Properties -----

/// One edit a person might make; indexes pick tasks modulo the task count.
#[derive(Clone, Debug)]
enum Edit {
    Rename(usize, u8),
    Estimate(usize, u32),
    Progress(usize, u8),
    Shift(usize, i64),
    Status(usize, u8),
    Remove(usize),
    Add(u8),
    Link(usize, usize),
    Unlink(usize),
    Nest(usize, usize),
    Reorder(usize, usize),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0u8..4).prop_map(|(task, name)| Edit::Rename(task, name)),
        (any::<usize>(), 0u32..80).prop_map(|(task, hours)| Edit::Estimate(task, hours)),
        (any::<usize>(), 0u8..=100).prop_map(|(task, percent)| Edit::Progress(task, percent)),
        (any::<usize>(), -5i64..6).prop_map(|(task, days)| Edit::Shift(task, days)),
        (any::<usize>(), 0u8..3).prop_map(|(task, column)| Edit::Status(task, column)),
        any::<usize>().prop_map(Edit::Remove),
        (0u8..4).prop_map(Edit::Add),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Link(a, b)),
        any::<usize>().prop_map(Edit::Unlink),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Nest(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Reorder(a, b)),
    ]
}

/// Applies `edit` through the commands; an edit the model refuses changes nothing.
fn apply(plan: &mut Plan, edit: &Edit) {
    let ids: Vec<TaskId> = plan.project().tasks().iter().map(|task| task.id).collect();
    let pick = |index: usize| ids.get(index % ids.len().max(1)).copied();
    let today = plan.today;
    let columns: Vec<_> = plan.project().columns().iter().map(|c| c.id).collect();
    let update = |plan: &mut Plan, id: TaskId, change: &dyn Fn(&mut crate::model::Task)| {
        let Ok(task) = plan.project().task(id) else {
            return;
        };
        let mut task = task.clone();
        change(&mut task);
        let _ = plan.project_mut().update_task(task, today);
    };
    match *edit {
        Edit::Rename(task, name) => {
            if let Some(id) = pick(task) {
                update(plan, id, &|task| task.title = format!("Title {name}"));
            }
        }
        Edit::Estimate(task, hours) => {
            if let Some(id) = pick(task) {
                update(plan, id, &|task| task.estimate = Hours::whole(hours));
            }
        }
        Edit::Progress(task, percent) => {
            if let Some(id) = pick(task) {
                update(plan, id, &|task| {
                    task.progress =
                        crate::model::Progress::new(i64::from(percent)).expect("0..=100")
                });
            }
        }
        Edit::Shift(task, days) => {
            if let Some(id) = pick(task) {
                let Ok(task) = plan.project().task(id) else {
                    return;
                };
                let (start, end) = (task.start, task.end);
                let shift = |day| crate::model::calendar::shift(day, days);
                let _ = plan
                    .project_mut()
                    .set_task_dates(id, shift(start), shift(end));
            }
        }
        Edit::Status(task, column) => {
            if let (Some(id), Some(column)) = (pick(task), columns.get(usize::from(column))) {
                let _ = plan.project_mut().move_task(id, *column, None, today);
            }
        }
        Edit::Remove(task) => {
            if let Some(id) = pick(task) {
                let _ = plan.project_mut().remove_task(id);
            }
        }
        Edit::Add(name) => {
            let draft = plan.draft(&format!("New {name}"), "2026-03-09", "2026-03-10");
            let _ = plan.project_mut().add_task(draft, today);
        }
        Edit::Link(a, b) => {
            if let (Some(successor), Some(predecessor)) = (pick(a), pick(b)) {
                let _ = plan
                    .project_mut()
                    .link_tasks(successor, Dependency::finish_to_start(predecessor));
            }
        }
        Edit::Unlink(task) => {
            if let Some(id) = pick(task) {
                let first = plan
                    .project()
                    .task(id)
                    .ok()
                    .and_then(|task| task.dependencies.first().map(|link| link.predecessor));
                if let Some(predecessor) = first {
                    let _ = plan.project_mut().unlink_tasks(id, predecessor);
                }
            }
        }
        Edit::Nest(a, b) => {
            if let (Some(child), Some(parent)) = (pick(a), pick(b)) {
                update(plan, child, &|task| task.parent = Some(parent));
            }
        }
        Edit::Reorder(a, b) => {
            if let (Some(card), Some(before)) = (pick(a), pick(b)) {
                let column = plan.project().task(before).map(|task| task.column);
                if let Ok(column) = column {
                    let _ = plan
                        .project_mut()
                        .move_task(card, column, Some(before), today);
                }
            }
        }
    }
}

/// A base of a few tasks and two copies edited apart.
fn copies() -> impl Strategy<Value = (ProjectFile, ProjectFile, ProjectFile)> {
    (
        proptest::collection::vec(edit_strategy(), 0..8),
        proptest::collection::vec(edit_strategy(), 0..6),
        proptest::collection::vec(edit_strategy(), 0..6),
    )
        .prop_map(|(setup, mine_edits, theirs_edits)| {
            let (mut plan, _) = base();
            for edit in &setup {
                apply(&mut plan, edit);
            }
            let mut mine = fork(&plan, 1_000_000);
            let mut theirs = fork(&plan, 2_000_000);
            for edit in &mine_edits {
                apply(&mut mine, edit);
            }
            for edit in &theirs_edits {
                apply(&mut theirs, edit);
            }
            (file(&plan), file(&mine), file(&theirs))
        })
}

fn same_plan(left: &ProjectFile, right: &ProjectFile) -> Result<(), TestCaseError> {
    prop_assert_eq!(&left.project, &right.project);
    prop_assert_eq!(&left.people, &right.people);
    Ok(())
}

fn all(merged: &Merged, choice: Choice) -> Choices {
    merged
        .conflicts
        .iter()
        .map(|conflict| (conflict.key(), choice))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merging_a_copy_with_itself_gives_that_copy((base, mine, _) in copies()) {
        let merged = merge(Some(&base), &mine, &mine).expect("merges");
        prop_assert!(merged.conflicts.is_empty());
        same_plan(&merged.plan, &mine)?;
    }

    #[test]
    fn when_only_they_changed_the_result_is_theirs((base, _, theirs) in copies()) {
        let merged = merge(Some(&base), &base, &theirs).expect("merges");
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        same_plan(&merged.plan, &theirs)?;
    }

    #[test]
    fn when_only_i_changed_the_result_is_mine((base, mine, _) in copies()) {
        let merged = merge(Some(&base), &mine, &base).expect("merges");
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        same_plan(&merged.plan, &mine)?;
    }

    #[test]
    fn swapping_the_sides_and_flipping_the_choices_gives_the_same_plan(
        (base, mine, theirs) in copies()
    ) {
        let forward = merge(Some(&base), &mine, &theirs).expect("merges");
        let backward = merge(Some(&base), &theirs, &mine).expect("merges");
        let left = resolve(&forward, &all(&forward, Choice::Mine)).expect("resolves");
        let right = resolve(&backward, &all(&backward, Choice::Theirs)).expect("resolves");
        same_plan(&left, &right)?;
    }

    #[test]
    fn every_result_passes_validation_whatever_the_choices((base, mine, theirs) in copies()) {
        // `merge` and `resolve` validate their result and fail otherwise.
        let merged = merge(Some(&base), &mine, &theirs).expect("merges");
        resolve(&merged, &all(&merged, Choice::Theirs)).expect("resolves toward theirs");
        let two_way = merge(None, &mine, &theirs).expect("merges without a base");
        resolve(&two_way, &all(&two_way, Choice::Theirs)).expect("resolves two-way");
    }

    #[test]
    fn no_change_made_on_one_side_only_is_lost((base, mine, theirs) in copies()) {
        let merged = merge(Some(&base), &mine, &theirs).expect("merges");
        let disputed = |task: TaskId| {
            merged.conflicts.iter().any(|conflict| match conflict.subject {
                Subject::Task(id) => id == task,
                Subject::Dependency { successor, predecessor } => {
                    successor == task || predecessor == task
                }
                _ => false,
            })
        };
        for (side, other) in [(&mine, &theirs), (&theirs, &mine)] {
            for task in side.project.tasks() {
                let before = base.project.find_task(task.id);
                let untouched_there = other.project.find_task(task.id) == before;
                if disputed(task.id) || !untouched_there {
                    continue;
                }
                let result = merged.plan.project.find_task(task.id);
                prop_assert!(result.is_some(), "lost task {}", task.title);
                let result = result.expect("checked");
                prop_assert_eq!(&result.title, &task.title);
                prop_assert_eq!(result.estimate, task.estimate);
                prop_assert_eq!(result.progress, task.progress);
                prop_assert_eq!((result.start, result.end), (task.start, task.end));
                prop_assert_eq!(result.column, task.column);
            }
            for task in base.project.tasks() {
                let deleted_here = side.project.find_task(task.id).is_none();
                let untouched_there = other.project.find_task(task.id) == Some(task.as_ref());
                if deleted_here && untouched_there && !disputed(task.id) {
                    let gone = merged.plan.project.find_task(task.id).is_none();
                    prop_assert!(gone, "deleted task {} came back", task.title);
                }
            }
        }
    }
}

#[test]
fn a_column_added_on_each_side_keeps_both_in_order() {
    let (plan, _) = base();
    let mut mine = fork(&plan, 1_000);
    let mut theirs = fork(&plan, 2_000);
    for (side, name) in [(&mut mine, "Review"), (&mut theirs, "Blocked")] {
        let id = crate::model::ColumnId::new(side.ids());
        let column = crate::model::Column::new(id, name, ColumnCategory::InProgress);
        side.project_mut()
            .add_column(column, Some(2))
            .expect("valid column");
    }
    let merged = merge(Some(&file(&plan)), &file(&mine), &file(&theirs)).expect("merges");
    let names: Vec<&str> = merged
        .plan
        .project
        .columns()
        .iter()
        .map(|column| column.name.as_str())
        .collect();
    assert_eq!(
        names,
        vec!["To do", "In progress", "Review", "Blocked", "Done"]
    );
}
