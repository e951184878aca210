//! Tests for the CSV reader, importer and writer, on files in the shapes each tool exports
//! (`tests/fixtures/csv/`).

use super::*;
use crate::model::io::read_plan;
use crate::model::testing::{date, Plan};
use crate::model::{
    ColumnCategory, Dependency, Hours, LinkKind, Person, PersonId, Priority, Progress, Project,
    SequentialIds, Task,
};
use proptest::prelude::*;

const TODAY: &str = "2026-01-02";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/csv/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).expect("fixture exists")
}

fn table(name: &str) -> CsvTable {
    read_table(&fixture(name), name).expect("fixture reads")
}

/// Imports with the guessed mapping and date format, as "Map columns" opens.
fn import_guessed(table: &CsvTable, roster: &[Person]) -> CsvImport {
    let fields = guess_mapping(table);
    let date_format = guess_date_format(date_cells(table, &fields)).format;
    let mapping = CsvMapping {
        fields,
        date_format,
        project_name: String::new(),
    };
    import_csv(
        table,
        &mapping,
        date(TODAY),
        roster,
        &mut SequentialIds::starting_at(1000),
    )
    .expect("the import succeeds")
}

fn task<'a>(import: &'a CsvImport, title: &str) -> &'a Task {
    import
        .file
        .project
        .tasks()
        .iter()
        .find(|task| task.title == title)
        .unwrap_or_else(|| panic!("{title} was imported"))
}

fn status<'a>(import: &'a CsvImport, task: &Task) -> &'a str {
    &import
        .file
        .project
        .column(task.column)
        .expect("the column exists")
        .name
}

fn assignee<'a>(import: &'a CsvImport, task: &Task) -> Option<&'a str> {
    let id = task.assignee?;
    import
        .file
        .people
        .iter()
        .find(|person| person.id == id)
        .map(|person| person.name.as_str())
}

fn kinds(import: &CsvImport) -> Vec<(usize, ProblemKind)> {
    import
        .problems
        .iter()
        .map(|problem| (problem.row, problem.kind.clone()))
        .collect()
}

/// The import as a plan file reads back through the ordinary checks.
fn assert_valid(import: &CsvImport) {
    let json = serde_json::to_string(&import.file).expect("files serialize");
    read_plan(&json).expect("the imported project passes the plan-file checks");
}

// ----- Reading -----

#[test]
fn windows_1252_bytes_become_their_characters_and_the_encoding_is_reported() {
    let decoded = decode_text(b"Stra\xdfe \x80 \x93ok\x94 \x81");
    assert_eq!(decoded.encoding, Encoding::Windows1252);
    assert_eq!(decoded.text, "Straße € “ok” \u{81}");
}

#[test]
fn utf8_with_and_without_a_byte_order_mark_and_utf16_are_told_apart() {
    assert_eq!(decode_text("é".as_bytes()).encoding, Encoding::Utf8);
    let with_bom = decode_text(b"\xEF\xBB\xBFTitle");
    assert_eq!(
        (with_bom.encoding, with_bom.text.as_str()),
        (Encoding::Utf8Bom, "Title")
    );
    let mut big_endian = vec![0xFE, 0xFF];
    big_endian.extend("Aé".encode_utf16().flat_map(u16::to_be_bytes));
    let decoded = decode_text(&big_endian);
    assert_eq!(
        (decoded.encoding, decoded.text.as_str()),
        (Encoding::Utf16, "Aé")
    );
}

#[test]
fn quoted_cells_keep_their_commas_quotes_and_line_breaks() {
    let jira = table("jira.csv");
    assert_eq!(jira.encoding, Encoding::Utf8Bom);
    assert_eq!(jira.headers[0], "Summary");
    assert_eq!(jira.rows.len(), 5);
    assert_eq!(
        jira.cell(1, 16),
        "Export every account.\nKeep the \"legacy\" IDs."
    );
    assert_eq!(
        jira.rows[2].line, 5,
        "the quoted line break moves the next row"
    );
    assert_eq!(
        jira.cell(0, 16),
        "The whole move, from the old CRM to the new one."
    );
}

#[test]
fn semicolons_tabs_and_excel_separator_lines_are_detected() {
    let german = table("excel-de.csv");
    assert_eq!(german.delimiter, Delimiter::Semicolon);
    assert_eq!(german.encoding, Encoding::Windows1252);
    assert_eq!(german.headers[2], "Zuständig");
    assert_eq!(german.cell(1, 5), "„fertig“");

    let unicode = table("excel-unicode.tsv");
    assert_eq!(
        (unicode.delimiter, unicode.encoding),
        (Delimiter::Tab, Encoding::Utf16)
    );
    assert_eq!(unicode.cell(1, 0), "日本語");

    let announced =
        read_table(b"sep=;\r\nTitle;Start\r\nA, B;2026-01-05\r\n", "x.csv").expect("reads");
    assert_eq!(announced.delimiter, Delimiter::Semicolon);
    assert_eq!(announced.cell(0, 0), "A, B");
    assert_eq!(announced.rows[0].line, 3);

    let quoted_commas = read_table(b"Title;Start\n\"a, b, c\";x\n", "x.csv").expect("reads");
    assert_eq!(quoted_commas.delimiter, Delimiter::Semicolon);
}

