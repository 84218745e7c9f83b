//! The data that flows between stages: claims (what an article states) and findings (where
//! statements disagree). Extraction produces claims; checks turn claims into findings; reports
//! only read findings.
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A person as one mention states them.
#[derive(Clone, Debug, Serialize)]
pub struct PersonValue {
    /// The name as written, honorific left out.
    pub name: String,
    /// The role phrase as written, when the mention carries one.
    pub role: Option<String>,
    /// The title: the role's head and rank ("ministre", "deputy director").
    pub title: Option<String>,
    #[serde(skip)]
    pub detail: PersonDetail,
}

/// What the checks need beyond what is shown.
#[derive(Clone, Debug, Default)]
pub struct PersonDetail {
    /// Name tokens as written, particles included.
    pub tokens: Vec<String>,
    /// Whether this mention is a full name (given name and surname) or a later short mention
    /// that was linked to one (then `tokens` are the full name's).
    pub full: bool,
    pub head_id: Option<String>,
    pub ladder: Option<String>,
    pub unique_office: bool,
    /// The head alone names the office ("le Chef du gouvernement").
    pub alone: bool,
    pub rank: Vec<String>,
    /// Stemmed portfolio words of the role ("transi", "numeri").
    pub portfolio: Vec<String>,
    /// The role is a past one ("ancien ministre").
    pub former: bool,
    /// What made this a person: honorific, role, speech verb, or a link to one.
    pub evidence: &'static str,
    /// Where the role is written, when it is near the name.
    pub role_span: Option<(usize, usize)>,
}

/// How fine a date is; comparisons happen at the coarser of two.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Granularity {
    #[default]
    Day,
    Week,
    Month,
    Year,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }
}

/// What a claim's sentence says of its event, so that two sources' sentences about one event
/// meet: for dates and places alike.
#[derive(Clone, Debug, Default)]
pub struct EventContext {
    /// Stemmed content words of the sentence, outside the claim's own span.
    /// Hashes of the words, sorted: compared, never shown, and one allocation per claim.
    pub context: Vec<u64>,
    /// The last content words of the claim's clause before it ("the Tana River broke its banks
    /// on"): what a claim says of its event when the rest of a long sentence is about another.
    pub clause: Vec<u64>,
    /// Phase words of the sentence (opening, closing...), as their group ids.
    pub phases: Vec<usize>,
    /// Phase words of the claim's own clause ("the fire began on").
    pub clause_phases: Vec<usize>,
    /// Every event kind the sentence names.
    pub kinds: Vec<String>,
}

/// A date as an inclusive interval. `from`/`to` are ISO days, with `XXXX` for a year that
/// cannot be resolved, or null for a relative date with no publication date to resolve it.
#[derive(Clone, Debug, Serialize)]
pub struct DateValue {
    pub from: Option<String>,
    pub to: Option<String>,
    pub granularity: &'static str,
    /// event, deadline, publication or other.
    pub role: &'static str,
    #[serde(skip)]
    pub detail: DateDetail,
}

#[derive(Clone, Debug, Default)]
pub struct DateDetail {
    pub granularity: Granularity,
    /// The interval, when its year is known.
    pub lo: Option<chrono::NaiveDate>,
    pub hi: Option<chrono::NaiveDate>,
    /// Month and day of each end when the year is not known.
    pub md: Option<((u32, u32), (u32, u32))>,
    /// The weekday the text states (1 = Monday).
    pub weekday: Option<u32>,
    /// The year was written, or inferred from a publication date close to it.
    pub year_written: bool,
    /// A day that does not exist ("31 juin").
    pub impossible: Option<String>,
    /// Day and month order cannot be told (3/4/2025 in English without a locale).
    pub ambiguous: bool,
    /// The year came from another article of the story: good for a weekday, not for a conflict.
    pub year_borrowed: bool,
    /// Resolved against the publication date ("hier", "il y a trois jours", "next month"), and
    /// too loose to contradict another source's date.
    pub relative: bool,
    /// A day named from the publication date ("hier", "mardi dernier"): compared like a written
    /// date, unless another date stands in its sentence.
    pub named_day: bool,
    /// Other readings of a relative date ("jeudi": the last one or the next one).
    pub alternatives: Vec<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// What the date's sentence says of its event: matched against other sources' sentences.
    pub event: EventContext,
    /// Both ends written as a range of months or years ("de mars à mai 2025", "2019-2021"): it
    /// states the whole span, so another stated span must be the same, not just overlap.
    pub stated_span: bool,
}

