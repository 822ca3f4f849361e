//! The cache of compiled datasets: never stale, rebuilt when damaged, bypassed on request.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{fixture, relations, run_command};

/// A scratch directory with its own cache directory inside.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    fn cache(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The binary, with this scratch directory's cache and `--color never`.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = relations();
        command.env("RELATIONS_CACHE_DIR", self.cache()).arg("--color").arg("never").args(args);
        command
    }

    fn run(&self, args: &[&str]) -> common::Run {
        run_command(&mut self.command(args))
    }

    /// The entry files in the cache directory.
    fn entries(&self) -> Vec<PathBuf> {
        let Ok(listing) = std::fs::read_dir(self.cache()) else { return Vec::new() };
        let mut entries: Vec<PathBuf> =
            listing.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "rkyv")).collect();
        entries.sort();
        entries
    }
}

fn small() -> String {
    std::fs::read_to_string(fixture("small.json")).unwrap()
}

fn title(scratch: &Scratch, data: &Path) -> String {
    let run = scratch.run(&["--no-bundled", "--data", data.to_str().unwrap(), "info", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()["dataset"]["title"].as_str().unwrap().to_owned()
}

#[test]
fn a_second_run_is_answered_from_one_compiled_entry_with_the_same_output() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let args = ["--no-bundled", "--data", data.to_str().unwrap(), "export"];
    let first = scratch.run(&args);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(scratch.entries().len(), 1, "the first run compiles the file into one entry");
    let second = scratch.run(&args);
    assert_eq!(second.stdout, first.stdout);
    assert_eq!(scratch.entries().len(), 1, "the second run adds no entry");
}

#[test]
fn a_run_that_cannot_start_its_compiling_thread_answers_and_compiles_nothing() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let args = ["--no-bundled", "--data", data.to_str().unwrap(), "export"];
    let answered = scratch.run(&args);
    std::fs::remove_dir_all(scratch.cache()).unwrap();
    // A stack size no system grants: no thread can be started (as under a limit on threads).
    let run = run_command(scratch.command(&args).env("RUST_MIN_STACK", "100000000000000"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, answered.stdout);
    assert!(scratch.entries().is_empty(), "nothing was compiled: {:?}", scratch.entries());
}

#[test]
fn a_file_changed_in_place_with_the_same_size_and_time_is_never_answered_from_the_old_cache() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    // Left alone long enough for its metadata to be trusted (a stamp is written).
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(title(&scratch, &data), "Atlantis test dataset");
    assert_eq!(title(&scratch, &data), "Atlantis test dataset");
    let info = scratch.run(&["cache", "info", "--json"]).json();
    assert_eq!(info["stamps"], 1, "the file's metadata was remembered: {info}");

    let modified = filetime::FileTime::from_last_modification_time(&std::fs::metadata(&data).unwrap());
    let changed = small().replace("Atlantis test dataset", "Atlantis test datasex");
    std::fs::write(&data, &changed).unwrap();
    filetime::set_file_mtime(&data, modified).unwrap();
    let after = std::fs::metadata(&data).unwrap();
    assert_eq!(after.len(), small().len() as u64);
    assert_eq!(filetime::FileTime::from_last_modification_time(&after), modified);

    assert_eq!(title(&scratch, &data), "Atlantis test datasex");
    assert_eq!(title(&scratch, &data), "Atlantis test datasex");
}

#[test]
fn a_file_changed_at_once_after_a_run_is_never_answered_from_the_old_cache() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    assert_eq!(title(&scratch, &data), "Atlantis test dataset");
    let modified = filetime::FileTime::from_last_modification_time(&std::fs::metadata(&data).unwrap());
    std::fs::write(&data, small().replace("Atlantis test dataset", "Atlantis test datasex")).unwrap();
    filetime::set_file_mtime(&data, modified).unwrap();
    assert_eq!(title(&scratch, &data), "Atlantis test datasex");
}

#[test]
fn a_truncated_cache_entry_is_ignored_and_rebuilt() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let args = ["--no-bundled", "--data", data.to_str().unwrap(), "export"];
    let expected = scratch.run(&args).stdout;
    let entry = scratch.entries().pop().expect("an entry");
    let whole = std::fs::read(&entry).unwrap();
    std::fs::write(&entry, &whole[..whole.len() / 2]).unwrap();

    let run = scratch.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, expected);
    assert_eq!(std::fs::read(&entry).unwrap(), whole, "the entry was written again, whole");
}

