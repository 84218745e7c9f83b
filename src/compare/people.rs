//! The people of one story: mentions grouped into persons per article, persons grouped across
//! articles, and their roles grouped into offices. Grouping is by blocks (same given name, same
//! surname, same role head), so no step compares every claim with every other.
use std::collections::{BTreeMap, BTreeSet};

use crate::claims::{Claim, PersonValue};
use crate::extract::names::{compare, NameKey, NameMatch};
use crate::input::Article;
use crate::rules::Rules;

/// One person as one article names them.
#[derive(Debug)]
pub struct ArticlePerson {
    pub article: usize,
    pub key: NameKey,
    /// The full name as first written in the article.
    pub display: String,
    /// Indices into the story's claims.
    pub claims: Vec<usize>,
    pub confirmed: bool,
}

/// A role one person holds in one article.
#[derive(Debug, Clone)]
pub struct RoleUse {
    pub person: usize,
    pub claim: usize,
}

#[derive(Debug)]
pub struct People<'a> {
    pub claims: Vec<&'a Claim>,
    pub persons: Vec<ArticlePerson>,
    /// Groups of `persons` that are one real person, each sorted; only groups with a confirmed member.
    pub clusters: Vec<Vec<usize>>,
    /// Cluster index of each person (None when dropped).
    pub cluster_of: Vec<Option<usize>>,
    /// How two persons' names relate, for pairs that were joined.
    pub matches: BTreeMap<(usize, usize), NameMatch>,
}

pub fn value(c: &Claim) -> &PersonValue {
    c.person().expect("people hold person claims only")
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Whether two portfolios name one office: enough of the shorter one's words are in the other.
pub fn portfolios_meet(a: &[String], b: &[String], min_overlap: f64) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    // "MahaMetro" and "Maha Metro": one name written with and without its space (words may be
    // stems, so one joined name may be cut shorter than the other).
    let (ja, jb) = (a.concat(), b.concat());
    let joined = ja.len().min(jb.len()) >= 5 && (ja.starts_with(&jb) || jb.starts_with(&ja));
    // "chef de la délégation marocaine", "chef de la délégation tunisienne": one word shared
    // and each side a word of its own are two offices.
    let own = shared < a.len() && shared < b.len();
    (shared as f64 / a.len().min(b.len()) as f64 >= min_overlap && !(own && shared < 2)) || joined
}

impl<'a> People<'a> {
    pub fn build(claims: &[&'a Claim], rules: &Rules) -> People<'a> {
        let claims: Vec<&Claim> = claims
            .iter()
            .copied()
            .filter(|c| c.person().is_some())
            .collect();
        let mut index: BTreeMap<(usize, String), usize> = BTreeMap::new();
        let mut persons: Vec<ArticlePerson> = Vec::new();
        for (ci, c) in claims.iter().enumerate() {
            let v = value(c);
            let slot = *index
                .entry((c.article, c.subject.clone()))
                .or_insert_with(|| {
                    persons.push(ArticlePerson {
                        article: c.article,
                        key: NameKey::new(&v.detail.tokens, &rules.names),
                        display: v.name.clone(),
                        claims: vec![],
                        confirmed: false,
                    });
                    persons.len() - 1
                });
            let p = &mut persons[slot];
            p.claims.push(ci);
            p.confirmed |= !v.detail.evidence.is_empty();
        }
        // Blocks: same loose given name, or same loose last name.
        let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, p) in persons.iter().enumerate() {
            blocks
                .entry(format!("g:{}", p.key.given()))
                .or_default()
                .push(i);
            blocks
                .entry(format!("l:{}", p.key.last()))
                .or_default()
                .push(i);
        }
        let mut uf = UnionFind((0..persons.len()).collect());
        let mut matches = BTreeMap::new();
        let mut seen = BTreeSet::new();
        for members in blocks.values() {
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    let (i, j) = (i.min(j), i.max(j));
                    if persons[i].article == persons[j].article || !seen.insert((i, j)) {
                        continue;
                    }
                    let m = match compare(&persons[i].key, &persons[j].key, &rules.names) {
                        Some(m) => m,
                        // One surname in one office at once: one person whose given name a
                        // source got wrong ("Kwame" for "Kwabena Asante-Mensah, the governor"),
                        // not two holders of the office.
                        None if persons[i].key.parts.len() >= 2
                            && persons[j].key.parts.len() >= 2
                            && persons[i].key.last() == persons[j].key.last()
                            && !named_beside(&persons, i, j)
                            && same_office(
                                &claims,
                                &persons[i],
                                &persons[j],
                                rules.names.portfolio_min_overlap,
                            ) =>
                        {
                            NameMatch::Variant
                        }
                        None => continue,
                    };
                    if m != NameMatch::Same
                        && offices_differ(&claims, &persons[i], &persons[j], rules)
                    {
                        continue;
                    }
                    matches.insert((i, j), m);
                    uf.union(i, j);
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..persons.len() {
            let r = uf.find(i);
            groups.entry(r).or_default().push(i);
        }
        let mut clusters = Vec::new();
        let mut cluster_of = vec![None; persons.len()];
        for (_, g) in groups {
            if g.iter().any(|&i| persons[i].confirmed) {
                for &i in &g {
                    cluster_of[i] = Some(clusters.len());
                }
                clusters.push(g);
            }
        }
        People {
            claims,
            persons,
            clusters,
            cluster_of,
            matches,
        }
    }

    /// Claims of a person that carry a current role.
    pub fn roles_of(&self, person: usize) -> impl Iterator<Item = usize> + '_ {
        self.persons[person].claims.iter().copied().filter(|&c| {
            let v = value(self.claims[c]);
            v.role.is_some() && !v.detail.former
        })
    }

    /// The full-name mentions of a person in its article (or all its mentions if none is full).
    pub fn full_mentions(&self, person: usize) -> Vec<usize> {
        let all = &self.persons[person].claims;
        let full: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&c| value(self.claims[c]).detail.full)
            .collect();
        if full.is_empty() {
            all.clone()
        } else {
            full
        }
    }

