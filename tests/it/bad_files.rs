//! Every broken or hostile file in tests/fixtures/bad/ is refused (or cleaned) with the message
//! listed in tests/fixtures/bad/expected.json. The e2e suite imports the same files in Chromium.

use ironplan::model::io::{self, ImportError, Limits, ReadPlan, DEFAULT_LIMITS};
use ironplan::model::Workspace;
use ironplan::store::AppError;
use ironplan::ui::messages::describe;
use std::path::PathBuf;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

#[test]
fn every_bad_file_gets_its_message() {
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(folder().join("expected.json")).expect("expected.json exists"),
    )
    .expect("expected.json parses");
    let cases = expected.as_object().expect("a map of file to expectation");
    assert!(cases.len() >= 20, "the corpus covers the known faults");
    for (file, expectation) in cases {
        // Read as the browser reads a picked file: bytes, decoded strictly, then parsed.
        let bytes = std::fs::read(folder().join(file)).expect("fixture is readable");
        let outcome = io::decode_text(&bytes)
            .map_err(AppError::NotText)
            .and_then(|text| io::read_plan(&text).map_err(AppError::Import));
        if let Some(message) = expectation.get("message").and_then(|value| value.as_str()) {
            let error = outcome.expect_err(file);
            let sentence = describe(&error, &Workspace::default());
            assert!(
                sentence.contains(message),
                "{file}: expected the message to contain {message:?}, got {sentence:?}"
            );
        } else {
            let Ok(ReadPlan::Project(imported)) = outcome else {
                panic!("{file} should import");
            };
            let check = &expectation["check"];
            assert_eq!(
                imported.project.name,
                check["project"].as_str().expect("a name")
            );
            let titles: Vec<&str> = imported
                .project
                .tasks()
                .iter()
                .map(|task| task.title.as_str())
                .collect();
            let wanted: Vec<&str> = check["tasks"]
                .as_array()
                .expect("titles")
                .iter()
                .map(|title| title.as_str().expect("a title"))
                .collect();
            assert_eq!(
                titles, wanted,
                "{file}: text is cleaned of deceptive characters"
            );
        }
    }
}

#[test]
fn the_task_limit_is_checked_before_the_typed_parse() {
    let text = include_str!("../fixtures/plan-v2.json");
    let tight = Limits {
        max_tasks: 2,
        ..DEFAULT_LIMITS
    };
    assert_eq!(
        io::read_plan_with(text, &tight),
        Err(ImportError::TooManyTasks { count: 3, limit: 2 })
    );
}

#[test]
fn an_oversized_file_is_refused_by_its_size_alone() {
    assert_eq!(
        DEFAULT_LIMITS.check_size(DEFAULT_LIMITS.max_bytes + 1),
        Err(ImportError::TooLarge {
            size: DEFAULT_LIMITS.max_bytes + 1,
            limit: DEFAULT_LIMITS.max_bytes
        })
    );
}

mod mutations {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Any mangling of a valid file (bytes dropped, replaced or inserted) gives a plan or
        /// an error, never a panic. The fuzz target in tests/fuzz does the same at scale.
        #[test]
        fn a_mangled_plan_file_never_panics(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..12)
        ) {
            let mut bytes = include_str!("../fixtures/plan-v2.json").as_bytes().to_vec();
            for (at, byte, kind) in edits {
                let index = at.index(bytes.len().max(1));
                match kind {
                    0 if !bytes.is_empty() => { bytes.remove(index.min(bytes.len() - 1)); }
                    1 if !bytes.is_empty() => { let len = bytes.len(); bytes[index.min(len - 1)] = byte; }
                    _ => bytes.insert(index.min(bytes.len()), byte),
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            let _ = io::read_plan(&text);
        }
    }
}