#[test]
fn ragged_rows_are_padded_and_marked() {
    let bad = table("bad-rows.csv");
    let short = bad.rows.last().expect("rows");
    assert_eq!(short.ragged, Some(2));
    assert_eq!(short.cells.len(), 5);
}

#[test]
fn empty_and_oversized_files_are_refused_with_where_and_why() {
    assert_eq!(read_table(b"", "a.csv"), Err(CsvError::Empty));
    assert_eq!(read_table(b" \r\n ", "a.csv"), Err(CsvError::Empty));
    let limits = CsvLimits {
        max_bytes: 1000,
        max_rows: 2,
        max_columns: 3,
        max_cell_chars: 10,
    };
    assert_eq!(
        read_table_with(&[b'a'; 1001], "a.csv", &limits),
        Err(CsvError::TooLarge {
            size: 1001,
            limit: 1000
        })
    );
    assert_eq!(
        read_table_with(b"a,b,c,d\n", "a.csv", &limits),
        Err(CsvError::TooManyColumns { count: 4, limit: 3 })
    );
    assert_eq!(
        read_table_with(b"a\n1\n2\n3\n", "a.csv", &limits),
        Err(CsvError::TooManyRows { limit: 2 })
    );
    assert_eq!(
        read_table_with(b"a,b\n1,\"eleven long\"\n", "a.csv", &limits),
        Err(CsvError::CellTooLong {
            line: 2,
            column: 2,
            length: 11,
            limit: 10
        })
    );
}

// ----- Mapping -----

#[test]
fn headers_of_each_tool_are_recognised() {
    use CsvField::*;
    let cases: [(&str, Vec<CsvField>); 6] = [
        (
            "jira.csv",
            vec![
                Title,
                Id,
                Id,
                Parent,
                Parent,
                Ignore,
                Status,
                Priority,
                Assignee,
                Ignore,
                Tags,
                Tags,
                Tags,
                StartDate,
                EndDate,
                EstimateSeconds,
                Description,
            ],
        ),
        (
            "trello.csv",
            vec![
                Id,
                Title,
                Ignore,
                Description,
                Tags,
                Assignee,
                EndDate,
                StartDate,
                Status,
                Ignore,
            ],
        ),
        (
            "monday.csv",
            vec![
                Title, Ignore, Assignee, Status, StartDate, EndDate, Priority,
            ],
        ),
        (
            "asana.csv",
            vec![
                Id,
                Ignore,
                Ignore,
                Ignore,
                Title,
                Status,
                Assignee,
                Ignore,
                StartDate,
                EndDate,
                Tags,
                Description,
                Ignore,
                Parent,
                Predecessors,
                Ignore,
            ],
        ),
        (
            "smartsheet.csv",
            vec![
                Title,
                StartDate,
                EndDate,
                Duration,
                Predecessors,
                Assignee,
                Progress,
                Status,
            ],
        ),
        (
            "msproject.csv",
            vec![
                Id,
                Title,
                Duration,
                StartDate,
                EndDate,
                Predecessors,
                Assignee,
                OutlineLevel,
                Progress,
            ],
        ),
    ];
    for (name, expected) in cases {
        assert_eq!(guess_mapping(&table(name)), expected, "{name}");
    }
}

#[test]
fn jira_custom_fields_and_odd_spacing_are_recognised() {
    assert_eq!(normalize_header("Custom field (Start date)"), "start date");
    assert_eq!(normalize_header("  Due   Date "), "due date");
    let table = read_table(b"Custom field (Start date),Summary,Created\n", "x.csv").expect("reads");
    assert_eq!(
        guess_mapping(&table),
        vec![CsvField::StartDate, CsvField::Title, CsvField::Ignore],
        "Created stands in for the start only when nothing else does"
    );
}

#[test]
fn every_field_has_a_key_that_reads_back() {
    for field in CsvField::ALL {
        assert_eq!(CsvField::from_key(field.key()), Some(field));
    }
    for format in DateFormat::ALL {
        assert_eq!(DateFormat::from_key(format.key()), Some(format));
    }
}

// ----- Values -----

