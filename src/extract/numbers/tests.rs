use super::*;
use crate::extract::date::sentence_dates;

fn rules() -> &'static Rules {
    static R: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    R.get_or_init(|| crate::rules::load(&[], &[]).expect("default rules load"))
}

/// The quantities of one sentence, as the pipeline reads them: date spans first.
fn q(lang: &str, text: &str) -> Vec<(String, QuantityValue)> {
    let l = rules().lang(lang);
    let date = chrono::NaiveDate::from_ymd_opt(2025, 6, 1);
    let dates: Vec<(usize, usize)> = sentence_dates(text, l, date, date, lang == "en")
        .into_iter()
        .map(|(s, e, _)| (s, e))
        .collect();
    sentence_quantities(text, l, &dates)
        .into_iter()
        .map(|(s, e, v)| (text[s..e].to_string(), v))
        .collect()
}

fn one(lang: &str, text: &str) -> QuantityValue {
    let mut v = q(lang, text);
    assert_eq!(v.len(), 1, "{text}: {:?}", v);
    v.remove(0).1
}

fn amounts(lang: &str, text: &str) -> Vec<f64> {
    q(lang, text).into_iter().map(|(_, v)| v.amount).collect()
}

#[track_caller]
fn close(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-6 * b.abs().max(1.0), "{a} != {b}");
}

#[test]
fn french_news_figures() {
    let v = one(
        "fr",
        "Il y a désormais plus de 600 services publics numériques.",
    );
    assert_eq!(v.amount, 600.0);
    assert_eq!((v.low, v.high), (Some(600.0), None));
    assert_eq!(v.qualifier, "more_than");
    assert_eq!(v.unit.as_deref(), Some("services"));
    assert_eq!(v.kind, "cardinal");

    let v = one("fr", "La fibre couvre 5,6 millions de foyers.");
    close(v.amount, 5_600_000.0);
    close(v.low.unwrap(), 5_550_000.0);
    close(v.high.unwrap(), 5_650_000.0);
    close(v.precision, 100_000.0);
    assert_eq!(v.unit.as_deref(), Some("foyers"));
    assert_eq!(v.detail.unit_key.as_deref(), Some("foyer"));

    let v = one("fr", "Le projet a coûté 7,5 milliards de dirhams.");
    close(v.amount, 7_500_000_000.0);
    assert_eq!(v.kind, "currency");
    assert_eq!(v.unit.as_deref(), Some("MAD"));

    let v = one("fr", "Il crée 2 300 emplois.");
    assert_eq!(
        (v.amount, v.low, v.high),
        (2300.0, Some(2300.0), Some(2300.0))
    );
    assert_eq!(v.unit.as_deref(), Some("emplois"));

    let v = one("fr", "Le chantier apportera 3 200 emplois directs.");
    assert_eq!(v.amount, 3200.0);
    assert_eq!(v.unit.as_deref(), Some("emplois"));

    let v = one("fr", "Le port a traité 142 millions de tonnes.");
    close(v.amount, 142e6);
    assert_eq!(v.unit.as_deref(), Some("tonnes"));

    let v = one("fr", "Le pays a accueilli 1,2 million de touristes.");
    close(v.amount, 1.2e6);
    close(v.low.unwrap(), 1.15e6);
    assert_eq!(v.unit.as_deref(), Some("touristes"));

    let v = one("fr", "La part atteindra 25 % d'ici 2026.");
    assert_eq!(v.amount, 25.0);
    assert_eq!(v.kind, "percent");
    assert_eq!(v.unit.as_deref(), Some("%"));
    assert_eq!(v.anchor.as_deref(), Some("2026"));

    let v = q(
        "fr",
        "Objectif de 25 % de la population couverte d’ici 2026 et 70 % à l’horizon 2030.",
    );
    assert_eq!(v[0].1.anchor.as_deref(), Some("2026"));
    assert_eq!(v[1].1.anchor.as_deref(), Some("2030"));
    assert!(q("fr", "industrie X.0, sécurité").is_empty());
    let v = one("fr", "Elle vise 70 % à l'horizon 2030.");
    assert_eq!(v.anchor.as_deref(), Some("2030"));
    // Right after a comma the year is the figure's; a clause later, it is another's.
    let v = one("fr", "Elle vise 70 %, à l'horizon 2030.");
    assert_eq!(v.anchor.as_deref(), Some("2030"));
    let v = one(
        "fr",
        "Le projet, évalué à 6,4 milliards de dollars, doit entrer en service en 2031.",
    );
    assert_eq!(v.anchor, None);
}

