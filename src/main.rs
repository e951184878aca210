//! Entry point of the web app: a panic hook that reports to the console, then the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ironplan::ui::App);
}
