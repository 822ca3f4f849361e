//! Case and accent folding, so "pinera" finds "Piñera" and "SANCHEZ" finds "Sánchez".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, strip accents and collapse runs of white space to one space.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Most names are plain ASCII; they need no Unicode decomposition.
        return fold_chars(text.chars());
    }
    fold_chars(text.nfkd().filter(|c| !is_combining_mark(*c)))
}

fn fold_chars(chars: impl Iterator<Item = char>) -> String {
    let mut folded = String::new();
    let mut pending_space = false;
    for c in chars {
        if c.is_whitespace() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        folded.extend(c.to_lowercase());
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn strips_accents_case_and_extra_space() {
        assert_eq!(fold("Sebastián Piñera"), "sebastian pinera");
        assert_eq!(fold("  Sánchez   de Lozada "), "sanchez de lozada");
        assert_eq!(fold("CHÁVEZ"), "chavez");
    }

    #[test]
    fn folding_twice_changes_nothing() {
        for text in ["Ñandú", "ÉCOLE", "İstanbul", "ﬁne", "a\u{301}"] {
            assert_eq!(fold(&fold(text)), fold(text), "{text}");
        }
    }
}