#[test]
fn a_garbage_cache_entry_is_ignored_and_rebuilt() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let args = ["--no-bundled", "--data", data.to_str().unwrap(), "export"];
    let expected = scratch.run(&args).stdout;
    let entry = scratch.entries().pop().expect("an entry");
    let whole = std::fs::read(&entry).unwrap();
    // The header kept and one byte flipped: in the head (its end), in the first record (just
    // after the 64-byte header); then nothing but garbage.
    let flip = |at: usize| {
        let mut flipped = whole.clone();
        flipped[at] ^= 0xff;
        flipped
    };
    for damaged in [flip(whole.len() - 1), flip(64 + 8), vec![0xa5; whole.len()]] {
        std::fs::write(&entry, &damaged).unwrap();
        let run = scratch.run(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stdout, expected);
        assert_eq!(std::fs::read(&entry).unwrap(), whole, "the entry was written again");
    }
}

#[test]
fn two_runs_compiling_the_same_file_at_once_both_answer_correctly() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let args = ["--no-bundled", "--data", data.to_str().unwrap(), "export"];
    let expected = run_command(scratch.command(&["--no-cache"]).args(&args[..])).stdout;
    let children: Vec<_> =
        (0..2).map(|_| scratch.command(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()).collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
    }
    assert_eq!(scratch.entries().len(), 1);
    assert_eq!(scratch.run(&args).stdout, expected, "the entry they left answers too");
}

#[test]
fn no_cache_neither_reads_nor_writes_the_cache() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let run = scratch.run(&["--no-cache", "--no-bundled", "--data", data.to_str().unwrap(), "info"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(scratch.entries().is_empty());
    // A garbage entry under every name is never read either: the answer comes from the file.
    scratch.run(&["--no-bundled", "--data", data.to_str().unwrap(), "info"]);
    for entry in scratch.entries() {
        std::fs::write(entry, b"garbage").unwrap();
    }
    assert_eq!(
        scratch.run(&["--no-cache", "--no-bundled", "--data", data.to_str().unwrap(), "info"]).stdout,
        run.stdout
    );
}

#[test]
fn cache_info_lists_the_entries_and_cache_clear_removes_them() {
    let scratch = Scratch::new();
    let empty = scratch.run(&["cache", "info", "--json"]);
    assert_eq!(empty.code, 0, "{}", empty.stderr);
    assert_eq!(empty.json()["entries"].as_array().unwrap().len(), 0);
    assert_eq!(empty.json()["dir"], scratch.cache().display().to_string());

    let data = scratch.file("data.json", &small());
    scratch.run(&["--no-bundled", "--data", data.to_str().unwrap(), "info"]);
    let info = scratch.run(&["cache", "info", "--json"]).json();
    let entries = info["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    let bytes = entries[0]["bytes"].as_u64().unwrap();
    assert!(bytes > 0);
    assert_eq!(info["total_bytes"].as_u64().unwrap(), bytes);
    let plain = scratch.run(&["cache", "info"]);
    assert!(plain.stdout.contains(entries[0]["name"].as_str().unwrap()), "{}", plain.stdout);

    let cleared = scratch.run(&["cache", "clear", "--json"]);
    assert_eq!(cleared.code, 0, "{}", cleared.stderr);
    assert_eq!(cleared.json()["removed"], 1);
    assert!(scratch.entries().is_empty());
    assert_eq!(scratch.run(&["cache", "info", "--json"]).json()["total_bytes"], 0);
}

#[test]
fn standard_input_is_never_cached() {
    let scratch = Scratch::new();
    let mut command = scratch.command(&["--no-bundled", "--data", "-", "info", "--json"]);
    command.stdin(std::fs::File::open(fixture("small.json")).unwrap());
    let run = run_command(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["dataset"]["title"], "Atlantis test dataset");
    assert!(scratch.entries().is_empty());
}

#[test]
fn merging_several_files_gives_the_same_with_and_without_the_cache() {
    let scratch = Scratch::new();
    let base = scratch.file("base.json", &small());
    let overlay = scratch.file(
        "overlay.json",
        r#"{"actors": [{"id": "mu", "kind": "country", "name": "Mu Replaced", "summary": "Replaced by the later file.", "iso3": "MUU", "region": "Ocean",
            "sources": [{"source": "notes", "section": "two"}]}]}"#,
    );
    let args = ["--no-bundled", "--data", base.to_str().unwrap(), "--data", overlay.to_str().unwrap(), "export"];
    let without = run_command(scratch.command(&["--no-cache"]).args(&args[..]));
    assert_eq!(without.code, 0, "{}", without.stderr);
    assert!(without.stdout.contains("Mu Replaced"));
    let compiled = scratch.run(&args);
    let cached = scratch.run(&args);
    assert_eq!(compiled.stdout, without.stdout);
    assert_eq!(cached.stdout, without.stdout);
    // The order of the files is part of the key: the other order is another dataset.
    let reversed = ["--no-bundled", "--data", overlay.to_str().unwrap(), "--data", base.to_str().unwrap(), "export"];
    let other = scratch.run(&reversed);
    assert_eq!(other.code, 0, "{}", other.stderr);
    assert!(!other.stdout.contains("Mu Replaced"), "the base file, later, wins");
    assert_eq!(scratch.entries().len(), 2);
}