#[test]
fn dates_read_in_every_shape_the_tools_write() {
    let d = |text: &str, format| parse_date(text, format);
    let mdy = Some(DateFormat::MonthDayYear);
    let dmy = Some(DateFormat::DayMonthYear);
    assert_eq!(d("2026-03-05", None), Ok(date("2026-03-05")));
    assert_eq!(d("2026/3/5", dmy), Ok(date("2026-03-05")));
    assert_eq!(d("2026-01-15T17:00:00.000Z", None), Ok(date("2026-01-15")));
    assert_eq!(d("05/Mar/27 9:12 AM", None), Ok(date("2027-03-05")));
    assert_eq!(d("5-mar-2026", None), Ok(date("2026-03-05")));
    assert_eq!(d("March 5, 2026", None), Ok(date("2026-03-05")));
    assert_eq!(d("Sept 5 2026", None), Ok(date("2026-09-05")));
    assert_eq!(d("Mon 1/5/26", mdy), Ok(date("2026-01-05")));
    assert_eq!(d("03/04/2026", mdy), Ok(date("2026-03-04")));
    assert_eq!(d("03/04/2026", dmy), Ok(date("2026-04-03")));
    assert_eq!(d("13.01.2026", dmy), Ok(date("2026-01-13")));
    assert_eq!(d("1/5/26 8:00", mdy), Ok(date("2026-01-05")));
    assert!(matches!(
        d("03/04/2026", None),
        Err(ProblemKind::AmbiguousDate { .. })
    ));
    for bad in [
        "2026-02-30",
        "13/13/2026",
        "soon",
        "05/Foo/27",
        "1/2",
        "3000-01-01",
    ] {
        assert!(
            matches!(d(bad, mdy), Err(ProblemKind::BadDate { .. })),
            "{bad}"
        );
    }
    assert_eq!(
        parse_date_range("2026-01-05 - 2026-01-09", None),
        Ok((date("2026-01-05"), date("2026-01-09")))
    );
}

#[test]
fn the_date_format_is_guessed_and_ambiguity_is_said() {
    let guess = |values: &[&str]| guess_date_format(values.iter().copied());
    assert_eq!(
        guess(&["2026-01-05", "05/Mar/27"]),
        DateGuess {
            format: Some(DateFormat::YearMonthDay),
            ambiguous: false
        }
    );
    assert_eq!(
        guess(&["03/04/2026", "13/04/2026"]).format,
        Some(DateFormat::DayMonthYear)
    );
    assert_eq!(
        guess(&["03/04/2026", "04/13/2026"]).format,
        Some(DateFormat::MonthDayYear)
    );
    assert_eq!(
        guess(&["03/04/2026", "01/02/2026 - 02/02/2026"]),
        DateGuess {
            format: None,
            ambiguous: true
        }
    );
}

#[test]
fn durations_estimates_and_progress_read_with_their_units() {
    assert_eq!(parse_duration("3d"), Some(3));
    assert_eq!(parse_duration("2w"), Some(10));
    assert_eq!(parse_duration("4h"), Some(1));
    assert_eq!(parse_duration("10 days?"), Some(10));
    assert_eq!(parse_duration("1.5 days"), Some(2));
    assert_eq!(parse_duration("0"), Some(0));
    assert_eq!(parse_duration("5"), Some(5));
    assert_eq!(parse_duration("soon"), None);
    assert_eq!(parse_estimate("28800", true), Some(Hours::whole(8)));
    assert_eq!(parse_estimate("1w 2d 4h", false), Some(Hours::whole(60)));
    assert_eq!(parse_estimate("40 hrs", false), Some(Hours::whole(40)));
    assert_eq!(parse_estimate("2,5", false), Some(Hours::from_centi(250)));
    assert_eq!(parse_estimate("-3", false), None);
    assert_eq!(parse_progress("50%"), Progress::new(50).ok());
    assert_eq!(parse_progress("0.25"), Progress::new(25).ok());
    assert_eq!(parse_progress("100"), Some(Progress::DONE));
    assert_eq!(parse_progress("150%"), None);
}

#[test]
fn predecessor_entries_read_their_kind_and_lag() {
    let none = |_: &str| false;
    let entry = |text: &str| parse_predecessor(text, &none);
    let reference = |key: &str, kind, lag| {
        Some(PredecessorRef {
            key: key.to_string(),
            kind,
            lag,
        })
    };
    assert_eq!(entry("4"), reference("4", LinkKind::FinishToStart, 0));
    assert_eq!(entry("3FS+2d"), reference("3", LinkKind::FinishToStart, 2));
    assert_eq!(entry("5ss"), reference("5", LinkKind::StartToStart, 0));
    assert_eq!(
        entry("7FF-1 day"),
        reference("7", LinkKind::FinishToFinish, -1)
    );
    assert_eq!(entry("2SF+1w"), reference("2", LinkKind::StartToFinish, 5));
    assert_eq!(entry("3+2d"), reference("3", LinkKind::FinishToStart, 2));
    assert_eq!(entry("3FS+50%"), None);
    let jira_key = |text: &str| text == "PROJ-12";
    assert_eq!(
        parse_predecessor("PROJ-12", &jira_key),
        reference("PROJ-12", LinkKind::FinishToStart, 0)
    );
    assert_eq!(
        parse_predecessor("PROJ-12SS+1d", &jira_key),
        reference("PROJ-12", LinkKind::StartToStart, 1)
    );
}

// ----- Importing each tool's file -----

