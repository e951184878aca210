//! Reading a CSV file into a table of text cells: decoding, delimiter detection, limits.
//! Splitting and unquoting are the `csv` crate's; nothing here splits text by hand.

use super::decode::{decode_text, Encoding};
use serde::{Deserialize, Serialize};

/// The character between cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    /// Every delimiter detection considers, the default first.
    pub const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    /// The delimiter as a byte.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    fn from_char(c: char) -> Option<Delimiter> {
        Delimiter::ALL
            .into_iter()
            .find(|delimiter| char::from(delimiter.byte()) == c)
    }
}

/// One data row (the header is not a row).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvRow {
    /// The line of the file the row starts on, counting from 1 (the header is usually line 1).
    pub line: u64,
    /// One cell per header: short rows are padded with empty cells, extra cells are dropped.
    pub cells: Vec<String>,
    /// How many cells the row really had, when that is not the number of headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ragged: Option<usize>,
}

/// A CSV file as text cells under a header row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvTable {
    /// The name the file was chosen by, for the project name.
    pub file_name: String,
    pub encoding: Encoding,
    pub delimiter: Delimiter,
    /// The header row, trimmed. Headers may repeat (Jira repeats "Labels").
    pub headers: Vec<String>,
    /// Data rows that hold at least one non-blank cell; row `n` (from 1) is `rows[n - 1]`.
    pub rows: Vec<CsvRow>,
}

impl CsvTable {
    /// The cell in data row `row` (from 0) and `column`, empty when missing.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|row| row.cells.get(column))
            .map_or("", String::as_str)
    }
}

/// The bounds a CSV file must stay within, like the plan file's [`crate::model::io::Limits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvLimits {
    /// Largest file, in bytes.
    pub max_bytes: u64,
    /// Most data rows.
    pub max_rows: usize,
    /// Most columns.
    pub max_columns: usize,
    /// Longest cell, in characters.
    pub max_cell_chars: usize,
}

/// Generous for real exports (a 20,000-issue Jira export is about 30 MB), far below what
/// would hurt the browser.
pub const CSV_LIMITS: CsvLimits = CsvLimits {
    max_bytes: 48 * 1024 * 1024,
    max_rows: 100_000,
    max_columns: 1_000,
    max_cell_chars: 20_000,
};

/// Why a CSV file could not be read as a table. Nothing has changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CsvError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
    #[error("the file has no header row")]
    NoHeader,
    #[error("{count} columns is over the {limit}-column limit")]
    TooManyColumns { count: usize, limit: usize },
    #[error("more than {limit} rows")]
    TooManyRows { limit: usize },
    #[error("line {line}, column {column}: a cell of {length} characters is over the {limit}-character limit")]
    CellTooLong {
        line: u64,
        column: usize,
        length: usize,
        limit: usize,
    },
    #[error("line {line}: {message}")]
    Syntax { line: u64, message: String },
    #[error("the mapping has {fields} fields for {columns} columns")]
    MappingMismatch { fields: usize, columns: usize },
    #[error("no column is mapped to the title")]
    NoTitleColumn,
    #[error("the imported project is not valid: {message}")]
    Invalid { message: String },
}

/// Reads a CSV (or TSV) file with the default limits.
pub fn read_table(bytes: &[u8], file_name: &str) -> Result<CsvTable, CsvError> {
    read_table_with(bytes, file_name, &CSV_LIMITS)
}

