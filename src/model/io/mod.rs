//! Plan files: the JSON people exchange, and the same envelope in browser storage.
//!
//! A plan file is `{ "format": "ironplan", "version": N, "kind": "project" | "workspace", … }`.
//! The format is a compatibility boundary: [`migrate`] upgrades every older version step by step,
//! each shipped version has a fixture in `tests/fixtures/` that must keep importing, and
//! `docs/plan-format.schema.json` is generated from these types (a test fails when they drift).
//!
//! Reading never trusts its input: size, nesting depth, string lengths and task counts are
//! checked before the typed parse, and the result is validated as a whole before anything
//! else sees it. Every failure is an [`ImportError`] naming where the problem is.

mod compact;
pub mod convert;
pub mod csv;
pub mod ics;
mod limits;
mod merge;
mod migrate;
pub mod mspdi;
mod read;
mod stored;
mod text;
mod wire;
mod write;

pub use compact::{
    created_base, decode_id, encode_id, join_compact, write_compact_project, write_compact_shell,
    CompactText, RowEncoder, ROW_LAYOUT,
};
pub use limits::{Limits, DEFAULT_LIMITS};
pub use merge::{merge_project, merge_workspace, ImportMode};
pub use migrate::migrate;
pub(crate) use read::typed;
pub use read::{read_plan, read_plan_with};
pub use stored::{
    builds_on, is_manifest, part_hash, read_index, read_manifest, read_stored_parts,
    stored_revision, write_index, write_manifest, write_stored_project, IndexKind, ManifestKind,
    StoredIndex, StoredManifest, StoredPart,
};
pub use text::{decode_text, NotText};
pub(crate) use write::json_value;
pub use write::{
    export_project, export_workspace, file_name, project_file, workspace_file, write_project_file,
};

use super::merge::Lineage;
use super::person::Person;
use super::project::Project;
use super::validate::Invalid;
use super::workspace::Workspace;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The value of every plan file's `format` field.
pub const FORMAT: &str = "ironplan";

/// The version this build writes. Older versions are migrated on import.
pub const CURRENT_VERSION: u32 = 3;

/// The constant `"ironplan"` format tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum FormatTag {
    #[serde(rename = "ironplan")]
    Ironplan,
}

/// The `kind` of a project file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectKind {
    Project,
}

/// The `kind` of a workspace file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkspaceKind {
    Workspace,
}

/// One project with the people its team names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    /// The save counter in browser storage; exported files leave it out and imports ignore it.
    /// It comes first so that storage can read it without parsing the whole project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    pub format: FormatTag,
    pub version: u32,
    pub kind: ProjectKind,
    pub project: Project,
    /// Everyone on the project's team, so that the file stands on its own.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Which version of the project this is and which version it came from (docs/merging.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<Lineage>,
    /// True when rates, costs and time notes were left out on export.
    #[serde(default, skip_serializing_if = "is_false")]
    pub redacted: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A whole workspace: every project and the people roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceFile {
    pub format: FormatTag,
    pub version: u32,
    pub kind: WorkspaceKind,
    pub workspace: Workspace,
}

/// Either kind of plan file; used to generate the JSON Schema.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code, clippy::large_enum_variant)]
enum PlanFile {
    Project(ProjectFile),
    Workspace(WorkspaceFile),
}

/// The JSON Schema of plan files, as committed in `docs/plan-format.schema.json`.
pub fn json_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(PlanFile);
    schema.insert("$id".to_string(), "urn:ironplan:plan-format".into());
    schema.insert("title".to_string(), "Ironplan plan file".into());
    schema.to_value()
}

/// A checked project from a file, with its people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedProject {
    pub project: Project,
    pub people: Vec<Person>,
    /// The storage revision, when the text came from browser storage.
    pub revision: Option<u64>,
    /// The format version the text was written in; older versions were migrated.
    pub from_version: u32,
    /// The file's lineage block, when it has one.
    pub lineage: Option<Lineage>,
    /// True when the file was exported without rates, costs and time notes.
    pub redacted: bool,
}

/// A checked workspace from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedWorkspace {
    pub workspace: Workspace,
    /// The format version the text was written in; older versions were migrated.
    pub from_version: u32,
}

/// What a plan file held, checked and ready to merge: the result of [`read_plan`].
// A plan is read once per import and moved a handful of times; boxing buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadPlan {
    Project(ImportedProject),
    Workspace(ImportedWorkspace),
}

/// The old name of [`ReadPlan`], kept while branches that use it are merged.
pub type Plan = ReadPlan;

impl ReadPlan {
    /// The format version the file was written in.
    pub fn from_version(&self) -> u32 {
        match self {
            ReadPlan::Project(imported) => imported.from_version,
            ReadPlan::Workspace(imported) => imported.from_version,
        }
    }

    /// The version the file was upgraded from, when it was older than this build's.
    pub fn upgraded_from(&self) -> Option<u32> {
        Some(self.from_version()).filter(|version| *version < CURRENT_VERSION)
    }
}

/// Why a plan file (or stored plan) could not be read. Nothing has changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
    #[error("nesting deeper than {limit} levels at line {line}, column {column}")]
    TooDeep {
        line: usize,
        column: usize,
        limit: usize,
    },
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the file ends early at line {line}, column {column}")]
    Truncated { line: usize, column: usize },
    #[error("not an Ironplan plan file (format is {found:?})")]
    NotAPlan { found: Option<String> },
    #[error("version {found} is newer than version {supported}, the newest this build reads")]
    UnsupportedVersion { found: u64, supported: u32 },
    #[error("{path}: version must be a whole number from 1 up")]
    BadVersion { path: String },
    #[error("unknown kind {found:?}, expected \"project\" or \"workspace\"")]
    UnknownKind { found: String },
    #[error("{path}: text of {length} characters is over the {limit}-character limit")]
    StringTooLong {
        path: String,
        length: usize,
        limit: usize,
    },
    #[error("{count} tasks is over the {limit}-task limit")]
    TooManyTasks { count: usize, limit: usize },
    #[error("{path}: {message}")]
    Field {
        path: String,
        message: String,
        /// Line and column in the file, when the problem was found while reading the text.
        position: Option<(usize, usize)>,
    },
    #[error("{0}")]
    Invalid(Invalid),
}

impl ImportError {
    fn from_json(error: &serde_json::Error) -> ImportError {
        let (line, column) = (error.line(), error.column());
        match error.classify() {
            serde_json::error::Category::Eof => ImportError::Truncated { line, column },
            _ => ImportError::Syntax {
                line,
                column,
                message: clean_serde_message(&error.to_string()),
            },
        }
    }
}

/// serde_json appends " at line 1 column 2"; the position is reported separately.
fn clean_serde_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message.to_string(),
    }
}
