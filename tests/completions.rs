//! Shell completion: scripts hold no data, hostile names never run, each shell offers the right candidates.
//!
//! Every test works in its own directory with its own HOME and XDG directories. The hostile
//! dataset names a marker file in each way a shell could run it; the marker must never appear.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::json;

/// A scratch directory with a home, a hostile dataset and the marker its names try to create.
struct Sandbox {
    dir: PathBuf,
    marker: PathBuf,
    data: PathBuf,
}

/// (id, name): each name tries to run `touch MARKER` by a different route.
fn hostile_actors(marker: &Path) -> Vec<(&'static str, String)> {
    let m = marker.display();
    vec![
        ("evil-subst", format!("Evil $(touch {m})")),
        ("evil-backtick", format!("Evil `touch {m}`")),
        ("evil-quotes", format!("It's \"quoted\" ' \" \\ end; touch {m}")),
        ("evil-zsh", format!("\" ); touch {m}; x=( \"")),
        ("evil-newline", format!("Evil\ntouch {m}; echo")),
        ("evil-semicolon", format!("a; touch {m}; b")),
        ("evil-fish", format!("(touch {m})")),
        ("evil-single", format!("'; touch {m}; '")),
    ]
}

const HOSTILE_IDS: &[&str] = &[
    "evil-subst",
    "evil-backtick",
    "evil-quotes",
    "evil-zsh",
    "evil-newline",
    "evil-semicolon",
    "evil-fish",
    "evil-single",
];

impl Sandbox {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("rc-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for sub in ["home/.config/fish/completions", "home/.local/share", "home/.cache"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        let marker = dir.join("pwned");
        let source = json!([{"source": "notes", "section": "one"}]);
        let actors: Vec<_> = hostile_actors(&marker)
            .into_iter()
            .map(|(id, name)| {
                json!({"id": id, "kind": "organisation", "name": name, "aliases": [name], "summary": name,
                       "category": "company", "sources": source})
            })
            .collect();
        let m = marker.display();
        let dataset = json!({
            "dataset": {"id": "evil", "title": format!("$(touch {m})"), "subject": "evil-subst", "as_of": "2010",
                        "description": "A dataset whose text tries to run code."},
            "sources": [{"id": "notes", "title": "Notes", "sections": [{"id": "one", "title": "One"}]}],
            "actors": actors,
            "relationships": [{"between": ["evil-subst", "evil-zsh"], "tone": 0, "status": format!("$(touch {m})"),
                               "summary": "s", "sources": source}],
            "events": [{"id": "2008-evil-event", "date": "2008", "title": format!("\"); touch {m}; x=(\""),
                        "summary": "s", "type": "dispute", "actors": ["evil-subst", "evil-zsh"], "tone": 0, "sources": source}],
            "figures": [{"id": "evil-figure", "kind": "aid", "from": "evil-subst", "to": "evil-zsh", "amount": 1,
                         "unit": "EUR", "period": "2008", "label": format!("`touch {m}`"), "sources": source}]
        });
        let data = dir.join("evil.json");
        std::fs::write(&data, dataset.to_string()).unwrap();
        Self { dir, marker, data }
    }

