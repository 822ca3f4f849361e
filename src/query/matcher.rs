//! The one set of word rules behind `search`, `events --grep` and the hints of a miss: text is
//! cut into words, words are folded (case, accents), and a query word matches a whole word or
//! the start of one, never the inside of another.
//!
//! - A word is a run of letters and digits; anything else (space, hyphen, apostrophe) separates.
//! - A query word matches a word of the text that starts with it: `lease` finds "lease" and
//!   "leased", never "release".
//! - A query word written in capitals (two or more letters, no lower case: `DEA`, `MAS`, `ICJ`)
//!   is taken for an acronym: it matches the same whole word in any case, or the start of a
//!   word also written in capitals, so `DEA` does not find "deal", nor `MAS` "Massacre", while
//!   `GOLDBERG` still finds "Goldberg".
//! - A quoted phrase ("salida al mar") matches its words in order, side by side, the last one
//!   as a prefix and the others whole; so does a query word with inner punctuation
//!   (`counter-narcotics`, `bolivia's`).
//! - Several words or phrases must all match.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::{Dataset, Event, Slug};

/// One word of a text: folded, where it lies (byte offsets into the text), and whether it was
/// written in capitals.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub folded: &'a str,
    pub start: usize,
    pub end: usize,
    pub caps: bool,
    /// The folded word's bytes as one number when it has at most 16 (most words), else 0: a
    /// key that is cheaper to hash and compare than the text. A word has no NUL byte, so the
    /// zero padding is unambiguous.
    pub key: u128,
}

fn is_word_char(c: char) -> bool {
    if ('\u{c0}'..='\u{ff}').contains(&c) {
        // Latin-1 letters, the accented letters of Spanish and Portuguese names: all but × and ÷.
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The plain letter of a Latin-1 accented letter (`é` → `e`, `Ñ` → `n`), for the letters whose
/// decomposition is that letter and one accent; `None` for the rest (æ, ø, ß…).
fn latin1_base(c: char) -> Option<char> {
    const BASES: &[u8; 64] = b"aaaaaa?ceeeeiiii?nooooo??uuuuy??aaaaaa?ceeeeiiii?nooooo??uuuuy?y";
    let code = u32::from(c).checked_sub(0xc0)?;
    let base = *BASES.get(usize::try_from(code).ok()?)?;
    // Å and å decompose too; Æ (index 6) and the like are marked '?'.
    (base != b'?').then_some(char::from(base))
}

/// Fold a word of ASCII and Latin-1 letters without Unicode decomposition; false (and `out`
/// left partly written) when another character needs the general path.
fn fold_latin1(word: &str, out: &mut String) -> bool {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(base) = latin1_base(c) {
            out.push(base);
        } else {
            return false;
        }
    }
    true
}

/// What each byte is to the tokenizer: 0 separator, 1 lower-case letter or digit, 2 upper-case
/// letter, 3 part of a non-ASCII character.
const CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(clippy::cast_possible_truncation)] // b < 256
        let byte = b as u8;
        class[b] = match byte {
            b'a'..=b'z' | b'0'..=b'9' => 1,
            b'A'..=b'Z' => 2,
            0x80..=0xff => 3,
            _ => 0,
        };
        b += 1;
    }
    class
};

/// The key of a folded word (see `Word::key`).
pub fn word_key(folded: &str) -> u128 {
    if folded.len() > 16 {
        return 0;
    }
    pack(folded.as_bytes())
}

/// Up to 16 bytes as one number, the first byte lowest (a loop, not a call to memcpy).
fn pack(bytes: &[u8]) -> u128 {
    bytes.iter().enumerate().fold(0, |key, (k, &b)| key | u128::from(b) << (8 * k))
}

/// `MASKS[n]` keeps the first `n` bytes of a key.
const MASKS: [u128; 17] = {
    let mut masks = [0u128; 17];
    let mut n = 1;
    while n < 17 {
        masks[n] = (masks[n - 1] << 8) | 0xff;
        n += 1;
    }
    masks
};

/// The key of the ASCII letters and digits `bytes[start..end]`, folded: sixteen bytes read at
/// once and masked to the word. Setting bit 0x20 lowers a letter and leaves a digit as it is.
fn ascii_key(bytes: &[u8], start: usize, end: usize) -> u128 {
    let len = end - start;
    if len > 16 {
        return 0;
    }
    let raw = match bytes.get(start..start + 16) {
        Some(sixteen) => u128::from_le_bytes(sixteen.try_into().unwrap_or([0; 16])),
        None => pack(&bytes[start..end]),
    };
    (raw | 0x2020_2020_2020_2020_2020_2020_2020_2020) & MASKS[len]
}