    pub fn article_count(&self, members: &[usize]) -> usize {
        members
            .iter()
            .map(|&m| self.persons[m].article)
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// Two spellings are only taken for one person when their offices do not clash.
fn offices_differ(claims: &[&Claim], a: &ArticlePerson, b: &ArticlePerson, rules: &Rules) -> bool {
    let roles = |p: &ArticlePerson| -> Vec<&PersonValue> {
        p.claims
            .iter()
            .map(|&c| value(claims[c]))
            .filter(|v| v.role.is_some() && v.detail.unique_office)
            .collect()
    };
    let (ra, rb) = (roles(a), roles(b));
    if ra.is_empty() || rb.is_empty() {
        return false;
    }
    !ra.iter().any(|x| {
        rb.iter().any(|y| {
            // One ladder ("managing director", "chief executive") is one career: a title
            // another source words otherwise, not another person.
            x.detail.head_id == y.detail.head_id
                || (x.detail.ladder.is_some() && x.detail.ladder == y.detail.ladder)
                || portfolios_meet(
                    &x.detail.portfolio,
                    &y.detail.portfolio,
                    rules.names.portfolio_min_overlap,
                )
        })
    })
}

/// Whether the article of one person also names the other ("Nadia Vandeputte" and "Frank
/// Vandeputte" in one article are two people).
fn named_beside(persons: &[ArticlePerson], i: usize, j: usize) -> bool {
    let (a, b) = (&persons[i], &persons[j]);
    persons.iter().any(|p| {
        (p.article == a.article && p.key.strict == b.key.strict)
            || (p.article == b.article && p.key.strict == a.key.strict)
    })
}

/// Two persons named to one unique office: same head, same rank and portfolios that meet.
fn same_office(claims: &[&Claim], a: &ArticlePerson, b: &ArticlePerson, min: f64) -> bool {
    let roles = |p: &ArticlePerson| -> Vec<&PersonValue> {
        p.claims
            .iter()
            .map(|&c| value(claims[c]))
            .filter(|v| v.role.is_some() && v.detail.unique_office && !v.detail.former)
            .collect()
    };
    let rb = roles(b);
    roles(a).iter().any(|x| {
        rb.iter().any(|y| {
            x.detail.head_id.is_some()
                && x.detail.head_id == y.detail.head_id
                && x.detail.rank == y.detail.rank
                && portfolios_meet(&x.detail.portfolio, &y.detail.portfolio, min)
        })
    })
}

/// Sources of the same period: publication dates unknown, or close enough.
pub fn same_period(a: &Article, b: &Article, days: i64) -> bool {
    match (a.meta.date, b.meta.date) {
        (Some(x), Some(y)) => (x.date - y.date).num_days().abs() <= days,
        _ => true,
    }
}
