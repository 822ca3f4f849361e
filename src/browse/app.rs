//! The browser's state as plain data, and `update`, which turns one input into the next state.
//! Nothing here draws or touches the terminal; tests drive it with key sequences.

use super::data::{Data, Record};
use super::page::{self, Page, Tag, Wrapped};

/// A key, as the browser sees it (the terminal loop translates crossterm's events).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Backspace,
    Tab,
    BackTab,
    Esc,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    AltLeft,
    AltRight,
    CtrlC,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    ScrollUp { column: u16, row: u16 },
    ScrollDown { column: u16, row: u16 },
    Click { column: u16, row: u16 },
    Resize { width: u16, height: u16 },
}

/// Every key, for `?` and the README.
pub const KEYS: &[(&str, &str)] = &[
    ("↑ ↓  j k", "move in the pane (links in the record pane)"),
    ("PgUp PgDn", "page up and down"),
    ("Home End  g G", "top and bottom (the first and last link)"),
    ("Enter, click", "open the selected item or follow the link"),
    ("Backspace  Alt-←", "back"),
    ("Alt-→", "forward"),
    ("Tab  ← →  h l", "switch between the list and the record"),
    ("/", "search as you type, from 2 letters (Enter keeps them)"),
    (":", "jump to an actor by name"),
    ("t", "timeline of this actor; again: of everything"),
    ("1 2 3 4", "list actors, events, relationships, figures"),
    ("[ ]", "as-of year one back or forward"),
    ("{ }", "as-of year ten back or forward"),
    ("c", "sources of the record (again: the record)"),
    ("y", "copy the record's id"),
    ("?", "this help"),
    ("q  Esc  Ctrl-C", "quit"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Record,
}

/// What the list pane lists.
#[derive(Debug, Clone, PartialEq)]
pub enum List<'d> {
    Actors,
    Events,
    Relationships,
    Figures,
    Search(String),
    /// Events of one actor, or of everything.
    Timeline(Option<Record<'d>>),
}

/// What is on screen; the history keeps these.
#[derive(Debug, Clone, PartialEq)]
pub struct View<'d> {
    pub list: List<'d>,
    pub selected: usize,
    pub list_top: usize,
    pub record: Option<Record<'d>>,
    /// The record pane shows the record's sources.
    pub sources: bool,
    /// The selected link of the record pane.
    pub link: Option<usize>,
    pub scroll: usize,
    pub focus: Pane,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Search(String),
    Jump(String),
}

/// A rectangle of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    /// The inside of a bordered box.
    #[must_use]
    pub fn inner(self) -> Area {
        Area {
            x: self.x + 1,
            y: self.y + 1,
            width: self.width.saturating_sub(2),
            height: self.height.saturating_sub(2),
        }
    }

    fn contains(self, column: u16, row: u16) -> bool {
        (self.x..self.x + self.width).contains(&column) && (self.y..self.y + self.height).contains(&row)
    }
}

/// Where everything goes on a screen of this size: a title row, the list pane (a third of the
/// width, 24 to 40 columns), the record pane, and a status row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Area,
    pub list: Area,
    pub record: Area,
    pub footer: Area,
}

pub const MIN_SIZE: (u16, u16) = (40, 10);

pub fn areas((width, height): (u16, u16)) -> Areas {
    let body = height.saturating_sub(2);
    let list_width = (width / 3).clamp(24, 40).min(width);
    Areas {
        header: Area { x: 0, y: 0, width, height: 1.min(height) },
        list: Area { x: 0, y: 1, width: list_width, height: body },
        record: Area { x: list_width, y: 1, width: width - list_width, height: body },
        footer: Area { x: 0, y: height.saturating_sub(1), width, height: 1.min(height) },
    }
}

/// The record pane's text area: inside the border, one column of margin each side.
pub fn record_text(size: (u16, u16)) -> Area {
    let inner = areas(size).record.inner();
    Area { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner }
}

/// What a page depends on: the record, sources or not, and the year.
type PageKey<'d> = (Option<Record<'d>>, bool, Option<u16>);

