//! `relations cache info|clear`: the cache of compiled datasets, shown or emptied.

use std::path::PathBuf;

use serde_json::json;

use crate::cli::{CacheAction, CacheArgs};
use crate::error::{Error, Result};
use crate::load::cache::{Cache, MAX_BYTES, MAX_ENTRIES};
use crate::render::Format;
use crate::render::{Document, Listing, Output};

pub fn run(args: &CacheArgs, dir: Option<&PathBuf>, out: &mut Output) -> Result<()> {
    let Some(dir) = dir else {
        return Err(Error::Usage("no cache directory: set RELATIONS_CACHE_DIR, XDG_CACHE_HOME or HOME".into()));
    };
    let cache = Cache::new(dir.clone());
    let failed = |source| Error::Read { path: dir.display().to_string(), source };
    match args.action {
        CacheAction::Info => {
            let info = cache.info().map_err(failed)?;
            if out.format == Format::Json {
                return out.json(&json!({
                    "dir": info.dir,
                    "entries": info.entries.iter().map(|e| json!({
                        "name": e.name,
                        "bytes": e.bytes,
                        "modified": e.modified.and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok()).map(|d| d.as_secs()),
                    })).collect::<Vec<_>>(),
                    "stamps": info.stamps,
                    "total_bytes": info.total_bytes,
                    "max_entries": MAX_ENTRIES,
                    "max_bytes": MAX_BYTES,
                }));
            }
            let mut doc = Document::default();
            doc.field("dir", info.dir.display().to_string());
            doc.field("entries", format!("{} (at most {MAX_ENTRIES})", info.entries.len()));
            doc.field("total", format!("{} (at most {})", size(info.total_bytes), size(MAX_BYTES)));
            doc.field("stamps", info.stamps.to_string());
            let mut listing = Listing::new(vec!["entry", "size"]);
            for entry in &info.entries {
                listing.push(vec![entry.name.clone().into(), size(entry.bytes).into()]);
            }
            doc.section("entry", "Entries (most recently used first)", listing);
            doc.write(out)
        }
        CacheAction::Clear => {
            let removed = cache.clear().map_err(failed)?;
            if out.format == Format::Json {
                return out.json(&json!({ "dir": dir, "removed": removed }));
            }
            let mut doc = Document::default();
            doc.field("dir", dir.display().to_string());
            doc.field("removed", format!("{removed} entries"));
            doc.write(out)
        }
    }
}

/// Bytes in the largest unit that keeps a digit before the point: 512 B, 3.4 MiB, 1.2 GiB.
fn size(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // a size shown to one decimal
    let value = bytes as f64;
    match bytes {
        b if b >= 1 << 30 => format!("{:.1} GiB", value / f64::from(1u32 << 30)),
        b if b >= 1 << 20 => format!("{:.1} MiB", value / f64::from(1u32 << 20)),
        b if b >= 1 << 10 => format!("{:.1} KiB", value / f64::from(1u32 << 10)),
        b => format!("{b} B"),
    }
}
