//! Drawing a state on a ratatui frame: the only browser code that knows ratatui.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

use super::app::{self, Area, KEYS, List, Mode, Pane, State};
use super::data::{Data, Record};
use super::page::Tag;
use crate::model::Tone;
use crate::render::{fit_words, marked_date, sanitize, tone_text};
use unicode_width::UnicodeWidthStr;

/// Styles with or without colour (`NO_COLOR`, `--color never` keep only bold, dim, underline
/// and reverse).
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn fg(self, color: Color) -> Style {
        if self.color { Style::new().fg(color) } else { Style::new() }
    }

    fn tone(self, tone: Tone) -> Style {
        self.fg(match tone {
            Tone::Hostile => Color::Red,
            Tone::Strained => Color::Yellow,
            Tone::Neutral => Color::Reset,
            Tone::Cooperative => Color::Green,
            Tone::Close => Color::Cyan,
        })
    }

    fn tag(self, tag: Tag, selected_link: Option<usize>, focused: bool) -> Style {
        match tag {
            Tag::Text => Style::new(),
            Tag::Title => Style::new().add_modifier(Modifier::BOLD),
            Tag::Heading => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Tag::Label | Tag::Dim => Style::new().add_modifier(Modifier::DIM),
            Tag::Tone(tone) => self.tone(tone),
            Tag::Link(n) if Some(n) == selected_link && focused => {
                self.fg(Color::Cyan).add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
            }
            Tag::Link(n) if Some(n) == selected_link => {
                self.fg(Color::Cyan).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            }
            Tag::Link(_) => self.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
        }
    }
}

fn rect(area: Area) -> Rect {
    Rect { x: area.x, y: area.y, width: area.width, height: area.height }
}

pub fn draw(frame: &mut Frame, state: &State, data: &Data, theme: Theme) {
    let size = frame.area();
    if size.width < app::MIN_SIZE.0 || size.height < app::MIN_SIZE.1 {
        let text = format!("Make the terminal at least {}×{} (q quits)", app::MIN_SIZE.0, app::MIN_SIZE.1);
        frame.render_widget(Paragraph::new(text), size);
        return;
    }
    let areas = app::areas((size.width, size.height));
    header(frame, state, data, theme, rect(areas.header));
    list(frame, state, data, theme, rect(areas.list));
    record(frame, state, theme, rect(areas.record));
    footer(frame, state, theme, rect(areas.footer));
    if state.mode == Mode::Help {
        help(frame, size);
    }
}

fn pane(title: String, focused: bool, theme: Theme) -> Block<'static> {
    let (border, style) = if focused {
        (BorderType::Thick, theme.fg(Color::Cyan))
    } else {
        (BorderType::Plain, Style::new().add_modifier(Modifier::DIM))
    };
    Block::bordered()
        .border_type(border)
        .border_style(style)
        .title(Span::styled(title, Style::new().add_modifier(Modifier::BOLD)))
}

