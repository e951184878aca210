//! The compact encoding of a project, used in browser storage, where the quota is about
//! 5.2 million characters per site.
//!
//! Plain plan-file JSON spends about 270 characters on a task, mostly on four 36-character
//! UUIDs and on field names. Here a project is the usual plan file with `"kind":
//! "stored_project"`, its `project.tasks` empty, and a top-level `tasks` table of arrays:
//!
//! ```text
//! [id, title, column, start, length, estimate, progress, priority, assignee, parent,
//!  created, completed, milestone, tags, dependencies, description, fixed_cost,
//!  actual_fixed_cost, time_entries, timer, constraint, deadline]
//! ```
//!
//! - `id` is the task's UUID in base64url (22 characters); other tasks are referred to by their
//!   row number, columns by their position in `project.columns`, people by their position in
//!   `project.team` (−1 for none);
//! - dates are days from the project start, `length` is `end − start` in days, `completed` is
//!   `null` when open; estimate is in hundredths of an hour; priority 0–3 is low to urgent;
//! - `dependencies` is `[[row, kind 0–3 (FS, SS, FF, SF), lag], …]`;
//! - `constraint` is `null` for "as soon as possible", else `[kind, day]` with MS Project's
//!   constraint number 0–7 and the date as days from the project start (`null` when the kind has
//!   none); `deadline` is days from the project start, or `null`;
//! - trailing fields equal to their default are left out.
//!
//! About 100 characters per task. Reading decodes into the same `Project` and then validates it
//! like any import, so a stored project can also be imported as a file.
//!
//! Here the ids in base64url; writing in `write`, reading (row by row from stored text, or
//! from a parsed value) in `read`.

mod read;
// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod write;

pub(super) use read::{read_compact, read_stored};
pub use write::{
    join_compact, write_compact_project, write_compact_shell, CompactText, RowEncoder,
};

use uuid::Uuid;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A UUID as 22 base64url characters.
pub fn encode_id(id: Uuid) -> String {
    let bytes = id.as_bytes();
    let mut text = String::with_capacity(22);
    for chunk in bytes.chunks(3) {
        let value = chunk.iter().enumerate().fold(0u32, |value, (index, byte)| {
            value | u32::from(*byte) << (16 - 8 * index)
        });
        let characters = chunk.len() + 1;
        for position in 0..characters {
            text.push(ALPHABET[(value >> (18 - 6 * position) & 63) as usize] as char);
        }
    }
    text
}

/// The UUID of 22 base64url characters, or `None`.
pub fn decode_id(text: &str) -> Option<Uuid> {
    if text.len() != 22 {
        return None;
    }
    let mut bytes = [0u8; 16];
    let mut filled = 0;
    for chunk in text.as_bytes().chunks(4) {
        let mut value = 0u32;
        for (index, character) in chunk.iter().enumerate() {
            let digit = ALPHABET.iter().position(|known| known == character)? as u32;
            value |= digit << (18 - 6 * index);
        }
        for index in 0..chunk.len() - 1 {
            bytes[filled] = (value >> (16 - 8 * index)) as u8;
            filled += 1;
        }
    }
    Some(Uuid::from_bytes(bytes))
}
