//! The compact encoding of a project, used in browser storage, where the quota is about
//! 5.2 million characters per site.
//!
//! Plain plan-file JSON spends about 270 characters on a task, mostly on four 36-character
//! UUIDs and on field names. Here a project is the usual plan file with `"kind":
//! "stored_project"`, its `project.tasks` empty, and a top-level `tasks` table of arrays, one
//! per task. The `rows` field of the envelope names the row layout; this build writes layout 2
//! and reads both.
//!
//! **Layout 2** (`"rows": {"layout": 2, "created": c}`), about 80 characters a task:
//!
//! ```text
//! [id, title, column, start, length, constraint, parent, estimate, assignee, progress,
//!  priority, tags, dependencies, completed, created, deadline, description, fixed_cost,
//!  actual_fixed_cost, time_entries, timer]
//! ```
//!
//! - `id` is the task's UUID in base64url (22 characters); columns are referred to by their
//!   position in `project.columns`, people by their position in `project.team` plus one (0 for
//!   none), other tasks by their distance back from this row (`row − other`, 0 for none);
//! - `start` is days from the project start, `length` is `end − start` in days, or −1 for a
//!   milestone (on its start);
//! - `constraint` is MS Project's constraint number 0–7: bare for "as soon as possible" (0),
//!   "as late as possible" (1), or a kind with a date when the date is the task's own (its
//!   start, or its end for the finish kinds); else `[number, days from that date]`;
//! - `estimate` is hours with at most two decimals (`32`, `12.5`); priority 0–3 is low to urgent;
//! - `tags` is one tag as a string, or a list (0 for none);
//! - `dependencies` is 0 for none, one finish-to-start link without lag as its bare distance,
//!   or a list of such distances and `[distance, kind 0–3 (FS, SS, FF, SF), lag]`;
//! - `completed` and `deadline` are days from the task's end (`null` for none); `created` is
//!   days from the envelope's `created`, which is days from the project start (the first
//!   task's, so that tasks created together write nothing);
//! - a cell may be `null` for its default, and trailing defaults are left out.
//!
//! **Layout 1** (no `rows` field; builds before it), about 120 characters a task:
//! `[id, title, column, start, length, estimate, progress, priority, assignee, parent,
//! created, completed, milestone, tags, dependencies, description, fixed_cost,
//! actual_fixed_cost, time_entries, timer, constraint, deadline]`, with rows and people by
//! position (−1 for none), estimate in hundredths of an hour, `completed`, `created` and
//! `deadline` in days from the project start, `dependencies` as `[[row, kind, lag], …]`,
//! `constraint` as `null` or `[number, day or null]`. It is still read, and the next save
//! writes layout 2.
//!
//! Reading decodes into the same `Project` and then validates it like any import, so a stored
//! project can also be imported as a file.
//!
//! Here the ids in base64url; writing in `write`, reading (row by row from stored text, or
//! from a parsed value) in `read`, the cells of layout 2 in `layout2`.

mod layout2;
mod read;
// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod write;

pub(super) use read::{read_compact, read_stored, read_stored_runs};
pub use write::{
    created_base, join_compact, write_compact_project, write_compact_shell, CompactText,
    RowEncoder, ROW_LAYOUT,
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
