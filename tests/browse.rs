//! The browser's state driven by key sequences, and its screens drawn on ratatui's TestBackend
//! at 80×24 and 120×40 against committed snapshots. No terminal is needed.

use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use relations::browse::app::{List, Pane};
use relations::browse::{Data, Input, Key, Record, State, Theme, update, view};
use relations::load::{Input as File, load};
use relations::model::Dataset;

fn bundled() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| load(vec![File::bundled()]).expect("the bundled dataset loads"))
}

fn open<'d>(data: &Data<'d>, start: &str, size: (u16, u16)) -> State<'d> {
    let record = data.find(start).expect("the start record exists");
    State::new(data, Some(record), None, size)
}

fn key(key: Key) -> Input {
    Input::Key(key)
}

/// Each character typed as a key.
fn typed(text: &str) -> Vec<Input> {
    text.chars().map(|c| Input::Key(Key::Char(c))).collect()
}

fn press<'d>(mut state: State<'d>, data: &Data<'d>, inputs: &[Input]) -> State<'d> {
    for input in inputs {
        state = update(state, *input, data);
    }
    state
}

fn id(state: &State) -> String {
    state.view.record.map(|r| r.id()).unwrap_or_default()
}

/// Move to the link whose target has this id, as a user would with ↓, and return the state.
fn down_to<'d>(mut state: State<'d>, data: &Data<'d>, target: &str) -> (State<'d>, usize) {
    let mut presses = 0;
    while state.view.link.and_then(|l| state.page.links.get(l)).map(Record::id).as_deref() != Some(target) {
        assert!(presses < 200, "no link to {target} on {}", id(&state));
        state = update(state, key(Key::Down), data);
        presses += 1;
    }
    (state, presses)
}

fn screen(state: &State, data: &Data, (width, height): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(|frame| view::draw(frame, state, data, Theme { color: false })).expect("it draws");
    terminal.backend().to_string()
}

#[test]
fn browse_opens_on_the_record_named_with_it_selected_in_the_list() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (80, 24));
    assert_eq!(id(&state), "chile");
    assert_eq!(state.view.list, List::Actors);
    assert_eq!(state.selected_item().map(|r| r.id()).as_deref(), Some("chile"));
    assert_eq!(state.view.focus, Pane::Record);
}

#[test]
fn following_a_link_opens_its_record_and_back_and_forward_walk_the_history() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (80, 24));
    let (state, _) = down_to(state, &data, "peru--chile");
    let state = press(state, &data, &[key(Key::Enter)]);
    assert_eq!(id(&state), "peru--chile");
    let (state, _) = down_to(state, &data, "peru");
    let state = press(state, &data, &[key(Key::Enter)]);
    assert_eq!(id(&state), "peru");

    let state = press(state, &data, &[key(Key::Backspace)]);
    assert_eq!(id(&state), "peru--chile");
    let state = press(state, &data, &[key(Key::AltLeft)]);
    assert_eq!(id(&state), "chile");
    let state = press(state, &data, &[key(Key::AltLeft)]);
    assert_eq!(id(&state), "chile", "nothing further back");
    assert_eq!(state.message.as_deref(), Some("nothing further back"));
    let state = press(state, &data, &[key(Key::AltRight)]);
    assert_eq!(id(&state), "peru--chile");
    let state = press(state, &data, &[key(Key::AltRight)]);
    assert_eq!(id(&state), "peru");
}

#[test]
fn back_returns_to_the_same_link_and_scroll_position() {
    let data = Data::new(bundled());
    let (state, _) = down_to(open(&data, "chile", (80, 24)), &data, "2011-hague-announcement");
    let (link, scroll) = (state.view.link, state.view.scroll);
    assert!(scroll > 0, "the last event is below the first screen");
    let state = press(state, &data, &[key(Key::Enter), key(Key::Backspace)]);
    assert_eq!((state.view.link, state.view.scroll), (link, scroll));
}

