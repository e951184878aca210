//! The project list, the project page with its navigation, and the project dialogs.

pub mod form;
mod list;
mod page;

pub use form::{NewProjectDialog, ProjectForm};
pub use list::ProjectListPage;
pub use page::ProjectPage;
