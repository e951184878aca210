//! Stable MSPDI task UIDs, derived from Ironplan task ids without storing anything.
//!
//! A task's UID is its id's UUID folded into `1..2^31` (FNV-1a over the 16 bytes, modulo
//! `2^31 - 1`, plus one). The same task therefore gets the same UID in every export, so a file
//! edited elsewhere and imported again maps back by GUID and UID. When two tasks of one project
//! fold onto the same UID, the one later in the plan takes the next free number (deterministic
//! linear probing), so UIDs stay unique.

use crate::model::TaskId;
use std::collections::{HashMap, HashSet};

/// The UID a task id folds onto before collisions are resolved: 1 to 2^31 - 1.
pub fn stable_uid(id: TaskId) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.uuid().as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash % 0x7FFF_FFFF) as u32 + 1
}

/// UIDs for `ids` in plan order: each its [`stable_uid`], or the next free number after it.
pub(crate) fn assign_uids(ids: impl IntoIterator<Item = TaskId>) -> HashMap<TaskId, u32> {
    let mut taken = HashSet::new();
    let mut uids = HashMap::new();
    for id in ids {
        let mut uid = stable_uid(id);
        while !taken.insert(uid) {
            uid = if uid >= 0x7FFF_FFFF { 1 } else { uid + 1 };
        }
        uids.insert(id, uid);
    }
    uids
}
