//! Every command-line type, declarations only. The `///` comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Browse a knowledge base of a country's foreign relations: actors, relationships, events and
/// figures, each with its sources. Ships with Bolivia's international relations (to 2011).
#[derive(Debug, Parser)]
#[command(name = "relations", version, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  relations show chile\n  relations events 2008\n  relations search pinera\n  relations events --json | jq '.[].title'"
)]
pub struct Cli {
    /// Load a dataset file on top of the bundled one; repeatable, later files win. `-` reads
    /// standard input. Without it, RELATIONS_DATA may name files (separated like PATH).
    #[arg(long = "data", value_name = "FILE", global = true)]
    pub data: Vec<PathBuf>,

    /// Start from an empty dataset instead of the bundled one.
    #[arg(long, global = true)]
    pub no_bundled: bool,

    /// Output format [default: table on a terminal, plain otherwise].
    #[arg(long, value_enum, value_name = "FMT", global = true)]
    pub format: Option<Format>,

    /// Shorthand for --format json.
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,

    /// When to use colour.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Boxed, coloured tables fitted to the terminal.
    Table,
    /// Tab-separated, one record per line, no colour.
    Plain,
    /// One JSON document.
    Json,
    /// One compact JSON object per line.
    Ndjson,
    /// RFC 4180 CSV with a header row (list outputs only).
    Csv,
    /// A Mermaid diagram (timeline, graph).
    Mermaid,
    /// A Graphviz DOT graph (graph).
    Dot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when the stream is a terminal, NO_COLOR is unset and TERM is not dumb.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Profile of a country, bloc, person or organisation.
    Show(ShowArgs),
    /// Events in date order.
    Events(EventArgs),
    /// The same events drawn as a timeline grouped by year, marked by tone.
    Timeline(EventArgs),
    /// Search every record (actors, relationships, events, figures), ranked, with snippets.
    Search(SearchArgs),
    /// List the records of one kind.
    List(ListArgs),
    /// Trade, aid, investment and other figures.
    Figures(FigureArgs),
    /// Two actors side by side: relationships, shared blocs and events, figures.
    Compare(CompareArgs),
    /// The relationship network, for Graphviz, Mermaid or programs.
    Graph(GraphArgs),
    /// The sources of any record: an actor, event, figure or relationship (A--B).
    Cite(CiteArgs),
    /// The loaded dataset: title, subject, as-of, sources, counts, years covered.
    Info,
    /// Check dataset files (on top of the bundled data unless --no-bundled); list every problem.
    Validate(ValidateArgs),
    /// Print the loaded (merged) dataset as one JSON document.
    Export,
    /// Print the JSON Schema of the dataset format.
    Schema,
    /// Print a shell completion script that also completes actor ids.
    Completions(CompletionsArgs),
    /// Print the manual page (roff).
    Man,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Actor ids or names: "chile", "pinera", "can", "Evo Morales".
    #[arg(required = true, value_name = "ACTOR")]
    pub actors: Vec<String>,

    /// Show the world as it stood in this year.
    #[arg(long, value_name = "YEAR")]
    pub as_of: Option<String>,
}

#[derive(Debug, Args)]
pub struct EventArgs {
    /// A year (2008) or an inclusive range of years or dates (2006..2009, 2008-09..).
    #[arg(value_name = "RANGE")]
    pub range: Option<String>,

    /// Only events in this year.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,

    /// Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only events on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only events up to this year (the world as it stood then).
    #[arg(long, value_name = "YEAR")]
    pub as_of: Option<String>,

    /// Only events involving this actor; repeat to require several.
    #[arg(long = "actor", value_name = "ACTOR")]
    pub actors: Vec<String>,

    /// Only events of this type (see `relations list types`).
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,

    /// Only events whose title, summary, type, tags or actors' names contain these words (as
    /// `search` matches them: folded, whole words or their start, "quoted phrases", all words).
    #[arg(long, value_name = "WORDS")]
    pub grep: Option<String>,

    /// Only events with this tag (see `relations list tags`); repeat to require several.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Show the id column (which `cite` takes) even in a narrow `events` table (a timeline
    /// leaves ids out).
    #[arg(long)]
    pub ids: bool,

    /// Newest first.
    #[arg(long)]
    pub reverse: bool,

    /// At most this many events.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for (all must match; the start of a word is enough; typos allowed), or a
    /// "quoted phrase". Words in capitals (DEA) match only capitals.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,

    /// Only records of this kind: actor, relationship, event, figure; or an actor kind:
    /// country, bloc, person, organisation.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,

    /// At most this many results.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// countries, blocs, people, organisations, actors, events, figures, relationships, types,
    /// tags.
    #[arg(value_name = "KIND")]
    pub kind: String,

    /// Only events with this tag, or relationships with this theme (see `relations list tags`).
    #[arg(long = "tag", visible_alias = "theme", value_name = "TAG")]
    pub tags: Vec<String>,
}

#[derive(Debug, Args)]
pub struct FigureArgs {
    /// Only figures from or to this actor.
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,

    /// Only figures of this kind: exports, imports, aid, …
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,

    /// Only figures covering this year.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first actor.
    pub first: String,
    /// The second actor.
    pub second: String,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Dataset files to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Only this actor's neighbourhood: its relationships and memberships.
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,

    /// The network as it stood in this year.
    #[arg(long, value_name = "YEAR")]
    pub as_of: Option<String>,

    /// Leave out bloc memberships (dashed edges).
    #[arg(long)]
    pub no_members: bool,
}

#[derive(Debug, Args)]
pub struct CiteArgs {
    /// A record id (`chile`, `2008-goldberg-expelled`, `uk-exports-2010`), a relationship as
    /// `bolivia--chile`, or an actor's name.
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write a completion script for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
