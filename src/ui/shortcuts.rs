//! Application-wide keyboard shortcuts. Text fields keep their own undo.

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

/// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on macOS), outside text fields.
pub fn install_shortcuts(state: AppState) {
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
        }
    });
    on_cleanup(move || listener.remove());
}
