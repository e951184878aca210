//! The shapes kept in browser storage, beside the plan files.
//!
//! Each project is stored under its own key as a plan file with a `revision`, so one project's
//! save never rewrites the others and any stored project can be downloaded and imported as it
//! is. The index lists the projects in order with the roster and settings.

use super::read::{strict_value, typed};
use super::{FormatTag, ImportError, CURRENT_VERSION, FORMAT};
use crate::model::ids::ProjectId;
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::validate;
use crate::model::workspace::Settings;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The constant `"index"` kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexKind {
    Index,
}

/// The workspace's index in storage: project order, the people roster and settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredIndex {
    pub format: FormatTag,
    pub version: u32,
    pub kind: IndexKind,
    /// Project ids in list order; each has its own key.
    pub projects: Vec<ProjectId>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub settings: Settings,
}

/// Reads and checks a stored index. A newer version is refused, never guessed at.
pub fn read_index(text: &str) -> Result<StoredIndex, ImportError> {
    let value = strict_value(text)?;
    check_envelope(&value)?;
    let mut index: StoredIndex = typed(value)?;
    validate::people(&mut index.people)
        .map_err(|invalid| ImportError::Invalid(invalid.within("people")))?;
    index.version = CURRENT_VERSION;
    Ok(index)
}

/// Checks the `format` and `version` of stored JSON: ours, and not newer than this build.
fn check_envelope(value: &Value) -> Result<(), ImportError> {
    let format = value.get("format").and_then(Value::as_str);
    if format != Some(FORMAT) {
        return Err(ImportError::NotAPlan {
            found: format.map(str::to_string),
        });
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(version) if version > u64::from(CURRENT_VERSION) => {
            Err(ImportError::UnsupportedVersion {
                found: version,
                supported: CURRENT_VERSION,
            })
        }
        Some(version) if version >= 1 => Ok(()),
        _ => Err(ImportError::BadVersion {
            path: "version".to_string(),
        }),
    }
}

/// The index as compact JSON.
pub fn write_index(projects: Vec<ProjectId>, people: &[Person], settings: &Settings) -> String {
    let index = StoredIndex {
        format: FormatTag::Ironplan,
        version: CURRENT_VERSION,
        kind: IndexKind::Index,
        projects,
        people: people.to_vec(),
        settings: settings.clone(),
    };
    serde_json::to_string(&index).expect("index types always serialize")
}

/// The revision of a stored project, read from the start of its text without parsing the rest.
pub fn stored_revision(text: &str) -> Option<u64> {
    let rest = text.strip_prefix("{\"revision\":")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// A project as compact JSON for storage, with its team's people and its revision.
pub fn write_stored_project(project: &Project, roster: &[Person], revision: u64) -> String {
    super::compact::write_compact_project(project, roster, revision)
}

/// Reads a project stored in parts without joining them (see `compact::read_stored_runs`):
/// `shell` is part 0, `length` the length of the joined text, and `next_run` hands over each
/// part of rows in turn (`Some(None)` when one is missing or wrong). `None` when anything is
/// amiss, and then the joined text read by [`super::read_plan`] names the problem.
pub fn read_stored_parts(
    revision: u64,
    shell: &str,
    length: usize,
    next_run: &mut dyn FnMut() -> Option<Option<String>>,
) -> Option<super::ImportedProject> {
    let file = super::compact::read_stored_runs(
        revision,
        shell,
        length,
        next_run,
        &super::DEFAULT_LIMITS,
    )?;
    match super::read::checked_project(file, CURRENT_VERSION) {
        Ok(super::ReadPlan::Project(imported)) => Some(imported),
        _ => None,
    }
}

/// The constant `"chunked_project"` kind of a manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ManifestKind {
    ChunkedProject,
}

/// A project stored in parts: the manifest under the project's key names the parts, each under
/// its own key, and records the length and hash of each so that a part from another save is
/// never mixed in. Part 0 is the shell (the project without its tasks); the others hold task
/// rows in order. The revision comes first, so that [`stored_revision`] reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredManifest {
    pub revision: u64,
    pub format: FormatTag,
    pub version: u32,
    pub kind: ManifestKind,
    /// How many task rows the parts hold together.
    pub tasks: usize,
    pub parts: Vec<StoredPart>,
    /// The revisions this save was written over, newest first, up to [`LINEAGE`]: a tab that
    /// finds a revision other than its own tells from them whether the other tab had taken in
    /// its save, or wrote over it in the same instant. Empty in manifests of older builds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<u64>,
}

