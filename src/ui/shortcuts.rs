//! Application-wide keyboard shortcuts and the list of every shortcut in the app.
//!
//! Owns the window's own keys (undo, redo, "?" for the list) and the "Keyboard shortcuts"
//! dialog, which names for each shortcut what does the same without a keyboard. The keys of a
//! focused card, bar, day or tab are handled by their views (`board`, `timeline`, `calendar`,
//! `standup`); this list only describes them, so a change there must be written here too. Text
//! fields keep their own keys, including their own undo.

use super::widgets::Modal;
use crate::store::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True when the key event belongs to a text field, which handles Ctrl+Z itself.
pub fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .map(|element| {
            let tag = element.tag_name().to_ascii_lowercase();
            matches!(tag.as_str(), "input" | "textarea" | "select")
                || element.has_attribute("contenteditable")
        })
        .unwrap_or(false)
}

/// Whether the list of keyboard shortcuts is open. Provided once by `App`.
#[derive(Clone, Copy)]
pub struct ShortcutsHelp {
    open: RwSignal<bool>,
}

impl ShortcutsHelp {
    /// Creates the closed list and provides it as context.
    pub fn provide() -> Self {
        let help = ShortcutsHelp {
            open: RwSignal::new(false),
        };
        provide_context(help);
        help
    }

    /// The list provided by `App`.
    pub fn expect() -> Self {
        expect_context()
    }

    /// Shows the list.
    pub fn show(self) {
        self.open.set(true);
    }

    /// Hides the list.
    pub fn hide(self) {
        self.open.set(false);
    }

    /// True while the list is shown.
    pub fn is_open(self) -> bool {
        self.open.get()
    }
}

/// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on macOS), and "?" shows the list of
/// shortcuts, all outside text fields.
pub fn install_shortcuts(state: AppState, help: ShortcutsHelp) {
    let listener = window_event_listener(leptos::ev::keydown, move |event| {
        if typing_in_field(&event) || event.alt_key() {
            return;
        }
        let command = event.ctrl_key() || event.meta_key();
        let key = event.key().to_ascii_lowercase();
        if command && key == "z" && !event.shift_key() {
            event.prevent_default();
            state.undo();
        } else if command && ((key == "z" && event.shift_key()) || key == "y") {
            event.prevent_default();
            state.redo();
        } else if !command && key == "?" && !a_dialog_is_open() {
            event.prevent_default();
            help.show();
        }
    });
    on_cleanup(move || listener.remove());
}

/// True while a modal dialog is open: "?" then belongs to it.
fn a_dialog_is_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}

/// One shortcut as listed.
struct Shortcut {
    /// Key combinations that do it, any one of them ("Ctrl+Shift+Z", "Ctrl+Y").
    keys: &'static [&'static str],
    /// What it does.
    action: &'static str,
    /// What does the same with a mouse or a finger.
    pointer: &'static str,
}

/// The shortcuts of one place in the app.
struct ShortcutGroup {
    /// Where they work.
    heading: &'static str,
    shortcuts: &'static [Shortcut],
}

