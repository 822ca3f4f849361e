//! Shell completion: the shell asks the program for candidates on Tab; no data is in a script.
//!
//! `relations completions SHELL` prints clap_complete's registration script. On Tab the shell
//! runs `COMPLETE=SHELL relations -- WORDS…`; [`complete_if_asked`] answers with one candidate
//! per line, which every shell reads as data, never as code. Ids are slugs (`[a-z0-9-]`); names
//! shown beside them pass through [`sanitize`].

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use clap_complete::env::{self, CompleteEnv, EnvCompleter, Shells};

use crate::cli::CompletionsArgs;
use crate::error::{Error, Result};
use crate::load::{self, Input};
use crate::model::{ActorKind, Dataset, EventType, FigureKind, Vocabulary};
use crate::render::{Output, sanitize};

/// The variable that turns a run of the program into a completion request.
const COMPLETE_VAR: &str = "COMPLETE";

/// The kinds `relations list` takes (see `list::KINDS`), with what each lists.
const LIST_KINDS: &[(&str, &str)] = &[
    ("countries", "states"),
    ("blocs", "trade blocs, unions and alliances"),
    ("people", "named individuals"),
    ("organisations", "companies, agencies, courts, banks, parties"),
    ("actors", "every actor"),
    ("events", "every event"),
    ("figures", "every figure"),
    ("relationships", "every relationship"),
    ("types", "the event types"),
    ("tags", "the tags of events and themes of relationships, with counts"),
];

/// clap_complete's shells, each answering with values before options.
const SHELLS: Shells<'static> = Shells(&[
    &ValuesBeforeOptions(&env::Bash),
    &ValuesBeforeOptions(&env::Elvish),
    &ValuesBeforeOptions(&env::Fish),
    &ValuesBeforeOptions(&env::Powershell),
    &ValuesBeforeOptions(&env::Zsh),
]);

/// Answers a completion request and exits; returns at once when this is an ordinary run.
pub fn complete_if_asked() {
    let asked = std::env::var_os(COMPLETE_VAR).is_some_and(|v| !v.is_empty() && v != "0");
    if asked {
        // The words being completed follow `--`; the dataset they name gives the candidates.
        let words: Vec<OsString> = std::env::args_os().skip_while(|a| a != "--").skip(1).collect();
        let _ = DATA_WORDS.set(words);
    }
    CompleteEnv::with_factory(command).var(COMPLETE_VAR).shells(SHELLS).complete();
}

