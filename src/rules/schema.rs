//! The typed shape of a rule file. Every section is optional so that a rule set can be split
//! over several files (HeidelTime-style: word lists apart from thresholds) and a user's
//! `--rules DIR` can add to one section without restating the others.
use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One TOML file under rules/.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub language: Option<LanguageSpec>,
    pub segment: Option<SegmentSpec>,
    pub boilerplate: Option<BoilerplateSpec>,
    pub dateline: Option<DatelineSpec>,
    pub person: Option<PersonSpec>,
    pub dates: Option<DatesSpec>,
    pub places: Option<PlacesSpec>,
    pub figures: Option<FiguresSpec>,
    /// The gazetteer: known places, their kind and what contains them.
    #[serde(default)]
    pub place: Vec<GazetteerEntry>,
    pub numbers: Option<super::numbers::NumbersSpec>,
    #[serde(default)]
    pub entity: Vec<EntitySpec>,
}

/// How a language introduces places (rules/<lang>/places.toml).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesSpec {
    /// Words before the name of a town: "à", "in", "near". A capitalised name after one is a
    /// place even when the gazetteer does not know it.
    #[serde(default)]
    pub town_prepositions: Vec<String>,
    /// Words before a place that may also stand before other names ("at", "au", "en"): the
    /// name is a place only when the gazetteer, a venue word or a region word says so.
    #[serde(default)]
    pub other_prepositions: Vec<String>,
    /// Town prepositions that place something away from the town ("north of", "au sud de"):
    /// the town is a landmark, not where the event is, and is never compared.
    #[serde(default)]
    pub relative_prepositions: Vec<String>,
    /// Nouns of venues ("stade", "hospital"): a name they head or end is a venue.
    #[serde(default)]
    pub venue_words: Vec<String>,
    /// Nouns of regions ("région", "County"): a name they head or end is a region.
    #[serde(default)]
    pub region_words: Vec<String>,
    /// Lowercase nouns of a spot named after its town ("Londiani junction", "Kisumu
    /// roundabout"): the name before one is a place after any preposition.
    #[serde(default)]
    pub site_words: Vec<String>,
    /// Words of company names ("Sdn Bhd", "Ltd", "SARL"): a name with one is an organisation's,
    /// whose site is a venue, never a town.
    #[serde(default)]
    pub organisation_words: Vec<String>,
    /// Venue nouns of institutions that take their town's name ("tribunal de Gagnoa", "port de
    /// Dakar"): the name after one connector is the town. Streets and bridges are named after
    /// anything.
    #[serde(default)]
    pub seat_words: Vec<String>,
    /// Prepositions that name a town when set off by commas with it alone (", au Locle,"):
    /// elsewhere they need the gazetteer ("au Maroc").
    #[serde(default)]
    pub apposition_prepositions: Vec<String>,
    /// Capitalised words after a preposition that are not places ("Parliament").
    #[serde(default)]
    pub not_places: Vec<String>,
    /// Words that join the members of a list ("et", "and").
    #[serde(default)]
    pub list_words: Vec<String>,
    /// Lowercase words inside a place name ("sur", "of").
    #[serde(default)]
    pub name_connectors: Vec<String>,
    /// Connectors before the town a venue is in ("le centre des congrès de Baie-Comeau").
    #[serde(default)]
    pub town_connectors: Vec<String>,
    /// Words that may stand between a preposition and the name ("la", "the").
    #[serde(default)]
    pub determiners: Vec<String>,
}

