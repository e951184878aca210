//! Which version of a project a plan file holds and which version it was made from, so that
//! a copy coming back can be merged against what both copies started from.
//!
//! A version is a content hash of the exported project: 64-bit FNV-1a over its compact JSON
//! (keys in a fixed order), written as 16 hex digits. It names content, so two exports of the
//! same plan have the same version; it is not a security measure.

use crate::model::ProjectId;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `lineage` block of a project file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lineage {
    /// The project this file is a version of.
    pub project: ProjectId,
    /// The content hash of the project in this file (16 hex digits).
    pub version: String,
    /// The version this copy was last imported or merged from, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

/// The content hash of `value`'s compact JSON, as 16 hex digits.
pub fn content_hash<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_vec(value).expect("plan types always serialize");
    format!("{:016x}", fnv1a(&json))
}

/// The 64-bit FNV-1a hash of `bytes`.
fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_same_content_has_the_same_version_and_other_content_another() {
        let one = serde_json::json!({ "name": "Intranet", "tasks": [1, 2] });
        let same = serde_json::json!({ "tasks": [1, 2], "name": "Intranet" });
        let other = serde_json::json!({ "name": "Intranet", "tasks": [2, 1] });
        assert_eq!(content_hash(&one), content_hash(&same));
        assert_ne!(content_hash(&one), content_hash(&other));
        assert_eq!(content_hash(&one).len(), 16);
    }
}
