//! MS Project XML against real files: every file of the shared MSPDI corpus (57 files saved by
//! MS Project 2002 to 2019) imports, and what arrives matches what the file says, read here
//! independently with a small quick-xml scan.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ironplan::model::calendar::shift;
use ironplan::model::io::mspdi::{read_mspdi, write_mspdi, LossKind, MspdiImport};
use ironplan::model::SequentialIds;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;
use std::path::PathBuf;

fn corpus() -> Vec<PathBuf> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/mspdi-corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("the MSPDI corpus must be at {}: {error}", folder.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "xml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 57,
        "the corpus holds 57 files, found {}",
        files.len()
    );
    files
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).expect("a date")
}

/// What the file says, from a flat scan: the fields of each `Task` and `Resource`.
#[derive(Default, Debug)]
struct Scanned {
    tasks: Vec<HashMap<String, String>>,
    links: Vec<usize>,
    resources: Vec<HashMap<String, String>>,
    project: HashMap<String, String>,
}

fn scan(text: &str) -> Scanned {
    let mut reader = Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut scanned = Scanned::default();
    let mut current = String::new();
    loop {
        match reader.read_event().expect("corpus files are well-formed") {
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_string();
                let joined = path.join("/");
                if joined == "Project/Tasks" && name == "Task" {
                    scanned.tasks.push(HashMap::new());
                    scanned.links.push(0);
                }
                if joined == "Project/Resources" && name == "Resource" {
                    scanned.resources.push(HashMap::new());
                }
                if joined == "Project/Tasks/Task" && name == "PredecessorLink" {
                    *scanned.links.last_mut().expect("inside a task") += 1;
                }
                path.push(name);
                current.clear();
            }
            Event::Text(text) => current.push_str(&text.xml10_content()),
            Event::GeneralRef(_) => current.push('?'),
            Event::End(_) => {
                let name = path.pop().expect("balanced");
                let joined = path.join("/");
                let value = current.trim().to_string();
                match joined.as_str() {
                    "Project/Tasks/Task" => {
                        scanned
                            .tasks
                            .last_mut()
                            .expect("a task")
                            .insert(name, value);
                    }
                    "Project/Resources/Resource" => {
                        scanned
                            .resources
                            .last_mut()
                            .expect("a resource")
                            .insert(name, value);
                    }
                    "Project" => {
                        scanned.project.insert(name, value);
                    }
                    _ => {}
                }
                current.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    scanned
}

fn moment(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").expect("MSPDI date-times")
}

fn time(project: &HashMap<String, String>, name: &str, default: (u32, u32)) -> NaiveTime {
    project
        .get(name)
        .and_then(|text| NaiveTime::parse_from_str(text, "%H:%M:%S").ok())
        .unwrap_or(NaiveTime::from_hms_opt(default.0, default.1, 0).expect("a time"))
}

fn loss(import: &MspdiImport, kind: LossKind) -> usize {
    import
        .losses
        .iter()
        .filter(|loss| loss.kind == kind)
        .map(|loss| loss.count)
        .sum()
}

fn is_summary_row(task: &HashMap<String, String>) -> bool {
    task.get("OutlineLevel").map(String::as_str) == Some("0")
        || (task.get("UID").map(String::as_str) == Some("0") && !task.contains_key("OutlineLevel"))
}

#[test]
fn every_corpus_file_imports_with_the_counts_and_dates_the_file_gives() {
    for path in corpus() {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).expect("corpus files are readable");
        let text = String::from_utf8(bytes.clone()).expect("corpus files are UTF-8");
        let scanned = scan(&text);
        let import = read_mspdi(&bytes, today(), &mut SequentialIds::default())
            .unwrap_or_else(|error| panic!("{name} does not import: {error}"));
        let project = &import.file.project;

        let rows: Vec<(usize, &HashMap<String, String>)> = scanned
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, task)| !is_summary_row(task))
            .filter(|(_, task)| task.get("IsNull").map(String::as_str) != Some("1"))
            .collect();
        assert_eq!(project.tasks().len(), rows.len(), "{name}: task count");
        assert_eq!(
            import.counts.tasks,
            rows.len(),
            "{name}: reported task count"
        );

        let file_links: usize = rows.iter().map(|(index, _)| scanned.links[*index]).sum();
        let links: usize = project
            .tasks()
            .iter()
            .map(|task| task.dependencies.len())
            .sum();
        let left_out = loss(&import, LossKind::LinksOutsideFile)
            + loss(&import, LossKind::LinksWithinHierarchy)
            + loss(&import, LossKind::LinksInLoops);
        assert_eq!(links + left_out, file_links, "{name}: dependency count");
        assert_eq!(
            import.counts.dependencies, links,
            "{name}: reported dependencies"
        );

        let resources = scanned
            .resources
            .iter()
            .filter(|resource| resource.get("IsNull").map(String::as_str) != Some("1"))
            .filter(|resource| {
                !(resource.get("UID").map(String::as_str) == Some("0")
                    && resource.get("Name").is_none_or(|name| name.is_empty()))
            })
            .count();
        assert_eq!(
            import.file.people.len() + loss(&import, LossKind::MaterialOrCostResources),
            resources,
            "{name}: resource count"
        );

        let day_start = time(&scanned.project, "DefaultStartTime", (8, 0));
        let day_finish = time(&scanned.project, "DefaultFinishTime", (17, 0));
        let calendar = &project.calendar;
        for ((_, row), task) in rows.iter().zip(project.tasks()) {
            let milestone = row.get("Milestone").map(String::as_str) == Some("1");
            let Some(start) = row
                .get("Start")
                .filter(|text| !text.is_empty())
                .map(|t| moment(t))
            else {
                continue;
            };
            let expected_start = if milestone || start.time() < day_finish {
                start.date()
            } else {
                calendar.next_working_day(shift(start.date(), 1))
            };
            assert_eq!(
                task.start, expected_start,
                "{name}: start of {:?}",
                task.title
            );
            if task.milestone {
                assert_eq!(task.end, task.start, "{name}: milestone {:?}", task.title);
                continue;
            }
            let finish = moment(row.get("Finish").expect("tasks with a start have a finish"));
            let expected_end = if finish.time() <= day_start {
                calendar.previous_working_day(shift(finish.date(), -1))
            } else {
                finish.date()
            }
            .max(task.start);
            assert_eq!(task.end, expected_end, "{name}: end of {:?}", task.title);
        }
    }
}

