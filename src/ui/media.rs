//! CSS media queries as signals: whether the system prefers dark colours, whether the page is
//! being printed. Owns only the `matchMedia` listeners; what a view does with the answer is the
//! view's business.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A signal that is true while the media query `query` matches, such as
/// `"(prefers-color-scheme: dark)"` or `"print"`. It follows changes until the calling component
/// is dropped. False where the browser cannot evaluate the query.
pub fn use_media_query(query: &'static str) -> Signal<bool> {
    let list = window().match_media(query).ok().flatten();
    let matches = RwSignal::new(list.as_ref().is_some_and(|list| list.matches()));
    if let Some(list) = list {
        let follow = list.clone();
        let on_change = Closure::<dyn Fn()>::new(move || {
            // The owner may be gone when a late event arrives.
            matches.try_set(follow.matches());
        });
        let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The closure must outlive the listener: both are kept until cleanup removes it (an
        // owner runs its cleanups before it drops its stored values).
        let listener = StoredValue::new_local((list, on_change));
        on_cleanup(move || {
            listener.try_with_value(|(list, on_change)| {
                let _ = list.remove_event_listener_with_callback(
                    "change",
                    on_change.as_ref().unchecked_ref(),
                );
            });
        });
    }
    matches.into()
}
