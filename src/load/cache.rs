//! The cache of compiled datasets: a merged, validated, ordered dataset kept as an rkyv archive.
//!
//! An entry is named by a key hashed (xxh3-128) from everything the dataset depends on: the
//! format of entries, the program's version and model, the bundled data (or its absence) and the
//! content of every file in order. A changed file therefore has a new key: it is never answered
//! from the entry of its old content.
//!
//! Hashing a 500 MB file costs more than the query, so each file's content hash is remembered
//! in a *stamp* beside the entries, with the file's device, inode, size, modification and change
//! times. A later run that finds the file's metadata unchanged uses the stamp's hash without
//! reading the file. The change time (ctime) cannot be set back by a user, and a stamp is written
//! only for a file that had not changed for [`QUIET`] before it was read, so any write to the
//! file after its content was hashed leaves a later ctime (the "racy" case git guards against
//! cannot arise: a file that changed within the timestamp granularity of its reading gets no
//! stamp and is hashed by content next time).
//!
//! An entry starts with a header (magic, format, key, length, xxh3 checksum); the compiled
//! dataset follows, laid out so that a query reads only the records it needs (`compiled`). A
//! truncated, corrupted or foreign entry fails these checks, or a record's own checksum or rkyv's
//! validation when it is read, and is rebuilt.
//! Entries and stamps are written to a temporary file in the cache directory, then renamed, so a
//! concurrent run sees a whole entry or none. A cache that cannot be written is skipped.
//!
//! The cache is bounded: at most [`MAX_ENTRIES`] entries of [`MAX_BYTES`] together, and
//! [`MAX_STAMPS`] stamps; the least recently used (by modification time, refreshed on each
//! hit) are removed first.

use std::fs::{self, File};
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use super::compiled::{self, HashingWriter, Want};
use crate::model::Dataset;

/// The first bytes of every entry and stamp.
const MAGIC: &[u8; 8] = b"RELCACHE";
/// Raised whenever the layout of an entry changes.
const FORMAT: u32 = 2;
/// Bytes before the archive in an entry (a multiple of rkyv's alignment).
pub const HEADER: usize = 64;
/// Entries kept at most, and their total size.
pub const MAX_ENTRIES: usize = 16;
pub const MAX_BYTES: u64 = 4 << 30;
/// Stamps (file metadata → content hash) kept at most.
pub const MAX_STAMPS: usize = 256;
/// How long a file must have been left alone before its metadata is trusted for its content.
pub const QUIET: Duration = Duration::from_secs(2);
/// Temporary files older than this were left by a run that died; they are removed.
const STALE_TEMPORARY: Duration = Duration::from_secs(3600);

/// Suffix of entry files (a dataset, or a search index beside it).
const ENTRY_SUFFIX: &str = ".rkyv";
/// Suffix of a search index's entry, named by its dataset's key.
const INDEX_SUFFIX: &str = ".search.rkyv";
/// Folder of stamps inside the cache directory.
const STAMPS: &str = "stamps";

/// The program, its model and the entry format: an entry written by another build is foreign.
fn build_identity() -> u128 {
    xxh3_128(concat!(env!("CARGO_PKG_VERSION"), "/", env!("RELATIONS_MODEL_HASH")).as_bytes())
}

/// The cache directory: `RELATIONS_CACHE_DIR`, else `$XDG_CACHE_HOME/relations`, else
/// `$HOME/.cache/relations`. None when none of these is set.
pub fn location() -> Option<PathBuf> {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    set("RELATIONS_CACHE_DIR")
        .or_else(|| set("XDG_CACHE_HOME").filter(|p| p.is_absolute()).map(|p| p.join("relations")))
        .or_else(|| set("HOME").map(|p| p.join(".cache").join("relations")))
}

/// A cache directory (which may not exist yet).
pub struct Cache {
    dir: PathBuf,
}

/// What a key is computed from, one part at a time.
pub struct KeyBuilder(Xxh3);

impl KeyBuilder {
    pub fn new(bundled: Option<&[u8]>) -> Self {
        let mut hasher = Xxh3::new();
        hasher.update(MAGIC);
        hasher.update(&FORMAT.to_le_bytes());
        hasher.update(&build_identity().to_le_bytes());
        match bundled {
            Some(bytes) => {
                hasher.update(&[1]);
                hasher.update(&xxh3_128(bytes).to_le_bytes());
            }
            None => hasher.update(&[0]),
        }
        Self(hasher)
    }

