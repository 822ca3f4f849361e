//! Times the browser on a dataset file: opening it against loading it, and each keystroke
//! (`update` plus a full draw to ratatui's TestBackend) for moving, following links, typing a
//! search, changing the year and listing every event. Run by `scripts/bench`:
//!
//! ```sh
//! cargo run --release --example browse_bench -- big.json [WIDTH HEIGHT]
//! ```

use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use relations::browse::{Data, Input, Key, Record, State, Theme, update, view};
use relations::load::{Input as File, load};

fn draw(terminal: &mut Terminal<TestBackend>, state: &State, data: &Data) {
    terminal.draw(|frame| view::draw(frame, state, data, Theme { color: true })).expect("it draws");
}

/// Press each key, timing update and draw together; the state after the last.
fn time_keys<'d>(
    mut state: State<'d>,
    data: &Data<'d>,
    terminal: &mut Terminal<TestBackend>,
    keys: &[Input],
    times: &mut Vec<Duration>,
) -> State<'d> {
    for key in keys {
        let start = Instant::now();
        state = update(state, *key, data);
        draw(terminal, &state, data);
        times.push(start.elapsed());
    }
    state
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn row(name: &str, times: &mut [Duration]) {
    times.sort();
    let median = times[times.len() / 2];
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    let max = times[times.len() - 1];
    println!("| {name} | {} | {} | {} | {} |", times.len(), ms(median), ms(p95), ms(max));
}

