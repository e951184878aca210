//! Storage round trips, and the row-by-row reader against the general one.

use super::read::field;
use super::*;
use crate::model::io::limits::Limits;
use crate::model::io::migrate::migrate;
use crate::model::io::{read_plan, Plan as Parsed};
use crate::model::io::{ImportError, ProjectFile};
use crate::model::task::ConstraintKind;
use crate::model::testing::Plan;
use chrono::NaiveDate;
use serde_json::Value;

#[test]
fn constraints_and_deadlines_survive_storage() {
    let mut plan = Plan::new("2026-03-02");
    let first = plan.task("First", "2026-03-02", "2026-03-04", 8, None);
    let day = plan.project().start + chrono::Days::new(40);
    for kind in ConstraintKind::ALL {
        plan.edit(first, |task| {
            task.constraint = kind.with_date(day);
            task.deadline = Some(day);
        });
        let text = write_compact_project(plan.project(), &[], 3);
        let Ok(Parsed::Project(imported)) = read_plan(&text) else {
            panic!("the stored project reads back: {text}");
        };
        assert_eq!(&imported.project, plan.project());
    }
}

#[test]
fn ids_round_trip_through_base64url() {
    for value in [
        0u128,
        1,
        u128::MAX,
        0x0123_4567_89ab_cdef_0011_2233_4455_6677,
    ] {
        let id = Uuid::from_u128(value);
        let text = encode_id(id);
        assert_eq!(text.len(), 22);
        assert_eq!(decode_id(&text), Some(id));
    }
    assert_eq!(decode_id("too short"), None);
    assert_eq!(decode_id("!!!!!!!!!!!!!!!!!!!!!!"), None);
}

use crate::model::io::limits::DEFAULT_LIMITS;
use crate::model::io::read::strict_value;
use crate::model::{sample, SequentialIds, Workspace};
use proptest::prelude::*;

fn sample_text() -> String {
    let mut workspace = Workspace::default();
    let mut ids = SequentialIds::default();
    let today = NaiveDate::from_ymd_opt(2027, 3, 1).expect("valid date");
    let id = sample::add_crm_migration(&mut workspace, today, &mut ids).expect("sample");
    let project = workspace.project(id).expect("exists");
    write_compact_project(project, workspace.people(), 3)
}

/// The general path of `read_plan` for stored text, up to validation.
fn general(text: &str) -> Result<ProjectFile, ImportError> {
    DEFAULT_LIMITS.check_depth(text)?;
    let value = strict_value(text)?;
    DEFAULT_LIMITS.check_value(&value)?;
    let value = migrate(value)?;
    if value.get("kind").and_then(Value::as_str) != Some("stored_project") {
        return Err(field("kind", "not stored"));
    }
    read_compact(value)
}

#[test]
fn the_row_by_row_reader_gives_what_the_general_reader_gives() {
    let text = sample_text();
    let fast = read_stored(&text, &DEFAULT_LIMITS).expect("reads row by row");
    assert_eq!(Ok(fast), general(&text));
}

#[test]
fn the_row_by_row_reader_leaves_limits_to_the_general_reader() {
    let text = sample_text();
    let tight = Limits {
        max_tasks: 3,
        ..DEFAULT_LIMITS
    };
    assert_eq!(read_stored(&text, &tight), None);
    let short = Limits {
        max_string_chars: 10,
        ..DEFAULT_LIMITS
    };
    assert_eq!(read_stored(&text, &short), None);
    let repeated = text.replacen("{\"revision\":3,", "{\"revision\":3,\"revision\":3,", 1);
    assert_eq!(read_stored(&repeated, &DEFAULT_LIMITS), None);
    let trailing = format!("{text} x");
    assert_eq!(read_stored(&trailing, &DEFAULT_LIMITS), None);
}

proptest! {
    /// Whatever one changed character does to stored text, the row-by-row reader accepts it
    /// only when the general reader accepts it too, and reads the same project.
    #[test]
    fn the_row_by_row_reader_never_accepts_what_the_general_reader_refuses(
        at in 0usize..100_000,
        replacement in prop::sample::select(vec!['0', '7', '-', '"', ',', '[', ']', '{', '}', 'n', 'x', ' ']),
        cut in prop::bool::weighted(0.1),
    ) {
        let text = sample_text();
        let mut bytes = text.into_bytes();
        let at = at % bytes.len();
        if cut {
            bytes.truncate(at);
        } else {
            bytes[at] = replacement as u8;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            return Ok(());
        };
        if let Some(fast) = read_stored(&text, &DEFAULT_LIMITS) {
            prop_assert_eq!(Ok(fast), general(&text));
        }
    }
}