#[test]
fn a_jira_export_imports_with_its_hierarchy_labels_and_estimates() {
    let import = import_guessed(&table("jira.csv"), &[]);
    assert_valid(&import);
    assert_eq!(import.file.project.name, "jira");
    assert_eq!(import.counts.tasks, 5);
    let epic = task(&import, "CRM migration");
    let export = task(&import, "Export customer data");
    let map = task(&import, "Map fields");
    assert_eq!(export.parent, Some(epic.id), "Parent names the Issue id");
    assert_eq!(map.parent, Some(epic.id));
    assert_eq!(
        export.tags,
        vec!["data", "backend"],
        "every Labels column adds"
    );
    assert_eq!(export.estimate, Hours::whole(16), "seconds become hours");
    assert_eq!(
        (export.start, export.end),
        (date("2026-01-05"), date("2026-01-16"))
    );
    assert_eq!(status(&import, export), "Done");
    assert_eq!(export.progress, Progress::DONE);
    assert_eq!(
        status(&import, map),
        "In Review",
        "unknown statuses become columns"
    );
    assert_eq!(map.priority, Priority::Urgent);
    assert_eq!(assignee(&import, map), Some("Grace Hopper"));
    assert!(export.description.contains("\"legacy\""));
    let review = import
        .file
        .project
        .columns()
        .iter()
        .find(|column| column.name == "In Review")
        .expect("a new column");
    assert_eq!(review.category, ColumnCategory::InProgress);
    let go_live = task(&import, "Go live");
    assert_eq!(go_live.priority, Priority::Urgent);
    assert_eq!(import.counts.people_added, 3);
    assert_eq!(import.encoding, Encoding::Utf8Bom);
    assert!(import.problems.is_empty(), "{:?}", import.problems);
}

#[test]
fn people_already_in_the_roster_are_matched_by_name() {
    let mut ids = SequentialIds::starting_at(50);
    let ada = Person::new(PersonId::new(&mut ids), "ada lovelace");
    let import = import_guessed(&table("jira.csv"), std::slice::from_ref(&ada));
    assert_eq!(import.counts.people_matched, 1);
    assert_eq!(import.counts.people_added, 2);
    assert_eq!(task(&import, "CRM migration").assignee, Some(ada.id));
    assert!(import.file.people.contains(&ada));
}

#[test]
fn a_trello_export_imports_lists_as_columns_and_drops_label_colours() {
    let import = import_guessed(&table("trello.csv"), &[]);
    assert_valid(&import);
    let landing = task(&import, "Design the landing page");
    assert_eq!(landing.tags, vec!["Design"]);
    assert_eq!(status(&import, landing), "Doing");
    assert_eq!(assignee(&import, landing), Some("Ada Lovelace"));
    assert!(landing.description.contains("Also assigned: Grace Hopper"));
    assert_eq!(
        (landing.start, landing.end),
        (date("2026-02-02"), date("2026-02-06"))
    );
    let copy = task(&import, "Write the copy");
    assert_eq!(copy.tags, vec!["Content", "Urgent"]);
    assert_eq!((copy.start, copy.end), (copy.end, date("2026-02-04")));
    let domain = task(&import, "Buy the domain");
    assert_eq!(
        domain.start, import.file.project.start,
        "an undated card starts with the project"
    );
    assert!(kinds(&import)
        .iter()
        .any(|(row, kind)| *row == 1 && matches!(kind, ProblemKind::ExtraAssignees { .. })));
}

#[test]
fn a_monday_export_reads_timelines_and_single_dates() {
    let import = import_guessed(&table("monday.csv"), &[]);
    assert_valid(&import);
    let review = task(&import, "Vendor review");
    assert_eq!(
        (review.start, review.end),
        (date("2026-01-07"), date("2026-01-16"))
    );
    assert_eq!(status(&import, review), "Working on it");
    let signed = task(&import, "Contract signed");
    assert_eq!(
        (signed.start, signed.end),
        (date("2026-01-20"), date("2026-01-20"))
    );
    assert_eq!(signed.priority, Priority::Urgent);
    assert_eq!(status(&import, task(&import, "Kick-off")), "Done");
}

#[test]
fn an_asana_export_finds_parents_by_name_and_links_by_task_id() {
    let import = import_guessed(&table("asana.csv"), &[]);
    assert_valid(&import);
    let launch = task(&import, "Launch");
    let specs = task(&import, "Write specs");
    let pages = task(&import, "Build pages");
    assert_eq!(specs.parent, Some(launch.id));
    assert_eq!(pages.parent, Some(launch.id));
    assert_eq!(
        pages.dependencies,
        vec![Dependency::finish_to_start(specs.id)]
    );
    assert_eq!(specs.tags, vec!["docs", "specs"]);
    assert_eq!(status(&import, specs), "Planning");
}

#[test]
fn a_smartsheet_sheet_places_undated_rows_after_their_predecessors() {
    let sheet = table("smartsheet.csv");
    let fields = guess_mapping(&sheet);
    assert_eq!(
        guess_date_format(date_cells(&sheet, &fields)).format,
        Some(DateFormat::MonthDayYear)
    );
    let import = import_guessed(&sheet, &[]);
    assert_valid(&import);
    let build = task(&import, "Build");
    let test = task(&import, "Test");
    let release = task(&import, "Release");
    assert_eq!(
        test.dependencies,
        vec![Dependency {
            predecessor: build.id,
            kind: LinkKind::FinishToStart,
            lag: 2
        }]
    );
    // Build ends Friday 23 January; two working days of lag, then three days of work.
    assert_eq!(
        (test.start, test.end),
        (date("2026-01-28"), date("2026-01-30"))
    );
    assert!(release.milestone, "a duration of 0 is a milestone");
    assert_eq!(release.dependencies.len(), 2);
    assert_eq!(
        release.start, test.end,
        "a milestone sits on its predecessor's finish"
    );
    assert_eq!(build.progress, Progress::new(50).expect("valid"));
    assert_eq!(import.counts.dependencies, 4);
}

