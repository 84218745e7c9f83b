//! Front matter: YAML between `---` lines or TOML between `+++` lines at the top of a file.

#[derive(Debug, Default, Clone)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    pub locale: Option<String>,
    pub story: Option<String>,
    pub ignore: Vec<String>,
}

/// Byte offset where the body starts, when the text opens with a closed front matter block.
pub fn end_of(text: &str) -> Option<usize> {
    delimited(text).map(|(_, _, end)| end)
}

/// (fence, inner text, end of block)
fn delimited(text: &str) -> Option<(&'static str, &str, usize)> {
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_nl = text.find('\n')?;
    if text[..first_nl].trim_end() != fence {
        return None;
    }
    let mut pos = first_nl + 1;
    while pos <= text.len() {
        let line_end = text[pos..]
            .find('\n')
            .map(|i| pos + i)
            .unwrap_or(text.len());
        let line = text[pos..line_end].trim_end();
        if line == fence || (fence == "---" && line == "...") {
            let end = (line_end + 1).min(text.len());
            return Some((fence, &text[first_nl + 1..pos], end));
        }
        if line_end >= text.len() {
            break;
        }
        pos = line_end + 1;
    }
    None
}

/// Parses the front matter; the error is (line in the file, message).
pub fn split(text: &str) -> Result<(FrontMatter, usize), (usize, String)> {
    let Some((fence, inner, end)) = delimited(text) else {
        return Ok((FrontMatter::default(), 0));
    };
    let mut fm = FrontMatter::default();
    if fence == "---" {
        let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(inner).map_err(|e| {
            (
                e.location().map(|l| l.line() + 1).unwrap_or(1),
                e.to_string(),
            )
        })?;
        let Some(map) = value.as_mapping() else {
            if value.is_null() {
                return Ok((fm, end));
            }
            return Err((2, "front matter is not a mapping of keys to values".into()));
        };
        let get = |k: &str| map.get(k).and_then(yaml_scalar);
        fill(&mut fm, get);
        if let Some(list) = map
            .get("factlint")
            .and_then(|v| v.get("ignore"))
            .and_then(|v| v.as_sequence())
        {
            fm.ignore = list.iter().filter_map(yaml_scalar).collect();
        }
    } else {
        let table: toml::Table = toml::from_str(inner).map_err(|e| {
            let line = e
                .span()
                .map(|s| inner[..s.start.min(inner.len())].matches('\n').count() + 2)
                .unwrap_or(1);
            (line, e.message().to_string())
        })?;
        let get = |k: &str| table.get(k).and_then(toml_scalar);
        fill(&mut fm, get);
        if let Some(list) = table
            .get("factlint")
            .and_then(|v| v.get("ignore"))
            .and_then(|v| v.as_array())
        {
            fm.ignore = list.iter().filter_map(toml_scalar).collect();
        }
    }
    Ok((fm, end))
}

fn fill(fm: &mut FrontMatter, get: impl Fn(&str) -> Option<String>) {
    fm.title = get("title");
    fm.source = get("source")
        .or_else(|| get("outlet"))
        .or_else(|| get("publisher"));
    fm.date = get("date").or_else(|| get("published"));
    fm.lang = get("lang").or_else(|| get("language"));
    fm.url = get("url");
    fm.locale = get("locale");
    fm.story = get("story");
}

fn yaml_scalar(v: &serde_yaml_ng::Value) -> Option<String> {
    match v {
        serde_yaml_ng::Value::String(s) => Some(s.clone()),
        serde_yaml_ng::Value::Number(n) => Some(n.to_string()),
        serde_yaml_ng::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn toml_scalar(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(n) => Some(n.to_string()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let t = "---\ntitle: Hello\ndate: 2025-03-12\nlang: fr\nfactlint: {ignore: [person.name-variant]}\n---\nBody";
        let (fm, end) = split(t).unwrap();
        assert_eq!(fm.title.as_deref(), Some("Hello"));
        assert_eq!(fm.date.as_deref(), Some("2025-03-12"));
        assert_eq!(fm.ignore, vec!["person.name-variant"]);
        assert_eq!(&t[end..], "Body");
    }

    #[test]
    fn toml_front_matter_with_crlf() {
        let t = "+++\r\nsource = \"Le Matin\"\r\ndate = 2025-03-12\r\n+++\r\nBody";
        let (fm, end) = split(t).unwrap();
        assert_eq!(fm.source.as_deref(), Some("Le Matin"));
        assert_eq!(fm.date.as_deref(), Some("2025-03-12"));
        assert_eq!(&t[end..], "Body");
    }

    #[test]
    fn broken_yaml_reports_a_line() {
        let t = "---\ntitle: [unclosed\n---\nBody";
        assert!(split(t).is_err());
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(split("Just text\n---\n").unwrap().1, 0);
    }
}