#[test]
fn french_spaces_and_separators() {
    for text in [
        "7 650 comprimés",
        "7\u{a0}650 comprimés",
        "7\u{202f}650 comprimés",
    ] {
        assert_eq!(amounts("fr", text), vec![7650.0], "{text}");
    }
    assert_eq!(amounts("fr", "400.000 visiteurs"), vec![400_000.0]);
    close(amounts("fr", "un taux de 5,6")[0], 5.6);
    close(amounts("fr", "soit 1,234.5 tonnes")[0], 1234.5);
    close(amounts("fr", "6.700,54 euros")[0], 6700.54);
    close(amounts("fr", "3.5 points")[0], 3.5);
}

#[test]
fn english_formats() {
    let v = one("en", "The plan costs $4.5 billion.");
    close(v.amount, 4.5e9);
    assert_eq!(v.unit.as_deref(), Some("USD"));
    close(v.low.unwrap(), 4.45e9);

    let v = one("en", "About 12,000 residents were evacuated.");
    assert_eq!(v.amount, 12_000.0);
    assert_eq!(v.qualifier, "about");
    close(v.low.unwrap(), 11_400.0);
    assert_eq!(v.unit.as_deref(), Some("residents"));

    let v = one("en", "Over 300 firefighters fought the blaze.");
    assert_eq!((v.amount, v.qualifier), (300.0, "more_than"));
    assert_eq!(v.unit.as_deref(), Some("firefighters"));

    // A participle before the counted noun is skipped; standing alone, it is the unit.
    let v = one("en", "Rescuers freed 27 trapped miners on Thursday.");
    assert_eq!(v.unit.as_deref(), Some("miners"));
    assert_eq!(v.detail.unit_key.as_deref(), Some("miner"));
    let v = one("en", "The crash left 14 injured and one dead.");
    assert_eq!(v.unit.as_deref(), Some("injured"));

    close(amounts("en", "It weighs 1,234.5 tonnes")[0], 1234.5);
    close(amounts("en", "a rate of 3.5 points")[0], 3.5);
    close(amounts("en", "£3m was raised")[0], 3e6);
    close(amounts("en", "US$4.7 billion")[0], 4.7e9);
    close(amounts("en", "up 25 per cent")[0], 25.0);
    close(amounts("en", "up 25 percent")[0], 25.0);
}

#[test]
fn number_words() {
    for (t, n) in [
        ("cinq initiatives", 5.0),
        ("douze élèves", 12.0),
        ("vingt-trois blessés", 23.0),
        ("quatre-vingt-dix élèves", 90.0),
        ("soixante-et-onze morts", 71.0),
        ("quatre vingt dix neuf", 99.0),
        ("deux cent mille personnes", 200_000.0),
        ("un million de visiteurs", 1e6),
        ("neuf mille neuf cent quatre-vingt-dix-neuf", 9999.0),
        ("un million deux cent mille", 1.2e6),
        ("trois millions et demi", 3.5e6),
        ("une douzaine d'oeufs", 12.0),
    ] {
        assert_eq!(amounts("fr", t), vec![n], "{t}");
    }
    let v = one("fr", "une centaine de manifestants");
    assert_eq!((v.amount, v.qualifier), (100.0, "about"));
    for (t, n) in [
        ("five people", 5.0),
        ("twenty-one cars", 21.0),
        ("two hundred thousand people", 200_000.0),
        ("a dozen eggs", 12.0),
        ("seven hundred and twelve", 712.0),
        ("a million dollars", 1e6),
    ] {
        assert_eq!(amounts("en", t), vec![n], "{t}");
    }
}

