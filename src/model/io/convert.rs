//! The converter worker's protocol: one JSON request in, one JSON response out.
//!
//! The converters (MS Project XML today; CSV and iCalendar later) live in a second binary that
//! the browser runs as a Web Worker, so they never weigh on the app's first load. The app and
//! the worker share only this module's message types: the app sends a [`Request`] as a JSON
//! string and gets a [`Response`] back with the same `id`. [`handle`] is the whole worker; its
//! binary (`src/bin/convert.rs`) only moves strings in and out.
//!
//! Files travel as their bytes, so that a converter can read UTF-16 or Windows-1252 itself:
//! [`bytes_to_text`] maps each byte to the character with the same number (U+0000 to U+00FF)
//! and [`text_to_bytes`] maps them back. Plans travel as plan-file JSON, which both sides read
//! with [`super::read_plan`]. This module writes no text for people: losses come from the
//! converters, which document their wording in `docs/interchange.md`, and errors are values
//! that the app words.

use super::read::strict_value;
use super::{mspdi, read_plan, ImportedProject, Plan};
use crate::model::IdSource;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One job for the worker, with the id its answer will carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the app; the response repeats it.
    pub id: u64,
    pub job: Job,
}

/// What the worker is asked to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Job {
    /// Reads a file in another format into a plan file.
    Read {
        format: Format,
        /// The file's name as the user picked it; some formats name the project after it.
        file_name: String,
        /// The file's bytes, one character per byte (see [`bytes_to_text`]).
        bytes: String,
        /// The user's today, for what a file leaves undated.
        today: NaiveDate,
    },
    /// Writes the project of a plan file in another format.
    Write {
        format: Format,
        /// A project plan file, as `io::export_project` writes it.
        plan: String,
    },
    /// Reads a CSV file for the "Map columns" dialog: its headers, the mapping (guessed when
    /// none is given), and the first tasks and the problems as the import would have them.
    CsvPreview(super::csv::CsvJob),
    /// Reads a CSV file with the user's mapping into a project plan file.
    CsvImport(super::csv::CsvJob),
    /// Writes the project of a plan file as an iCalendar file.
    WriteCalendar(super::ics::IcsJob),
}

/// A format the worker converts from or to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Microsoft Project XML (MSPDI).
    Mspdi,
    /// Comma- (or semicolon-, tab-) separated values, as spreadsheets and trackers write.
    Csv,
    /// iCalendar (RFC 5545), written only.
    Ics,
}

impl Format {
    /// The format's name in requests.
    pub fn key(self) -> &'static str {
        match self {
            Format::Mspdi => "mspdi",
            Format::Csv => "csv",
            Format::Ics => "ics",
        }
    }

    /// The format a request names.
    pub fn from_key(key: &str) -> Option<Format> {
        [Format::Mspdi, Format::Csv, Format::Ics]
            .into_iter()
            .find(|format| format.key() == key)
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Mspdi => "xml",
            Format::Csv => "csv",
            Format::Ics => "ics",
        }
    }

    /// The media type of a written file.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Mspdi => "application/xml",
            Format::Csv => "text/csv",
            Format::Ics => "text/calendar",
        }
    }

    /// The format a file name's extension names, if the worker reads it.
    pub fn of_file_name(name: &str) -> Option<Format> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "xml" => Some(Format::Mspdi),
            "csv" | "tsv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The name of an exported file: `plan_file_name` (as `io::file_name` makes it) with this
    /// format's extension in place of `.ironplan.json`.
    pub fn file_name(self, plan_file_name: &str) -> String {
        let stem = plan_file_name
            .strip_suffix(".ironplan.json")
            .unwrap_or(plan_file_name);
        format!("{stem}.{}", self.extension())
    }
}

/// The worker's answer to the request with the same `id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub id: u64,
    pub result: Result<Converted, ConvertError>,
}

/// A finished conversion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Converted {
    /// A file read into a project plan file, and what did not carry over.
    Read {
        /// A project plan file; the app reads and checks it like any imported plan file.
        plan: String,
        /// One line per kind of loss, with how many and what was done instead.
        losses: Vec<String>,
    },
    /// A plan written in another format, and what the format could not carry.
    Written { text: String, losses: Vec<String> },
    /// What "Map columns" shows for a CSV file.
    CsvPreview(super::csv::CsvPreviewResult),
    /// An iCalendar file, and the sequences to keep for the next export of the project.
    Calendar {
        text: String,
        sequences: super::ics::IcsSequences,
    },
}

