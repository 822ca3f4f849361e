//! `relations browse` as a person meets it: refused without a terminal, and run on a real
//! pseudo-terminal in tmux, which it must leave as it found it. The tmux tests are skipped (with
//! a note) where tmux is not installed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{assert_error, run};

#[test]
fn browse_without_a_terminal_refuses_in_one_line_and_exits_2() {
    let result = run(&["browse", "chile"]);
    assert_error(&result, 2, "needs a terminal");
    assert_eq!(result.stderr.lines().count(), 1, "{}", result.stderr);
    assert!(result.stdout.is_empty());
}

/// One tmux server of our own (its own socket), killed when the test ends.
struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    /// A detached session of a fixed size running a plain shell, or `None` without tmux.
    fn start(name: &str, width: u16, height: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
            return None;
        }
        let dir = std::env::temp_dir().join(format!("relations-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let tmux = Tmux { socket: format!("relations-{name}-{}", std::process::id()), dir };
        let status = tmux
            .command()
            .args([
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .args(["env", "-i", "PATH=/usr/bin:/bin", "TERM=xterm-256color", "PS1=$ ", "HOME=/tmp", "sh"])
            .status()
            .expect("tmux starts");
        assert!(status.success());
        Some(tmux)
    }

    fn command(&self) -> Command {
        let mut command = Command::new("tmux");
        command.args(["-L", &self.socket]);
        command
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            let status = self.command().args(["send-keys", "-t", "t", key]).status().expect("send-keys");
            assert!(status.success());
        }
    }

    fn line(&self, text: &str) {
        let status = self.command().args(["send-keys", "-t", "t", "-l", text]).status().expect("send-keys");
        assert!(status.success());
        self.keys(&["Enter"]);
    }

    fn screen(&self) -> String {
        let output = self.command().args(["capture-pane", "-p", "-t", "t"]).output().expect("capture-pane");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// The screen with its colours and attributes as escape sequences.
    fn screen_with_escapes(&self) -> String {
        let output = self.command().args(["capture-pane", "-e", "-p", "-t", "t"]).output().expect("capture-pane");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn format(&self, format: &str) -> String {
        let output = self.command().args(["display-message", "-p", "-t", "t", format]).output().expect("display");
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    /// Wait until the screen shows `text` (a generous limit only guards against a hang).
    fn wait_for(&self, text: &str) -> String {
        self.wait_for_all(&[text])
    }

    /// Wait until the screen shows every one of `texts` at once (a screen may be caught half drawn).
    fn wait_for_all(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|text| screen.contains(text)) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "the screen never showed {texts:?}:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_relations")
}

/// Wait until the shell has written a line to the file (the terminal settings it saves after the
/// browser ends). Its prompt cannot be waited for instead: lines typed ahead may stand where it
/// would be drawn.
fn wait_for_line_in(path: &Path) {
    let start = Instant::now();
    while !std::fs::read_to_string(path).unwrap_or_default().ends_with('\n') {
        assert!(start.elapsed() < Duration::from_secs(20), "the shell never wrote {}", path.display());
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn browse_in_a_real_terminal_follows_a_link_searches_goes_back_and_restores_the_terminal() {
    let Some(tmux) = Tmux::start("browse", 80, 24) else { return };
    let (before, after) = (tmux.file("before"), tmux.file("after"));
    tmux.line(&format!("stty -g > {}", before.display()));
    tmux.line(&format!("{} browse chile; echo \"exit=$?\"; stty -g > {}", binary(), after.display()));
    tmux.wait_for("country · chile");
    assert_eq!(tmux.format("#{alternate_on}"), "1", "the browser draws on the alternate screen");

    tmux.keys(&["Down", "Down", "Enter"]);
    tmux.wait_for_all(&["relationship · peru--chile", "Camisea"]);

    tmux.keys(&["/", "b", "o", "l"]);
    tmux.wait_for_all(&["Search 'bol'", "▶ Bolivia", "/bol"]);
    tmux.keys(&["Enter", "BSpace"]);
    tmux.wait_for("relationship · peru--chile");
    tmux.keys(&["BSpace"]);
    tmux.wait_for("country · chile");
    tmux.keys(&["M-Right"]);
    tmux.wait_for("relationship · peru--chile");
    tmux.keys(&["M-Left"]);
    tmux.wait_for("country · chile");

    tmux.keys(&["q"]);
    let screen = tmux.wait_for("exit=0");
    assert!(!screen.contains("country · chile"), "the browser's screen is gone:\n{screen}");
    assert_eq!(tmux.format("#{alternate_on}"), "0", "the alternate screen was left");
    assert_eq!(tmux.format("#{mouse_any_flag}"), "0", "mouse reporting was turned off");
    assert_eq!(tmux.format("#{cursor_flag}"), "1", "the cursor is visible again");
    wait_for_line_in(&after);
    assert_eq!(read(&after), read(&before), "stty settings are as they were");
}

#[test]
fn browse_ended_by_sigterm_restores_the_terminal_and_exits_143() {
    let Some(tmux) = Tmux::start("sigterm", 80, 24) else { return };
    let (before, after, pid) = (tmux.file("before"), tmux.file("after"), tmux.file("pid"));
    tmux.line(&format!("stty -g > {}", before.display()));
    // `exec` keeps the pid the inner shell wrote down.
    tmux.line(&format!(
        "sh -c 'echo $$ > {}; exec {} browse chile'; echo \"exit=$?\"; stty -g > {}",
        pid.display(),
        binary(),
        after.display()
    ));
    tmux.wait_for("country · chile");
    let pid = read(&pid).trim().to_owned();
    let status = Command::new("kill").args(["-TERM", &pid]).status().expect("kill runs");
    assert!(status.success());
    tmux.wait_for("exit=143");
    assert_eq!(tmux.format("#{alternate_on}"), "0");
    wait_for_line_in(&after);
    assert_eq!(read(&after), read(&before));
}

#[test]
fn browse_redraws_on_resize_and_ctrl_c_quits_with_the_terminal_restored() {
    let Some(tmux) = Tmux::start("resize", 80, 24) else { return };
    let (before, after) = (tmux.file("before"), tmux.file("after"));
    tmux.line(&format!("stty -g > {}", before.display()));
    tmux.line(&format!("{} browse chile; echo \"exit=$?\"; stty -g > {}", binary(), after.display()));
    let screen = tmux.wait_for("country · chile");
    assert!(!screen.contains("Ricardo Lagos  person"), "at 80×24 the list is too short for him:\n{screen}");
    let status = tmux.command().args(["resize-window", "-t", "t", "-x", "120", "-y", "40"]).status().expect("resize");
    assert!(status.success());
    tmux.wait_for_all(&["country · chile", "y copy · q quit · ? keys", "Ricardo Lagos  person"]);
    tmux.keys(&["C-c"]);
    tmux.wait_for("exit=0");
    assert_eq!(tmux.format("#{alternate_on}"), "0");
    wait_for_line_in(&after);
    assert_eq!(read(&after), read(&before));
}

#[test]
fn y_in_tmux_prints_the_id_on_exit_where_the_clipboard_is_out_of_reach() {
    let Some(tmux) = Tmux::start("copy", 80, 24) else { return };
    // Inside tmux (TMUX set) an OSC 52 from a program does not reach the clipboard by default.
    tmux.line(&format!("TMUX=1 {} browse chile; echo \"exit=$?\"", binary()));
    tmux.wait_for("country · chile");
    tmux.keys(&["y"]);
    tmux.wait_for("copied chile");
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("exit=0");
    // (The shell's prompt may share the line when it was drawn after the keys were typed.)
    let printed = screen.lines().any(|line| line.trim().trim_start_matches('$').trim() == "chile");
    assert!(printed, "the id is printed on its own line:\n{screen}");
}

/// Whether a screen captured with escapes sets a foreground colour (tmux writes them as
/// `38;5;N` or `3N`).
fn has_colour(screen: &str) -> bool {
    screen.split('\u{1b}').any(|sequence| {
        let Some(params) = sequence.strip_prefix('[').and_then(|s| s.split_once('m')).map(|(p, _)| p) else {
            return false;
        };
        let mut codes = params.split(';');
        std::iter::from_fn(|| codes.next())
            .any(|code| code == "38" || (code.len() == 2 && code.starts_with('3') && code != "39"))
    })
}

#[test]
fn browse_is_coloured_by_default_and_not_with_no_color() {
    let Some(tmux) = Tmux::start("color", 80, 24) else { return };
    tmux.line(&format!("{} browse chile; NO_COLOR=1 {} browse peru", binary(), binary()));
    tmux.wait_for("country · chile");
    assert!(has_colour(&tmux.screen_with_escapes()), "links and tones are coloured");
    tmux.keys(&["q"]);
    // The footer is the last thing drawn: once it shows, the whole screen is there.
    tmux.wait_for_all(&["country · peru", "Enter follow"]);
    let screen = tmux.screen_with_escapes();
    assert!(!has_colour(&screen), "NO_COLOR leaves only bold, dim, underline and reverse:\n{screen}");
    tmux.keys(&["q"]);
}

#[test]
fn browse_ends_when_its_terminal_goes_away() {
    let Some(tmux) = Tmux::start("hangup", 80, 24) else { return };
    let pid = tmux.file("pid");
    tmux.line(&format!("sh -c 'echo $$ > {}; exec {} browse peru'", pid.display(), binary()));
    tmux.wait_for("country · peru");
    let pid = read(&pid).trim().to_owned();
    // Killing the server closes the terminal under the browser, as closing its window would.
    let status = tmux.command().arg("kill-server").status().expect("kill-server");
    assert!(status.success());
    let start = Instant::now();
    let alive = || Path::new("/proc").join(&pid).exists();
    while alive() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    if alive() {
        let _ = Command::new("kill").args(["-KILL", &pid]).status();
        panic!("the browser was still running 20 s after its terminal went away");
    }
}

#[test]
fn browse_draws_a_record_with_a_million_letter_word_and_scrolls_to_its_end() {
    let Some(tmux) = Tmux::start("long", 80, 24) else { return };
    // Unbroken words in the name and the summary: each is cut into rows of the pane's width.
    let word = "w".repeat(1_000_000);
    let source = serde_json::json!([{"source": "bir", "section": "chile"}]);
    let dataset = serde_json::json!({"actors": [{
        "id": "long", "kind": "country", "name": format!("Long {word}"), "iso3": "LNG", "region": "Nowhere",
        "summary": format!("{word} end of summary"), "sources": source,
    }]});
    let data = tmux.file("long.json");
    std::fs::write(&data, dataset.to_string()).unwrap();
    tmux.line(&format!(
        "RELATIONS_CACHE_DIR={} {} --data {} browse long; echo \"exit=$?\"",
        tmux.dir.display(),
        binary(),
        data.display()
    ));
    let screen = tmux.wait_for_all(&["country · long", "Enter follow"]);
    assert!(screen.contains(&"w".repeat(40)), "the word is drawn across the pane:\n{screen}");
    // The record pane (it has the focus), scrolled to its last row: past both words.
    tmux.keys(&["End"]);
    tmux.wait_for("end of summary");
    tmux.keys(&["q"]);
    tmux.wait_for("exit=0");
}
