//! Dated events and their closed vocabulary of types.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Date, Slug, Tone, vocabulary};

/// Something that happened on a date (or over a span), involving one or more actors.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "Event", transform = span_rules)]
pub struct Event {
    /// The event's id, unique across the dataset; by convention it starts with the year.
    pub id: Slug,
    /// When it happened, with the precision the source gives.
    pub date: Date,
    /// The last date of a span (a war, a government); never before `date` (a rule the schema
    /// cannot state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// True when the source places the event only roughly.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub circa: bool,
    /// For an event with an `end`: `moment` when it happened once, some time between `date` and
    /// `end`; `state` when it lasted from `date` through `end`. Left out, a `circa` span is a
    /// moment and any other span a state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<SpanKind>,
    /// Ids of events this one followed, where the source says so ("then", "followed", "after");
    /// used to order events whose dates cannot. Every id must name another event, without cycles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<Slug>,
    /// A one-line title: not empty, at most 80 characters.
    #[schemars(length(min = 1, max = 80), regex(pattern = r"\S"))]
    pub title: String,
    /// A few sentences on what happened, in our own words.
    pub summary: String,
    /// What kind of thing happened.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The ids of the actors involved: at least one, each once.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub actors: Vec<Slug>,
    /// How the event bore on the relations of the actors involved.
    pub tone: Tone,
    /// Free topic words for searching (trade, drugs, gas, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The source sections the event rests on; at least one.
    #[schemars(length(min = 1))]
    pub sources: Vec<Citation>,
}

super::named_fields_only!(Event);

/// The rule on `span` the schema can state, as the loader checks it: a span kind only with an
/// `end`. A field written `null` counts as absent.
fn span_rules(schema: &mut schemars::Schema) {
    let rule = serde_json::json!({
        "if": {"properties": {"span": {"not": {"type": "null"}}}, "required": ["span"]},
        "then": {"required": ["end"], "properties": {"end": {"not": {"type": "null"}}}}
    });
    schema.insert("allOf".into(), vec![rule].into());
}

impl Event {
    pub const MAX_TITLE_CHARS: usize = 80;

    pub fn involves(&self, actor: &str) -> bool {
        self.actors.iter().any(|a| a.as_str() == actor)
    }

    /// What the event's dates mean: a state lasting through its span, or one moment in it.
    pub fn span_kind(&self) -> SpanKind {
        match (self.end, self.span) {
            (None, _) => SpanKind::Moment,
            (Some(_), Some(kind)) => kind,
            (Some(_), None) if self.circa => SpanKind::Moment,
            (Some(_), None) => SpanKind::State,
        }
    }

    /// The first year by which the event had certainly happened or begun: its date's year,
    /// except for one moment somewhere in a span, which is certain only by the span's last
    /// year. What an event shows of its actors (that a bloc existed, a person was active) is
    /// known from this year, not from the earliest year the event may fall in.
    pub fn certain_by_year(&self) -> u16 {
        match (self.span_kind(), self.end) {
            (SpanKind::Moment, Some(end)) => end.year(),
            _ => self.date.year(),
        }
    }

    /// The last date the event can mean (its `end`, or its `date`).
    pub fn last(&self) -> Date {
        self.end.unwrap_or(self.date)
    }

    /// The date an event sorts by. A state sorts by its start; a moment somewhere in a span by
    /// the span's end, the latest it may have happened, so that it never sorts before an event
    /// it may have followed.
    pub fn sort_date(&self) -> Date {
        match self.span_kind() {
            SpanKind::State => self.date,
            SpanKind::Moment => self.last(),
        }
    }
}

vocabulary! {
    /// What the span of an event (`date` to `end`) means.
    SpanKind {
        Moment => "moment": "it happened once, at some time in the span",
        State => "state": "it lasted through the span",
    }
}

vocabulary! {
    /// What kind of thing happened. The list is closed so that `--type` can be checked.
    EventType {
        Visit => "visit": "a trip or state visit",
        Summit => "summit": "a meeting of leaders",
        Agreement => "agreement": "a deal or accord short of a treaty",
        Treaty => "treaty": "a formal treaty between states",
        Election => "election": "an election or referendum",
        Inauguration => "inauguration": "a leader taking office",
        Dispute => "dispute": "a quarrel, claim or rupture",
        Expulsion => "expulsion": "diplomats or agencies sent away",
        Sanction => "sanction": "a penalty, decertification or withdrawn benefit",
        Trade => "trade": "trade talks, preferences or deals",
        Aid => "aid": "aid given, changed or ended",
        Energy => "energy": "gas, oil and pipelines",
        War => "war": "armed conflict",
        Legal => "legal": "courts, extradition and asylum",
        Statement => "statement": "a declaration or public warning",
        Founding => "founding": "a bloc or body created",
        Observation => "observation": "election observation or monitoring",
        Policy => "policy": "a government policy or decision",
        Diplomacy => "diplomacy": "relations established, severed or mended",
        Unrest => "unrest": "civil unrest or crisis",
        Coup => "coup": "a coup or attempt",
        Revolution => "revolution": "a revolution",
        Conference => "conference": "a conference or forum",
        Government => "government": "a government's or regime's time in power",
    }
}
