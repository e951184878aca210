//! Small building blocks shared by every view: dialogs, form fields, file handling.

pub mod confirm;
pub mod field;
pub mod file;
pub mod focus;
pub mod modal;
pub mod task_picker;
pub mod window;

pub use confirm::ConfirmDialog;
pub use field::{CheckField, SelectField, TextAreaField, TextField};
pub use modal::Modal;
pub use task_picker::TaskPicker;

use std::sync::atomic::{AtomicUsize, Ordering};

/// A document-unique id for label and ARIA wiring, such as `ip-17`.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
