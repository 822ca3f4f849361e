//! Text from a dataset is untrusted: control characters, bidirectional overrides and line
//! separators are shown escaped, so a dataset cannot move the cursor, recolour the terminal,
//! reorder a line or split one; and a CSV cell cannot be run as a spreadsheet formula.

use std::borrow::Cow;
use std::fmt::Write as _;

pub(super) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => clean.push_str("\\n"),
            '\t' => clean.push_str("\\t"),
            '\r' => clean.push_str("\\r"),
            c if needs_escape(c) && (c as u32) < 0x100 => {
                let _ = write!(clean, "\\x{:02x}", c as u32);
            }
            c if needs_escape(c) => {
                let _ = write!(clean, "\\u{{{:x}}}", c as u32);
            }
            c => clean.push(c),
        }
    }
    Cow::Owned(clean)
}

/// A CSV cell: escaped as for a terminal, and — the OWASP rule against CSV injection — with a
/// `'` before text a spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`; a
/// leading tab or CR is already escaped). Plain numbers such as `-2` or `-1.5` stay numbers, and
/// a tone's own text (`-1 strained`, never data) is left as it is.
pub fn csv_cell(text: &str, tone: Option<crate::model::Tone>) -> Cow<'_, str> {
    let clean = sanitize(text);
    let formula = clean.starts_with(['=', '+', '-', '@']) && !is_plain_number(&clean);
    if !formula || tone.is_some_and(|t| super::tone_text(t) == text) {
        return clean;
    }
    Cow::Owned(format!("'{clean}"))
}

/// An optional sign, digits, and optionally a point and more digits.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{csv_cell, sanitize};
    use crate::model::Tone;

    #[test]
    fn csv_cells_that_would_be_formulas_are_neutralised_but_numbers_are_not() {
        assert_eq!(csv_cell("=1+2", None), "'=1+2");
        assert_eq!(csv_cell("@SUM(A1)", None), "'@SUM(A1)");
        assert_eq!(csv_cell("+33 1 23", None), "'+33 1 23");
        assert_eq!(csv_cell("-cmd", None), "'-cmd");
        assert_eq!(csv_cell("\tx", None), "\\tx");
        assert_eq!(csv_cell("-2", None), "-2");
        assert_eq!(csv_cell("-1.5", None), "-1.5");
        assert_eq!(csv_cell("-1.", None), "'-1.");
        assert_eq!(csv_cell("-1 strained", Some(Tone::Strained)), "-1 strained");
        assert_eq!(csv_cell("-1 strained", None), "'-1 strained");
        assert_eq!(csv_cell("Piñera, \"Sebastián\"", None), "Piñera, \"Sebastián\"");
    }

    #[test]
    fn escapes_terminal_controls_and_bidi_overrides() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\\x1b[31mb");
        assert_eq!(sanitize("x\u{9b}y"), "x\\x9by");
        assert_eq!(sanitize("line\nnext\tcol"), "line\\nnext\\tcol");
        assert_eq!(sanitize("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(sanitize("Piñera"), "Piñera");
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
    }
}