/// Call `each` with every word of `text`, in order. Plain ASCII words (most of them) are folded
/// byte by byte, without Unicode decomposition, and keyed as they are read; one buffer serves
/// every word that needs folding.
pub fn for_each_word(text: &str, mut each: impl FnMut(Word<'_>)) {
    let bytes = text.as_bytes();
    let mut folded = String::new();
    let mut i = 0;
    let char_at = |i: usize| text[i..].chars().next().unwrap_or(' ');
    while i < bytes.len() {
        match CLASS[usize::from(bytes[i])] {
            0 => {
                i += 1;
                continue;
            }
            3 => {
                let c = char_at(i);
                if !is_word_char(c) {
                    i += c.len_utf8();
                    continue;
                }
            }
            _ => {}
        }
        let start = i;
        // The common case: a run of ASCII letters and digits, read a byte at a time.
        let mut upper = false;
        while i < bytes.len() {
            match CLASS[usize::from(bytes[i])] {
                1 => {}
                2 => upper = true,
                _ => break,
            }
            i += 1;
        }
        let ascii = i == bytes.len() || CLASS[usize::from(bytes[i])] != 3;
        if !ascii {
            while i < bytes.len() {
                let c = char_at(i);
                if !is_word_char(c) {
                    break;
                }
                upper |= c.is_uppercase();
                i += c.len_utf8();
            }
        }
        let word = &text[start..i];
        let caps = upper && !word.chars().any(char::is_lowercase);
        if ascii {
            let key = ascii_key(bytes, start, i);
            if !upper {
                // Already folded: most words of a summary need no copy.
                each(Word { folded: word, start, end: i, caps, key });
                continue;
            }
            folded.clear();
            folded.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            each(Word { folded: &folded, start, end: i, caps, key });
            continue;
        }
        folded.clear();
        if !fold_latin1(word, &mut folded) {
            folded.clear();
            for c in word.nfkd().filter(|c| !is_combining_mark(*c)) {
                folded.extend(c.to_lowercase());
            }
        }
        each(Word { folded: &folded, start, end: i, caps, key: word_key(&folded) });
    }
}

/// The words of a text, each folded into its own string.
pub fn words(text: &str) -> Vec<(String, Range<usize>, bool)> {
    let mut all = Vec::new();
    for_each_word(text, |w| all.push((w.folded.to_owned(), w.start..w.end, w.caps)));
    all
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Folded.
    pub folded: String,
    /// Written in capitals: a prefix only of words written in capitals.
    pub acronym: bool,
    /// Must be the whole word (inner words of a phrase), not a prefix.
    pub whole: bool,
    /// Set by a search when the word matched nothing: the known words it is a typo of. When
    /// set, the pattern matches exactly these words instead.
    pub fuzzy: Vec<String>,
}

impl Pattern {
    pub fn matches(&self, folded: &str, caps: bool) -> bool {
        if !self.fuzzy.is_empty() {
            return self.fuzzy.iter().any(|f| f == folded);
        }
        if self.acronym && !caps {
            return folded == self.folded;
        }
        if self.whole { folded == self.folded } else { folded.starts_with(&self.folded) }
    }
}

/// A word or a phrase: its words must match side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub words: Vec<Pattern>,
}