#[test]
fn the_bundled_data_with_a_file_is_cached_apart_from_the_file_alone() {
    let scratch = Scratch::new();
    let overlay = scratch.file(
        "overlay.json",
        r#"{"events": [{"id": "2010-test-visit", "date": "2010-05-01", "title": "A test visit", "summary": "Made up.",
            "type": "visit", "actors": ["chile"], "tone": 1, "sources": [{"source": "bir", "section": "overview"}]}]}"#,
    );
    let args = ["--data", overlay.to_str().unwrap(), "events", "--year", "2010", "--json"];
    let without = run_command(scratch.command(&["--no-cache"]).args(&args[..]));
    assert_eq!(without.code, 0, "{}", without.stderr);
    assert!(without.stdout.contains("A test visit"));
    scratch.run(&args);
    assert_eq!(scratch.run(&args).stdout, without.stdout);
}

#[test]
fn an_unusable_cache_directory_is_passed_by_and_the_query_answers() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    // A regular file where the cache directory should be: nothing can be written under it.
    let blocker = scratch.file("not-a-dir", "x");
    let mut command = relations();
    command.env("RELATIONS_CACHE_DIR", &blocker).args([
        "--no-bundled",
        "--data",
        data.to_str().unwrap(),
        "info",
        "--json",
    ]);
    let run = run_command(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["dataset"]["title"], "Atlantis test dataset");
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "x");
}

/// The search index files beside the entries.
fn indexes(scratch: &Scratch) -> Vec<PathBuf> {
    scratch.entries().into_iter().filter(|p| p.to_string_lossy().ends_with(".search.rkyv")).collect()
}

#[test]
fn a_search_keeps_its_index_beside_the_entry_and_later_searches_answer_the_same_from_it() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let path = data.to_str().unwrap();
    let uncached = scratch.run(&["--no-cache", "--no-bundled", "--data", path, "search", "lemuria", "--json"]);
    assert_eq!(uncached.code, 0, "{}", uncached.stderr);
    assert!(uncached.stdout.contains("\"lemuria\""), "{}", uncached.stdout);
    assert!(indexes(&scratch).is_empty(), "--no-cache keeps nothing");
    let first = scratch.run(&["--no-bundled", "--data", path, "search", "lemuria", "--json"]);
    assert_eq!(first.stdout, uncached.stdout);
    assert_eq!(indexes(&scratch).len(), 1, "the first search keeps its index");
    for query in ["lemuria", "nunnez", "\"oil deal\"", "war"] {
        let kept = scratch.run(&["--no-bundled", "--data", path, "search", query, "--json"]);
        let built = scratch.run(&["--no-cache", "--no-bundled", "--data", path, "search", query, "--json"]);
        assert_eq!(kept.code, built.code, "{query}");
        assert_eq!(kept.stdout, built.stdout, "{query}: the kept index answers as a built one");
        assert!(kept.stdout.contains("\"id\""), "{query} finds something: {}", kept.stdout);
    }
    // A damaged index is passed by, and a whole one kept again.
    let index = indexes(&scratch).remove(0);
    std::fs::write(&index, b"RELCACHE but not an index at all").unwrap();
    let after = scratch.run(&["--no-bundled", "--data", path, "search", "lemuria", "--json"]);
    assert_eq!(after.stdout, uncached.stdout);
    assert!(std::fs::metadata(&index).unwrap().len() > 64, "the index was kept again");
}

