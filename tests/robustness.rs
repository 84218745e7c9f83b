//! No input makes factlint panic: odd, hostile and random texts go through the whole pipeline.
use factlint::input::{read_article, Found, ReadOptions};
use factlint::rules::Rules;
use factlint::run::{analyze, RunOptions};

fn rules() -> Rules {
    factlint::rules::load(&[], &[]).unwrap()
}

const PIECES: &[&str] = &[
    "M.",
    "Mme",
    "S.M.",
    "Dr",
    "Mr.",
    "St.",
    " ",
    "  ",
    "    ",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "«",
    "»",
    "’",
    "'",
    "-",
    "–",
    "—",
    "\u{a0}",
    "\u{202f}",
    "…",
    "!",
    "?",
    "\"",
    "ministre",
    "Ministre",
    "de la",
    "l’",
    "d’",
    "Santé",
    "Amal",
    "El",
    "Fallah",
    "Al-Fellah",
    "Seghrouchni",
    "Ben",
    "Van",
    "der",
    "VI",
    "the",
    "Finance Minister",
    "chief",
    "said",
    "a déclaré",
    "selon",
    "ancien",
    "former",
    "vice-",
    "Lire aussi",
    "Block",
    "C.",
    "J.",
    "14:00",
    "é",
    "Ünïcödé",
    "日本",
    "🙂",
    "\u{200b}",
    "\u{feff}",
    "Publié dans",
    "le 26 - 11 - 2024",
    "---",
    "+++",
    "#",
];

/// A deterministic pseudo-random text from the pieces above.
fn random_text(seed: u64, len: usize) -> String {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut s = String::new();
    for _ in 0..len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push_str(PIECES[(x % PIECES.len() as u64) as usize]);
        if x.is_multiple_of(3) {
            s.push(' ');
        }
    }
    s
}

#[test]
fn random_texts_do_not_panic() {
    let rules = rules();
    let dir = tempfile::tempdir().unwrap();
    for seed in 0..400u64 {
        let text = random_text(seed, 20 + (seed as usize % 200));
        let path = dir.path().join(format!("r{seed}.md"));
        std::fs::write(&path, &text).unwrap();
        for all_text in [false, true] {
            let found = Found {
                path: path.clone(),
                display: "r.md".into(),
                story: "s".into(),
            };
            let (res, _) = read_article(0, &found, &rules, &ReadOptions::default());
            if let Ok(a) = res {
                let seg = factlint::run::segment_article(&a, &rules, all_text);
                let _ = factlint::extract::extract(&a, &seg, &rules);
            }
        }
    }
    // And the whole run, comparison included, over all of them as one story.
    let opts = RunOptions {
        paths: vec![dir.path().to_path_buf()],
        ..Default::default()
    };
    let _ = analyze(&opts, &rules, true);
}

/// A capital initial that ends a sentence ("in Block C.") once read past the sentence's end.
#[test]
fn an_initial_at_the_end_of_a_sentence_is_read() {
    let rules = rules();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(
        &path,
        "Flames had engulfed the storage area in Block C.\n\nFire chief Azlan Ismail said the \
         first team arrived within eight minutes of the call.\n",
    )
    .unwrap();
    let found = Found {
        path: path.clone(),
        display: "a.md".into(),
        story: "s".into(),
    };
    let (res, _) = read_article(0, &found, &rules, &ReadOptions::default());
    let a = res.unwrap();
    let seg = factlint::run::segment_article(&a, &rules, true);
    let claims = factlint::extract::extract(&a, &seg, &rules);
    assert!(claims
        .iter()
        .any(|c| c.person().is_some_and(|p| p.name == "Azlan Ismail")));
}

#[test]
fn hostile_files_are_read_or_skipped_with_a_reason() {
    let rules = rules();
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8])] = &[
        ("empty.txt", b""),
        ("only-front-matter.md", b"---\ntitle: x\n---\n"),
        ("unclosed-front-matter.md", b"---\ntitle: x\nno end\n"),
        ("bad-yaml.md", b"---\ntitle: [x\n---\nBody text here.\n"),
        ("bad-toml.md", b"+++\ntitle = \n+++\nBody.\n"),
        ("bom-crlf.txt", b"\xEF\xBB\xBFLe ministre de la Sant\xc3\xa9, Karim Alami, a dit.\r\nM. Alami a ajout\xc3\xa9.\r\n"),
        ("latin1.txt", b"Le ministre de la Sant\xe9, Karim Alami, a visit\xe9 l'h\xf4pital.\n"),
        ("binary.txt", b"\x00\x01\x02"),
        ("long-line.txt", &[b'a'; 300_000]),
        ("parens.txt", "Ahmed Benali, ministre (de la Santé, a dit ) ( ( , , M. ».".as_bytes()),
    ];
    for (name, bytes) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let opts = RunOptions {
        paths: vec![dir.path().to_path_buf()],
        ..Default::default()
    };
    let an = analyze(&opts, &rules, false);
    assert_eq!(an.skipped.len(), 1, "only the binary file is skipped");
    assert_eq!(an.articles.len(), cases.len() - 1);
    assert!(an
        .warnings
        .iter()
        .any(|w| w.contains("bad-yaml.md") && w.contains("front matter ignored")));
    assert!(an
        .warnings
        .iter()
        .any(|w| w.contains("latin1.txt") && w.contains("Windows-1252")));
    let bom = an
        .articles
        .iter()
        .find(|a| a.path.ends_with("bom-crlf.txt"))
        .unwrap();
    let c = an
        .claims
        .iter()
        .find(|c| c.article == bom.id && c.text == "Karim Alami")
        .expect("a person in the BOM file");
    assert_eq!(
        bom.disk_offset(c.start),
        c.start + 3,
        "offsets count the BOM"
    );
}