    pub fn file(&mut self, content_hash: u128) {
        self.0.update(&content_hash.to_le_bytes());
    }

    pub fn finish(&self) -> u128 {
        self.0.digest128()
    }
}

/// The content hash of a file's bytes, as keys and stamps use it.
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// One entry as `cache info` lists it.
#[derive(Debug, Clone)]
pub struct EntryInfo {
    pub name: String,
    pub bytes: u64,
    pub modified: Option<SystemTime>,
}

/// What `cache info` shows.
#[derive(Debug, Clone)]
pub struct CacheInfo {
    pub dir: PathBuf,
    pub entries: Vec<EntryInfo>,
    pub stamps: usize,
    pub total_bytes: u64,
}

impl Cache {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cache directory, made if missing, when it is the user's alone.
    fn usable_dir(&self) -> io::Result<()> {
        create_private_dir(&self.dir)?;
        if fs::metadata(&self.dir).is_ok_and(|m| private(&m)) {
            Ok(())
        } else {
            Err(io::Error::other("the cache directory is not the user's alone"))
        }
    }

    /// A cache file opened for reading, when it and the directory it is in are the user's
    /// alone (see `private`); checked on the open file, so it cannot be swapped in between.
    ///
    /// Opened without waiting (a FIFO put in an entry's place must not hang the query), and
    /// taken only when it is a regular file.
    fn open_private(&self, path: &Path) -> Option<File> {
        let folder_private = path.parent().and_then(|p| fs::metadata(p).ok()).is_some_and(|m| private(&m));
        let cache_private = fs::metadata(&self.dir).is_ok_and(|m| private(&m));
        let mut options = fs::OpenOptions::new();
        options.read(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
        let file = options.open(path).ok()?;
        let own = file.metadata().is_ok_and(|m| m.is_file() && private(&m));
        (folder_private && cache_private && own).then_some(file)
    }

    /// An entry's file opened for mapping: whole by its size (the header's length plus the
    /// header), so that nothing larger than the entry says is mapped or hashed.
    fn open_entry(&self, path: &Path, key: u128) -> Option<File> {
        let mut file = self.open_private(path)?;
        let mut head = [0u8; HEADER];
        io::Read::read_exact(&mut file, &mut head).ok()?;
        let len = u64::from_le_bytes(head[32..40].try_into().ok()?);
        let checksum = u64::from_le_bytes(head[40..48].try_into().ok()?);
        let body_len = u64::from_le_bytes(head[48..56].try_into().ok()?);
        let size = file.metadata().ok()?.len();
        (head == header(key, len, checksum, body_len) && len <= MAX_BYTES && size == len + HEADER as u64)
            .then_some(file)
    }

    fn entry_path(&self, key: u128) -> PathBuf {
        self.dir.join(format!("{key:032x}{ENTRY_SUFFIX}"))
    }

    fn stamp_path(&self, path: &Path) -> Option<PathBuf> {
        let absolute = fs::canonicalize(path).ok()?;
        let name = xxh3_64(absolute.as_os_str().as_encoded_bytes());
        Some(self.dir.join(STAMPS).join(format!("{name:016x}")))
    }

    /// The dataset compiled under this key, if a whole entry is there and every part of it read
    /// passes its checks: all of it, or the events and figures `want` chooses once shown the
    /// rest (`compiled::read`).
    pub fn get(&self, key: u128, want: impl FnOnce(&Dataset) -> Want) -> Option<Dataset> {
        let file = self.open_entry(&self.entry_path(key), key)?;
        // SAFETY: entries are never written in place (each is a new file renamed over the old),
        // so the mapped bytes do not change while they are read; each part is checked before use.
        // Not populated: a query that reads a few records touches only their pages.
        let map = unsafe { memmap2::MmapOptions::new().map(&file) }.ok()?;
        // No read-ahead: most queries read the head and a few records (`compiled::read` asks
        // for it back when it reads every record).
        let _ = map.advise(memmap2::Advice::Random);
        let head = map.get(..HEADER)?;
        let checksum = u64::from_le_bytes(head[40..48].try_into().ok()?);
        let body_len = u64::from_le_bytes(head[48..56].try_into().ok()?);
        let data = compiled::read(map, &file, key, HEADER, body_len, checksum, want)?;
        // A hit counts as a use, for eviction (least recently used first).
        let _ = file.set_modified(SystemTime::now());
        Some(data)
    }

    /// Compile a dataset into the entry for this key. Errors are the caller's to ignore: a cache
    /// that cannot be written only makes the next run slower.
    pub fn put(&self, key: u128, data: &Dataset) -> io::Result<()> {
        self.usable_dir()?;
        let temporary = self.temporary();
        let result = write_entry(&temporary, key, data);
        let result = result.and_then(|()| {
            let bytes = fs::metadata(&temporary)?.len();
            if bytes > MAX_BYTES {
                return Err(io::Error::other("entry larger than the cache's bound"));
            }
            fs::rename(&temporary, self.entry_path(key))
        });
        if result.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        result?;
        self.evict();
        Ok(())
    }

    /// The search index kept beside the dataset of this key, if a whole one is there (by its
    /// header, size and checksum): the mapped file, whose bytes after [`HEADER`] are the index
    /// as `SearchIndex::write_kept` wrote it (`SearchIndex::from_kept` checks them against the
    /// dataset).
    pub fn get_index(&self, key: u128) -> Option<memmap2::Mmap> {
        let file = self.open_entry(&self.index_path(key), key)?;
        // SAFETY: as for entries: written whole to a new file and renamed, never in place.
        let map = unsafe { memmap2::MmapOptions::new().map(&file) }.ok()?;
        index_bytes(&map, key)?;
        let _ = map.advise(memmap2::Advice::Random);
        // A hit counts as a use, for eviction (least recently used first).
        let _ = file.set_modified(SystemTime::now());
        Some(map)
    }

    /// Whether a search index that looks whole (by its header and size) is kept beside the
    /// dataset of this key; reading it checks the rest.
    pub fn has_index(&self, key: u128) -> bool {
        self.open_entry(&self.index_path(key), key).is_some()
    }

    /// Keep a search index beside the dataset of this key, as `write` writes it. Errors are the
    /// caller's to ignore.
    pub fn put_index(&self, key: u128, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
        self.usable_dir()?;
        let temporary = self.temporary();
        let result = write_index(&temporary, key, write).and_then(|()| fs::rename(&temporary, self.index_path(key)));
        if result.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        result?;
        self.evict();
        Ok(())
    }

    fn index_path(&self, key: u128) -> PathBuf {
        self.dir.join(format!("{key:032x}{INDEX_SUFFIX}"))
    }

    /// A new temporary file name in the cache directory.
    fn temporary(&self) -> PathBuf {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let name = format!(".tmp-{}-{nanos}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
        self.dir.join(name)
    }

    /// The content hash of a regular file from its stamp, when its metadata is unchanged.
    pub fn stamped_hash(&self, path: &Path, metadata: &fs::Metadata) -> Option<u128> {
        let (identity, hash) = decode_stamp(&read_stamp(self.open_private(&self.stamp_path(path)?)?)?)?;
        (identity == FileIdentity::of(metadata)?).then_some(hash)
    }

    /// Remember a file's content hash, if the file was quiet for [`QUIET`] before `read_start`.
    pub fn stamp(&self, path: &Path, metadata: &fs::Metadata, read_start: SystemTime, hash: u128) {
        let Some(identity) = FileIdentity::of(metadata) else { return };
        let changed = metadata.modified().ok().max(identity.changed());
        let quiet = changed.and_then(|c| read_start.duration_since(c).ok()).is_some_and(|d| d >= QUIET);
        let Some(stamp_path) = self.stamp_path(path) else { return };
        if !quiet {
            // An older stamp for this path may describe another content: it is left to the
            // metadata comparison, which it fails (the ctime moved on).
            return;
        }
        let mut bytes = Vec::with_capacity(80);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&FORMAT.to_le_bytes());
        identity.write(&mut bytes);
        bytes.extend_from_slice(&hash.to_le_bytes());
        let checksum = xxh3_64(&bytes);
        bytes.extend_from_slice(&checksum.to_le_bytes());
        let write = || -> io::Result<()> {
            self.usable_dir()?;
            create_private_dir(&self.dir.join(STAMPS))?;
            // Not followed if it is a link: stamps are written inside the cache alone.
            if !fs::symlink_metadata(self.dir.join(STAMPS)).is_ok_and(|m| m.is_dir() && private(&m)) {
                return Err(io::Error::other("the stamps directory is not the user's alone"));
            }
            let temporary = self.temporary();
            let result = create_private_file(&temporary)
                .and_then(|mut file| file.write_all(&bytes))
                .and_then(|()| fs::rename(&temporary, &stamp_path));
            if result.is_err() {
                let _ = fs::remove_file(&temporary);
            }
            result
        };
        if write().is_ok() {
            self.evict_stamps();
        }
    }

    /// Keep the cache within its bounds: the newest entries first, the one just written always.
    fn evict(&self) {
        let Ok(info) = self.info() else { return };
        let mut entries = info.entries;
        entries.sort_by_key(|e| std::cmp::Reverse(e.modified));
        let mut total = 0u64;
        for (index, entry) in entries.iter().enumerate() {
            total += entry.bytes;
            if index >= MAX_ENTRIES || (index > 0 && total > MAX_BYTES) {
                let _ = fs::remove_file(self.dir.join(&entry.name));
            }
        }
        // Temporary files of runs that died half-way.
        if let Ok(listing) = fs::read_dir(&self.dir) {
            for item in listing.flatten() {
                let name = item.file_name().to_string_lossy().into_owned();
                let old = item
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|m| m.elapsed().ok())
                    .is_some_and(|age| age > STALE_TEMPORARY);
                if name.starts_with(".tmp-") && (old || writer_is_gone(&name)) {
                    let _ = fs::remove_file(item.path());
                }
            }
        }
    }

