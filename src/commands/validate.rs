//! `relations validate FILE…`: load the files on top of the base data and report the problems found.

use std::io::Write as _;

use serde_json::json;

use crate::cli::ValidateArgs;
use crate::error::{Error, Problem, Problems, Result, plural};
use crate::load::{self, Input, InputLimit};
use crate::render::Format;
use crate::render::Output;

pub fn run(args: &ValidateArgs, base: Vec<Input>, limit: InputLimit, out: &mut Output) -> Result<()> {
    // `--data -` may already have read standard input; naming it again here would see it empty.
    let stdin_in_base = base.iter().find(|i| load::is_stdin(std::path::Path::new(&i.name)));
    let named = stdin_in_base.map(|i| std::path::Path::new(&i.name));
    load::check_stdin_once(named.into_iter().chain(args.files.iter().map(std::path::PathBuf::as_path)))?;
    // Unreadable files are problems like any other, so one missing file does not hide the rest.
    let mut inputs = Vec::new();
    let mut unreadable = Problems::default();
    for path in &args.files {
        match Input::read(path, limit) {
            Ok(input) => inputs.push(input),
            Err(Error::Read { path, source }) => unreadable.push(Problem {
                file: path,
                location: String::new(),
                message: format!("cannot read: {source}"),
            }),
            Err(other) => return Err(other),
        }
    }
    let checked: Vec<String> = inputs.iter().map(|i| i.name.clone()).collect();
    let mut all = base;
    all.extend(inputs);
    let problems = match load::load(all) {
        Ok(data) if unreadable.is_empty() => Ok(data),
        Ok(_) => Err(unreadable),
        Err(Error::InvalidData(mut problems)) => {
            unreadable.append(&mut problems);
            Err(unreadable)
        }
        Err(other) => return Err(other),
    };
    let data = match problems {
        Ok(data) => data,
        Err(problems) => {
            // JSON readers get the problems on standard output; the exit status and the lines on
            // standard error are those of any invalid data.
            if out.format == Format::Json {
                let listed: Vec<_> = problems.listed().iter().map(problem_json).collect();
                out.json(&json!({"valid": false, "files": checked, "warnings": [], "counts": null,
                    "problems": listed, "unlisted": problems.unlisted()}))?;
            }
            return Err(Error::InvalidData(problems));
        }
    };
    let warnings = load::warnings(&data);
    let counts = [
        ("actors", data.actors().len()),
        ("relationships", data.relationships().len()),
        ("events", data.events().len()),
        ("figures", data.figures().len()),
    ];
    // As in `commands::run`: the process exits next, so the dataset is not freed piece by piece.
    std::mem::forget(data);
    // Warnings go to standard error, beside the result on standard output; they do not change
    // the exit status.
    let mut stderr = std::io::stderr().lock();
    for warning in &warnings {
        writeln!(stderr, "warning: {}", crate::render::sanitize(warning))?;
    }
    if out.format == Format::Json {
        let counts: serde_json::Map<_, _> = counts.iter().map(|(k, n)| ((*k).to_owned(), json!(n))).collect();
        return out
            .json(&json!({"valid": true, "files": checked, "warnings": warnings, "counts": counts, "problems": [], "unlisted": 0}));
    }
    let summary: Vec<String> = counts.iter().map(|(kind, n)| format!("{n} {kind}")).collect();
    writeln!(out.out, "ok: {} valid ({} after merging)", plural(checked.len(), "file"), summary.join(", "))?;
    Ok(())
}

/// A problem for programs: the file, and as much of where as the loader knows (a JSON path for
/// shape and content, a line and column for syntax; null otherwise).
fn problem_json(problem: &Problem) -> serde_json::Value {
    let (line, column) = problem.line_column().unzip();
    json!({
        "file": problem.file,
        "path": problem.path(),
        "line": line,
        "column": column,
        "message": problem.message,
    })
}
