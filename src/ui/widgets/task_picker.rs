//! A labelled, searchable task picker: a text input with a list of matching tasks under it, as
//! the WAI-ARIA combobox pattern (list autocomplete, manual selection) describes. It stands in
//! for a `<select>` of every task, which put a view and an `<option>` per task in the page.
//!
//! Cost follows what is shown: nothing is built per task. The candidates are searched only while
//! the list is open (`model::task_choices`), and the list holds at most [`SHOWN_MATCHES`] of them.
//! Who may be chosen is the model's rule; the keys, the mouse and the wording are here.

use super::unique_id;
use crate::model::task_choices::{ChoiceRule, TaskChoices};
use crate::model::{Decimal, Formatter, ProjectId, TaskId};
use crate::store::AppState;
use crate::ui::format::UiFormatter;
use crate::ui::messages;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The most tasks the list shows at once; typing more narrows the rest.
pub const SHOWN_MATCHES: usize = 50;

/// One line of the list: a task, or the empty choice (value "").
#[derive(Clone, Debug, PartialEq, Eq)]
struct PickerOption {
    value: String,
    title: String,
    /// Shown beside the title and hidden from its accessible name: the parent's title.
    context: Option<String>,
}

/// What the open list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct PickerList {
    options: Vec<PickerOption>,
    /// The tasks among `options`.
    shown_tasks: usize,
    /// Every task that matches.
    total: usize,
}

/// The signals one picker keeps while it is on screen.
#[derive(Clone, Copy)]
struct PickerState {
    value: RwSignal<String>,
    /// What the user typed since the last pick; `None` shows the chosen task's title.
    typed: RwSignal<Option<String>>,
    open: RwSignal<bool>,
    /// The highlighted line of the open list.
    active: RwSignal<Option<usize>>,
}

impl PickerState {
    fn pick(self, value: String) {
        if self.value.with_untracked(|current| *current != value) {
            self.value.set(value);
        }
        self.close();
    }

    /// Closes the list and shows the chosen task's title again.
    fn close(self) {
        self.typed.set(None);
        self.open.set(false);
        self.active.set(None);
    }
}