#[test]
fn an_ms_project_excel_export_builds_the_outline_from_levels() {
    let import = import_guessed(&table("msproject.csv"), &[]);
    assert_valid(&import);
    let migration = task(&import, "Migration");
    let analysis = task(&import, "Analysis");
    let build = task(&import, "Build");
    assert_eq!(analysis.parent, Some(migration.id));
    assert_eq!(build.parent, Some(migration.id));
    assert_eq!(task(&import, "Done").parent, None);
    assert!(task(&import, "Done").milestone);
    assert_eq!(assignee(&import, analysis), Some("Ada Lovelace"));
    assert_eq!(
        build.dependencies,
        vec![Dependency::finish_to_start(analysis.id)]
    );
    assert_eq!(
        (build.start, build.end),
        (date("2026-01-12"), date("2026-01-23"))
    );
}

#[test]
fn a_german_windows_1252_file_imports_with_a_chosen_mapping() {
    let german = table("excel-de.csv");
    use CsvField::*;
    let mapping = CsvMapping {
        fields: vec![Title, Status, Assignee, StartDate, EndDate, Description],
        date_format: guess_date_format(["13.01.2026"]).format,
        project_name: "  Straßen ".to_string(),
    };
    let import = import_csv(
        &german,
        &mapping,
        date(TODAY),
        &[],
        &mut SequentialIds::default(),
    )
    .expect("imports");
    assert_valid(&import);
    assert_eq!(import.encoding, Encoding::Windows1252);
    assert_eq!(import.file.project.name, "Straßen");
    let plan = task(&import, "Straßenplan prüfen");
    assert_eq!(assignee(&import, plan), Some("Jürgen Müller"));
    assert_eq!(plan.description, "Größe: 5 €");
    assert_eq!(plan.end, date("2026-01-16"));
    assert_eq!(import.counts.columns_added, 2);
}

#[test]
fn ambiguous_dates_need_a_format_and_then_read_that_way() {
    let file = table("ambiguous.csv");
    let fields = guess_mapping(&file);
    let guess = guess_date_format(date_cells(&file, &fields));
    assert!(guess.ambiguous);
    let mut mapping = CsvMapping {
        fields,
        date_format: None,
        project_name: "Dates".to_string(),
    };
    let unread = preview(&file, &mapping, date(TODAY), &[]).expect("previews");
    assert_eq!(unread.counts.tasks, 0);
    assert!(unread.problems.iter().all(
        |problem| problem.skipped && matches!(problem.kind, ProblemKind::AmbiguousDate { .. })
    ));
    mapping.date_format = Some(DateFormat::DayMonthYear);
    let european = preview(&file, &mapping, date(TODAY), &[]).expect("previews");
    assert_eq!(european.preview[0].start, date("2026-04-03"));
    mapping.date_format = Some(DateFormat::MonthDayYear);
    let american = preview(&file, &mapping, date(TODAY), &[]).expect("previews");
    assert_eq!(american.preview[0].start, date("2026-03-04"));
    assert_eq!(american.preview[1].end, date("2026-02-02"));
}

#[test]
fn unreadable_rows_are_listed_with_their_row_and_the_rest_imports() {
    let import = import_guessed(&table("bad-rows.csv"), &[]);
    assert_valid(&import);
    assert_eq!(import.counts.rows, 6);
    assert_eq!(import.counts.tasks, 4);
    assert_eq!(import.counts.rows_skipped, 2);
    let problems = kinds(&import);
    assert!(problems.contains(&(2, ProblemKind::MissingTitle)));
    assert!(problems.contains(&(
        3,
        ProblemKind::BadDate {
            text: "2026-02-30".into()
        }
    )));
    assert!(problems.contains(&(4, ProblemKind::UnknownPredecessor { text: "9".into() })));
    assert!(problems.contains(&(
        5,
        ProblemKind::UnknownPriority {
            text: "Someday".into()
        }
    )));
    assert!(problems.contains(&(
        6,
        ProblemKind::RaggedRow {
            found: 2,
            expected: 5
        }
    )));
    let bad_date = import
        .problems
        .iter()
        .find(|problem| problem.row == 3)
        .expect("listed");
    assert_eq!(
        (bad_date.line, bad_date.column.as_deref(), bad_date.skipped),
        (4, Some("Start"), true)
    );
    let odd = task(&import, "Odd priority");
    assert_eq!(odd.priority, Priority::Medium);
    assert_eq!(
        odd.dependencies,
        vec![Dependency::finish_to_start(task(&import, "Good").id)]
    );
}