/// How many earlier revisions a manifest remembers.
pub const LINEAGE: usize = 8;

impl StoredManifest {
    /// The revisions a save over this manifest is written over.
    pub fn lineage(&self) -> Vec<u64> {
        std::iter::once(self.revision)
            .chain(self.after.iter().copied())
            .take(LINEAGE)
            .collect()
    }
}

/// Whether the stored text was written by a save that had seen `revision`: true when it
/// names it among the revisions it was written over, or when it does not say (a whole project,
/// or a manifest of an older build).
pub fn builds_on(text: &str, revision: u64) -> bool {
    if !is_manifest(text) {
        return true;
    }
    match read_manifest(text) {
        Ok(manifest) => manifest.after.is_empty() || manifest.after.contains(&revision),
        Err(_) => true,
    }
}

/// One part of a stored project. Its key is made of the project id, the revision of the save
/// that wrote it and its number, so a save never writes over a part the manifest names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredPart {
    /// The revision of the save that wrote this part.
    pub revision: u64,
    /// Its position when it was written: 0 for the shell, 1 and up for task rows.
    pub number: u32,
    /// Task rows it holds (0 for the shell).
    pub rows: usize,
    /// Its length in bytes of UTF-8.
    pub length: usize,
    /// [`part_hash`] of its text.
    pub hash: String,
}

impl StoredPart {
    /// Describes `text`, written by the save of `revision` as part `number`.
    pub fn describe(text: &str, revision: u64, number: u32, rows: usize) -> StoredPart {
        StoredPart {
            revision,
            number,
            rows,
            length: text.len(),
            hash: part_hash(text),
        }
    }

    /// True when `text` is exactly what this part recorded.
    pub fn matches(&self, text: &str) -> bool {
        text.len() == self.length && part_hash(text) == self.hash
    }
}

/// A 64-bit FNV-1a hash of the text, as 16 hex digits: enough to tell parts of two saves apart.
pub fn part_hash(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// True when stored text is a manifest rather than a whole project: its `kind`, among the
/// first fields, says so. Anything else is read as a plan file.
pub fn is_manifest(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(160)];
    let needle = b"\"kind\":\"chunked_project\"";
    head.windows(needle.len()).any(|window| window == needle)
}

/// Reads and checks a manifest: its format and version, parts in order with a shell first,
/// and row counts that add up. A newer version is refused, never guessed at.
pub fn read_manifest(text: &str) -> Result<StoredManifest, ImportError> {
    let value = strict_value(text)?;
    check_envelope(&value)?;
    let manifest: StoredManifest = typed(value)?;
    let rows = manifest
        .parts
        .iter()
        .try_fold(0usize, |sum, part| sum.checked_add(part.rows));
    let shell_first = manifest
        .parts
        .first()
        .is_some_and(|part| part.number == 0 && part.rows == 0)
        && manifest.parts[1..].iter().all(|part| part.number > 0);
    if let Some(part) = manifest
        .parts
        .iter()
        .find(|part| part.revision > manifest.revision)
    {
        return Err(ImportError::Field {
            path: "parts".to_string(),
            message: format!(
                "part {} comes from revision {}, after the manifest's {}",
                part.number, part.revision, manifest.revision
            ),
            position: None,
        });
    }
    if !shell_first {
        return Err(ImportError::Field {
            path: "parts[0]".to_string(),
            message: "expected the project's shell".to_string(),
            position: None,
        });
    }
    if rows != Some(manifest.tasks) {
        return Err(ImportError::Field {
            path: "parts".to_string(),
            message: format!("do not hold the {} rows listed", manifest.tasks),
            position: None,
        });
    }
    Ok(manifest)
}

/// The manifest as compact JSON.
pub fn write_manifest(manifest: &StoredManifest) -> String {
    serde_json::to_string(manifest).expect("manifests always serialize")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::SequentialIds;
    use crate::model::units::Currency;

    #[test]
    fn the_revision_is_readable_from_the_start_of_a_stored_project() {
        let mut ids = SequentialIds::default();
        let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid date");
        let project = Project::new(
            ProjectId::new(&mut ids),
            "Plan",
            start,
            Currency::EUR,
            &mut ids,
        )
        .expect("valid project");
        let text = write_stored_project(&project, &[], 17);
        assert_eq!(stored_revision(&text), Some(17));
        assert_eq!(stored_revision("{\"format\":\"ironplan\"}"), None);
    }
}
