//! The board's filter bar: text, assignee, tag and priority filters, the swimlane grouping,
//! and how many cards the filter hides.
//!
//! The filter is view state (a signal of `model::board::BoardFilter`), never saved; matching
//! is `BoardFilter::matches`, counting is `board_layout`.

use super::super::widgets::unique_id;
use super::BoardContext;
use crate::model::board::{self, AssigneeFilter, BoardFilter, BoardGrouping};
use crate::model::{PersonId, Priority, Project};
use leptos::prelude::*;
use std::sync::Arc;

/// The choices the selects offer, from the project.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct FilterChoices {
    people: Vec<(PersonId, String)>,
    tags: Vec<String>,
}

fn assignee_key(filter: AssigneeFilter) -> String {
    match filter {
        AssigneeFilter::Anyone => String::new(),
        AssigneeFilter::Unassigned => "none".to_string(),
        AssigneeFilter::Person(person) => person.to_string(),
    }
}

fn assignee_from_key(key: &str) -> AssigneeFilter {
    match key {
        "none" => AssigneeFilter::Unassigned,
        other => other
            .parse::<PersonId>()
            .map(AssigneeFilter::Person)
            .unwrap_or(AssigneeFilter::Anyone),
    }
}

/// "12 cards", or "3 of 12 cards shown, 9 hidden by the filter".
fn count_text(shown: usize, hidden: usize) -> String {
    let total = shown + hidden;
    let cards = |count: usize| if count == 1 { "card" } else { "cards" };
    if hidden == 0 {
        format!("{total} {}", cards(total))
    } else {
        format!(
            "{shown} of {total} {} shown, {hidden} hidden by the filter",
            cards(total)
        )
    }
}

/// A `<select>` option whose selectedness follows `selected`.
fn option(
    value: String,
    text: String,
    selected: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <option value=value prop:selected=selected>
            {text}
        </option>
    }
}

