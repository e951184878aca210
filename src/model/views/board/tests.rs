//! The board's view models, on small plans built through the model's commands.

use super::*;
use crate::model::testing::{date, TestPlan};
use crate::model::{Column, Dependency, Progress};
use crate::model::{ColumnCategory, ColumnId, LinkKind, PersonId, Priority, TaskId};

/// A plan on 2027-01-04 with three cards in To do (A, B, C) and two in In progress (D, E).
fn five_cards() -> (TestPlan, [TaskId; 5]) {
    let mut plan = TestPlan::new("2027-01-04");
    let a = plan.task("A", "2027-01-04", "2027-01-05", 8, None);
    let b = plan.task("B", "2027-01-04", "2027-01-05", 8, None);
    let c = plan.task("C", "2027-01-04", "2027-01-05", 8, None);
    let d = plan.task("D", "2027-01-04", "2027-01-05", 8, None);
    let e = plan.task("E", "2027-01-04", "2027-01-05", 8, None);
    plan.move_to(d, ColumnCategory::InProgress, "2027-01-04");
    plan.move_to(e, ColumnCategory::InProgress, "2027-01-04");
    (plan, [a, b, c, d, e])
}

fn layout(plan: &TestPlan) -> BoardLayout {
    board_layout(
        plan.project(),
        plan.workspace.people(),
        &BoardFilter::default(),
        BoardGrouping::None,
    )
}

fn apply(plan: &mut TestPlan, card: CardMove) {
    let today = plan.today;
    plan.project_mut()
        .move_task(card.task, card.column, card.before, today)
        .expect("valid move");
}

fn titles(plan: &TestPlan, column: ColumnCategory) -> Vec<String> {
    let column = plan.column(column);
    column_cards(plan.project(), column)
        .map(|id| plan.project().task(id).expect("exists").title.clone())
        .collect()
}

#[test]
fn the_layout_puts_cards_in_their_columns_in_plan_order() {
    let (plan, [a, b, c, d, e]) = five_cards();
    let board = layout(&plan);
    assert_eq!(board.lanes.len(), 1);
    assert_eq!(
        board.cell(Lane::All, plan.column(ColumnCategory::Todo)),
        &[a, b, c]
    );
    assert_eq!(
        board.cell(Lane::All, plan.column(ColumnCategory::InProgress)),
        &[d, e]
    );
    assert!(board
        .cell(Lane::All, plan.column(ColumnCategory::Done))
        .is_empty());
    assert_eq!((board.shown, board.hidden), (5, 0));
}

#[test]
fn filters_hide_cards_and_count_them() {
    let (mut plan, [a, b, c, _, _]) = five_cards();
    let ada = plan.person("Ada Lovelace", 0);
    plan.edit(a, |task| {
        task.tags = vec!["Backend".into()];
        task.assignee = Some(ada);
    });
    plan.edit(b, |task| task.priority = Priority::Urgent);
    plan.edit(c, |task| task.description = "Needs the VPN".into());
    let people = plan.workspace.people().to_vec();
    let count = |filter: BoardFilter| {
        let board = board_layout(plan.project(), &people, &filter, BoardGrouping::None);
        (board.shown, board.hidden)
    };
    assert_eq!(
        count(BoardFilter {
            text: " vpn ".into(),
            ..BoardFilter::default()
        }),
        (1, 4)
    );
    assert_eq!(
        count(BoardFilter {
            text: "lovelace".into(),
            ..BoardFilter::default()
        }),
        (1, 4)
    );
    assert_eq!(
        count(BoardFilter {
            tag: Some("backend".into()),
            ..BoardFilter::default()
        }),
        (1, 4)
    );
    assert_eq!(
        count(BoardFilter {
            priority: Some(Priority::Urgent),
            ..BoardFilter::default()
        }),
        (1, 4)
    );
    assert_eq!(
        count(BoardFilter {
            assignee: AssigneeFilter::Unassigned,
            ..BoardFilter::default()
        }),
        (4, 1)
    );
    assert_eq!(
        count(BoardFilter {
            assignee: AssigneeFilter::Person(ada),
            ..BoardFilter::default()
        }),
        (1, 4)
    );
    assert!(!BoardFilter::default().is_active());
}