/// How many recent pages are kept.
const RECENT_PAGES: usize = 16;

pub struct State<'d> {
    pub view: View<'d>,
    pub back: Vec<View<'d>>,
    pub forward: Vec<View<'d>>,
    /// The year every pane shows the world as of; `None` is the dataset's own as-of.
    pub as_of: Option<u16>,
    pub mode: Mode,
    pub size: (u16, u16),
    /// The list pane's records (for `view.list` as of `as_of`).
    pub items: Vec<Record<'d>>,
    /// The record pane's page, and wrapped to the pane's width.
    pub page: Page<'d>,
    pub wrapped: Wrapped,
    /// One line for the status row, until the next key.
    pub message: Option<String>,
    /// An id for the terminal to copy (taken by the terminal loop).
    pub copy: Option<String>,
    /// The last id copied, printed on exit when the terminal cannot copy.
    pub yanked: Option<String>,
    pub quit: bool,
    items_key: Option<(List<'d>, Option<u16>)>,
    page_key: Option<PageKey<'d>>,
    /// Pages shown recently, so that going back costs no query.
    recent: Vec<(PageKey<'d>, Page<'d>)>,
    wrap_width: usize,
    /// The view before `/`, restored by Esc.
    search_from: Option<View<'d>>,
    /// Show the list's first record once the list is up to date (search as you type).
    preview_top: bool,
}

impl<'d> State<'d> {
    /// The browser opened on a record (or on the first actor), as of a year, at a screen size.
    pub fn new(data: &Data<'d>, start: Option<Record<'d>>, as_of: Option<u16>, size: (u16, u16)) -> Self {
        let record = start.or_else(|| data.dataset.actors().first().map(Record::Actor));
        let list = match record {
            Some(Record::Event(_)) => List::Events,
            Some(Record::Relationship(_)) => List::Relationships,
            Some(Record::Figure(_)) => List::Figures,
            _ => List::Actors,
        };
        let mut state = State {
            view: View {
                list,
                selected: 0,
                list_top: 0,
                record,
                sources: false,
                link: Some(0),
                scroll: 0,
                focus: Pane::Record,
            },
            back: Vec::new(),
            forward: Vec::new(),
            as_of,
            mode: Mode::Normal,
            size,
            items: Vec::new(),
            page: Page::default(),
            wrapped: Wrapped::default(),
            message: None,
            copy: None,
            yanked: None,
            quit: false,
            items_key: None,
            page_key: None,
            recent: Vec::new(),
            wrap_width: 0,
            search_from: None,
            preview_top: false,
        };
        state.sync(data);
        state.select_record();
        state.sync(data);
        state
    }