#[test]
fn percent_and_currency_forms() {
    assert_eq!(amounts("fr", "25%"), vec![25.0]);
    let v = one("fr", "une hausse de 25 pour cent");
    assert_eq!((v.amount, v.kind), (25.0, "percent"));
    for (t, code, n) in [
        ("500 DH", "MAD", 500.0),
        ("7,5 MDH", "MAD", 7.5e6),
        ("3 MMDH", "MAD", 3e9),
        ("20 €", "EUR", 20.0),
        ("20 euros", "EUR", 20.0),
        ("$10", "USD", 10.0),
        ("10 000 FCFA", "XOF", 10_000.0),
        ("10 000 francs CFA", "XOF", 10_000.0),
        ("£9", "GBP", 9.0),
    ] {
        let v = one("fr", t);
        assert_eq!(v.unit.as_deref(), Some(code), "{t}");
        close(v.amount, n);
    }
}

#[test]
fn ranges_and_qualifiers() {
    let v = one("fr", "les enfants de 8 à 14 ans");
    assert_eq!((v.low, v.high), (Some(8.0), Some(14.0)));
    assert!(v.detail.range);
    assert_eq!(v.amount, 14.0);
    assert_eq!(v.unit.as_deref(), Some("ans"));
    let v = one("fr", "entre 3 et 5 millions de dollars");
    assert_eq!((v.low, v.high), (Some(3e6), Some(5e6)));
    let v = one("en", "between 3 and 5 days");
    assert_eq!((v.low, v.high), (Some(3.0), Some(5.0)));
    let v = one("en", "3-5 people");
    assert_eq!((v.low, v.high), (Some(3.0), Some(5.0)));

    let v = one("fr", "au moins 40 victimes");
    assert_eq!((v.qualifier, v.low, v.high), ("at_least", Some(40.0), None));
    let v = one("fr", "moins de 600 services");
    assert_eq!(
        (v.qualifier, v.low, v.high),
        ("less_than", None, Some(600.0))
    );
    let v = one("fr", "près de 5 millions d'habitants");
    assert_eq!(v.qualifier, "about");
    close(v.low.unwrap(), 4.5e6);
    close(v.high.unwrap(), 5.5e6);
    let v = one("fr", "jusqu'à 300 personnes");
    assert_eq!((v.qualifier, v.high), ("at_most", Some(300.0)));
    let v = one("en", "at least 12 dead");
    assert_eq!(v.qualifier, "at_least");
    let v = one("en", "up to 300 people");
    assert_eq!(v.qualifier, "at_most");
    let v = one("fr", "600 services exactement");
    assert_eq!(
        (v.low, v.high, v.precision),
        (Some(600.0), Some(600.0), 1.0)
    );
}

#[test]
fn ordinals_apart() {
    for (t, n) in [
        ("la 23e édition", 23.0),
        ("le 40è contingent", 40.0),
        ("la deuxième fois", 2.0),
        ("le 71e anniversaire", 71.0),
    ] {
        let v = one("fr", t);
        assert_eq!((v.kind, v.amount), ("ordinal", n), "{t}");
    }
    let v = one("en", "the 3rd edition");
    assert_eq!((v.kind, v.amount), ("ordinal", 3.0));
    assert!(q("fr", "Le Premier ministre a parlé.").is_empty());
}

