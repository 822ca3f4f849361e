//! Reading one dataset document from a file or standard input, within a size limit.

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;

use crate::error::{Error, Result};

/// The bundled dataset, compiled into the binary.
pub const BUNDLED: &str = include_str!("../../data/bolivia.json");
pub const BUNDLED_NAME: &str = "<bundled>";

/// One dataset document to load, with the name its problems are reported under.
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The most bytes one input may bring (`--max-input`, `RELATIONS_MAX_INPUT`). The default,
/// 1 GiB, admits twice the largest generated benchmark dataset (1M events, 485 MiB) while
/// keeping an endless stream such as `/dev/zero` from taking more memory than that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputLimit(pub u64);

impl InputLimit {
    pub const DEFAULT: InputLimit = InputLimit(1 << 30);
}

impl Default for InputLimit {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// `1073741824`, `500M`, `2G`, `64K`, `1.5G`, with an optional `B` or `iB` (`500MiB`);
/// K, M, G and T are powers of 1024.
impl FromStr for InputLimit {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "'{}' is not a size: write bytes or a number with K, M, G or T (500M, 2G)",
                crate::model::shorten(text)
            )
        };
        let trimmed = text.trim();
        let upper = trimmed.to_ascii_uppercase();
        let without_b = upper.strip_suffix("IB").or_else(|| upper.strip_suffix('B')).unwrap_or(&upper);
        let (number, shift) = match without_b.as_bytes().last() {
            Some(b'K') => (&without_b[..without_b.len() - 1], 10),
            Some(b'M') => (&without_b[..without_b.len() - 1], 20),
            Some(b'G') => (&without_b[..without_b.len() - 1], 30),
            Some(b'T') => (&without_b[..without_b.len() - 1], 40),
            _ => (without_b, 0),
        };
        let number = number.trim();
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return Err(bad());
        }
        let bytes = if let Ok(whole) = number.parse::<u64>() {
            whole.checked_mul(1 << shift)
        } else {
            // A fraction of a unit (1.5G): f64 is exact enough for a limit.
            let value: f64 = number.parse().map_err(|_| bad())?;
            let bytes = (value * 2f64.powi(shift)).floor();
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // finite, non-negative, range checked
            (bytes < 1.8e19).then_some(bytes as u64)
        };
        bytes.map(InputLimit).ok_or_else(|| format!("'{}' is too large a size", crate::model::shorten(text)))
    }
}

/// The limit in the largest unit that writes it whole: `1G`, `500M`, `12345`.
impl fmt::Display for InputLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (unit, shift) in [("T", 40), ("G", 30), ("M", 20), ("K", 10)] {
            if self.0 >= 1 << shift && self.0.is_multiple_of(1 << shift) {
                return write!(f, "{}{unit}", self.0 >> shift);
            }
        }
        write!(f, "{}", self.0)
    }
}

/// Whether a path names standard input: `-`, or the device files that are the same stream.
pub fn is_stdin(path: &Path) -> bool {
    ["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"].iter().any(|name| path == Path::new(name))
}

/// Standard input is one stream: a second read would see it empty. Naming it twice is a usage
/// error rather than a confusing "EOF while parsing" for the second.
pub fn check_stdin_once<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Result<()> {
    let mut seen: Option<&Path> = None;
    for path in paths {
        if !is_stdin(path) {
            continue;
        }
        if let Some(first) = seen {
            return Err(Error::Usage(format!(
                "standard input can be read only once, but both '{}' and '{}' name it",
                first.display(),
                path.display()
            )));
        }
        seen = Some(path);
    }
    Ok(())
}

impl Input {
    pub fn bundled() -> Self {
        Self { name: BUNDLED_NAME.into(), bytes: BUNDLED.as_bytes().to_vec() }
    }

    /// Read a file named on the command line (`-` is standard input), at most `limit` bytes.
    ///
    /// The limit is checked while reading, so an endless stream ends at the limit. Reading also
    /// stops early at the first bytes that cannot be JSON text (invalid UTF-8, a control byte
    /// other than tab, CR or LF): the parser then reports them with their place, without
    /// reading the rest of `/dev/urandom` first.
    pub fn read(path: &Path, limit: InputLimit) -> Result<Self> {
        let name = path.display().to_string();
        let read_error = |source| Error::Read { path: name.clone(), source };
        let bytes = if path == Path::new("-") {
            read_limited(std::io::stdin().lock(), 0, limit)
                .map_err(|e| Error::Read { path: "standard input".into(), source: e })?
        } else {
            let file = std::fs::File::open(path).map_err(read_error)?;
            let metadata = file.metadata().map_err(read_error)?;
            if metadata.is_dir() {
                return Err(read_error(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    "it is a directory, not a dataset file",
                )));
            }
            // A regular file says its size: too large is known before reading, and the buffer is
            // allocated once. Devices and pipes say 0 and are read up to the limit.
            let size = if metadata.is_file() { metadata.len() } else { 0 };
            if size > limit.0 {
                return Err(read_error(too_large(limit)));
            }
            read_limited(file, size, limit).map_err(read_error)?
        };
        Ok(Self { name, bytes })
    }
}

