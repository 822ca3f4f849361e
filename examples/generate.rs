//! A seeded, deterministic generator of large synthetic datasets in the `relations` format, for benchmarks.
//!
//! ```sh
//! cargo run --release --example generate -- --actors 10000 --events 100000 [--seed 1] > big.json
//! relations --no-bundled validate big.json
//! ```
//!
//! The same arguments always give the same bytes. The document has a `dataset` header, one
//! source with a section per world region, N actors of all four kinds (about 5% countries, 2%
//! blocs, 25% organisations, the rest people; some names accented, many with aliases), the
//! subject country's relationships with most other countries (with tone periods) and some
//! between third countries, M events from 1800 to 2011 (more of them in recent years; year,
//! month or day precision, some spans and `circa`, 1–4 actors, all event types, tags) and about
//! M/10 figures of all kinds. Each record is written on one line, in the format's field order.

use std::collections::HashSet;
use std::io::{self, BufWriter, Write};

use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Randomness: SplitMix64, small and good enough for test data.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` in 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. The lists are kept one paragraph each; rustfmt would put every word on its own line.

#[rustfmt::skip]
const SYLLABLES: &[&str] = &[
    "ta", "ver", "lo", "mar", "sa", "di", "ne", "ra", "kor", "bel", "an", "tu", "vi", "gra", "do", "lin", "es", "ca",
    "mon", "zu", "pe", "ri", "go", "sel", "bra", "ul", "ka", "ten", "mo", "ar",
];
const COUNTRY_ENDINGS: &[&str] = &["ia", "land", "stan", "ador", "ina", "ovia", "ana", "ea", "mark", "gua"];
#[rustfmt::skip]
const REGIONS: &[&str] = &[
    "South America", "Central America", "North America", "Caribbean", "Europe", "Africa", "Middle East", "Asia",
    "Oceania",
];
#[rustfmt::skip]
const GIVEN: &[&str] = &[
    "José", "María", "Sebastián", "Néstor", "Dilma", "Álvaro", "Luiz", "Inés", "Jürgen", "François", "Zoë", "Hugo",
    "Michelle", "Ricardo", "Cristina", "Alan", "Evo", "Gonzalo", "Ana", "Carlos", "Jean", "Ángela", "Tomás",
    "Margaret", "Paulo", "Raúl", "Fernando", "Lucía", "Óscar", "Helmut", "David", "Nicolás", "Søren", "Élodie",
];
#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "González", "Piñera", "Müller", "Smith", "Kowalski", "Nakamura", "Fernández", "Lagos", "Chávez", "García",
    "Sánchez", "Morales", "Rousseff", "Bachelet", "Lula", "Kirchner", "Ortega", "Correa", "Brown", "Dubois",
    "Rossi", "Pérez", "Quiroga", "Banzer", "Mesa", "Núñez", "Jiménez", "Da Silva", "O'Neill", "Schäfer",
];
#[rustfmt::skip]
const ROLE_TITLES: &[&str] = &[
    "President", "Vice President", "Foreign Minister", "Prime Minister", "Ambassador", "Minister of Energy",
    "Minister of Defence", "Senator", "Secretary-General",
];
/// Organisation categories, with the word that names one.
#[rustfmt::skip]
const ORG_CATEGORIES: &[(&str, &str)] = &[
    ("company", "Company"), ("agency", "Agency"), ("court", "Court of Justice"), ("bank", "Bank"),
    ("assembly", "Assembly"), ("party", "Party"), ("government", "Government"), ("delegation", "Delegation"),
    ("ngo", "Foundation"), ("programme", "Programme"),
];
const SECTORS: &[&str] = &["oil and gas", "mining", "agriculture", "finance", "telecommunications", "transport"];
#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "National", "Federal", "Andean", "Pacific", "Atlantic", "Southern", "Northern", "Continental", "United", "Free",
];
const BLOC_WORDS: &[&str] = &["Union", "Community", "Alliance", "Pact", "Forum", "Council", "Market"];
#[rustfmt::skip]
const TOPICS: &[&str] = &[
    "sea access", "natural gas", "coca", "counter-narcotics", "trade preferences", "border dispute", "migration",
    "mining", "debt relief", "hydroelectric power", "indigenous rights", "climate change", "extradition",
    "military cooperation", "investment", "nationalisation",
];
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "the", "government", "talks", "agreement", "border", "trade", "relations", "president", "minister", "visit",
    "signed", "announced", "rejected", "criticised", "supported", "after", "before", "during", "years", "new",
    "regional", "foreign", "both", "sides", "pressure", "investment", "exports", "delegation", "treaty", "crisis",
    "of", "and", "with", "in", "over", "its", "their", "a", "to", "for", "ties", "tension", "cooperation",
    "economic", "political", "élite", "protests", "opposition", "congress", "sovereignty", "aid", "loans",
];
/// Every event type, with a title template: {a} and {b} are actor names, {t} a topic.
#[rustfmt::skip]
const EVENT_TYPES: &[(&str, &str)] = &[
    ("visit", "{a} leader visits {b}"),
    ("summit", "Leaders of {a} and {b} meet at a summit on {t}"),
    ("agreement", "{a} and {b} reach an agreement on {t}"),
    ("treaty", "{a} and {b} sign a treaty"),
    ("election", "Elections in {a} bring a new government"),
    ("inauguration", "New president of {a} inaugurated"),
    ("dispute", "{a} and {b} quarrel over {t}"),
    ("expulsion", "{a} expels the envoy of {b}"),
    ("sanction", "{a} imposes sanctions on {b}"),
    ("trade", "{a} and {b} open trade talks"),
    ("aid", "{a} pledges aid to {b} for {t}"),
    ("energy", "{a} and {b} plan a gas pipeline"),
    ("war", "War between {a} and {b}"),
    ("legal", "{a} takes {b} to court over {t}"),
    ("statement", "{a} warns {b} over {t}"),
    ("founding", "{b} founded with {a} as a member"),
    ("observation", "Observers from {b} monitor the vote in {a}"),
    ("policy", "{a} changes its policy on {t}"),
    ("diplomacy", "{a} and {b} restore diplomatic relations"),
    ("unrest", "Unrest in {a} over {t}"),
    ("coup", "Coup attempt in {a}"),
    ("revolution", "Revolution in {a}"),
    ("conference", "{a} hosts a conference on {t}"),
    ("government", "{a} government in power"),
];
#[rustfmt::skip]
const FIGURE_KINDS: &[&str] = &[
    "exports", "imports", "trade", "aid", "investment", "population", "members", "count", "duration", "frequency",
];
const CURRENCIES: &[&str] = &["USD", "EUR", "GBP", "BRL"];
const QUALIFIERS: &[&str] = &["about", "more than", "over", "nearly"];

// ---------------------------------------------------------------------------------------------
// Text helpers.

/// Accented letters, for names; `ascii` maps them back for ids and ISO codes.
const ACCENTED: &[(char, char)] =
    &[('á', 'a'), ('é', 'e'), ('í', 'i'), ('ó', 'o'), ('ú', 'u'), ('ñ', 'n'), ('ü', 'u'), ('ö', 'o'), ('ç', 'c')];

fn ascii(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'â' | 'ä' => 'a',
        'è' | 'ê' | 'ë' => 'e',
        'ø' => 'o',
        _ => ACCENTED.iter().find(|(a, _)| *a == lower).map_or(lower, |(_, plain)| *plain),
    }
}

/// `Sebastián Piñera` → `sebastian-pinera`.
fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().map(ascii) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// An invented word of a few syllables, sometimes with an accent on one vowel.
fn invented(rng: &mut Rng, syllables: usize, ending: &str) -> String {
    let mut word: String = (0..syllables).map(|_| *rng.pick(SYLLABLES)).collect();
    word.push_str(ending);
    if rng.chance(20) {
        let vowels: Vec<usize> = word.char_indices().filter(|(_, c)| "aeiou".contains(*c)).map(|(i, _)| i).collect();
        if !vowels.is_empty() {
            let at = *rng.pick(&vowels);
            let accented = ACCENTED.iter().find(|(_, plain)| word[at..].starts_with(*plain)).map(|(a, _)| *a);
            if let Some(accented) = accented {
                word.replace_range(at..at + 1, &accented.to_string());
            }
        }
    }
    capitalize(&word)
}

/// `min` to `max` sentences of 5 to 14 words.
fn sentences(rng: &mut Rng, min: usize, max: usize) -> String {
    let count = rng.between(min, max);
    let mut text = Vec::with_capacity(count);
    for _ in 0..count {
        let words: Vec<&str> = (0..rng.between(5, 14)).map(|_| *rng.pick(WORDS)).collect();
        text.push(format!("{}.", capitalize(&words.join(" "))));
    }
    text.join(" ")
}

/// Initials of the capitalised words: "Andean Free Market" → "AFM".
fn acronym(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .map(ascii)
        .collect::<String>()
        .to_uppercase()
}

/// Cut to at most `max` characters at a word boundary.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + 1 + word.chars().count() > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() { text.chars().take(max).collect() } else { out }
}

// ---------------------------------------------------------------------------------------------
// Dates.

fn days_in_month(year: usize, month: usize) -> usize {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A year from 1800 to 2011, later years more likely (the density rises linearly).
fn year(rng: &mut Rng) -> usize {
    1800 + rng.below(212).max(rng.below(212))
}

/// `year` at year (40%), month (35%) or day (25%) precision.
fn date_in(rng: &mut Rng, year: usize) -> String {
    let roll = rng.below(100);
    if roll < 40 {
        return format!("{year:04}");
    }
    let month = rng.between(1, 12);
    if roll < 75 {
        return format!("{year:04}-{month:02}");
    }
    format!("{year:04}-{month:02}-{:02}", rng.between(1, days_in_month(year, month)))
}

// ---------------------------------------------------------------------------------------------
// JSON output. serde_json's map sorts keys; this writes them in the order the format lists them.

struct Obj(String);

impl Obj {
    fn new() -> Self {
        Obj(String::from("{"))
    }

    /// A field whose value is already JSON text.
    fn raw(mut self, key: &str, json: &str) -> Self {
        if self.0.len() > 1 {
            self.0.push_str(", ");
        }
        self.0.push_str(&Value::from(key).to_string());
        self.0.push_str(": ");
        self.0.push_str(json);
        self
    }

    fn val(self, key: &str, value: impl Into<Value>) -> Self {
        let json = value.into().to_string();
        self.raw(key, &json)
    }

    fn opt(self, key: &str, value: Option<impl Into<Value>>) -> Self {
        match value {
            Some(value) => self.val(key, value),
            None => self,
        }
    }

    /// A list field, left out when empty (as the format allows).
    fn list(self, key: &str, items: Vec<String>) -> Self {
        if items.is_empty() { self } else { self.raw(key, &format!("[{}]", items.join(", "))) }
    }

    fn done(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

fn strings(items: &[String]) -> Vec<String> {
    items.iter().map(|s| Value::from(s.as_str()).to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// The dataset.

#[derive(Clone)]
struct Actor {
    id: String,
    name: String,
}

struct Generator {
    rng: Rng,
    ids: HashSet<String>,
    sections: Vec<String>,
    countries: Vec<Actor>,
    blocs: Vec<Actor>,
    people: Vec<Actor>,
    organisations: Vec<Actor>,
}

impl Generator {
    /// A fresh id for `name`: its slug, numbered when taken.
    fn id_for(&mut self, name: &str) -> String {
        let base = slugify(name);
        let mut id = base.clone();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// One or two citations of the source's sections.
    fn sources(&mut self) -> String {
        let first = self.rng.below(self.sections.len());
        let mut picked = vec![first];
        if self.rng.chance(30) {
            let second = self.rng.below(self.sections.len());
            if second != first {
                picked.push(second);
            }
        }
        let cites: Vec<String> = picked
            .iter()
            .map(|&i| Obj::new().val("source", "gen").val("section", self.sections[i].as_str()).done())
            .collect();
        format!("[{}]", cites.join(", "))
    }

    fn country(&mut self) -> &Actor {
        let i = self.rng.below(self.countries.len());
        &self.countries[i]
    }

    /// An actor for an event: mostly countries, then people, organisations and blocs.
    fn any_actor(&mut self) -> &Actor {
        let roll = self.rng.below(100);
        let pool = match roll {
            0..50 => &self.countries,
            50..80 if !self.people.is_empty() => &self.people,
            80..92 if !self.organisations.is_empty() => &self.organisations,
            92.. if !self.blocs.is_empty() => &self.blocs,
            _ => &self.countries,
        };
        &pool[self.rng.below(pool.len())]
    }

    fn make_actors(&mut self, total: usize) -> Vec<String> {
        let countries = (total / 20).max(4);
        let blocs = (total / 50).max(1);
        let organisations = (total / 4).max(1);
        let people = total.saturating_sub(countries + blocs + organisations).max(1);
        let mut records = Vec::with_capacity(countries + blocs + organisations + people);

        for i in 0..countries {
            // Country names are kept distinct (a few tries, then the id is numbered).
            let mut name = String::new();
            for _ in 0..20 {
                let syllables = self.rng.between(1, 3);
                let ending = *self.rng.pick(COUNTRY_ENDINGS);
                name = invented(&mut self.rng, syllables, ending);
                if !self.ids.contains(&slugify(&name)) {
                    break;
                }
            }
            let id = self.id_for(&name);
            let iso3: String = name.chars().map(ascii).filter(char::is_ascii_alphabetic).take(3).collect();
            let iso3 = format!("{:X<3}", iso3.to_uppercase());
            let mut aliases = Vec::new();
            if self.rng.chance(60) {
                aliases.push(if name.ends_with('a') { format!("{name}n") } else { format!("{name}ian") }); // demonym
            }
            if self.rng.chance(40) {
                aliases.push(invented(&mut self.rng, 2, "")); // its capital, as a metonym
            }
            let region = if i == 0 { REGIONS[0] } else { *self.rng.pick(REGIONS) };
            records.push(
                Obj::new()
                    .val("id", id.as_str())
                    .val("kind", "country")
                    .val("name", name.as_str())
                    .list("aliases", strings(&aliases))
                    .val("summary", sentences(&mut self.rng, 1, 3))
                    .raw("sources", &self.sources())
                    .val("iso3", iso3)
                    .val("region", region)
                    .done(),
            );
            self.countries.push(Actor { id, name });
        }

        for _ in 0..blocs {
            let adjective = *self.rng.pick(ADJECTIVES);
            let word = *self.rng.pick(BLOC_WORDS);
            let place = invented(&mut self.rng, 2, "");
            let name = format!("{adjective} {place} {word}");
            let id = self.id_for(&name);
            let full_name = format!("{name} of {}", if self.rng.chance(50) { "Nations" } else { "States" });
            let mut members = Vec::new();
            let mut seen = HashSet::new();
            for _ in 0..self.rng.between(3, 12) {
                let member = self.country().id.clone();
                if seen.insert(member.clone()) {
                    let role = self.rng.chance(25).then_some("founder");
                    let since = self.rng.chance(30).then(|| {
                        let y = year(&mut self.rng);
                        date_in(&mut self.rng, y)
                    });
                    members.push(Obj::new().val("actor", member).opt("role", role).opt("since", since).done());
                }
            }
            let founded = self.rng.chance(50).then(|| {
                let y = year(&mut self.rng);
                date_in(&mut self.rng, y)
            });
            let note = self.rng.chance(10).then_some("Several smaller states are named only vaguely as members.");
            records.push(
                Obj::new()
                    .val("id", id.as_str())
                    .val("kind", "bloc")
                    .val("name", name.as_str())
                    .list("aliases", strings(&[acronym(&name)]))
                    .val("summary", sentences(&mut self.rng, 1, 3))
                    .raw("sources", &self.sources())
                    .val("full_name", full_name)
                    .opt("founded", founded)
                    .list("members", members)
                    .opt("members_note", note)
                    .done(),
            );
            self.blocs.push(Actor { id, name });
        }

        for _ in 0..people {
            let given = *self.rng.pick(GIVEN);
            let surname = if self.rng.chance(50) {
                (*self.rng.pick(SURNAMES)).to_owned()
            } else {
                let syllables = self.rng.between(2, 3);
                invented(&mut self.rng, syllables, "")
            };
            let second = self.rng.chance(25).then(|| *self.rng.pick(SURNAMES));
            let name = match second {
                Some(second) => format!("{given} {surname} {second}"),
                None => format!("{given} {surname}"),
            };
            let id = self.id_for(&name);
            let mut aliases = Vec::new();
            if self.rng.chance(40) {
                aliases.push(surname.clone());
            }
            if !name.is_ascii() && self.rng.chance(30) {
                aliases.push(name.chars().map(|c| if c.is_uppercase() { c } else { ascii(c) }).collect());
            }
            let mut roles = Vec::new();
            for _ in 0..self.rng.below(3) {
                let title = *self.rng.pick(ROLE_TITLES);
                let of = self.rng.chance(80).then(|| self.country().id.clone());
                let start = year(&mut self.rng);
                let from = self.rng.chance(70).then(|| date_in(&mut self.rng, start));
                let end = (start + self.rng.between(1, 10)).min(2011);
                let to = (from.is_some() && self.rng.chance(50)).then(|| date_in(&mut self.rng, end));
                let to = to.filter(|_| end > start);
                roles.push(Obj::new().val("title", title).opt("of", of).opt("from", from).opt("to", to).done());
            }
            records.push(
                Obj::new()
                    .val("id", id.as_str())
                    .val("kind", "person")
                    .val("name", name.as_str())
                    .list("aliases", strings(&aliases))
                    .val("summary", sentences(&mut self.rng, 1, 2))
                    .raw("sources", &self.sources())
                    .list("roles", roles)
                    .done(),
            );
            self.people.push(Actor { id, name });
        }

        for _ in 0..organisations {
            let (category, word) = *self.rng.pick(ORG_CATEGORIES);
            let base = self.country().clone();
            let adjective = *self.rng.pick(ADJECTIVES);
            let name = if self.rng.chance(50) {
                format!("{adjective} {word} of {}", base.name)
            } else {
                format!("{} {adjective} {word}", invented(&mut self.rng, 2, ""))
            };
            let id = self.id_for(&name);
            let aliases = if self.rng.chance(50) { vec![acronym(&name)] } else { Vec::new() };
            let based_in = self.rng.chance(70).then_some(base.id);
            let sector = (category == "company" || self.rng.chance(20)).then(|| *self.rng.pick(SECTORS));
            records.push(
                Obj::new()
                    .val("id", id.as_str())
                    .val("kind", "organisation")
                    .val("name", name.as_str())
                    .list("aliases", strings(&aliases))
                    .val("summary", sentences(&mut self.rng, 1, 2))
                    .raw("sources", &self.sources())
                    .val("category", category)
                    .opt("based_in", based_in)
                    .opt("sector", sector)
                    .done(),
            );
            self.organisations.push(Actor { id, name });
        }
        records
    }

    /// A relationship with 1 to 4 tone periods in date order; its tone is the last period's.
    fn relationship(&mut self, a: &str, b: &str) -> String {
        let mut start = year(&mut self.rng).min(2000);
        let mut periods = Vec::new();
        let mut tone = 0;
        for _ in 0..self.rng.between(1, 4) {
            tone = self.rng.between(0, 4) as i64 - 2;
            let from = date_in(&mut self.rng, start);
            let next = (start + self.rng.between(1, 30)).min(2011);
            let to = (self.rng.chance(40) && next > start).then(|| format!("{next:04}"));
            let label = cut(&sentences(&mut self.rng, 1, 1), 70);
            periods.push(Obj::new().val("from", from).opt("to", to).val("tone", tone).val("label", label).done());
            if next >= 2011 {
                break;
            }
            start = next + 1;
        }
        let mut themes: Vec<String> =
            (0..self.rng.between(1, 4)).map(|_| (*self.rng.pick(TOPICS)).to_owned()).collect();
        themes.sort();
        themes.dedup();
        Obj::new()
            .raw("between", &format!("[{}, {}]", Value::from(a), Value::from(b)))
            .val("tone", tone)
            .val("status", cut(&sentences(&mut self.rng, 1, 1), 40))
            .val("summary", sentences(&mut self.rng, 2, 4))
            .list("themes", strings(&themes))
            .list("periods", periods)
            .raw("sources", &self.sources())
            .done()
    }

    fn event(&mut self, index: usize, subject: usize) -> String {
        let (kind, template) = if index < EVENT_TYPES.len() { EVENT_TYPES[index] } else { *self.rng.pick(EVENT_TYPES) };
        // The first actor is a country, most often the subject, so that the title reads well.
        let first = if self.rng.chance(60) { &self.countries[subject] } else { self.country() };
        let mut actors = vec![(first.id.clone(), first.name.clone())];
        // A bloc is founded; observers come from an organisation.
        let second = match kind {
            "founding" => self.blocs.get(self.rng.below(self.blocs.len())),
            "observation" => self.organisations.get(self.rng.below(self.organisations.len())),
            _ => None,
        };
        actors.extend(second.map(|a| (a.id.clone(), a.name.clone())));
        let wanted = self.rng.between(if template.contains("{b}") { 2 } else { 1 }, 4);
        while actors.len() < wanted {
            let actor = self.any_actor();
            let actor = (actor.id.clone(), actor.name.clone());
            if !actors.iter().any(|(id, _)| *id == actor.0) {
                actors.push(actor);
            }
        }
        let topic = *self.rng.pick(TOPICS);
        let title = template
            .replace("{a}", &actors[0].1)
            .replace("{b}", actors.get(1).map_or("", |a| &a.1))
            .replace("{t}", topic);
        let title = cut(&title, 80);

        let start = year(&mut self.rng);
        let date = date_in(&mut self.rng, start);
        let end = self.rng.chance(12).then(|| {
            let last = (start + self.rng.below(15)).min(2011);
            if last == start { format!("{last:04}") } else { date_in(&mut self.rng, last) }
        });
        let id = format!("{start}-{}-{index}", slugify(&cut(&title, 30)));
        let mut tags: Vec<String> = (0..self.rng.below(4)).map(|_| (*self.rng.pick(TOPICS)).to_owned()).collect();
        tags.sort();
        tags.dedup();
        Obj::new()
            .val("id", id)
            .val("date", date)
            .opt("end", end)
            .opt("circa", self.rng.chance(10).then_some(true))
            .val("title", title)
            .val("summary", sentences(&mut self.rng, 1, 3))
            .val("type", kind)
            .list("actors", strings(&actors.into_iter().map(|(id, _)| id).collect::<Vec<_>>()))
            .val("tone", self.rng.between(0, 4) as i64 - 2)
            .list("tags", strings(&tags))
            .raw("sources", &self.sources())
            .done()
    }

    fn figure(&mut self, index: usize, subject: usize) -> String {
        let kind = if index < FIGURE_KINDS.len() { FIGURE_KINDS[index] } else { *self.rng.pick(FIGURE_KINDS) };
        let flow = matches!(kind, "exports" | "imports" | "trade" | "aid" | "investment");
        let (from, to) = if flow {
            let other = self.countries[self.rng.between(1, self.countries.len() - 1)].clone();
            let us = self.countries[subject].clone();
            if self.rng.chance(50) { (us, Some(other)) } else { (other, Some(us)) }
        } else if kind == "members" {
            (self.blocs[self.rng.below(self.blocs.len())].clone(), None)
        } else {
            (self.any_actor().clone(), None)
        };
        let (unit, amount) = match kind {
            _ if flow => (*self.rng.pick(CURRENCIES), self.rng.between(1, 9999) as u64 * 100_000),
            "population" => ("people", self.rng.between(100, 200_000) as u64 * 1000),
            "members" => ("members", self.rng.between(3, 40) as u64),
            "count" => ("states", self.rng.between(2, 200) as u64),
            "duration" => ("years", self.rng.between(1, 150) as u64),
            _ => ("times per year", self.rng.between(1, 12) as u64),
        };
        let start = year(&mut self.rng);
        let period = match self.rng.below(20) {
            0..12 => Some(Value::from(date_in(&mut self.rng, start)).to_string()),
            12..17 => {
                let end = (start + self.rng.between(1, 10)).min(2011).max(start);
                Some(Obj::new().val("from", format!("{start:04}")).val("to", format!("{end:04}")).done())
            }
            17..19 => Some(Obj::new().val("years", self.rng.between(1, 30) as u64).done()),
            _ => None,
        };
        let other = to.as_ref().map_or("", |t| t.name.as_str());
        let label = match kind {
            "exports" => format!("{} exports to {other}", from.name),
            "imports" => format!("{other}'s imports from {}", from.name),
            "trade" => format!("Trade between {} and {other}", from.name),
            "aid" => format!("{} aid to {other}", from.name),
            "investment" => format!("{} investment in {other}", from.name),
            "population" => format!("Population of {}", from.name),
            "members" => format!("Members of {}", from.name),
            "count" => format!("States that recognise {}", from.name),
            "duration" => format!("Length of {}'s longest dispute", from.name),
            _ => format!("Official visits a year by {}", from.name),
        };
        let mut obj = Obj::new()
            .val("id", format!("figure-{index}-{kind}"))
            .val("kind", kind)
            .val("from", from.id)
            .opt("to", to.map(|t| t.id))
            .val("amount", amount)
            .opt("qualifier", self.rng.chance(15).then(|| *self.rng.pick(QUALIFIERS)))
            .val("unit", unit);
        if let Some(period) = period {
            obj = obj.raw("period", &period);
        }
        obj.val("label", cut(&label, 120)).raw("sources", &self.sources()).done()
    }
}

/// Write `name: [records…]`, one record per line.
fn collection(out: &mut impl Write, name: &str, records: impl Iterator<Item = String>, last: bool) -> io::Result<()> {
    write!(out, "  \"{name}\": [")?;
    for (i, record) in records.enumerate() {
        write!(out, "{}\n    {record}", if i == 0 { "" } else { "," })?;
    }
    writeln!(out, "\n  ]{}", if last { "" } else { "," })
}

fn usage() -> ! {
    eprintln!("usage: generate --actors N --events M [--seed S] > dataset.json");
    std::process::exit(2);
}

fn main() -> io::Result<()> {
    let (mut actors, mut events, mut seed) = (None, None, 1u64);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok()).unwrap_or_else(|| usage());
        match flag.as_str() {
            "--actors" => actors = Some(value as usize),
            "--events" => events = Some(value as usize),
            "--seed" => seed = value,
            _ => usage(),
        }
    }
    let (Some(actor_count), Some(event_count)) = (actors, events) else { usage() };

    let mut generator = Generator {
        rng: Rng(seed),
        ids: HashSet::new(),
        sections: Vec::new(),
        countries: Vec::new(),
        blocs: Vec::new(),
        people: Vec::new(),
        organisations: Vec::new(),
    };
    generator.sections = std::iter::once("overview").chain(REGIONS.iter().copied()).map(slugify).collect();
    let actor_records = generator.make_actors(actor_count);
    let subject = 0; // the first country; its region is South America
    let subject_id = generator.countries[subject].id.clone();
    let subject_name = generator.countries[subject].name.clone();

    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    writeln!(out, "{{")?;
    let header = Obj::new()
        .val("id", format!("generated-{seed}"))
        .val("title", format!("{subject_name}'s international relations (generated)"))
        .val("subject", subject_id.as_str())
        .val("as_of", "2011")
        .val(
            "description",
            format!("Synthetic data for benchmarks: {actor_count} actors, {event_count} events, seed {seed}."),
        )
        .done();
    writeln!(out, "  \"dataset\": {header},")?;
    let sections: Vec<String> = generator
        .sections
        .iter()
        .zip(std::iter::once("Overview").chain(REGIONS.iter().copied()))
        .map(|(id, title)| Obj::new().val("id", id.as_str()).val("title", title).done())
        .collect();
    let source = Obj::new()
        .val("id", "gen")
        .val("title", format!("A generated survey of {subject_name}'s foreign relations"))
        .list("sections", sections)
        .done();
    collection(&mut out, "sources", std::iter::once(source), false)?;
    collection(&mut out, "actors", actor_records.into_iter(), false)?;

    // The subject with most other countries, then some pairs of third countries.
    let mut pairs = Vec::new();
    for other in 1..generator.countries.len() {
        if generator.rng.chance(85) {
            pairs.push((subject, other));
        }
    }
    let mut seen: HashSet<(usize, usize)> = pairs.iter().copied().collect();
    for _ in 0..generator.countries.len() / 2 {
        let (a, b) =
            (generator.rng.between(1, generator.countries.len() - 1), generator.rng.below(generator.countries.len()));
        if a != b && b != subject && seen.insert((a.min(b), a.max(b))) {
            pairs.push((a, b));
        }
    }
    let relationships: Vec<String> = pairs
        .into_iter()
        .map(|(a, b)| {
            let (a, b) = (generator.countries[a].id.clone(), generator.countries[b].id.clone());
            generator.relationship(&a, &b)
        })
        .collect();
    collection(&mut out, "relationships", relationships.into_iter(), false)?;

    // Events and figures are written as they are made, so a million of them need little memory.
    collection(&mut out, "events", (0..event_count).map(|i| generator.event(i, subject)), false)?;
    let figure_count = (event_count / 10).max(FIGURE_KINDS.len());
    collection(&mut out, "figures", (0..figure_count).map(|i| generator.figure(i, subject)), true)?;
    writeln!(out, "}}")?;
    out.flush()
}