/// A place as one mention names it.
#[derive(Clone, Debug, Serialize)]
pub struct PlaceValue {
    /// The name as written, or the gazetteer's name for it.
    pub name: String,
    /// country, region, locality or venue.
    pub kind: &'static str,
    /// The gazetteer's places that contain it, nearest first.
    pub within: Vec<String>,
    #[serde(skip)]
    pub detail: PlaceDetail,
}

#[derive(Clone, Debug, Default)]
pub struct PlaceDetail {
    /// The name folded for comparison.
    pub key: String,
    pub kind: crate::rules::places::PlaceKind,
    /// One of a list of places ("à Pepinster, Verviers et Trooz").
    pub list: bool,
    /// Placed by a direction from it ("north of Bairnsdale"): a landmark only.
    pub relative: bool,
    /// The first words of a venue's name ("Portimão | Arena"): a town only if the story
    /// names it on its own.
    pub in_venue: bool,
    /// Read from an institution's name that does not place the event ("Le port de Safi a
    /// entamé..."): it agrees only for a source that places the event nowhere else.
    pub seat: bool,
    /// A town of a dateline ("KITWE — The collapse...") or of the headline: where the report
    /// was filed, or a heading's shorthand, which may only agree with where the event happened.
    pub heading: bool,
    /// A town of the headline itself, not of a dateline.
    pub headline: bool,
    /// The byte range of its sentence in the article.
    pub sentence: (usize, usize),
    /// Keys of the places the sentence sets beside it ("Salgaa, in Nakuru County").
    pub related: Vec<String>,
    /// Keys of the gazetteer's places that contain it.
    pub within: Vec<String>,
    /// A region's kind as its text names it ("district" in "Solukhumbu district"): two regions
    /// of one kind are compared as towns are.
    pub level: Option<String>,
    /// The proper name the place locates, set right before it ("Rangeview State
    /// College in Warwick", "l'entreprise Chimourthe, à Hamoir").
    pub of_name: Option<String>,
    /// What the place's sentence says of its event.
    pub event: EventContext,
}

/// A figure as a band: `low`..`high` hold what the text allows given its qualifier and the
/// precision it is written with. An open end is null: "plus de 600" is 600..null, "moins de
/// 600" null..600.
#[derive(Clone, Debug, Serialize)]
pub struct QuantityValue {
    #[serde(serialize_with = "number")]
    pub amount: f64,
    #[serde(serialize_with = "opt_number")]
    pub low: Option<f64>,
    #[serde(serialize_with = "opt_number")]
    pub high: Option<f64>,
    /// The counted noun as written, lowercased ("foyers"), the currency code ("MAD") or "%".
    pub unit: Option<String>,
    /// exact, about, more_than, at_least, less_than or at_most.
    pub qualifier: &'static str,
    /// The step of the last written digit at its scale ("5,6 millions": 100000).
    #[serde(serialize_with = "number")]
    pub precision: f64,
    /// The year a target figure is for ("25 % d'ici 2026": "2026").
    pub anchor: Option<String>,
    /// cardinal, percent, currency or ordinal.
    pub kind: &'static str,
    #[serde(skip)]
    pub detail: QuantityDetail,
}

#[derive(Clone, Debug, Default)]
pub struct QuantityDetail {
    /// Byte range of the number itself (digits or words, with its scale) in the article.
    pub number: (usize, usize),
    /// Byte range of the counted noun, when there is one.
    pub unit_span: Option<(usize, usize)>,
    /// The counted noun folded, with a plural -s or -x taken off: what two wordings share.
    pub unit_key: Option<String>,
    /// The word before the counted noun that says which ones ("league" of "19 league goals"),
    /// folded.
    pub modifier: Option<String>,
    /// What befell the counted people ("dead" of "two people were killed"), from the rules'
    /// `states`.
    pub state: Option<String>,
    /// ISO code of the currency ("MAD", "EUR").
    pub currency: Option<String>,
    /// Both ends were written ("8 à 14 ans"); `amount` is the low end.
    pub range: bool,
    /// Written in words ("cinq", "deux cent mille").
    pub words: bool,
    /// Byte range of its sentence in the article: the places and years it is said of.
    pub sentence: (usize, usize),
    /// What the figure's sentence says of what it counts.
    pub event: EventContext,
    /// The content words on each side of the figure in its clause ("générer", "directs").
    pub around: Vec<u64>,
}

