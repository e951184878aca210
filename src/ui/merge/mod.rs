//! Two copies of a plan in the UI: the "Resolve conflicts" dialog of a merge and the
//! "Changes" dialog of "Compare with file…".

mod changes;
mod resolve;

pub use changes::{ChangesDialog, CompareButton, CompareFlow};
pub use resolve::{MergeFlow, ResolveConflictsDialog};