/// How figures are compared and added up (rules/<lang>/figures.toml).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresSpec {
    /// Counted nouns that name one unit ("voix" = "vote", "millimetres" = "mm"), folded and
    /// singular, mapped to one key.
    #[serde(default)]
    pub unit_aliases: BTreeMap<String, String>,
    /// Units whose figures are never compared across sources: durations and ages, which a
    /// story gives of many things ("48 hours", "15 years").
    #[serde(default)]
    pub skip_units: Vec<String>,
    /// Units of length, aliases applied ("km", "m"): a length says where as often as how much
    /// ("40 km south of Emerald"), so a source's lone length is no contradiction by itself.
    #[serde(default)]
    pub distance_units: Vec<String>,
    /// Words that open the breakdown of a total ("dont", "of which", "se répartissent").
    #[serde(default)]
    pub breakdown_cues: Vec<String>,
    /// Words that open a sentence with its total ("Of the 14 dead, nine were men...").
    #[serde(default)]
    pub opening_cues: Vec<String>,
    /// Words before a total stated after its parts ("for a total of", "soit au total").
    #[serde(default)]
    pub total_cues: Vec<String>,
    /// Words that make a figure a whole, near it in its sentence ("combined", "total", "coût
    /// global"): its parts may follow in the next sentence.
    #[serde(default)]
    pub whole_words: Vec<String>,
    /// Words that make a list of parts partial ("notamment", "such as", "the largest"): such a
    /// list may fall short of the total.
    #[serde(default)]
    pub partial_cues: Vec<String>,
    /// Words that close a list with the rest of a whole ("the remaining 1,100", "le solde"):
    /// the list is complete, so its total may stand in the sentence before.
    #[serde(default)]
    pub rest_cues: Vec<String>,
    /// Words between a figure and its counted noun that make it a count of the rest ("185
    /// autres candidats", "40 other pupils"): it is never compared with the whole.
    #[serde(default)]
    pub other_words: Vec<String>,
    /// Counted nouns that say only that people are counted ("personnes", "people"): such a
    /// figure may be a count of any people, as a bare figure may.
    #[serde(default)]
    pub generic_units: Vec<String>,
    /// Words that open a member of a list without a figure ("des comptables", "some
    /// nurses"): a breakdown with such a member is not complete.
    #[serde(default)]
    pub unnumbered_members: Vec<String>,
    /// Words after a percentage that make it a rate of its own base, not a share of one
    /// whole ("of its target", "de sa population").
    #[serde(default)]
    pub rate_markers: Vec<String>,
    /// Words that end what a figure's neighbouring words say of it ("un chiffre d'affaires de
    /// 1,2 milliard | et | un bénéfice net de 142,6 millions").
    #[serde(default)]
    pub context_breaks: Vec<String>,
    /// Words right before a figure (a qualifier may stand between) that make it the value it
    /// is compared with ("contre à peine 250", "up from 41"): no part of a breakdown.
    #[serde(default)]
    pub comparison_words: Vec<String>,
    /// Definite words right before a figure that name things already counted ("entre les deux
    /// pays", "the two countries"): no part of a breakdown.
    #[serde(default)]
    pub reference_words: Vec<String>,
    /// Phrases right after a figure that make it a rate ("par an", "per share"): a rate is
    /// another quantity than an amount.
    #[serde(default)]
    pub per_markers: BTreeMap<String, String>,
    /// Words that open what a counted noun is of, which may stand between the noun and its
    /// rate marker ("120,000 barrels of crude oil a day").
    #[serde(default)]
    pub of_words: Vec<String>,
    /// Words that make a sentence's figures a proposal, a demand or a forecast rather than what
    /// was decided or counted ("a proposé", "demanded", "analysts had forecast").
    #[serde(default)]
    pub stance_words: Vec<String>,
    /// Phrases that say which whole a figure is of, with its level ("au niveau national" =
    /// "national", "dans la région" = "regional"): the country's figure and the region's are
    /// two quantities.
    #[serde(default)]
    pub scope_words: BTreeMap<String, String>,
}

/// One place of the gazetteer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerEntry {
    pub name: String,
    /// country, region or city.
    pub kind: String,
    /// Other names of the place, in any language ("Maroc", "Morocco").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The name of the place that contains it.
    pub within: Option<String>,
}

