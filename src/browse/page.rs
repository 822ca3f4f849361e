//! A record as a page for the browser: lines of tagged text, some of them links, and their
//! wrapping to a width. Plain data built from query results; `view.rs` gives it colour.

use unicode_width::UnicodeWidthStr;

use super::data::{Data, Record};
use crate::model::{Actor, Event, Figure, Membership, Relationship, Role, Tone};
use crate::query::{self, Profile, RoleStanding, Selected, Standing};
use crate::render::records::figure_amount;
use crate::render::{
    as_of_note, event_date_as_of, marked_date, period_end, period_start, role_dates, sanitize, summary_written_later,
    tone_text,
};

/// What a piece of text is, for the view to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Text,
    Title,
    Heading,
    Label,
    Dim,
    Tone(Tone),
    /// The n-th link of the page.
    Link(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub tag: Tag,
}

/// One logical line; wrapped lines continue at `indent`.
#[derive(Debug, Clone, Default)]
pub struct Line {
    pub spans: Vec<Span>,
    pub indent: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Page<'d> {
    pub lines: Vec<Line>,
    /// Where each link leads, by its number.
    pub links: Vec<Record<'d>>,
}

/// A page wrapped to a width: screen rows, and the first row of each link.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    pub rows: Vec<Vec<Span>>,
    pub link_rows: Vec<usize>,
}

struct Builder<'d> {
    page: Page<'d>,
    line: Line,
}

impl<'d> Builder<'d> {
    fn new() -> Self {
        Self { page: Page::default(), line: Line::default() }
    }

    fn push(&mut self, text: &str, tag: Tag) -> &mut Self {
        if !text.is_empty() {
            self.line.spans.push(Span { text: sanitize(text).into_owned(), tag });
        }
        self
    }

    fn text(&mut self, text: &str) -> &mut Self {
        self.push(text, Tag::Text)
    }

    fn dim(&mut self, text: &str) -> &mut Self {
        self.push(text, Tag::Dim)
    }

    fn tone(&mut self, tone: Tone) -> &mut Self {
        self.push(&tone_text(tone), Tag::Tone(tone))
    }

    fn link(&mut self, text: &str, to: Record<'d>) -> &mut Self {
        let n = self.page.links.len();
        self.page.links.push(to);
        self.push(text, Tag::Link(n))
    }

    /// A link to an actor by id, or the id as text when the actor is unknown.
    fn actor_link(&mut self, data: &Data<'d>, id: &'d str) -> &mut Self {
        match data.actor(id) {
            Some(actor) => self.link(&actor.name, Record::Actor(actor)),
            None => self.text(id),
        }
    }

    fn end(&mut self) {
        self.page.lines.push(std::mem::take(&mut self.line));
    }

    fn item(&mut self) -> &mut Self {
        self.line.indent = 4;
        self.text("  • ")
    }

    fn blank(&mut self) {
        if self.page.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.end();
        }
    }

    fn title(&mut self, title: &str, kind: &str) {
        self.push(title, Tag::Title).dim(&format!("  {kind}")).end();
    }

    fn heading(&mut self, heading: &str) {
        self.blank();
        self.push(heading, Tag::Heading).end();
    }

    fn field(&mut self, label: &str, value: &str) {
        if !value.is_empty() {
            self.line.indent = 10;
            self.push(&format!("{label:<9} "), Tag::Label).text(value).end();
        }
    }

    /// A note that `hidden` more items were left out of the page.
    fn more(&mut self, hidden: usize, hint: &str) {
        if hidden > 0 {
            self.item().dim(&format!("… {hidden} more{hint}")).end();
        }
    }

    fn paragraph(&mut self, text: &str) {
        self.blank();
        self.text(text).end();
    }

    /// A summary written as of the dataset's end; under an earlier as-of year it is labelled so,
    /// as `show --as-of` labels it.
    fn written_paragraph(&mut self, data: &Data<'_>, as_of: Option<u16>, text: &str) {
        self.blank();
        if let Some(written) = query::written_later(data.dataset, as_of) {
            self.dim(&format!("(written as of {written}) "));
        }
        self.text(text).end();
    }
}

