//! Spreadsheets in and out: CSV files from Jira, Trello, monday.com, Asana, Smartsheet and
//! MS Project's Excel export become projects, and projects become CSV that Excel opens.
//!
//! Reading goes in steps the "Map columns" dialog shows one by one:
//!
//! 1. [`read_table`]: bytes to a [`CsvTable`] of text cells. [`decode_text`] takes UTF-8
//!    (a byte order mark is fine), UTF-16 with a byte order mark, and otherwise Windows-1252,
//!    which the table's [`Encoding`] reports. The delimiter (comma, semicolon or tab; tab for
//!    `.tsv`) is detected, the `csv` crate splits and unquotes, and [`CSV_LIMITS`] bound size,
//!    rows, columns and cell length.
//! 2. [`guess_mapping`]: a [`CsvField`] per column from the header names these tools write;
//!    [`guess_date_format`] reads the date cells for their day-month order ([`DateGuess`]).
//! 3. [`import_csv`] with the user's [`CsvMapping`]: a valid project and its people in a
//!    [`CsvImport`], the rows and values that could not be read as [`RowProblem`]s (their
//!    sentences live in the UI), counts for the report, and a preview of the first tasks.
//!    [`preview`] runs the same import with throwaway ids.
//!
//! Writing: [`export_csv`] gives RFC 4180 text with CRLF line ends and a UTF-8 byte order
//! mark; cells that start like a formula get a leading apostrophe, which reading removes,
//! so an exported file imports back to the same tasks, dates and links.
//!
//! Everything is pure and serializable: the converter worker receives the bytes and the
//! mapping as JSON and answers with these values.

mod decode;
mod import;
mod jobs;
mod links;
mod mapping;
mod read;
mod rows;
mod values;
mod write;

// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use decode::{decode_text, Decoded, Encoding};
pub use import::{
    import_csv, preview, CsvCounts, CsvImport, CsvMapping, PreviewTask, ProblemKind, RowProblem,
    PREVIEW_TASKS,
};
pub use jobs::{
    guessed_mapping, import_job, preview_job, CsvJob, CsvPreviewResult, PREVIEW_PROBLEMS,
};
pub use mapping::{guess_mapping, normalize_header, CsvField};
pub use read::{
    read_table, read_table_with, CsvError, CsvLimits, CsvRow, CsvTable, Delimiter, CSV_LIMITS,
};
pub use values::{
    guess_date_format, parse_date, parse_date_range, parse_duration, parse_estimate,
    parse_predecessor, parse_progress, DateFormat, DateGuess, PredecessorRef,
};
pub use write::{
    export_csv, guard_cell, hours_text, link_notation, outline, unguard_cell, EXPORT_HEADERS,
};

/// The cells of every column mapped to a date field, for [`guess_date_format`].
pub fn date_cells<'a>(
    table: &'a CsvTable,
    fields: &'a [CsvField],
) -> impl Iterator<Item = &'a str> {
    let columns: Vec<usize> = fields
        .iter()
        .enumerate()
        .filter(|(_, field)| matches!(field, CsvField::StartDate | CsvField::EndDate))
        .map(|(column, _)| column)
        .collect();
    table
        .rows
        .iter()
        .flat_map(move |row| {
            columns
                .clone()
                .into_iter()
                .map(move |column| row.cells.get(column))
        })
        .flatten()
        .map(String::as_str)
        .filter(|cell| !cell.trim().is_empty())
}
