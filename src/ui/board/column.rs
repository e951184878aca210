//! Board columns and swimlanes: column headings with their WIP status and tools, the windowed
//! card lists that are drop zones, and quick add at the foot of each list.
//!
//! Ungrouped, each column is a region named by the column, holding its heading, its cards and
//! "New task". Grouped by assignee, the headings stay in a top row of column regions and each
//! person's lane is a region of one list per column. Lists render only the cards inside their
//! scrolled window (`widgets::window::list_window`), with padding for the rest.

use super::super::messages::describe;
use super::super::widgets::focus::return_focus_next_frame;
use super::super::widgets::unique_id;
use super::card::BoardCard;
use super::columns::ColumnDialog;
use super::geometry::{self, BoardSlot};
use super::{lane_key, list_dom_id, BoardContext, LANE_LIST_PX, OVERSCAN, SLOT_PX};
use crate::model::board::{self, ColumnSummary, Lane};
use crate::model::{ColumnCategory, ColumnId};
use leptos::prelude::*;

/// The columns' ids in board order.
fn use_column_ids(ctx: BoardContext) -> Memo<Vec<ColumnId>> {
    Memo::new(move |_| ctx.layout.with(|layout| layout.columns.clone()))
}

/// The heading facts of `column`.
fn use_column_summary(ctx: BoardContext, column: ColumnId) -> Memo<Option<ColumnSummary>> {
    let state = ctx.state;
    Memo::new(move |_| {
        let count = ctx.layout.with(|layout| layout.count(column));
        state.workspace().with(|workspace| {
            workspace
                .find_project(ctx.project)
                .and_then(|project| board::column_summary_of(project, column, count))
        })
    })
}

/// The column region's classes: over its WIP limit, done.
fn column_class(summary: &Option<ColumnSummary>, extra: &str) -> String {
    let mut class = format!("board__column {extra}");
    if let Some(summary) = summary {
        if summary.wip.over {
            class.push_str(" board__column--over-limit");
        }
        if summary.category == ColumnCategory::Done {
            class.push_str(" board__column--done");
        }
    }
    class
}

/// The ungrouped board: one region per column, then "Add column".
#[component]
pub fn BoardColumns() -> impl IntoView {
    let ctx = BoardContext::expect();
    let columns = use_column_ids(ctx);
    view! {
        <div class="board__row">
            <For each=move || columns.get() key=|column| *column children=move |column| view! { <BoardColumn column=column /> } />
            <AddColumnButton />
        </div>
    }
}

/// One column of the ungrouped board: a region named by the column.
#[component]
fn BoardColumn(
    /// The board column shown.
    column: ColumnId,
) -> impl IntoView {
    let ctx = BoardContext::expect();
    let summary = use_column_summary(ctx, column);
    let name = move || summary.with(|summary| summary.as_ref().map(|known| known.name.clone()));
    let viewport = Signal::derive(move || ctx.viewport.get());
    view! {
        <section
            class=move || summary.with(|summary| column_class(summary, ""))
            aria-label=name
            data-drop-column=column.to_string()
            data-drop-lane=lane_key(Lane::All)
        >
            <ColumnHeader column=column summary=summary />
            <CardList column=column lane=Lane::All viewport=viewport />
            <QuickAdd column=column lane=Lane::All />
        </section>
    }
}

