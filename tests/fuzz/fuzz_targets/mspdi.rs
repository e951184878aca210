//! Feeds arbitrary bytes to the MS Project XML reader. Any outcome is fine except a panic, a
//! hang or a crash: `read_mspdi` must return an error for bad input. Whatever imports must
//! export as MSPDI and import again with the same tasks.

#![no_main]

use ironplan::model::io::mspdi::{read_mspdi, write_mspdi};
use ironplan::model::SequentialIds;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).expect("a date");
    if let Ok(import) = read_mspdi(data, today, &mut SequentialIds::default()) {
        let export = write_mspdi(&import.file.project, &import.file.people);
        let again = read_mspdi(export.xml.as_bytes(), today, &mut SequentialIds::starting_at(1 << 40))
            .expect("an export always imports");
        let ids = |tasks: &[std::sync::Arc<ironplan::model::Task>]| {
            let mut ids: Vec<_> = tasks.iter().map(|task| task.id).collect();
            ids.sort();
            ids
        };
        assert_eq!(ids(again.file.project.tasks()), ids(import.file.project.tasks()));
    }
});
