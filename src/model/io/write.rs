//! Writing plan files.

use super::{FormatTag, ProjectFile, ProjectKind, WorkspaceFile, WorkspaceKind, CURRENT_VERSION};
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::workspace::Workspace;

/// The file value for one project, carrying the roster entries of its team.
pub fn project_file(project: &Project, roster: &[Person]) -> ProjectFile {
    ProjectFile {
        format: FormatTag::Ironplan,
        version: CURRENT_VERSION,
        kind: ProjectKind::Project,
        project: project.clone(),
        people: roster
            .iter()
            .filter(|person| project.team().contains(&person.id))
            .cloned()
            .collect(),
        revision: None,
        lineage: None,
        redacted: false,
    }
}

/// The file value for the whole workspace.
pub fn workspace_file(workspace: &Workspace) -> WorkspaceFile {
    WorkspaceFile {
        format: FormatTag::Ironplan,
        version: CURRENT_VERSION,
        kind: WorkspaceKind::Workspace,
        workspace: workspace.clone(),
    }
}

/// One project as pretty-printed JSON.
pub fn export_project(project: &Project, roster: &[Person]) -> String {
    serde_json::to_string_pretty(&project_file(project, roster))
        .expect("plan types always serialize")
}

/// The whole workspace as pretty-printed JSON.
pub fn export_workspace(workspace: &Workspace) -> String {
    serde_json::to_string_pretty(&workspace_file(workspace)).expect("plan types always serialize")
}

/// A file name that is safe on every common system, made from `name`: letters and digits are
/// kept (any script), everything else becomes one dash, and it ends in `.ironplan.json`.
pub fn file_name(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() || is_device_name(stem) {
        format!("plan-{stem}").trim_end_matches('-').to_string()
    } else {
        stem.to_string()
    };
    format!("{stem}.ironplan.json")
}

/// True for the names Windows reserves for devices in any folder and with any extension: CON,
/// PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9 (with ¹, ² and ³ too), in lower case here.
fn is_device_name(stem: &str) -> bool {
    if ["con", "prn", "aux", "nul"].contains(&stem) {
        return true;
    }
    let Some(number) = stem
        .strip_prefix("com")
        .or_else(|| stem.strip_prefix("lpt"))
    else {
        return false;
    };
    let mut digits = number.chars();
    matches!(
        (digits.next(), digits.next()),
        (Some('1'..='9' | '¹' | '²' | '³'), None)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name("CRM Migration 2027"),
            "crm-migration-2027.ironplan.json"
        );
        assert_eq!(file_name("../../etc/passwd"), "etc-passwd.ironplan.json");
        assert_eq!(
            file_name("Café: Phase 2/3?"),
            "café-phase-2-3.ironplan.json"
        );
        assert_eq!(file_name("***"), "plan.ironplan.json");
        assert_eq!(file_name("CON"), "plan-con.ironplan.json");
    }

    #[test]
    fn every_windows_device_name_gets_a_prefix() {
        for number in ["1", "4", "5", "9", "¹", "²", "³"] {
            for device in ["COM", "LPT"] {
                let name = format!("{device}{number}");
                let expected = format!("plan-{}.ironplan.json", name.to_lowercase());
                assert_eq!(file_name(&name), expected, "{name}");
            }
        }
        assert_eq!(file_name("COM10"), "com10.ironplan.json");
        assert_eq!(file_name("Computer"), "computer.ironplan.json");
    }
}
