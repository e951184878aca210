//! The CSV jobs of the converter worker (`io::convert`): the "Map columns" preview and the
//! import, each from the file's bytes.

use super::import::{import_csv, preview, CsvCounts, CsvMapping, PreviewTask, RowProblem};
use super::mapping::guess_mapping;
use super::read::{read_table, CsvError, CsvTable};
use super::values::{guess_date_format, DateGuess};
use super::{date_cells, Encoding};
use crate::model::io::convert::{text_to_bytes, ConvertError};
use crate::model::{Person, SequentialIds};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A CSV file and what to do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvJob {
    pub file_name: String,
    /// The file's bytes, one character per byte (`io::convert::bytes_to_text`).
    pub bytes: String,
    /// The user's mapping; `None` asks for the guessed one.
    pub mapping: Option<CsvMapping>,
    /// The day of the import, for new tasks' creation dates.
    pub today: NaiveDate,
    /// The workspace's people, matched by name.
    pub roster: Vec<Person>,
    /// Where the new ids start (the high 64 bits of the first one): random, chosen by the
    /// app, so the worker needs no randomness and two imports of one file never share ids.
    /// (A `u64`, because serde cannot buffer a `u128` inside the tagged job.)
    #[serde(default)]
    pub id_seed: u64,
}

/// The most problems a preview lists; the count says how many there are in all.
pub const PREVIEW_PROBLEMS: usize = 200;

/// What the "Map columns" dialog shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvPreviewResult {
    pub headers: Vec<String>,
    /// The mapping used: the job's, or the guessed one with the file name as project name.
    pub mapping: CsvMapping,
    /// What the dates say about their format.
    pub date_guess: DateGuess,
    pub encoding: Encoding,
    pub preview: Vec<PreviewTask>,
    /// The first [`PREVIEW_PROBLEMS`] problems.
    pub problems: Vec<RowProblem>,
    pub problem_count: usize,
    pub counts: CsvCounts,
}

impl From<CsvError> for ConvertError {
    /// The CSV reader's own sentence (its wording is on [`CsvError`]).
    fn from(error: CsvError) -> ConvertError {
        ConvertError::Refused {
            reason: format!("The CSV file could not be read: {error}."),
        }
    }
}

fn table_of(job: &CsvJob) -> Result<CsvTable, ConvertError> {
    let bytes = text_to_bytes(&job.bytes).ok_or_else(|| ConvertError::BadRequest {
        message: "the file's bytes are not one character per byte".to_string(),
    })?;
    Ok(read_table(&bytes, &job.file_name)?)
}

/// The mapping "Map columns" opens with: guessed fields and date format, and the file name
/// without its extension as the project name.
pub fn guessed_mapping(table: &CsvTable) -> CsvMapping {
    let fields = guess_mapping(table);
    let date_format = guess_date_format(date_cells(table, &fields)).format;
    let project_name = table
        .file_name
        .rsplit_once('.')
        .map_or(table.file_name.as_str(), |(stem, _)| stem)
        .to_string();
    CsvMapping {
        fields,
        date_format,
        project_name,
    }
}

/// The preview job.
pub fn preview_job(job: &CsvJob) -> Result<CsvPreviewResult, ConvertError> {
    let table = table_of(job)?;
    let mapping = job
        .mapping
        .clone()
        .unwrap_or_else(|| guessed_mapping(&table));
    let date_guess = guess_date_format(date_cells(&table, &mapping.fields));
    let (preview_tasks, mut problems, counts) =
        match preview(&table, &mapping, job.today, &job.roster) {
            Ok(import) => (import.preview, import.problems, import.counts),
            // No title column yet: nothing to preview until the user maps one.
            Err(CsvError::NoTitleColumn) => (Vec::new(), Vec::new(), CsvCounts::default()),
            Err(error) => return Err(error.into()),
        };
    let problem_count = problems.len();
    problems.truncate(PREVIEW_PROBLEMS);
    Ok(CsvPreviewResult {
        headers: table.headers.clone(),
        mapping,
        date_guess,
        encoding: table.encoding,
        preview: preview_tasks,
        problems,
        problem_count,
        counts,
    })
}

/// The import job: the project plan file JSON, with ids counted up from the job's seed.
pub fn import_job(job: &CsvJob) -> Result<String, ConvertError> {
    let table = table_of(job)?;
    let mapping = job
        .mapping
        .clone()
        .unwrap_or_else(|| guessed_mapping(&table));
    let mut ids = SequentialIds::starting_at(u128::from(job.id_seed) << 64);
    let import = import_csv(&table, &mapping, job.today, &job.roster, &mut ids)?;
    Ok(serde_json::to_string(&import.file).expect("plan files serialize"))
}
