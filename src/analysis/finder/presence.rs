//! A candidate's byte presence summary: one bit per kind of byte its folded fields contain,
//! computed at index build. A term can only match a field holding every byte it looks for,
//! so a candidate whose summary lacks one of the query's bits is no match, decided without
//! reading its text (most candidates for a query with a rare letter: "zzz", "khmeim").

/// Which bit stands for a byte: ASCII letters ignore case (smart case only ever narrows a
/// match, so a case-blind summary stays a necessary condition), digits have their own bits,
/// other ASCII bytes share the rest, and every byte of a multi-byte character sets the last.
fn bit_of(byte: u8) -> u64 {
    let at = match byte {
        b'a'..=b'z' => byte - b'a',
        b'A'..=b'Z' => byte - b'A',
        b'0'..=b'9' => 26 + byte - b'0',
        0x80.. => 63,
        _ => 36 + byte % 27,
    };
    1 << at
}

/// The bits of every byte of `text`.
pub(super) fn presence_of(text: &[u8]) -> u64 {
    text.iter().fold(0, |bits, &b| bits | bit_of(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_ignores_case_and_keeps_digits_and_other_scripts_apart() {
        let text = presence_of("Putin, 2024 東".as_bytes());
        assert_eq!(presence_of(b"tuP") & !text, 0);
        assert_eq!(presence_of("42東".as_bytes()) & !text, 0);
        assert_ne!(presence_of(b"z") & !text, 0);
        assert_ne!(presence_of(b"3") & !text, 0);
    }
}