#[test]
fn grouping_by_assignee_makes_a_lane_per_team_member_then_unassigned() {
    let (mut plan, [a, _, c, d, _]) = five_cards();
    let ada = plan.person("Ada Lovelace", 0);
    let bob = plan.person("Bob Stone", 0);
    plan.edit(a, |task| task.assignee = Some(bob));
    plan.edit(d, |task| task.assignee = Some(bob));
    plan.edit(c, |task| task.assignee = Some(ada));
    let board = board_layout(
        plan.project(),
        plan.workspace.people(),
        &BoardFilter::default(),
        BoardGrouping::Assignee,
    );
    let lanes: Vec<Lane> = board.lanes.iter().map(|lane| lane.lane).collect();
    assert_eq!(
        lanes,
        vec![Lane::Person(ada), Lane::Person(bob), Lane::Unassigned]
    );
    assert_eq!(
        board.cell(Lane::Person(bob), plan.column(ColumnCategory::Todo)),
        &[a]
    );
    assert_eq!(
        board.cell(Lane::Person(bob), plan.column(ColumnCategory::InProgress)),
        &[d]
    );
    assert_eq!(board.lanes[2].shown, 2);

    let filtered = board_layout(
        plan.project(),
        plan.workspace.people(),
        &BoardFilter {
            assignee: AssigneeFilter::Person(ada),
            ..BoardFilter::default()
        },
        BoardGrouping::Assignee,
    );
    assert_eq!(filtered.lanes.len(), 1, "empty lanes go while filtering");
}

#[test]
fn wip_status_flags_a_column_over_its_limit() {
    assert!(!WipStatus::new(4, Some(4)).over);
    assert!(WipStatus::new(5, Some(4)).over);
    assert!(!WipStatus::new(50, None).over);
    let (mut plan, _) = five_cards();
    let in_progress = plan.column(ColumnCategory::InProgress);
    let mut column = plan.project().column(in_progress).expect("exists").clone();
    column.wip_limit = Some(1);
    let today = plan.today;
    plan.project_mut()
        .update_column(column, today)
        .expect("valid limit");
    let summary = column_summary(plan.project(), in_progress).expect("exists");
    assert_eq!(summary.name, "In progress");
    assert_eq!(summary.position, 1);
    assert_eq!(summary.columns, 3);
    assert_eq!(summary.wip, WipStatus::new(2, Some(1)));
    assert!(summary.wip.over);
}

#[test]
fn keyboard_moves_up_and_down_reorder_within_the_column() {
    let (mut plan, [a, b, c, _, _]) = five_cards();
    let board = layout(&plan);
    let down = key_move(plan.project(), &board, a, MoveDirection::Down).expect("can go down");
    apply(&mut plan, down);
    assert_eq!(titles(&plan, ColumnCategory::Todo), ["B", "A", "C"]);
    let board = layout(&plan);
    let up = key_move(plan.project(), &board, c, MoveDirection::Up).expect("can go up");
    apply(&mut plan, up);
    assert_eq!(titles(&plan, ColumnCategory::Todo), ["B", "C", "A"]);
    let board = layout(&plan);
    assert_eq!(
        key_move(plan.project(), &board, b, MoveDirection::Up),
        None,
        "the top card cannot go up"
    );
    assert_eq!(
        key_move(plan.project(), &board, a, MoveDirection::Down),
        None
    );
    assert_eq!(
        key_move(plan.project(), &board, b, MoveDirection::Top),
        None
    );
    let bottom = key_move(plan.project(), &board, b, MoveDirection::Bottom).expect("moves");
    apply(&mut plan, bottom);
    assert_eq!(titles(&plan, ColumnCategory::Todo), ["C", "A", "B"]);
    let board = layout(&plan);
    let top = key_move(plan.project(), &board, b, MoveDirection::Top).expect("moves");
    apply(&mut plan, top);
    assert_eq!(titles(&plan, ColumnCategory::Todo), ["B", "C", "A"]);
}