#[test]
fn links_that_would_loop_or_join_a_summary_to_its_subtasks_are_left_out() {
    let file = read_table(
        b"ID,Title,Parent,Predecessors\n\
          1,Phase,,\n\
          2,Design,1,1\n\
          3,Build,1,4\n\
          4,Test,,3\n\
          5,Self,,5\n",
        "loops.csv",
    )
    .expect("reads");
    let import = import_guessed(&file, &[]);
    assert_valid(&import);
    let problems = kinds(&import);
    assert!(problems.contains(&(2, ProblemKind::LinkWithinHierarchy { text: "1".into() })));
    assert!(problems.contains(&(5, ProblemKind::SelfPredecessor { text: "5".into() })));
    assert!(problems
        .iter()
        .any(|(row, kind)| *row == 4 && matches!(kind, ProblemKind::LinkLoop { .. })));
    assert_eq!(import.counts.dependencies, 1);
}

#[test]
fn parents_that_loop_or_do_not_exist_leave_the_task_at_the_top() {
    let file = read_table(
        b"ID,Title,Parent\nA,One,B\nB,Two,A\nC,Three,Z\n",
        "parents.csv",
    )
    .expect("reads");
    let import = import_guessed(&file, &[]);
    assert_valid(&import);
    let problems = kinds(&import);
    assert!(problems
        .iter()
        .any(|(_, kind)| matches!(kind, ProblemKind::ParentLoop { .. })));
    assert!(problems.contains(&(3, ProblemKind::UnknownParent { text: "Z".into() })));
}

#[test]
fn a_file_with_no_title_column_or_a_wrong_mapping_is_refused() {
    let file = table("ambiguous.csv");
    let mapping = CsvMapping {
        fields: vec![CsvField::Ignore; 3],
        date_format: None,
        project_name: String::new(),
    };
    assert_eq!(
        import_csv(
            &file,
            &mapping,
            date(TODAY),
            &[],
            &mut SequentialIds::default()
        ),
        Err(CsvError::NoTitleColumn)
    );
    let short = CsvMapping {
        fields: vec![CsvField::Title],
        ..mapping
    };
    assert_eq!(
        import_csv(
            &file,
            &short,
            date(TODAY),
            &[],
            &mut SequentialIds::default()
        ),
        Err(CsvError::MappingMismatch {
            fields: 1,
            columns: 3
        })
    );
}

#[test]
fn the_preview_shows_the_first_five_tasks_as_they_will_arrive() {
    let rows: String = (1..=8)
        .map(|n| format!("Task {n},2026-01-0{n},{}\n", if n > 1 { n - 1 } else { 0 }))
        .collect();
    let text = format!("Title,Start,Predecessors\n{rows}");
    let file = read_table(text.as_bytes(), "x.csv").expect("reads");
    let import = import_guessed(&file, &[]);
    assert_eq!(import.preview.len(), PREVIEW_TASKS);
    assert_eq!(import.preview[2].title, "Task 3");
    assert_eq!(import.preview[2].predecessors, "2");
    assert_eq!(import.preview[2].status, "To do");
    assert!(kinds(&import).contains(&(1, ProblemKind::UnknownPredecessor { text: "0".into() })));
}

// ----- Writing -----

fn sample_plan() -> Plan {
    let mut plan = Plan::new("2026-01-05");
    let ada = plan.person("Ada Lovelace", 10_000);
    let phase = plan.task("Phase, one", "2026-01-05", "2026-01-16", 0, None);
    let design = plan.task(
        "=HYPERLINK(\"x\")",
        "2026-01-05",
        "2026-01-07",
        16,
        Some(ada),
    );
    let build = plan.task(
        "Build \"core\"\nmodule",
        "2026-01-08",
        "2026-01-16",
        40,
        None,
    );
    let done = plan.task("Launch", "2026-01-19", "2026-01-19", 0, None);
    plan.edit(design, |task| {
        task.parent = Some(phase);
        task.tags = vec!["-urgent".into(), "ops".into()];
        task.priority = Priority::High;
    });
    plan.edit(build, |task| task.parent = Some(phase));
    plan.edit(done, |task| task.milestone = true);
    let link = |predecessor, kind, lag| Dependency {
        predecessor,
        kind,
        lag,
    };
    plan.link(build, link(design, LinkKind::FinishToStart, 0));
    plan.link(done, link(build, LinkKind::FinishToStart, 1));
    plan.link(done, link(design, LinkKind::StartToStart, -2));
    plan
}

#[test]
fn the_export_is_rfc_4180_with_crlf_a_byte_order_mark_and_guarded_cells() {
    let plan = sample_plan();
    let text = export_csv(plan.project(), plan.workspace.people());
    assert!(text.starts_with("\u{feff}ID,WBS,Title,Status,Assignee,Start,End,Duration,Estimate (hours),Progress (%),Milestone,Priority,Tags,Predecessors,Cost\r\n"));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[1],
        "1,1,\"Phase, one\",To do,,2026-01-05,2026-01-16,10,0,0,No,Medium,,,0.00"
    );
    assert_eq!(
        lines[2],
        "2,1.1,\"'=HYPERLINK(\"\"x\"\")\",To do,Ada Lovelace,2026-01-05,2026-01-07,3,16,0,No,High,\"'-urgent, ops\",,1600.00"
    );
    assert!(
        text.contains("\"Build \"\"core\"\" module\""),
        "titles are one line in the model"
    );
    assert!(text.contains(",4,1.2,") || text.contains("\r\n3,1.2,"));
    assert!(text.contains(",Yes,Medium,,\"3FS+1d, 2SS-2d\",0.00\r\n"));
    assert!(text.ends_with("\r\n"));
}

