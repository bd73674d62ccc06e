//! Split a markdown file into YAML frontmatter and body, and parse the YAML
//! the way its consumers do: strictly, and with Claude Code's lenient retry.

use super::yaml::{self, YamlDoc, YamlError};
use crate::source::Span;

/// Where a file's frontmatter stands.
#[derive(Debug, Clone, PartialEq)]
pub enum FrontmatterState {
    /// The file does not start with `---`.
    Missing,
    /// A `---` block exists but not at the first byte (leading blank lines):
    /// Claude Code and skills-ref both see no frontmatter.
    NotAtStart {
        span: Span,
    },
    /// An opening `---` with no closing line.
    Unclosed {
        span: Span,
    },
    Present(Box<Frontmatter>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Frontmatter {
    /// The whole block, delimiters included.
    pub span: Span,
    /// The YAML text between the delimiters.
    pub yaml_span: Span,
    pub parse: YamlParse,
}

/// The outcome of parsing the YAML.
#[derive(Debug, Clone, PartialEq)]
pub enum YamlParse {
    Strict(YamlDoc),
    /// Strict YAML failed (`error`); Claude Code's retry, which quotes values
    /// holding special characters and expands leading tabs, succeeded.
    /// `fixed` lists the spans the retry had to quote or re-indent, each
    /// with the text the retry read in its place.
    Lenient {
        doc: YamlDoc,
        error: YamlError,
        fixed: Vec<(Span, String)>,
    },
    /// Both the strict parse and the retry failed.
    Invalid(YamlError),
}

impl Frontmatter {
    /// Drop the entries of the parsed mapping, once a typed reading of it
    /// holds what they said: the mapping itself (its span, that it is a
    /// mapping) and the duplicate keys stay. A mapping with a key that is
    /// not a scalar (`? [a, b]: …`), at its top or one level down, keeps
    /// its entries: no typed reading holds such keys.
    pub fn prune(&mut self) {
        let doc = match &mut self.parse {
            YamlParse::Strict(d) | YamlParse::Lenient { doc: d, .. } => d,
            YamlParse::Invalid(_) => return,
        };
        let Some(root) = &mut doc.root else { return };
        let complex = |n: &yaml::YamlNode| n.entries().iter().any(|(k, _)| k.as_str().is_none());
        if !root.is_map() || complex(root) || root.entries().iter().any(|(_, v)| complex(v)) {
            return;
        }
        root.kind = yaml::YamlKind::Map(Vec::new());
    }

    /// The parsed document, when either parse succeeded.
    pub fn doc(&self) -> Option<&YamlDoc> {
        match &self.parse {
            YamlParse::Strict(d) | YamlParse::Lenient { doc: d, .. } => Some(d),
            YamlParse::Invalid(_) => None,
        }
    }
    /// The root node, when it parsed.
    pub fn root(&self) -> Option<&yaml::YamlNode> {
        self.doc().and_then(|d| d.root.as_ref())
    }
}

/// Split `text` (starting at byte `base` of its file; a BOM is already skipped).
/// Returns the state and the byte offset where the markdown body starts.
pub fn split(text: &str, base: usize) -> (FrontmatterState, usize) {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let first = text[..first_line_end].trim_end_matches(['\n', '\r']);
    if first.trim_end() != "---" {
        // A block that starts after blank lines is a common silent failure.
        let trimmed = text.trim_start_matches(['\n', '\r', ' ', '\t']);
        let skipped = text.len() - trimmed.len();
        if skipped > 0 && trimmed.starts_with("---") {
            let line_end = trimmed.find('\n').map_or(trimmed.len(), |i| i);
            return (
                FrontmatterState::NotAtStart {
                    span: Span::new(base + skipped, base + skipped + line_end),
                },
                base,
            );
        }
        return (FrontmatterState::Missing, base);
    }
    let yaml_start = first_line_end;
    let mut pos = yaml_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..end].trim_end_matches(['\n', '\r']);
        if line.trim_end() == "---" {
            let yaml_text = &text[yaml_start..pos];
            let parse = parse_yaml(yaml_text, base + yaml_start);
            let fm = Frontmatter {
                span: Span::new(base, base + pos + line.len()),
                yaml_span: Span::new(base + yaml_start, base + pos),
                parse,
            };
            return (FrontmatterState::Present(Box::new(fm)), base + end);
        }
        pos = end;
    }
    (
        FrontmatterState::Unclosed {
            span: Span::new(base, base + first.len()),
        },
        base + text.len(),
    )
}

/// The help for a value only Claude Code's lenient retry reads.
pub const QUOTE_HELP: &str = "wrap the value in double quotes";
/// The title of the fix that quotes it.
pub const QUOTE_FIX: &str = "quote the value";

