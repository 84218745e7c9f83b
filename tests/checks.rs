//! Snapshot tests per check: each check has a folder of articles that must be flagged and one
//! of look-alikes that must not, under tests/fixtures/checks/<check>/.
use std::path::{Path, PathBuf};

use factlint::rules::config::Config;
use factlint::run::{analyze, RunOptions};

/// Findings of one fixture story, one line each: rule, message, and every location's file and text.
fn findings(dir: &str) -> String {
    let path = PathBuf::from("tests/fixtures/checks").join(dir);
    let config = Config::discover(&path)
        .map(|p| Config::load(&p, &factlint::compare::check_ids()).expect("fixture config loads"))
        .unwrap_or_default();
    let rules =
        factlint::rules::load(&config.rule_dirs, &config.entity_files).expect("default rules load");
    let opts = RunOptions {
        paths: vec![path],
        report_unused_suppressions: true,
        ..Default::default()
    };
    let an = analyze(&opts, &rules, true);
    let mut out = String::new();
    for f in &an.findings {
        out.push_str(&format!(
            "{} [{}] {}\n",
            f.rule,
            f.severity.as_str(),
            f.message
        ));
        for l in &f.locations {
            let a = &an.articles[l.article];
            let file = Path::new(&a.path).file_name().unwrap().to_string_lossy();
            out.push_str(&format!(
                "  {}{} «{}»\n",
                if l.primary { "*" } else { " " },
                file,
                &a.text[l.start..l.end]
            ));
        }
    }
    if out.is_empty() {
        out.push_str("(no findings)\n");
    }
    out
}

macro_rules! check_case {
    ($name:ident, $dir:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(findings($dir));
        }
    };
}

