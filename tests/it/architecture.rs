//! Invariants of the code's shape: the model never touches the web, the clock or the RNG,
//! the store is the only writer, and the model's folders stack as layers (plan at the bottom).
//! Host only.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("source folder is readable") {
        let path = entry.expect("entry is readable").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// The code of a file without its comments (line comments and doc comments).
fn code_of(path: &Path) -> String {
    fs::read_to_string(path)
        .expect("source is readable")
        .lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_model_uses_no_web_crate() {
    let forbidden = ["leptos", "web_sys", "gloo", "js_sys", "wasm_bindgen"];
    for file in rust_files(&root().join("src/model")) {
        let code = code_of(&file);
        for name in forbidden {
            assert!(
                !code.contains(name),
                "{} mentions {name}: the model must stay pure",
                file.display()
            );
        }
    }
}

#[test]
fn the_model_never_reads_the_clock_or_the_rng() {
    let forbidden = [
        "Utc::now",
        "Local::now",
        "SystemTime",
        "Instant::now",
        "new_v4",
        "rand::",
    ];
    for file in rust_files(&root().join("src/model")) {
        let code = code_of(&file);
        for name in forbidden {
            assert!(
                !code.contains(name),
                "{} uses {name}: pass time and ids in as parameters",
                file.display()
            );
        }
    }
}

#[test]
fn views_never_write_the_workspace_directly() {
    for file in rust_files(&root().join("src/ui")) {
        let code = code_of(&file);
        for name in ["project_mut(", "workspace.set(", "workspace.update("] {
            assert!(
                !code.contains(name),
                "{} calls {name}: views change data through AppState verbs",
                file.display()
            );
        }
    }
}

#[test]
fn the_ui_does_not_reach_into_persistence() {
    for file in rust_files(&root().join("src/ui")) {
        let code = code_of(&file);
        assert!(
            !code.contains("local_storage") && !code.contains("LocalStorage::"),
            "{} touches storage: only the store persists",
            file.display()
        );
    }
}

/// The module names of a folder of the model: its files and sub-folders.
fn modules_in(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .expect("model folder is readable")
        .map(|entry| entry.expect("entry is readable").path())
        .filter_map(|path| {
            let stem = path.file_stem()?.to_str()?.to_string();
            (path.is_dir() || path.extension().is_some_and(|ext| ext == "rs"))
                .then_some(stem)
                .filter(|stem| stem != "mod")
        })
        .collect()
}

#[test]
fn the_plan_imports_nothing_from_the_layers_above_it() {
    let model = root().join("src/model");
    // The folders above the plan, and every module in them by the root alias it keeps.
    let mut above = vec!["schedule".to_string(), "figures".into(), "views".into()];
    for folder in ["schedule", "figures", "views"] {
        above.extend(modules_in(&model.join(folder)));
    }
    let plan_modules = modules_in(&model.join("plan"));
    above.retain(|name| !plan_modules.contains(name));
    for file in rust_files(&model.join("plan")) {
        let code = code_of(&file);
        for name in &above {
            for path in [
                format!("crate::model::{name}"),
                format!("super::super::{name}"),
            ] {
                let used = code.match_indices(&path).any(|(at, _)| {
                    let next = code[at + path.len()..].chars().next();
                    !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                assert!(
                    !used,
                    "{} imports {path}: the plan is the bottom layer",
                    file.display()
                );
            }
        }
    }
}
