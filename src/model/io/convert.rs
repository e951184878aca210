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

use super::{read_plan, ImportError, Plan};
use serde::{Deserialize, Serialize};

/// One job for the worker, with the id its answer will carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the app; the response repeats it.
    pub id: u64,
    pub job: Job,
}

/// What the worker is asked to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    /// Reads a file in another format into a plan file.
    Read {
        format: Format,
        /// The file's name as the user picked it; some formats name the project after it.
        file_name: String,
        /// The file's bytes, one character per byte (see [`bytes_to_text`]).
        bytes: String,
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
#[serde(tag = "kind", rename_all = "snake_case")]
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
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConvertError {
    /// The request was not one this worker understands (an app and worker of different builds).
    #[error("the request could not be read: {message}")]
    BadRequest { message: String },
    /// This build has no converter for the job yet.
    #[error("this build cannot convert {format:?} files this way")]
    Unsupported { format: Format },
    /// The file is not well-formed, at `line` and `column` (both from 1).
    #[error("not well-formed at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The file holds something refused for safety: a DOCTYPE, an entity, an external reference.
    #[error("refused for safety: {what}")]
    Refused { what: String },
    /// The file is well-formed but is not in the format asked for.
    #[error("not a {format:?} file")]
    WrongFormat { format: Format },
    /// The file is over a size, depth, length or count limit.
    #[error("over a limit: {message}")]
    TooBig { message: String },
    /// The file's content cannot make a valid plan, or the plan to write could not be read.
    #[error("{message}")]
    Invalid { message: String },
}

impl From<ImportError> for ConvertError {
    fn from(error: ImportError) -> ConvertError {
        match error {
            ImportError::TooLarge { .. }
            | ImportError::TooDeep { .. }
            | ImportError::StringTooLong { .. }
            | ImportError::TooManyTasks { .. } => ConvertError::TooBig {
                message: error.to_string(),
            },
            other => ConvertError::Invalid {
                message: other.to_string(),
            },
        }
    }
}

/// The whole worker: answers one JSON request with one JSON response. Never panics on any
/// input; a request that cannot be read gets a `BadRequest` answer with id 0.
pub fn handle(request: &str) -> String {
    let response = match serde_json::from_str::<Request>(request) {
        Ok(request) => Response {
            id: request.id,
            result: run(request.job),
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

fn run(job: Job) -> Result<Converted, ConvertError> {
    match job {
        Job::Read {
            format,
            file_name,
            bytes,
        } => {
            let bytes = text_to_bytes(&bytes).ok_or_else(|| ConvertError::BadRequest {
                message: "the file's bytes are not one character per byte".to_string(),
            })?;
            read(format, &file_name, &bytes)
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
            let Plan::Project(imported) = read_plan(&plan)? else {
                return Err(ConvertError::Invalid {
                    message: "only a single project can be written in another format".to_string(),
                });
            };
            write(format, &imported)
        }
    }
}

/// Reads a file with the converter for `format`.
fn read(format: Format, _file_name: &str, _bytes: &[u8]) -> Result<Converted, ConvertError> {
    Err(ConvertError::Unsupported { format })
}

/// Writes a project with the converter for `format`.
fn write(format: Format, imported: &super::ImportedProject) -> Result<Converted, ConvertError> {
    match format {
        Format::Csv => Ok(Converted::Written {
            text: super::csv::export_csv(&imported.project, &imported.people),
            losses: Vec::new(),
        }),
        _ => Err(ConvertError::Unsupported { format }),
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
    use crate::model::sample::add_crm_migration;
    use crate::model::Workspace;
    use chrono::NaiveDate;

    fn answer(request: &Request) -> Response {
        let text = handle(&serde_json::to_string(request).expect("requests serialize"));
        serde_json::from_str(&text).expect("the worker answers with a response")
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
        let response: Response = serde_json::from_str(&handle("{oops")).expect("a response");
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
            },
        };
        assert_eq!(answer(&request).id, 42);
    }

    #[test]
    fn writing_a_workspace_file_is_refused() {
        let mut workspace = Workspace::default();
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date");
        add_crm_migration(&mut workspace, today, &mut SequentialIds::default()).expect("sample");
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
            Err(ConvertError::Invalid { .. })
        ));
    }

    #[test]
    fn file_names_take_the_format_extension() {
        assert_eq!(Format::Mspdi.file_name("crm.ironplan.json"), "crm.xml");
        assert_eq!(Format::of_file_name("Plan.XML"), Some(Format::Mspdi));
        assert_eq!(Format::of_file_name("plan.json"), None);
    }
}
