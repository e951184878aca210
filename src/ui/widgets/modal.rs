//! A modal dialog on the native `<dialog>` element: opened with `showModal`, so focus stays
//! inside, the page behind is inert, Escape closes it, and screen readers announce its title.

use super::unique_id;
use leptos::prelude::*;

/// A modal dialog named by its heading. Mount it to open it; unmount it to close it.
#[component]
pub fn Modal(
    /// The heading, which also names the dialog.
    #[prop(into)]
    title: Signal<String>,
    /// Called when the user presses Escape.
    on_close: Callback<()>,
    /// Extra class for sizing, e.g. `modal--wide`.
    #[prop(optional, into)]
    class: String,
    /// The dialog's body, usually a form with its buttons.
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let heading = unique_id("dialog-title");
    let labelled_by = heading.clone();
    Effect::new(move |_| {
        if let Some(element) = dialog.get() {
            if !element.open() {
                let _ = element.show_modal();
            }
        }
    });
    on_cleanup(move || {
        if let Some(element) = dialog.get_untracked() {
            if element.open() {
                element.close();
            }
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class=format!("modal {class}")
            aria-labelledby=labelled_by
            on:cancel=move |event: web_sys::Event| {
                event.prevent_default();
                on_close.run(());
            }
        >
            <h2 id=heading class="modal__title">{move || title.get()}</h2>
            {children()}
        </dialog>
    }
}
