//! Strict decoding of the bytes of a file into text, for every reader of files (plan JSON and
//! the converters to come).
//!
//! UTF-8 is read with or without a byte-order mark; UTF-16 only with one, little- or big-endian.
//! Nothing is replaced: a byte that does not decode refuses the whole file, so a bad file never
//! arrives with U+FFFD in its names.

/// Why the bytes of a file are not text this app reads. Nothing has changed when one is returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotText {
    /// Bytes that are not UTF-8 (and carry no UTF-16 byte-order mark), at byte `offset`.
    #[error("not UTF-8 at byte {offset}")]
    NotUtf8 { offset: usize },
    /// A UTF-16 byte-order mark followed by bytes that are not UTF-16.
    #[error("not UTF-16 after its byte-order mark")]
    NotUtf16,
}

pub(super) const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
pub(super) const UTF16_LE_BOM: &[u8] = &[0xFF, 0xFE];
pub(super) const UTF16_BE_BOM: &[u8] = &[0xFE, 0xFF];

/// Decodes `bytes` strictly: UTF-8 (a leading byte-order mark is dropped), or UTF-16 LE or BE
/// when the bytes start with its byte-order mark.
pub fn decode_text(bytes: &[u8]) -> Result<String, NotText> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return utf8(rest, UTF8_BOM.len());
    }
    if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16_BE_BOM) {
        return utf16(rest, u16::from_be_bytes);
    }
    utf8(bytes, 0)
}

fn utf8(bytes: &[u8], skipped: usize) -> Result<String, NotText> {
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|error| NotText::NotUtf8 {
            offset: skipped + error.valid_up_to(),
        })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, NotText> {
    if !bytes.len().is_multiple_of(2) {
        return Err(NotText::NotUtf16);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| NotText::NotUtf16)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_le(text: &str) -> Vec<u8> {
        let mut bytes = UTF16_LE_BOM.to_vec();
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    fn utf16_be(text: &str) -> Vec<u8> {
        let mut bytes = UTF16_BE_BOM.to_vec();
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        bytes
    }

    #[test]
    fn utf8_reads_with_and_without_a_byte_order_mark() {
        assert_eq!(decode_text("Café ✓".as_bytes()), Ok("Café ✓".to_string()));
        let mut marked = UTF8_BOM.to_vec();
        marked.extend("Café".as_bytes());
        assert_eq!(decode_text(&marked), Ok("Café".to_string()));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_reads_both_ways_round() {
        assert_eq!(decode_text(&utf16_le("Café 𝄞")), Ok("Café 𝄞".to_string()));
        assert_eq!(decode_text(&utf16_be("Café 𝄞")), Ok("Café 𝄞".to_string()));
    }

    #[test]
    fn invalid_utf8_is_refused_with_its_offset_not_replaced() {
        let bytes = b"{\"name\": \"Broken \xff\xfe name\"}";
        assert_eq!(decode_text(bytes), Err(NotText::NotUtf8 { offset: 17 }));
    }

    #[test]
    fn broken_utf16_is_refused() {
        let mut odd = utf16_le("ab");
        odd.push(b'c');
        assert_eq!(decode_text(&odd), Err(NotText::NotUtf16));
        let mut lone_surrogate = UTF16_LE_BOM.to_vec();
        lone_surrogate.extend(0xD800u16.to_le_bytes());
        assert_eq!(decode_text(&lone_surrogate), Err(NotText::NotUtf16));
    }

    #[test]
    fn empty_bytes_are_empty_text() {
        assert_eq!(decode_text(b""), Ok(String::new()));
    }
}
