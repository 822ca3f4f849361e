//! How output should look, as `render` understands it: the format and when to page. The
//! command line only parses into these (as ripgrep keeps its printers' types in the core).

/// The output format a command writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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

/// When output taller than the terminal goes through a pager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PagingWhen {
    /// Page on a terminal when the output is taller than the screen.
    Auto,
    /// Page on a terminal even when the output fits on one screen.
    Always,
    Never,
}