#[test]
fn corpus_files_survive_a_round_trip_through_ironplan() {
    for path in corpus() {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).expect("corpus files are readable");
        let first = read_mspdi(&bytes, today(), &mut SequentialIds::default())
            .unwrap_or_else(|error| panic!("{name} does not import: {error}"));
        let written = write_mspdi(&first.file.project, &first.file.people);
        let second = read_mspdi(
            written.xml.as_bytes(),
            today(),
            &mut SequentialIds::starting_at(1 << 40),
        )
        .unwrap_or_else(|error| panic!("{name} does not import after export: {error}"));
        let (before, after) = (&first.file.project, &second.file.project);
        assert_eq!(after.id, before.id, "{name}: project id");
        assert_eq!(after.tasks().len(), before.tasks().len(), "{name}: tasks");
        for (old, new) in before.tasks().iter().zip(after.tasks()) {
            assert_eq!(new.id, old.id, "{name}: task id");
            assert_eq!(
                (new.start, new.end),
                (old.start, old.end),
                "{name}: dates of {:?}",
                old.title
            );
            assert_eq!(new.title, old.title, "{name}: title");
            assert_eq!(new.parent, old.parent, "{name}: parent of {:?}", old.title);
            assert_eq!(
                new.dependencies, old.dependencies,
                "{name}: links of {:?}",
                old.title
            );
            assert_eq!(
                new.assignee, old.assignee,
                "{name}: assignee of {:?}",
                old.title
            );
        }
        assert_eq!(second.file.people, first.file.people, "{name}: people");
    }
}

#[test]
fn every_loss_is_documented_with_its_wording() {
    let docs = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/interchange.md"),
    )
    .expect("docs/interchange.md exists");
    for kind in LossKind::ALL {
        let line = format!(
            "| `{kind:?}` | {} |",
            ironplan::model::io::mspdi::wording::describe_loss(kind, 2)
        );
        assert!(docs.contains(&line), "docs/interchange.md lacks {line}");
    }
}

#[test]
fn fuzz_seeds_import_or_are_refused_without_a_panic() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/seeds-mspdi");
    let mut imported = 0;
    for entry in std::fs::read_dir(folder).expect("the MSPDI fuzz seeds are in the repository") {
        let bytes = std::fs::read(entry.expect("a seed").path()).expect("a readable seed");
        if read_mspdi(&bytes, today(), &mut SequentialIds::default()).is_ok() {
            imported += 1;
        }
    }
    // The small plan, in UTF-8 and in UTF-16.
    assert_eq!(imported, 2);
}