#[test]
fn every_formula_start_is_guarded_and_unguarded() {
    for start in ['=', '+', '-', '@', '\t', '\r'] {
        let cell = format!("{start}1+1");
        let guarded = guard_cell(&cell);
        assert!(guarded.starts_with('\''));
        assert_eq!(unguard_cell(&guarded), cell);
    }
    assert_eq!(guard_cell("plain"), "plain");
    assert_eq!(unguard_cell("'quoted"), "'quoted");
    assert_eq!(guard_cell("'=1"), "''=1");
    assert_eq!(unguard_cell("''=1"), "'=1");
}

/// What a round trip must keep: each task's title, dates, milestone flag, outline and links
/// (by title, since ids are new).
type Shape = Vec<(
    String,
    String,
    String,
    bool,
    Option<String>,
    Vec<(String, LinkKind, i32)>,
)>;

fn shape(project: &Project) -> Shape {
    let title = |id| {
        project
            .find_task(id)
            .map(|task: &Task| task.title.clone())
            .unwrap_or_default()
    };
    outline(project)
        .into_iter()
        .map(|(task, _)| {
            (
                task.title.clone(),
                task.start.to_string(),
                task.end.to_string(),
                task.milestone,
                task.parent.map(title),
                task.dependencies
                    .iter()
                    .map(|dependency| {
                        (
                            title(dependency.predecessor),
                            dependency.kind,
                            dependency.lag,
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

fn round_trip(project: &Project, people: &[Person]) -> CsvImport {
    let text = export_csv(project, people);
    let file = read_table(text.as_bytes(), "round.csv").expect("our own file reads");
    let import = import_guessed(&file, people);
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    import
}

#[test]
fn importing_our_own_csv_gives_back_the_same_tasks_dates_and_links() {
    let plan = sample_plan();
    let import = round_trip(plan.project(), plan.workspace.people());
    assert_valid(&import);
    assert_eq!(shape(&import.file.project), shape(plan.project()));
    let design = task(&import, "=HYPERLINK(\"x\")");
    assert_eq!(design.tags, vec!["-urgent", "ops"]);
    assert_eq!(design.estimate, Hours::whole(16));
    assert_eq!(design.priority, Priority::High);
    assert_eq!(
        design.assignee,
        plan.workspace.people().first().map(|person| person.id)
    );
}

#[test]
fn the_sample_project_survives_a_round_trip() {
    let mut workspace = crate::model::Workspace::default();
    let id = crate::model::sample::add_crm_migration(
        &mut workspace,
        date("2027-01-04"),
        &mut SequentialIds::default(),
    )
    .expect("the sample builds");
    let project = workspace.project(id).expect("added");
    let import = round_trip(project, workspace.people());
    assert_eq!(shape(&import.file.project), shape(project));
}

prop_compose! {
    /// A plan of up to eight tasks with random dates, outline and links that the model accepts.
    fn random_plan()(
        tasks in prop::collection::vec(
            (0u32..40, 0u32..8, any::<bool>(), "[a-zA-Z=+@,;\"'-][a-zA-Z=+@ ,;\"'-]{0,11}", prop::option::of(0usize..8)),
            1..8,
        ),
        links in prop::collection::vec((0usize..8, 0usize..8, 0usize..4, -3i32..4), 0..10),
    ) -> Project {
        let mut plan = Plan::new("2026-01-05");
        let mut ids = Vec::new();
        for (offset, length, milestone, title, _) in &tasks {
            let start = date("2026-01-05") + chrono::Days::new(u64::from(*offset));
            let end = if *milestone { start } else { start + chrono::Days::new(u64::from(*length)) };
            let id = plan.task(title, &start.to_string(), &end.to_string(), 8, None);
            plan.edit(id, |task| task.milestone = *milestone);
            ids.push(id);
        }
        for (index, (.., parent)) in tasks.iter().enumerate() {
            if let Some(parent) = parent.filter(|parent| *parent < index) {
                let (child, parent) = (ids[index], ids[parent]);
                let mut candidate = plan.project().task(child).expect("exists").clone();
                candidate.parent = Some(parent);
                let today = plan.today;
                let _ = plan.project_mut().update_task(candidate, today);
            }
        }
        for (from, to, kind, lag) in links {
            if from < ids.len() && to < ids.len() {
                let dependency = Dependency { predecessor: ids[from], kind: LinkKind::ALL[kind], lag };
                let _ = plan.project_mut().link_tasks(ids[to], dependency);
            }
        }
        crate::model::schedule::reschedule_all(plan.project_mut());
        plan.project().clone()
    }
}

proptest! {
    #[test]
    fn any_plan_survives_a_csv_round_trip(project in random_plan()) {
        let import = round_trip(&project, &[]);
        prop_assert_eq!(shape(&import.file.project), shape(&project));
    }

    #[test]
    fn any_bytes_read_or_fail_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(file) = read_table(&bytes, "random.csv") {
            let mut fields = guess_mapping(&file);
            if let Some(first) = fields.first_mut() {
                *first = CsvField::Title;
            }
            let mapping = CsvMapping { fields, date_format: Some(DateFormat::DayMonthYear), project_name: String::new() };
            let import = preview(&file, &mapping, date(TODAY), &[]).expect("a titled mapping imports");
            assert_valid(&import);
        }
    }
}

// ----- Through the converter worker -----

mod worker {
    use super::*;
    use crate::model::io::convert::{
        bytes_to_text, decode_response, encode_request, handle, ConvertError, Converted, Format,
        Job, Request, Response,
    };
    use crate::model::io::ics::{IcsInclude, IcsJob, IcsSequences};
    use crate::model::io::{export_project, Plan as PlanFile};

    /// Sends `job` as the app does, checks that the worker reads the request as the typed one
    /// and that the app reads the answer as the typed one, and gives the answer.
    fn answer(job: Job) -> Result<Converted, ConvertError> {
        let request = encode_request(7, &job);
        let typed: Request = serde_json::from_str(&request).expect("a typed request");
        assert_eq!(typed, Request { id: 7, job });
        let text = handle(&request, &mut SequentialIds::default());
        let response: Response = serde_json::from_str(&text).expect("a response");
        assert_eq!(decode_response(&text).as_ref(), Some(&response));
        assert_eq!(response.id, 7);
        response.result
    }

    fn job(name: &str, mapping: Option<CsvMapping>, id_seed: u64) -> CsvJob {
        CsvJob {
            file_name: name.to_string(),
            bytes: bytes_to_text(&fixture(name)),
            mapping,
            today: date(TODAY),
            roster: Vec::new(),
            id_seed,
        }
    }

    #[test]
    fn the_worker_previews_a_csv_file_with_the_guessed_mapping() {
        let Ok(Converted::CsvPreview(result)) = answer(Job::CsvPreview(job("jira.csv", None, 0)))
        else {
            panic!("a preview");
        };
        assert_eq!(result.headers[0], "Summary");
        assert_eq!(result.mapping.fields, guess_mapping(&table("jira.csv")));
        assert_eq!(result.mapping.project_name, "jira");
        assert_eq!(result.preview.len(), PREVIEW_TASKS);
        assert_eq!(result.counts.tasks, 5);
        assert!(!result.date_guess.ambiguous);
    }

    #[test]
    fn a_preview_without_a_title_column_shows_nothing_yet() {
        let mapping = CsvMapping {
            fields: vec![CsvField::Ignore; 3],
            date_format: None,
            project_name: String::new(),
        };
        let Ok(Converted::CsvPreview(result)) =
            answer(Job::CsvPreview(job("ambiguous.csv", Some(mapping), 0)))
        else {
            panic!("a preview");
        };
        assert!(result.preview.is_empty());
        assert_eq!(result.counts.tasks, 0);
    }

    #[test]
    fn the_worker_imports_a_csv_file_with_fresh_ids_each_time() {
        let read = |seed| match answer(Job::CsvImport(job("asana.csv", None, seed))) {
            Ok(Converted::Read { plan, .. }) => match read_plan(&plan) {
                Ok(PlanFile::Project(imported)) => imported,
                other => panic!("a project plan file, not {other:?}"),
            },
            other => panic!("a plan, not {other:?}"),
        };
        let first = read(1);
        let second = read(2);
        assert_eq!(first.project.tasks().len(), 3);
        assert_ne!(first.project.id, second.project.id);
        assert_ne!(first.people[0].id, second.people[0].id);
    }

    #[test]
    fn a_file_that_is_not_csv_gets_a_clear_refusal() {
        assert!(matches!(
            answer(Job::CsvPreview(CsvJob {
                bytes: String::new(),
                ..job("ambiguous.csv", None, 0)
            })),
            Err(ConvertError::Refused { .. })
        ));
    }

    #[test]
    fn the_worker_writes_spreadsheets_and_calendars() {
        let plan = sample_plan();
        let file = export_project(plan.project(), plan.workspace.people());
        let Ok(Converted::Written { text, losses }) = answer(Job::Write {
            format: Format::Csv,
            plan: file.clone(),
        }) else {
            panic!("a spreadsheet");
        };
        assert!(text.starts_with("\u{feff}ID,WBS,Title"));
        assert!(losses.is_empty());
        let Ok(Converted::Calendar { text, sequences }) = answer(Job::WriteCalendar(IcsJob {
            plan: file,
            include: IcsInclude::AllTasks,
            stamp: date(TODAY).and_hms_opt(8, 0, 0).expect("a time"),
            previous: IcsSequences::default(),
        })) else {
            panic!("a calendar");
        };
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert_eq!(sequences.0.len(), plan.project().tasks().len());
        assert_eq!(Format::of_file_name("Export.TSV"), Some(Format::Csv));
        assert_eq!(Format::Ics.file_name("crm.ironplan.json"), "crm.ics");
    }
}
