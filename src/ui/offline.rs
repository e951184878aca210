//! The "A new version is available" prompt. `public/register-sw.js` registers the service
//! worker and announces a downloaded update; the app never reloads by itself, only when the
//! user presses "Reload" (after saving).

use crate::store::autosave::save_now;
use crate::store::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn call_global(name: &str) -> Option<wasm_bindgen::JsValue> {
    let function = js_sys::Reflect::get(&window(), &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    function.call0(&window()).ok()
}

/// Shows the update prompt when a new version is ready.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let state = AppState::expect();
    let available = RwSignal::new(
        call_global("ironplanUpdateReady")
            .and_then(|ready| ready.as_bool())
            .unwrap_or(false),
    );
    let listener =
        window_event_listener_untyped("ironplan:update-available", move |_| available.set(true));
    on_cleanup(move || listener.remove());
    let reload = move |_| {
        save_now(state);
        call_global("ironplanApplyUpdate");
    };
    move || {
        available.get().then(|| {
            view! {
                <div class="banner banner--info update-prompt" role="status">
                    <p>"A new version is available. Reload to use it; your work is saved first."</p>
                    <button type="button" class="button button--primary" on:click=reload>
                        "Reload"
                    </button>
                </div>
            }
        })
    }
}