/// The edits that make `text` (at `base` in its file) strict YAML: the
/// values Claude Code's retry would quote and the tabs it would expand,
/// taken only on the lines where strict parsing stops, one line at a time
/// until the text parses. Empty when it parses already, or when that does
/// not make it parse (the edits are then no repair).
pub fn strict_repairs(text: &str, base: usize) -> Vec<(Span, String)> {
    let (_, _, mut fixed) = lenient_rewrite(text, base);
    // A flow collection quoted whole would turn into text: no repair.
    fixed.retain(|(s, _)| {
        let v = &text[s.start as usize - base..s.end as usize - base];
        !((v.starts_with('{') && v.ends_with('}')) || (v.starts_with('[') && v.ends_with(']')))
    });
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count();
    let mut chosen: Vec<(Span, String)> = Vec::new();
    let mut current = text.to_string();
    for _ in 0..=fixed.len() {
        let Err(e) = yaml::parse(&current, 0) else {
            return chosen;
        };
        // Edits stay within their line, so lines keep their numbers.
        let at = current[..(e.span.start as usize).min(current.len())]
            .matches('\n')
            .count();
        let on = |line: usize| -> Vec<&(Span, String)> {
            fixed
                .iter()
                .filter(|(s, _)| line_of(s.start as usize - base) == line)
                .filter(|f| !chosen.contains(f))
                .collect()
        };
        let mut take = on(at);
        if take.is_empty() && at > 0 {
            take = on(at - 1);
        }
        if take.is_empty() {
            return Vec::new();
        }
        chosen.extend(take.into_iter().cloned());
        chosen.sort_by_key(|(s, _)| s.start);
        current = apply(text, &chosen, base);
    }
    Vec::new()
}

/// `text` with `edits` (sorted, at `base` in the file) applied.
fn apply(text: &str, edits: &[(Span, String)], base: usize) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for (span, new) in edits {
        let start = span.start as usize - base;
        out.push_str(&text[at..start]);
        out.push_str(new);
        at = span.end as usize - base;
    }
    out.push_str(&text[at..]);
    out
}

/// Parse frontmatter YAML strictly; on failure, retry as Claude Code does.
pub fn parse_yaml(text: &str, base: usize) -> YamlParse {
    let error = match yaml::parse(text, base) {
        Ok(doc) => return YamlParse::Strict(doc),
        Err(e) => e,
    };
    let (retry, lines, fixed) = lenient_rewrite(text, base);
    if fixed.is_empty() {
        return YamlParse::Invalid(error);
    }
    match yaml::parse(&retry, 0) {
        Ok(mut doc) => {
            remap_doc(&mut doc, &lines, base);
            YamlParse::Lenient { doc, error, fixed }
        }
        Err(_) => YamlParse::Invalid(error),
    }
}

/// `(start in rewritten text, start in original, original length)` per line.
type LineMap = Vec<(usize, usize, usize)>;

/// Quote values holding YAML-special characters and expand leading tabs.
fn lenient_rewrite(text: &str, base: usize) -> (String, LineMap, Vec<(Span, String)>) {
    let mut out = String::with_capacity(text.len() + 16);
    let mut map = Vec::new();
    let mut fixed = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let nl = &raw[line.len()..];
        map.push((out.len(), pos, line.len()));
        let tabs = line.len() - line.trim_start_matches('\t').len();
        let mut rewritten = None;
        if tabs > 0 {
            fixed.push((Span::new(base + pos, base + pos + tabs), "  ".repeat(tabs)));
            rewritten = Some(format!("{}{}", "  ".repeat(tabs), &line[tabs..]));
        }
        let current = rewritten.clone().unwrap_or_else(|| line.to_string());
        if let Some(c) =
            crate::regex!(r"^(\s*(?:-\s+)?[A-Za-z0-9_][A-Za-z0-9_.-]*\s*:\s+)(.*?)\s*$")
                .captures(&current)
        {
            let (prefix, value) = (&c[1], &c[2]);
            let quoted = value.starts_with(['"', '\'']);
            let block = value.starts_with(['|', '>']) && value.len() <= 3;
            let flow = (value.starts_with('[') && value.ends_with(']'))
                || (value.starts_with('{') && value.ends_with('}'));
            let flow = flow && yaml::parse(value, 0).is_ok();
            let special = value.contains(": ")
                || value.contains([
                    '{', '}', '[', ']', '*', '&', '#', '!', '|', '>', '%', '@', '`',
                ]);
            if !value.is_empty() && !quoted && !block && !flow && special {
                let shift = current.len() - line.len();
                let vstart = pos + c.get(2).map_or(0, |m| m.start()).saturating_sub(shift);
                let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
                let replacement = format!("\"{escaped}\"");
                fixed.push((
                    Span::new(base + vstart, base + pos + line.len()),
                    replacement.clone(),
                ));
                rewritten = Some(format!("{prefix}{replacement}"));
            }
        }
        out.push_str(rewritten.as_deref().unwrap_or(line));
        out.push_str(nl);
        pos += raw.len();
    }
    (out, map, fixed)
}