/// A labelled combobox that picks one task of a project by title; the value is the task's id
/// as text, or "" for none.
#[component]
pub fn TaskPicker(
    /// The visible label, which names the combobox.
    #[prop(into)]
    label: String,
    /// The chosen task's id as text, "" for none.
    value: RwSignal<String>,
    /// The project whose tasks are offered.
    project: ProjectId,
    /// Which tasks may be chosen.
    rule: ChoiceRule,
    /// The text of the empty choice, such as "None (top level)", offered first; without it
    /// the empty value cannot be picked and the field shows the placeholder.
    #[prop(optional, into)]
    empty_choice: Option<String>,
    /// Shown in the empty field.
    #[prop(optional, into)]
    placeholder: Option<String>,
    /// An error shown under the field; the input is marked invalid while present.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let picker = PickerState {
        value,
        typed: RwSignal::new(None),
        open: RwSignal::new(false),
        active: RwSignal::new(None),
    };
    let id = unique_id("picker");
    let listbox_id = format!("{id}-list");
    let error_id = format!("{id}-error");
    let empty_choice = StoredValue::new(empty_choice);

    let chosen_title = Memo::new(move |_| {
        let Ok(task) = value.with(|text| text.parse::<TaskId>()) else {
            return empty_choice.with_value(|empty| empty.clone().unwrap_or_default());
        };
        state.workspace().with(|workspace| {
            workspace
                .find_project(project)
                .and_then(|project| project.find_task(task))
                .map(|task| task.title.clone())
                .unwrap_or_default()
        })
    });
    // Prepared only while the list is open: the subtasks a parent must not be, found once.
    let choices = Memo::new(move |_| {
        if !picker.open.get() {
            return None;
        }
        state.workspace().with(|workspace| {
            workspace
                .find_project(project)
                .map(|project| TaskChoices::new(project, rule))
        })
    });
    let list = Memo::new(move |_| {
        if !picker.open.get() {
            return PickerList::default();
        }
        let query = picker.typed.get().unwrap_or_default();
        choices.with(|choices| {
            let Some(choices) = choices else {
                return PickerList::default();
            };
            let matches = state.workspace().with(|workspace| {
                workspace
                    .find_project(project)
                    .map(|project| choices.matching(project, &query, SHOWN_MATCHES))
                    .unwrap_or_default()
            });
            let mut options = Vec::with_capacity(matches.shown.len() + 1);
            if let Some(empty) = empty_choice.get_value() {
                if contains_ignoring_case(&empty, &query) {
                    options.push(PickerOption {
                        value: String::new(),
                        title: empty,
                        context: None,
                    });
                }
            }
            let shown_tasks = matches.shown.len();
            options.extend(matches.shown.into_iter().map(|choice| PickerOption {
                value: choice.id.to_string(),
                title: choice.title,
                context: choice.parent_title,
            }));
            PickerList {
                options,
                shown_tasks,
                total: matches.total,
            }
        })
    });

    // Leaving the field with text typed in: a whole title (or the empty choice's text, or
    // nothing where there is an empty choice) is picked; anything else puts the choice back.
    let commit_typed = move || {
        // A blur can come as the dialog closes, after the picker's signals are gone.
        let Some(typed) = picker.typed.try_get_untracked() else {
            return;
        };
        let Some(text) = typed else {
            picker.close();
            return;
        };
        let text = text.trim();
        let empty = empty_choice.get_value();
        if chosen_title.with_untracked(|title| title == text) {
            picker.close();
        } else if empty
            .as_deref()
            .is_some_and(|empty| text.is_empty() || empty.to_lowercase() == text.to_lowercase())
        {
            picker.pick(String::new());
        } else {
            let found = state.workspace().with_untracked(|workspace| {
                let project = workspace.find_project(project)?;
                TaskChoices::new(project, rule).titled(project, text)
            });
            match found {
                Some(task) => picker.pick(task.to_string()),
                None => picker.close(),
            }
        }
    };

    let list_ref = NodeRef::<leptos::html::Ul>::new();
    let option_id = {
        let listbox_id = listbox_id.clone();
        move |index: usize| format!("{listbox_id}-{index}")
    };
    let reveal = {
        let option_id = option_id.clone();
        move |index: usize| {
            let id = option_id(index);
            request_animation_frame(move || reveal_option(list_ref, &id));
        }
    };
    let on_key = move |event: web_sys::KeyboardEvent| match event.key().as_str() {
        key @ ("ArrowDown" | "ArrowUp") => {
            event.prevent_default();
            let down = key == "ArrowDown";
            let was_open = picker.open.get_untracked();
            picker.open.set(true);
            let (count, chosen) = list.with_untracked(|list| {
                let chosen = value.with_untracked(|value| {
                    list.options
                        .iter()
                        .position(|option| option.value == *value)
                });
                (list.options.len(), chosen)
            });
            if count == 0 {
                picker.active.set(None);
                return;
            }
            let next = match (was_open, picker.active.get_untracked()) {
                (false, _) => chosen.unwrap_or(if down { 0 } else { count - 1 }),
                (true, None) => {
                    if down {
                        0
                    } else {
                        count - 1
                    }
                }
                (true, Some(index)) if down => (index + 1).min(count - 1),
                (true, Some(index)) => index.saturating_sub(1),
            };
            picker.active.set(Some(next));
            reveal(next);
        }
        "Enter" if picker.open.get_untracked() => {
            // Enter picks in the open list; in a closed one it submits the form.
            event.prevent_default();
            let chosen = picker.active.get_untracked().and_then(|index| {
                list.with_untracked(|list| {
                    list.options.get(index).map(|option| option.value.clone())
                })
            });
            match chosen {
                Some(chosen) => picker.pick(chosen),
                None => commit_typed(),
            }
        }
        "Escape" if picker.open.get_untracked() || picker.typed.with_untracked(Option::is_some) => {
            // Closes the list, not the dialog.
            event.prevent_default();
            event.stop_propagation();
            picker.close();
        }
        _ => {}
    };

    let described = error_id.clone();
    let active_option_id = option_id.clone();
    let option_view = move |index: usize, option: PickerOption| {
        let PickerOption {
            value: option_value,
            title,
            context,
        } = option;
        let chosen = {
            let option_value = option_value.clone();
            move || value.with(|value| *value == option_value)
        };
        let active = move || picker.active.get() == Some(index);
        view! {
            <li
                id=option_id(index)
                role="option"
                class="picker__option"
                class:picker__option--active=active
                class:picker__option--chosen=chosen
                aria-selected=move || if active() { "true" } else { "false" }
                on:click=move |_| picker.pick(option_value.clone())
            >
                <span class="picker__title">{title}</span>
                {context
                    .map(|parent| {
                        view! {
                            <span class="picker__context" aria-hidden="true">
                                {format!("in {parent}")}
                            </span>
                        }
                    })}
            </li>
        }
    };

    view! {
        <div class="field picker">
            <label for=id.clone() class="field__label">
                {label}
            </label>
            <div class="picker__anchor">
                <input
                    id=id
                    type="text"
                    role="combobox"
                    class="field__input picker__input"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=placeholder
                    aria-autocomplete="list"
                    aria-expanded=move || if picker.open.get() { "true" } else { "false" }
                    aria-controls=listbox_id.clone()
                    aria-activedescendant=move || {
                        picker
                            .active
                            .get()
                            .filter(|_| picker.open.get())
                            .map(&active_option_id)
                    }
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby=described
                    prop:value=move || picker.typed.get().unwrap_or_else(|| chosen_title.get())
                    on:input=move |event| {
                        picker.typed.set(Some(event_target_value(&event)));
                        picker.active.set(None);
                        picker.open.set(true);
                    }
                    // Typing replaces the shown title, as in a select.
                    on:focus=|event| {
                        event_target::<web_sys::HtmlInputElement>(&event).select()
                    }
                    on:click=move |_| picker.open.set(true)
                    on:blur=move |_| commit_typed()
                    on:keydown=on_key
                />
                <div class="picker__popup" hidden=move || !picker.open.get()>
                    <ul
                        node_ref=list_ref
                        id=listbox_id.clone()
                        role="listbox"
                        aria-label="Matching tasks"
                        class="picker__list"
                        // Keeps the focus in the input, so its blur does not close the list first.
                        on:mousedown=|event| event.prevent_default()
                    >
                        {move || {
                            list.get()
                                .options
                                .into_iter()
                                .enumerate()
                                .map(|(index, option)| option_view(index, option))
                                .collect_view()
                        }}
                    </ul>
                    <p class="picker__status" role="status">
                        {move || list.with(status_line)}
                    </p>
                </div>
            </div>
            <p id=error_id class="field__error" aria-live="polite">
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}

/// The line under the list: nothing when everything shows, else how to narrow it.
fn status_line(list: &PickerList) -> String {
    messages::picker_status(
        !list.options.is_empty(),
        list.total > list.shown_tasks,
        &count(list.shown_tasks),
        &count(list.total),
    )
}

/// A whole number in the browser's locale: "1,234".
fn count(value: usize) -> String {
    UiFormatter.number(Decimal {
        units: value as i128,
        decimals: 0,
    })
}

fn contains_ignoring_case(text: &str, query: &str) -> bool {
    text.to_lowercase().contains(&query.trim().to_lowercase())
}

/// Scrolls the list just enough to show option `id`.
fn reveal_option(list: NodeRef<leptos::html::Ul>, id: &str) {
    let Some(list) = list.get_untracked() else {
        return;
    };
    let Some(option) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let top = option.offset_top();
    let bottom = top + option.offset_height();
    let scrolled = list.scroll_top();
    let height = list.client_height();
    if top < scrolled {
        list.set_scroll_top(top);
    } else if bottom > scrolled + height {
        list.set_scroll_top(bottom - height);
    }
}
