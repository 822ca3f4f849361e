//! Property tests: parsers and the resolver never panic, folding is idempotent, filters select
//! sorted subsets, and export → load is the identity on generated valid datasets.

use proptest::prelude::*;
use relations::load::{Input, load};
use relations::model::{
    Actor, ActorKind, Amount, Citation, Dataset, DatasetFile, DatasetInfo, Date, Event, EventType, Figure, FigureKind,
    Membership, Period, Relationship, Role, Section, Slug, Source, Tone,
};
use relations::query::{
    ActorNames, DateRange, EventFilter, Grep, Query, SearchIndex, SearchOptions, fold, parse_year, resolve_actor,
};

fn bundled() -> Dataset {
    load(vec![Input::bundled()]).expect("the bundled dataset loads")
}

proptest! {
    #[test]
    fn date_and_range_parsers_never_panic(text in "\\PC{0,24}|[0-9.\\-]{0,24}") {
        let _ = text.parse::<Date>();
        let _ = DateRange::parse(&text);
        let _ = parse_year(&text, "--year");
    }

    #[test]
    fn a_parsed_date_prints_back_as_it_was_written(year in 1u16..10000, month in proptest::option::of(1u8..=12), day in 1u8..=28) {
        let text = match month {
            Some(m) => format!("{year:04}-{m:02}-{day:02}"),
            None => format!("{year:04}"),
        };
        prop_assert_eq!(text.parse::<Date>().unwrap().to_string(), text);
    }

    #[test]
    fn folding_is_idempotent(text in "\\PC{0,40}") {
        prop_assert_eq!(fold(&fold(&text)), fold(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_resolver_never_panics(query in "\\PC{0,30}") {
        let data = bundled();
        let names = ActorNames::new(&data);
        let _ = resolve_actor(&data, &names, &query);
    }

    #[test]
    fn search_never_panics_and_its_matches_lie_on_the_text(query in "[\\PC\"]{0,30}") {
        let data = bundled();
        let index = SearchIndex::new(&data);
        let hits = index.search(&Query::parse(&query), SearchOptions { only: None, limit: 50, typos: true });
        for hit in &hits {
            prop_assert!(hit.score > 0.0);
            for m in &hit.matches {
                prop_assert!(hit.text.get(m.clone()).is_some_and(|t| !t.is_empty()), "{m:?} in {:?}", hit.text);
            }
        }
    }

    #[test]
    fn any_event_filter_returns_a_sorted_subset_of_all_events(
        from in proptest::option::of(1850u16..2015),
        span in 0u16..80,
        actor in proptest::option::of(0usize..80),
        kind in proptest::option::of(0usize..EventType::ALL.len()),
        grep in proptest::option::of("[a-z]{1,3}"),
        reverse: bool,
        certain_only: bool,
        limit in proptest::option::of(1usize..20),
    ) {
        let data = bundled();
        let filter = EventFilter {
            range: DateRange { from: from.map(Date::from_year), to: from.map(|f| Date::from_year(f + span)) },
            actors: actor.and_then(|i| data.actors().get(i)).map(|a| vec![a.id.clone()]).unwrap_or_default(),
            kind: kind.map(|k| EventType::ALL[k]),
            grep: grep.map(|g| Grep::new(Query::parse(&g), &data)),
            tags: Vec::new(),
            reverse,
            limit,
            certain_only,
        };
        let mut selected = filter.apply(&data);
        if reverse {
            selected.reverse();
        }
        let all: Vec<&Event> = data.events().iter().collect();
        // A subsequence of all events, in the same (date) order.
        let mut rest = all.iter();
        for event in &selected {
            prop_assert!(rest.any(|e| std::ptr::eq(*e, *event)), "not an ordered subset");
            prop_assert!(filter.matches(event));
        }
        // Never an event before one it is recorded to follow.
        for (i, event) in selected.iter().enumerate() {
            prop_assert!(selected[i..].iter().all(|later| !event.after.contains(&later.id)), "{} before what it follows", event.id);
        }
        if limit.is_none() {
            let expected = all.iter().filter(|e| filter.matches(e)).count();
            prop_assert_eq!(selected.len(), expected);
        }
    }
}

// ---- generated valid datasets ----

fn slug(prefix: &str, i: usize) -> Slug {
    Slug::parse(&format!("{prefix}{i}")).unwrap()
}

fn cite() -> Vec<Citation> {
    vec![Citation { source: slug("s", 0), section: slug("part", 1) }]
}

fn text() -> impl Strategy<Value = String> {
    "[\\p{L}\\p{N}]\\PC{0,19}"
}

fn date() -> impl Strategy<Value = Date> {
    (1800u16..2100, proptest::option::of((1u8..=12, proptest::option::of(1u8..=28)))).prop_map(|(y, md)| {
        let text = match md {
            None => format!("{y:04}"),
            Some((m, None)) => format!("{y:04}-{m:02}"),
            Some((m, Some(d))) => format!("{y:04}-{m:02}-{d:02}"),
        };
        text.parse().unwrap()
    })
}

fn tone() -> impl Strategy<Value = Tone> {
    proptest::sample::select(Tone::ALL.to_vec())
}

fn actor(i: usize, count: usize) -> impl Strategy<Value = Actor> {
    (0usize..4, text(), proptest::collection::vec(text(), 0..3), text(), 0..count, proptest::option::of(date()))
        .prop_map(move |(kind, name, aliases, summary, other, when)| {
            let kind = ActorKind::ALL[kind];
            let mut actor = Actor {
                id: slug("actor", i),
                kind,
                name,
                aliases,
                summary,
                sources: cite(),
                iso3: None,
                region: None,
                full_name: None,
                founded: None,
                members: Vec::new(),
                members_note: None,
                roles: Vec::new(),
                category: None,
                based_in: None,
                sector: None,
            };
            match kind {
                ActorKind::Country => {
                    actor.iso3 = Some("AAA".into());
                    actor.region = Some("Somewhere".into());
                }
                ActorKind::Bloc => {
                    actor.full_name = Some(format!("Bloc {i}"));
                    actor.founded = when;
                    // Only an earlier actor, so that membership never runs in a circle.
                    if i > 0 {
                        actor.members = vec![Membership {
                            actor: slug("actor", other % i),
                            role: Some("founder".into()),
                            since: when,
                        }];
                    }
                }
                ActorKind::Person => {
                    actor.roles = vec![Role {
                        title: "President".into(),
                        of: Some(slug("actor", other)),
                        from: when,
                        from_event: None,
                        to: None,
                        to_event: None,
                        at: None,
                    }];
                }
                ActorKind::Organisation => {
                    actor.category = Some("company".into());
                    actor.based_in = Some(slug("actor", if other == i { (i + 1) % count } else { other }));
                    actor.sector = Some("energy".into());
                }
            }
            actor
        })
}

fn event(i: usize, count: usize) -> impl Strategy<Value = Event> {
    (
        date(),
        proptest::option::of(0u16..20),
        any::<bool>(),
        "[\\p{L}]\\PC{0,79}",
        text(),
        0..EventType::ALL.len(),
        proptest::collection::btree_set(0..count, 1..4),
        tone(),
        proptest::collection::vec(text(), 0..3),
    )
        .prop_map(move |(date, years, circa, title, summary, kind, actors, tone, tags)| Event {
            id: slug("event", i),
            date,
            end: years.map(|y| Date::from_year(date.year() + y + 1)),
            circa,
            span: None,
            after: Vec::new(),
            title,
            summary,
            kind: EventType::ALL[kind],
            actors: actors.into_iter().map(|a| slug("actor", a)).collect(),
            tone,
            tags,
            sources: cite(),
        })
}

fn figure(i: usize, count: usize) -> impl Strategy<Value = Figure> {
    (
        0..FigureKind::ALL.len(),
        0..count,
        proptest::option::of(0..count),
        -1.0e12f64..1.0e12,
        proptest::bool::ANY,
        proptest::option::of(date()),
        1u32..100,
        text(),
    )
        .prop_map(move |(kind, from, to, amount, whole, period, years, label)| Figure {
            id: slug("figure", i),
            kind: FigureKind::ALL[kind],
            from: Some(slug("actor", from)),
            to: to.map(|t| slug("actor", t)),
            amount: Amount(if whole { amount.trunc() } else { amount }),
            qualifier: None,
            unit: "EUR".into(),
            period: Some(period.map_or(Period::Years { years }, Period::Date)),
            label,
            sources: cite(),
        })
}

fn dataset() -> impl Strategy<Value = DatasetFile> {
    (2usize..8, 0usize..10, 0usize..5)
        .prop_flat_map(|(actors, events, figures)| {
            let actor_list: Vec<_> = (0..actors).map(|i| actor(i, actors)).collect();
            let event_list: Vec<_> = (0..events).map(|i| event(i, actors)).collect();
            let figure_list: Vec<_> = (0..figures).map(|i| figure(i, actors)).collect();
            (
                actor_list,
                event_list,
                figure_list,
                proptest::collection::btree_set((0..actors, 0..actors), 0..4),
                tone(),
                text(),
                date(),
            )
        })
        .prop_map(|(actors, events, figures, pairs, tone, status, from)| {
            let relationships = pairs
                .into_iter()
                .filter(|(a, b)| a < b)
                .map(|(a, b)| Relationship {
                    between: [slug("actor", a), slug("actor", b)],
                    tone,
                    status: status.clone(),
                    summary: "s".into(),
                    themes: vec!["t".into()],
                    periods: vec![relations::model::TonePeriod {
                        from,
                        start_unknown: false,
                        to: None,
                        tone,
                        label: "l".into(),
                    }],
                    sources: cite(),
                })
                .collect();
            DatasetFile {
                dataset: Some(DatasetInfo {
                    id: slug("set", 0),
                    title: "Generated".into(),
                    subject: slug("actor", 0),
                    as_of: Date::from_year(2011),
                    description: String::new(),
                }),
                sources: vec![Source {
                    id: slug("s", 0),
                    title: "S".into(),
                    sections: vec![Section { id: slug("part", 1), title: "P".into() }],
                }],
                actors,
                relationships,
                events,
                figures,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_then_load_is_the_identity_on_valid_datasets(file in dataset()) {
        let json = serde_json::to_vec(&file).unwrap();
        let loaded = load(vec![Input { name: "generated".into(), bytes: json }]).map_err(|e| TestCaseError::fail(format!("{e}: {:?}", e.hints())))?;
        // Loading keeps events in date order (`Event::sort_date`); everything else as written.
        let mut expected = file.clone();
        expected.events.sort_by(|a, b| (a.sort_date(), &a.id).cmp(&(b.sort_date(), &b.id)));
        prop_assert_eq!(&loaded.file, &expected);
        let exported = serde_json::to_vec(&loaded.file).unwrap();
        let again = load(vec![Input { name: "exported".into(), bytes: exported }]).unwrap();
        prop_assert_eq!(&again.file, &loaded.file);
    }
}

// ---- generated hostile datasets through every renderer ----

#[path = "render_check/mod.rs"]
mod render_check;

/// Control characters (C0, DEL, C1), bidi overrides, line separators, and what starts a
/// spreadsheet formula or HTML, with ordinary letters between.
fn hostile_piece() -> impl Strategy<Value = String> {
    "[\\x00-\\x1f\\x7f-\\x9f\u{202e}\u{2066}\u{2028}\u{2029}=+@<>&\"#,'a -]{0,6}"
}

/// A generated valid dataset whose names, aliases, titles, labels and statuses start with
/// hostile text.
fn hostile_dataset() -> impl Strategy<Value = DatasetFile> {
    (dataset(), proptest::collection::vec(hostile_piece(), 16)).prop_map(|(mut file, pieces)| {
        let mut piece = pieces.iter().cycle();
        let mut prefix = |text: &mut String, max: usize| {
            let hostile: String = format!("{}{text}", piece.next().unwrap()).chars().take(max).collect();
            if !hostile.trim().is_empty() {
                *text = hostile;
            }
        };
        for actor in &mut file.actors {
            prefix(&mut actor.name, usize::MAX);
            for alias in &mut actor.aliases {
                prefix(alias, usize::MAX);
            }
        }
        for event in &mut file.events {
            prefix(&mut event.title, Event::MAX_TITLE_CHARS);
        }
        for figure in &mut file.figures {
            prefix(&mut figure.label, usize::MAX);
        }
        for rel in &mut file.relationships {
            prefix(&mut rel.status, usize::MAX);
        }
        file
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn every_renderer_escapes_hostile_text_and_csv_reads_back(file in hostile_dataset()) {
        let json = serde_json::to_vec(&file).unwrap();
        let data = load(vec![Input { name: "hostile".into(), bytes: json }])
            .map_err(|e| TestCaseError::fail(format!("{e}: {:?}", e.hints())))?;
        render_check::check_every_format(&data);
    }
}

// ---- generated datasets compiled, then read in part ----

#[path = "part_check/mod.rs"]
mod part_check;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// `show` and the date-filtered commands give the same answer from a compiled dataset read
    /// in part (only the records they want) as from the whole.
    #[test]
    fn a_compiled_dataset_read_in_part_answers_as_the_whole(
        file in dataset(),
        year in 1790u16..2110,
        month in 1u8..=12,
        years in 0u16..40,
    ) {
        let json = serde_json::to_vec(&file).unwrap();
        let data = load(vec![Input { name: "generated".into(), bytes: json }])
            .map_err(|e| TestCaseError::fail(format!("{e}: {:?}", e.hints())))?;
        let compiled = part_check::Compiled::new(&data);
        let (year, month, end) = (year.to_string(), format!("{year}-{month:02}"), format!("{year}..{}", year + years));
        for actor in data.actors() {
            let id = actor.id.as_str();
            for format in ["plain", "json"] {
                compiled.assert_same(&data, &["--format", format, "show", id]);
                compiled.assert_same(&data, &["--format", format, "show", id, "--as-of", &year]);
                compiled.assert_same(&data, &["--format", format, "show", id, "--as-of", &year, "--certain"]);
            }
        }
        for range in [&year, &month, &end] {
            compiled.assert_same(&data, &["--format", "json", "events", range]);
            compiled.assert_same(&data, &["--format", "csv", "events", range, "--certain"]);
            compiled.assert_same(&data, &["--format", "plain", "timeline", range]);
        }
        compiled.assert_same(&data, &["--format", "plain", "events", "--as-of", &year]);
        compiled.assert_same(&data, &["--format", "json", "info"]);
    }
}
