//! Moving the keyboard focus by element id, now or once the DOM has settled.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the HTML element with DOM id `id`; false when there is none.
pub fn focus_by_id(id: &str) -> bool {
    match document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Returns the focus to element `id` on the next animation frame, once a re-render has put it
/// in place, but only if the focus is lost by then (its element was removed or moved): a user
/// who already clicked or tabbed elsewhere keeps their place.
pub fn return_focus_next_frame(id: String) {
    request_animation_frame(move || {
        if focus_is_lost() {
            focus_by_id(&id);
        }
    });
}

/// True when nothing but the page itself has the focus.
fn focus_is_lost() -> bool {
    let document = document();
    match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.unchecked_ref::<web_sys::Element>(),
        (Some(_), None) => false,
    }
}
