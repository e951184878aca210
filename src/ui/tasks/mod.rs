//! The Tasks view (a sortable, filterable table with the subtask hierarchy) and the task
//! editor shared by every view.

pub mod editor;
pub mod form;
pub mod rows;
mod table;
pub mod time;

pub use table::TasksPage;