    /// The record under the list's selection.
    pub fn selected_item(&self) -> Option<Record<'d>> {
        self.items.get(self.view.selected).copied()
    }

    fn list_height(&self) -> usize {
        usize::from(areas(self.size).list.inner().height)
    }

    fn record_height(&self) -> usize {
        usize::from(record_text(self.size).height)
    }

    /// Bring the cached list and page up to date with the view, the year and the size.
    fn sync(&mut self, data: &Data<'d>) {
        self.sync_list(data);
        self.sync_page(data);
    }

    /// The list's records, its selection and its scroll.
    fn sync_list(&mut self, data: &Data<'d>) {
        let items_key = Some((self.view.list.clone(), self.as_of));
        if self.items_key != items_key {
            self.items = list_items(data, &self.view.list, self.as_of);
            self.items_key = items_key;
            self.select_record();
        }
        if std::mem::take(&mut self.preview_top)
            && let Some(top) = self.items.first().copied()
        {
            // The best result is shown and selected, whatever the list selected before (the
            // record shown when the search began may stand further down the new list).
            self.show(top);
            self.view.selected = 0;
            self.view.list_top = 0;
        }
        let height = self.list_height().max(1);
        let view = &mut self.view;
        view.selected = view.selected.min(self.items.len().saturating_sub(1));
        if view.selected < view.list_top {
            view.list_top = view.selected;
        } else if view.selected >= view.list_top + height {
            view.list_top = view.selected + 1 - height;
        }
        view.list_top = view.list_top.min(self.items.len().saturating_sub(height));
    }

    /// The record pane's page, wrapped to its width, its selected link and its scroll.
    fn sync_page(&mut self, data: &Data<'d>) {
        let page_key = (self.view.record, self.view.sources, self.as_of);
        let width = usize::from(record_text(self.size).width);
        if self.page_key != Some(page_key) {
            let page = match self.recent.iter().position(|(key, _)| *key == page_key) {
                Some(at) => self.recent.remove(at).1,
                None => {
                    self.view.record.map(|r| page::page(data, r, self.as_of, self.view.sources)).unwrap_or_default()
                }
            };
            let old = std::mem::replace(&mut self.page, page);
            if let Some(old_key) = self.page_key.replace(page_key) {
                if self.recent.len() == RECENT_PAGES {
                    self.recent.remove(0);
                }
                self.recent.push((old_key, old));
            }
            self.wrap_width = 0;
        }
        if self.wrap_width != width {
            self.wrapped = page::wrap(&self.page, width);
            self.wrap_width = width;
        }
        let record_height = self.record_height().max(1);
        let view = &mut self.view;
        if self.page.links.is_empty() {
            view.link = None;
        } else if let Some(link) = view.link {
            view.link = Some(link.min(self.page.links.len() - 1));
        }
        view.scroll = view.scroll.min(self.wrapped.rows.len().saturating_sub(record_height));
    }

    /// Put the list's selection on the record shown, when the list has it.
    fn select_record(&mut self) {
        if let Some(record) = self.view.record
            && self.selected_item() != Some(record)
            && let Some(at) = self.items.iter().position(|r| *r == record)
        {
            self.view.selected = at;
        }
    }

    fn remember(&mut self) {
        self.back.push(self.view.clone());
        self.forward.clear();
    }

    /// Show a record in the record pane (history remembers the view before).
    fn open(&mut self, record: Record<'d>) {
        self.remember();
        self.show(record);
        self.view.focus = Pane::Record;
        self.select_record();
    }

    /// Show a record without touching the history (the list's preview).
    fn show(&mut self, record: Record<'d>) {
        let view = &mut self.view;
        view.record = Some(record);
        view.sources = false;
        view.link = Some(0);
        view.scroll = 0;
    }

    fn select(&mut self, index: usize) {
        self.view.selected = index.min(self.items.len().saturating_sub(1));
        if let Some(record) = self.selected_item()
            && self.view.record != Some(record)
        {
            self.show(record);
        }
    }

    fn move_list(&mut self, by: isize) {
        self.select(self.view.selected.saturating_add_signed(by));
    }

    /// Select the next or previous link and scroll to keep it in sight; with no link further
    /// that way, scroll instead.
    fn move_link(&mut self, by: isize) {
        let links = self.page.links.len();
        let next = match self.view.link {
            Some(link) => link.checked_add_signed(by).filter(|&l| l < links),
            None if links > 0 => Some(if by > 0 { 0 } else { links - 1 }),
            None => None,
        };
        match next {
            Some(link) => {
                self.view.link = Some(link);
                let row = self.wrapped.link_rows.get(link).copied().unwrap_or(0);
                let height = self.record_height().max(1);
                if link == 0 && by < 0 {
                    self.view.scroll = 0;
                } else if row < self.view.scroll {
                    self.view.scroll = row;
                } else if row >= self.view.scroll + height {
                    self.view.scroll = row + 1 - height;
                }
            }
            None => self.scroll_record(by),
        }
    }

    /// Scroll the record pane; the selected link moves into sight.
    fn scroll_record(&mut self, by: isize) {
        let height = self.record_height().max(1);
        let last = self.wrapped.rows.len().saturating_sub(height);
        self.view.scroll = self.view.scroll.saturating_add_signed(by).min(last);
        let visible = self.view.scroll..self.view.scroll + height;
        if self.view.link.is_none_or(|l| !visible.contains(&self.wrapped.link_rows[l])) {
            let mut in_sight = self.wrapped.link_rows.iter().enumerate().filter(|(_, row)| visible.contains(row));
            let pick = if by < 0 { in_sight.next_back() } else { in_sight.next() };
            self.view.link = pick.map(|(i, _)| i).or(self.view.link);
        }
    }

    fn follow(&mut self) {
        if let Some(&to) = self.view.link.and_then(|l| self.page.links.get(l)) {
            self.open(to);
        }
    }

    fn show_list(&mut self, data: &Data<'d>, list: List<'d>) {
        self.remember();
        self.view.list = list;
        self.view.selected = 0;
        self.view.list_top = 0;
        self.view.focus = Pane::List;
        self.sync(data);
    }

    fn set_year(&mut self, data: &Data<'d>, by: i32) {
        let present = data.present_year();
        let year = i32::from(self.as_of.unwrap_or(present)) + by;
        let year = year.clamp(i32::from(data.first_year()), i32::from(present));
        self.as_of = u16::try_from(year).ok().filter(|&y| y < present);
        self.message = Some(match self.as_of {
            Some(year) => format!("as of {year}"),
            None => format!("as of {present} (the dataset's present)"),
        });
    }

    fn back(&mut self) {
        if let Some(view) = self.back.pop() {
            self.forward.push(std::mem::replace(&mut self.view, view));
        } else {
            self.message = Some("nothing further back".into());
        }
    }

    fn forward(&mut self) {
        if let Some(view) = self.forward.pop() {
            self.back.push(std::mem::replace(&mut self.view, view));
        } else {
            self.message = Some("nothing further forward".into());
        }
    }
}