/// Why a conversion failed. Nothing was converted when one is returned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum ConvertError {
    /// The request was not one this worker understands (an app and worker of different builds).
    #[error("the request could not be read: {message}")]
    BadRequest { message: String },
    /// This build has no converter for the job.
    #[error("this build cannot convert {format:?} files this way")]
    Unsupported { format: Format },
    /// The converter refused the file. `reason` is the converter's own sentence (each format
    /// words its refusals in one place, such as `mspdi::wording`), naming line and column.
    #[error("the file was refused: {reason}")]
    Refused { reason: String },
    /// The plan to write could not be read.
    #[error("the plan could not be read: {message}")]
    Plan { message: String },
    /// The worker could not start or stopped before it answered. The app makes this one; the
    /// worker never sends it.
    #[error("the converter stopped")]
    Stopped,
}

/// The whole worker: answers one JSON request with one JSON response. `ids` gives the new
/// ids of what a file brings. Never panics on any input; a request that cannot be read gets
/// a `BadRequest` answer with id 0.
pub fn handle(request: &str, ids: &mut dyn IdSource) -> String {
    let response = match serde_json::from_str::<Request>(request) {
        Ok(request) => Response {
            id: request.id,
            result: run(request.job, ids),
        },
        Err(error) => Response {
            id: 0,
            result: Err(ConvertError::BadRequest {
                message: error.to_string(),
            }),
        },
    };
    serde_json::to_string(&response).expect("responses always serialize")
}

fn run(job: Job, ids: &mut dyn IdSource) -> Result<Converted, ConvertError> {
    match job {
        Job::Read {
            format,
            bytes,
            today,
            ..
        } => {
            let bytes = text_to_bytes(&bytes).ok_or_else(|| ConvertError::BadRequest {
                message: "the file's bytes are not one character per byte".to_string(),
            })?;
            read(format, &bytes, today, ids)
        }
        Job::CsvPreview(job) => super::csv::preview_job(&job).map(Converted::CsvPreview),
        Job::CsvImport(job) => {
            let plan = super::csv::import_job(&job)?;
            Ok(Converted::Read {
                plan,
                losses: Vec::new(),
            })
        }
        Job::WriteCalendar(job) => {
            let (text, sequences) = super::ics::calendar_job(&job)?;
            Ok(Converted::Calendar { text, sequences })
        }
        Job::Write { format, plan } => {
            let plan = read_plan(&plan).map_err(|error| ConvertError::Plan {
                message: error.to_string(),
            })?;
            let Plan::Project(imported) = plan else {
                return Err(ConvertError::Plan {
                    message: "only a single project can be written in another format".to_string(),
                });
            };
            write(format, &imported)
        }
    }
}

/// Reads a file with the converter for `format`.
fn read(
    format: Format,
    bytes: &[u8],
    today: NaiveDate,
    ids: &mut dyn IdSource,
) -> Result<Converted, ConvertError> {
    match format {
        Format::Mspdi => {
            let import =
                mspdi::read_mspdi(bytes, today, ids).map_err(|error| ConvertError::Refused {
                    reason: mspdi::wording::describe_error(&error),
                })?;
            Ok(Converted::Read {
                plan: serde_json::to_string(&import.file).expect("plan types always serialize"),
                losses: mspdi_losses(&import.losses),
            })
        }
        // CSV files are read by the `CsvImport` job, with the user's mapping.
        Format::Csv | Format::Ics => Err(ConvertError::Unsupported { format }),
    }
}

/// Writes a project with the converter for `format`.
fn write(format: Format, imported: &ImportedProject) -> Result<Converted, ConvertError> {
    match format {
        Format::Mspdi => {
            let export = mspdi::write_mspdi(&imported.project, &imported.people);
            Ok(Converted::Written {
                text: export.xml,
                losses: mspdi_losses(&export.losses),
            })
        }
        Format::Csv => Ok(Converted::Written {
            text: super::csv::export_csv(&imported.project, &imported.people),
            losses: Vec::new(),
        }),
        Format::Ics => Err(ConvertError::Unsupported { format }),
    }
}

fn mspdi_losses(losses: &[mspdi::Loss]) -> Vec<String> {
    losses
        .iter()
        .map(|loss| mspdi::wording::describe_loss(loss.kind, loss.count))
        .collect()
}

// ----- The app's side -----
//
// The app writes requests and reads responses by hand, over `serde_json::Value` (which it links
// anyway to read plan files), so the typed (de)serializers of these messages stay in the worker
// and the first load stays small. The tests check both against the typed messages.

