//! Two copies of one plan: what differs between them ([`compare`]), joining edits made on both
//! sides ([`merge`], [`resolve`]), leaving the money out of a copy ([`redact`]), and the content
//! hash that names a version ([`lineage`]).
//!
//! Everything here is pure: the copies come in as values and the result goes out as a value,
//! checked by [`crate::model::validate`]. Sentences shown in the UI live in `ui::messages`; the
//! Markdown list of changes is written here, next to the figures it describes, like the status
//! report.

mod changes;
mod lineage;
mod order;
mod redact;
mod structure;
mod three_way;
mod values;

// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use changes::{
    compare, describe_change, describe_project_change, to_markdown, Changes, FieldChange, Matching,
    PlanRef, ProjectChange, TaskChange, TaskLine, HEADING, MATCHED_BY_TITLE,
};
pub use lineage::{content_hash, Lineage};
pub use order::Side;
pub use redact::redact;
pub use structure::LeftOut;
pub use three_way::{
    merge, resolve, resolve_reporting, Choice, Choices, Conflict, MergeError, Merged, Resolved,
    Subject,
};
