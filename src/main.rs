//! Entry point of the web app: a panic hook that reports to the console, then the app in place
//! of index.html's loading screen.

fn main() {
    console_error_panic_hook::set_once();
    // The loading screen of index.html goes in the same task that mounts the app.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("app-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(ironplan::ui::App);
}