/// What a person typed, as terms that must all match.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    /// Words and "quoted phrases"; an unclosed quote runs to the end.
    pub fn parse(text: &str) -> Self {
        let mut terms = Vec::new();
        for (i, chunk) in text.split('"').enumerate() {
            let quoted = i % 2 == 1;
            let pieces: Vec<&str> = if quoted { vec![chunk] } else { chunk.split_whitespace().collect() };
            for piece in pieces {
                let mut words = Vec::new();
                for_each_word(piece, |w| {
                    let original = &piece[w.start..w.end];
                    words.push(Pattern {
                        folded: w.folded.to_owned(),
                        acronym: w.caps && original.chars().filter(|c| c.is_alphabetic()).count() >= 2,
                        whole: true,
                        fuzzy: Vec::new(),
                    });
                });
                if let Some(last) = words.last_mut() {
                    last.whole = false;
                    terms.push(Term { words });
                }
            }
        }
        Self { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Where each term matches in `text`: (term index, byte range of the matched words).
    pub fn find(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let words = words(text);
        let mut found = Vec::new();
        for (t, term) in self.terms.iter().enumerate() {
            let n = term.words.len();
            for at in 0..words.len().saturating_sub(n - 1) {
                let here = &words[at..at + n];
                if term.words.iter().zip(here).all(|(p, (folded, _, caps))| p.matches(folded, *caps)) {
                    found.push((t, here[0].1.start..here[n - 1].1.end));
                }
            }
        }
        found.sort_by_key(|(t, r)| (r.start, *t));
        found
    }

    /// The terms that match somewhere in `text`, as a bit set (terms past 64 never count).
    pub fn matched_terms(&self, text: &str) -> u64 {
        self.find(text).iter().fold(0, |set, (t, _)| set | bit(*t))
    }

    /// Every term's bit.
    pub fn all_terms(&self) -> u64 {
        (0..self.terms.len()).fold(0, |set, t| set | bit(t))
    }
}

pub fn bit(term: usize) -> u64 {
    if term < 64 { 1 << term } else { 0 }
}

/// `events --grep`: the query, and for each term the actors whose name, alias or ISO code it
/// matches, so that `ICJ` finds the events of the International Court of Justice.
#[derive(Debug, Clone)]
pub struct Grep {
    pub query: Query,
    actors_by_term: Vec<Vec<Slug>>,
}

impl Grep {
    pub fn new(query: Query, data: &Dataset) -> Self {
        let mut actors_by_term = vec![Vec::new(); query.terms.len()];
        for actor in data.actors() {
            let names = std::iter::once(&actor.name).chain(&actor.aliases).chain(&actor.iso3);
            let matched = names.fold(0, |set, name| set | query.matched_terms(name));
            for (t, ids) in actors_by_term.iter_mut().enumerate() {
                if matched & bit(t) != 0 {
                    ids.push(actor.id.clone());
                }
            }
        }
        Self { query, actors_by_term }
    }

    /// Every term matches the event's title, summary, type or tags, or the name of an actor
    /// involved in it.
    pub fn matches_event(&self, event: &Event) -> bool {
        let texts = [event.title.as_str(), event.summary.as_str(), event.kind.as_str()];
        let matched = texts
            .into_iter()
            .chain(event.tags.iter().map(String::as_str))
            .fold(0, |set, text| set | self.query.matched_terms(text));
        (0..self.query.terms.len())
            .all(|t| matched & bit(t) != 0 || self.actors_by_term[t].iter().any(|id| event.involves(id.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::{Query, words};

    fn matches(query: &str, text: &str) -> bool {
        let query = Query::parse(query);
        query.matched_terms(text) == query.all_terms()
    }

    #[test]
    fn words_are_folded_with_their_byte_offsets() {
        let all = words("Piñera's counter-narcotics DEA");
        let folded: Vec<&str> = all.iter().map(|(f, _, _)| f.as_str()).collect();
        assert_eq!(folded, ["pinera", "s", "counter", "narcotics", "dea"]);
        assert_eq!(all[0].1, 0..7, "ñ is two bytes");
        assert!(all[4].2 && !all[0].2, "DEA is in capitals, Piñera is not");
        let mut keys = Vec::new();
        super::for_each_word("Piñera DEA internationalisation", |w| keys.push((w.key, super::word_key(w.folded))));
        assert!(keys.iter().all(|(read, computed)| read == computed), "{keys:?}");
        assert_eq!(keys[2].0, 0, "longer than 16 bytes");
    }

    #[test]
    fn latin1_letters_fold_as_unicode_decomposition_does() {
        for code in 0xc0..=0xffu32 {
            let c = char::from_u32(code).unwrap();
            let text = format!("x{c}y");
            let general: String = super::super::fold(&text).chars().filter(|c| c.is_alphanumeric()).collect();
            let mut fast = String::new();
            if super::fold_latin1(&text, &mut fast) {
                assert_eq!(fast, general, "{c}");
            }
            assert_eq!(super::is_word_char(c), c.is_alphanumeric(), "{c}");
        }
    }

    #[test]
    fn a_word_matches_whole_words_and_prefixes_never_inside_a_word() {
        assert!(matches("lease", "a 99-year lease"));
        assert!(matches("lea", "a 99-year lease"));
        assert!(!matches("ease", "a 99-year lease"));
        assert!(!matches("lease", "the release"));
        assert!(matches("PINERA", "Sebastián Piñera"));
    }

    #[test]
    fn a_word_in_capitals_matches_only_capitals() {
        assert!(matches("DEA", "expels the DEA"));
        assert!(!matches("DEA", "a gas pipeline deal"));
        assert!(!matches("MAS", "Massacre of campesinos"));
        assert!(matches("MAS", "the MAS government"));
        assert!(!matches("DEA", "the ATPDEA preferences"));
        assert!(matches("dea", "a gas pipeline deal"), "lower case is a plain prefix");
        assert!(matches("GOLDBERG", "Philip Goldberg"), "the whole word in any case");
        assert!(matches("US", "the USAID mission"), "the start of a word in capitals");
    }

    #[test]
    fn phrases_match_side_by_side_and_all_terms_must_match() {
        assert!(matches("\"salida al mar\"", "a salida al mar for Bolivia"));
        assert!(matches("\"salida al mar\"", "salida, al mar"), "punctuation between words is fine");
        assert!(!matches("\"salida al mar\"", "salida, not al mar"), "another word between breaks it");
        assert!(!matches("\"mar al\"", "salida al mar"));
        assert!(matches("counter-narcotics", "Counter narcotics aid"));
        assert!(matches("gas chile", "Chile buys gas"));
        assert!(!matches("gas peru", "Chile buys gas"));
    }
}