/// At most this many items of one kind on a page: a page is for reading, and the subject of a
/// large dataset has tens of thousands of events (the list pane holds all of them: `t`).
pub const MAX_ITEMS: usize = 200;

/// The first `MAX_ITEMS` items, and how many were left out.
fn first<T>(items: &[T]) -> (&[T], usize) {
    let shown = items.len().min(MAX_ITEMS);
    (&items[..shown], items.len() - shown)
}

/// The last `MAX_ITEMS` items (the latest events), and how many were left out.
fn last<T>(items: &[T]) -> (&[T], usize) {
    let hidden = items.len().saturating_sub(MAX_ITEMS);
    (&items[hidden..], hidden)
}

/// The page of a record as of a year, or of its sources when `sources` is set.
pub fn page<'d>(data: &Data<'d>, record: Record<'d>, as_of: Option<u16>, sources: bool) -> Page<'d> {
    let mut b = Builder::new();
    if sources {
        sources_page(&mut b, data, record);
    } else {
        match record {
            Record::Actor(actor) => actor_page(&mut b, data, actor, as_of),
            Record::Event(event) => event_page(&mut b, data, event, as_of),
            Record::Relationship(rel) => relationship_page(&mut b, data, rel, as_of),
            Record::Figure(figure) => figure_page(&mut b, data, figure),
        }
    }
    b.page
}

fn role<'d>(b: &mut Builder<'d>, data: &Data<'d>, role: &'d Role, standing: RoleStanding, as_of: Option<u16>) {
    b.text(&role.title);
    if let Some(of) = &role.of {
        b.text(" of ").actor_link(data, of.as_str());
    }
    b.text(&role_dates(data.dataset, role, standing, as_of));
}

/// An event as a list item, its date as listings give it as of the year: one that only may
/// fall in the years shown is marked `?`, and an end after the year is not told.
fn event_item<'d>(b: &mut Builder<'d>, selected: &Selected<'d>, as_of: Option<u16>) {
    let event = selected.event;
    b.item().dim(&format!("{}  ", marked_date(selected, as_of))).link(&event.title, Record::Event(event)).text("  ");
    b.tone(event.tone).end();
}

/// When a membership began, or that the source does not say.
fn since_text(membership: &Membership, standing: Standing) -> String {
    match (standing, membership.since) {
        (Standing::DateNotRecorded, _) => format!("  {}", standing.text()),
        (Standing::Member, Some(since)) => format!("  since {since}"),
        (Standing::Member, None) => String::new(),
    }
}

