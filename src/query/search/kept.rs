//! A search index kept on disk beside a compiled dataset, and read back in place: a later
//! search maps the file and searches its arrays where they lie, without copying them.
//!
//! The layout, in the machine's byte order (the cache is the machine's own; a marker refuses a
//! file of the other order), each array starting at a multiple of 4 bytes:
//!
//! - `RELINDEX`, the byte-order marker (u32), then as u32: the number of entries, of terms and of
//!   postings, and the length of the words' text;
//! - for each field (`Field::ALL`): how many entries, and their words in total (u32, u64);
//! - the entries (`Entry`, 12 bytes each);
//! - as u32: `starts` (terms + 1), `postings`, `sorted` (terms), and where each word ends in the
//!   text (terms);
//! - the text of every word, one after another.
//!
//! Every number is checked before the index is used (`read`): entries name a record the dataset
//! has, postings an entry, the order and the word ends a term, each word a whole run of UTF-8.
//! No lookup can then go out of bounds or cut a character.

use std::borrow::Cow;
use std::io::{self, Write};

use super::{Entry, Field, RecordKind, SearchIndex, Terms, bases};
use crate::model::Dataset;

const MAGIC: &[u8; 8] = b"RELINDEX";
const BYTE_ORDER: u32 = 0x0102_0304;
/// Magic, marker, four counts, then per field a u32 count, 4 bytes of padding and a u64.
const HEAD: usize = 8 + 4 + 4 * 4 + Field::COUNT * 16;

fn count(n: usize) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| io::Error::other("the search index is too large to keep"))
}

/// Write the index in the layout above.
pub fn write(index: &SearchIndex, out: &mut impl Write) -> io::Result<()> {
    let terms: Vec<&str> = index.terms.iter().collect();
    let mut ends = Vec::with_capacity(terms.len());
    let mut end = 0usize;
    for term in &terms {
        end += term.len();
        ends.push(count(end)?);
    }
    out.write_all(MAGIC)?;
    out.write_all(&BYTE_ORDER.to_ne_bytes())?;
    for n in [index.entries.len(), terms.len(), index.postings.len(), end] {
        out.write_all(&count(n)?.to_ne_bytes())?;
    }
    for (entries, words) in index.stats {
        out.write_all(&entries.to_ne_bytes())?;
        out.write_all(&[0; 4])?;
        out.write_all(&words.to_ne_bytes())?;
    }
    out.write_all(bytemuck::cast_slice(&index.entries))?;
    for array in [&index.starts[..], &index.postings, &index.sorted, &ends] {
        out.write_all(bytemuck::cast_slice(array))?;
    }
    for term in terms {
        out.write_all(term.as_bytes())?;
    }
    Ok(())
}

/// The index kept in these bytes, read in place, or None when they are not a whole index that
/// fits this dataset.
pub fn read<'d>(data: &'d Dataset, bytes: &'d [u8], release: &dyn Fn(&[u8])) -> Option<SearchIndex<'d>> {
    let mut at = 0usize;
    let mut take = |len: usize| -> Option<&'d [u8]> {
        let part = bytes.get(at..at.checked_add(len)?)?;
        at += len;
        Some(part)
    };
    let u32_at = |part: &[u8], i: usize| part.get(i..i + 4).and_then(|b| b.try_into().ok()).map(u32::from_ne_bytes);
    let head = take(HEAD)?;
    if &head[..8] != MAGIC || u32_at(head, 8)? != BYTE_ORDER {
        return None;
    }
    let [entries_len, terms_len, postings_len, text_len] =
        [12, 16, 20, 24].map(|i| u32_at(head, i).map_or(0, |n| n as usize));
    let mut stats = [(0u32, 0u64); Field::COUNT];
    for (field, stat) in stats.iter_mut().enumerate() {
        let at = 28 + field * 16;
        let words = u64::from_ne_bytes(head.get(at + 8..at + 16)?.try_into().ok()?);
        *stat = (u32_at(head, at)?, words);
    }
    let array = |part: &'d [u8]| -> Option<&'d [u32]> { bytemuck::try_cast_slice(part).ok() };
    let entries: &[Entry] = bytemuck::try_cast_slice(take(entries_len.checked_mul(12)?)?).ok()?;
    let starts = array(take(terms_len.checked_add(1)?.checked_mul(4)?)?)?;
    let postings = array(take(postings_len.checked_mul(4)?)?)?;
    let sorted = array(take(terms_len.checked_mul(4)?)?)?;
    let ends = array(take(terms_len.checked_mul(4)?)?)?;
    let text = std::str::from_utf8(take(text_len)?).ok()?;
    if at != bytes.len() {
        return None;
    }

    let counts = [data.actors().len(), data.relationships().len(), data.event_count(), data.figure_count()];
    let entries_fit = all_released(entries, release, |e| {
        usize::from(e.kind) < RecordKind::ALL.len()
            && usize::from(e.field) < Field::COUNT
            && (e.record as usize) < counts[usize::from(e.kind)]
    });
    let n_entries = u32::try_from(entries.len()).ok()?;
    let n_terms = u32::try_from(terms_len).ok()?;
    let fits = entries_fit
        && starts.first() == Some(&0)
        && starts.windows(2).all(|w| w[0] <= w[1])
        && starts.last().is_some_and(|&last| last as usize == postings.len())
        && all_released(postings, release, |&e| e < n_entries)
        && sorted.iter().all(|&t| t < n_terms)
        && ends.windows(2).all(|w| w[0] <= w[1])
        && ends.last().is_none_or(|&last| last as usize == text.len())
        && ends.iter().all(|&end| text.is_char_boundary(end as usize));
    fits.then(|| SearchIndex {
        data,
        entries: Cow::Borrowed(entries),
        terms: Terms::Kept { text, ends },
        starts: Cow::Borrowed(starts),
        postings: Cow::Borrowed(postings),
        sorted: Cow::Borrowed(sorted),
        stats,
        base: bases(data),
        letters: std::sync::OnceLock::new(),
    })
}

/// Whether every item passes `check`, read a window at a time, each window given to `release`
/// once checked (the two largest arrays, entries and postings, are most of an index).
fn all_released<T: bytemuck::Pod>(items: &[T], release: &dyn Fn(&[u8]), check: impl Fn(&T) -> bool) -> bool {
    const WINDOW: usize = 4 << 20;
    items.chunks((WINDOW / size_of::<T>()).max(1)).all(|window| {
        let fits = window.iter().all(&check);
        release(bytemuck::cast_slice(window));
        fits
    })
}

/// Where the entries start in a kept index (for tests that damage one).
#[cfg(test)]
pub(super) fn entries_start() -> usize {
    HEAD
}