/// Reads a CSV file: decodes it, finds the delimiter (tab for `.tsv`; an Excel `sep=` line
/// wins over guessing), reads the header and the rows, and checks the limits. Blank rows are
/// left out; rows with too few or too many cells are kept and marked [`CsvRow::ragged`].
pub fn read_table_with(
    bytes: &[u8],
    file_name: &str,
    limits: &CsvLimits,
) -> Result<CsvTable, CsvError> {
    let size = bytes.len() as u64;
    if size > limits.max_bytes {
        return Err(CsvError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    let decoded = decode_text(bytes);
    if decoded.text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let (text, first_line, announced) = strip_separator_line(&decoded.text);
    let delimiter = announced.unwrap_or_else(|| {
        if file_name.to_lowercase().ends_with(".tsv") {
            Delimiter::Tab
        } else {
            detect_delimiter(text)
        }
    });
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            None => return Err(CsvError::NoHeader),
            Some(record) => {
                let record = record.map_err(|error| syntax(&error, first_line))?;
                if record.iter().any(|cell| !cell.trim().is_empty()) {
                    break record;
                }
            }
        }
    };
    if header.len() > limits.max_columns {
        return Err(CsvError::TooManyColumns {
            count: header.len(),
            limit: limits.max_columns,
        });
    }
    // The csv crate miscounts lines after CRLF, so lines are counted here from byte offsets.
    let mut lines = LineCounter::new(text, first_line);
    let header_line = lines.line_at(header.position());
    check_cells(header.iter(), header_line, limits)?;
    let headers: Vec<String> = header.iter().map(|cell| cell.trim().to_string()).collect();
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|error| syntax(&error, first_line))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if rows.len() == limits.max_rows {
            return Err(CsvError::TooManyRows {
                limit: limits.max_rows,
            });
        }
        let line = lines.line_at(record.position());
        check_cells(record.iter(), line, limits)?;
        let mut cells: Vec<String> = record
            .iter()
            .take(headers.len())
            .map(str::to_string)
            .collect();
        cells.resize(headers.len(), String::new());
        let width = record.len();
        rows.push(CsvRow {
            line,
            cells,
            ragged: (width != headers.len()).then_some(width),
        });
    }
    Ok(CsvTable {
        file_name: file_name.to_string(),
        encoding: decoded.encoding,
        delimiter,
        headers,
        rows,
    })
}

/// Turns byte offsets, asked in increasing order, into line numbers.
struct LineCounter<'a> {
    text: &'a str,
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str, first_line: u64) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: first_line,
        }
    }

    fn line_at(&mut self, position: Option<&csv::Position>) -> u64 {
        let mut byte = position.map_or(self.offset, |at| at.byte() as usize);
        // After a CRLF the crate puts the next record at the LF.
        if self.text.as_bytes().get(byte) == Some(&b'\n') {
            byte += 1;
        }
        let byte = byte.clamp(self.offset, self.text.len());
        self.line += self.text.as_bytes()[self.offset..byte]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        self.offset = byte;
        self.line
    }
}

fn syntax(error: &csv::Error, first_line: u64) -> CsvError {
    let line = error.position().map_or(0, |at| at.line()) + first_line - 1;
    CsvError::Syntax {
        line,
        message: error.to_string(),
    }
}

fn check_cells<'a>(
    cells: impl Iterator<Item = &'a str>,
    line: u64,
    limits: &CsvLimits,
) -> Result<(), CsvError> {
    for (column, cell) in cells.enumerate() {
        // Bytes bound characters from above, so most cells skip the count.
        if cell.len() > limits.max_cell_chars {
            let length = cell.chars().count();
            if length > limits.max_cell_chars {
                return Err(CsvError::CellTooLong {
                    line,
                    column: column + 1,
                    length,
                    limit: limits.max_cell_chars,
                });
            }
        }
    }
    Ok(())
}

/// Excel understands a first line `sep=;` naming the delimiter. Returns the text after it, the
/// line the rest starts on, and the delimiter it names.
fn strip_separator_line(text: &str) -> (&str, u64, Option<Delimiter>) {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.trim_end_matches('\r');
    let announced = first
        .strip_prefix("sep=")
        .filter(|value| value.chars().count() == 1)
        .and_then(|value| value.chars().next())
        .and_then(Delimiter::from_char);
    match announced {
        Some(delimiter) => (rest, 2, Some(delimiter)),
        None => (text, 1, None),
    }
}

/// The delimiter that splits the first rows most often and most evenly: for each candidate,
/// the cells it makes in the header line, as long as the next rows agree. Quoted text is
/// skipped, so a comma inside a quoted title does not count.
fn detect_delimiter(text: &str) -> Delimiter {
    let lines = first_lines(text, 6);
    let mut best = (Delimiter::Comma, 0usize);
    for delimiter in Delimiter::ALL {
        let counts: Vec<usize> = lines
            .iter()
            .map(|line| count_outside_quotes(line, delimiter.byte()))
            .collect();
        let Some(&header) = counts.first() else {
            continue;
        };
        let consistent = counts.iter().skip(1).all(|count| *count >= header);
        let score = if consistent { header * 2 } else { header };
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

/// Up to `count` logical lines: a quoted line break does not end a line.
fn first_lines(text: &str, count: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (at, byte) in text.bytes().enumerate() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines.push(&text[start..at]);
                start = at + 1;
                if lines.len() == count {
                    return lines;
                }
            }
            _ => {}
        }
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for byte in line.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            _ if byte == delimiter && !quoted => count += 1,
            _ => {}
        }
    }
    count
}