#[cfg(unix)]
#[test]
fn a_cache_others_can_write_is_neither_read_nor_written() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let args = ["--no-bundled", "--data", data.to_str().unwrap(), "export"];
    std::fs::create_dir_all(scratch.cache()).unwrap();
    std::fs::set_permissions(scratch.cache(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let shared = scratch.run(&args);
    assert_eq!(shared.code, 0, "{}", shared.stderr);
    assert!(scratch.entries().is_empty(), "nothing is written where others can write");

    std::fs::set_permissions(scratch.cache(), std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(scratch.run(&args).stdout, shared.stdout);
    let entry = scratch.entries().remove(0);
    assert_eq!(std::fs::metadata(&entry).unwrap().permissions().mode() & 0o777, 0o600, "entries are the user's alone");
    // An entry others could have written is not trusted: it is compiled again, privately.
    std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(0o666)).unwrap();
    assert_eq!(scratch.run(&args).stdout, shared.stdout);
    assert_eq!(std::fs::metadata(&entry).unwrap().permissions().mode() & 0o777, 0o600);
}

/// Overwrite an entry's archive with other bytes and give it the checksum they have, as someone
/// who can write the cache could: only the bytes' own structure can tell them apart. (The
/// header's checksum covers what follows the body, whose length is at bytes 48..56: a dataset's
/// head, or the whole of a search index, which has no body.)
fn forge(entry: &Path) {
    let mut bytes = std::fs::read(entry).unwrap();
    for (i, byte) in bytes.iter_mut().enumerate().skip(64) {
        *byte = u8::try_from((i * 31 + 7) % 251).unwrap();
    }
    let body = usize::try_from(u64::from_le_bytes(bytes[48..56].try_into().unwrap())).unwrap();
    let checksum = xxhash_rust::xxh3::xxh3_64(&bytes[64 + body..]);
    bytes[40..48].copy_from_slice(&checksum.to_le_bytes());
    std::fs::write(entry, bytes).unwrap();
}

#[test]
fn an_entry_with_a_forged_checksum_is_checked_by_its_structure_and_rebuilt() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let path = data.to_str().unwrap();
    let export = ["--no-bundled", "--data", path, "export"];
    let search = ["--no-bundled", "--data", path, "search", "lemuria", "--json"];
    let (first, found) = (scratch.run(&export), scratch.run(&search));
    assert_eq!((first.code, found.code), (0, 0));
    for entry in scratch.entries() {
        forge(&entry);
    }
    let again = scratch.run(&export);
    assert_eq!((again.code, again.stdout.as_str()), (0, first.stdout.as_str()), "{}", again.stderr);
    let again = scratch.run(&search);
    assert_eq!((again.code, again.stdout.as_str()), (0, found.stdout.as_str()), "{}", again.stderr);
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_directory_where_an_entry_should_be_does_not_stop_the_query() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let args = ["--no-bundled", "--data", data.to_str().unwrap(), "export"];
    let first = scratch.run(&args);
    let entry = scratch.entries().remove(0);
    std::fs::remove_file(&entry).unwrap();
    assert!(Command::new("mkfifo").arg(&entry).status().unwrap().success());
    // A reader that waited on the FIFO would never end: the test's own time limit would show it.
    let mut child = scratch.command(&args).stdout(Stdio::piped()).spawn().unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < Duration::from_secs(20), "the query waits on a FIFO");
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), first.stdout);
    // A directory in an entry's place, and a file that only looks like one, are not entries.
    std::fs::remove_file(&entry).unwrap();
    std::fs::create_dir(&entry).unwrap();
    let notes = scratch.cache().join("my-notes.rkyv");
    std::fs::write(&notes, "mine").unwrap();
    assert_eq!(scratch.run(&args).stdout, first.stdout);
    let cleared = scratch.run(&["cache", "clear"]);
    assert_eq!(cleared.code, 0, "{}", cleared.stderr);
    assert!(notes.exists(), "a file the cache did not write is left alone");
}

#[test]
fn a_search_that_reads_a_damaged_record_answers_from_the_whole_dataset_and_the_entry_is_rebuilt() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let path = data.to_str().unwrap();
    let search = ["--no-bundled", "--data", path, "search", "\"oil deal\"", "--json"];
    let expected = scratch.run(&search);
    assert_eq!(expected.code, 0, "{}", expected.stderr);
    assert!(expected.stdout.contains("Oil deal with Mu"), "{}", expected.stdout);
    assert_eq!(indexes(&scratch).len(), 1, "the index is kept: later searches read records on use");
    let entry = scratch.entries().into_iter().find(|p| !p.to_string_lossy().ends_with(".search.rkyv")).unwrap();
    let whole = std::fs::read(&entry).unwrap();
    // Every record of the body damaged (it runs from byte 64 for the length at bytes 48..56).
    let body = usize::try_from(u64::from_le_bytes(whole[48..56].try_into().unwrap())).unwrap();
    let mut damaged = whole.clone();
    for byte in damaged[64..64 + body].iter_mut().step_by(8) {
        *byte ^= 0x5a;
    }
    std::fs::write(&entry, &damaged).unwrap();
    let again = scratch.run(&search);
    assert_eq!((again.code, again.stdout.as_str()), (0, expected.stdout.as_str()), "{}", again.stderr);
    assert_eq!(std::fs::read(&entry).unwrap(), whole, "the entry was written again");
}