#[test]
fn following_a_new_link_after_going_back_clears_the_forward_history() {
    let data = Data::new(bundled());
    let (state, _) = down_to(open(&data, "chile", (80, 24)), &data, "peru--chile");
    let state = press(state, &data, &[key(Key::Enter), key(Key::Backspace)]);
    assert_eq!(state.forward.len(), 1);
    let (state, _) = down_to(state, &data, "unasur");
    let state = press(state, &data, &[key(Key::Enter), key(Key::AltRight)]);
    assert_eq!(id(&state), "unasur");
    assert!(state.forward.is_empty());
}

#[test]
fn search_lists_results_as_each_letter_is_typed_and_esc_puts_everything_back() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (80, 24));
    let state = press(state, &data, &typed("/pe"));
    let after_two = state.items.len();
    let state = press(state, &data, &typed("r"));
    assert_eq!(state.view.list, List::Search("per".into()));
    assert_eq!(state.items[0].id(), "peru");
    assert!(state.items.len() <= after_two);
    assert_eq!(id(&state), "peru", "the record pane previews the best result");
    let state = press(state, &data, &[key(Key::Esc)]);
    assert_eq!(state.view.list, List::Actors);
    assert_eq!(id(&state), "chile");
    assert!(state.back.is_empty(), "a cancelled search leaves no history");
}

#[test]
fn one_letter_lists_nothing_yet_and_a_second_lists_results() {
    let data = Data::new(bundled());
    let state = press(open(&data, "chile", (80, 24)), &data, &typed("/p"));
    assert!(state.items.is_empty(), "one letter begins a word in most records");
    assert!(screen(&state, &data, (80, 24)).contains("(type a second letter)"));
    assert_eq!(id(&state), "chile", "the record shown stays until there are results");
    let state = press(state, &data, &typed("e"));
    assert_eq!(state.items[0].id(), "peru");
}

#[test]
fn a_kept_search_is_one_step_of_the_history() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (80, 24));
    let state = press(state, &data, &[&typed("/garcia")[..], &[key(Key::Enter), key(Key::Enter)]].concat());
    assert_eq!(id(&state), "alan-garcia");
    assert_eq!(state.view.focus, Pane::Record);
    let state = press(state, &data, &[key(Key::Backspace)]);
    assert_eq!(id(&state), "chile");
    assert_eq!(state.view.list, List::Actors);
}

#[test]
fn colon_jumps_to_an_actor_by_the_same_fuzzy_name_as_show() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (80, 24));
    let state = press(state, &data, &[&typed(":Alan Garcia")[..], &[key(Key::Enter)]].concat());
    assert_eq!(id(&state), "alan-garcia");
    let state = press(state, &data, &[&typed(":pinerra")[..], &[key(Key::Enter)]].concat());
    assert_eq!(id(&state), "alan-garcia", "a typo goes nowhere");
    let message = state.message.clone().unwrap_or_default();
    assert!(message.contains("no actor matches 'pinerra'") && message.contains("sebastian-pinera"), "{message}");
}

#[test]
fn the_year_keys_move_the_as_of_year_and_the_relationships_follow() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (120, 40));
    let tone = |state: &State| {
        let text: String = state.page.lines.iter().flat_map(|l| &l.spans).map(|s| s.text.as_str()).collect();
        text.split("tone      ").nth(1).map(|t| t.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
    };
    assert_eq!(tone(&state).as_deref(), Some("-1 strained"));
    let state = press(state, &data, &[key(Key::Char('['))]);
    assert_eq!(state.as_of, Some(2010));
    assert_eq!(tone(&state).as_deref(), Some("0 neutral"));
    let state = press(state, &data, &[key(Key::Char('{')), key(Key::Char('{')), key(Key::Char('{'))]);
    assert_eq!(state.as_of, Some(1980));
    assert_eq!(tone(&state).as_deref(), Some("-2 hostile"));
    assert_eq!(id(&state), "chile", "the record stays");
    let state = press(state, &data, &[key(Key::Char('}')); 4]);
    assert_eq!(state.as_of, None, "past the dataset's own year is the present");
}