/// Every shortcut of the app, by where it works.
const SHORTCUT_GROUPS: [ShortcutGroup; 6] = [
    ShortcutGroup {
        heading: "Anywhere, outside text fields",
        shortcuts: &[
            Shortcut {
                keys: &["Ctrl+Z"],
                action: "Undo the last change",
                pointer: "The “Undo” button at the top",
            },
            Shortcut {
                keys: &["Ctrl+Shift+Z", "Ctrl+Y"],
                action: "Redo what was undone",
                pointer: "The “Redo” button at the top",
            },
            Shortcut {
                keys: &["?"],
                action: "Show this list",
                pointer: "The “Keyboard shortcuts” button at the top",
            },
        ],
    },
    ShortcutGroup {
        heading: "Board, on a card",
        shortcuts: &[
            Shortcut {
                keys: &["Enter"],
                action: "Open the task",
                pointer: "Click the card",
            },
            Shortcut {
                keys: &["Alt+←", "Alt+→"],
                action: "Move the card to the previous or next column",
                pointer: "Drag the card, or choose a column in its “Move to…” menu",
            },
            Shortcut {
                keys: &["Alt+↑", "Alt+↓"],
                action: "Move the card up or down its column",
                pointer: "Drag the card, or use its “Move to…” menu",
            },
            Shortcut {
                keys: &["Alt+Home", "Alt+End"],
                action: "Move the card to the top or bottom of its column",
                pointer: "Drag the card, or use its “Move to…” menu",
            },
            Shortcut {
                keys: &["←", "→", "↑", "↓"],
                action: "Go to the next card",
                pointer: "Click the card you want",
            },
            Shortcut {
                keys: &["Escape"],
                action: "Cancel a drag",
                pointer: "Drop the card where it was",
            },
        ],
    },
    ShortcutGroup {
        heading: "Timeline, on a bar",
        shortcuts: &[
            Shortcut {
                keys: &["←", "→"],
                action: "Move the task a day earlier or later",
                pointer: "Drag the bar",
            },
            Shortcut {
                keys: &["Shift+←", "Shift+→"],
                action: "End the task a day earlier or later",
                pointer: "Drag the bar's right end",
            },
            Shortcut {
                keys: &["↑", "↓"],
                action: "Go to the bar above or below",
                pointer: "Click the bar you want",
            },
            Shortcut {
                keys: &["Enter"],
                action: "Open the task (on an arrow: open the dependency)",
                pointer: "Double-click the bar, or click the arrow",
            },
            Shortcut {
                keys: &["Delete"],
                action: "On an arrow: remove the dependency",
                pointer: "Click the arrow, then “Delete dependency”",
            },
            Shortcut {
                keys: &["Escape"],
                action: "Cancel a drag",
                pointer: "Drop the bar where it was",
            },
            Shortcut {
                keys: &["Ctrl+P"],
                action: "Print the timeline",
                pointer: "The Timeline's “Print” button",
            },
        ],
    },
    ShortcutGroup {
        heading: "Calendar, on a day or a task",
        shortcuts: &[
            Shortcut {
                keys: &["←", "→", "↑", "↓"],
                action: "Go to the day before or after, or a week earlier or later",
                pointer: "Click the day",
            },
            Shortcut {
                keys: &["Home", "End", "Page Up", "Page Down"],
                action: "On a day: go to the week's first or last day, or a month earlier or later",
                pointer: "The “Previous month” and “Next month” buttons",
            },
            Shortcut {
                keys: &["Alt+←", "Alt+→"],
                action: "Move the task a day earlier or later",
                pointer: "Drag the task to another day",
            },
            Shortcut {
                keys: &["Alt+↑", "Alt+↓"],
                action: "Move the task a week earlier or later",
                pointer: "Drag the task to another week",
            },
            Shortcut {
                keys: &["Enter"],
                action: "Open the task",
                pointer: "Click the task",
            },
            Shortcut {
                keys: &["Escape"],
                action: "Cancel a drag",
                pointer: "Drop the task where it was",
            },
        ],
    },
    ShortcutGroup {
        heading: "Stand-up, on the people",
        shortcuts: &[
            Shortcut {
                keys: &["←", "→", "↑", "↓"],
                action: "Go to the previous or next person",
                pointer: "Click the person",
            },
            Shortcut {
                keys: &["Home", "End"],
                action: "Go to the first or last person",
                pointer: "Click the person",
            },
        ],
    },
    ShortcutGroup {
        heading: "Dialogs and menus",
        shortcuts: &[
            Shortcut {
                keys: &["Escape"],
                action: "Close without saving",
                pointer: "The “Cancel” or “Close” button",
            },
            Shortcut {
                keys: &["↑", "↓", "Home", "End"],
                action: "In the “Move to…” menu: go to another choice",
                pointer: "Click the choice",
            },
        ],
    },
];

/// The keys of one shortcut: each combination in `<kbd>`, alternatives joined by "or".
fn keys_view(keys: &'static [&'static str]) -> impl IntoView {
    let last = keys.len().saturating_sub(1);
    keys.iter()
        .enumerate()
        .map(|(index, combination)| {
            let separator = match index {
                0 => "",
                _ if index == last => " or ",
                _ => ", ",
            };
            view! {
                {separator}
                <kbd class="shortcuts__keys">{*combination}</kbd>
            }
        })
        .collect_view()
}

/// The "Keyboard shortcuts" dialog, shown while [`ShortcutsHelp`] is open.
#[component]
pub fn ShortcutsDialog() -> impl IntoView {
    let help = ShortcutsHelp::expect();
    view! {
        <Show when=move || help.is_open()>
            <Modal
                title="Keyboard shortcuts"
                class="modal--wide shortcuts"
                on_close=Callback::new(move |_| help.hide())
            >
                <p class="shortcuts__note">
                    "On a Mac, use ⌘ where Ctrl is written. Each shortcut has a way to do the same without a keyboard."
                </p>
                {SHORTCUT_GROUPS
                    .iter()
                    .enumerate()
                    .map(|(index, group)| {
                        let heading_id = format!("shortcuts-group-{index}");
                        view! {
                            <section class="shortcuts__group">
                                <h3 id=heading_id.clone() class="shortcuts__heading">{group.heading}</h3>
                                <table class="table shortcuts__table" aria-labelledby=heading_id>
                                        <thead>
                                            <tr>
                                                <th scope="col">"Keys"</th>
                                                <th scope="col">"Does"</th>
                                                <th scope="col">"Without a keyboard"</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {group
                                                .shortcuts
                                                .iter()
                                                .map(|shortcut| {
                                                    view! {
                                                        <tr>
                                                            <td class="shortcuts__keys-cell">{keys_view(shortcut.keys)}</td>
                                                            <td>{shortcut.action}</td>
                                                            <td>{shortcut.pointer}</td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                </table>
                            </section>
                        }
                    })
                    .collect_view()}
                <div class="modal__actions">
                    <button type="button" class="button button--primary" on:click=move |_| help.hide()>
                        "Close"
                    </button>
                </div>
            </Modal>
        </Show>
    }
}