#[test]
fn keyboard_moves_across_columns_keep_the_cards_height() {
    let (mut plan, [_, b, _, _, _]) = five_cards();
    let board = layout(&plan);
    let right = key_move(plan.project(), &board, b, MoveDirection::NextColumn).expect("moves");
    assert_eq!(right.column, plan.column(ColumnCategory::InProgress));
    apply(&mut plan, right);
    assert_eq!(titles(&plan, ColumnCategory::InProgress), ["D", "B", "E"]);
    let board = layout(&plan);
    let right = key_move(plan.project(), &board, b, MoveDirection::NextColumn).expect("moves");
    apply(&mut plan, right);
    assert_eq!(titles(&plan, ColumnCategory::Done), ["B"]);
    let board = layout(&plan);
    assert_eq!(
        key_move(plan.project(), &board, b, MoveDirection::NextColumn),
        None,
        "the last column has nothing on its right"
    );
    let left = key_move(plan.project(), &board, b, MoveDirection::PreviousColumn).expect("moves");
    let d = board.cell(Lane::All, plan.column(ColumnCategory::InProgress))[0];
    assert_eq!(left.before, Some(d), "height 0 lands at the top");
    let board_a = layout(&plan);
    let first = key_move(
        plan.project(),
        &board_a,
        board_a.cell(Lane::All, plan.column(ColumnCategory::Todo))[0],
        MoveDirection::PreviousColumn,
    );
    assert_eq!(first, None, "the first column has nothing on its left");
}

#[test]
fn moving_into_done_completes_the_task_and_out_again_clears_the_date() {
    let (mut plan, [a, _, _, _, _]) = five_cards();
    plan.today = date("2027-01-06");
    let board = layout(&plan);
    let done = plan.column(ColumnCategory::Done);
    let card = drop_move(plan.project(), &board, a, Lane::All, done, 0);
    apply(&mut plan, card);
    let task = plan.project().task(a).expect("exists");
    assert_eq!(task.progress, Progress::DONE);
    assert_eq!(task.completed, Some(date("2027-01-06")));
    let todo = plan.column(ColumnCategory::Todo);
    let board = layout(&plan);
    let back = drop_move(plan.project(), &board, a, Lane::All, todo, 0);
    apply(&mut plan, back);
    assert_eq!(plan.project().task(a).expect("exists").completed, None);
}

#[test]
fn a_drop_lands_at_its_index_and_past_the_end_after_the_last_shown_card() {
    let (mut plan, [a, b, c, d, _]) = five_cards();
    let todo = plan.column(ColumnCategory::Todo);
    let board = layout(&plan);
    let card = drop_move(plan.project(), &board, d, Lane::All, todo, 1);
    assert_eq!(card.before, Some(b));
    apply(&mut plan, card);
    assert_eq!(titles(&plan, ColumnCategory::Todo), ["A", "D", "B", "C"]);

    // With C hidden, dropping after the last shown card (B) lands before C.
    let filter = BoardFilter {
        text: "a".into(),
        ..BoardFilter::default()
    };
    plan.edit(b, |task| task.title = "Bay".into());
    let filtered = board_layout(
        plan.project(),
        plan.workspace.people(),
        &filter,
        BoardGrouping::None,
    );
    assert_eq!(filtered.cell(Lane::All, todo), &[a, b]);
    let e = plan.project().tasks()[4].id;
    let card = drop_move(plan.project(), &filtered, e, Lane::All, todo, 2);
    assert_eq!(card.before, Some(c));
    assert_eq!(card.assignee, None);
}

#[test]
fn a_drop_where_the_card_already_is_changes_nothing() {
    let (plan, [a, b, _, _, _]) = five_cards();
    let todo = plan.column(ColumnCategory::Todo);
    let board = layout(&plan);
    let c = board.cell(Lane::All, todo)[2];
    for (task, index) in [(a, 0), (b, 1), (c, 2), (c, 9)] {
        let card = drop_move(plan.project(), &board, task, Lane::All, todo, index);
        assert!(is_noop(plan.project(), &card), "index {index}");
    }
    let card = drop_move(plan.project(), &board, a, Lane::All, todo, 1);
    assert!(!is_noop(plan.project(), &card), "after B is a real move");
    let card = drop_move(plan.project(), &board, b, Lane::All, todo, 0);
    assert!(!is_noop(plan.project(), &card));
}

#[test]
fn a_drop_into_another_persons_lane_reassigns_the_card() {
    let (mut plan, [a, _, _, _, _]) = five_cards();
    let ada = plan.person("Ada Lovelace", 0);
    let board = board_layout(
        plan.project(),
        plan.workspace.people(),
        &BoardFilter::default(),
        BoardGrouping::Assignee,
    );
    let todo = plan.column(ColumnCategory::Todo);
    let card = drop_move(plan.project(), &board, a, Lane::Person(ada), todo, 0);
    assert_eq!(card.assignee, Some(Some(ada)));
    assert!(!is_noop(plan.project(), &card));
    let same = drop_move(plan.project(), &board, a, Lane::Unassigned, todo, 0);
    assert_eq!(same.assignee, None);
}

