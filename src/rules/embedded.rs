//! The default rule files, compiled into the binary so that an installed factlint works
//! anywhere. A test checks that every file under rules/ is listed here.
pub const DEFAULT_RULES: &[(&str, &str)] = &[
    (
        "common/dates.toml",
        include_str!("../../rules/common/dates.toml"),
    ),
    (
        "common/person.toml",
        include_str!("../../rules/common/person.toml"),
    ),
    (
        "common/places.toml",
        include_str!("../../rules/common/places.toml"),
    ),
    (
        "common/segment.toml",
        include_str!("../../rules/common/segment.toml"),
    ),
    (
        "en/boilerplate.toml",
        include_str!("../../rules/en/boilerplate.toml"),
    ),
    (
        "en/dateline.toml",
        include_str!("../../rules/en/dateline.toml"),
    ),
    ("en/dates.toml", include_str!("../../rules/en/dates.toml")),
    (
        "en/figures.toml",
        include_str!("../../rules/en/figures.toml"),
    ),
    (
        "en/language.toml",
        include_str!("../../rules/en/language.toml"),
    ),
    (
        "en/numbers.toml",
        include_str!("../../rules/en/numbers.toml"),
    ),
    ("en/person.toml", include_str!("../../rules/en/person.toml")),
    ("en/places.toml", include_str!("../../rules/en/places.toml")),
    (
        "fr/boilerplate.toml",
        include_str!("../../rules/fr/boilerplate.toml"),
    ),
    (
        "fr/dateline.toml",
        include_str!("../../rules/fr/dateline.toml"),
    ),
    ("fr/dates.toml", include_str!("../../rules/fr/dates.toml")),
    (
        "fr/figures.toml",
        include_str!("../../rules/fr/figures.toml"),
    ),
    (
        "fr/language.toml",
        include_str!("../../rules/fr/language.toml"),
    ),
    (
        "fr/numbers.toml",
        include_str!("../../rules/fr/numbers.toml"),
    ),
    ("fr/person.toml", include_str!("../../rules/fr/person.toml")),
    ("fr/places.toml", include_str!("../../rules/fr/places.toml")),
];