#[test]
fn not_quantities() {
    for t in [
        "Il est venu en 2022 avec sa famille.",
        "Le rendez-vous est fixé au 3 juillet 2025.",
        "La réunion commence à 10h30.",
        "La réunion commence à 10:30.",
        "Le Raja s'est imposé 2-1 face au Wydad.",
        "C'est l'un des projets phares.",
        "Il a été reçu une fois de plus.",
        "Un projet a été lancé.",
        "The 2030 agenda was adopted.",
        "It is one of the largest.",
        "She scored in the 2-1 win.",
        "Les ventes du COVID-19 et la 5G.",
        "He left at 9 am.",
        "Stay indoors between noon and 4 p.m. on the hottest days.",
        "The shops open at 11 a.m. every day.",
        "La réunion se tiendra à 15 heures.",
    ] {
        let lang = if t.contains(" the ")
            || t.starts_with("The")
            || t.starts_with("It")
            || t.starts_with("She")
            || t.starts_with("He ")
        {
            "en"
        } else {
            "fr"
        };
        assert!(q(lang, t).is_empty(), "{t}: {:?}", q(lang, t));
    }
}

#[test]
fn changes_are_two_figures() {
    let v = q("fr", "Le taux passera de 20 % à 25 %.");
    let got: Vec<f64> = v.iter().map(|(_, v)| v.amount).collect();
    assert_eq!(got, vec![20.0, 25.0]);
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        "-",
        "$",
        "1,",
        ",5",
        "…12…",
        "٣ 4 é-5 ½",
        "1.2.3.4.5",
        "10h",
        "— 3 —",
        "99999999999999999999999999999",
    ] {
        let _ = q("fr", t);
        let _ = q("en", t);
    }
}

#[test]
fn exponents_and_scientific_notation() {
    close(one("fr", "1,1^23").amount, 1.1f64.powi(23));
    close(one("fr", "-2,5^-1").amount, -0.4);
    close(one("fr", "-1,1^--23").amount, -(1.1f64.powi(23)));
    close(one("en", "12.32e+14").amount, 12.32e14);
    close(one("en", "-12e-1").amount, -1.2);
    close(one("en", "1.3x10^6").amount, 1.3e6);
    // A span of ranks stays ranks.
    let v = q("fr", "du 12e-15e siècle");
    assert!(v.iter().all(|(_, x)| x.kind == "ordinal"), "{v:?}");
}

#[test]
fn written_fractions() {
    close(one("fr", "3/4").amount, 0.75);
    close(one("fr", "-4/5").amount, -0.8);
    close(one("en", "2  1/4").amount, 2.25);
    close(one("fr", "il faut 10 1/2 km de câble").amount, 10.5);
    close(one("fr", "le résultat est ⅙").amount, 1.0 / 6.0);
    close(one("en", "2½ miles").amount, 2.5);
    // Not proper fractions, or a score.
    assert!(q("en", "open 24/7")
        .iter()
        .all(|(_, v)| v.amount != 24.0 / 7.0));
    assert!(q("fr", "il a gagné le match 4/6 6/3")
        .iter()
        .all(|(_, v)| v.amount.fract() == 0.0));
    // "le 17/02" is still a date.
    assert!(q("fr", "Rendez-vous le 3/4 à Paris.").is_empty());
}

#[test]
fn fractions_after_a_connector_and_of_a_scale() {
    close(one("fr", "vingt et un cinquième").amount, 20.2);
    close(one("fr", "cent et trois quarts").amount, 100.75);
    close(one("fr", "cinq milliards et trois quarts").amount, 5.75e9);
    close(
        one("en", "six million and two thirds").amount,
        6e6 + 2e6 / 3.0,
    );
    close(one("en", "one million and a half").amount, 1.5e6);
    close(one("en", "one and a half").amount, 1.5);
    close(one("en", "five and a half million fish").amount, 5.5e6);
    close(one("fr", "Un demi-million d'œufs").amount, 500_000.0);
    close(one("en", "half a dozen").amount, 6.0);
    close(one("en", "a trillionth").amount, 1e-12);
    close(one("fr", "cent mille billionièmes").amount, 1e-7);
    close(one("en", "one-eighth").amount, 0.125);
    // "vingt et un" alone is still 21; a third term is a rank.
    assert_eq!(one("fr", "vingt et un ans").amount, 21.0);
    let v = one("en", "three trillionth");
    assert_eq!((v.amount, v.kind), (3e12, "ordinal"));
}

