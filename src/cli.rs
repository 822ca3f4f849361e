//! Every command-line type, declarations only. The `///` comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::render::{Format, PagingWhen};

/// Browse a knowledge base of a country's foreign relations: actors, relationships, events and
/// figures, each with its sources. Ships with Bolivia's international relations (to 2011).
#[derive(Debug, Parser)]
#[allow(clippy::struct_excessive_bools)] // each is an independent command-line flag
#[command(name = "relations", version, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  relations show chile\n  relations events 2008\n  relations search pinera\n  relations events --json | jq '.[].title'"
)]
pub struct Cli {
    /// Load a dataset file on top of the bundled one; repeatable, later files win. `-` reads
    /// standard input. Without it, RELATIONS_DATA may name files (separated like PATH).
    #[arg(long = "data", value_name = "FILE", global = true, help_heading = "Global options")]
    pub data: Vec<PathBuf>,

    /// Start from an empty dataset instead of the bundled one.
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_bundled: bool,

    /// The most one dataset file (or standard input) may hold: bytes, or a number with K, M, G
    /// or T (powers of 1024), e.g. 500M or 2G. A larger input is refused with exit status 3.
    #[arg(long, value_name = "SIZE", env = "RELATIONS_MAX_INPUT", default_value_t = crate::load::InputLimit::DEFAULT, global = true, help_heading = "Global options")]
    pub max_input: crate::load::InputLimit,

    /// Output format [default: table on a terminal, plain otherwise].
    #[arg(long, value_enum, value_name = "FMT", global = true, help_heading = "Global options")]
    pub format: Option<Format>,

    /// Shorthand for --format json.
    #[arg(long, global = true, conflicts_with = "format", help_heading = "Global options")]
    pub json: bool,

    /// The columns of a list to write, in this order (comma-separated, as in the CSV header):
    /// for plain, CSV, JSON, NDJSON and tables. An unknown name lists the known ones.
    #[arg(long, value_name = "A,B,…", value_delimiter = ',', global = true, help_heading = "Global options")]
    pub fields: Option<Vec<String>>,

    /// When to use colour.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true, help_heading = "Global options")]
    pub color: ColorWhen,

    /// When to page output taller than the terminal through $RELATIONS_PAGER, else $PAGER, else
    /// `less -FRX`. Output that is not a terminal is never paged.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = PagingWhen::Auto, global = true, help_heading = "Global options")]
    pub paging: PagingWhen,

    /// Never page (the same as --paging never).
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_pager: bool,

    /// Load --data files from their JSON, neither reading nor writing the cache of compiled
    /// datasets (see `relations cache`).
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_cache: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when the stream is a terminal, NO_COLOR is unset and TERM is not dumb.
    Auto,
    Always,
    Never,
}

// Two or three examples for each subcommand's help and the manual (`relations man`).
const SHOW_EXAMPLES: &str = "Examples:\n  relations show chile\n  relations show chile --brief                # one screen\n  relations show bolivia --section events --limit 5\n  relations show \"Evo Morales\" --as-of 2008   # as things stood in 2008\n  relations show chile peru --json | jq '.[].relationship'";
const EVENTS_EXAMPLES: &str = "Examples:\n  relations events 2008\n  relations events 2006..2009 --actor chile\n  relations events --type expulsion --reverse --limit 5";
const TIMELINE_EXAMPLES: &str = "Examples:\n  relations timeline 2006..2011\n  relations timeline --actor venezuela\n  relations timeline --format mermaid > timeline.mmd";
const SEARCH_EXAMPLES: &str = "Examples:\n  relations search pinera              # typos and missing accents are fine\n  relations search union --kind bloc\n  relations search garcia --limit 3 --json";
const LIST_EXAMPLES: &str = "Examples:\n  relations list countries\n  relations list types                  # the event types for events --type\n  relations list events --format csv > events.csv";
const FIGURES_EXAMPLES: &str = "Examples:\n  relations figures --actor united-kingdom\n  relations figures --kind aid\n  relations figures --fields label,amount,unit --format csv";
const COMPARE_EXAMPLES: &str =
    "Examples:\n  relations compare chile peru\n  relations compare venezuela united-states --json";
const GRAPH_EXAMPLES: &str = "Examples:\n  relations graph --format dot | dot -Tsvg > network.svg\n  relations graph --actor chile --format mermaid\n  relations graph --as-of 2005 --no-members";
const CITE_EXAMPLES: &str =
    "Examples:\n  relations cite chile\n  relations cite bolivia--chile\n  relations cite 2008-goldberg-expelled";
