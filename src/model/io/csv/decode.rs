//! Turning a file's bytes into text: what `io::decode_text` reads (UTF-8, with or without a
//! byte order mark, and UTF-16 with one), and otherwise Windows-1252, the code page old Excel
//! versions save CSV in.

use super::super::decode_text as strict;
use super::super::text::{UTF16_BE_BOM, UTF16_LE_BOM, UTF8_BOM};
use serde::{Deserialize, Serialize};

/// How the bytes of a file were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with the byte order mark Excel writes.
    Utf8Bom,
    /// UTF-16, little or big endian, announced by its byte order mark.
    Utf16,
    /// Not valid UTF-8, so read as Windows-1252; the import report says so.
    Windows1252,
}

/// A file's text and how it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decoded {
    /// The text, without its byte order mark.
    pub text: String,
    pub encoding: Encoding,
}

/// Reads `bytes` as [`crate::model::io::decode_text`] does (UTF-8 with or without a byte order
/// mark, UTF-16 with one), and, where that refuses them, as Windows-1252, which gives every
/// byte a character, so this never fails.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    match strict(bytes) {
        Ok(text) => {
            let encoding = if bytes.starts_with(UTF8_BOM) {
                Encoding::Utf8Bom
            } else if bytes.starts_with(UTF16_LE_BOM) || bytes.starts_with(UTF16_BE_BOM) {
                Encoding::Utf16
            } else {
                Encoding::Utf8
            };
            Decoded { text, encoding }
        }
        Err(_) => Decoded {
            text: bytes.iter().map(|byte| windows_1252(*byte)).collect(),
            encoding: Encoding::Windows1252,
        },
    }
}

/// The characters of bytes 0x80 to 0x9F in Windows-1252. The five bytes the code page leaves
/// undefined keep their C1 control code point, as browsers decode them.
const HIGH_CONTROLS: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// One Windows-1252 byte as a character: ASCII and 0xA0 to 0xFF are Latin-1.
fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => HIGH_CONTROLS[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}
