//! Article bytes to text: UTF-8 (or UTF-16 with a byte order mark) with a leading BOM dropped,
//! invalid sequences replaced with a warning, binary and empty files refused.

/// UTF-8 with a leading BOM dropped; invalid sequences replaced (with a warning); binary and
/// empty files refused.
pub fn decode(bytes: Vec<u8>) -> Result<(String, Option<String>), String> {
    if let Some(decoded) = decode_utf16(&bytes) {
        return decoded;
    }
    if bytes.contains(&0) {
        return Err("skipped: binary file (contains NUL bytes)".to_string());
    }
    let (text, warning) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            (
                text,
                Some(format!(
                    "invalid UTF-8 (first at byte {at}); decoded with replacement characters"
                )),
            )
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text
        .chars()
        .all(|c| c.is_whitespace() || super::line::is_invisible(c))
    {
        return Err("skipped: empty or whitespace only".to_string());
    }
    Ok((text, warning))
}

/// A file that starts with a UTF-16 byte order mark, decoded (lone surrogates replaced).
fn decode_utf16(bytes: &[u8]) -> Option<Result<(String, Option<String>), String>> {
    let little = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks(2).map(|pair| match (pair, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        _ => 0xfffd,
    });
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or('\u{fffd}'))
        .collect();
    if text.contains('\0') {
        return Some(Err(
            "skipped: binary file (NUL characters in UTF-16 text)".to_string()
        ));
    }
    if text
        .chars()
        .all(|c| c.is_whitespace() || super::line::is_invisible(c))
    {
        return Some(Err("skipped: empty or whitespace only".to_string()));
    }
    let endian = if little { "LE" } else { "BE" };
    Some(Ok((
        text,
        Some(format!(
            "decoded from UTF-16 {endian}; offsets refer to the decoded text"
        )),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_drops_the_bom_and_refuses_binary() {
        assert_eq!(decode(b"\xef\xbb\xbfHi".to_vec()).unwrap().0, "Hi");
        assert!(decode(b"a\0b".to_vec()).is_err());
        assert!(decode(b" \n\t\xe2\x80\x8b".to_vec()).is_err());
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Hé 日".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (text, warning) = decode(utf16).unwrap();
        assert_eq!(text, "Hé 日");
        assert!(warning.unwrap().contains("UTF-16 LE"));
        let (text, warning) = decode(b"caf\xe9 ok".to_vec()).unwrap();
        assert_eq!(text, "caf\u{fffd} ok");
        assert!(warning.unwrap().contains("byte 3"));
    }
}
