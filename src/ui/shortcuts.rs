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
#[derive(Debug, PartialEq, Eq)]
struct Shortcut {
    /// Key combinations that do it, any one of them ("Ctrl+Shift+Z", "Ctrl+Y").
    keys: Vec<&'static str>,
    /// What it does.
    action: &'static str,
    /// What does the same with a mouse or a finger.
    pointer: &'static str,
}

/// The shortcuts of one place in the app.
#[derive(Debug, PartialEq, Eq)]
struct ShortcutGroup {
    /// Where they work.
    heading: &'static str,
    shortcuts: Vec<Shortcut>,
}

/// Every shortcut of the app, by where it works, as a table: a "## " line names a place, and
/// each line after it is one shortcut in three cells split by " | ": its keys (alternatives
/// split by ", "), what it does, and what does the same without a keyboard.
const SHORTCUTS: &str = "\
## Anywhere, outside text fields
Ctrl+Z | Undo the last change | The “Undo” button at the top
Ctrl+Shift+Z, Ctrl+Y | Redo what was undone | The “Redo” button at the top
? | Show this list | The “Keyboard shortcuts” button at the top
## Board, on a card
Enter | Open the task | Click the card
Alt+←, Alt+→ | Move the card to the previous or next column | Drag the card, or choose a column in its “Move to…” menu
Alt+↑, Alt+↓ | Move the card up or down its column | Drag the card, or use its “Move to…” menu
Alt+Home, Alt+End | Move the card to the top or bottom of its column | Drag the card, or use its “Move to…” menu
←, →, ↑, ↓ | Go to the next card | Click the card you want
Escape | Cancel a drag | Drop the card where it was
## Timeline, on a bar
←, → | Move the task a day earlier or later | Drag the bar
Shift+←, Shift+→ | End the task a day earlier or later | Drag the bar's right end
↑, ↓ | Go to the bar above or below | Click the bar you want
Enter | Open the task (on an arrow: open the dependency) | Double-click the bar, or click the arrow
Delete | On an arrow: remove the dependency | Click the arrow, then “Delete dependency”
Escape | Cancel a drag | Drop the bar where it was
Ctrl+P | Print the timeline | The Timeline's “Print” button
## Calendar, on a day or a task
←, →, ↑, ↓ | Go to the day before or after, or a week earlier or later | Click the day
Home, End, Page Up, Page Down | On a day: go to the week's first or last day, or a month earlier or later | The “Previous month” and “Next month” buttons
Alt+←, Alt+→ | Move the task a day earlier or later | Drag the task to another day
Alt+↑, Alt+↓ | Move the task a week earlier or later | Drag the task to another week
Enter | Open the task | Click the task
Escape | Cancel a drag | Drop the task where it was
## Stand-up, on the people
←, →, ↑, ↓ | Go to the previous or next person | Click the person
Home, End | Go to the first or last person | Click the person
## Dialogs and menus
Escape | Close without saving | The “Cancel” or “Close” button
↑, ↓, Home, End | In the “Move to…” menu: go to another choice | Click the choice
";

/// The groups of [`SHORTCUTS`], in order.
fn shortcut_groups() -> Vec<ShortcutGroup> {
    let mut groups: Vec<ShortcutGroup> = Vec::new();
    for line in SHORTCUTS.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            groups.push(ShortcutGroup {
                heading,
                shortcuts: Vec::new(),
            });
            continue;
        }
        let mut cells = line.split(" | ");
        let (Some(keys), Some(action), Some(pointer), Some(group)) =
            (cells.next(), cells.next(), cells.next(), groups.last_mut())
        else {
            continue;
        };
        group.shortcuts.push(Shortcut {
            keys: keys.split(", ").collect(),
            action,
            pointer,
        });
    }
    groups
}

/// The keys of one shortcut: each combination in `<kbd>`, alternatives joined by "or".
fn keys_view(keys: &[&'static str]) -> impl IntoView {
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
                {shortcut_groups()
                    .into_iter()
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
                                                            <td class="shortcuts__keys-cell">{keys_view(&shortcut.keys)}</td>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_is_a_place_or_a_shortcut_of_three_cells() {
        for line in SHORTCUTS.lines() {
            assert!(
                line.starts_with("## ") || line.split(" | ").count() == 3,
                "{line:?} is neither a heading nor three cells"
            );
        }
        let groups = shortcut_groups();
        let headings: Vec<&str> = groups.iter().map(|group| group.heading).collect();
        assert_eq!(headings.len(), 6);
        assert_eq!(headings[3], "Calendar, on a day or a task");
        assert!(groups.iter().all(|group| !group.shortcuts.is_empty()));
        assert_eq!(
            groups[0].shortcuts[1],
            Shortcut {
                keys: vec!["Ctrl+Shift+Z", "Ctrl+Y"],
                action: "Redo what was undone",
                pointer: "The “Redo” button at the top",
            }
        );
    }
}