    fn evict_stamps(&self) {
        let Ok(listing) = fs::read_dir(self.dir.join(STAMPS)) else { return };
        let mut stamps: Vec<(Option<SystemTime>, PathBuf)> =
            listing.flatten().map(|item| (item.metadata().and_then(|m| m.modified()).ok(), item.path())).collect();
        if stamps.len() <= MAX_STAMPS {
            return;
        }
        stamps.sort_by_key(|s| std::cmp::Reverse(s.0));
        for (_, path) in &stamps[MAX_STAMPS..] {
            let _ = fs::remove_file(path);
        }
    }

    /// The entries (newest first), the number of stamps and the total size.
    pub fn info(&self) -> io::Result<CacheInfo> {
        let mut entries = Vec::new();
        match fs::read_dir(&self.dir) {
            Ok(listing) => {
                for item in listing {
                    let item = item?;
                    let name = item.file_name().to_string_lossy().into_owned();
                    // Only the cache's own files: a dataset's or an index's name, a regular file.
                    let Ok(metadata) = item.metadata() else { continue };
                    if !is_entry_name(&name) || !metadata.is_file() {
                        continue;
                    }
                    entries.push(EntryInfo { name, bytes: metadata.len(), modified: metadata.modified().ok() });
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        entries.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.name.cmp(&b.name)));
        let stamps = fs::read_dir(self.dir.join(STAMPS)).map_or(0, |listing| listing.flatten().count());
        let total_bytes = entries.iter().map(|e| e.bytes).sum();
        Ok(CacheInfo { dir: self.dir.clone(), entries, stamps, total_bytes })
    }

    /// Remove every entry, stamp and temporary file; the number of entries removed.
    pub fn clear(&self) -> io::Result<usize> {
        let mut removed = 0;
        match fs::read_dir(&self.dir) {
            Ok(listing) => {
                for item in listing {
                    let item = item?;
                    let name = item.file_name().to_string_lossy().into_owned();
                    let is_file = item.file_type().is_ok_and(|t| t.is_file());
                    if is_file && is_entry_name(&name) {
                        fs::remove_file(item.path())?;
                        removed += 1;
                    } else if is_file && name.starts_with(".tmp-") {
                        fs::remove_file(item.path())?;
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        }
        match fs::remove_dir_all(self.dir.join(STAMPS)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(removed),
        }
    }
}

/// Whether a file name is one the cache writes: a key in hex, then `.rkyv` or `.search.rkyv`.
fn is_entry_name(name: &str) -> bool {
    let key = name.strip_suffix(INDEX_SUFFIX).or_else(|| name.strip_suffix(ENTRY_SUFFIX));
    key.is_some_and(|key| key.len() == 32 && key.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
}

/// Whether the run that was writing a temporary file (`.tmp-PID-…`) has ended without renaming
/// it (killed, interrupted): then the file is only left over.
fn writer_is_gone(name: &str) -> bool {
    let pid = name.strip_prefix(".tmp-").and_then(|rest| rest.split('-').next()).and_then(|p| p.parse::<u32>().ok());
    match pid {
        #[cfg(target_os = "linux")]
        Some(pid) => pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists(),
        _ => false,
    }
}

/// Whether a cache file or directory is this user's alone: owned by the user and writable by no
/// one else. A checksum guards against damage, not against someone who can write the file, and
/// an entry whose structure is valid is answered from (its tables are believed): so a cache that
/// others could write (a shared `RELATIONS_CACHE_DIR`, a file with loose permissions) is not
/// read, and not written either.
#[cfg(unix)]
fn private(metadata: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let user = unsafe { libc::geteuid() };
    metadata.uid() == user && metadata.mode() & 0o022 == 0
}

#[cfg(not(unix))]
fn private(_metadata: &fs::Metadata) -> bool {
    true
}

/// Create a directory (and its parents) readable and writable by the user alone.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Create a new file readable and writable by the user alone.
fn create_private_file(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Write the header (with zeroes where the checksum goes), the compiled dataset, then the real
/// header: the length of both parts, the head's checksum and the body's length.
fn write_entry(path: &Path, key: u128, data: &Dataset) -> io::Result<()> {
    let mut output = create_private_file(path)?;
    output.write_all(&[0; HEADER])?;
    let mut buffered = BufWriter::with_capacity(1 << 20, &mut output);
    let written = compiled::write(&mut buffered, data)?;
    buffered.flush()?;
    drop(buffered);
    output.rewind()?;
    let len = written.body_len + written.head_len;
    output.write_all(&header(key, len, written.head_checksum, written.body_len))?;
    Ok(())
}

/// Write the header (with zeroes where the checksum goes), the index, then the real header.
fn write_index(path: &Path, key: u128, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut output = create_private_file(path)?;
    output.write_all(&[0; HEADER])?;
    let mut hashing = HashingWriter::new(&mut output);
    write(&mut hashing)?;
    let (len, checksum) = (hashing.written(), hashing.digest());
    output.rewind()?;
    output.write_all(&header(key, len, checksum, 0))?;
    Ok(())
}

/// An entry's header. `checksum` is the whole archive's for a search index, the head's for a
/// dataset (whose records have their own); `body_len` is the dataset's body, 0 for an index.
fn header(key: u128, len: u64, checksum: u64, body_len: u64) -> [u8; HEADER] {
    let mut header = [0u8; HEADER];
    header[..8].copy_from_slice(MAGIC);
    header[8..12].copy_from_slice(&FORMAT.to_le_bytes());
    header[16..32].copy_from_slice(&key.to_le_bytes());
    header[32..40].copy_from_slice(&len.to_le_bytes());
    header[40..48].copy_from_slice(&checksum.to_le_bytes());
    header[48..56].copy_from_slice(&body_len.to_le_bytes());
    header
}

/// The index in a search index file's bytes (after the header), when they are a whole index for
/// this key.
fn index_bytes(map: &memmap2::Mmap, key: u128) -> Option<&[u8]> {
    let head = map.get(..HEADER)?;
    let len = u64::from_le_bytes(head[32..40].try_into().ok()?);
    let checksum = u64::from_le_bytes(head[40..48].try_into().ok()?);
    if head != header(key, len, checksum, 0) {
        return None;
    }
    let archive = map.get(HEADER..)?;
    // SAFETY: the bytes of a mapped index file, which is never written in place.
    (u64::try_from(archive.len()).ok()? == len && unsafe { checksum_released(archive) } == checksum).then_some(archive)
}

/// Bytes read a window at a time from a mapping drop out of the process after each window.
pub(crate) const WINDOW: usize = 4 << 20;

/// Drop the whole pages of `part` from the process once they have been read: they stay in the
/// page cache, and a later read maps them again. Checking a whole entry or index this way keeps
/// its pages from all counting against the process at once.
///
/// # Safety
///
/// `part` must lie in a read-only shared mapping of a file that is not written while mapped (a
/// cache entry or index: they are never written in place), or in memory of the caller's own
/// that is never read again: private and anonymous memory reads back as zeroes once dropped.
pub unsafe fn release(part: &[u8]) {
    #[cfg(unix)]
    {
        // SAFETY: sysconf only reads a constant of the system.
        let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(4096).max(1);
        let start = (part.as_ptr() as usize).next_multiple_of(page);
        let end = (part.as_ptr() as usize + part.len()) / page * page;
        if end > start {
            // SAFETY: whole pages inside `part`, which the caller vouches for (above).
            unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED) };
        }
    }
}

/// The xxh3 checksum of `part`, read a window at a time, each window released once hashed.
///
/// # Safety
///
/// As for [`release`]: `part` lies in a read-only shared mapping of a cache file.
pub unsafe fn checksum_released(part: &[u8]) -> u64 {
    let mut hasher = Xxh3::new();
    for window in part.chunks(WINDOW) {
        hasher.update(window);
        // SAFETY: forwarded to the caller.
        unsafe { release(window) };
    }
    hasher.digest()
}

/// The metadata of a file that changes whenever its content does.
#[derive(Debug, PartialEq, Eq)]
struct FileIdentity {
    device: u64,
    inode: u64,
    size: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

impl FileIdentity {
    #[cfg(unix)]
    #[allow(clippy::unnecessary_wraps)] // None elsewhere than Unix
    fn of(metadata: &fs::Metadata) -> Option<Self> {
        use std::os::unix::fs::MetadataExt;
        Some(Self {
            device: metadata.dev(),
            inode: metadata.ino(),
            size: metadata.size(),
            modified: (metadata.mtime(), metadata.mtime_nsec()),
            changed: (metadata.ctime(), metadata.ctime_nsec()),
        })
    }

    /// Without a change time that users cannot set, metadata is not trusted: files are hashed.
    #[cfg(not(unix))]
    fn of(_: &fs::Metadata) -> Option<Self> {
        None
    }

    /// The change time as a point in time.
    fn changed(&self) -> Option<SystemTime> {
        let (seconds, nanos) = self.changed;
        let seconds = u64::try_from(seconds).ok()?;
        let nanos = u32::try_from(nanos).ok()?;
        SystemTime::UNIX_EPOCH.checked_add(Duration::new(seconds, nanos))
    }

    fn write(&self, bytes: &mut Vec<u8>) {
        for value in [self.device, self.inode, self.size] {
            bytes.extend_from_slice(&value.to_le_bytes());
        }
        for value in [self.modified.0, self.modified.1, self.changed.0, self.changed.1] {
            bytes.extend_from_slice(&value.to_le_bytes());
        }
    }
}

/// A stamp's length: magic 8, format 4, three u64, four i64, hash 16, checksum 8.
const STAMP_LEN: usize = 8 + 4 + 3 * 8 + 4 * 8 + 16 + 8;

/// A stamp file's bytes, or as many as tell it is not one: a large file (a sparse one costs its
/// writer nothing) in a stamp's place is not read whole into memory.
fn read_stamp(file: impl io::Read) -> Option<Vec<u8>> {
    let mut stamp = Vec::with_capacity(STAMP_LEN + 1);
    io::Read::read_to_end(&mut io::Read::take(file, STAMP_LEN as u64 + 1), &mut stamp).ok()?;
    Some(stamp)
}

/// A stamp's file identity and content hash, if the stamp is whole and of this format.
fn decode_stamp(bytes: &[u8]) -> Option<(FileIdentity, u128)> {
    const LEN: usize = STAMP_LEN;
    if bytes.len() != LEN || &bytes[..8] != MAGIC || bytes[8..12] != FORMAT.to_le_bytes() {
        return None;
    }
    let (body, checksum) = bytes.split_at(LEN - 8);
    if xxh3_64(body) != u64::from_le_bytes(checksum.try_into().ok()?) {
        return None;
    }
    let word = |i: usize| -> [u8; 8] { body[12 + 8 * i..20 + 8 * i].try_into().unwrap_or_default() };
    let signed = |i: usize| i64::from_le_bytes(word(i));
    let identity = FileIdentity {
        device: u64::from_le_bytes(word(0)),
        inode: u64::from_le_bytes(word(1)),
        size: u64::from_le_bytes(word(2)),
        modified: (signed(3), signed(4)),
        changed: (signed(5), signed(6)),
    };
    let hash = u128::from_le_bytes(body[12 + 56..].try_into().ok()?);
    Some((identity, hash))
}

#[cfg(test)]
mod tests {
    use super::{STAMP_LEN, read_stamp};

    #[test]
    fn a_stamp_is_read_only_as_far_as_a_stamp_can_reach() {
        // An endless file in a stamp's place (a sparse one of a terabyte is as good as endless):
        // a byte past a stamp's length is enough to refuse it.
        let read = read_stamp(std::io::repeat(0)).expect("the bytes read");
        assert_eq!(read.len(), STAMP_LEN + 1);
        assert_eq!(read_stamp(&[1u8, 2, 3][..]), Some(vec![1, 2, 3]));
    }
}