/// The board grouped by assignee: a row of column headings, then one region per lane.
#[component]
pub fn BoardLanes() -> impl IntoView {
    let ctx = BoardContext::expect();
    let columns = use_column_ids(ctx);
    let lanes = Memo::new(move |_| {
        ctx.layout.with(|layout| {
            layout
                .lanes
                .iter()
                .map(|lane| lane.lane)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="board__row board__row--heads">
            <For
                each=move || columns.get()
                key=|column| *column
                children=move |column| {
                    let summary = use_column_summary(ctx, column);
                    view! {
                        <section
                            class=move || summary.with(|summary| column_class(summary, "board__column--head"))
                            aria-label=move || summary.with(|summary| summary.as_ref().map(|known| known.name.clone()))
                        >
                            <ColumnHeader column=column summary=summary />
                        </section>
                    }
                }
            />
            <AddColumnButton />
        </div>
        <For each=move || lanes.get() key=|lane| *lane children=move |lane| view! { <BoardLane lane=lane columns=columns /> } />
    }
}

/// The lane's name: the person's, or "Unassigned".
fn lane_name(ctx: BoardContext, lane: Lane) -> Memo<String> {
    let state = ctx.state;
    Memo::new(move |_| match lane {
        Lane::All => "All cards".to_string(),
        Lane::Unassigned => "Unassigned".to_string(),
        Lane::Person(person) => state.workspace().with(|workspace| {
            workspace
                .person(person)
                .map(|known| known.name.clone())
                .unwrap_or_else(|| "Someone no longer in the people list".to_string())
        }),
    })
}

/// One swimlane: a region named by the person, with a list per column.
#[component]
fn BoardLane(
    /// Whose cards the lane holds.
    lane: Lane,
    /// The board's columns in order, one list each.
    columns: Memo<Vec<ColumnId>>,
) -> impl IntoView {
    let ctx = BoardContext::expect();
    let name = lane_name(ctx, lane);
    let shown = Memo::new(move |_| {
        ctx.layout.with(|layout| {
            layout
                .lanes
                .iter()
                .find(|known| known.lane == lane)
                .map(|known| known.shown)
                .unwrap_or(0)
        })
    });
    let viewport = Signal::derive(move || LANE_LIST_PX);
    view! {
        <section class="board__lane" aria-label=move || name.get()>
            <h3 class="board__lane-title">
                {move || name.get()}
                " "
                <span class="board__count">{move || shown.get()}</span>
            </h3>
            <div class="board__row">
                <For
                    each=move || columns.get()
                    key=|column| *column
                    children=move |column| {
                        let column_name = Memo::new(move |_| {
                            ctx.state.workspace().with(|workspace| {
                                workspace
                                    .find_project(ctx.project)
                                    .and_then(|project| project.column(column).ok())
                                    .map(|known| known.name.clone())
                                    .unwrap_or_default()
                            })
                        });
                        let label = move || format!("{}, {}", column_name.get(), name.get());
                        view! {
                            <div
                                class="board__cell"
                                role="group"
                                aria-label=label
                                data-drop-column=column.to_string()
                                data-drop-lane=lane_key(lane)
                            >
                                <CardList column=column lane=lane viewport=viewport />
                                <QuickAdd column=column lane=lane />
                            </div>
                        }
                    }
                />
            </div>
        </section>
    }
}

/// A column's heading ("In progress 5/4", flagged when over its limit) and its tools: move
/// left, move right, edit.
#[component]
fn ColumnHeader(
    /// The column the heading is for.
    column: ColumnId,
    /// Its name, category, position and WIP status.
    summary: Memo<Option<ColumnSummary>>,
) -> impl IntoView {
    let ctx = BoardContext::expect();
    let left_id = format!("board-column-{column}-left");
    let right_id = format!("board-column-{column}-right");
    let shift = move |offset: isize, keep_focus_on: String| {
        if ctx.state.move_column(ctx.project, column, offset) {
            // The column's node moves, which drops the focus; put it back.
            return_focus_next_frame(keep_focus_on);
        }
    };
    move || {
        summary.get().map(|summary| {
            let name = summary.name.clone();
            let count = match summary.wip.limit {
                Some(limit) => format!("{}/{limit}", summary.wip.count),
                None => summary.wip.count.to_string(),
            };
            let count_title = match summary.wip.limit {
                Some(limit) => format!("{} cards, WIP limit {limit}", summary.wip.count),
                None => format!("{} cards", summary.wip.count),
            };
            let first = summary.position == 0;
            let last = summary.position + 1 == summary.columns;
            let (left_id, right_id) = (left_id.clone(), right_id.clone());
            let (left_focus, right_focus) = (left_id.clone(), right_id.clone());
            view! {
                <header class="board__column-header">
                    <h2 class="board__column-title">
                        <span class="board__column-name">{name.clone()}</span>
                        " "
                        <span class="board__count" title=count_title>{count}</span>
                        {summary.wip.over.then(|| view! {
                            " "
                            <span class="badge badge--danger board__over">"Over limit"</span>
                        })}
                    </h2>
                    <div class="board__column-tools">
                        <button
                            type="button"
                            class="button button--quiet button--small"
                            id=left_id
                            aria-label=format!("Move column {name} left")
                            title="Move column left"
                            disabled=first
                            on:click=move |_| shift(-1, left_focus.clone())
                        >
                            "←"
                        </button>
                        <button
                            type="button"
                            class="button button--quiet button--small"
                            id=right_id
                            aria-label=format!("Move column {name} right")
                            title="Move column right"
                            disabled=last
                            on:click=move |_| shift(1, right_focus.clone())
                        >
                            "→"
                        </button>
                        <button
                            type="button"
                            class="button button--quiet button--small"
                            id=edit_button_id(column)
                            aria-label=format!("Edit column {name}")
                            title="Rename, set the WIP limit or delete"
                            on:click=move |_| ctx.dialog.set(Some(ColumnDialog::Edit(column)))
                        >
                            "⋯"
                        </button>
                    </div>
                </header>
            }
        })
    }
}

/// The DOM id of the edit button of `column`, where the focus returns from its dialog.
pub fn edit_button_id(column: ColumnId) -> String {
    format!("board-column-{column}-edit")
}

/// The DOM id of the "Add column" button.
pub const ADD_COLUMN_BUTTON_ID: &str = "board-add-column";

/// "Add column", after the last column.
#[component]
fn AddColumnButton() -> impl IntoView {
    let ctx = BoardContext::expect();
    view! {
        <div class="board__add-column">
            <button type="button" class="button" id=ADD_COLUMN_BUTTON_ID on:click=move |_| ctx.dialog.set(Some(ColumnDialog::Add))>
                <span aria-hidden="true">"+ "</span>
                "Add column"
            </button>
        </div>
    }
}

/// The cards of `lane` in `column`: a scrolling list that renders only its window of cards,
/// plus the placeholder while a drag hovers it.
#[component]
fn CardList(
    /// The column whose cards are listed.
    column: ColumnId,
    /// The lane whose cards are listed ([`Lane::All`] when not grouped).
    lane: Lane,
    /// The list's height in px, which is also the window the cards are rendered for.
    #[prop(into)]
    viewport: Signal<u32>,
) -> impl IntoView {
    let ctx = BoardContext::expect();
    let cards = Memo::new(move |_| {
        let dragged = ctx.drag.dragging.get();
        ctx.layout.with(|layout| {
            layout
                .cell(lane, column)
                .iter()
                .copied()
                .filter(|id| Some(*id) != dragged)
                .collect::<Vec<_>>()
        })
    });
    let placeholder = Memo::new(move |_| {
        ctx.drag.target.with(|target| {
            target
                .filter(|target| target.column == column && target.lane == lane)
                .map(|target| target.index)
        })
    });
    let scroll_top = RwSignal::new(0.0_f64);
    let window = Memo::new(move |_| {
        let count = cards.with(Vec::len) + usize::from(placeholder.get().is_some());
        crate::ui::widgets::window::list_window(
            scroll_top.get(),
            viewport.get(),
            SLOT_PX,
            count,
            OVERSCAN,
        )
    });
    let slots = move || {
        let hole = placeholder.get();
        cards.with(|cards| window.with(|window| geometry::window_slots(cards, hole, window)))
    };
    let padding = move || {
        window.with(|window| {
            format!(
                "padding-top: {}px; padding-bottom: {}px",
                window.before_px, window.after_px
            )
        })
    };
    let empty = move || cards.with(Vec::is_empty) && placeholder.get().is_none();
    view! {
        <div
            class="board__list"
            id=list_dom_id(lane, column)
            style=move || format!("max-height: {}px", viewport.get())
            on:scroll=move |event| {
                let top = event_target::<web_sys::Element>(&event).scroll_top();
                scroll_top.set(f64::from(top));
            }
        >
            <div class="board__cards" style=padding>
                <For
                    each=slots
                    key=|slot| *slot
                    children=move |slot| match slot {
                        BoardSlot::Card(id) => view! { <BoardCard id=id /> }.into_any(),
                        BoardSlot::Placeholder => {
                            view! { <div class="board__placeholder" aria-hidden="true"></div> }.into_any()
                        }
                    }
                />
            </div>
            <Show when=empty>
                <p class="board__empty">"No cards"</p>
            </Show>
        </div>
    }
}

/// "New task" at the foot of a list: type a title, press Enter, and type the next one.
#[component]
fn QuickAdd(
    /// Where new cards go.
    column: ColumnId,
    /// The lane they are added in; a person's lane assigns them.
    lane: Lane,
) -> impl IntoView {
    let ctx = BoardContext::expect();
    let open = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let input_id = unique_id("quick-add");
    let error_id = format!("{input_id}-error");
    let button_id = format!("{input_id}-open");
    Effect::new(move |_| {
        if open.get() {
            if let Some(field) = input.get() {
                let _ = field.focus();
            }
        }
    });
    let close = {
        let button_id = button_id.clone();
        move || {
            open.set(false);
            title.set(String::new());
            error.set(None);
            // The field is gone; its button takes the focus unless the user moved it.
            return_focus_next_frame(button_id.clone());
        }
    };
    let add = move || {
        let text = title.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        match ctx.state.quick_add_card(ctx.project, column, lane, &text) {
            Ok(task) => {
                title.set(String::new());
                error.set(None);
                request_animation_frame(move || {
                    ctx.reveal(task);
                });
            }
            Err(problem) => {
                let message = ctx
                    .state
                    .workspace()
                    .with_untracked(|workspace| describe(&problem, workspace));
                error.set(Some(message));
            }
        }
    };
    let on_key = {
        let close = close.clone();
        move |event: web_sys::KeyboardEvent| match event.key().as_str() {
            "Enter" => {
                event.prevent_default();
                add();
            }
            "Escape" => {
                event.prevent_default();
                close();
            }
            _ => {}
        }
    };
    let on_blur = move |_| {
        if title.get_untracked().trim().is_empty() {
            open.set(false);
            error.set(None);
        }
    };
    let fallback_id = button_id.clone();
    view! {
        <div class="board__quick-add">
            <Show
                when=move || open.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button button--quiet board__new"
                            id=fallback_id.clone()
                            on:click=move |_| open.set(true)
                        >
                            <span aria-hidden="true">"+ "</span>
                            "New task"
                        </button>
                    }
                }
            >
                <label class="visually-hidden" for=input_id.clone()>
                    "Title of the new task"
                </label>
                <input
                    id=input_id.clone()
                    node_ref=input
                    type="text"
                    class="field__input board__quick-input"
                    placeholder="Title, then Enter"
                    autocomplete="off"
                    prop:value=move || title.get()
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby=error_id.clone()
                    on:input=move |event| {
                        title.set(event_target_value(&event));
                        error.set(None);
                    }
                    on:keydown=on_key.clone()
                    on:blur=on_blur
                />
                <p class="field__error" id=error_id.clone() aria-live="polite">
                    {move || error.get().unwrap_or_default()}
                </p>
            </Show>
        </div>
    }
}