#[test]
fn as_of_on_the_command_line_sets_the_starting_year_and_lists_follow_it() {
    let data = Data::new(bundled());
    let start = data.find("chile").ok();
    let state = State::new(&data, start, Some(1990), (80, 24));
    let state = press(state, &data, &[key(Key::Char('2'))]);
    assert_eq!(state.view.list, List::Events);
    assert!(!state.items.is_empty());
    assert!(state.items.iter().all(|r| matches!(r, Record::Event(e) if e.date.year() <= 1990)));
    let state = press(state, &data, &[key(Key::Char(']'))]);
    assert_eq!(state.as_of, Some(1991));
    let events_then = state.items.len();
    let state = press(state, &data, &[key(Key::Char('}')); 3]);
    assert!(state.items.len() > events_then, "later years list more events");
}

#[test]
fn t_shows_the_actors_timeline_and_again_everyones() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (80, 24));
    let state = press(state, &data, &[key(Key::Char('t'))]);
    assert_eq!(state.view.focus, Pane::List);
    assert!(matches!(state.view.list, List::Timeline(Some(_))));
    assert!(state.items.iter().all(|r| matches!(r, Record::Event(e) if e.involves("chile"))));
    let chile_events = state.items.len();
    let state = press(state, &data, &[key(Key::Char('t'))]);
    assert_eq!(state.view.list, List::Timeline(None));
    assert!(state.items.len() > chile_events);
    let state = press(state, &data, &[key(Key::Down), key(Key::Enter)]);
    assert!(matches!(state.view.record, Some(Record::Event(_))), "moving in the list previews the event");
}

#[test]
fn c_shows_the_sources_and_y_copies_the_id() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (80, 24));
    let state = press(state, &data, &[key(Key::Char('c'))]);
    assert!(state.view.sources);
    assert!(state.page.lines.iter().flat_map(|l| &l.spans).any(|s| s.text.contains("bir#chile")));
    let state = press(state, &data, &[key(Key::Char('y'))]);
    assert_eq!(state.copy.as_deref(), Some("chile"));
    assert_eq!(state.yanked.as_deref(), Some("chile"));
    let state = press(state, &data, &[key(Key::Backspace)]);
    assert!(!state.view.sources);
}

#[test]
fn q_esc_and_ctrl_c_quit_but_esc_first_closes_a_prompt_or_the_help() {
    let data = Data::new(bundled());
    for quit in [Key::Char('q'), Key::Esc, Key::CtrlC] {
        assert!(press(open(&data, "chile", (80, 24)), &data, &[key(quit)]).quit);
    }
    let state = press(open(&data, "chile", (80, 24)), &data, &[key(Key::Char('?')), key(Key::Esc)]);
    assert!(!state.quit);
    let state = press(state, &data, &[&typed(":chi")[..], &[key(Key::Esc)]].concat());
    assert!(!state.quit);
    let state = press(state, &data, &typed("q"));
    assert!(state.quit);
}

#[test]
fn tab_switches_panes_and_the_list_keys_move_its_selection() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (80, 24));
    let state = press(state, &data, &[key(Key::Tab), key(Key::Down)]);
    assert_eq!(state.view.focus, Pane::List);
    assert_eq!(id(&state), "peru", "the actor after Chile in the list");
    let state = press(state, &data, &[key(Key::End)]);
    assert_eq!(state.view.selected, state.items.len() - 1);
    assert!(state.view.list_top > 0, "the list scrolled to show the end");
}

#[test]
fn clicking_a_link_follows_it_and_the_wheel_scrolls_the_record() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (120, 40));
    let text = relations::browse::app::record_text(state.size);
    let (row, column) = state
        .wrapped
        .rows
        .iter()
        .enumerate()
        .find_map(|(r, spans)| {
            let mut x = 0;
            for span in spans {
                if span.text == "Peru" {
                    return Some((r, x));
                }
                x += span.text.chars().count();
            }
            None
        })
        .expect("a row with the Peru link");
    let click =
        Input::Click { column: text.x + u16::try_from(column).unwrap() + 1, row: text.y + u16::try_from(row).unwrap() };
    let state = press(state, &data, &[click]);
    assert_eq!(id(&state), "peru--chile");
    let state = press(open(&data, "chile", (80, 24)), &data, &[Input::ScrollDown { column: 50, row: 10 }]);
    assert_eq!(state.view.scroll, 3);
}

