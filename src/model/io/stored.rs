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
    let format = value.get("format").and_then(Value::as_str);
    if format != Some(FORMAT) {
        return Err(ImportError::NotAPlan {
            found: format.map(str::to_string),
        });
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(version) if version > u64::from(CURRENT_VERSION) => {
            return Err(ImportError::UnsupportedVersion {
                found: version,
                supported: CURRENT_VERSION,
            })
        }
        Some(version) if version >= 1 => {}
        _ => {
            return Err(ImportError::BadVersion {
                path: "version".to_string(),
            })
        }
    }
    let mut index: StoredIndex = typed(value)?;
    validate::people(&mut index.people)
        .map_err(|invalid| ImportError::Invalid(invalid.within("people")))?;
    index.version = CURRENT_VERSION;
    Ok(index)
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