    /// A program run in the sandbox: its home, the hostile data in RELATIONS_DATA, the binary on PATH.
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        let home = self.dir.join("home");
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_relations")).parent().unwrap();
        let path = std::env::join_paths(
            std::iter::once(bin_dir.to_path_buf())
                .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
        )
        .unwrap();
        for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLUMNS", "COMPLETE", "ZDOTDIR", "BASH_ENV", "ENV"] {
            command.env_remove(var);
        }
        command
            .current_dir(&self.dir)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("RELATIONS_DATA", &self.data)
            .env("PATH", path)
            .env("TERM", "dumb")
            .stdin(Stdio::null());
        command
    }

    /// `relations completions SHELL`, generated with the hostile data loaded, saved as `reg.SHELL`.
    fn script(&self, shell: &str) -> String {
        let mut command = self.command(env!("CARGO_BIN_EXE_relations"));
        command.arg("--data").arg(&self.data).args(["completions", shell]);
        let run = common::run_command(&mut command);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        std::fs::write(self.dir.join(format!("reg.{shell}")), &run.stdout).unwrap();
        run.stdout
    }

    /// Run a shell with these arguments in the sandbox; stdout on success.
    fn shell(&self, shell: &str, args: &[&str]) -> String {
        let output = self.command(shell).args(args).output().expect("the shell runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{shell} {args:?} failed: {stderr}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn assert_nothing_ran(&self, shell: &str) {
        assert!(!self.marker.exists(), "{shell} ran code from the dataset: {} exists", self.marker.display());
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if std::env::var_os("KEEP_SANDBOX").is_none() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Whether a shell is installed; when not, the test says so and passes.
fn installed(shell: &str) -> bool {
    let found =
        Command::new(shell).arg("-c").arg("exit 0").stdin(Stdio::null()).output().is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("note: {shell} is not installed; its completion tests are skipped (.ci/run installs it)");
    }
    found
}

/// The command lines every shell is asked to complete, with a check of what it offers.
fn check_candidates(shell: &str, offers: impl Fn(&str) -> Vec<String>) {
    let set = |line: &str| -> BTreeSet<String> {
        let offered = offers(line);
        let unique: BTreeSet<String> = offered.iter().cloned().collect();
        assert_eq!(unique.len(), offered.len(), "{shell} offers a candidate twice after {line:?}: {offered:?}");
        assert!(!offered.iter().any(|c| c.starts_with('-')), "{shell} offers options before a '-' after {line:?}");
        unique
    };
    for line in ["relations show ", "relations compare chile ", "relations events --actor ", "relations graph --actor "]
    {
        let offered = set(line);
        for id in HOSTILE_IDS.iter().chain(&["chile", "peru", "evo-morales"]) {
            assert!(offered.contains(*id), "{shell} does not offer {id} after {line:?}: {offered:?}");
        }
        assert!(!offered.contains("2008-evil-event"), "{shell} offers an event as an actor after {line:?}");
    }
    let cite = set("relations cite ");
    for id in
        ["chile", "2008-evil-event", "evil-figure", "evil-subst--evil-zsh", "bolivia--chile", "2008-goldberg-expelled"]
    {
        assert!(cite.contains(id), "{shell} does not offer {id} after 'cite': {cite:?}");
    }
    let kinds: BTreeSet<String> = [
        "countries",
        "blocs",
        "people",
        "organisations",
        "actors",
        "events",
        "figures",
        "relationships",
        "types",
        "tags",
    ]
    .map(String::from)
    .into();
    assert_eq!(set("relations list "), kinds, "{shell} after 'list'");
    assert_eq!(set("relations show evil-s"), ["evil-semicolon", "evil-single", "evil-subst"].map(String::from).into());
    let formats = set("relations --format ");
    assert!(formats.contains("json") && formats.contains("csv"), "{shell} after '--format': {formats:?}");
    assert_eq!(
        set("relations --color "),
        ["always", "auto", "never"].map(String::from).into(),
        "{shell} after '--color'"
    );
}

#[test]
fn completion_scripts_hold_no_data_even_with_a_hostile_dataset() {
    let sandbox = Sandbox::new("scripts");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = sandbox.script(shell);
        assert!(script.contains("COMPLETE"), "{shell}: the script does not call back into the program:\n{script}");
        for data in ["touch", "evil", "chile", "Chile"] {
            assert!(!script.contains(data), "{shell}: the script holds dataset text {data:?}:\n{script}");
        }
    }
    assert_eq!(common::run(&["completions", "tcsh"]).code, 2);
}

#[test]
fn a_broken_dataset_does_not_stop_the_script_being_printed() {
    let sandbox = Sandbox::new("broken");
    std::fs::write(&sandbox.data, "{ not json").unwrap();
    let script = sandbox.script("bash");
    assert!(script.contains("complete "), "{script}");
}

