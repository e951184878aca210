//! Entry point of the web app: a panic hook that reports to the console, then the app in place
//! of index.html's loading screen.

use leptos::prelude::{document, request_animation_frame, set_timeout};
use std::time::Duration;

fn main() {
    console_error_panic_hook::set_once();
    // The loading screen is on screen first, whatever the network: the app mounts in the task
    // after the next frame has painted, and the loading screen goes in that same task, so no
    // frame is ever blank and none shows both.
    request_animation_frame(|| {
        set_timeout(
            || {
                if let Some(shell) = document().get_element_by_id("app-shell") {
                    shell.remove();
                }
                leptos::mount::mount_to_body(ironplan::ui::App);
            },
            Duration::ZERO,
        )
    });
}