check_case!(name_variant_flag, "person.name-variant/flag");
check_case!(name_variant_no_flag, "person.name-variant/no-flag");
// An initial for the given name: "R. Muthulaxmi" is a variant of "R. Muthulakshmi"...
check_case!(
    name_variant_flag_initial,
    "person.name-variant/flag-initial"
);
// ...and "M. L. Diallo" a shorter form of "Mamadou Lamine Diallo".
check_case!(
    name_variant_no_flag_initial,
    "person.name-variant/no-flag-initial"
);
// One surname in one office in every source: a wrong given name, not a second governor.
check_case!(
    name_variant_flag_given_name,
    "person.name-variant/flag-given-name"
);
// A possessor before a name ("Ethiopia's") is not part of it; "had said" is speech.
check_case!(
    name_variant_flag_possessive,
    "person.name-variant/flag-possessive"
);
// A full name confirmed as a person's by its surname standing alone later in the article.
check_case!(
    name_variant_flag_surname_only,
    "person.name-variant/flag-surname-only"
);
// A particle left out of a full name is a misspelling.
check_case!(
    name_variant_flag_particle,
    "person.name-variant/flag-particle"
);
// "South Africa" is not a person because "Africa" stands alone.
check_case!(
    name_variant_no_flag_place,
    "person.name-variant/no-flag-place"
);
// "le juge fédéral X": an adjective of the title between the head and the name.
check_case!(
    name_variant_flag_title_adjective,
    "person.name-variant/flag-title-adjective"
);
// "the Twin Otter" cut to "Otter" by its determiner is no surname standing alone.
check_case!(name_variant_no_flag_cut, "person.name-variant/no-flag-cut");
check_case!(role_conflict_flag, "person.role-conflict/flag");
check_case!(role_conflict_no_flag, "person.role-conflict/no-flag");
// "the union's general secretary" is the office another source names in full.
check_case!(
    role_conflict_flag_generic_body,
    "person.role-conflict/flag-generic-body"
);
// A bare title names the story's own institution; one source against one is no majority.
check_case!(role_conflict_flag_bare, "person.role-conflict/flag-bare");
// A date in a clause of a long sentence about something else: the clauses before the dates
// match ("the Tana River broke its banks on").
check_case!(date_conflict_flag_clause, "date.conflict/flag-clause");
// "X becomes Minister for Health": a role joined to the name by a linking verb; "X is the son
// of the former health minister" is no role of X.
check_case!(
    role_conflict_flag_linked,
    "person.role-conflict/flag-linked"
);
check_case!(
    role_conflict_no_flag_bare,
    "person.role-conflict/no-flag-bare"
);
check_case!(title_conflict_flag, "person.title-conflict/flag");
check_case!(title_conflict_no_flag, "person.title-conflict/no-flag");
// Another office on another ladder, by one source against three: a club's president for its
// sporting director.
check_case!(
    title_conflict_flag_ladder,
    "person.title-conflict/flag-ladder"
);
check_case!(title_conflict_flag_club, "person.title-conflict/flag-club");
// A grade beside an office ("le colonel X, directeur du SDIS") is no second title.
check_case!(
    title_conflict_no_flag_grade,
    "person.title-conflict/no-flag-grade"
);
// Two grades of one officer clash, also when an office follows the name ("le lieutenant X,
// chef de la brigade") or the grade is an abbreviated honorific ("Supt Brendan Walsh").
check_case!(
    title_conflict_flag_grade,
    "person.title-conflict/flag-grade"
);
check_case!(
    title_conflict_flag_rank_abbreviation,
    "person.title-conflict/flag-rank-abbreviation"
);
// Two fields one person is in charge of: "chargée des routes" against "chargée de la culture".
check_case!(
    title_conflict_flag_topic,
    "person.title-conflict/flag-topic"
);
// A "ministre délégué à la Santé" is not the "ministre de la Santé".
check_case!(
    title_conflict_flag_delegate,
    "person.title-conflict/flag-delegate"
);
// "substitut du procureur général": a rank word joined to the head by "du".
check_case!(
    title_conflict_flag_connector,
    "person.title-conflict/flag-connector"
);
check_case!(non_canonical_flag, "person.non-canonical/flag");
check_case!(non_canonical_no_flag, "person.non-canonical/no-flag");
check_case!(date_conflict_flag, "date.conflict/flag");
check_case!(date_conflict_no_flag, "date.conflict/no-flag");
// Two stated ranges of days that overlap but differ, one written with weekdays.
check_case!(date_conflict_flag_ranges, "date.conflict/flag-ranges");
// "the Oct. 28 by-election" dates the by-election, not the recount of its sentence.
check_case!(
    date_conflict_no_flag_attributive,
    "date.conflict/no-flag-attributive"
);
// Two stated spans of months must be the same span; a year inside a stated span of years fits it.
check_case!(date_conflict_flag_spans, "date.conflict/flag-spans");
check_case!(date_conflict_no_flag_spans, "date.conflict/no-flag-spans");
// One day and month with two years: a slip of the year.
check_case!(date_conflict_flag_year_slip, "date.conflict/flag-year-slip");
// An earlier event that the sources recall in matching sentences, with another year in one.
check_case!(date_conflict_flag_recalled, "date.conflict/flag-recalled");
// Years apart, one source against one is no majority.
check_case!(
    date_conflict_no_flag_recalled_split,
    "date.conflict/no-flag-recalled-split"
);
// "jusqu'au jeudi 20 novembre" bounds the strike; it does not date its start.
check_case!(date_conflict_no_flag_until, "date.conflict/no-flag-until");
// Two moments both sources know: one writes the seizure and the briefing, the other only the
// seizure, with the briefing "two days later".
check_case!(
    date_conflict_no_flag_other_moment,
    "date.conflict/no-flag-other-moment"
);
// "hier" in an article of 4 June is 3 June: not the 2 June of the other sources.
check_case!(date_conflict_flag_named_day, "date.conflict/flag-named-day");
// "hier" that is the other sources' day, and "hier" beside another date (the day of the telling).
check_case!(
    date_conflict_no_flag_named_day,
    "date.conflict/no-flag-named-day"
);
// One month written with two years, one source against one: a slip of the year.
check_case!(date_conflict_flag_slip_pair, "date.conflict/flag-slip-pair");
// "Abidjan, 5 juin 2025 (AFP) -" dates the dispatch, not the strike.
check_case!(
    date_conflict_no_flag_dateline,
    "date.conflict/no-flag-dateline"
);
check_case!(weekday_mismatch_flag, "date.weekday-mismatch/flag");
check_case!(weekday_mismatch_no_flag, "date.weekday-mismatch/no-flag");
check_case!(impossible_flag, "date.impossible/flag");
check_case!(impossible_no_flag, "date.impossible/no-flag");
// Three sources give one minister a portfolio, a fourth another one.
check_case!(
    title_conflict_flag_portfolio,
    "person.title-conflict/flag-portfolio"
);
check_case!(figure_conflict_flag, "figure.conflict/flag");
check_case!(figure_conflict_no_flag, "figure.conflict/no-flag");
// A scaled figure in the currency just named, a death toll without a noun after it, and an open
// band ("at least Sh150 million") that does not make its article agree.
check_case!(figure_conflict_flag_elided, "figure.conflict/flag-elided");
// A rate beside an amount, a figure the odd article states too ("seven of the nine counts"),
// and a past quake recalled with its own date.
check_case!(
    figure_conflict_no_flag_rates,
    "figure.conflict/no-flag-rates"
);
// The region's figure beside the country's: "dans la région" against "au niveau national".
check_case!(
    figure_conflict_no_flag_scope,
    "figure.conflict/no-flag-scope"
);
// "An estimated 74,000" against "around 47,000" twice: swapped digits, rounded or not; the two
// majority sources join by their equal figure.
check_case!(
    figure_conflict_flag_rounded_slip,
    "figure.conflict/flag-rounded-slip"
);
check_case!(sum_mismatch_flag, "figure.sum-mismatch/flag");
check_case!(sum_mismatch_no_flag, "figure.sum-mismatch/no-flag");
check_case!(sum_mismatch_flag_across, "figure.sum-mismatch/flag-across");
check_case!(
    sum_mismatch_no_flag_across,
    "figure.sum-mismatch/no-flag-across"
);
check_case!(place_conflict_flag, "place.conflict/flag");
check_case!(place_conflict_no_flag, "place.conflict/no-flag");
check_case!(
    place_conflict_flag_venue_name,
    "place.conflict/flag-venue-name"
);
check_case!(
    place_conflict_flag_venue_town,
    "place.conflict/flag-venue-town"
);
check_case!(
    place_conflict_no_flag_landmark,
    "place.conflict/no-flag-landmark"
);
// "lancée hier, mardi 6 mai, à Maroua": the date set off by commas does not hide the clause.
check_case!(
    place_conflict_flag_date_clause,
    "place.conflict/flag-date-clause"
);
// "at Kiboko junction": a spot named after its town is that town; a hospital's town read from
// its name is no second reading of the crash's place.
// A source outside the event's group that names the majority's town plainly is located too.
check_case!(place_conflict_flag_site, "place.conflict/flag-site");
check_case!(place_conflict_flag_heading, "place.conflict/flag-heading");
check_case!(
    place_conflict_flag_two_towns,
    "place.conflict/flag-two-towns"
);
// "devant le tribunal de Sinfra": an institution named after its town places the event there.
check_case!(place_conflict_flag_seat, "place.conflict/flag-seat");
// An earlier quake recalled in a pluperfect sentence ("qui avait frappé Port-Vila en décembre
// 2024") is not this quake's date; the story's other findings are listed too.
check_case!(
    date_conflict_no_flag_recalled,
    "date.conflict/no-flag-recalled"
);
// A misspelt rule id in a suppression: it silences nothing and is reported where it is written.
check_case!(unknown_rule_flag, "factlint.unknown-rule/flag");
check_case!(unknown_rule_no_flag, "factlint.unknown-rule/no-flag");
check_case!(unused_suppression_flag, "factlint.unused-suppression/flag");
check_case!(
    unused_suppression_no_flag,
    "factlint.unused-suppression/no-flag"
);