#[test]
fn decimals_in_words_and_mixed_numbers() {
    close(one("fr", "deux cent virgule cinquante deux").amount, 200.52);
    close(one("en", "nine point nought four").amount, 9.04);
    close(one("en", "two point two million").amount, 2.2e6);
    close(one("en", "1 point 1").amount, 1.1);
    // "at one point" is no decimal.
    assert!(q("en", "At one point the crowd left.").is_empty());
    close(
        one("en", "4 thousand 3 hundred and 21 is a number").amount,
        4321.0,
    );
    close(
        one("en", "I count 6 crore and two hundred").amount,
        60_000_200.0,
    );
    close(one("fr", " 322 cent ").amount, 32_200.0);
    // Two figures, not one.
    let v = amounts("en", "He got 5 million two years ago");
    assert_eq!(v.first().copied(), Some(5e6), "{v:?}");
}

#[test]
fn ratios_negatives_and_below_zero() {
    close(one("en", "one over three").amount, 1.0 / 3.0);
    close(one("en", "The answer is minus one").amount, -1.0);
    close(one("en", "negative five hundred and four").amount, -504.0);
    close(one("fr", "10 degrés en dessous de zéro").amount, -10.0);
    // "over" before a figure is still a qualifier.
    let v = one("en", "over 20 people");
    assert_eq!((v.amount, v.qualifier), (20.0, "more_than"));
}

#[test]
fn currency_hundredths() {
    close(
        one("fr", "ça ne coûte que 15 dollars et 15 cents.").amount,
        15.15,
    );
    close(
        one("fr", "treize euros et quarante-cinq cents.").amount,
        13.45,
    );
    close(one("fr", "1 USD 23 cents").amount, 1.23);
    close(one("fr", "ça ne coûte que 15 dollars 50.").amount, 15.5);
    // Another currency or a noun after the second figure: two figures.
    assert_eq!(amounts("fr", "15 dollars et 20 euros"), vec![15.0, 20.0]);
}

#[test]
fn lists_of_numbers() {
    assert_eq!(amounts("en", "192.168.1.2"), vec![192.0, 168.0, 1.0, 2.0]);
    assert_eq!(amounts("fr", "192.168.1.2"), vec![192_168.0, 1.0, 2.0]);
    assert_eq!(
        amounts("en", "Exercises 22,24,26,31."),
        vec![22.0, 24.0, 26.0, 31.0]
    );
    // Groups of three are one number.
    assert_eq!(amounts("fr", "1.200.000 habitants"), vec![1_200_000.0]);
}

#[test]
fn month_abbreviations_do_not_eat_number_words() {
    assert_eq!(one("fr", "dix sept").amount, 17.0);
    assert_eq!(one("fr", "trente sept celsius").amount, 37.0);
    // A standalone article is a number.
    assert_eq!(one("fr", "un").amount, 1.0);
}

#[test]
fn fractions_of_a_measure() {
    let v = one("fr", "Il a bu un demi-litre d'eau.");
    close(v.amount, 0.5);
    close(one("fr", "quart de litre").amount, 0.25);
    close(one("fr", "Il a attendu une demi-heure.").amount, 0.5);
    close(one("en", "half a mile").amount, 0.5);
    // A fraction word before any other noun is no quantity.
    assert!(q("fr", "Il joue la demi-finale contre son demi-frère.").is_empty());
    assert!(q("fr", "Les quarts de finale ont lieu demain.").is_empty());
}

#[test]
fn exponents_stay_finite() {
    for (_, v) in q("en", "9^999 and 5e999 and 2x10^999") {
        assert!(v.amount.is_finite(), "{v:?}");
    }
}

#[test]
fn dashes_join_number_words() {
    let v = one("en", "the twenty—fifth");
    assert_eq!((v.kind, v.amount), ("ordinal", 25.0));
    assert_eq!(one("en", "seventy–three").amount, 73.0);
    // A dash between spaces is punctuation.
    assert_eq!(amounts("en", "twenty — five"), vec![20.0, 5.0]);
}

