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
    write_project_file(&project_file(project, roster))
}

/// A project's file value as pretty-printed JSON.
pub fn write_project_file(file: &ProjectFile) -> String {
    indent(&serde_json::to_string(file).expect("plan types always serialize"))
}

/// The whole workspace as pretty-printed JSON.
pub fn export_workspace(workspace: &Workspace) -> String {
    indent(&serde_json::to_string(&workspace_file(workspace)).expect("plan types always serialize"))
}

/// A plan value as a `serde_json::Value`, through the text serializer: the plan types have
/// one serializer in the page (the text one), not a second one into `Value`.
pub(crate) fn json_value<T: serde::Serialize>(value: &T) -> serde_json::Value {
    super::read::strict_value(&serde_json::to_string(value).expect("plan types always serialize"))
        .expect("serde_json reads back the JSON it writes")
}

/// Compact JSON laid out exactly as `serde_json::to_string_pretty` lays it out: two spaces per
/// level, one member per line, `": "` after keys, and `{}` and `[]` for empty ones.
///
/// Plan files are written compact and then indented, so the plan types are serialized by one
/// serializer, the one the stored projects use, and the page carries its code once.
pub fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut copied = 0;
    let mut in_string = false;
    let mut escaped = false;
    let mut at = 0;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while at < bytes.len() {
        let byte = bytes[at];
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            at += 1;
            continue;
        }
        // Structure is ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so the
        // text between two structural bytes is whole characters.
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' | b'}' | b']' | b',' | b':' => {
                out.push_str(&compact[copied..at]);
                copied = at + 1;
                match byte {
                    b'{' | b'[' => {
                        out.push(char::from(byte));
                        if matches!(bytes.get(at + 1), Some(b'}' | b']')) {
                            out.push(char::from(bytes[at + 1]));
                            at += 1;
                            copied = at + 1;
                        } else {
                            depth += 1;
                            newline(&mut out, depth);
                        }
                    }
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        newline(&mut out, depth);
                        out.push(char::from(byte));
                    }
                    b',' => {
                        out.push(',');
                        newline(&mut out, depth);
                    }
                    _ => out.push_str(": "),
                }
            }
            _ => {}
        }
        at += 1;
    }
    out.push_str(&compact[copied..]);
    out
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
    fn plan_files_are_laid_out_as_serde_json_lays_out_pretty_json() {
        let mut plan = Workspace::default();
        let mut ids = crate::model::ids::SequentialIds::default();
        let today = crate::model::testing::date("2026-03-04");
        crate::model::sample::add_crm_migration(&mut plan, today, &mut ids).expect("sample");
        let file = workspace_file(&plan);
        assert_eq!(
            export_workspace(&plan),
            serde_json::to_string_pretty(&file).expect("serializes")
        );
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::indent;
    use proptest::prelude::*;
    use serde_json::Value;

    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |x| x.is_finite())
                .prop_map(Value::from),
            // Quotes, backslashes, structure characters and other scripts inside strings.
            "[a-z\\\\\"{}\\[\\],: é漢\\n\\t\u{1F600}]{0,8}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[a-z\\\\\":{}, ]{0,6}", inner, 0..6)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn indenting_compact_json_gives_serde_jsons_pretty_json(value in json()) {
            let compact = serde_json::to_string(&value).expect("serializes");
            let pretty = serde_json::to_string_pretty(&value).expect("serializes");
            prop_assert_eq!(indent(&compact), pretty);
        }
    }
}
