//! Safe XML reading for MSPDI: bytes → text → a small element tree.
//!
//! quick-xml does the tokenising; this module refuses what a planner never needs and an attacker
//! would use: a DOCTYPE (and with it every entity definition and external reference), entity
//! references other than the five predefined ones, and files past the plan-file limits (size,
//! nesting depth, string length, task count). Attributes are not read: MSPDI keeps everything
//! in elements. Element names lose their namespace prefix; the root's namespace is checked by
//! the caller.

use super::MspdiError;
use crate::model::io::Limits;
use quick_xml::events::Event;
use quick_xml::Reader;

/// One element: its local name, its text (unescaped, trimmed) and its child elements in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Element {
    pub name: String,
    pub namespace: Option<String>,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|child| child.name == name)
    }

    /// Every child named `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |child| child.name == name)
    }

    /// The children of the first child named `list`, named `item` (`Tasks`/`Task`).
    pub fn list<'a>(
        &'a self,
        list: &'a str,
        item: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.child(list)
            .into_iter()
            .flat_map(move |list| list.all(item))
    }

    /// The trimmed text of the first child named `name`, when present and not blank.
    pub fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name)
            .map(|child| child.text.trim())
            .filter(|text| !text.is_empty())
    }
}

/// Turns file bytes into text: UTF-8 (with or without a BOM) or UTF-16 with a BOM.
// To be replaced by `model::io::decode_text` once the `house` branch is in main.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<String, MspdiError> {
    let utf16 = |rest: &[u8], little: bool| {
        if rest.len() % 2 != 0 {
            return Err(MspdiError::Encoding);
        }
        let units = rest.chunks_exact(2).map(|pair| {
            if little {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| MspdiError::Encoding)
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => {
            String::from_utf8(rest.to_vec()).map_err(|_| MspdiError::Encoding)
        }
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        _ => String::from_utf8(bytes.to_vec()).map_err(|_| MspdiError::Encoding),
    }
}

/// Line and column (both from 1, columns in characters) of byte `offset` in `text`.
pub(crate) fn position(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut cut = offset;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|at| at + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Parses `text` into its root element, within `limits`.
pub(crate) fn parse(text: &str, limits: &Limits) -> Result<Element, MspdiError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    reader.config_mut().check_comments = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut tasks = 0usize;
    let at = |reader: &Reader<&[u8]>| position(text, reader.buffer_position() as usize);
    loop {
        let event = reader.read_event().map_err(|error| {
            let (line, column) = position(text, reader.error_position() as usize);
            MspdiError::Syntax {
                line,
                column,
                message: error.to_string(),
            }
        })?;
        match event {
            Event::DocType(_) => {
                let (line, column) = at(&reader);
                return Err(MspdiError::DocType { line, column });
            }
            Event::Start(start) | Event::Empty(start) if root.is_some() => {
                let _ = start;
                let (line, column) = at(&reader);
                return Err(MspdiError::Syntax {
                    line,
                    column,
                    message: "content after the root element".to_string(),
                });
            }
            Event::Start(start) => {
                if stack.len() >= limits.max_depth {
                    let (line, column) = at(&reader);
                    return Err(MspdiError::TooDeep {
                        line,
                        column,
                        limit: limits.max_depth,
                    });
                }
                stack.push(element(&start, stack.is_empty()));
            }
            Event::Empty(start) => {
                let is_root = stack.is_empty();
                let child = element(&start, is_root);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(child),
                    None => root = Some(child),
                }
            }
            Event::End(_) => {
                let done = stack.pop().ok_or_else(|| {
                    let (line, column) = at(&reader);
                    MspdiError::Syntax {
                        line,
                        column,
                        message: "a closing tag without an opening one".to_string(),
                    }
                })?;
                if done.name == "Task" && stack.len() == 2 {
                    tasks += 1;
                    if tasks > limits.max_tasks {
                        return Err(MspdiError::TooManyTasks {
                            count: tasks,
                            limit: limits.max_tasks,
                        });
                    }
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(text_event) => {
                push_text(
                    &mut stack,
                    &text_event.xml10_content(),
                    limits,
                    &reader,
                    text,
                )?;
            }
            Event::CData(data) => {
                push_text(&mut stack, &data.xml10_content(), limits, &reader, text)?;
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(&reference) {
                        Some(value) => value.to_string(),
                        None => {
                            let (line, column) = at(&reader);
                            return Err(MspdiError::Entity {
                                name: reference.chars().take(60).collect(),
                                line,
                                column,
                            });
                        }
                    },
                    Err(error) => {
                        let (line, column) = at(&reader);
                        return Err(MspdiError::Syntax {
                            line,
                            column,
                            message: error.to_string(),
                        });
                    }
                };
                push_text(&mut stack, &resolved, limits, &reader, text)?;
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        let (line, column) = position(text, text.len());
        return Err(MspdiError::Syntax {
            line,
            column,
            message: format!("the file ends before </{}>", open.name),
        });
    }
    let mut root = root.ok_or(MspdiError::NotMsProject)?;
    trim_all(&mut root);
    Ok(root)
}

fn element(start: &quick_xml::events::BytesStart<'_>, is_root: bool) -> Element {
    let local = start.local_name().as_ref().to_string();
    let namespace = is_root.then(|| {
        start
            .attributes()
            .flatten()
            .find(|attribute| attribute.key.as_ref() == "xmlns")
            .map(|attribute| attribute.value.to_string())
            .unwrap_or_default()
    });
    Element {
        name: local,
        namespace,
        text: String::new(),
        children: Vec::new(),
    }
}

fn push_text(
    stack: &mut [Element],
    piece: &str,
    limits: &Limits,
    reader: &Reader<&[u8]>,
    text: &str,
) -> Result<(), MspdiError> {
    let Some(current) = stack.last_mut() else {
        return Ok(());
    };
    // Whitespace between elements is not content.
    if current.text.is_empty() && piece.trim().is_empty() && !current.children.is_empty() {
        return Ok(());
    }
    current.text.push_str(piece);
    let length = current.text.chars().count();
    if current.text.len() > limits.max_string_chars && length > limits.max_string_chars {
        let (line, column) = position(text, reader.buffer_position() as usize);
        return Err(MspdiError::StringTooLong {
            line,
            column,
            length,
            limit: limits.max_string_chars,
        });
    }
    Ok(())
}

fn trim_all(element: &mut Element) {
    let trimmed = element.text.trim();
    if trimmed.len() != element.text.len() {
        element.text = trimmed.to_string();
    }
    for child in &mut element.children {
        trim_all(child);
    }
}