#[test]
fn cards_show_blocked_subtasks_and_overdue_facts() {
    let mut plan = TestPlan::new("2027-01-04");
    let build = plan.task("Build", "2027-01-04", "2027-01-05", 8, None);
    let mut test = plan.draft("Test", "2027-01-06", "2027-01-07");
    test.dependencies.push(Dependency::finish_to_start(build));
    let test = plan.add(test);
    let mut unit = plan.draft("Unit tests", "2027-01-06", "2027-01-06");
    unit.parent = Some(test);
    let unit = plan.add(unit);
    let mut e2e = plan.draft("E2E tests", "2027-01-06", "2027-01-06");
    e2e.parent = Some(test);
    plan.add(e2e);
    plan.progress(unit, 100);

    let project = plan.project();
    let card = card_summary(project, test, &[], date("2027-01-10")).expect("exists");
    assert!(card.blocked());
    assert_eq!(card.blocked_by, ["Build"]);
    assert_eq!(card.subtasks, Some(SubtaskCount { done: 1, total: 2 }));
    assert!(card.overdue);
    assert!(needs_done_confirmation(
        project,
        test,
        plan.column(ColumnCategory::Done)
    ));
    assert!(!needs_done_confirmation(
        project,
        test,
        plan.column(ColumnCategory::InProgress)
    ));
    let on_time = card_summary(project, test, &[], date("2027-01-07")).expect("exists");
    assert!(!on_time.overdue, "due today is not overdue yet");

    let mut finished = plan.project().clone();
    finished
        .move_task(
            test,
            plan.column(ColumnCategory::Done),
            None,
            date("2027-01-10"),
        )
        .expect("valid move");
    let card = card_summary(&finished, test, &[], date("2027-01-10")).expect("exists");
    assert!(!card.blocked(), "a done card is not shown as blocked");

    plan.move_to(build, ColumnCategory::Done, "2027-01-05");
    let card = card_summary(plan.project(), test, &[], date("2027-01-05")).expect("exists");
    assert!(!card.blocked(), "a done predecessor no longer blocks");
    let done = card_summary(plan.project(), build, &[], date("2027-02-01")).expect("exists");
    assert!(done.done && !done.overdue);
    assert_eq!(done.progress, 100);
}

#[test]
fn only_finish_to_start_links_block() {
    let mut plan = TestPlan::new("2027-01-04");
    let build = plan.task("Build", "2027-01-04", "2027-01-05", 8, None);
    let mut docs = plan.draft("Docs", "2027-01-04", "2027-01-05");
    docs.dependencies.push(Dependency {
        predecessor: build,
        kind: LinkKind::StartToStart,
        lag: 0,
    });
    let docs = plan.add(docs);
    let task = plan.project().task(docs).expect("exists");
    assert!(!is_blocked(plan.project(), task));
}

#[test]
fn avatar_colours_are_stable_and_in_range() {
    let mut plan = TestPlan::new("2027-01-04");
    let ada = plan.person("Ada", 0);
    let first = colour_index(ada, AVATAR_COLOURS);
    assert_eq!(first, colour_index(ada, AVATAR_COLOURS));
    assert!(first < AVATAR_COLOURS);
    let spread: std::collections::HashSet<usize> = (0..64u128)
        .map(|n| colour_index(PersonId(uuid::Uuid::from_u128(n)), AVATAR_COLOURS))
        .collect();
    assert!(spread.len() > 4, "colours spread over people");
    assert_eq!(colour_index(ada, 0), 0);
}

#[test]
fn focus_moves_to_neighbours_and_across_empty_columns() {
    let mut plan = TestPlan::new("2027-01-04");
    let a = plan.task("A", "2027-01-04", "2027-01-05", 8, None);
    let b = plan.task("B", "2027-01-04", "2027-01-05", 8, None);
    let d = plan.task("D", "2027-01-04", "2027-01-05", 8, None);
    plan.move_to(d, ColumnCategory::Done, "2027-01-04");
    let board = layout(&plan);
    assert_eq!(neighbour(&board, a, MoveDirection::Down), Some(b));
    assert_eq!(neighbour(&board, b, MoveDirection::Up), Some(a));
    assert_eq!(neighbour(&board, a, MoveDirection::Up), None);
    assert_eq!(
        neighbour(&board, b, MoveDirection::NextColumn),
        Some(d),
        "skips the empty In progress column"
    );
    assert_eq!(neighbour(&board, d, MoveDirection::PreviousColumn), Some(a));
}