/// Whole figures print without a fractional part ("5600000", not "5600000.0").
fn number<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn opt_number<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum ClaimValue {
    Person(PersonValue),
    Date(DateValue),
    Place(PlaceValue),
    Quantity(QuantityValue),
}

#[derive(Clone, Debug)]
pub struct Claim {
    /// Index of the article in the run.
    pub article: usize,
    pub kind: &'static str,
    /// Byte range in the article's decoded text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// What the claim is about, normalised so that two sources' wordings meet.
    pub subject: String,
    pub value: ClaimValue,
}

impl Claim {
    /// A person's name with its role when the role is written near it ("Hery Rasoanaivo,
    /// ministre de la Santé publique"): what a finding about the role points at.
    pub fn span_with_role(&self) -> (usize, usize) {
        match self.person().and_then(|p| p.detail.role_span) {
            Some((s, e)) => (self.start.min(s), self.end.max(e)),
            None => (self.start, self.end),
        }
    }

    /// A claim found at `start..end` of a sentence that starts at `offset` in its article.
    pub fn in_sentence(
        article: usize,
        offset: usize,
        sentence: &str,
        (start, end): (usize, usize),
        kind: &'static str,
        subject: String,
        value: ClaimValue,
    ) -> Claim {
        Claim {
            article,
            kind,
            start: offset + start,
            end: offset + end,
            text: sentence[start..end].to_string(),
            subject,
            value,
        }
    }

    /// A capitalised run with no sign of being a person: kept for comparison (another source
    /// may confirm it), never shown as a claim.
    pub fn is_candidate(&self) -> bool {
        self.person().is_some_and(|p| p.detail.evidence.is_empty())
    }

    pub fn person(&self) -> Option<&PersonValue> {
        match &self.value {
            ClaimValue::Person(p) => Some(p),
            _ => None,
        }
    }

    pub fn place(&self) -> Option<&PlaceValue> {
        match &self.value {
            ClaimValue::Place(p) => Some(p),
            _ => None,
        }
    }

    pub fn date(&self) -> Option<&DateValue> {
        match &self.value {
            ClaimValue::Date(d) => Some(d),
            _ => None,
        }
    }

    pub fn quantity(&self) -> Option<&QuantityValue> {
        match &self.value {
            ClaimValue::Quantity(q) => Some(q),
            _ => None,
        }
    }
}

/// One place a finding points at.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub article: usize,
    pub start: usize,
    pub end: usize,
    pub primary: bool,
    pub label: String,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub locations: Vec<Location>,
    /// What the finding is about (for sorting and fingerprints).
    pub subject: String,
    /// What each source says of the subject, most common first; empty for a finding inside
    /// one article.
    pub readings: Vec<FindingReading>,
}

/// One reading of a finding's subject and the articles that give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingReading {
    pub value: String,
    /// Article ids, ascending.
    pub articles: Vec<usize>,
    /// The reading most sources give (none when the sources are split evenly).
    pub majority: bool,
}

impl Finding {
    /// A fingerprint that rests on the rule, the story, the subject and the readings, never on
    /// lines or offsets: editing an article around a finding keeps it. FNV-1a, so that it is
    /// the same on every platform and release.
    /// The story counts by its folder's name only, so that a baseline written from one working
    /// directory holds when read from another.
    pub fn fingerprint(&self, story: &str) -> String {
        let story = story
            .trim_end_matches(['/', '\\'])
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(story);
        let mut readings: Vec<&str> = self.readings.iter().map(|r| r.value.as_str()).collect();
        readings.sort_unstable();
        let what = if readings.is_empty() {
            self.message.clone()
        } else {
            readings.join("\u{1f}")
        };
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for part in [self.rule, story, &self.subject, &what] {
            for b in part.bytes().chain(std::iter::once(0xff)) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{h:016x}")
    }
}