/// A search as you type lists results once the query has this many letters.
pub const SEARCH_FROM_LETTERS: usize = 2;

/// The records a list shows, as of a year.
fn list_items<'d>(data: &Data<'d>, list: &List<'d>, as_of: Option<u16>) -> Vec<Record<'d>> {
    match list {
        List::Actors => data.dataset.actors().iter().map(Record::Actor).collect(),
        List::Relationships => data.relationships(as_of).into_iter().map(Record::Relationship).collect(),
        List::Figures => data.dataset.figures().iter().map(Record::Figure).collect(),
        // One letter begins a word in most records: results come from the second letter on.
        List::Search(query) if query.trim().chars().count() < SEARCH_FROM_LETTERS => Vec::new(),
        List::Search(query) => data.search(query),
        List::Timeline(Some(Record::Actor(actor))) => {
            data.timeline(&[actor], as_of).into_iter().map(|s| Record::Event(s.event)).collect()
        }
        List::Events | List::Timeline(_) => {
            data.timeline(&[], as_of).into_iter().map(|s| Record::Event(s.event)).collect()
        }
    }
}

/// The next state after one input.
pub fn update<'d>(state: State<'d>, input: Input, data: &Data<'d>) -> State<'d> {
    update_all(state, &[input], data)
}

/// The state after every input that was waiting, in order. Letters typed into a search faster
/// than it answers are searched for once, as a whole, not letter by letter.
pub fn update_all<'d>(mut state: State<'d>, inputs: &[Input], data: &Data<'d>) -> State<'d> {
    for &input in inputs {
        if state.quit {
            break;
        }
        // Each input works on an up-to-date list and page, except that letters of a search
        // and moves through the list need neither page nor (for letters) results until the
        // last: a held ↓ or a fast typist never waits for pages or searches no one sees.
        let edits_search = matches!((&state.mode, input), (Mode::Search(_), Input::Key(Key::Char(_) | Key::Backspace)));
        let moves_in_list = state.mode == Mode::Normal
            && state.view.focus == Pane::List
            && matches!(
                input,
                Input::Key(
                    Key::Up
                        | Key::Down
                        | Key::PageUp
                        | Key::PageDown
                        | Key::Home
                        | Key::End
                        | Key::Char('j' | 'k' | 'g' | 'G')
                )
            );
        if moves_in_list {
            state.sync_list(data);
        } else if !edits_search {
            state.sync(data);
        }
        handle(&mut state, input, data);
    }
    state.sync(data);
    state
}