/// A request as JSON, the same as `serde_json::to_string(&Request { id, job })`.
pub fn encode_request(id: u64, job: &Job) -> String {
    let quote = |text: &str| serde_json::to_string(text).expect("a string always serializes");
    match job {
        Job::Read {
            format,
            file_name,
            bytes,
            today,
        } => format!(
            r#"{{"id":{id},"job":{{"read":{{"format":{},"file_name":{},"bytes":{},"today":"{}"}}}}}}"#,
            quote(format.key()),
            quote(file_name),
            quote(bytes),
            today.format("%Y-%m-%d")
        ),
        Job::Write { format, plan } => format!(
            r#"{{"id":{id},"job":{{"write":{{"format":{},"plan":{}}}}}}}"#,
            quote(format.key()),
            quote(plan)
        ),
        Job::CsvPreview(job) => tagged(id, "csv_preview", super::wire::csv_job(job)),
        Job::CsvImport(job) => tagged(id, "csv_import", super::wire::csv_job(job)),
        Job::WriteCalendar(job) => tagged(id, "write_calendar", super::wire::ics_job(job)),
    }
}

/// A request whose job is the variant `name` with `fields`.
fn tagged(id: u64, name: &str, fields: Value) -> String {
    let mut job = serde_json::Map::new();
    job.insert(name.to_string(), fields);
    let mut request = serde_json::Map::new();
    request.insert("id".to_string(), Value::from(id));
    request.insert("job".to_string(), Value::Object(job));
    Value::Object(request).to_string()
}

/// Reads a response written by [`handle`]; `None` when it is not one.
pub fn decode_response(text: &str) -> Option<Response> {
    let value = strict_value(text).ok()?;
    let id = value.get("id")?.as_u64()?;
    let result = value.get("result")?;
    let result = match result.get("Ok") {
        Some(converted) => Ok(decode_converted(converted)?),
        None => Err(decode_error(result.get("Err")?)?),
    };
    Some(Response { id, result })
}

/// The name and fields of an externally tagged enum value.
fn variant(value: &Value) -> Option<(&str, &Value)> {
    let map = value.as_object()?;
    match map.len() {
        1 => map
            .iter()
            .next()
            .map(|(name, fields)| (name.as_str(), fields)),
        _ => None,
    }
}

fn text_field(fields: &Value, name: &str) -> Option<String> {
    fields.get(name)?.as_str().map(str::to_string)
}

fn lines_field(fields: &Value, name: &str) -> Option<Vec<String>> {
    fields
        .get(name)?
        .as_array()?
        .iter()
        .map(|line| line.as_str().map(str::to_string))
        .collect()
}

fn decode_converted(value: &Value) -> Option<Converted> {
    let (name, fields) = variant(value)?;
    match name {
        "read" => Some(Converted::Read {
            plan: text_field(fields, "plan")?,
            losses: lines_field(fields, "losses")?,
        }),
        "written" => Some(Converted::Written {
            text: text_field(fields, "text")?,
            losses: lines_field(fields, "losses")?,
        }),
        "csv_preview" => super::wire::csv_preview_of(fields).map(Converted::CsvPreview),
        "calendar" => Some(Converted::Calendar {
            text: text_field(fields, "text")?,
            sequences: super::wire::sequences_of(fields.get("sequences")?)?,
        }),
        _ => None,
    }
}

fn decode_error(value: &Value) -> Option<ConvertError> {
    if value.as_str() == Some("stopped") {
        return Some(ConvertError::Stopped);
    }
    let (name, fields) = variant(value)?;
    match name {
        "bad_request" => Some(ConvertError::BadRequest {
            message: text_field(fields, "message")?,
        }),
        "unsupported" => Some(ConvertError::Unsupported {
            format: Format::from_key(fields.get("format")?.as_str()?)?,
        }),
        "refused" => Some(ConvertError::Refused {
            reason: text_field(fields, "reason")?,
        }),
        "plan" => Some(ConvertError::Plan {
            message: text_field(fields, "message")?,
        }),
        _ => None,
    }
}

/// A file's bytes as a string of one character per byte, for the JSON of a [`Request`].
pub fn bytes_to_text(bytes: &[u8]) -> String {
    bytes.iter().map(|&byte| char::from(byte)).collect()
}