#[test]
fn every_check_has_a_fixture_folder_and_documentation() {
    for c in factlint::compare::CHECKS {
        let dir = Path::new("tests/fixtures/checks").join(c.id);
        assert!(
            dir.join("flag").is_dir() && dir.join("no-flag").is_dir(),
            "no fixtures for {}",
            c.id
        );
        assert!(
            c.doc().contains("## What it does"),
            "{} has no documentation",
            c.id
        );
    }
}

#[test]
fn every_rule_file_is_embedded() {
    let mut on_disk = Vec::new();
    let mut stack = vec![PathBuf::from("rules")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                on_disk.push(
                    p.strip_prefix("rules")
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    on_disk.sort();
    let embedded: Vec<String> = factlint::rules::DEFAULT_RULES
        .iter()
        .map(|(r, _)| r.to_string())
        .collect();
    assert_eq!(on_disk, embedded);
}

#[test]
fn every_date_pattern_matches_its_example() {
    let rules = factlint::rules::load(&[], &[]).unwrap();
    for (code, lang) in &rules.langs {
        assert!(!lang.dates.patterns.is_empty(), "{code} has date patterns");
        for p in &lang.dates.patterns {
            let m = p.regex.find(&p.example);
            assert!(
                m.is_some_and(|m| m.as_str().trim() == p.example.trim()),
                "{code}: pattern does not match its example «{}»",
                p.example
            );
        }
    }
}
check_case!(
    title_conflict_flag_academic,
    "person.title-conflict/flag-academic"
);
check_case!(
    title_conflict_no_flag_clause,
    "person.title-conflict/no-flag-clause"
);
check_case!(
    role_conflict_flag_generic_bare,
    "person.role-conflict/flag-generic-bare"
);
check_case!(
    date_conflict_no_flag_full_date,
    "date.conflict/no-flag-full-date"
);
check_case!(
    figure_conflict_flag_two_quantities,
    "figure.conflict/flag-two-quantities"
);
check_case!(
    figure_conflict_flag_generic_noun,
    "figure.conflict/flag-generic-noun"
);
check_case!(sum_mismatch_flag_rest, "figure.sum-mismatch/flag-rest");
check_case!(
    figure_conflict_no_flag_capacity,
    "figure.conflict/no-flag-capacity"
);
check_case!(
    date_conflict_no_flag_figure_year,
    "date.conflict/no-flag-figure-year"
);
check_case!(
    place_conflict_flag_apposition,
    "place.conflict/flag-apposition"
);
check_case!(
    date_conflict_flag_clause_pick,
    "date.conflict/flag-clause-pick"
);
check_case!(
    role_conflict_flag_joined_body,
    "person.role-conflict/flag-joined-body"
);
check_case!(date_conflict_no_flag_spread, "date.conflict/no-flag-spread");
check_case!(date_conflict_no_flag_since, "date.conflict/no-flag-since");
check_case!(
    date_conflict_flag_weekday_past,
    "date.conflict/flag-weekday-past"
);
check_case!(
    figure_sum_mismatch_no_flag_compared,
    "figure.sum-mismatch/no-flag-compared"
);
check_case!(
    title_conflict_flag_doctor,
    "person.title-conflict/flag-doctor"
);
check_case!(
    title_conflict_no_flag_both_held,
    "person.title-conflict/no-flag-both-held"
);
check_case!(
    name_variant_flag_two_particles,
    "person.name-variant/flag-two-particles"
);
check_case!(
    role_conflict_flag_one_body,
    "person.role-conflict/flag-one-body"
);
check_case!(
    title_conflict_flag_portfolio_word,
    "person.title-conflict/flag-portfolio-word"
);
check_case!(date_conflict_flag_closure, "date.conflict/flag-closure");
check_case!(place_conflict_flag_district, "place.conflict/flag-district");
check_case!(sum_mismatch_flag_kinds, "figure.sum-mismatch/flag-kinds");
check_case!(
    date_conflict_flag_tense_pick,
    "date.conflict/flag-tense-pick"
);
check_case!(
    place_conflict_flag_district_located,
    "place.conflict/flag-district-located"
);
check_case!(
    sum_mismatch_no_flag_partial_of_these,
    "figure.sum-mismatch/no-flag-partial-of-these"
);
check_case!(
    sum_mismatch_flag_comprised,
    "figure.sum-mismatch/flag-comprised"
);
check_case!(
    sum_mismatch_no_flag_reference,
    "figure.sum-mismatch/no-flag-reference"
);
check_case!(
    figure_conflict_no_flag_region_whole,
    "figure.conflict/no-flag-region-whole"
);
check_case!(
    figure_conflict_no_flag_other_speaker,
    "figure.conflict/no-flag-other-speaker"
);
check_case!(
    place_conflict_no_flag_lettered_block,
    "place.conflict/no-flag-lettered-block"
);
// "géologue cantonal": an office word makes a title of many holders one office.
check_case!(
    role_conflict_flag_office_word,
    "person.role-conflict/flag-office-word"
);
check_case!(
    role_conflict_no_flag_expert,
    "person.role-conflict/no-flag-expert"
);
// "ditched": an accident told by its verb; "until at least" a deadline, not the event.
check_case!(
    date_conflict_flag_accident_verb,
    "date.conflict/flag-accident-verb"
);
// One digit changed, however differently the figure is introduced.
check_case!(
    figure_conflict_flag_one_digit,
    "figure.conflict/flag-one-digit"
);
check_case!(
    figure_conflict_flag_fee_typo,
    "figure.conflict/flag-fee-typo"
);
// A running total ("since January") and a part of a list are other quantities than one haul
// and the whole; "ships" and "vessels" count one thing.
check_case!(
    figure_conflict_no_flag_running_total,
    "figure.conflict/no-flag-running-total"
);
check_case!(
    figure_conflict_no_flag_list_part,
    "figure.conflict/no-flag-list-part"
);
check_case!(
    figure_conflict_flag_unit_alias,
    "figure.conflict/flag-unit-alias"
);
check_case!(sum_mismatch_flag_soit, "figure.sum-mismatch/flag-soit");
check_case!(
    sum_mismatch_no_flag_other_paragraph,
    "figure.sum-mismatch/no-flag-other-paragraph"
);
// A landmark the event is measured from is not its place; a town named after a venue's proper
// name ("stade Ahmadou-Ahidjo de Yaoundé") is, and "à Yaoundé" is no surname.
check_case!(place_conflict_flag_landmark, "place.conflict/flag-landmark");
check_case!(
    place_conflict_flag_venue_proper_name,
    "place.conflict/flag-venue-proper-name"
);
// Another body's chair beside the council's: "Federated Farmers' regional president", "chair
// of Te Rūnanga o Ngāti Pareroa" (a body, not a name).
check_case!(
    role_conflict_flag_other_body_beside,
    "person.role-conflict/flag-other-body-beside"
);
// A portfolio in lowercase words after a connector: "la directrice des opérations X".
check_case!(
    title_conflict_flag_lowercase_portfolio,
    "person.title-conflict/flag-lowercase-portfolio"
);
// "soit 49,0 %" restates a figure: no list opens after it.
check_case!(
    sum_mismatch_no_flag_soit_share,
    "figure.sum-mismatch/no-flag-soit-share"
);
// A sub-prefect is another office than the prefect.
check_case!(
    title_conflict_flag_sub_prefect,
    "person.title-conflict/flag-sub-prefect"
);
// "towed back to", "brought into": verbs of motion place the event's end in a town.
check_case!(place_conflict_flag_towed_to, "place.conflict/flag-towed-to");
// Swapped digits three times apart ("41" for "14") stay one figure mistyped.
check_case!(
    figure_conflict_flag_swapped_far,
    "figure.conflict/flag-swapped-far"
);
// "La chambre, présidée par X": a court's chair is its judge; two sources name one, a third
// another. A board "présidé par" someone is no court.
check_case!(
    role_conflict_flag_presided_by,
    "person.role-conflict/flag-presided-by"
);
check_case!(
    role_conflict_no_flag_presided_board,
    "person.role-conflict/no-flag-presided-board"
);
// "La présidente Aminata Bamba" of a trial is the judge others name.
check_case!(
    title_conflict_no_flag_judge_called_president,
    "person.title-conflict/no-flag-judge-called-president"
);
// "Sandrine Fabre, juge « réaliste »": a verb, not a title.
check_case!(
    title_conflict_no_flag_judge_verb,
    "person.title-conflict/no-flag-judge-verb"
);
// "Retirés depuis 2024": when a run of things began, not the year of one of them.
check_case!(
    date_conflict_no_flag_since_year,
    "date.conflict/no-flag-since-year"
);
// "21,400 students, of whom 14,900 ...": parts that make 21,700.
check_case!(
    sum_mismatch_flag_of_whom,
    "figure.sum-mismatch/flag-of-whom"
);
// A sentence naming the court's town and the mine's chains two events; the hearing's town is
// read on its own.
check_case!(
    place_conflict_flag_chained_events,
    "place.conflict/flag-chained-events"
);
// A headline's town supports the one body that gives it; alone, it supports nothing.
check_case!(
    place_conflict_flag_headline_support,
    "place.conflict/flag-headline-support"
);
check_case!(
    place_conflict_no_flag_headline_alone,
    "place.conflict/no-flag-headline-alone"
);
// "147 long-finned pilot whales" counts whales: "174" is a slip of it.
check_case!(
    figure_conflict_flag_head_noun,
    "figure.conflict/flag-head-noun"
);
// "19 league goals" is not "more than 20 goals".
check_case!(
    figure_conflict_no_flag_modified_count,
    "figure.conflict/no-flag-modified-count"
);
// The cost per ounce meets the cost per ounce, not the price per ounce beside it.
check_case!(
    figure_conflict_flag_closest_sentence,
    "figure.conflict/flag-closest-sentence"
);
// A headline's "station éolienne de Dakhla" is at Dakhla, and supports the body that says so.
check_case!(
    place_conflict_flag_facility_town,
    "place.conflict/flag-facility-town"
);
// "Au-dessus d'Arolla" and "au-dessus de Zinal": two landmarks for one avalanche.
check_case!(
    place_conflict_flag_above_landmark,
    "place.conflict/flag-above-landmark"
);
// "X, nommé ministre délégué chargé du Budget" and "X, originaire de Louga, devient ministre
// du Budget": roles after a participle and after a short aside.
check_case!(
    title_conflict_flag_aside_link,
    "person.title-conflict/flag-aside-link"
);
// Three sources name a person director of one body, a fourth deputy minister: no shared body
// is needed against so clear a majority.
check_case!(
    title_conflict_flag_strong_majority_other_body,
    "person.title-conflict/flag-strong-majority-other-body"
);
check_case!(
    name_variant_flag_joined_titles,
    "person.name-variant/flag-joined-titles"
);
check_case!(
    place_conflict_flag_ashore_at,
    "place.conflict/flag-ashore-at"
);
check_case!(
    title_conflict_no_flag_joined_titles,
    "person.title-conflict/no-flag-joined-titles"
);
check_case!(
    figure_conflict_flag_rate_after_of,
    "figure.conflict/flag-rate-after-of"
);
check_case!(
    figure_conflict_flag_nested_modifier,
    "figure.conflict/flag-nested-modifier"
);
check_case!(
    place_conflict_flag_split_pair,
    "place.conflict/flag-split-pair"
);
check_case!(
    place_conflict_no_flag_split_pair_no_event,
    "place.conflict/no-flag-split-pair-no-event"
);
check_case!(
    place_conflict_flag_two_towns_one_landmark,
    "place.conflict/flag-two-towns-one-landmark"
);
check_case!(
    name_variant_flag_given_name_head,
    "person.name-variant/flag-given-name-head"
);
check_case!(
    sum_mismatch_flag_opener_after_colon,
    "figure.sum-mismatch/flag-opener-after-colon"
);
check_case!(
    sum_mismatch_no_flag_opener_after_colon,
    "figure.sum-mismatch/no-flag-opener-after-colon"
);
// "At least 68" twice, "68" once, "86" once: the open band overlaps 86, but 86 is 68 with its
// digits swapped, a slip.
check_case!(
    figure_conflict_flag_open_band_slip,
    "figure.conflict/flag-open-band-slip"
);
// "At least 68" beside "71": a count above the floor, not a slip.
check_case!(
    figure_conflict_no_flag_open_band_above,
    "figure.conflict/no-flag-open-band-above"
);
// "a 780-megawatt reactor" counts megawatts, as "880 megawatts" does.
check_case!(
    figure_conflict_flag_hyphenated_unit,
    "figure.conflict/flag-hyphenated-unit"
);
// "$620-million": the scale word joined by a hyphen.
check_case!(
    figure_conflict_flag_hyphenated_scale,
    "figure.conflict/flag-hyphenated-scale"
);
// "a 34-year-old firefighter", "a 43-year-old": ages are not compared.
check_case!(figure_conflict_no_flag_ages, "figure.conflict/no-flag-ages");
// "Home Affairs and Internal Security Minister" is the office "Home Affairs Minister" names.
check_case!(
    role_conflict_flag_coordinated_portfolio,
    "person.role-conflict/flag-coordinated-portfolio"
);
// "Finance Minister Jane Mwale and Peter James Oduya": the second name holds no title.
check_case!(
    role_conflict_no_flag_coordinated_name,
    "person.role-conflict/no-flag-coordinated-name"
);
// "Cabinet Secretary for Tourism and Wildlife" and "Tourism and Wildlife Cabinet Secretary".
check_case!(
    title_conflict_no_flag_coordinated_portfolio,
    "person.title-conflict/no-flag-coordinated-portfolio"
);
// "la présidente d'Anniviers" is "la présidente de la commune".
check_case!(
    title_conflict_no_flag_commune_president,
    "person.title-conflict/no-flag-commune-president"
);
// "**APIA, 7 March 2026** —": a dateline in Markdown emphasis dates the dispatch.
check_case!(
    date_conflict_no_flag_markdown_dateline,
    "date.conflict/no-flag-markdown-dateline"
);
// "Lieutenant Governor", "lieutenante-gouverneure": a deputy's office, not the governor's.
check_case!(
    role_conflict_no_flag_lieutenant_governor,
    "person.role-conflict/no-flag-lieutenant-governor"
);
// "185 autres candidats": the rest of the 186, not another count of them.
check_case!(
    figure_conflict_no_flag_other_count,
    "figure.conflict/no-flag-other-count"
);
// "chef de la délégation tunisienne", "chef de la délégation marocaine": two offices.
check_case!(
    role_conflict_no_flag_two_delegations,
    "person.role-conflict/no-flag-two-delegations"
);
// "Transportation Secretary" is a minister's title; "Transportation Undersecretary" is not.
check_case!(
    title_conflict_flag_portfolio_secretary,
    "person.title-conflict/flag-portfolio-secretary"
);
// "Commissioner of Police" and "police commissioner" name one office.
check_case!(
    role_conflict_flag_police_commissioner,
    "person.role-conflict/flag-police-commissioner"
);
// "21 rhinos (13 females and 9 males)": a breakdown in brackets.
check_case!(
    sum_mismatch_flag_bracketed,
    "figure.sum-mismatch/flag-bracketed"
);
// A conversion in brackets, and figures after the closing bracket, are no parts.
check_case!(
    sum_mismatch_no_flag_bracketed_other,
    "figure.sum-mismatch/no-flag-bracketed-other"
);
// "Yassine Ben Romdhane, 17 ans": an age beside a name confirms a person, whose name is then
// compared though no source gives a title.
check_case!(
    name_variant_flag_age_apposition,
    "person.name-variant/flag-age-apposition"
);
// "P15.7-billion" and "17.5 billion pesos": one currency; "P1 qualifying" is none.
check_case!(
    figure_conflict_flag_peso_sign,
    "figure.conflict/flag-peso-sign"
);
// "le bilan arrêté au samedi 9 mai": the date a count stands at, not the epidemic's.
check_case!(
    date_conflict_no_flag_count_date,
    "date.conflict/no-flag-count-date"
);
// "As of May 9": the same in English.
check_case!(
    date_conflict_no_flag_count_date_en,
    "date.conflict/no-flag-count-date-en"
);
// "The 10,900 residents ... include 4,300 ..., 3,800 ... and 2,300": a verb opens the list.
check_case!(
    sum_mismatch_flag_include,
    "figure.sum-mismatch/flag-include"
);
// A larger figure after the list ("à 296 400") is of another clause, not the total's part.
check_case!(
    sum_mismatch_flag_larger_after_list,
    "figure.sum-mismatch/flag-larger-after-list"
);
// "The 240 staff include 36 doctors and 24 nurses": a sample, not the breakdown.
check_case!(
    sum_mismatch_no_flag_include_sample,
    "figure.sum-mismatch/no-flag-include-sample"
);
// A quote may open the sentence whose opener gives the total ("\"Of the 38 pupils, ...").
check_case!(
    sum_mismatch_flag_quoted_opener,
    "figure.sum-mismatch/flag-quoted-opener"
);
// Two towns set before one province ("Capas, Tarlac"; "Tarlac City, Tarlac") are two places;
// a chain ("Barangay San Roque, Tarlac City"; "Tarlac City, Tarlac") is one.
check_case!(
    place_conflict_flag_sibling_towns,
    "place.conflict/flag-sibling-towns"
);
check_case!(
    place_conflict_no_flag_town_chain,
    "place.conflict/no-flag-town-chain"
);
// A venue's qualified proper name ends with its town ("l'hôpital régional Sainte-Thérèse de
// Hinche").
check_case!(
    place_conflict_flag_venue_qualified_name,
    "place.conflict/flag-venue-qualified-name"
);
// "at Lamu airstrip" places the event at Lamu.
check_case!(place_conflict_flag_airstrip, "place.conflict/flag-airstrip");
// "exige 2,5 millions" is a demand as "réclament 1,5 million" is: the two are compared.
check_case!(
    figure_conflict_flag_demand_stance,
    "figure.conflict/flag-demand-stance"
);
// "le syndic Philippe Gindroz au micro de Radio Lac Info": the title is Gindroz's, not the
// outlet's, so the article names one holder of the office.
check_case!(
    role_conflict_flag_title_before_two_names,
    "person.role-conflict/flag-title-before-two-names"
);
// Sources that all announce a day to come, beside one giving a day already past when they
// wrote: two moments of the story (the agreement, then its presentation to delegates).
check_case!(
    date_conflict_no_flag_later_moment,
    "date.conflict/no-flag-later-moment"
);
// A total of one part's kind, above every part: "The 3,100 striking workers include 1,800
// underground miners, 700 plant operators and 400 maintenance workers".
check_case!(
    sum_mismatch_flag_kind_of_total,
    "figure.sum-mismatch/flag-kind-of-total"
);
// A cue with no figure before it gives way to a later one with the total before it ("le
// montage est le suivant : 64 millions d'euros au total, dont...").
check_case!(
    sum_mismatch_flag_later_cue,
    "figure.sum-mismatch/flag-later-cue"
);
// "Rincón de los Sauces": two connectors in a row inside a place's name.
check_case!(
    place_conflict_flag_two_connectors,
    "place.conflict/flag-two-connectors"
);
// A continent holds the towns of its sources ("unearthed in South America").
check_case!(
    place_conflict_no_flag_continent,
    "place.conflict/no-flag-continent"
);
// One named venue or firm set in two towns ("Hillcrest State College in Roma", "... in Dalby"
// thrice; "l'entreprise Chimeuse, à Aywaille"), with or without an event.
check_case!(
    place_conflict_flag_named_place,
    "place.conflict/flag-named-place"
);
check_case!(
    place_conflict_flag_named_place_fr,
    "place.conflict/flag-named-place-fr"
);
// A region or a country holds the venue's town.
check_case!(
    place_conflict_no_flag_named_place_region,
    "place.conflict/no-flag-named-place-region"
);
// One title read two ways ("Chief District Officer X", "X, the chief district officer of
// Gorkha"): the same words before the body, whatever head each reading found.
check_case!(
    title_conflict_no_flag_same_title_two_ways,
    "person.title-conflict/no-flag-same-title-two-ways"
);
// "Tasmania's Chief Medical Officer" is the "Chief Medical Officer" of the others, whatever
// head it was read with: the one odd title is "Health Minister".
check_case!(
    title_conflict_flag_body_before_title,
    "person.title-conflict/flag-body-before-title"
);
// A toll takes the state of its people: "two people were killed" meets "three people were
// confirmed dead", whatever else their sentences say.
check_case!(
    figure_conflict_flag_toll_state,
    "figure.conflict/flag-toll-state"
);
// The dead are not the injured.
check_case!(
    figure_conflict_no_flag_toll_states,
    "figure.conflict/no-flag-toll-states"
);
// Every source but one gives "₱18.5 billion"; the one gives "₱21.4 billion" and nothing else of
// that currency.
check_case!(
    figure_conflict_flag_lone_figure,
    "figure.conflict/flag-lone-figure"
);
// "MW" is a counted unit though written with capitals.
check_case!(
    figure_conflict_flag_unit_symbol,
    "figure.conflict/flag-unit-symbol"
);
// A lone length says where, not how much.
check_case!(
    figure_conflict_no_flag_lone_distance,
    "figure.conflict/no-flag-lone-distance"
);
// A lone figure of a past year is another event's.
check_case!(
    figure_conflict_no_flag_lone_past_year,
    "figure.conflict/no-flag-lone-past-year"
);
// One source against one, but two more sources give one of the two days, weekday written, in
// sentences the event's words missed: that day is the majority's.
check_case!(
    date_conflict_flag_tie_backed,
    "date.conflict/flag-tie-backed"
);
// "Une étude de l'Université de Lausanne, présentée à Sion": the university's town does not vote
// for Lausanne in a source that places the event elsewhere.
check_case!(
    place_conflict_flag_seat_does_not_vote,
    "place.conflict/flag-seat-does-not-vote"
);
// "Today Sliema is grieving": a time word opening a quote is no given name, so the town it is
// put before stays a place.
check_case!(
    place_conflict_flag_time_word_quote,
    "place.conflict/flag-time-word-quote"
);
// "quatre stations intermédiaires" are some of the "six stations": an adjective after the noun
// says which ones.
check_case!(
    figure_conflict_no_flag_post_modifier,
    "figure.conflict/no-flag-post-modifier"
);
// A source that gives the day as the end of a period ("dure jusqu'au 13 mars") is located with
// the majority.
check_case!(date_conflict_flag_until, "date.conflict/flag-until");
// A total given as a floor ("at least 41 people have died"): parts short of it are a slip,
// parts above it are not.
check_case!(
    figure_sum_mismatch_flag_floor,
    "figure.sum-mismatch/flag-floor"
);
check_case!(
    figure_sum_mismatch_no_flag_floor,
    "figure.sum-mismatch/no-flag-floor"
);
// Bare amounts listed after a sum of money are that money; a partial cue after the last part
// tells of that part only; small bare figures are not parts of a sum of money.
check_case!(
    figure_sum_mismatch_flag_bare_money,
    "figure.sum-mismatch/flag-bare-money"
);
check_case!(
    figure_sum_mismatch_flag_dont_last_part,
    "figure.sum-mismatch/flag-dont-last-part"
);
check_case!(
    figure_sum_mismatch_no_flag_bare_small,
    "figure.sum-mismatch/no-flag-bare-small"
);
// "The remaining four sections" counts some of the sections, not all of them.
check_case!(
    figure_conflict_no_flag_pre_modifier,
    "figure.conflict/no-flag-pre-modifier"
);
// A source that gives the majority's figure without its noun ("forced 11 out of the race"),
// in a sentence about the same thing, is located with the majority.
check_case!(figure_conflict_flag_unnamed, "figure.conflict/flag-unnamed");
// A bare title after a possessive ("Sa directrice générale, X") is of the body just named: it
// is no second holder of the office the article names.
check_case!(
    person_role_conflict_flag_possessive,
    "person.role-conflict/flag-possessive"
);
// "Le patron" names the head of a company whatever the title ("PDG" elsewhere).
check_case!(
    person_title_conflict_no_flag_boss,
    "person.title-conflict/no-flag-boss"
);
// A deputy mayor's portfolio is a field of its own: one source giving another is flagged.
check_case!(
    person_title_conflict_flag_deputy_mayor_portfolio,
    "person.title-conflict/flag-deputy-mayor-portfolio"
);
// An arena is a venue, seated in the town it is named after.
check_case!(place_conflict_flag_arena, "place.conflict/flag-arena");
