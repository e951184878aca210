//! Entry point of the web app: a panic hook that reports to the console, then the app in place
//! of index.html's loading screen.

use leptos::prelude::{document, request_animation_frame, set_timeout};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// How long the app waits for the loading screen's first frame before it starts anyway: a
/// page opened in a background tab paints nothing until it is shown.
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(100);

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "heap-profile")]
    heap_profile::install();
    // The loading screen is on screen first, whatever the network: the app mounts in the task
    // after the next frame has painted, and the loading screen goes in that same task, so no
    // frame is ever blank and none shows both. It goes after the mount: should the app fail
    // to start, the loading screen stays and says so (public/boot.js).
    let mounted = Rc::new(Cell::new(false));
    let mount = move || {
        if mounted.replace(true) {
            return;
        }
        leptos::mount::mount_to_body(ironplan::ui::App);
        if let Some(shell) = document().get_element_by_id("app-shell") {
            shell.remove();
        }
    };
    let after_frame = mount.clone();
    request_animation_frame(move || set_timeout(after_frame, Duration::ZERO));
    set_timeout(mount, FIRST_FRAME_WAIT);
}

/// Live and peak bytes of the wasm heap, for profiling builds (`--features heap-profile`):
/// `window.__ironplanHeap(reset)` returns `[live, peak]` and, when `reset` is true, starts the
/// next peak from what is live now.
#[cfg(feature = "heap-profile")]
mod heap_profile {
    use ironplan::heap_count;
    use wasm_bindgen::prelude::*;

    #[global_allocator]
    static ALLOCATOR: heap_count::Counting = heap_count::Counting;

    pub fn install() {
        let read = Closure::<dyn Fn(bool) -> js_sys::Array>::new(|reset: bool| {
            let (live, peak) = (heap_count::live(), heap_count::peak());
            if reset {
                heap_count::restart_peak();
            }
            [live, peak]
                .iter()
                .map(|&bytes| JsValue::from(bytes as f64))
                .collect()
        });
        let _ = js_sys::Reflect::set(&js_sys::global(), &"__ironplanHeap".into(), read.as_ref());
        read.forget();
    }
}