#[test]
fn the_position_after_a_move_counts_from_one() {
    let (plan, [_, b, _, _, e]) = five_cards();
    assert_eq!(column_position(plan.project(), b), Some((2, 3)));
    assert_eq!(column_position(plan.project(), e), Some((2, 2)));
}

#[test]
fn tags_are_offered_once_each_in_alphabetical_order() {
    let (mut plan, [a, b, _, _, _]) = five_cards();
    plan.edit(a, |task| task.tags = vec!["ui".into(), "Backend".into()]);
    plan.edit(b, |task| task.tags = vec!["backend".into(), "api".into()]);
    assert_eq!(tag_choices(plan.project()), ["api", "Backend", "ui"]);
}

#[test]
fn a_column_update_keeps_its_cards() {
    let (mut plan, _) = five_cards();
    let todo = plan.column(ColumnCategory::Todo);
    let renamed = Column {
        name: "Backlog".into(),
        ..plan.project().column(todo).expect("exists").clone()
    };
    let today = plan.today;
    plan.project_mut()
        .update_column(renamed, today)
        .expect("valid");
    let summary = column_summary(plan.project(), todo).expect("exists");
    assert_eq!(summary.name, "Backlog");
    assert_eq!(summary.wip.count, 3);
}

#[test]
fn the_layout_counts_every_card_of_a_column_whatever_the_filter() {
    let (plan, _) = five_cards();
    let filter = BoardFilter {
        text: "A".into(),
        ..BoardFilter::default()
    };
    let board = board_layout(
        plan.project(),
        plan.workspace.people(),
        &filter,
        BoardGrouping::Assignee,
    );
    assert_eq!(board.shown, 1);
    for category in [
        ColumnCategory::Todo,
        ColumnCategory::InProgress,
        ColumnCategory::Done,
    ] {
        let column = plan.column(category);
        let counted = column_summary(plan.project(), column).expect("exists");
        assert_eq!(board.count(column), counted.wip.count, "{category:?}");
        assert_eq!(
            column_summary_of(plan.project(), column, board.count(column)),
            Some(counted)
        );
    }
    assert_eq!(board.count(ColumnId(uuid::Uuid::nil())), 0);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use crate::model::Project;
    use proptest::prelude::*;

    /// One card per entry of `order`, in the column of that category, in order.
    fn cards_in(order: &[usize]) -> (TestPlan, Vec<TaskId>) {
        let mut plan = TestPlan::new("2027-01-04");
        let mut ids = Vec::new();
        for (index, category) in order.iter().enumerate() {
            let id = plan.task(&format!("T{index}"), "2027-01-04", "2027-01-05", 1, None);
            plan.move_to(id, ColumnCategory::ALL[*category], "2027-01-04");
            ids.push(id);
        }
        (plan, ids)
    }

    proptest! {
        #[test]
        fn keyboard_moves_keep_every_card_and_move_only_the_one(
            order in proptest::collection::vec(0usize..3, 1..12),
            pick in 0usize..12,
            direction in 0usize..6,
        ) {
            let (mut plan, ids) = cards_in(&order);
            let task = ids[pick % ids.len()];
            let direction = [
                MoveDirection::Up,
                MoveDirection::Down,
                MoveDirection::PreviousColumn,
                MoveDirection::NextColumn,
                MoveDirection::Top,
                MoveDirection::Bottom,
            ][direction];
            let before = plan.project().clone();
            let board = layout(&plan);
            if let Some(card) = key_move(plan.project(), &board, task, direction) {
                apply(&mut plan, card);
                let after = plan.project();
                prop_assert_eq!(after.tasks().len(), before.tasks().len());
                // Every other card keeps its column and relative order.
                let others = |project: &Project| -> Vec<(TaskId, ColumnId)> {
                    project.tasks().iter().filter(|t| t.id != task).map(|t| (t.id, t.column)).collect()
                };
                prop_assert_eq!(others(after), others(&before));
                let place = layout(&plan).locate(task).expect("still shown");
                let old = board.locate(task).expect("was shown");
                match direction {
                    MoveDirection::Up => prop_assert_eq!(place.index + 1, old.index),
                    MoveDirection::Down => prop_assert_eq!(place.index, old.index + 1),
                    MoveDirection::PreviousColumn => prop_assert_eq!(place.column_index + 1, old.column_index),
                    MoveDirection::NextColumn => prop_assert_eq!(place.column_index, old.column_index + 1),
                    MoveDirection::Top => prop_assert_eq!(place.index, 0),
                    MoveDirection::Bottom => prop_assert_eq!(place.index + 1, layout(&plan).cell(place.lane, place.column).len()),
                }
            } else {
                // No move: the card already sits at the edge it was asked to pass.
                let old = board.locate(task).expect("was shown");
                let last = board.cell(old.lane, old.column).len() - 1;
                match direction {
                    MoveDirection::Up | MoveDirection::Top => prop_assert_eq!(old.index, 0),
                    MoveDirection::Down | MoveDirection::Bottom => prop_assert_eq!(old.index, last),
                    MoveDirection::PreviousColumn => prop_assert_eq!(old.column_index, 0),
                    MoveDirection::NextColumn => prop_assert_eq!(old.column_index + 1, board.columns.len()),
                }
            }
        }

        /// A card dropped before any card of any column, or at a column's end, lands where
        /// taking it out and putting it back in front of that card (or after the column's
        /// last card) puts it; `column_position` counts as filtering the column does.
        #[test]
        fn a_moved_card_lands_before_the_card_it_was_dropped_on(
            order in proptest::collection::vec(0usize..3, 1..12),
            pick in 0usize..12,
            target in 0usize..13,
            column in 0usize..3,
        ) {
            let (mut plan, ids) = cards_in(&order);
            let task = ids[pick % ids.len()];
            let before = ids.get(target).copied();
            let column = match before {
                Some(before) => plan.project().task(before).expect("exists").column,
                None => plan.column(ColumnCategory::ALL[column]),
            };
            let mut expected: Vec<TaskId> = plan.project().tasks().iter().map(|t| t.id).collect();
            expected.retain(|id| *id != task);
            let at = match before.filter(|before| *before != task) {
                Some(before) => expected.iter().position(|id| *id == before).expect("kept"),
                None => expected
                    .iter()
                    .rposition(|id| plan.project().task(*id).expect("exists").column == column)
                    .map_or(expected.len(), |last| last + 1),
            };
            expected.insert(at, task);
            apply(&mut plan, CardMove { task, column, before, assignee: None });
            let order: Vec<TaskId> = plan.project().tasks().iter().map(|t| t.id).collect();
            prop_assert_eq!(order, expected);
            for id in &ids {
                let own = plan.project().task(*id).expect("exists").column;
                let cards: Vec<TaskId> = column_cards(plan.project(), own).collect();
                let position = cards.iter().position(|card| card == id).expect("in its column") + 1;
                prop_assert_eq!(column_position(plan.project(), *id), Some((position, cards.len())));
            }
        }

        /// The tag choices are every tag once ignoring case, spelt as first used, sorted by
        /// their lower case: the straightforward way, one lower-cased key per use.
        #[test]
        fn tag_choices_are_each_tag_once_as_first_spelt(
            tags in proptest::collection::vec(
                proptest::collection::vec("[aAbBcÄä]{1,3}", 0..4),
                0..8,
            ),
        ) {
            let mut plan = TestPlan::new("2027-01-04");
            for (index, task_tags) in tags.iter().enumerate() {
                let id = plan.task(&format!("T{index}"), "2027-01-04", "2027-01-05", 1, None);
                plan.edit(id, |task| task.tags = task_tags.clone());
            }
            let mut expected: Vec<(String, String)> = Vec::new();
            for tag in tags.iter().flatten() {
                let key = tag.to_lowercase();
                if !expected.iter().any(|(known, _)| *known == key) {
                    expected.push((key, tag.clone()));
                }
            }
            expected.sort();
            let expected: Vec<String> = expected.into_iter().map(|(_, tag)| tag).collect();
            prop_assert_eq!(tag_choices(plan.project()), expected);
        }
    }
}