fn actor_page<'d>(b: &mut Builder<'d>, data: &Data<'d>, actor: &'d Actor, as_of: Option<u16>) {
    let profile = data.profile(actor, as_of);
    b.title(&actor.name, actor.kind.as_str());
    b.field("id", actor.id.as_str());
    b.field("aliases", &actor.aliases.join(", "));
    for (label, value) in [
        ("full name", &actor.full_name),
        ("region", &actor.region),
        ("category", &actor.category),
        ("sector", &actor.sector),
    ] {
        if let Some(value) = value {
            b.field(label, value);
        }
    }
    // As `show --as-of` gives it: a founding after the year, or the first year on record, is
    // not told.
    match (actor.founded, profile.not_yet_founded, as_of) {
        (_, Some(_), Some(year)) => b.field("founded", &format!("not yet as of {year}, per the record")),
        (Some(founded), _, _) => b.field("founded", &founded.to_string()),
        _ => {}
    }
    if let Some(base) = &actor.based_in {
        b.line.indent = 10;
        b.push(&format!("{:<9} ", "based in"), Tag::Label).actor_link(data, base.as_str()).end();
    }
    if let Some(note) = as_of_note(&profile) {
        b.field("note", &note);
    }
    b.written_paragraph(data, as_of, &actor.summary);

    relationships(b, data, &profile, as_of);
    if !profile.roles.is_empty() {
        b.heading("Roles");
        for (r, standing) in &profile.roles {
            b.item();
            role(b, data, r, *standing, as_of);
            b.end();
        }
    }
    if !profile.people.is_empty() {
        b.heading("People");
        let (shown, hidden) = first(&profile.people);
        for (person, r, standing) in shown {
            let dates = role_dates(data.dataset, r, *standing, as_of);
            b.item().link(&person.name, Record::Actor(person)).dim(&format!("  {}{dates}", r.title)).end();
        }
        b.more(hidden, "");
    }
    if !profile.blocs.is_empty() {
        b.heading("Blocs");
        for (bloc, m, standing) in &profile.blocs {
            b.item().link(&bloc.name, Record::Actor(bloc));
            b.dim(&m.role.as_ref().map(|r| format!("  {r}")).unwrap_or_default());
            b.dim(&since_text(m, *standing)).end();
        }
    }
    if !profile.members.is_empty() {
        b.heading("Members");
        let (shown, hidden) = first(&profile.members);
        for (m, member, standing) in shown {
            b.item().link(&member.name, Record::Actor(member));
            b.dim(&since_text(m, *standing)).end();
        }
        b.more(hidden, "");
    }
    // The note on vaguely named members is written as of the dataset's end.
    if let Some(note) = actor.members_note.as_ref().filter(|_| as_of.is_none()) {
        b.field("also", note);
    }
    if !profile.organisations.is_empty() {
        b.heading("Organisations");
        let (shown, hidden) = first(&profile.organisations);
        for org in shown {
            b.item().link(&org.name, Record::Actor(org)).end();
        }
        b.more(hidden, "");
    }
    if !profile.figures.is_empty() {
        b.heading("Figures");
        let (shown, hidden) = first(&profile.figures);
        for figure in shown {
            b.item().link(&figure.label, Record::Figure(figure)).dim(&format!("  {}", figure_amount(figure))).end();
        }
        b.more(hidden, " (4 lists every figure)");
    }
    if !profile.events.is_empty() {
        b.heading("Events");
        let (shown, hidden) = last(&profile.events);
        b.more(hidden, " earlier (t lists them all)");
        for selected in shown {
            event_item(b, selected, profile.as_of);
        }
    }
}

/// The actor's relationship with the subject, then its other relationships, closest first.
fn relationships<'d>(b: &mut Builder<'d>, data: &Data<'d>, profile: &Profile<'d>, as_of: Option<u16>) {
    let actor = profile.actor;
    if let Some(rel) = profile.with_subject {
        let other = rel.other(actor.id.as_str());
        b.blank();
        b.push("Relationship with ", Tag::Heading).actor_link(data, other.as_str()).dim("  page: ");
        b.link(&Record::Relationship(rel).id(), Record::Relationship(rel)).end();
        tone_lines(b, data, rel, as_of);
        b.written_paragraph(data, as_of, &rel.summary);
    }
    if !profile.relationships.is_empty() {
        b.heading(if profile.with_subject.is_none() { "Relationships" } else { "Other relationships" });
        let (shown, hidden) = first(&profile.relationships);
        for &rel in shown {
            b.item().link(data.name_of(rel.other(actor.id.as_str()).as_str()), Record::Relationship(rel)).text("  ");
            match Data::tone_at(rel, as_of) {
                Some((tone, period)) => {
                    b.tone(tone);
                    let label = period.map_or(rel.status.as_str(), |p| p.label.as_str());
                    b.dim(&format!("  {label}"));
                }
                None => {
                    b.dim(&no_tone(as_of));
                }
            }
            b.end();
        }
        b.more(hidden, " (3 lists every relationship)");
    }
}

/// What is said where no tone period covers the year, in the words `show --as-of` uses.
fn no_tone(as_of: Option<u16>) -> String {
    match as_of {
        Some(year) => format!("none recorded: the source records no tone for {year}"),
        None => "none recorded".to_owned(),
    }
}

/// The tone as of the year (or now), with the period in force.
fn tone_lines(b: &mut Builder, data: &Data<'_>, rel: &Relationship, as_of: Option<u16>) {
    b.line.indent = 10;
    b.push(&format!("{:<9} ", "tone"), Tag::Label);
    match Data::tone_at(rel, as_of) {
        Some((tone, period)) => {
            b.tone(tone);
            if let Some(period) = period {
                b.dim(&format!("  {}", period.label));
            }
        }
        None => {
            b.dim(&no_tone(as_of));
        }
    }
    b.end();
    if as_of.is_none() {
        b.field("status", &rel.status);
    }
    let themes = rel.themes.join(", ");
    match query::written_later(data.dataset, as_of) {
        Some(written) if !themes.is_empty() => b.field("themes", &format!("(written as of {written}) {themes}")),
        _ => b.field("themes", &themes),
    }
}