fn too_large(limit: InputLimit) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::FileTooLarge,
        format!(
            "larger than the input limit of {} bytes ({limit}); raise it with --max-input SIZE or RELATIONS_MAX_INPUT",
            limit.0
        ),
    )
}

/// Read to the end or to the first byte past `limit`, whichever comes first.
fn read_limited(reader: impl Read, expected: u64, limit: InputLimit) -> std::io::Result<Vec<u8>> {
    // Read a window at a time, so that the checks below run on each window as it arrives.
    const WINDOW: usize = 1 << 20;
    let mut reader = reader.take(limit.0.saturating_add(1));
    // A regular file's size is known: one allocation of that size. A pipe or device reserves
    // address space for the whole limit up front, which costs memory only as pages are
    // written, so the buffer never moves (growing by doubling would hold up to twice the
    // limit while the last move copies). Where that much address space is refused, `read_to_end`
    // grows the buffer as usual.
    let capacity = if expected > 0 { expected.saturating_add(1) } else { limit.0.saturating_add(1) };
    let mut bytes = Vec::new();
    if bytes.try_reserve_exact(usize::try_from(capacity).unwrap_or(usize::MAX)).is_err() {
        bytes.reserve(WINDOW);
    }
    let mut checked_utf8 = 0; // bytes[..checked_utf8] is known to be UTF-8
    loop {
        let start = bytes.len();
        if (&mut reader).take(WINDOW as u64).read_to_end(&mut bytes)? == 0 {
            break;
        }
        if bytes.len() as u64 > limit.0 {
            return Err(too_large(limit));
        }
        if cannot_be_json(&bytes, start, &mut checked_utf8) {
            break;
        }
    }
    Ok(bytes)
}

/// Whether the bytes from `start` on hold a byte no JSON text can contain: a control byte other
/// than tab, LF and CR (JSON allows them neither between tokens nor inside strings), or a
/// UTF-8 error. A UTF-8 sequence cut at the end of what has been read is checked next time.
fn cannot_be_json(bytes: &[u8], start: usize, checked_utf8: &mut usize) -> bool {
    // One branch-free pass over the new bytes, which the compiler vectorises.
    #[allow(clippy::needless_bitwise_bool)] // no short circuit, so the loop vectorises
    let control =
        bytes[start..].iter().fold(false, |found, &b| found | (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r'));
    if control {
        return true;
    }
    match std::str::from_utf8(&bytes[*checked_utf8..]) {
        Ok(_) => {
            *checked_utf8 = bytes.len();
            false
        }
        Err(e) => {
            *checked_utf8 += e.valid_up_to();
            e.error_len().is_some()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_units_and_print_back() {
        for (text, bytes) in [
            ("1024", 1024),
            ("500M", 500 << 20),
            ("2G", 2 << 30),
            ("2g", 2 << 30),
            ("64KiB", 64 << 10),
            ("1.5G", 3 << 29),
            ("1T", 1 << 40),
            ("0", 0),
        ] {
            assert_eq!(text.parse::<InputLimit>(), Ok(InputLimit(bytes)), "{text}");
        }
        for bad in ["", "M", "-1", "1X", "1e9", "abc", "99999999999999999999", "20000000T"] {
            assert!(bad.parse::<InputLimit>().is_err(), "{bad}");
        }
        assert_eq!(InputLimit::DEFAULT.to_string(), "1G");
        assert_eq!(InputLimit(500 << 20).to_string(), "500M");
        assert_eq!(InputLimit(1000).to_string(), "1000");
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let endless = std::io::repeat(b' ');
        let error = read_limited(endless, 0, InputLimit(1 << 20)).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::FileTooLarge);
        assert_eq!(read_limited(&b"{}"[..], 2, InputLimit(2)).unwrap(), b"{}");
        assert!(read_limited(&b"{} "[..], 3, InputLimit(2)).is_err());
    }

    #[test]
    fn reading_stops_at_bytes_that_cannot_be_json() {
        let zeros = read_limited(std::io::repeat(0), 0, InputLimit(1 << 30)).unwrap();
        assert!(zeros.len() <= 1 << 20, "read {} bytes of zeros", zeros.len());
        let mut bad_utf8 = b"{\"a\": \"".to_vec();
        bad_utf8.push(0xff);
        let bytes = read_limited(bad_utf8.chain(std::io::repeat(b'x')), 0, InputLimit(1 << 30)).unwrap();
        assert!(bytes.len() <= 1 << 21);
        // A multi-byte character is not an error, wherever a read happens to cut it.
        let text = "{\"a\": \"ñ\"}".repeat(10_000);
        assert_eq!(read_limited(text.as_bytes(), 0, InputLimit::DEFAULT).unwrap(), text.as_bytes());
    }
}
