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
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use wasm_bindgen::prelude::*;

    static LIVE: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    struct Counting;

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            unsafe { System.dealloc(pointer, layout) }
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    pub fn install() {
        let read = Closure::<dyn Fn(bool) -> js_sys::Array>::new(|reset: bool| {
            let live = LIVE.load(Ordering::Relaxed);
            let peak = PEAK.load(Ordering::Relaxed);
            if reset {
                PEAK.store(live, Ordering::Relaxed);
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
