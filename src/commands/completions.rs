//! `relations completions SHELL`: a completion script that also offers the loaded actor ids.

use clap::CommandFactory;
use clap::builder::{PossibleValue, PossibleValuesParser};
use clap_complete::Shell;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::Result;
use crate::model::{Dataset, Slug};
use crate::render::{Output, sanitize};

/// Every argument that names an actor, as (subcommand, argument id).
const ACTOR_ARGUMENTS: &[(&str, &str)] = &[
    ("show", "actors"),
    ("compare", "first"),
    ("compare", "second"),
    ("events", "actors"),
    ("timeline", "actors"),
    ("figures", "actor"),
    ("graph", "actor"),
];

pub fn run(args: &CompletionsArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    // Each id carries the actor's name (or the record's title) as its help, which zsh, fish and
    // PowerShell show beside it.
    let value = |id: &Slug, help: &str| PossibleValue::new(id.to_string()).help(sanitize(help).into_owned());
    let actor_ids: Vec<PossibleValue> = data.actors().iter().map(|a| value(&a.id, &a.name)).collect();
    let mut record_ids = actor_ids.clone();
    record_ids.extend(data.events().iter().map(|e| value(&e.id, &e.title)));
    record_ids.extend(data.figures().iter().map(|f| value(&f.id, &f.label)));
    // The ids become possible values of a copy of the command used only to write the script;
    // the real parser still accepts any name.
    let mut command = Cli::command();
    for (subcommand, argument) in ACTOR_ARGUMENTS {
        let ids = actor_ids.clone();
        command = command
            .mut_subcommand(*subcommand, |c| c.mut_arg(*argument, |a| a.value_parser(PossibleValuesParser::new(ids))));
    }
    command =
        command.mut_subcommand("cite", |c| c.mut_arg("id", |a| a.value_parser(PossibleValuesParser::new(record_ids))));
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "relations", &mut script);
    let script = String::from_utf8_lossy(&script);
    let script = match args.shell {
        Shell::Elvish | Shell::PowerShell => with_actor_candidates(&script, args.shell, data),
        _ => script.into_owned(),
    };
    out.out.write_all(script.as_bytes())?;
    Ok(())
}

/// clap_complete's Elvish and PowerShell scripts complete option names only, so the actor ids
/// are added as candidates to the blocks of the subcommands whose arguments are actors.
fn with_actor_candidates(script: &str, shell: Shell, data: &Dataset) -> String {
    let mut with_ids = String::with_capacity(script.len() * 2);
    for line in script.lines() {
        with_ids.push_str(line);
        with_ids.push('\n');
        let trimmed = line.trim();
        let opens_actor_block = ["show", "compare", "cite"]
            .iter()
            .any(|sub| trimmed == format!("&'relations;{sub}'= {{") || trimmed == format!("'relations;{sub}' {{"));
        if !opens_actor_block {
            continue;
        }
        for actor in data.actors() {
            // Both shells write a quote inside a single-quoted string as two quotes.
            let name = actor.name.replace('\'', "''");
            let id = actor.id.as_str();
            let candidate = match shell {
                Shell::Elvish => format!("            cand {id} '{name}'"),
                _ => format!(
                    "            [CompletionResult]::new('{id}', '{id}', [CompletionResultType]::ParameterValue, '{name}')"
                ),
            };
            with_ids.push_str(&crate::render::sanitize(&candidate));
            with_ids.push('\n');
        }
    }
    with_ids
}