/// The filter bar above the board.
#[component]
pub fn BoardFilterBar() -> impl IntoView {
    let ctx = BoardContext::expect();
    let state = ctx.state;
    let filter = ctx.filter;
    // Tag choices read every task's tags: kept across changes that leave all tags alone (a
    // card move, a new date, a title).
    let tags_source = StoredValue::new(None::<Arc<Project>>);
    let tags = Memo::new_owning(move |previous: Option<Vec<String>>| {
        state.workspace().with(|workspace| {
            let Some(project) = workspace
                .projects()
                .iter()
                .find(|project| project.id == ctx.project)
            else {
                tags_source.set_value(None);
                return (Vec::new(), true);
            };
            let kept = tags_source.with_value(|source| {
                source
                    .as_ref()
                    .is_some_and(|before| board::same_tags(before, project))
            });
            tags_source.set_value(Some(Arc::clone(project)));
            match previous {
                Some(previous) if kept => (previous, false),
                _ => (board::tag_choices(project), true),
            }
        })
    });
    let choices = Memo::new(move |_| {
        let tags = tags.get();
        state.workspace().with(|workspace| {
            workspace
                .find_project(ctx.project)
                .map(|project| FilterChoices {
                    people: project
                        .team()
                        .iter()
                        .filter_map(|id| {
                            workspace
                                .person(*id)
                                .map(|person| (*id, person.name.clone()))
                        })
                        .collect(),
                    tags,
                })
                .unwrap_or_default()
        })
    });
    let counts = Memo::new(move |_| ctx.layout.with(|layout| (layout.shown, layout.hidden)));
    let active = Memo::new(move |_| filter.with(BoardFilter::is_active));
    let [text_id, assignee_id, tag_id, priority_id, group_id] =
        ["text", "assignee", "tag", "priority", "group"]
            .map(|name| unique_id(&format!("board-filter-{name}")));

    let assignee_options = move || {
        let mut options = vec![
            option(
                assignee_key(AssigneeFilter::Anyone),
                "Anyone".to_string(),
                move || filter.with(|filter| filter.assignee == AssigneeFilter::Anyone),
            )
            .into_any(),
            option(
                assignee_key(AssigneeFilter::Unassigned),
                "Unassigned".to_string(),
                move || filter.with(|filter| filter.assignee == AssigneeFilter::Unassigned),
            )
            .into_any(),
        ];
        options.extend(
            choices
                .with(|choices| choices.people.clone())
                .into_iter()
                .map(|(person, name)| {
                    option(
                        assignee_key(AssigneeFilter::Person(person)),
                        name,
                        move || {
                            filter.with(|filter| filter.assignee == AssigneeFilter::Person(person))
                        },
                    )
                    .into_any()
                }),
        );
        options.collect_view()
    };
    let tag_options = move || {
        let mut options = vec![option(String::new(), "Any tag".to_string(), move || {
            filter.with(|filter| filter.tag.is_none())
        })
        .into_any()];
        options.extend(
            choices
                .with(|choices| choices.tags.clone())
                .into_iter()
                .map(|tag| {
                    let wanted = tag.clone();
                    option(tag.clone(), tag, move || {
                        filter.with(|filter| filter.tag.as_deref() == Some(wanted.as_str()))
                    })
                    .into_any()
                }),
        );
        options.collect_view()
    };
    let priority_options = {
        let mut options = vec![option(String::new(), "Any priority".to_string(), move || {
            filter.with(|filter| filter.priority.is_none())
        })
        .into_any()];
        options.extend(Priority::ALL.into_iter().rev().map(|priority| {
            option(
                priority.key().to_string(),
                priority.label().to_string(),
                move || filter.with(|filter| filter.priority == Some(priority)),
            )
            .into_any()
        }));
        options.collect_view()
    };

    let ungrouped = move || ctx.grouping.get() == BoardGrouping::None;
    let by_assignee = move || ctx.grouping.get() == BoardGrouping::Assignee;
    view! {
        <div class="board__filters" role="search" aria-label="Card filters">
            <div class="board__filter board__filter--text">
                <label for=text_id.clone() class="board__filter-label">
                    "Filter cards"
                </label>
                <input
                    id=text_id
                    type="search"
                    class="field__input"
                    placeholder="Title, tag or person"
                    prop:value=move || filter.with(|filter| filter.text.clone())
                    on:input=move |event| {
                        let text = event_target_value(&event);
                        filter.update(|filter| filter.text = text);
                    }
                />
            </div>
            <div class="board__filter">
                <label for=assignee_id.clone() class="board__filter-label">
                    "Assignee"
                </label>
                <select
                    id=assignee_id
                    class="field__input"
                    on:change=move |event| {
                        let assignee = assignee_from_key(&event_target_value(&event));
                        filter.update(|filter| filter.assignee = assignee);
                    }
                >
                    {assignee_options}
                </select>
            </div>
            <div class="board__filter">
                <label for=tag_id.clone() class="board__filter-label">
                    "Tag"
                </label>
                <select
                    id=tag_id
                    class="field__input"
                    on:change=move |event| {
                        let tag = event_target_value(&event);
                        filter.update(|filter| filter.tag = (!tag.is_empty()).then_some(tag));
                    }
                >
                    {tag_options}
                </select>
            </div>
            <div class="board__filter">
                <label for=priority_id.clone() class="board__filter-label">
                    "Priority"
                </label>
                <select
                    id=priority_id
                    class="field__input"
                    on:change=move |event| {
                        let priority = Priority::from_key(&event_target_value(&event));
                        filter.update(|filter| filter.priority = priority);
                    }
                >
                    {priority_options}
                </select>
            </div>
            <div class="board__filter">
                <label for=group_id.clone() class="board__filter-label">
                    "Swimlanes"
                </label>
                <select
                    id=group_id
                    class="field__input"
                    on:change=move |event| {
                        let grouping = if event_target_value(&event) == "assignee" {
                            BoardGrouping::Assignee
                        } else {
                            BoardGrouping::None
                        };
                        ctx.grouping.set(grouping);
                    }
                >
                    <option value="none" prop:selected=ungrouped>
                        "None"
                    </option>
                    <option value="assignee" prop:selected=by_assignee>
                        "By assignee"
                    </option>
                </select>
            </div>
            <p class="board__hidden" role="status" data-testid="board-count">
                {move || {
                    let (shown, hidden) = counts.get();
                    count_text(shown, hidden)
                }}
            </p>
            <Show when=move || active.get()>
                <button type="button" class="button button--quiet" on:click=move |_| filter.set(BoardFilter::default())>
                    "Clear filters"
                </button>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SequentialIds;

    #[test]
    fn the_count_says_how_many_cards_the_filter_hides() {
        assert_eq!(count_text(12, 0), "12 cards");
        assert_eq!(count_text(1, 0), "1 card");
        assert_eq!(
            count_text(3, 9),
            "3 of 12 cards shown, 9 hidden by the filter"
        );
    }

    #[test]
    fn assignee_keys_round_trip() {
        let mut ids = SequentialIds::default();
        let person = PersonId::new(&mut ids);
        for filter in [
            AssigneeFilter::Anyone,
            AssigneeFilter::Unassigned,
            AssigneeFilter::Person(person),
        ] {
            assert_eq!(assignee_from_key(&assignee_key(filter)), filter);
        }
    }
}