const INFO_EXAMPLES: &str = "Examples:\n  relations info\n  relations info --json";
const VALIDATE_EXAMPLES: &str = "Examples:\n  relations validate my-data.json\n  relations --no-bundled validate my-data.json   # a dataset on its own";
const EXPORT_EXAMPLES: &str = "Examples:\n  relations export > merged.json\n  relations --data my-data.json export";
const SCHEMA_EXAMPLES: &str = "Examples:\n  relations schema > dataset.schema.json";
const COMPLETIONS_EXAMPLES: &str = "Examples:\n  relations completions bash > ~/.local/share/bash-completion/completions/relations\n  relations completions zsh > ~/.zfunc/_relations";
const CACHE_EXAMPLES: &str = "Examples:\n  relations cache info\n  relations cache clear\n  relations --no-cache --data big.json events 2008   # bypass it";
const MAN_EXAMPLES: &str = "Examples:\n  relations man > relations.1\n  relations man | man -l -";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Profile of a country, bloc, person or organisation.
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// Browse full-screen, following links from record to record (press ? for keys).
    Browse(BrowseArgs),
    /// Events in date order.
    #[command(after_help = EVENTS_EXAMPLES)]
    Events(EventArgs),
    /// The same events drawn as a timeline grouped by year, marked by tone.
    #[command(after_help = TIMELINE_EXAMPLES)]
    Timeline(EventArgs),
    /// Search every record (actors, relationships, events, figures), ranked, with snippets.
    #[command(after_help = SEARCH_EXAMPLES)]
    Search(SearchArgs),
    /// List the records of one kind.
    #[command(after_help = LIST_EXAMPLES)]
    List(ListArgs),
    /// Trade, aid, investment and other figures.
    #[command(after_help = FIGURES_EXAMPLES)]
    Figures(FigureArgs),
    /// Two actors side by side: relationships, shared blocs and events, figures.
    #[command(after_help = COMPARE_EXAMPLES)]
    Compare(CompareArgs),
    /// The relationship network, for Graphviz, Mermaid or programs.
    #[command(after_help = GRAPH_EXAMPLES)]
    Graph(GraphArgs),
    /// The sources of any record: an actor, event, figure or relationship (A--B).
    #[command(after_help = CITE_EXAMPLES)]
    Cite(CiteArgs),
    /// The loaded dataset: title, subject, as-of, sources, counts, years covered.
    #[command(after_help = INFO_EXAMPLES)]
    Info,
    /// Check dataset files (on top of the bundled data unless --no-bundled); list the problems found.
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),
    /// Print the loaded (merged) dataset as one JSON document.
    #[command(after_help = EXPORT_EXAMPLES)]
    Export,
    /// Print the JSON Schema of the dataset format.
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema,
    /// Print the shell code that sets up Tab completion; candidates come from the program.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff).
    #[command(after_help = MAN_EXAMPLES)]
    Man,
    /// The cache of compiled --data files: where it is and what it holds, or empty it.
    ///
    /// A --data file is compiled on first use (parsed, merged, validated, ordered) into the cache
    /// in RELATIONS_CACHE_DIR, else $XDG_CACHE_HOME/relations, else ~/.cache/relations; later
    /// runs on the same contents read the compiled form. It keeps 16 entries and 4 GiB at most,
    /// removing the least recently used first.
    #[command(after_help = CACHE_EXAMPLES)]
    Cache(CacheArgs),
}

#[derive(Debug, Args)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub action: CacheAction,
}

#[derive(Debug, Clone, Copy, Subcommand)]
pub enum CacheAction {
    /// The cache directory, its entries and their sizes.
    Info,
    /// Remove every entry.
    Clear,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Actor ids or names: "chile", "pinera", "can", "Evo Morales".
    #[arg(required = true, value_name = "ACTOR")]
    pub actors: Vec<String>,

    /// Show the world as it stood in this year.
    #[arg(long, value_name = "YEAR")]
    pub as_of: Option<String>,

    /// With --as-of: leave out events that only may have happened by then (marked "?").
    #[arg(long)]
    pub certain: bool,

    /// A card that fits one screen: identity, summary, tone with the subject, the closest
    /// relationships and the latest events (3 of each unless --limit), with hints for the rest.
    #[arg(long)]
    pub brief: bool,

    /// Only this part of the profile; repeat for more.
    #[arg(long = "section", value_name = "NAME",
          value_parser = clap::builder::PossibleValuesParser::new(crate::render::PROFILE_SECTIONS))]
    pub sections: Vec<String>,

    /// At most N rows in every list (the latest N events); what is left out is told.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct BrowseArgs {
    /// Where to start: an actor id or name, an event or figure id, or a relationship as
    /// `bolivia--chile` [default: the dataset's subject].
    #[arg(value_name = "ACTOR|ID")]
    pub record: Option<String>,

    /// Start with the world as it stood in this year; `[` and `]` change it.
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

    /// Only events certainly in the dates asked for; without it, events that only may fall in
    /// them are listed too, marked "?" (JSON: "certain": false).
    #[arg(long)]
    pub certain: bool,

    /// Only events with this tag (see `relations list tags`); repeat to require several.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Show the id column (which `cite` takes) even in a narrow table.
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
    pub kind: Option<String>,

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