#[test]
fn measures_in_two_units() {
    close(one("en", "he is 5 feet 2 inches").amount, 5.0 + 2.0 / 12.0);
    close(
        one("en", "he is 5 feet and 2 inches.").amount,
        5.0 + 2.0 / 12.0,
    );
    close(one("en", "he is 5 ft 2 in").amount, 5.0 + 2.0 / 12.0);
    close(one("en", "a wall 1 m 80 cm high").amount, 1.8);
    // "in" before a noun phrase is a preposition.
    assert_eq!(amounts("en", "5 ft 2 in the shade"), vec![5.0, 2.0]);
}

#[test]
fn currency_codes_with_a_scale() {
    close(one("en", "They lost 75 USD million.").amount, 75e6);
    close(one("en", "losses in excess of 30 MUSD").amount, 30e6);
    close(one("en", "an increase to 120 MEUR").amount, 120e6);
    close(one("en", "48.5 MGBP purchase price").amount, 48.5e6);
    // A second amount with its own sign is no hundredths.
    assert_eq!(amounts("en", "10 $ 30 $"), vec![10.0, 30.0]);
    // A one-letter scale with a sign glued to it ("1,5 M$", "6,4 G$", "3 M€").
    let v = one("fr", "un apport de 1,5 M$ du gouvernement");
    close(v.amount, 1.5e6);
    assert_eq!(v.unit.as_deref(), Some("USD"));
    close(one("fr", "un projet de 6,4 G$ au total").amount, 6.4e9);
    close(one("fr", "une amende de 3 M€ infligée").amount, 3e6);
}

#[test]
fn verbs_of_excess_are_floors() {
    let v = one("en", "Attendance topped 40,000 on Sunday.");
    assert_eq!(
        (v.qualifier, v.low, v.high),
        ("more_than", Some(40000.0), None)
    );
    let v = one(
        "fr",
        "La fréquentation dépasse les 115 000 voyageurs par jour.",
    );
    assert_eq!(
        (v.qualifier, v.low, v.high),
        ("more_than", Some(115000.0), None)
    );
}

#[test]
fn about_reaches_a_twentieth_or_the_rounding() {
    let v = one("fr", "Quelque 68 000 personnes ont défilé.");
    close(v.low.unwrap(), 64_600.0);
    close(v.high.unwrap(), 71_400.0);
    // Rounded to the ten thousand: half of that either side.
    let v = one("en", "About 70,000 people attended.");
    close(v.low.unwrap(), 65_000.0);
    close(v.high.unwrap(), 75_000.0);
    assert_eq!(rounding(68_000.0), 1_000.0);
    assert_eq!(rounding(1_950.0), 10.0);
    assert_eq!(rounding(2.5), 0.0);
}

/// The state each figure of a sentence is given, in text order.
fn states(lang: &str, text: &str) -> Vec<Option<String>> {
    q(lang, text)
        .into_iter()
        .map(|(m, v)| {
            let at = text.find(&m).expect("the figure is in its sentence");
            state_of(text, at, &v, &rules().lang(lang).numbers)
        })
        .collect()
}

#[test]
fn a_toll_takes_the_state_of_its_people() {
    let dead = Some("dead".to_string());
    let injured = Some("injured".to_string());
    assert_eq!(
        states("en", "Two people were killed and 14 others injured."),
        vec![dead.clone(), None]
    );
    assert_eq!(
        states("en", "By nightfall, three people were confirmed dead."),
        vec![dead.clone()]
    );
    assert_eq!(
        states(
            "en",
            "The blast destroyed a building, killing two people and injuring 14."
        ),
        vec![dead, injured]
    );
    // A state beyond another word, or of another noun, is not the figure's.
    assert_eq!(
        states(
            "en",
            "Three people were seriously injured and 40 firefighters came."
        ),
        vec![None, None]
    );
    assert_eq!(
        states("fr", "Trois personnes ont été tuées et 12 blessées."),
        vec![Some("mort".to_string()), None]
    );
}