/// One of clap_complete's shells, except that where a word could be a value or an option (an
/// empty word after `show`), only the values are offered: options appear once a `-` is typed.
/// clap_complete would list every option after the actor ids.
struct ValuesBeforeOptions(&'static dyn EnvCompleter);

impl EnvCompleter for ValuesBeforeOptions {
    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn is(&self, name: &str) -> bool {
        self.0.is(name)
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        self.0.write_registration(var, name, bin, completer, buf)
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        let mut answer = Vec::new();
        self.0.write_complete(cmd, args, current_dir, &mut answer)?;
        // Candidates are separated as the registration script asked (bash: vertical tab), or
        // one per line; each starts with its value.
        let separator = std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".into());
        let text = String::from_utf8_lossy(&answer);
        let (body, end) = match text.strip_suffix(&separator) {
            Some(body) => (body, separator.as_str()),
            None => (&*text, ""),
        };
        let candidates: Vec<&str> = body.split(separator.as_str()).collect();
        let is_option = |c: &&str| c.starts_with('-');
        if candidates.iter().any(is_option) && !candidates.iter().all(is_option) {
            let values: Vec<&str> = candidates.into_iter().filter(|c| !is_option(c)).collect();
            write!(buf, "{}{end}", values.join(&separator))
        } else {
            buf.write_all(&answer)
        }
    }
}

/// A source of candidates for one argument.
type Candidates = fn() -> Vec<CompletionCandidate>;

/// The command line with a candidate list on every argument that names a record or a kind.
/// Only the completer uses it; parsing still accepts any name, as the commands resolve names.
fn command() -> clap::Command {
    let mut command = super::cli_command();
    let arguments: &[(&str, &str, Candidates)] = &[
        ("show", "actors", actor_candidates),
        ("compare", "first", actor_candidates),
        ("compare", "second", actor_candidates),
        ("events", "actors", actor_candidates),
        ("timeline", "actors", actor_candidates),
        ("figures", "actor", actor_candidates),
        ("graph", "actor", actor_candidates),
        ("cite", "id", record_candidates),
        ("list", "kind", list_kinds),
        ("events", "kind", vocabulary::<EventType>),
        ("timeline", "kind", vocabulary::<EventType>),
        ("figures", "kind", vocabulary::<FigureKind>),
        ("search", "kind", vocabulary::<ActorKind>),
    ];
    for &(subcommand, argument, candidates) in arguments {
        command =
            command.mut_subcommand(subcommand, |c| c.mut_arg(argument, |a| a.add(ArgValueCandidates::new(candidates))));
    }
    command
}

/// `relations completions SHELL`: the registration script, which holds no data.
pub fn run(args: &CompletionsArgs, out: &mut Output) -> Result<()> {
    let name = args.shell.to_string();
    let Some(shell) = SHELLS.completer(&name) else {
        return Err(Error::Usage(format!("no completion for {name}")));
    };
    shell.write_registration(COMPLETE_VAR, "relations", "relations", &completer_path(), out.out)?;
    if name == "zsh" {
        // Installed in $fpath as `_relations`, the script is the body of an autoloaded function
        // that zsh runs on the first Tab: it defines the completer and registers it for later
        // Tabs, and must also answer this one. Sourced, it only registers.
        writeln!(
            out.out,
            "\nif [[ ${{funcstack[1]-}} == _relations ]]; then\n    _clap_dynamic_completer_relations \"$@\"\nfi"
        )?;
    }
    Ok(())
}

/// The program the script calls on Tab: as it was invoked (so a copy outside PATH completes
/// itself), made absolute when relative. A path with characters a shell could read as syntax is
/// not written into the script; the bare name is, found on PATH at Tab time.
fn completer_path() -> String {
    let Some(invoked) = std::env::args_os().next().map(PathBuf::from) else {
        return "relations".into();
    };
    let path = match std::env::current_dir() {
        Ok(dir) if invoked.components().count() > 1 && invoked.is_relative() => {
            dir.join(invoked).components().collect()
        }
        _ => invoked,
    };
    match path.to_str() {
        Some(text) if text.chars().all(|c| c.is_ascii_alphanumeric() || "/._+-".contains(c)) => text.to_owned(),
        _ => "relations".into(),
    }
}

/// The words of the command line being completed, when this run is a completion request.
static DATA_WORDS: OnceLock<Vec<OsString>> = OnceLock::new();

/// The dataset the command being completed would load, or none when it cannot be loaded.
fn dataset() -> Option<&'static Dataset> {
    static DATASET: OnceLock<Option<Dataset>> = OnceLock::new();
    DATASET.get_or_init(|| load::load(completion_inputs(DATA_WORDS.get().map_or(&[], Vec::as_slice))).ok()).as_ref()
}

/// The bundled data unless `--no-bundled` is on the line, then the `--data` files on the line or
/// else those in RELATIONS_DATA. Only regular files are read: a Tab press must never wait on
/// standard input, a pipe or a device.
fn completion_inputs(words: &[OsString]) -> Vec<Input> {
    let mut no_bundled = false;
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut words = words.iter().skip(1);
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        } else if word == "--no-bundled" {
            no_bundled = true;
        } else if word == "--data" {
            // bash splits `--data=FILE` into `--data`, `=` and `FILE`.
            match words.next() {
                Some(eq) if eq == "=" => paths.extend(words.next().map(PathBuf::from)),
                Some(path) => paths.push(PathBuf::from(path)),
                None => {}
            }
        } else if let Some(path) = word.to_str().and_then(|w| w.strip_prefix("--data=")) {
            paths.push(PathBuf::from(path));
        }
    }
    if paths.is_empty()
        && let Some(env) = std::env::var_os("RELATIONS_DATA")
    {
        paths = std::env::split_paths(&env).filter(|p| !p.as_os_str().is_empty()).collect();
    }
    let mut inputs = Vec::new();
    if !no_bundled {
        inputs.push(Input::bundled());
    }
    let regular = |path: &Path| std::fs::metadata(path).is_ok_and(|m| m.is_file());
    inputs.extend(paths.iter().filter(|p| regular(p)).filter_map(|p| Input::read(p, load::InputLimit::DEFAULT).ok()));
    inputs
}

