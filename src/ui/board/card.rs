//! One card: a focusable article named by the task title, showing the assignee, end date,
//! progress, priority, tags, subtasks and a "Blocked" badge, with its keyboard shortcuts and
//! its "Move to…" menu button.
//!
//! The article element stays put while its content follows the card's memo, so the keyboard
//! focus survives edits. Keys: Enter opens the editor; Alt+arrows (and Alt+Home/End) move the
//! card; plain arrows move the focus to the neighbouring card.

use super::super::format;
use super::super::messages::quoted;
use super::menu::MoveMenuAnchor;
use super::{card_dom_id, drag, BoardContext};
use crate::model::board::{self, CardSummary, MoveDirection};
use crate::model::{Priority, TaskId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Tags shown on a card before "+N".
const SHOWN_TAGS: usize = 2;

/// The shortcuts a focused card answers to, for `aria-keyshortcuts`.
const CARD_SHORTCUTS: &str =
    "Enter Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown Alt+Home Alt+End";

/// The card's classes, from what it shows.
fn card_class(card: Option<&CardSummary>) -> String {
    let mut class = String::from("board__card");
    if let Some(card) = card {
        for (on, modifier) in [
            (card.overdue, " board__card--overdue"),
            (card.blocked(), " board__card--blocked"),
            (card.done, " board__card--done"),
            (card.milestone, " board__card--milestone"),
        ] {
            if on {
                class.push_str(modifier);
            }
        }
    }
    class
}

fn priority_class(priority: Priority) -> String {
    format!("board__priority board__priority--{}", priority.key())
}

/// The direction of an arrow, Home or End key.
fn direction_of(key: &str) -> Option<MoveDirection> {
    match key {
        "ArrowUp" => Some(MoveDirection::Up),
        "ArrowDown" => Some(MoveDirection::Down),
        "ArrowLeft" => Some(MoveDirection::PreviousColumn),
        "ArrowRight" => Some(MoveDirection::NextColumn),
        "Home" => Some(MoveDirection::Top),
        "End" => Some(MoveDirection::Bottom),
        _ => None,
    }
}

/// The card of task `id`; re-renders only when its own summary changes.
#[component]
pub fn BoardCard(
    /// The task on the card.
    id: TaskId,
) -> impl IntoView {
    let ctx = BoardContext::expect();
    let state = ctx.state;
    let summary = Memo::new(move |_| {
        let today = state.today.get();
        ctx.index.with(|index| {
            state.workspace().with(|workspace| {
                workspace.find_project(ctx.project).and_then(|project| {
                    board::card_summary_indexed(project, index, id, workspace.people(), today)
                })
            })
        })
    });
    let dom_id = card_dom_id(id);
    let title_id = format!("{dom_id}-title");
    let details_id = format!("{dom_id}-details");
    let move_id = format!("{dom_id}-move");
    let (labelled_by, described_by) = (title_id.clone(), details_id.clone());
    let card_ref = NodeRef::<leptos::html::Article>::new();
    let menu_open = Memo::new(move |_| {
        ctx.menu
            .with(|menu| menu.as_ref().is_some_and(|menu| menu.task == id))
    });

    let on_pointer_down = move |event: web_sys::PointerEvent| {
        if let Some(card) = card_ref.get_untracked() {
            drag::press(ctx, id, &event, &card);
        }
    };
    let on_click = move |event: web_sys::MouseEvent| {
        if ctx.drag.take_click_suppression() {
            return;
        }
        let on_button = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("button").ok().flatten())
            .is_some();
        if !on_button {
            ctx.open_card(id);
        }
    };
    let own_id = dom_id.clone();
    let on_key = move |event: web_sys::KeyboardEvent| {
        let on_card = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| element.id() == own_id);
        if !on_card || event.ctrl_key() || event.meta_key() {
            return;
        }
        let key = event.key();
        if key == "Enter" && !event.alt_key() {
            event.prevent_default();
            ctx.open_card(id);
        } else if let Some(direction) = direction_of(&key) {
            event.prevent_default();
            if event.alt_key() {
                ctx.move_by_key(id, direction);
            } else {
                ctx.focus_neighbour(id, direction);
            }
        }
    };
    let open_menu = move |event: web_sys::MouseEvent| {
        event.stop_propagation();
        if menu_open.get_untracked() {
            ctx.menu.set(None);
            return;
        }
        let rect = event
            .current_target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .map(|button| button.get_bounding_client_rect());
        if let Some(rect) = rect {
            ctx.menu.set(Some(MoveMenuAnchor {
                task: id,
                left: rect.left(),
                top: rect.top(),
                bottom: rect.bottom(),
            }));
        }
    };

    view! {
        <article
            class=move || summary.with(|card| card_class(card.as_ref()))
            id=dom_id.clone()
            node_ref=card_ref
            tabindex="0"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            aria-keyshortcuts=CARD_SHORTCUTS
            on:pointerdown=on_pointer_down
            on:click=on_click
            on:keydown=on_key
        >
            {move || summary.get().map(|card| card_body(card, title_id.clone(), details_id.clone()))}
            <button
                type="button"
                class="button button--quiet button--small board__move"
                id=move_id
                aria-haspopup="menu"
                aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                on:click=open_menu
            >
                "Move to…"
            </button>
        </article>
    }
}

