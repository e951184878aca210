//! The Stand-up view: walks the team person by person through what was done since the last
//! stand-up, what is in progress, blocked, overdue or due soon, and records "Stand-up held".
//!
//! People are tabs (arrow keys, Home and End move between them, as in any tab list), plus
//! "Previous person" and "Next person" buttons. The board is the model's `standup`; this module
//! only words and lays it out. Which person is shown is throwaway view state.

use super::format;
use super::widgets::focus::focus_by_id;
use crate::model::standup::{standup, StandupItem, DEFAULT_DUE_SOON_DAYS};
use crate::model::{Project, ProjectId, Workspace};
use crate::store::AppState;
use chrono::NaiveDate;
use leptos::prelude::*;

/// One task line.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ItemView {
    title: String,
    detail: String,
}

/// One person's part.
#[derive(Clone, Debug, PartialEq, Eq)]
struct GroupView {
    name: String,
    /// (heading, items), in stand-up order.
    sections: Vec<(String, Vec<ItemView>)>,
}

/// The whole board as shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct StandupView {
    today: String,
    since: String,
    last_held: String,
    held_today: bool,
    groups: Vec<GroupView>,
}

fn title_of(project: &Project, task: crate::model::TaskId) -> String {
    project
        .find_task(task)
        .map(|task| format!("“{}”", task.title))
        .unwrap_or_else(|| "a removed task".to_string())
}

fn standup_view(workspace: &Workspace, project: &Project, today: NaiveDate) -> StandupView {
    let board = standup(project, today, DEFAULT_DUE_SOON_DAYS);
    let items = |items: &[StandupItem], detail: &dyn Fn(&StandupItem) -> String| {
        items
            .iter()
            .map(|item| ItemView {
                title: item.title.clone(),
                detail: detail(item),
            })
            .collect::<Vec<_>>()
    };
    let done = |item: &StandupItem| {
        if item.logged_since.centi() > 0 {
            format!("{} logged", format::hours(item.logged_since))
        } else {
            "Completed".to_string()
        }
    };
    let progress = |item: &StandupItem| {
        format!(
            "{} done, due {}",
            format::percent(item.progress.percent()),
            format::date(item.end)
        )
    };
    let blocked = |item: &StandupItem| {
        let names: Vec<String> = item
            .waiting_on
            .iter()
            .map(|task| title_of(project, *task))
            .collect();
        format!("Waiting on {}", names.join(", "))
    };
    let due = |item: &StandupItem| format!("Due {}", format::date(item.end));
    let last = project.standups().last().copied();
    StandupView {
        today: format::date(today),
        since: match board.last_standup {
            Some(day) => format!("Done since the last stand-up on {}.", format::date(day)),
            None => format!(
                "No earlier stand-up recorded: done since {}, the previous working day.",
                format::date(board.since)
            ),
        },
        last_held: match last {
            Some(day) if day == today => "Stand-up held today.".to_string(),
            Some(day) => format!("Last stand-up held {}.", format::date(day)),
            None => "No stand-up held yet.".to_string(),
        },
        held_today: last == Some(today),
        groups: board
            .groups
            .iter()
            .map(|group| GroupView {
                name: match group.person {
                    Some(person) => workspace
                        .person(person)
                        .map(|person| person.name.clone())
                        .unwrap_or_else(|| "Someone no longer in Ironplan".to_string()),
                    None => "Unassigned".to_string(),
                },
                sections: vec![
                    (
                        format!("Done since {}", format::date(board.since)),
                        items(&group.done, &done),
                    ),
                    (
                        "In progress".to_string(),
                        items(&group.in_progress, &progress),
                    ),
                    ("Blocked".to_string(), items(&group.blocked, &blocked)),
                    ("Overdue".to_string(), items(&group.overdue, &due)),
                    ("Due soon".to_string(), items(&group.due_soon, &due)),
                ],
            })
            .collect(),
    }
}

fn focus_tab(index: usize) {
    focus_by_id(&format!("standup-tab-{index}"));
}