fn relationship_page<'d>(b: &mut Builder<'d>, data: &Data<'d>, rel: &'d Relationship, as_of: Option<u16>) {
    let [a, c] = [rel.between[0].as_str(), rel.between[1].as_str()];
    b.title(&format!("{} and {}", data.name_of(a), data.name_of(c)), "relationship");
    b.field("id", &format!("{a}--{c}"));
    b.line.indent = 10;
    b.push(&format!("{:<9} ", "between"), Tag::Label).actor_link(data, a).text(" and ").actor_link(data, c).end();
    tone_lines(b, data, rel, as_of);
    b.written_paragraph(data, as_of, &rel.summary);
    let periods: Vec<_> = rel.periods.iter().filter(|p| as_of.is_none_or(|y| p.from.year() <= y)).collect();
    if !periods.is_empty() {
        b.heading("Tone over time");
        for p in periods {
            // As `show` gives it: "by 2011" for a start the source does not give, and no end
            // later than the as-of year.
            let to = period_end(p, as_of).map_or(String::new(), |t| format!("–{t}"));
            b.item().dim(&format!("{}{to}  ", period_start(p))).tone(p.tone).text(&format!("  {}", p.label)).end();
        }
    }
    let actors: Vec<&Actor> = [a, c].into_iter().filter_map(|id| data.actor(id)).collect();
    if actors.len() == 2 {
        let events = data.timeline(&actors, as_of);
        if !events.is_empty() {
            b.heading("Events between them");
            let (shown, hidden) = last(&events);
            b.more(hidden, " earlier");
            for selected in shown {
                event_item(b, selected, as_of);
            }
        }
    }
}

/// An event as of a year as listings give it: an end after the year is not told, and a summary
/// that tells the whole span is labelled as written later.
fn event_page<'d>(b: &mut Builder<'d>, data: &Data<'d>, event: &'d Event, as_of: Option<u16>) {
    b.title(&event.title, "event");
    b.field("id", event.id.as_str());
    b.field("date", &event_date_as_of(event, as_of));
    b.field("type", event.kind.as_str());
    b.line.indent = 10;
    b.push(&format!("{:<9} ", "tone"), Tag::Label).tone(event.tone).end();
    b.field("tags", &event.tags.join(", "));
    match summary_written_later(event, as_of, query::written_later(data.dataset, as_of)) {
        Some(_) => b.written_paragraph(data, as_of, &event.summary),
        None => b.paragraph(&event.summary),
    }
    b.heading("Actors");
    for id in &event.actors {
        b.item().actor_link(data, id.as_str()).end();
    }
    let actors: Vec<&Actor> = event.actors.iter().filter_map(|id| data.actor(id.as_str())).collect();
    let mut shown = false;
    for (i, x) in actors.iter().enumerate() {
        for y in &actors[i + 1..] {
            if let Some(rel) = data.relationship(x, y) {
                if !shown {
                    b.heading("Relationships");
                    shown = true;
                }
                b.item().link(&format!("{} and {}", x.name, y.name), Record::Relationship(rel)).end();
            }
        }
    }
}

fn figure_page<'d>(b: &mut Builder<'d>, data: &Data<'d>, figure: &'d Figure) {
    b.title(&figure.label, "figure");
    b.field("id", figure.id.as_str());
    b.field("kind", figure.kind.as_str());
    b.field("amount", &figure_amount(figure));
    b.field("period", &figure.period.map_or(String::new(), |p| p.to_string()));
    for (label, id) in [("from", &figure.from), ("to", &figure.to)] {
        if let Some(id) = id {
            b.line.indent = 10;
            b.push(&format!("{label:<9} "), Tag::Label).actor_link(data, id.as_str()).end();
        }
    }
}