fn remap(offset: usize, lines: &LineMap, base: usize) -> usize {
    let idx = match lines.binary_search_by(|(s, _, _)| s.cmp(&offset)) {
        Ok(i) => i,
        Err(0) => 0,
        Err(i) => i - 1,
    };
    let Some(&(new_start, orig_start, orig_len)) = lines.get(idx) else {
        return base;
    };
    base + orig_start + (offset - new_start).min(orig_len)
}

fn remap_doc(doc: &mut YamlDoc, lines: &LineMap, base: usize) {
    fn walk(n: &mut yaml::YamlNode, lines: &LineMap, base: usize) {
        n.span = Span::new(
            remap(n.span.start as usize, lines, base),
            remap(n.span.end as usize, lines, base),
        );
        match &mut n.kind {
            yaml::YamlKind::Seq(items) => items.iter_mut().for_each(|i| walk(i, lines, base)),
            yaml::YamlKind::Map(entries) => {
                for (k, v) in entries {
                    walk(k, lines, base);
                    walk(v, lines, base);
                }
            }
            _ => {}
        }
    }
    if let Some(root) = &mut doc.root {
        walk(root, lines, base);
    }
    for (a, b, _) in &mut doc.duplicate_keys {
        *a = Span::new(
            remap(a.start as usize, lines, base),
            remap(a.end as usize, lines, base),
        );
        *b = Span::new(
            remap(b.start as usize, lines, base),
            remap(b.end as usize, lines, base),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn present(text: &str) -> Frontmatter {
        match split(text, 0).0 {
            FrontmatterState::Present(f) => *f,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn splits_and_parses() {
        let text = "---\nname: a\ndescription: b\n---\n# Body\n";
        let (state, body) = split(text, 0);
        assert_eq!(&text[body..], "# Body\n");
        let FrontmatterState::Present(f) = state else {
            panic!()
        };
        assert!(matches!(f.parse, YamlParse::Strict(_)));
        assert_eq!(f.root().unwrap().get("name").unwrap().as_str(), Some("a"));
    }

    #[test]
    fn crlf_works() {
        let f = present("---\r\nname: a\r\n---\r\nbody");
        assert_eq!(f.root().unwrap().get("name").unwrap().as_str(), Some("a"));
    }

    #[test]
    fn unquoted_colon_is_lenient() {
        let text = "---\nname: a\ndescription: Use when: deploying\n---\n";
        let f = present(text);
        let YamlParse::Lenient { doc, fixed, .. } = &f.parse else {
            panic!("{:?}", f.parse)
        };
        let d = doc.root.as_ref().unwrap().get("description").unwrap();
        assert_eq!(d.as_str(), Some("Use when: deploying"));
        assert_eq!(&text[fixed[0].0.range()], "Use when: deploying");
        assert_eq!(&text[d.span.start as usize..][..3], "Use");
    }

    #[test]
    fn missing_unclosed_and_late() {
        assert_eq!(split("# Title\n", 0).0, FrontmatterState::Missing);
        assert!(matches!(
            split("---\nname: a\n", 0).0,
            FrontmatterState::Unclosed { .. }
        ));
        assert!(matches!(
            split("\n---\nname: a\n---\n", 0).0,
            FrontmatterState::NotAtStart { .. }
        ));
    }

    #[test]
    fn strict_repairs_quote_only_where_parsing_stops() {
        let text =
            "name: a\ndoc: The context: prod\nprose: |\n  Note: see {phase:x}\nb: Use when: y\n";
        let repairs = strict_repairs(text, 0);
        let fixed: Vec<&str> = repairs.iter().map(|(s, _)| &text[s.range()]).collect();
        assert_eq!(fixed, ["The context: prod", "Use when: y"]);
        assert_eq!(repairs[0].1, "\"The context: prod\"");
        assert!(strict_repairs("a: b\n", 0).is_empty());
        // Quoting a flow mapping whole would make it text.
        assert!(strict_repairs("x: {doc: The context: prod}\n", 0).is_empty());
        let text = "x: [WIP] thing\n";
        assert_eq!(
            strict_repairs(text, 0),
            [(Span::new(3, 14), "\"[WIP] thing\"".into())]
        );
        assert!(strict_repairs("a: \"unclosed\n", 0).is_empty());
    }

    #[test]
    fn hopeless_yaml_is_invalid() {
        let f = present("---\nname: \"unclosed\n---\n");
        assert!(matches!(f.parse, YamlParse::Invalid(_)));
    }
}