#[test]
fn sourcing_each_script_runs_nothing_from_the_data() {
    let sandbox = Sandbox::new("source");
    for (shell, args) in [
        ("bash", &["--norc", "--noprofile", "-c", "source ./reg.bash && complete -p relations"][..]),
        (
            "zsh",
            &[
                "-f",
                "-c",
                "autoload -Uz compinit && compinit -u -D && source ./reg.zsh && print -r -- $_comps[relations]",
            ],
        ),
        ("fish", &["--no-config", "-c", "source ./reg.fish; and complete --command relations"]),
    ] {
        if !installed(shell) {
            continue;
        }
        sandbox.script(shell);
        let registered = sandbox.shell(shell, args);
        assert!(registered.contains("relations"), "{shell} registered no completion: {registered}");
        sandbox.assert_nothing_ran(shell);
    }
    eprintln!(
        "note: pwsh and elvish are not exercised here unless installed; their scripts are checked to hold no data"
    );
}

/// Sets COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT as bash does on Tab, then calls the
/// function the script registered with `complete -F`.
const BASH_DRIVER: &str = r#"
source ./reg.bash
function=$(complete -p relations | sed -n 's/.* -F \([^ ]*\) .*/\1/p')
[[ -n $function ]] || { echo "no completion function registered" >&2; exit 1; }
COMP_LINE=$1
COMP_POINT=${#COMP_LINE}
COMP_TYPE=9
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMPREPLY=()
"$function" relations "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
(( ${#COMPREPLY[@]} )) && printf '%s\n' "${COMPREPLY[@]}"
exit 0
"#;

#[test]
fn bash_offers_the_right_candidates_and_runs_no_data() {
    if !installed("bash") {
        return;
    }
    let sandbox = Sandbox::new("bash");
    sandbox.script("bash");
    std::fs::write(sandbox.dir.join("driver.bash"), BASH_DRIVER).unwrap();
    check_candidates("bash", |line| {
        sandbox.shell("bash", &["--norc", "--noprofile", "driver.bash", line]).lines().map(String::from).collect()
    });
    sandbox.assert_nothing_ran("bash");
}

/// An interactive zsh in a pseudo-terminal (zpty) with compinit and the script, installed as
/// `INSTALL` says, where the completer registered for `relations` is wrapped to record each
/// match it adds and then `<end>`. The driver types the line and a Tab, and waits for `<end>`
/// (ten seconds at most).
const ZSH_INIT: &str = r#"
INSTALL
registered=$_comps[relations]
compadd() {
  if (( ${@[(I)-[OAD]*]} )); then builtin compadd "$@"; return; fi
  local -a matches
  builtin compadd -A matches "$@"
  (( ${#matches} )) && print -rl -- $matches >> ./zsh.out
  builtin compadd "$@"
}
record() { "$registered" "$@"; local result=$?; print -r -- "<end>" >> ./zsh.out; return $result }
compdef record relations
"#;

const ZSH_DRIVER: &str = r#"
rm -f ./zsh.out
zmodload zsh/zpty
zpty shell 'zsh -f -i'
zpty -w shell 'source ./init.zsh'
zpty -w -n shell "$1"$'\t'
for i in {1..100}; do
  [[ -f ./zsh.out ]] && grep -q '^<end>$' ./zsh.out && break
  sleep 0.1
done
zpty -d shell
[[ -f ./zsh.out ]] && cat ./zsh.out
"#;

/// What zsh offers on the first Tab after `line`, with the script installed by `install`.
fn zsh_offers(sandbox: &Sandbox, install: &str, line: &str) -> Vec<String> {
    std::fs::write(sandbox.dir.join("init.zsh"), ZSH_INIT.replace("INSTALL", install)).unwrap();
    let output = sandbox.shell("zsh", &["-f", "driver.zsh", line]);
    let lines: Vec<String> = output.lines().map(String::from).collect();
    assert_eq!(lines.last().map(String::as_str), Some("<end>"), "zsh never ran the completer for {line:?}: {output}");
    lines[..lines.len() - 1].to_vec()
}

#[test]
fn zsh_offers_the_right_candidates_and_runs_no_data() {
    if !installed("zsh") {
        return;
    }
    let sandbox = Sandbox::new("zsh");
    sandbox.script("zsh");
    std::fs::write(sandbox.dir.join("driver.zsh"), ZSH_DRIVER).unwrap();
    let sourced = "autoload -Uz compinit && compinit -u -D && source ./reg.zsh";
    check_candidates("zsh", |line| zsh_offers(&sandbox, sourced, line));
    sandbox.assert_nothing_ran("zsh");
}

#[test]
fn zsh_completes_on_the_first_tab_when_the_script_is_in_fpath() {
    if !installed("zsh") {
        return;
    }
    let sandbox = Sandbox::new("fpath");
    let functions = sandbox.dir.join("functions");
    std::fs::create_dir(&functions).unwrap();
    std::fs::write(functions.join("_relations"), sandbox.script("zsh")).unwrap();
    std::fs::write(sandbox.dir.join("driver.zsh"), ZSH_DRIVER).unwrap();
    let autoloaded = "fpath=(./functions $fpath) && autoload -Uz compinit && compinit -u -D";
    assert_eq!(
        zsh_offers(&sandbox, autoloaded, "relations show evil-s"),
        ["evil-semicolon", "evil-single", "evil-subst"]
    );
    sandbox.assert_nothing_ran("zsh");
}

#[test]
fn fish_offers_the_right_candidates_with_clean_descriptions_and_runs_no_data() {
    if !installed("fish") {
        return;
    }
    let sandbox = Sandbox::new("fish");
    // Installed where fish autoloads it, as the README says; fish reads it on first use (with
    // the sandbox's own config directory, so not under --no-config).
    let script = sandbox.script("fish");
    std::fs::write(sandbox.dir.join("home/.config/fish/completions/relations.fish"), script).unwrap();
    let complete = |line: &str| sandbox.shell("fish", &["-c", &format!("complete -C '{line}'")]);
    check_candidates("fish", |line| complete(line).lines().map(|l| l.split('\t').next().unwrap().to_owned()).collect());
    let shown = complete("relations show evil-");
    let marker = sandbox.marker.display();
    assert!(shown.contains(&format!("evil-newline\tEvil\\ntouch {marker}; echo\n")), "{shown}");
    assert!(shown.contains(&format!("evil-subst\tEvil $(touch {marker})\n")), "{shown}");
    assert_eq!(shown.lines().count(), HOSTILE_IDS.len(), "one line per actor, none broken by a newline: {shown}");
    sandbox.assert_nothing_ran("fish");
}

/// The program's answer to `COMPLETE=fish relations -- WORDS…`, as fish would ask for it.
fn ask(sandbox: &Sandbox, words: &[&str]) -> Vec<String> {
    let mut command = sandbox.command(env!("CARGO_BIN_EXE_relations"));
    command.env("COMPLETE", "fish").arg("--").args(words);
    let run = common::run_command(&mut command);
    assert_eq!(run.code, 0, "{words:?}: {}", run.stderr);
    run.stdout.lines().map(|l| l.split('\t').next().unwrap().to_owned()).collect()
}

#[test]
fn candidates_come_from_the_data_named_on_the_line_being_completed() {
    let sandbox = Sandbox::new("line");
    let data = sandbox.data.to_str().unwrap();
    let only_hostile = ask(&sandbox, &["relations", "--no-bundled", "--data", data, "show", ""]);
    assert_eq!(only_hostile.iter().map(String::as_str).collect::<BTreeSet<_>>(), HOSTILE_IDS.iter().copied().collect());
    let with_equals = ask(&sandbox, &["relations", "show", "--no-bundled", &format!("--data={data}"), ""]);
    assert_eq!(with_equals, only_hostile);
    let bundled_only = ask(&sandbox, &["relations", "--data", "/nonexistent.json", "show", "ch"]);
    assert!(bundled_only.contains(&"chile".to_owned()) && bundled_only.iter().all(|c| !c.starts_with("evil")));
}

#[test]
fn completing_never_reads_standard_input() {
    // Standard input stays open and empty: reading it would wait for ever.
    let sandbox = Sandbox::new("stdin");
    let mut command = sandbox.command(env!("CARGO_BIN_EXE_relations"));
    command.env("COMPLETE", "fish").args(["--", "relations", "--data", "-", "show", "chi"]);
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let _open_stdin = child.stdin.take();
    let output = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("chile\tChile"));
}