fn handle<'d>(state: &mut State<'d>, input: Input, data: &Data<'d>) {
    if let Input::Resize { width, height } = input {
        state.size = (width, height);
        return;
    }
    state.message = None;
    match state.mode.clone() {
        Mode::Help => {
            if let Input::Key(_) | Input::Click { .. } = input {
                state.mode = Mode::Normal;
            }
        }
        Mode::Search(query) => search_input(state, query, input),
        Mode::Jump(query) => jump_input(state, data, query, input),
        Mode::Normal => match input {
            Input::Key(key) => normal_key(state, data, key),
            Input::ScrollUp { column, row } => wheel(state, column, row, -3),
            Input::ScrollDown { column, row } => wheel(state, column, row, 3),
            Input::Click { column, row } => click(state, data, column, row),
            Input::Resize { .. } => {}
        },
    }
}

fn normal_key<'d>(state: &mut State<'d>, data: &Data<'d>, key: Key) {
    let page = isize::try_from(state.record_height().max(2) - 1).unwrap_or(1);
    let list_page = isize::try_from(state.list_height().max(2) - 1).unwrap_or(1);
    let on_list = state.view.focus == Pane::List;
    match key {
        Key::Char('q') | Key::Esc | Key::CtrlC => state.quit = true,
        Key::Char('?') => state.mode = Mode::Help,
        Key::Up | Key::Char('k') if on_list => state.move_list(-1),
        Key::Down | Key::Char('j') if on_list => state.move_list(1),
        Key::PageUp if on_list => state.move_list(-list_page),
        Key::PageDown if on_list => state.move_list(list_page),
        Key::Home | Key::Char('g') if on_list => state.select(0),
        Key::End | Key::Char('G') if on_list => state.select(usize::MAX),
        Key::Up | Key::Char('k') => state.move_link(-1),
        Key::Down | Key::Char('j') => state.move_link(1),
        Key::PageUp => state.scroll_record(-page),
        Key::PageDown => state.scroll_record(page),
        Key::Home | Key::Char('g') => {
            state.view.scroll = 0;
            state.view.link = (!state.page.links.is_empty()).then_some(0);
        }
        Key::End | Key::Char('G') => {
            state.view.scroll = usize::MAX;
            state.view.link = state.page.links.len().checked_sub(1);
        }
        Key::Enter if on_list => {
            if let Some(record) = state.selected_item() {
                if state.view.record == Some(record) && !state.view.sources {
                    state.view.focus = Pane::Record;
                } else {
                    state.open(record);
                }
            }
        }
        Key::Enter => state.follow(),
        Key::Tab | Key::BackTab => {
            state.view.focus = if on_list { Pane::Record } else { Pane::List };
        }
        Key::Left | Key::Char('h') => state.view.focus = Pane::List,
        Key::Right | Key::Char('l') => state.view.focus = Pane::Record,
        Key::Backspace | Key::AltLeft => state.back(),
        Key::AltRight => state.forward(),
        Key::Char('/') => {
            state.search_from = Some(state.view.clone());
            state.mode = Mode::Search(String::new());
        }
        Key::Char(':') => state.mode = Mode::Jump(String::new()),
        Key::Char('t') => {
            let actor = match state.view.record {
                Some(record @ Record::Actor(_)) => Some(record),
                _ => None,
            };
            let list = if actor.is_some() && state.view.list == List::Timeline(actor) {
                List::Timeline(None)
            } else {
                List::Timeline(actor)
            };
            state.show_list(data, list);
        }
        Key::Char('1') => state.show_list(data, List::Actors),
        Key::Char('2') => state.show_list(data, List::Events),
        Key::Char('3') => state.show_list(data, List::Relationships),
        Key::Char('4') => state.show_list(data, List::Figures),
        Key::Char('[') => state.set_year(data, -1),
        Key::Char(']') => state.set_year(data, 1),
        Key::Char('{') => state.set_year(data, -10),
        Key::Char('}') => state.set_year(data, 10),
        Key::Char('c') if state.view.record.is_some() => {
            state.remember();
            state.view.sources = !state.view.sources;
            state.view.link = Some(0);
            state.view.scroll = 0;
            state.view.focus = Pane::Record;
        }
        Key::Char('y') => {
            if let Some(record) = state.view.record {
                let id = record.id();
                state.message = Some(format!("copied {id}"));
                state.copy = Some(id.clone());
                state.yanked = Some(id);
            }
        }
        // Other letters do nothing in the normal mode.
        Key::Char(_) => {}
    }
}

