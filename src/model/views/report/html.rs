//! The status report as one self-contained HTML document: the document's blocks with inline
//! style, no scripts, no external resources, and every piece of text escaped.

use super::document::{document, Align, Block, Cell, Table};
use super::StatusReport;
use crate::model::format::Formatter;

/// `text` safe to place in HTML text and in quoted attribute values: `&`, `<`, `>`, `"` and `'`
/// become character references.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Inline style of the HTML report: readable on screen and on paper, status colours with
/// dark text on light fills (each also labelled in words).
const HTML_STYLE: &str = "\
body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#1b1b1b;\
background:#fff;line-height:1.5;max-width:60rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem;\
border-bottom:1px solid #d0d0d0;padding-bottom:.2rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}\
th,td{border:1px solid #d0d0d0;padding:.35rem .6rem;text-align:left;vertical-align:top}\
th{background:#f2f2f2}.num{text-align:right;font-variant-numeric:tabular-nums}\
.rag{display:inline-block;padding:.05rem .55rem;border-radius:.8rem;font-weight:600;\
white-space:nowrap;border:1px solid currentColor}\
.rag--green{background:#dcf1e0;color:#0f4d1c}.rag--amber{background:#fdecc8;color:#5c3b00}\
.rag--red{background:#f9d5d3;color:#7a1410}.rag--untracked{background:#ececec;color:#333}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

/// The report as one self-contained HTML document: inline style, no scripts, no external
/// resources; all text escaped.
pub fn to_html(report: &StatusReport, format: &dyn Formatter) -> String {
    let blocks = document(report, format);
    let title = blocks
        .iter()
        .find_map(|block| match block {
            Block::Title(title) => Some(title.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{} ({})</title>\n",
        escape_html(&title),
        escape_html(&format.date(report.status_date))
    ));
    out.push_str(&format!("<style>{HTML_STYLE}</style>\n</head>\n<body>\n"));
    for block in blocks {
        match block {
            Block::Title(title) => out.push_str(&format!("<h1>{}</h1>\n", escape_html(&title))),
            Block::Heading { text, .. } => {
                out.push_str(&format!("<h2>{}</h2>\n", escape_html(&text)))
            }
            Block::Paragraph(paragraph) => {
                out.push_str(&format!("<p>{}</p>\n", escape_html(&paragraph)))
            }
            Block::Table(Table { columns, rows, .. }) => {
                let class = |align: Align| match align {
                    Align::Left => "",
                    Align::Right => " class=\"num\"",
                };
                out.push_str("<table>\n<thead><tr>");
                for column in &columns {
                    out.push_str(&format!(
                        "<th scope=\"col\"{}>{}</th>",
                        class(column.align),
                        escape_html(&column.heading)
                    ));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for (cell, column) in row.iter().zip(&columns) {
                        let content = match cell {
                            Cell::Text(value) => escape_html(value),
                            Cell::Status { key, label } => format!(
                                "<span class=\"rag rag--{}\">{}</span>",
                                escape_html(key),
                                escape_html(label)
                            ),
                        };
                        out.push_str(&format!("<td{}>{content}</td>", class(column.align)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