/// The Stand-up view of project `id`.
#[component]
pub fn StandupPage(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let board = Memo::new(move |_| {
        let today = state.today.get();
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .map(|project| standup_view(workspace, project, today))
                .unwrap_or_default()
        })
    });
    let count = Memo::new(move |_| board.with(|board| board.groups.len()));
    let current = RwSignal::new(0usize);
    let shown = Memo::new(move |_| current.get().min(count.get().saturating_sub(1)));
    let go = move |index: usize, focus: bool| {
        current.set(index);
        if focus {
            focus_tab(index);
        }
    };
    let keydown = move |event: leptos::ev::KeyboardEvent| {
        let total = count.get_untracked();
        if total == 0 {
            return;
        }
        let at = shown.get_untracked();
        let target = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1) % total,
            "ArrowLeft" | "ArrowUp" => (at + total - 1) % total,
            "Home" => 0,
            "End" => total - 1,
            _ => return,
        };
        event.prevent_default();
        go(target, true);
    };
    let panel = move || {
        board.with(|board| {
            board.groups.get(shown.get()).cloned().map(|group| {
                view! {
                    <div
                        class="standup__panel"
                        role="tabpanel"
                        id="standup-panel"
                        aria-labelledby=format!("standup-tab-{}", shown.get())
                    >
                        <h2>{group.name.clone()}</h2>
                        {group
                            .sections
                            .into_iter()
                            .map(|(heading, items)| {
                                let empty = items.is_empty();
                                view! {
                                    <section class="standup__section">
                                        <h3>{heading}</h3>
                                        {if empty {
                                            view! { <p class="standup__nothing">"Nothing."</p> }.into_any()
                                        } else {
                                            view! {
                                                <ul class="standup__items">
                                                    {items
                                                        .into_iter()
                                                        .map(|item| {
                                                            view! {
                                                                <li>
                                                                    <span class="standup__title">{item.title}</span>
                                                                    " "
                                                                    <span class="standup__detail">{item.detail}</span>
                                                                </li>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </ul>
                                            }
                                                .into_any()
                                        }}
                                    </section>
                                }
                            })
                            .collect_view()}
                    </div>
                }
            })
        })
    };
    view! {
        <section class="standup" aria-labelledby="standup-heading">
            <div class="standup__header">
                <h2 id="standup-heading">{move || format!("Stand-up, {}", board.with(|board| board.today.clone()))}</h2>
                <p data-testid="standup-since">{move || board.with(|board| board.since.clone())}</p>
                <p data-testid="standup-last-held">{move || board.with(|board| board.last_held.clone())}</p>
                <div class="toolbar">
                    <button
                        type="button"
                        class="button"
                        disabled=move || count.get() < 2
                        on:click=move |_| {
                            let total = count.get_untracked().max(1);
                            go((shown.get_untracked() + total - 1) % total, false)
                        }
                    >
                        "Previous person"
                    </button>
                    <button
                        type="button"
                        class="button"
                        disabled=move || count.get() < 2
                        on:click=move |_| {
                            let total = count.get_untracked().max(1);
                            go((shown.get_untracked() + 1) % total, false)
                        }
                    >
                        "Next person"
                    </button>
                    <button
                        type="button"
                        class="button button--primary"
                        on:click=move |_| {
                            state.record_standup(id);
                        }
                    >
                        "Stand-up held"
                    </button>
                </div>
            </div>
            <Show
                when=move || count.get() != 0
                fallback=|| view! { <p class="empty">"Nobody is on the team yet. Add people in Settings."</p> }
            >
                <div class="standup__people" role="tablist" aria-label="People" on:keydown=keydown>
                    {move || {
                        board
                            .with(|board| {
                                board
                                    .groups
                                    .iter()
                                    .enumerate()
                                    .map(|(index, group)| {
                                        let selected = move || shown.get() == index;
                                        let empty = group.sections.iter().all(|(_, items)| items.is_empty());
                                        let name = group.name.clone();
                                        view! {
                                            <button
                                                type="button"
                                                role="tab"
                                                class="standup__person"
                                                class:standup__person--quiet=empty
                                                id=format!("standup-tab-{index}")
                                                aria-controls="standup-panel"
                                                aria-selected=move || if selected() { "true" } else { "false" }
                                                tabindex=move || if selected() { "0" } else { "-1" }
                                                on:click=move |_| go(index, false)
                                            >
                                                {name}
                                            </button>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </div>
                {panel}
                <p class="field__hint">
                    "Use the arrow keys on the people to move between them; Home and End jump to the first and last."
                </p>
            </Show>
        </section>
    }
}
