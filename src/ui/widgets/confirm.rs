//! A yes/no question before something that cannot be taken back lightly.

use super::Modal;
use leptos::prelude::*;

/// Asks the user to confirm. The confirm button is named by `confirm_label` ("Delete"), the
/// other is "Cancel", which has the focus first so Enter never destroys by accident.
#[component]
pub fn ConfirmDialog(
    /// The question, as the dialog's heading.
    #[prop(into)]
    title: String,
    /// What will happen, in a sentence.
    #[prop(into)]
    message: String,
    /// The confirm button's name.
    #[prop(into)]
    confirm_label: String,
    /// Called when the user confirms.
    on_confirm: Callback<()>,
    /// Called when the user cancels (button or Escape).
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <Modal title=title on_close=on_cancel class="modal--narrow">
            <p class="modal__message">{message}</p>
            <div class="modal__actions">
                <button type="button" class="button" autofocus on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
                <button
                    type="button"
                    class="button button--danger"
                    on:click=move |_| on_confirm.run(())
                >
                    {confirm_label}
                </button>
            </div>
        </Modal>
    }
}
