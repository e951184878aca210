//! The status report as GitHub-flavoured Markdown: the document's blocks, escaped and laid out.

use super::document::{document, Align, Block, Cell, Table};
use super::StatusReport;
use crate::model::format::Formatter;

/// `text` as inline Markdown that shows literally: every character Markdown could read as syntax
/// is backslash-escaped, and line breaks become spaces (cells and headings are one line).
pub fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' | '\r' | '\t' => escaped.push(' '),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// The report as GitHub-flavoured Markdown.
pub fn to_markdown(report: &StatusReport, format: &dyn Formatter) -> String {
    let mut out = String::new();
    for block in document(report, format) {
        match block {
            Block::Title(title) => out.push_str(&format!("# {}\n\n", escape_markdown(&title))),
            Block::Heading { text, .. } => {
                out.push_str(&format!("## {}\n\n", escape_markdown(&text)))
            }
            Block::Paragraph(paragraph) => {
                out.push_str(&format!("{}\n\n", escape_markdown(&paragraph)))
            }
            Block::Table(Table { columns, rows, .. }) => {
                let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
                out.push_str(&line(
                    columns
                        .iter()
                        .map(|column| escape_markdown(&column.heading))
                        .collect(),
                ));
                out.push_str(&line(
                    columns
                        .iter()
                        .map(|column| match column.align {
                            Align::Left => "---".to_string(),
                            Align::Right => "---:".to_string(),
                        })
                        .collect(),
                ));
                for row in rows {
                    out.push_str(&line(
                        row.iter()
                            .map(|cell| match cell {
                                Cell::Text(value) => escape_markdown(value),
                                Cell::Status { label, .. } => {
                                    format!("**{}**", escape_markdown(label))
                                }
                            })
                            .collect(),
                    ));
                }
                out.push('\n');
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
