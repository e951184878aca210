//! Feeds arbitrary bytes to the plan-file reader and the storage index reader. Any outcome is
//! fine except a panic, a hang or a crash: `read_plan` must return an error for bad input.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(ironplan::model::io::Plan::Project(imported)) = ironplan::model::io::read_plan(&text) {
        // Whatever imports must export and import again to the same project.
        let again = ironplan::model::io::export_project(&imported.project, &imported.people);
        let reread = ironplan::model::io::read_plan(&again).expect("an export always imports");
        if let ironplan::model::io::Plan::Project(second) = reread {
            assert_eq!(second.project, imported.project);
        }
    }
    let _ = ironplan::model::io::read_index(&text);
});