fn keys(key: Key, n: usize) -> Vec<Input> {
    vec![Input::Key(key); n]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: browse_bench FILE [WIDTH HEIGHT]");
    let width = args.next().and_then(|w| w.parse().ok()).unwrap_or(120);
    let height = args.next().and_then(|h| h.parse().ok()).unwrap_or(40);

    let start = Instant::now();
    let file = File::read(Path::new(&path), relations::load::InputLimit::DEFAULT).expect("the file reads");
    let dataset = load(vec![file]).expect("the dataset loads");
    let loaded = start.elapsed();
    let data = Data::new(&dataset);
    let subject = dataset.subject().and_then(|s| dataset.actor(s.as_str())).map(Record::Actor);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let opening = Instant::now();
    let state = State::new(&data, subject, None, (width, height));
    draw(&mut terminal, &state, &data);
    let opened = opening.elapsed();

    println!(
        "Dataset `{path}`: {} actors, {} events; screen {width}×{height}.",
        dataset.actors().len(),
        dataset.events().len()
    );
    println!();
    println!("| step | time (ms) |");
    println!("|---|---:|");
    println!("| load the file (read, parse, validate, index) | {} |", ms(loaded));
    println!("| open the browser on the subject (state, page, first draw) | {} |", ms(opened));
    // The browser builds the search index on a second thread from the moment it opens; here it
    // is built in the foreground, timed, so the keystrokes below measure the search alone.
    let building = Instant::now();
    data.prepare_search()(&std::sync::atomic::AtomicBool::new(false));
    println!("| build the search index (on a background thread from opening) | {} |", ms(building.elapsed()));
    println!();
    println!("Each keystroke: `update` and a full draw to ratatui's `TestBackend`.");
    println!();
    println!("| keystrokes | n | median (ms) | p95 (ms) | max (ms) |");
    println!("|---|---:|---:|---:|---:|");

    // Move down the list of actors: each step shows a new actor's page.
    let mut times = Vec::new();
    let state = time_keys(state, &data, &mut terminal, &[Input::Key(Key::Tab)], &mut Vec::new());
    let state = time_keys(state, &data, &mut terminal, &keys(Key::Down, 200), &mut times);
    row("↓ in the actor list (each shows the actor's page)", &mut times);
    let mut times = Vec::new();
    for actor in dataset.actors().iter().skip(1).take(200) {
        let start = Instant::now();
        std::hint::black_box(data.profile(actor, None));
        times.push(start.elapsed());
    }
    row("of which `query::Profile::new` alone, per actor", &mut times);
    // A held key: fifty ↓ waiting at once are one move, one page, one draw.
    let start = Instant::now();
    let state = relations::browse::app::update_all(state, &keys(Key::Down, 50), &data);
    draw(&mut terminal, &state, &data);
    row("↓ ×50 waiting at once (a held key), all of them", &mut [start.elapsed()]);

    // Follow links from the subject's page and come back.
    let mut times = Vec::new();
    let mut state = update(state, Input::Key(Key::Home), &data);
    state = update(state, Input::Key(Key::Tab), &data);
    for _ in 0..40 {
        state = time_keys(state, &data, &mut terminal, &[Input::Key(Key::Down)], &mut times);
        state = time_keys(state, &data, &mut terminal, &[Input::Key(Key::Enter)], &mut times);
        state = time_keys(state, &data, &mut terminal, &[Input::Key(Key::Backspace)], &mut times);
    }
    row("↓, Enter (follow a link), Backspace (back)", &mut times);

    // Type a search, letter by letter, for a person's name with a typo.
    let name = dataset
        .actors()
        .iter()
        .filter(|a| a.kind == relations::model::ActorKind::Person)
        .nth(100)
        .map_or_else(|| "someone".to_owned(), |a| a.name.clone());
    let mut typo: Vec<char> = name.chars().collect();
    let at = typo.len().saturating_sub(3);
    typo.swap(at, at + 1);
    let mut times = Vec::new();
    let state = time_keys(state, &data, &mut terminal, &[Input::Key(Key::Char('/'))], &mut times);
    let letters: Vec<Input> = typo.iter().map(|&c| Input::Key(Key::Char(c))).collect();
    let state = time_keys(state, &data, &mut terminal, &letters, &mut times);
    let typed: String = typo.iter().collect();
    row(&format!("`/` and each letter of `{typed}`"), &mut times);
    // The same searches through the query alone, to tell the engine's time from the browser's.
    let mut times = Vec::new();
    for end in 1..=typo.len() {
        let query: String = typo[..end].iter().collect();
        let start = Instant::now();
        std::hint::black_box(data.search(&query));
        times.push(start.elapsed());
    }
    let slowest = (1..=typo.len()).max_by_key(|&end| times[end - 1]).unwrap_or(1);
    let slowest = (typo[..slowest].iter().collect::<String>(), times[slowest - 1]);
    row("of which `query::search` alone, per letter", &mut times);
    // The whole name waiting at once (typed faster than searched, or pasted): one search.
    let state = time_keys(state, &data, &mut terminal, &[Input::Key(Key::Esc)], &mut Vec::new());
    let start = Instant::now();
    let all: Vec<Input> = std::iter::once(Input::Key(Key::Char('/'))).chain(letters.iter().copied()).collect();
    let state = relations::browse::app::update_all(state, &all, &data);
    draw(&mut terminal, &state, &data);
    row("`/` and the whole name waiting at once", &mut [start.elapsed()]);
    let state = time_keys(state, &data, &mut terminal, &[Input::Key(Key::Esc)], &mut Vec::new());

    // Move the year on the subject's page with every event listed.
    let mut times = Vec::new();
    let state = time_keys(state, &data, &mut terminal, &[Input::Key(Key::Char('2'))], &mut times);
    let state = time_keys(state, &data, &mut terminal, &keys(Key::Char('['), 30), &mut times);
    let state = time_keys(state, &data, &mut terminal, &keys(Key::Char(']'), 30), &mut times);
    row("`2` (list every event), then `[` ×30 and `]` ×30", &mut times);

    // The timeline of the subject, then of everything, and paging through it.
    let mut times = Vec::new();
    let state = time_keys(state, &data, &mut terminal, &[Input::Key(Key::Char('1'))], &mut Vec::new());
    let state = time_keys(state, &data, &mut terminal, &keys(Key::Char('t'), 2), &mut times);
    let _ = time_keys(state, &data, &mut terminal, &keys(Key::PageDown, 50), &mut times);
    row("`t` (subject's timeline), `t` (everything), PgDn ×50", &mut times);
    std::mem::forget(dataset);
    println!();
    println!("The slowest search alone was for `{}`: {} ms.", slowest.0, ms(slowest.1));
}

// The binary's allocator, so that the numbers are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
