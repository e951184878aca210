//! The views: thin components over the store's signals and pure view models.
//!
//! Components read memos and call `AppState` verbs; wording lives in `messages`, figures in
//! `format`. Each view has a folder.

pub mod app;
pub mod banners;
pub mod board;
pub mod convert;
pub mod dashboard;
pub mod format;
pub mod import;
pub mod interchange;
pub mod media;
pub mod messages;
pub mod offline;
pub mod projects;
pub mod report;
pub mod settings;
pub mod shortcuts;
pub mod standup;
pub mod tasks;
pub mod timeline;
pub mod timesheet;
pub mod widgets;

pub use app::App;