/// A candidate with its description, made safe to show on a terminal and kept to one short line.
fn candidate(value: &str, description: &str) -> CompletionCandidate {
    const MAX: usize = 80;
    let mut shown = sanitize(description).into_owned();
    if let Some((cut, _)) = shown.char_indices().nth(MAX) {
        shown.truncate(cut);
        shown.push('…');
    }
    CompletionCandidate::new(value).help(Some(shown.into()))
}

fn actor_candidates() -> Vec<CompletionCandidate> {
    let Some(data) = dataset() else { return Vec::new() };
    let mut actors: Vec<_> = data.actors().iter().collect();
    actors.sort_by(|a, b| a.id.cmp(&b.id));
    actors.iter().map(|a| candidate(a.id.as_str(), &a.name)).collect()
}

/// Every id `cite` takes: actors, events, figures and relationships (`a--b`).
fn record_candidates() -> Vec<CompletionCandidate> {
    let Some(data) = dataset() else { return Vec::new() };
    let mut records: Vec<(String, String)> = data.actors().iter().map(|a| (a.id.to_string(), a.name.clone())).collect();
    records.extend(data.events().iter().map(|e| (e.id.to_string(), e.title.clone())));
    records.extend(data.figures().iter().map(|f| (f.id.to_string(), f.label.clone())));
    records.extend(data.relationships().iter().map(|r| {
        let [a, b] = &r.between;
        (format!("{a}--{b}"), format!("{} and {}", data.name_of(a.as_str()), data.name_of(b.as_str())))
    }));
    records.sort();
    records.dedup_by(|a, b| a.0 == b.0);
    records.iter().map(|(id, text)| candidate(id, text)).collect()
}

fn list_kinds() -> Vec<CompletionCandidate> {
    LIST_KINDS.iter().map(|(kind, what)| candidate(kind, what)).collect()
}

fn vocabulary<T: Vocabulary>() -> Vec<CompletionCandidate> {
    T::ALL.iter().map(|v| candidate(v.as_str(), v.description())).collect()
}

#[cfg(test)]
mod tests {
    use super::{LIST_KINDS, command, completion_inputs};

    #[test]
    fn every_argument_given_candidates_exists() {
        // `mut_arg` and `mut_subcommand` panic on a name that is not there; this finds it here
        // rather than on a user's Tab.
        command().debug_assert();
    }

    #[test]
    fn the_kinds_offered_after_list_are_the_kinds_list_takes() {
        let offered: Vec<&str> = LIST_KINDS.iter().map(|(kind, _)| *kind).collect();
        assert_eq!(offered.join(", "), super::super::list::KINDS);
    }

    #[test]
    fn data_on_the_line_is_read_only_from_regular_files() {
        let words = |w: &[&str]| w.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        let bundled_only = completion_inputs(&words(&["relations", "--data", "-", "--data", "/dev/zero", "show"]));
        assert_eq!(bundled_only.len(), 1);
        assert!(completion_inputs(&words(&["relations", "--no-bundled", "--data", "/dev/null", "show"])).is_empty());
        // After `--`, `--no-bundled` is an argument, not the flag.
        assert_eq!(
            completion_inputs(&words(&["relations", "--data", "/dev/null", "show", "--", "--no-bundled"])).len(),
            1
        );
    }
}
