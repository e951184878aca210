//! Invariants of the code's shape: the model never touches the web, the clock or the RNG,
//! and the store is the only writer. Host only.

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
