//! The one error type, its messages and hints, and the exit code each kind of failure maps to.

use std::fmt;
use std::io;

/// A problem found in a dataset, located by file and by line/column or JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// `line 3, column 7` for syntax, a JSON path such as `events[12].date` for shape and content.
    pub location: String,
    pub message: String,
}

impl Problem {
    /// The line and column of a syntax problem (`location` is then `line L, column C`).
    pub fn line_column(&self) -> Option<(u64, u64)> {
        let (line, column) = self.location.strip_prefix("line ")?.split_once(", column ")?;
        Some((line.parse().ok()?, column.parse().ok()?))
    }

    /// The JSON path of a problem of shape or content (`events[12].date`), if it has one.
    pub fn path(&self) -> Option<&str> {
        (!self.location.is_empty() && self.line_column().is_none()).then_some(self.location.as_str())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.location, self.message)
        }
    }
}

/// The problems found in a dataset: the first [`Problems::LISTED`] in full, the rest only
/// counted, so that a file of millions of broken records cannot fill memory with messages.
#[derive(Debug, Default)]
pub struct Problems {
    listed: Vec<Problem>,
    unlisted: usize,
}

impl Problems {
    /// How many problems are kept in full.
    pub const LISTED: usize = 1000;

    pub fn push(&mut self, problem: Problem) {
        if self.is_full() {
            self.unlisted += 1;
        } else {
            self.listed.push(problem);
        }
    }

    /// Count one more problem without making it: for when [`Problems::is_full`].
    pub fn count(&mut self) {
        self.unlisted += 1;
    }

    /// Take in another collector's problems, after this one's.
    pub fn append(&mut self, other: &mut Problems) {
        for problem in other.listed.drain(..) {
            self.push(problem);
        }
        self.unlisted += std::mem::take(&mut other.unlisted);
    }

    /// True when a new problem would only be counted.
    pub fn is_full(&self) -> bool {
        self.listed.len() >= Self::LISTED
    }

    pub fn is_empty(&self) -> bool {
        self.listed.is_empty() && self.unlisted == 0
    }

    /// Every problem found, listed or not.
    pub fn len(&self) -> usize {
        self.listed.len() + self.unlisted
    }

    pub fn listed(&self) -> &[Problem] {
        &self.listed
    }

    /// The problems found past the first [`Problems::LISTED`].
    pub fn unlisted(&self) -> usize {
        self.unlisted
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no actor matches '{}'", crate::model::shorten(.query))]
    NotFound {
        query: String,
        suggestions: Vec<String>,
        /// Where the word does appear, when not in an actor's name: "'ilo' appears in 3 events".
        elsewhere: Option<String>,
    },
    #[error("'{}' matches several actors; name one of them", crate::model::shorten(.query))]
    Ambiguous { query: String, candidates: Vec<String> },
    #[error("{0}")]
    NoRecord(String),
    #[error("{0}")]
    Usage(String),
    #[error("{} in the dataset", plural(.0.len(), "problem"))]
    InvalidData(Problems),
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error("cannot write output: {0}")]
    Output(#[from] io::Error),
    /// A record read on use from a compiled dataset failed its checks, or its search index did:
    /// the command is run again on the whole dataset (`commands::run`), so users never see this.
    #[error("the compiled dataset could not be read whole")]
    Incomplete,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NotFound { .. } | Error::Ambiguous { .. } | Error::NoRecord(_) => 1,
            Error::Usage(_) => 2,
            Error::InvalidData(_) | Error::Read { .. } | Error::Incomplete => 3,
            // Not the data's fault: the disk is full, the device failed. (A closed pipe is
            // not an error at all; see `is_broken_pipe`.)
            Error::Output(_) => 4,
        }
    }

    /// Lines printed after the `error:` line, each a hint or a detail.
    pub fn hints(&self) -> Vec<String> {
        match self {
            Error::NotFound { suggestions, elsewhere, .. } => {
                let mut hints = Vec::new();
                if let Some(elsewhere) = elsewhere {
                    hints.push(format!("hint: {elsewhere}"));
                }
                if !suggestions.is_empty() {
                    let quoted: Vec<String> = suggestions.iter().map(|s| format!("'{s}'")).collect();
                    hints.push(format!("hint: did you mean {}?", quoted.join(", ")));
                } else if elsewhere.is_none() {
                    hints.push(
                        "hint: `relations list countries` (or blocs, people, organisations) shows every name".into(),
                    );
                }
                hints
            }
            Error::Ambiguous { candidates, .. } => candidates.iter().map(|c| format!("  {c}")).collect(),
            Error::InvalidData(problems) => {
                let mut lines: Vec<String> = problems.listed().iter().map(ToString::to_string).collect();
                if problems.unlisted() > 0 {
                    lines.push(format!(
                        "and {} not listed (the first {} are); fix those and run `relations validate` again",
                        plural(problems.unlisted(), "more problem"),
                        Problems::LISTED
                    ));
                }
                lines
            }
            _ => Vec::new(),
        }
    }

    /// True when the output stream was closed by the reader (`relations events | head -1`),
    /// which ends the program quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") }
}
