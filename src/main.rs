//! `relations`: parse arguments, decide colour and format, run the command, map errors to exit codes.

use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::FromArgMatches;
use colored::Colorize;

use relations::cli::{Cli, ColorWhen};
use relations::render::Output;
use relations::render::pager::{Pager, PagerSettings, pager_command, terminal_rows};
use relations::render::{Format, PagingWhen};
use relations::{commands, error, render};

/// Colour for one stream: `--color` first, then CLICOLOR_FORCE, NO_COLOR, TERM=dumb and
/// whether the stream is a terminal.
fn use_color(when: ColorWhen, is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                return true;
            }
            is_terminal && !set("NO_COLOR") && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// Terminal width: COLUMNS when set, else the terminal's, else 80 columns (as for a pager or a
/// file, where no terminal tells).
fn terminal_width(is_terminal: bool) -> u16 {
    if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<u16>().ok()).filter(|&c| c >= 20)
    {
        return columns;
    }
    if is_terminal && let Some(width) = comfy_table::Table::new().width() {
        return width.max(20);
    }
    80
}

/// The arguments; clap's own errors echo what was typed, so they are printed escaped when that
/// holds a control character (`relations --format $'\e]52;c;SGk=\a'`).
fn parse_arguments() -> Result<Cli, ExitCode> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    match commands::cli_command_for(&args)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => Ok(cli),
        Err(error) => {
            let text = error.render().to_string();
            if text.lines().all(|line| render::sanitize(line) == line) {
                error.exit();
            }
            let mut stream: Box<dyn Write> = if error.use_stderr() {
                Box::new(std::io::stderr().lock())
            } else {
                Box::new(std::io::stdout().lock())
            };
            for line in text.lines() {
                let _ = writeln!(stream, "{}", render::sanitize(line));
            }
            Err(ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2)))
        }
    }
}

fn main() -> ExitCode {
    // Memory freed is given back to the system at once rather than after mimalloc's usual
    // 10 ms: a load frees its input and its passing buffers while it builds what it keeps, and
    // a delay counts both at the peak (100k events, a first `search`: 3.3x -> 2.6x the file;
    // CPU time unchanged within the noise; BENCHMARKS.md).
    // SAFETY: mi_option_set only stores an integer option; it is called before any other
    // thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    // A shell asking for candidates at Tab time is answered here, before anything is written.
    commands::complete_if_asked();
    let cli = match parse_arguments() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let stdout = std::io::stdout();
    let stdout_is_terminal = stdout.is_terminal();
    let color_out = use_color(cli.color, stdout_is_terminal);
    let color_err = use_color(cli.color, std::io::stderr().is_terminal());
    let format = match (cli.json, cli.format) {
        (true, _) => Format::Json,
        (false, Some(format)) => format,
        (false, None) if stdout_is_terminal => Format::Table,
        (false, None) => Format::Plain,
    };
    // Colour belongs to tables; plain output stays clean for grep and cut even when forced.
    colored::control::set_override(color_out && format == Format::Table);

    let width = terminal_width(stdout_is_terminal);
    // Paging happens only on a terminal, so the format and colour decided above for the
    // terminal hold inside the pager too.
    let paging = if cli.no_pager { PagingWhen::Never } else { cli.paging };
    let settings = match pager_command() {
        Some(command) if stdout_is_terminal && paging != PagingWhen::Never => Some(PagerSettings {
            command,
            rows: terminal_rows(),
            width: usize::from(width),
            always: paging == PagingWhen::Always,
        }),
        _ => None,
    };
    let mut pager = Pager::new(stdout.lock(), settings);
    let mut writer = BufWriter::new(&mut pager);
    let mut out = Output {
        out: &mut writer,
        format,
        color: color_out && format == Format::Table,
        width,
        fields: cli.fields.clone(),
    };
    let result = commands::run(&cli, &mut out).and_then(|()| writer.flush().map_err(error::Error::from));
    drop(writer);
    // The pager is waited for (and short output printed) before any error message, so that the
    // message is not drawn over the pager's screen.
    let finished = pager.finish();
    let result = result.and_then(|()| finished.map_err(error::Error::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            colored::control::set_override(color_err);
            let mut stderr = std::io::stderr().lock();
            // Messages echo arguments and paths, which may hold control characters.
            let _ = writeln!(stderr, "{} {}", "error:".red().bold(), render::sanitize(&error.to_string()));
            for hint in error.hints() {
                let _ = writeln!(stderr, "{}", render::sanitize(&hint));
            }
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(1))
        }
    }
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mi_option_t`: the option just before
/// `mi_option_use_numa_nodes` (mimalloc.h, v2 and v3), which libmimalloc-sys does not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = libmimalloc_sys::mi_option_use_numa_nodes - 1;