#[test]
fn a_resize_rewraps_the_record_to_the_new_width() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (80, 24));
    let narrow = state.wrapped.rows.len();
    let state = press(state, &data, &[Input::Resize { width: 160, height: 50 }]);
    assert_eq!(state.size, (160, 50));
    assert!(state.wrapped.rows.len() < narrow);
    assert!(screen(&state, &data, (160, 50)).contains("Chile"));
}

#[test]
fn dataset_text_with_terminal_controls_is_escaped_on_screen() {
    let file = r#"{"actors": [{"id": "evil", "kind": "country", "name": "Evil\u001b[31m", "summary": "bad \u202e text", "iso3": "EVL", "region": "Nowhere", "sources": [{"source": "bir", "section": "chile"}]}]}"#;
    let dataset = load(vec![File::bundled(), File { name: "evil.json".into(), bytes: file.as_bytes().to_vec() }])
        .expect("the file loads");
    let data = Data::new(&dataset);
    let state = open(&data, "evil", (80, 24));
    let drawn = screen(&state, &data, (80, 24));
    assert!(drawn.contains("Evil\\x1b[31m"), "{drawn}");
    assert!(drawn.contains("bad \\u{202e} text"), "{drawn}");
    assert!(!drawn.contains('\u{1b}'));
}

#[test]
fn the_selected_link_is_drawn_in_reverse_video_when_the_record_pane_has_focus() {
    let data = Data::new(bundled());
    let state = open(&data, "chile", (80, 24));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view::draw(frame, &state, &data, Theme { color: false })).unwrap();
    let buffer = terminal.backend().buffer();
    let reversed: String = buffer
        .content()
        .iter()
        .filter(|cell| cell.modifier.contains(Modifier::REVERSED) && cell.modifier.contains(Modifier::UNDERLINED))
        .map(|cell| cell.symbol())
        .collect();
    assert_eq!(reversed, "Bolivia");
}

#[test]
fn screen_chile_at_80x24() {
    let data = Data::new(bundled());
    insta::assert_snapshot!(screen(&open(&data, "chile", (80, 24)), &data, (80, 24)));
}

#[test]
fn screen_chile_at_120x40() {
    let data = Data::new(bundled());
    insta::assert_snapshot!(screen(&open(&data, "chile", (120, 40)), &data, (120, 40)));
}

#[test]
fn screen_search_at_80x24() {
    let data = Data::new(bundled());
    let state = press(open(&data, "chile", (80, 24)), &data, &typed("/bol"));
    insta::assert_snapshot!(screen(&state, &data, (80, 24)));
}

#[test]
fn screen_relationship_as_of_2005_at_120x40() {
    let data = Data::new(bundled());
    let state = State::new(&data, data.find("bolivia--peru").ok(), Some(2005), (120, 40));
    insta::assert_snapshot!(screen(&state, &data, (120, 40)));
}

#[test]
fn screen_timeline_at_120x40() {
    let data = Data::new(bundled());
    let state = press(open(&data, "peru", (120, 40)), &data, &typed("t"));
    insta::assert_snapshot!(screen(&state, &data, (120, 40)));
}

#[test]
fn screen_help_at_80x24() {
    let data = Data::new(bundled());
    let state = press(open(&data, "chile", (80, 24)), &data, &typed("?"));
    insta::assert_snapshot!(screen(&state, &data, (80, 24)));
}

#[test]
fn screen_too_small_says_so() {
    let data = Data::new(bundled());
    let drawn = screen(&open(&data, "chile", (30, 8)), &data, (30, 8));
    assert!(drawn.contains("Make the terminal at least"), "{drawn}");
}

