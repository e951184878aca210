//! The wording of compare and merge: why there is no result, what a merge took, and the links
//! a merge had to leave out.

use super::count_of;
use crate::model::merge::LeftOut;
use crate::model::{ModelError, TaskId};

/// Describes why a merge or compare has no result.
pub fn describe_merge(error: &crate::model::merge::MergeError) -> String {
    use crate::model::merge::MergeError;
    match error {
        MergeError::Invalid(invalid) => {
            format!("The merged plan would not hold together ({invalid}), so nothing changed.")
        }
        MergeError::Unreadable(message) => {
            format!("The merged plan could not be built ({message}), so nothing changed.")
        }
        MergeError::NotOneProject => {
            "This file holds a whole workspace. Compare and merge work with one project's file."
                .to_string()
        }
        MergeError::OtherProject => {
            "This file holds another project, so it cannot be merged into this one.".to_string()
        }
    }
}

/// "1 change" or "12 changes", as counted by a merge.
pub fn change_count(number: usize) -> String {
    count_of(number, "change", "changes")
}

/// The notice after a merge: "Merged: 12 changes from the file, 3 conflicts resolved".
pub fn merged(changes: usize, conflicts: usize, dropped: usize) -> String {
    let mut sentence = format!(
        "Merged: {} from the file, {} resolved",
        count_of(changes, "change", "changes"),
        count_of(conflicts, "conflict", "conflicts")
    );
    if dropped > 0 {
        sentence.push_str(&format!(
            ". Storage is nearly full, so {} of this project no longer merge three-way",
            count_of(dropped, "older copy", "older copies")
        ));
    }
    sentence.push('.');
    sentence
}

/// The loop a refused link would close, as names: "“Design” → “Build” → “Design”".
fn loop_names(reason: &ModelError, name: &dyn Fn(TaskId) -> String) -> Option<String> {
    match reason {
        ModelError::Cycle { path } if !path.is_empty() => Some(
            path.iter()
                .map(|id| name(*id))
                .collect::<Vec<_>>()
                .join(" → "),
        ),
        _ => None,
    }
}

/// After a merge, one link the result had to leave out, and why: "“Test” does not wait for
/// “Build”: that link would close a loop, “Build” → “Test” → “Build”, so it was left out."
pub fn left_out_link(link: &LeftOut, name: &dyn Fn(TaskId) -> String) -> String {
    let why = match (&link.reason, loop_names(&link.reason, name)) {
        (_, Some(names)) => format!("that link would close a loop, {names}"),
        (ModelError::LinkWithinHierarchy { .. }, None) => {
            "one is a summary task containing the other".to_string()
        }
        (_, None) => "the merged plan could not take that link".to_string(),
    };
    format!(
        "{} does not wait for {}: {why}, so it was left out.",
        name(link.successor),
        name(link.predecessor)
    )
}

/// Beside a conflict over a link that would close a loop: which side closes it, the loop, and
/// what taking that side costs. `closing_side` is "Keeping mine" or "Taking theirs".
pub fn loop_conflict(
    closing_side: &str,
    link: &LeftOut,
    name: &dyn Fn(TaskId) -> String,
) -> String {
    match loop_names(&link.reason, name) {
        Some(names) => format!(
            "{closing_side} would close a loop: {names}. Another link of that loop is then \
             left out, and the notice after the merge names it."
        ),
        None => format!(
            "{closing_side} would link a summary task to its own subtask, so this link would \
             be left out."
        ),
    }
}