/// Dates of one language: word tables, and patterns composed from them with placeholders.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatesSpec {
    #[serde(default)]
    pub weekdays: BTreeMap<String, u32>,
    #[serde(default)]
    pub day_words: BTreeMap<String, u32>,
    #[serde(default)]
    pub number_words: BTreeMap<String, u32>,
    #[serde(default)]
    pub units: BTreeMap<String, String>,
    /// Units written glued to their count ("1d ago", "in 2w"): `%UNIT_ABBR` in patterns.
    #[serde(default)]
    pub unit_abbreviations: BTreeMap<String, String>,
    #[serde(default)]
    pub next_words: Vec<String>,
    #[serde(default)]
    pub last_words: Vec<String>,
    #[serde(default)]
    pub this_words: Vec<String>,
    #[serde(default)]
    pub relative_days: BTreeMap<String, i64>,
    #[serde(default)]
    pub holidays: BTreeMap<String, String>,
    /// Ordinal words ("troisième" = 3, "dernier" = -1), for the nth day, weekday, week, quarter
    /// or half.
    #[serde(default)]
    pub ordinals: BTreeMap<String, i32>,
    /// Decades in words ("soixante-dix" = 1970).
    #[serde(default)]
    pub decades: BTreeMap<String, i32>,
    /// Days counted from another day ("lendemain" = 1, "veille" = -1).
    #[serde(default)]
    pub shift_days: BTreeMap<String, i64>,
    #[serde(default)]
    pub seasons: BTreeMap<String, String>,
    /// Parts of a month as their first and last day ("fin" = "21-31").
    #[serde(default)]
    pub month_parts: BTreeMap<String, String>,
    /// Parts of a year as their first and last month ("fin" = "11-12").
    #[serde(default)]
    pub year_parts: BTreeMap<String, String>,
    /// Parts of a year named from now ("late this year"), when they differ from `year_parts`.
    #[serde(default)]
    pub relative_year_parts: BTreeMap<String, String>,
    /// Parts of a week as their first and last day, Monday = 1 ("fin" = "4-7").
    #[serde(default)]
    pub week_parts: BTreeMap<String, String>,
    #[serde(default)]
    pub periods: BTreeMap<String, String>,
    #[serde(default)]
    pub deadline_markers: Vec<String>,
    #[serde(default)]
    pub deadline_bridges: Vec<String>,
    #[serde(default)]
    pub attributive_articles: Vec<String>,
    #[serde(default)]
    pub locale_by_domain: BTreeMap<String, String>,
    #[serde(default)]
    pub event_aliases: Vec<Vec<String>>,
    #[serde(default)]
    pub phases: Vec<Vec<String>>,
    pub min_shared_words: Option<usize>,
    pub min_overlap: Option<f64>,
    pub short_min_shared_words: Option<usize>,
    pub short_min_overlap: Option<f64>,
    pub max_gap_days: Option<i64>,
    pub recall_gap_days: Option<i64>,
    #[serde(default)]
    pub recall_markers: Vec<String>,
    #[serde(default)]
    pub comparison_markers: Vec<String>,
    pub same_kind_min_shared_words: Option<usize>,
    pub any_kind_min_shared_words: Option<usize>,
    pub clause_words: Option<usize>,
    /// The nth week of a month or year is counted from the week holding most of its first
    /// days (the ISO rule: "the first week of 2015" opens on 29 December 2014); otherwise from
    /// its first full week.
    pub weeks_by_most_days: Option<bool>,
    /// Words that open a span running up to now ("depuis", "since"): a year written in their
    /// date does not hold for the other dates of the sentence.
    #[serde(default)]
    pub since_words: Vec<String>,
    /// Words, and word endings (of words of five letters or more, `tense_exceptions` aside),
    /// that tell a sentence of the past or of what is to come: a weekday alone ("on Tuesday")
    /// is then the last one or the coming one.
    #[serde(default)]
    pub past_words: Vec<String>,
    #[serde(default)]
    pub future_words: Vec<String>,
    #[serde(default)]
    pub past_suffixes: Vec<String>,
    #[serde(default)]
    pub future_suffixes: Vec<String>,
    #[serde(default)]
    pub tense_exceptions: Vec<String>,
    pub clause_min_shared_words: Option<usize>,
    #[serde(default)]
    pub pattern: Vec<DatePatternSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatePatternSpec {
    /// absolute, relative_day, relative_weekday, relative_unit, relative_count, relative_month.
    pub kind: Spanned<String>,
    /// A text the pattern must match (run by the tests).
    pub example: String,
    pub regex: Spanned<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageSpec {
    #[serde(default)]
    pub function_words: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub months: BTreeMap<String, u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentSpec {
    pub prose_min_words: Option<usize>,
    pub prose_min_function_share: Option<f64>,
    pub sentence_end: Option<String>,
    pub headline_max_words: Option<usize>,
    pub gap_max_blocks: Option<usize>,
    pub wide_space_min: Option<usize>,
    pub join_tail_max_words: Option<usize>,
    pub time_prefix: Option<Spanned<String>>,
    pub secondary_run_min_share: Option<f64>,
    pub lede_run_min_share: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoilerplateSpec {
    #[serde(default)]
    pub line_starts: Vec<String>,
    #[serde(default)]
    pub list_markers: Vec<String>,
    #[serde(default)]
    pub contains: Vec<String>,
    #[serde(default)]
    pub byline: Vec<Spanned<String>>,
    /// The opening of a wire story's lede: a place in capitals, maybe a day, the agency in
    /// brackets and a dash ("NAIROBI, March 10 (Reuters) -"). The match is left out of the lede.
    #[serde(default)]
    pub wire_lede: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatelineSpec {
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonSpec {
    #[serde(default)]
    pub honorifics: Vec<String>,
    #[serde(default)]
    pub particles: Vec<String>,
    #[serde(default)]
    pub not_names: Vec<String>,
    #[serde(default)]
    pub determiners: Vec<String>,
    /// Ladders or role heads (by id) whose portfolios are fields of their own ("ministre de
    /// l'Équipement", "échevine du Logement"): one holder given another field by a single source
    /// is flagged.
    #[serde(default)]
    pub portfolio_offices: Vec<String>,
    /// Possessives before a bare title ("Sa directrice générale", "its chief executive"): the
    /// title is of the body the text just named, not of the story's own institution.
    #[serde(default)]
    pub possessives: Vec<String>,
    #[serde(default)]
    pub portfolio_connectors: Vec<String>,
    /// Words that give a role a portfolio of its own, a topic rather than a body ("chargée des
    /// transports", "in charge of housing"): two such portfolios of one person clash, on any
    /// ladder.
    #[serde(default)]
    pub topic_markers: Vec<String>,
    #[serde(default)]
    pub coordinators: Vec<String>,
    #[serde(default)]
    pub speech_verbs: Vec<String>,
    /// Verbs that, after a title set after a name and a comma, make the title the subject of
    /// a new clause ("Accompagnée de X, la ministre a parcouru..."): the title is not X's.
    /// Matched lowercased, accents kept ("a", not "à").
    #[serde(default)]
    pub clause_verbs: Vec<String>,
    #[serde(default)]
    pub speech_fillers: Vec<String>,
    #[serde(default)]
    pub place_prefixes: Vec<String>,
    #[serde(default)]
    pub title_adjectives: Vec<String>,
    /// Words that make a title of many holders one office ("géologue cantonal", "state
    /// geologist", "chief economist").
    #[serde(default)]
    pub office_words: Vec<String>,
    #[serde(default)]
    pub role_links: Vec<String>,
    /// Words that put the name after them in the chair of a court named just before ("la
    /// chambre, présidée par X", "the hearing, presided over by X"), or, after the name, in
    /// the chair of the court named after them ("X, qui préside les débats").
    /// Participles that may open a role set after a name and a comma ("X, nommé ministre
    /// délégué chargé du Budget", "X, newly appointed finance minister").
    #[serde(default)]
    pub appointed_words: Vec<String>,
    /// Relative pronouns that may open a role link after a name and a comma: "X, who was
    /// elected mayor of Tamale", "X, qui est devenue ministre de la Santé".
    #[serde(default)]
    pub relative_pronouns: Vec<String>,
    /// One-word role heads that are also given names ("Dean"): before a capitalised name word
    /// and after no determiner, the word starts the name ("Dean Kearney"), not a title.
    #[serde(default)]
    pub given_name_heads: Vec<String>,
    /// Words of a role link that put the role in the future ("will become", "deviendra"): a
    /// role to come is not the title the person holds now.
    #[serde(default)]
    pub future_words: Vec<String>,
    /// Words after a number that make it an age set beside a name ("Yassine Ben Romdhane, 17
    /// ans,", "âgé de 17 ans"; "," for the English "Jhon Quispe, 34,"): a person's name.
    #[serde(default)]
    pub age_words: Vec<String>,
    /// What, right after a title set after a name, makes the title a verb ("X, juge « réaliste »",
    /// "X, juge que…"): no role of X.
    #[serde(default)]
    pub verb_after_head: Vec<String>,
    #[serde(default)]
    pub presiding_before: Vec<String>,
    #[serde(default)]
    pub presiding_after: Vec<String>,
    /// The bodies a presiding judge chairs ("tribunal", "hearing").
    #[serde(default)]
    pub presiding_bodies: Vec<String>,
    /// The role such a chair holds, one of the role heads' forms ("presiding judge").
    pub presiding_role: Option<Spanned<String>>,
    #[serde(default)]
    pub former_markers: Vec<String>,
    #[serde(default)]
    pub role_strip: Vec<Spanned<String>>,
    #[serde(default)]
    pub role_stop_words: Vec<String>,
    #[serde(default)]
    pub generic_bodies: Vec<String>,
    #[serde(default)]
    pub rank_modifiers: Vec<RankModifierSpec>,
    #[serde(default)]
    pub role_heads: Vec<RoleHeadSpec>,
    #[serde(default)]
    pub transliterations: Vec<(String, String)>,
    pub surname_min_similarity: Option<f64>,
    pub portfolio_min_overlap: Option<f64>,
    pub stem_length: Option<usize>,
    pub period_days: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankModifierSpec {
    pub id: String,
    pub forms: Vec<String>,
    /// The rank makes another title, not another office: a "ministre délégué" of a portfolio
    /// and the "ministre" of it are one office for the role check, two titles for the title check.
    #[serde(default)]
    pub same_office: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleHeadSpec {
    pub id: String,
    pub forms: Vec<String>,
    /// Heads on one ladder are incompatible titles for one person (minister vs secretary of state).
    pub ladder: Option<String>,
    /// Whether the office has one holder at a time; only such offices can conflict.
    #[serde(default = "yes")]
    pub unique: bool,
    /// The head alone names the office, without a portfolio ("le Chef du gouvernement").
    #[serde(default)]
    pub alone: bool,
    /// Ladders whose titles one holder of this head may also be given: the "présidente" of a
    /// court is its judge.
    #[serde(default)]
    pub compatible: Vec<String>,
    /// The head (by id) this one names when a capitalised portfolio word stands right before
    /// it: "Transportation Secretary" is a minister, "the club secretary" is not.
    #[serde(default)]
    pub after_portfolio: Option<String>,
}

fn yes() -> bool {
    true
}

/// An entry of an entity lexicon (rules/entities/*.toml).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitySpec {
    pub name: String,
    #[serde(default)]
    pub variants: Vec<String>,
    pub role: Option<String>,
}