#[test]
fn end_selects_the_last_link_at_the_bottom_and_home_the_first_at_the_top() {
    let data = Data::new(bundled());
    let state = press(open(&data, "peru", (80, 24)), &data, &[key(Key::End)]);
    assert_eq!(state.view.link, Some(state.page.links.len() - 1));
    assert_eq!(
        state.view.scroll,
        state.wrapped.rows.len() - usize::from(relations::browse::app::record_text((80, 24)).height)
    );
    let state = press(state, &data, &[key(Key::Enter)]);
    assert_eq!(id(&state), "tarija-ilo-pipeline-shelved", "Peru's latest event");
    let state = press(state, &data, &[key(Key::Backspace), key(Key::Home)]);
    assert_eq!((state.view.link, state.view.scroll), (Some(0), 0));
}

#[test]
fn the_readme_lists_every_key_of_the_help_screen() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    for (keys, what) in relations::browse::app::KEYS {
        let row = format!("| {keys} | {what} |");
        assert!(readme.contains(&row), "README.md lacks the row {row}");
    }
}

#[test]
fn letters_waiting_together_are_searched_once_with_the_same_result_as_one_by_one() {
    let data = Data::new(bundled());
    let inputs = [&typed("/peru")[..], &[key(Key::Backspace)], &typed("u")].concat();
    let together = relations::browse::app::update_all(open(&data, "chile", (80, 24)), &inputs, &data);
    let one_by_one = press(open(&data, "chile", (80, 24)), &data, &inputs);
    assert_eq!(together.view, one_by_one.view);
    assert_eq!(together.items, one_by_one.items);
    assert_eq!(id(&together), "peru");
    let state =
        relations::browse::app::update_all(together, &[key(Key::Esc), key(Key::Char('q')), key(Key::Char('/'))], &data);
    assert!(state.quit);
    assert_eq!(state.mode, relations::browse::app::Mode::Normal, "nothing after q is handled");
}

#[test]
fn moves_waiting_together_end_where_they_would_one_by_one() {
    let data = Data::new(bundled());
    let inputs = [
        &[key(Key::Tab)][..],
        &[key(Key::Down); 7],
        &[key(Key::Up), key(Key::PageDown), key(Key::Tab), key(Key::Down)],
    ]
    .concat();
    let together = relations::browse::app::update_all(open(&data, "chile", (80, 24)), &inputs, &data);
    let one_by_one = press(open(&data, "chile", (80, 24)), &data, &inputs);
    assert_eq!(together.view, one_by_one.view);
    assert_eq!(together.wrapped.rows, one_by_one.wrapped.rows);
    assert_ne!(id(&together), "chile");
}

#[test]
fn as_of_a_year_before_the_record_the_page_tells_neither_the_founding_nor_the_first_year() {
    let data = Data::new(bundled());
    let unasur = State::new(&data, data.find("unasur").ok(), Some(2000), (120, 40));
    let shown = screen(&unasur, &data, (120, 40));
    assert!(shown.contains("not yet as of 2000, per the record"), "{shown}");
    assert!(shown.contains("UNASUR had not been founded as of 2000, per the record"), "{shown}");
    assert!(!shown.contains("founded   2008") && !shown.contains("before 2008"), "{shown}");
    let chile = State::new(&data, data.find("chile").ok(), Some(1850), (120, 40));
    let shown = screen(&chile, &data, (120, 40));
    assert!(shown.contains("the dataset records nothing about Chile as early as 1850"), "{shown}");
    assert!(!shown.contains("before 1879"), "{shown}");
}

#[test]
fn an_event_page_as_of_a_year_hides_an_end_after_it_and_labels_its_summary() {
    let data = Data::new(bundled());
    let war = State::new(&data, data.find("1879-war-of-the-pacific").ok(), Some(1880), (120, 40));
    let shown = screen(&war, &data, (120, 40));
    assert!(shown.contains("1879–…") && !shown.contains("1879–1883"), "{shown}");
    assert!(shown.contains("(written as of 2011) Three-sided war"), "{shown}");
    let over = State::new(&data, data.find("1879-war-of-the-pacific").ok(), Some(1890), (120, 40));
    let shown = screen(&over, &data, (120, 40));
    assert!(shown.contains("1879–1883") && !shown.contains("(written as of"), "{shown}");
}