#[test]
fn runs_reading_while_another_renames_damaged_and_whole_entries_over_theirs_answer_correctly() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let path = data.to_str().unwrap();
    let commands = [
        vec!["--no-bundled", "--data", path, "search", "\"oil deal\"", "--json"],
        vec!["--no-bundled", "--data", path, "events", "2008", "--json"],
        vec!["--no-bundled", "--data", path, "show", "lemuria", "--json"],
        vec!["--no-bundled", "--data", path, "export"],
    ];
    let expected: Vec<String> = commands.iter().map(|args| scratch.run(args).stdout).collect();
    assert!(expected[0].contains("Oil deal with Mu"), "{}", expected[0]);
    // Each file of the cache (the entry and the kept index), whole and damaged: every eighth
    // byte flipped of the entry's records (its head whole: the damage is found as they are
    // read) and of the index.
    let versions: Vec<(PathBuf, Vec<u8>, Vec<u8>)> = scratch
        .entries()
        .into_iter()
        .map(|file| {
            let whole = std::fs::read(&file).unwrap();
            let body = usize::try_from(u64::from_le_bytes(whole[48..56].try_into().unwrap())).unwrap();
            let mut damaged = whole.clone();
            let end = if body > 0 { 64 + body } else { whole.len() };
            for byte in damaged[64..end].iter_mut().step_by(8) {
                *byte ^= 0x5a;
            }
            (file, whole, damaged)
        })
        .collect();
    assert_eq!(versions.len(), 2, "an entry and its index");
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        // Another writer of the cache, as the program writes it: a new file renamed over the
        // old, never a change in place.
        scope.spawn(|| {
            let temporary = scratch.cache().join(".tmp-test");
            let mut round = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for (file, whole, damaged) in &versions {
                    std::fs::write(&temporary, if round.is_multiple_of(2) { damaged } else { whole }).unwrap();
                    std::fs::rename(&temporary, file).unwrap();
                }
                round += 1;
            }
        });
        for _ in 0..8 {
            for (args, expected) in commands.iter().zip(&expected) {
                let run = scratch.run(args);
                assert_eq!((run.code, run.stdout.as_str()), (0, expected.as_str()), "{args:?}: {}", run.stderr);
            }
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });
}

#[test]
fn a_header_whose_body_length_is_forged_is_refused_or_read_right() {
    let scratch = Scratch::new();
    let data = scratch.file("data.json", &small());
    let path = data.to_str().unwrap();
    let commands = [
        vec!["--no-bundled", "--data", path, "export"],
        vec!["--no-bundled", "--data", path, "events", "2008", "--json"],
        vec!["--no-bundled", "--data", path, "show", "lemuria", "--json"],
    ];
    let expected: Vec<String> = commands.iter().map(|args| scratch.run(args).stdout).collect();
    let entry = scratch.entries().pop().expect("an entry");
    let whole = std::fs::read(&entry).unwrap();
    let len = whole.len() - 64;
    let body = usize::try_from(u64::from_le_bytes(whole[48..56].try_into().unwrap())).unwrap();
    // Longer than the file, than the entry, as long as the entry (no head), a few bytes off
    // the records' alignment either way, nothing at all.
    let lengths = [u64::MAX, u64::MAX - 63, len as u64 + 1, len as u64, (body + 8) as u64, (body - 8) as u64, 4, 0];
    for forged in lengths {
        let mut bytes = whole.clone();
        bytes[48..56].copy_from_slice(&forged.to_le_bytes());
        // The checksum of what the forged length makes the head, where there is one.
        if let Some(head) = usize::try_from(forged).ok().and_then(|b| bytes.get(64usize.checked_add(b)?..)) {
            let checksum = xxhash_rust::xxh3::xxh3_64(head);
            bytes[40..48].copy_from_slice(&checksum.to_le_bytes());
        }
        for (args, expected) in commands.iter().zip(&expected) {
            std::fs::write(&entry, &bytes).unwrap();
            let run = scratch.run(args);
            assert_eq!((run.code, run.stdout.as_str()), (0, expected.as_str()), "{forged}, {args:?}: {}", run.stderr);
        }
    }
}