/// What a card shows, from its summary.
fn card_body(card: CardSummary, title_id: String, details_id: String) -> impl IntoView {
    let avatar = card.assignee.as_ref().map(|person| {
        let hue = person.colour * 360 / board::AVATAR_COLOURS;
        view! {
            <span
                class="board__avatar"
                style=format!("--board-avatar-hue: {hue}")
                role="img"
                aria-label=format!("Assigned to {}", person.name)
                title=person.name.clone()
            >
                {person.initials.clone()}
            </span>
        }
    });
    let due = if card.overdue {
        format!("Overdue: {}", format::date(card.end))
    } else {
        format!("Due {}", format::date(card.end))
    };
    let due_class = if card.overdue {
        "board__due board__due--overdue"
    } else {
        "board__due"
    };
    let blocked = card.blocked().then(|| {
        let names: Vec<String> = card.blocked_by.iter().map(|title| quoted(title)).collect();
        view! {
            <span class="badge badge--danger board__blocked" title=format!("Waits for {}", names.join(", "))>
                "Blocked"
            </span>
        }
    });
    let milestone = card.milestone.then(|| {
        view! {
            <span class="board__milestone" aria-hidden="true" title="Milestone">
                "◆"
            </span>
        }
    });
    let progress_label = format!("{} done", format::percent(card.progress));
    let progress_width = format!("width: {}%", card.progress);
    let hidden_tags = card.tags.len().saturating_sub(SHOWN_TAGS);
    let more_tags = (hidden_tags != 0).then(|| format!("+{hidden_tags}"));
    let tags = card
        .tags
        .iter()
        .take(SHOWN_TAGS)
        .map(|tag| view! { <span class="tag">{tag.clone()}</span> })
        .collect_view();
    let subtasks = card.subtasks.map(|count| {
        view! {
            <span class="board__subtasks">{format!("{}/{} subtasks", count.done, count.total)}</span>
        }
    });
    view! {
        <div class="board__card-top">
            <span class="board__handle" aria-hidden="true" title="Drag to move">
                "⠿"
            </span>
            {milestone}
            <span class="board__card-title" id=title_id>
                {card.title.clone()}
            </span>
            {avatar}
        </div>
        <div class="board__card-details" id=details_id>
            <div class="board__card-meta">
                <span class=due_class>{due}</span>
                <span class=priority_class(card.priority)>{format!("{} priority", card.priority.label())}</span>
            </div>
            <span class="board__progress" role="img" aria-label=progress_label>
                <span class="board__progress-bar" style=progress_width></span>
            </span>
            <div class="board__card-foot">
                {blocked}
                {tags}
                {more_tags}
                {subtasks}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_map_to_directions() {
        assert_eq!(
            direction_of("ArrowLeft"),
            Some(MoveDirection::PreviousColumn)
        );
        assert_eq!(direction_of("End"), Some(MoveDirection::Bottom));
        assert_eq!(direction_of("a"), None);
    }
}
