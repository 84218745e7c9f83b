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
}

#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum ClaimValue {
    Person(PersonValue),
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
    /// A capitalised run with no sign of being a person: kept for comparison (another source
    /// may confirm it), never shown as a claim.
    pub fn is_candidate(&self) -> bool {
        self.person().is_some_and(|p| p.detail.evidence.is_empty())
    }

    pub fn person(&self) -> Option<&PersonValue> {
        match &self.value {
            ClaimValue::Person(p) => Some(p),
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
    /// What the finding is about (for sorting and, later, fingerprints).
    pub subject: String,
}
