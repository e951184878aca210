//! The board's view models kept in step with changes equal the ones built afresh.

use super::*;
use crate::model::testing::TestPlan;
use crate::model::{ColumnCategory, Project, Task, TaskId};
use proptest::prelude::*;

/// One change a store verb makes to a plan of `ids`.
#[derive(Clone, Debug)]
enum Change {
    /// The card at the first index moves to the column of the category, before the card at
    /// the second index (or to the column's end).
    Move(usize, usize, Option<usize>),
    /// The card is renamed (with the filter's word, or without).
    Rename(usize, bool),
    /// The card gets subtasks' parent: the card at the second index.
    Parent(usize, usize),
    /// A new card in the column of the category.
    Add(usize),
    /// The card and its subtasks are removed.
    Remove(usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0usize..40, 0usize..3, proptest::option::of(0usize..40))
            .prop_map(|(card, column, before)| Change::Move(card, column, before)),
        (0usize..40, any::<bool>()).prop_map(|(card, word)| Change::Rename(card, word)),
        (0usize..40, 0usize..40).prop_map(|(card, parent)| Change::Parent(card, parent)),
        (0usize..3).prop_map(Change::Add),
        (0usize..40).prop_map(Change::Remove),
    ]
}

/// Makes `change` on `plan`; changes the model refuses are skipped.
fn make(plan: &mut TestPlan, change: &Change, step: usize) {
    let ids: Vec<TaskId> = plan.project().tasks().iter().map(|task| task.id).collect();
    if ids.is_empty() {
        return;
    }
    let pick = |index: usize| ids[index % ids.len()];
    let today = plan.today;
    match change {
        Change::Move(card, column, before) => {
            let column = plan.column(ColumnCategory::ALL[*column]);
            let before = before.map(pick).filter(|before| {
                plan.project().task(*before).map(|task| task.column) == Ok(column)
            });
            plan.project_mut()
                .move_task(pick(*card), column, before, today)
                .ok();
        }
        Change::Rename(card, word) => {
            let mut task: Task = plan.project().task(pick(*card)).expect("exists").clone();
            task.title = if *word {
                format!("Ready {step}")
            } else {
                format!("T{step}")
            };
            plan.project_mut().update_task(task, today).ok();
        }
        Change::Parent(card, parent) => {
            let mut task: Task = plan.project().task(pick(*card)).expect("exists").clone();
            task.parent = Some(pick(*parent));
            plan.project_mut().update_task(task, today).ok();
        }
        Change::Add(column) => {
            let id = plan.task(&format!("New {step}"), "2027-01-04", "2027-01-05", 1, None);
            plan.move_to(id, ColumnCategory::ALL[*column], "2027-01-04");
        }
        Change::Remove(card) => {
            plan.project_mut().remove_task(pick(*card)).ok();
        }
    }
}

/// A plan of `columns.len()` cards, each in the column of its category.
fn plan_of(columns: &[usize]) -> TestPlan {
    let mut plan = TestPlan::new("2027-01-04");
    for (index, category) in columns.iter().enumerate() {
        let title = if index % 3 == 0 {
            format!("Ready T{index}")
        } else {
            format!("T{index}")
        };
        let id = plan.task(&title, "2027-01-04", "2027-01-05", 1, None);
        plan.move_to(id, ColumnCategory::ALL[*category], "2027-01-04");
    }
    plan
}

proptest! {
    /// After any run of changes, the layout and the index kept in step by `follow` (or built
    /// again where it declines) equal the ones built from the plan as it is.
    #[test]
    fn followed_models_equal_new_ones(
        columns in proptest::collection::vec(0usize..3, 0..30),
        changes in proptest::collection::vec(change(), 1..16),
        filtered in any::<bool>(),
    ) {
        let mut plan = plan_of(&columns);
        let filter = BoardFilter {
            text: if filtered { "ready".into() } else { String::new() },
            ..BoardFilter::default()
        };
        let people = plan.workspace.people().to_vec();
        let build = |project: &Project| board_layout(project, &people, &filter, BoardGrouping::None);
        let mut layout = build(plan.project());
        let mut index = TaskIndex::new(plan.project());
        for (step, change) in changes.iter().enumerate() {
            let before = plan.project().clone();
            make(&mut plan, change, step);
            let after = plan.project();
            let expected = build(after);
            match layout.follow(&before, after, &people, &filter) {
                Some(changed) => {
                    prop_assert_eq!(&layout, &expected, "after {:?}", change);
                    if !changed {
                        prop_assert_eq!(&build(&before), &expected);
                    }
                }
                None => layout = expected,
            }
            if !index.follow(&before, after) {
                index = TaskIndex::new(after);
            }
            prop_assert_eq!(&index, &TaskIndex::new(after), "after {:?}", change);
        }
    }
}

proptest! {
    /// When `same_tags` says a change left the tags alone, the tag choices are the same.
    #[test]
    fn same_tags_means_the_same_choices(
        columns in proptest::collection::vec(0usize..3, 1..12),
        tagged in proptest::collection::vec(0usize..12, 0..4),
        changes in proptest::collection::vec(change(), 1..8),
        retag in proptest::option::of(0usize..12),
    ) {
        let mut plan = plan_of(&columns);
        let today = plan.today;
        for (step, card) in tagged.iter().enumerate() {
            let id = plan.project().tasks()[card % columns.len()].id;
            let mut task: Task = plan.project().task(id).expect("exists").clone();
            task.tags.push(format!("tag{step}"));
            plan.project_mut().update_task(task, today).ok();
        }
        for (step, change) in changes.iter().enumerate() {
            let before = plan.project().clone();
            make(&mut plan, change, step);
            if let Some(card) = retag.filter(|_| step == 0) {
                let ids: Vec<TaskId> = plan.project().tasks().iter().map(|task| task.id).collect();
                if let Some(id) = ids.get(card % ids.len().max(1)) {
                    let mut task: Task = plan.project().task(*id).expect("exists").clone();
                    task.tags = vec!["Other".into()];
                    plan.project_mut().update_task(task, today).ok();
                }
            }
            if same_tags(&before, plan.project()) {
                prop_assert_eq!(tag_choices(&before), tag_choices(plan.project()));
            }
        }
    }
}