fn sources_page<'d>(b: &mut Builder<'d>, data: &Data<'d>, record: Record<'d>) {
    b.title(&format!("Sources of {}", record.id()), record.kind());
    b.line.indent = 10;
    b.push(&format!("{:<9} ", "record"), Tag::Label).link(&record.id(), record).end();
    b.heading("Cited");
    let file = &data.dataset.file;
    for c in record.sources() {
        let source = file.sources.iter().find(|s| s.id == c.source).map_or(c.source.as_str(), |s| s.title.as_str());
        let section = data.dataset.section_title(c).unwrap_or(c.section.as_str());
        b.item().text(&format!("{source} § {section}")).dim(&format!("  {}#{}", c.source, c.section)).end();
    }
}

/// Break each line into rows of at most `width` columns, at spaces where it can.
pub fn wrap(page: &Page, width: usize) -> Wrapped {
    let width = width.max(8);
    let mut wrapped = Wrapped { rows: Vec::new(), link_rows: vec![usize::MAX; page.links.len()] };
    for line in &page.lines {
        let indent = line.indent.min(width / 2);
        let mut row: Vec<Span> = Vec::new();
        let (mut used, mut has_content) = (0, false);
        for span in &line.spans {
            // A tone ("-1 strained") is one word to the reader: never split it.
            let whole = matches!(span.tag, Tag::Tone(_)) && span.text.width() <= width - indent;
            let split: Vec<&str> = if whole { vec![&span.text] } else { pieces(&span.text, width - indent).collect() };
            for piece in split {
                if used + piece.trim_end().width() > width && has_content {
                    finish_row(&mut wrapped, std::mem::take(&mut row));
                    row.push(Span { text: " ".repeat(indent), tag: Tag::Text });
                    (used, has_content) = (indent, false);
                    if piece.trim().is_empty() {
                        continue;
                    }
                }
                used += piece.width();
                has_content = true;
                match row.last_mut() {
                    Some(last) if last.tag == span.tag => last.text.push_str(piece),
                    _ => row.push(Span { text: piece.to_owned(), tag: span.tag }),
                }
            }
        }
        finish_row(&mut wrapped, row);
    }
    wrapped
}

/// Words with their trailing space; a word longer than the width is cut into parts.
fn pieces(text: &str, width: usize) -> impl Iterator<Item = &str> {
    text.split_inclusive(' ').flat_map(move |word| {
        let mut parts = Vec::new();
        let mut rest = word;
        // Each pass reads only the part it cuts off, so a word of any length is cut in linear
        // time (measuring the whole rest on each pass made a 400 000-letter word take 27 s).
        loop {
            let mut cut = 0;
            let mut w = 0;
            for (i, c) in rest.char_indices() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if w + cw > width {
                    break;
                }
                w += cw;
                cut = i + c.len_utf8();
            }
            // What is left after the cut is only the trailing space: the rest fits whole.
            if cut == 0 || rest[cut..].trim_end().is_empty() {
                break;
            }
            parts.push(&rest[..cut]);
            rest = &rest[cut..];
        }
        parts.push(rest);
        parts
    })
}

fn finish_row(wrapped: &mut Wrapped, mut row: Vec<Span>) {
    if let Some(last) = row.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
    }
    let at = wrapped.rows.len();
    for span in &row {
        if let Tag::Link(n) = span.tag
            && let Some(slot) = wrapped.link_rows.get_mut(n)
        {
            *slot = (*slot).min(at);
        }
    }
    wrapped.rows.push(row);
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn pieces_are_words_with_their_space_and_a_word_wider_than_the_row_is_cut() {
        fn cut(text: &str, width: usize) -> Vec<&str> {
            pieces(text, width).collect()
        }
        assert_eq!(cut("ab cd", 2), ["ab ", "cd"]);
        assert_eq!(cut("abc ", 3), ["abc "]);
        assert_eq!(cut("abcdefg h", 3), ["abc", "def", "g ", "h"]);
        assert_eq!(cut("日本語", 4), ["日本", "語"]);
        // A character wider than the row is a part of its own; a combining mark takes no room.
        assert_eq!(cut("日", 1), ["日"]);
        assert_eq!(cut("abc\u{301}", 3), ["abc\u{301}"]);
    }
}