/// The bytes of a string made by [`bytes_to_text`]; `None` when a character is past U+00FF.
pub fn text_to_bytes(text: &str) -> Option<Vec<u8>> {
    text.chars().map(|c| u8::try_from(c).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::SequentialIds;
    use crate::model::io::csv::{
        CsvCounts, CsvField, CsvJob, CsvMapping, CsvPreviewResult, DateFormat, DateGuess, Encoding,
        PreviewTask, ProblemKind, RowProblem,
    };
    use crate::model::io::ics::{IcsEvent, IcsInclude, IcsJob, IcsSequences};
    use crate::model::sample::add_crm_migration;
    use crate::model::Workspace;

    fn answer(request: &Request) -> Response {
        let request = serde_json::to_string(request).expect("requests serialize");
        let text = handle(&request, &mut SequentialIds::default());
        serde_json::from_str(&text).expect("the worker answers with a response")
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date")
    }

    #[test]
    fn bytes_survive_the_trip_through_text() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(text_to_bytes(&bytes_to_text(&bytes)), Some(bytes));
    }

    #[test]
    fn text_with_a_character_past_one_byte_is_not_bytes() {
        assert_eq!(text_to_bytes("Ā"), None);
    }

    #[test]
    fn a_request_that_is_not_json_gets_a_bad_request_answer() {
        let answer = handle("{oops", &mut SequentialIds::default());
        let response: Response = serde_json::from_str(&answer).expect("a response");
        assert_eq!(response.id, 0);
        assert!(matches!(
            response.result,
            Err(ConvertError::BadRequest { .. })
        ));
    }

    #[test]
    fn the_answer_carries_the_request_id() {
        let request = Request {
            id: 42,
            job: Job::Read {
                format: Format::Mspdi,
                file_name: "plan.xml".to_string(),
                bytes: bytes_to_text(b"<Project/>"),
                today: today(),
            },
        };
        assert_eq!(answer(&request).id, 42);
    }

    #[test]
    fn writing_a_workspace_file_is_refused() {
        let mut workspace = Workspace::default();
        add_crm_migration(&mut workspace, today(), &mut SequentialIds::default()).expect("sample");
        let plan = crate::model::io::export_workspace(&workspace);
        let request = Request {
            id: 1,
            job: Job::Write {
                format: Format::Mspdi,
                plan,
            },
        };
        assert!(matches!(
            answer(&request).result,
            Err(ConvertError::Plan { .. })
        ));
    }

    #[test]
    fn file_names_take_the_format_extension() {
        assert_eq!(Format::Mspdi.file_name("crm.ironplan.json"), "crm.xml");
        assert_eq!(Format::of_file_name("Plan.XML"), Some(Format::Mspdi));
        assert_eq!(Format::of_file_name("plan.json"), None);
    }

    fn read_request(bytes: &[u8]) -> Request {
        Request {
            id: 7,
            job: Job::Read {
                format: Format::Mspdi,
                file_name: "mspdirelations.xml".to_string(),
                bytes: bytes_to_text(bytes),
                today: today(),
            },
        }
    }

    #[test]
    fn an_ms_project_file_becomes_a_plan_file_the_app_reads() {
        let file = include_bytes!("../../../tests/e2e/fixtures/mspdirelations.xml");
        let Ok(Converted::Read { plan, .. }) = answer(&read_request(file)).result else {
            panic!("the corpus file converts");
        };
        let Ok(Plan::Project(imported)) = read_plan(&plan) else {
            panic!("the plan file reads back");
        };
        assert_eq!(imported.project.name, "mspdirelations");
        assert_eq!(imported.project.tasks().len(), 5);
        let links: usize = imported
            .project
            .tasks()
            .iter()
            .map(|task| task.dependencies.len())
            .sum();
        assert_eq!(links, 4);
    }

    #[test]
    fn entity_expansion_is_refused_with_the_converters_reason() {
        let hostile = br#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol2;</Name></Project>"#;
        let Err(ConvertError::Refused { reason }) = answer(&read_request(hostile)).result else {
            panic!("the file is refused");
        };
        assert!(reason.contains("line 2"), "{reason}");
    }

    #[test]
    fn a_broken_file_is_refused_with_its_line_and_column() {
        let broken = b"<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n<Name>x</Nme>";
        let Err(ConvertError::Refused { reason }) = answer(&read_request(broken)).result else {
            panic!("the file is refused");
        };
        assert!(reason.contains("line 3"), "{reason}");
    }

    #[test]
    fn a_project_is_written_as_ms_project_xml() {
        let mut workspace = Workspace::default();
        let id = add_crm_migration(&mut workspace, today(), &mut SequentialIds::default())
            .expect("sample");
        let project = workspace.find_project(id).expect("the sample project");
        let request = Request {
            id: 3,
            job: Job::Write {
                format: Format::Mspdi,
                plan: crate::model::io::export_project(project, workspace.people()),
            },
        };
        let Ok(Converted::Written { text, .. }) = answer(&request).result else {
            panic!("the project is written");
        };
        assert!(text.contains("<Project xmlns=\"http://schemas.microsoft.com/project\""));
        let Ok(Converted::Read { plan, .. }) = answer(&read_request(text.as_bytes())).result else {
            panic!("the written file reads back");
        };
        let Ok(Plan::Project(back)) = read_plan(&plan) else {
            panic!("the plan file reads back");
        };
        assert_eq!(back.project.name, project.name);
        assert_eq!(back.project.tasks().len(), project.tasks().len());
    }

    fn sample_workspace() -> (Workspace, crate::model::ProjectId) {
        let mut workspace = Workspace::default();
        let id = add_crm_migration(&mut workspace, today(), &mut SequentialIds::default())
            .expect("sample");
        (workspace, id)
    }

    fn csv_job(mapping: Option<CsvMapping>) -> CsvJob {
        let (workspace, _) = sample_workspace();
        CsvJob {
            file_name: "Tasks; \u{e9}t\u{e9}.csv".to_string(),
            bytes: bytes_to_text(b"Name,Start\r\n\"a, \"\"b\"\"\",2026-03-02\r\n\xff"),
            mapping,
            today: today(),
            roster: workspace.people().to_vec(),
            id_seed: u64::MAX,
        }
    }

    fn calendar_jobs() -> Vec<Job> {
        let (workspace, id) = sample_workspace();
        let project = workspace.find_project(id).expect("the sample project");
        let plan = crate::model::io::export_project(project, workspace.people());
        let stamp = today()
            .and_hms_nano_opt(9, 30, 5, 123_000_000)
            .expect("a moment");
        let mut previous = IcsSequences::default();
        previous.0.insert(
            "a@ironplan".to_string(),
            IcsEvent {
                start: today(),
                end: today(),
                sequence: 4,
            },
        );
        let person = workspace.people()[0].id;
        [
            IcsInclude::MilestonesAndDeadlines,
            IcsInclude::AllTasks,
            IcsInclude::Person(person),
        ]
        .into_iter()
        .map(|include| {
            Job::WriteCalendar(IcsJob {
                plan: plan.clone(),
                include,
                stamp,
                previous: previous.clone(),
            })
        })
        .collect()
    }

    #[test]
    fn the_apps_requests_read_as_typed_requests() {
        let jobs = [
            Job::Read {
                format: Format::Mspdi,
                file_name: "Plan \"Q3\"\n\u{1F4C5}.xml".to_string(),
                bytes: bytes_to_text(&(0..=255).collect::<Vec<u8>>()),
                today: today(),
            },
            Job::Write {
                format: Format::Mspdi,
                plan: "{\"format\": \"ironplan\"}\r\n\t".to_string(),
            },
            Job::Write {
                format: Format::Csv,
                plan: "{}".to_string(),
            },
            Job::CsvPreview(csv_job(None)),
            Job::CsvImport(csv_job(Some(CsvMapping {
                fields: CsvField::ALL.to_vec(),
                date_format: Some(DateFormat::DayMonthYear),
                project_name: "Q3 \"launch\"".to_string(),
            }))),
            Job::CsvImport(csv_job(Some(CsvMapping {
                fields: vec![CsvField::Title, CsvField::Ignore],
                date_format: None,
                project_name: String::new(),
            }))),
        ]
        .into_iter()
        .chain(calendar_jobs());
        for (id, job) in jobs.into_iter().enumerate() {
            let id = id as u64 + 1;
            let text = encode_request(id, &job);
            let typed: Request = serde_json::from_str(&text).expect("a typed request");
            assert_eq!(typed, Request { id, job });
        }
    }

    /// A preview with every kind of problem.
    fn preview_result() -> CsvPreviewResult {
        let text = || "3FS+2d, \"x\"".to_string();
        let kinds = vec![
            ProblemKind::MissingTitle,
            ProblemKind::BadDate { text: text() },
            ProblemKind::AmbiguousDate { text: text() },
            ProblemKind::EndBeforeStart {
                start: today(),
                end: today(),
            },
            ProblemKind::BadDuration { text: text() },
            ProblemKind::BadEstimate { text: text() },
            ProblemKind::BadProgress { text: text() },
            ProblemKind::BadMilestone { text: text() },
            ProblemKind::UnknownPriority { text: text() },
            ProblemKind::TitleShortened,
            ProblemKind::TagsLeftOut { count: 3 },
            ProblemKind::ExtraAssignees {
                names: vec!["Ana".to_string(), "Bo".to_string()],
            },
            ProblemKind::BadPredecessor { text: text() },
            ProblemKind::UnknownPredecessor { text: text() },
            ProblemKind::SelfPredecessor { text: text() },
            ProblemKind::LinkWithinHierarchy { text: text() },
            ProblemKind::LinkLoop { text: text() },
            ProblemKind::UnknownParent { text: text() },
            ProblemKind::ParentLoop { text: text() },
            ProblemKind::DuplicateId { text: text() },
            ProblemKind::BadOutline { text: text() },
            ProblemKind::MilestoneWithSubtasks,
            ProblemKind::RaggedRow {
                found: 2,
                expected: 5,
            },
        ];
        let problems: Vec<RowProblem> = kinds
            .into_iter()
            .enumerate()
            .map(|(row, kind)| RowProblem {
                row,
                line: row as u64 + 2,
                column: (row % 2 == 0).then(|| "Due date".to_string()),
                kind,
                skipped: row % 3 == 0,
            })
            .collect();
        CsvPreviewResult {
            headers: vec!["Summary".to_string(), "Labels".to_string()],
            mapping: CsvMapping {
                fields: CsvField::ALL.to_vec(),
                date_format: None,
                project_name: "jira".to_string(),
            },
            date_guess: DateGuess {
                format: Some(DateFormat::MonthDayYear),
                ambiguous: true,
            },
            encoding: Encoding::Windows1252,
            preview: vec![PreviewTask {
                row: 1,
                title: "Kick-off".to_string(),
                status: "To Do".to_string(),
                assignee: Some("Ana".to_string()),
                start: today(),
                end: today(),
                milestone: true,
                parent: None,
                predecessors: "2FS+1d".to_string(),
            }],
            problem_count: problems.len(),
            problems,
            counts: CsvCounts {
                rows: 1,
                tasks: 2,
                milestones: 3,
                dependencies: 4,
                people_added: 5,
                people_matched: 6,
                columns_added: 7,
                rows_skipped: 8,
                tasks_moved: 9,
            },
        }
    }

    #[test]
    fn every_encoding_reads_back() {
        for encoding in super::super::wire::ENCODINGS {
            let result = CsvPreviewResult {
                encoding,
                ..preview_result()
            };
            let response = Response {
                id: 1,
                result: Ok(Converted::CsvPreview(result)),
            };
            let text = serde_json::to_string(&response).expect("responses serialize");
            assert_eq!(decode_response(&text), Some(response));
        }
    }

    #[test]
    fn the_app_reads_every_response_the_worker_writes() {
        let results = [
            Ok(Converted::Read {
                plan: "{\"a\": \"“b”\"}".to_string(),
                losses: vec!["3 dependencies with elapsed lag: lag rounded".to_string()],
            }),
            Ok(Converted::Written {
                text: "<Project/>".to_string(),
                losses: Vec::new(),
            }),
            Ok(Converted::CsvPreview(preview_result())),
            Ok(Converted::Calendar {
                text: "BEGIN:VCALENDAR\r\n".to_string(),
                sequences: IcsSequences(
                    [
                        (
                            "1@ironplan".to_string(),
                            IcsEvent {
                                start: today(),
                                end: today(),
                                sequence: 0,
                            },
                        ),
                        (
                            "deadline-2@ironplan".to_string(),
                            IcsEvent {
                                start: today(),
                                end: today().succ_opt().expect("a day"),
                                sequence: u32::MAX,
                            },
                        ),
                    ]
                    .into_iter()
                    .collect(),
                ),
            }),
            Err(ConvertError::BadRequest {
                message: "x".to_string(),
            }),
            Err(ConvertError::Unsupported {
                format: Format::Mspdi,
            }),
            Err(ConvertError::Refused {
                reason: "line 2, column 3".to_string(),
            }),
            Err(ConvertError::Plan {
                message: "y".to_string(),
            }),
            Err(ConvertError::Stopped),
        ];
        for (id, result) in results.into_iter().enumerate() {
            let response = Response {
                id: id as u64,
                result,
            };
            let text = serde_json::to_string(&response).expect("responses serialize");
            assert_eq!(decode_response(&text), Some(response));
        }
        assert_eq!(decode_response("ready"), None);
    }
}