fn header(frame: &mut Frame, state: &State, data: &Data, theme: Theme, area: Rect) {
    let title = data.dataset.info().map_or_else(|| "relations".to_owned(), |i| format!("relations · {}", i.title));
    let year = match state.as_of {
        Some(year) => format!(" as of {year} "),
        None => format!(" as of {} ", data.present_year()),
    };
    let right = format!("{year}  ? help ");
    let room = usize::from(area.width).saturating_sub(right.chars().count() + 1);
    let left: String = sanitize(&title).chars().take(room).collect();
    let gap = usize::from(area.width).saturating_sub(left.chars().count() + right.chars().count() + 1);
    let year_style = if state.as_of.is_some() {
        theme.fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let line = Line::from(vec![
        Span::styled(format!(" {left}"), Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(" ".repeat(gap)),
        Span::styled(year, year_style),
        Span::styled("  ? help ", Style::new().add_modifier(Modifier::DIM)),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn list_title(state: &State, data: &Data) -> String {
    let what = match &state.view.list {
        List::Actors => "Actors".to_owned(),
        List::Events => "Events".to_owned(),
        List::Relationships => "Relationships".to_owned(),
        List::Figures => "Figures".to_owned(),
        List::Search(query) => format!("Search '{}'", sanitize(query)),
        List::Timeline(Some(record)) => format!("Timeline of {}", item_name(*record, data)),
        List::Timeline(None) => "Timeline".to_owned(),
    };
    format!(" {what} · {} ", state.items.len())
}

fn item_name(record: Record, data: &Data) -> String {
    match record {
        Record::Actor(actor) => sanitize(&actor.name).into_owned(),
        Record::Event(event) => sanitize(&event.title).into_owned(),
        Record::Relationship(rel) => format!(
            "{} – {}",
            sanitize(data.name_of(rel.between[0].as_str())),
            sanitize(data.name_of(rel.between[1].as_str()))
        ),
        Record::Figure(figure) => sanitize(&figure.label).into_owned(),
    }
}

/// A list row's spans, fitted to `width` columns: the name (or title) cut after a whole word
/// when it does not fit, and the kind or tone after it left out first.
fn item(record: Record, state: &State, data: &Data, theme: Theme, width: usize) -> Vec<Span<'static>> {
    let dim = Style::new().add_modifier(Modifier::DIM);
    let name = item_name(record, data);
    // The name, then what follows it when both fit.
    let with_suffix = |name: String, suffix: Option<(String, Style)>| match suffix {
        Some((suffix, style)) if name.width() + suffix.width() <= width => {
            vec![Span::raw(name), Span::styled(suffix, style)]
        }
        _ => vec![Span::raw(fit_words(&name, width))],
    };
    match record {
        Record::Actor(actor) => with_suffix(name, Some((format!("  {}", actor.kind), dim))),
        // The date as the source gives it ("c. 2006–2011-03" for a rough one), never only a
        // start year that would read as the date; as of a year, marked and cut as `events` does.
        Record::Event(event) => {
            let date = format!("{}  ", marked_date(&Data::selected(event, state.as_of), state.as_of));
            let left = width.saturating_sub(date.width()).max(8);
            vec![Span::styled(date, dim), Span::styled(fit_words(&name, left), theme.tone(event.tone))]
        }
        Record::Relationship(rel) => {
            let tone =
                Data::tone_at(rel, state.as_of).map(|(tone, _)| (format!("  {}", tone_text(tone)), theme.tone(tone)));
            with_suffix(name, tone)
        }
        Record::Figure(_) => with_suffix(name, None),
    }
}

fn list(frame: &mut Frame, state: &State, data: &Data, theme: Theme, area: Rect) {
    let focused = state.view.focus == Pane::List;
    let block = pane(list_title(state, data), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let top = state.view.list_top;
    let end = (top + usize::from(inner.height)).min(state.items.len());
    let lines: Vec<Line> = (top..end)
        .map(|i| {
            let record = state.items[i];
            let selected = i == state.view.selected;
            let marker = if selected { "▶ " } else { "  " };
            let mut spans = vec![Span::raw(marker)];
            spans.extend(item(record, state, data, theme, usize::from(inner.width).saturating_sub(2)));
            let line = Line::from(spans);
            match (selected, focused) {
                (true, true) => line.style(Style::new().add_modifier(Modifier::REVERSED)),
                (true, false) => line.style(Style::new().add_modifier(Modifier::BOLD)),
                _ => line,
            }
        })
        .collect();
    let lines = if lines.is_empty() {
        let empty = match &state.view.list {
            List::Search(query) if query.trim().chars().count() < app::SEARCH_FROM_LETTERS => {
                "  (type a second letter)"
            }
            _ => "  (nothing)",
        };
        vec![Line::styled(empty, Style::new().add_modifier(Modifier::DIM))]
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

fn record(frame: &mut Frame, state: &State, theme: Theme, area: Rect) {
    let focused = state.view.focus == Pane::Record;
    let title = match state.view.record {
        Some(record) if state.view.sources => format!(" Sources · {} ", sanitize(&record.id())),
        Some(record) => format!(" {} · {} ", record.kind(), sanitize(&record.id())),
        None => " Record ".to_owned(),
    };
    let rows = &state.wrapped.rows;
    let mut block = pane(title, focused, theme).padding(Padding::horizontal(1));
    let height = usize::from(area.height.saturating_sub(2));
    if rows.len() > height {
        let end = (state.view.scroll + height).min(rows.len());
        block = block
            .title_bottom(Line::from(format!(" {}–{} of {} ", state.view.scroll + 1, end, rows.len())).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = rows
        .iter()
        .skip(state.view.scroll)
        .take(usize::from(inner.height))
        .map(|row| {
            Line::from(
                row.iter()
                    .map(|span| Span::styled(span.text.clone(), theme.tag(span.tag, state.view.link, focused)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn footer(frame: &mut Frame, state: &State, theme: Theme, area: Rect) {
    let dim = Style::new().add_modifier(Modifier::DIM);
    let line = match &state.mode {
        Mode::Search(query) => Line::from(vec![
            Span::styled("/", theme.fg(Color::Cyan).add_modifier(Modifier::BOLD)),
            Span::raw(sanitize(query).into_owned()),
            Span::styled("█", dim),
            Span::styled(format!("   {} found · Enter keep · Esc cancel", state.items.len()), dim),
        ]),
        Mode::Jump(query) => Line::from(vec![
            Span::styled(":", theme.fg(Color::Cyan).add_modifier(Modifier::BOLD)),
            Span::raw(sanitize(query).into_owned()),
            Span::styled("█", dim),
            Span::styled("   actor name · Enter go · Esc cancel", dim),
        ]),
        _ => match &state.message {
            Some(message) => Line::from(Span::styled(sanitize(message).into_owned(), theme.fg(Color::Yellow))),
            None => Line::styled(hints(usize::from(area.width)), dim),
        },
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// As many of the main keys as fit the width, `? keys` always among them.
fn hints(width: usize) -> String {
    const HINTS: &[&str] = &[
        "Enter follow",
        "⌫ back",
        "/ search",
        ": jump",
        "t timeline",
        "[ ] year",
        "Tab pane",
        "c sources",
        "y copy",
        "q quit",
    ];
    let mut line = String::new();
    for hint in HINTS {
        if line.chars().count() + hint.chars().count() + " · ? keys".len() + 3 > width {
            break;
        }
        line.push_str(hint);
        line.push_str(" · ");
    }
    line.push_str("? keys");
    line
}

fn help(frame: &mut Frame, size: Rect) {
    let width = 76.min(size.width);
    let height = (u16::try_from(KEYS.len()).unwrap_or(20) + 4).min(size.height);
    let area = Rect { x: (size.width - width) / 2, y: (size.height - height) / 2, width, height };
    let lines: Vec<Line> = KEYS
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!("{keys:<18}"), Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(*what),
            ])
        })
        .chain([Line::raw(""), Line::styled("any key closes this", Style::new().add_modifier(Modifier::DIM))])
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(" Keys ").padding(Padding::horizontal(1))),
        area,
    );
}