mod mangled {
    use super::*;
    use ironplan::model::io::{read_plan, write_project_file};
    use proptest::prelude::*;

    /// One edit of a file's lines: a byte of a line replaced by one that matters in dates,
    /// numbers and markup, a run of lines dropped, or a line repeated.
    fn edit() -> impl Strategy<Value = (prop::sample::Index, prop::sample::Index, u8, u8)> {
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            prop::sample::select(b"09-:T.<>/&\"x ".to_vec()),
            0u8..3,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        /// A real MS Project file with its dates, numbers or elements damaged is imported or
        /// refused with an error, never a panic; and what imports is a valid plan that reads
        /// back as a plan file.
        #[test]
        fn a_damaged_corpus_file_imports_or_is_refused_without_a_panic(
            file in any::<prop::sample::Index>(),
            edits in proptest::collection::vec(edit(), 1..6),
        ) {
            let files = corpus();
            let text = std::fs::read_to_string(file.get(&files)).expect("a readable corpus file");
            let mut lines: Vec<Vec<u8>> = text.lines().map(|line| line.as_bytes().to_vec()).collect();
            for (line, at, byte, kind) in edits {
                let index = line.index(lines.len().max(1)).min(lines.len().saturating_sub(1));
                match kind {
                    0 if !lines.is_empty() && !lines[index].is_empty() => {
                        let bytes = &mut lines[index];
                        let at = at.index(bytes.len());
                        bytes[at] = byte;
                    }
                    1 if !lines.is_empty() => {
                        let end = (index + 1 + at.index(4)).min(lines.len());
                        lines.drain(index..end);
                    }
                    _ if !lines.is_empty() => {
                        let copy = lines[index].clone();
                        lines.insert(index, copy);
                    }
                    _ => {}
                }
            }
            let bytes = lines.join(&b'\n');
            if let Ok(import) = read_mspdi(&bytes, today(), &mut SequentialIds::default()) {
                let plan = write_project_file(&import.file);
                prop_assert!(read_plan(&plan).is_ok(), "the imported plan does not read back");
            }
        }
    }
}

/// With `MSPDI_EXPORT_DIR` set (`.ci/test`'s `mpxj` step sets it), writes the sample project
/// and every corpus file as Ironplan exports them, each with a `.expect.json` of what an outside
/// reader must find: the tasks with their dates, the dependencies and the people. The step then
/// opens them with MPXJ, the library ProjectLibre and GanttProject read MS Project files with
/// (tests/mpxj/check.py). Without the variable this test does nothing.
#[test]
fn exports_for_an_outside_reader() {
    let Ok(folder) = std::env::var("MSPDI_EXPORT_DIR") else {
        return;
    };
    let folder = PathBuf::from(folder);
    std::fs::create_dir_all(&folder).expect("the export folder can be made");
    let write =
        |name: &str, project: &ironplan::model::Project, people: &[ironplan::model::Person]| {
            let written = write_mspdi(project, people);
            std::fs::write(folder.join(format!("{name}.xml")), &written.xml).expect("written");
            let tasks: Vec<serde_json::Value> = project
                .tasks()
                .iter()
                .map(|task| serde_json::json!([task.title, task.start, task.end]))
                .collect();
            let links: usize = project
                .tasks()
                .iter()
                .map(|task| task.dependencies.len())
                .sum();
            let expect = serde_json::json!({
                "tasks": tasks,
                "links": links,
                "resources": project.team().len(),
            });
            std::fs::write(
                folder.join(format!("{name}.expect.json")),
                expect.to_string(),
            )
            .expect("written");
        };
    let mut workspace = ironplan::model::Workspace::default();
    let id = ironplan::model::sample::add_crm_migration(
        &mut workspace,
        today(),
        &mut SequentialIds::default(),
    )
    .expect("the sample");
    let project = workspace.project(id).expect("the sample project");
    write("sample", project, workspace.people());
    for path in corpus() {
        let bytes = std::fs::read(&path).expect("corpus files are readable");
        let import = read_mspdi(&bytes, today(), &mut SequentialIds::default()).expect("imports");
        let stem = path
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        write(&stem, &import.file.project, &import.file.people);
    }
}
