//! The "Move to…" menu of a card: the other columns, then "Top of column" and "Bottom of
//! column", for moving cards without a mouse or a drag.
//!
//! It is an ARIA menu: the first item takes the focus, arrow keys, Home and End move between
//! items, Enter or a click chooses, Escape closes it and returns the focus to its button. One
//! menu exists at a time, drawn over the board at its button's place.

use super::BoardContext;
use crate::model::board::{CardMove, MoveDirection};
use crate::model::{ColumnId, TaskId};
use crate::ui::messages::quoted;
use crate::ui::widgets::focus::focus_by_id;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The menu's place: the card it moves and its button's box, in viewport px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MoveMenuAnchor {
    pub task: TaskId,
    pub left: f64,
    pub top: f64,
    pub bottom: f64,
}

/// One menu item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MenuChoice {
    Column(ColumnId),
    Top,
    Bottom,
}

/// Roughly how tall an item is, to open the menu upwards near the bottom of the window.
const ITEM_HEIGHT_PX: f64 = 34.0;
/// The menu's width in `style/board.css`.
const MENU_WIDTH_PX: f64 = 220.0;

/// The open "Move to…" menu, if any.
#[component]
pub fn MoveMenu() -> impl IntoView {
    let ctx = BoardContext::expect();
    move || {
        ctx.menu
            .get()
            .map(|anchor| view! { <MoveMenuList anchor=anchor /> })
    }
}

/// The DOM id of the menu's item `index`.
fn item_id(index: usize) -> String {
    format!("board-move-menu-item-{index}")
}

/// The menu's `count` items as elements.
fn items(count: usize) -> Vec<web_sys::HtmlElement> {
    (0..count)
        .filter_map(|index| document().get_element_by_id(&item_id(index)))
        .filter_map(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// The menu itself, built once when it opens.
#[component]
fn MoveMenuList(
    /// The card it moves and where its button is.
    anchor: MoveMenuAnchor,
) -> impl IntoView {
    let ctx = BoardContext::expect();
    let task = anchor.task;
    let found = ctx.state.workspace().with_untracked(|workspace| {
        let project = workspace.find_project(ctx.project)?;
        let card = project.find_task(task)?;
        let mut choices: Vec<(MenuChoice, String)> = project
            .columns()
            .iter()
            .filter(|column| column.id != card.column)
            .map(|column| (MenuChoice::Column(column.id), column.name.clone()))
            .collect();
        let columns = choices.len();
        choices.push((MenuChoice::Top, "Top of column".to_string()));
        choices.push((MenuChoice::Bottom, "Bottom of column".to_string()));
        Some((format!("Move {} to", quoted(&card.title)), choices, columns))
    });
    let Some((label, choices, columns)) = found else {
        ctx.menu.set(None);
        return ().into_any();
    };
    let button_id = format!("{}-move", super::card_dom_id(task));
    let menu_ref = NodeRef::<leptos::html::Div>::new();
    let count = choices.len();
    Effect::new(move |_| {
        if menu_ref.get().is_some() {
            if let Some(first) = items(count).first() {
                let _ = first.focus();
            }
        }
    });
    let close = {
        let button_id = button_id.clone();
        move |refocus: bool| {
            ctx.menu.set(None);
            if refocus {
                focus_by_id(&button_id);
            }
        }
    };
    let choose = move |choice: MenuChoice| {
        ctx.menu.set(None);
        match choice {
            MenuChoice::Column(column) => ctx.request_move(CardMove::to_bottom(task, column), true),
            MenuChoice::Top => ctx.move_by_key(task, MoveDirection::Top),
            MenuChoice::Bottom => ctx.move_by_key(task, MoveDirection::Bottom),
        }
    };
    let on_key = {
        let close = close.clone();
        move |event: web_sys::KeyboardEvent| {
            let entries = items(count);
            if entries.is_empty() {
                return;
            }
            let active = document().active_element();
            let current = entries.iter().position(|item| {
                active
                    .as_ref()
                    .is_some_and(|active| active == item.as_ref() as &web_sys::Element)
            });
            let last = entries.len() - 1;
            let next = match event.key().as_str() {
                "ArrowDown" => Some(current.map_or(0, |at| if at == last { 0 } else { at + 1 })),
                "ArrowUp" => Some(current.map_or(last, |at| if at == 0 { last } else { at - 1 })),
                "Home" => Some(0),
                "End" => Some(last),
                "Escape" => {
                    event.prevent_default();
                    event.stop_propagation();
                    close(true);
                    None
                }
                "Tab" => {
                    close(false);
                    None
                }
                _ => None,
            };
            if let Some(next) = next {
                event.prevent_default();
                let _ = entries[next].focus();
            }
        }
    };
    let height = (choices.len() as f64 + 1.0) * ITEM_HEIGHT_PX;
    let window_height = window()
        .inner_height()
        .ok()
        .and_then(|value| value.as_f64())
        .unwrap_or(800.0);
    let window_width = window()
        .inner_width()
        .ok()
        .and_then(|value| value.as_f64())
        .unwrap_or(1200.0);
    let top = if anchor.bottom + height > window_height {
        (anchor.top - height).max(4.0)
    } else {
        anchor.bottom + 4.0
    };
    let left = anchor.left.min(window_width - MENU_WIDTH_PX - 8.0).max(4.0);
    let position = format!("top: {top}px; left: {left}px");
    let close_outside = close.clone();
    view! {
        <div class="board__menu-backdrop" on:pointerdown=move |_| close_outside(false)></div>
        <div
            class="board__menu"
            role="menu"
            id="board-move-menu"
            aria-label=label
            style=position
            node_ref=menu_ref
            on:keydown=on_key
        >
            {choices
                .into_iter()
                .enumerate()
                .map(|(index, (choice, text))| {
                    let separator = (index == columns && columns != 0)
                        .then(|| view! { <div class="board__menu-separator" role="separator"></div> });
                    view! {
                        {separator}
                        <button
                            type="button"
                            role="menuitem"
                            id=item_id(index)
                            tabindex="-1"
                            class="board__menu-item"
                            on:click=move |_| choose(choice)
                        >
                            {text}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
    .into_any()
}