fn search_input(state: &mut State, mut query: String, input: Input) {
    let Input::Key(key) = input else { return };
    match key {
        Key::Esc | Key::CtrlC => {
            if let Some(view) = state.search_from.take() {
                state.view = view;
            }
            state.mode = Mode::Normal;
            return;
        }
        Key::Enter => {
            if let Some(before) = state.search_from.take() {
                state.back.push(before);
                state.forward.clear();
            }
            state.mode = Mode::Normal;
            state.view.focus = Pane::List;
            if state.items.is_empty() {
                state.message = Some(format!("nothing matches '{query}'"));
            }
            return;
        }
        Key::Up => return state.move_list(-1),
        Key::Down => return state.move_list(1),
        Key::Backspace => {
            query.pop();
        }
        Key::Char(c) => query.push(c),
        _ => return,
    }
    state.view.list = List::Search(query.clone());
    state.view.selected = 0;
    state.view.list_top = 0;
    state.view.focus = Pane::List;
    // The list is searched, and its best result shown, when the state is next brought up to date.
    state.preview_top = true;
    state.mode = Mode::Search(query);
}

fn jump_input<'d>(state: &mut State<'d>, data: &Data<'d>, mut query: String, input: Input) {
    let Input::Key(key) = input else { return };
    match key {
        Key::Esc | Key::CtrlC => state.mode = Mode::Normal,
        Key::Enter => {
            state.mode = Mode::Normal;
            match data.resolve_actor(&query) {
                Ok(actor) => state.open(Record::Actor(actor)),
                Err(error) => {
                    let hints = error.hints().iter().map(|h| h.trim().to_owned()).collect::<Vec<_>>().join("; ");
                    state.message =
                        Some(if hints.is_empty() { error.to_string() } else { format!("{error}: {hints}") });
                }
            }
        }
        Key::Backspace => {
            query.pop();
            state.mode = Mode::Jump(query);
        }
        Key::Char(c) => {
            query.push(c);
            state.mode = Mode::Jump(query);
        }
        _ => {}
    }
}

fn wheel(state: &mut State, column: u16, row: u16, by: isize) {
    let areas = areas(state.size);
    if areas.list.contains(column, row) {
        state.move_list(by);
    } else if areas.record.contains(column, row) {
        state.scroll_record(by);
    }
}

fn click<'d>(state: &mut State<'d>, data: &Data<'d>, column: u16, row: u16) {
    let list = areas(state.size).list.inner();
    let text = record_text(state.size);
    if list.contains(column, row) {
        let index = state.view.list_top + usize::from(row - list.y);
        if index < state.items.len() {
            state.view.focus = Pane::List;
            if index == state.view.selected {
                normal_key(state, data, Key::Enter);
            } else {
                state.select(index);
            }
        }
    } else if text.contains(column, row) {
        state.view.focus = Pane::Record;
        let Some(spans) = state.wrapped.rows.get(state.view.scroll + usize::from(row - text.y)) else { return };
        let mut x = usize::from(text.x);
        for span in spans {
            let width = unicode_width::UnicodeWidthStr::width(span.text.as_str());
            if (x..x + width).contains(&usize::from(column)) {
                if let Tag::Link(n) = span.tag {
                    state.view.link = Some(n);
                    state.follow();
                }
                return;
            }
            x += width;
        }
    }
}
