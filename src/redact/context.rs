//! What the text around a value says about it: the line it is on, the key
//! it is assigned to, a "don't do this" example it belongs to, a byline.

use std::ops::Range;

/// How far around a value its context is read. Every hit reads its
/// context, so a line of a megabyte with thousands of hits must not be
/// read whole for each.
const REACH: usize = 512;

/// The largest char boundary of `text` at or below `i`.
fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The line holding byte `pos`, without its newline, clipped to [`REACH`]
/// bytes on either side of `pos`.
pub(super) fn line_at(text: &str, pos: usize) -> Range<usize> {
    let lo = floor(text, pos.saturating_sub(REACH));
    let hi = floor(text, (pos + REACH).min(text.len()));
    let start = text[lo..pos].rfind('\n').map_or(lo, |i| lo + i + 1);
    let end = text[pos..hi].find('\n').map_or(hi, |i| pos + i);
    start..end
}

/// The non-blank lines before `line_start`, nearest first, within eight
/// times [`REACH`] bytes.
pub(super) fn lines_before(text: &str, line_start: usize) -> impl Iterator<Item = &str> {
    let lo = floor(text, line_start.saturating_sub(8 * REACH));
    text[lo..line_start]
        .lines()
        .rev()
        .filter(|l| !l.trim().is_empty())
}

/// Whether the value at `pos` is shown as what not to do: its line or one
/// of the three non-blank lines before it says "bad", "don't", "never",
/// "avoid", "wrong", "insecure" or marks it ❌.
pub(super) fn in_bad_example(text: &str, pos: usize) -> bool {
    let line = line_at(text, pos);
    std::iter::once(&text[line.clone()])
        .chain(lines_before(text, line.start).take(3))
        .any(says_bad)
}

fn says_bad(line: &str) -> bool {
    line.contains('❌')
        || line.contains('✗')
        || line.contains("🚫")
        || crate::regex!(
            r"(?i)(?-u:\b)(?:bad|don'?t|do not|never|avoid|wrong|insecure|anti-?pattern|hard-?coded|hardcoding)(?-u:\b)"
        )
        .is_match(line)
}

/// The key a value at `pos` is given to on its line, when only
/// separators, quotes, brackets, a scheme and other values of the same
/// list stand between them: `host: "10.1.2.3"`, `--nodes 10.1.2.3,…`,
/// `MASTER_NODES: "10.0.0.1,10.1.2.3"`. A key given with a space may have
/// one bare word or flag after it (`server pve01 10.1.2.3:8006`, `nmap -sV
/// 10.1.2.3`): the words of both are returned, lower case, the nearest
/// first.
pub(super) fn key_before(text: &str, pos: usize) -> Option<Vec<String>> {
    let line = line_at(text, pos);
    let prefix = &text[line.start..pos];
    let near = crate::regex!(
        r#"(?x)(?:^|[^A-Za-z0-9_.-])(-{0,2})([A-Za-z][A-Za-z0-9_.-]*)["']?(?:\s*[:=]\s*|\s+)
        (?: ["'\[(]*\s*(?:[a-z]+://)?[0-9a-fA-F.:/]+["')\]]*\s*[,;]\s* )*
        ["'\[(]*\s*(?:[a-z][a-z0-9+]*://)?$"#
    );
    let far = crate::regex!(
        r#"(?x)(?:^|[^A-Za-z0-9_.-])(-{0,2})([A-Za-z][A-Za-z0-9_.-]*)\s+-{0,2}[A-Za-z][A-Za-z0-9_-]*\s+
        (?: ["'\[(]*\s*(?:[a-z]+://)?[0-9a-fA-F.:/]+["')\]]*\s*[,;]\s* )*
        ["'\[(]*\s*(?:[a-z][a-z0-9+]*://)?$"#
    );
    let key = |re: &regex::Regex| {
        let c = re.captures(prefix)?;
        let dashes = c.get(1).map_or("", |m| m.as_str());
        let key = c.get(2)?.as_str();
        // A one-letter key is a flag (`-n`), kept with its dash so that
        // `e.g.` is not read as `-e`.
        match (key.len(), dashes.len()) {
            (1, 1) => Some(vec![format!("-{}", key.to_ascii_lowercase())]),
            (1, _) => None,
            _ => Some(key_words(key)),
        }
    };
    let mut words = key(near)?;
    words.extend(key(far).unwrap_or_default());
    Some(words)
}

/// `MASTER_NODES` → `master`, `nodes`; `externalIPs` → `external`, `ips`;
/// `api-server.host` → `api`, `server`, `host`.
pub(super) fn key_words(key: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in key.split(['_', '-', '.']) {
        let mut cur = String::new();
        let mut prev_lower = false;
        for c in part.chars() {
            if prev_lower && c.is_ascii_uppercase() && !cur.is_empty() {
                words.push(std::mem::take(&mut cur).to_ascii_lowercase());
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            cur.push(c);
        }
        if !cur.is_empty() {
            words.push(cur.to_ascii_lowercase());
        }
    }
    words
}

/// The key of the YAML mapping or list that the line at `line_start`
/// belongs to: the nearest line above with less indentation (or the same,
/// for a list written flush under its key) that ends in `key:`.
pub(super) fn parent_key(text: &str, line_start: usize) -> Option<Vec<String>> {
    let line = &text[line_start..line_at(text, line_start).end];
    let indent = line.len() - line.trim_start().len();
    let is_item = line.trim_start().starts_with('-');
    for above in lines_before(text, line_start).take(40) {
        let ind = above.len() - above.trim_start().len();
        let t = above.trim();
        // Deeper lines, and siblings (a flush list's parent is its key,
        // at the same indentation), are not the parent.
        let sibling = !is_item || t.starts_with('-');
        if ind > indent || (ind == indent && sibling) {
            continue;
        }
        let key = t.trim_start_matches("- ").strip_suffix(':')?;
        let key = key.trim_matches(['"', '\'']);
        return (!key.is_empty() && !key.contains(' ')).then(|| key_words(key));
    }
    None
}

/// Byte ranges of bylines outside code fences: lines that name an author,
/// maintainer or copyright holder (`**Author:** Jane <jane@…>`,
/// `Maintainer: …`, `# Author: …` in a script, `Copyright 2024 Jane
/// (jane@…)`), and the paragraphs under an `## Author(s)`,
/// `## Maintainer(s)`, `## Contributors`, `## Credits` or `## Contact`
/// heading. Addresses there are published on purpose.
pub fn bylines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    let mut in_section = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let range = at..at + line.trim_end().len();
        at += line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            continue;
        }
        if is_byline(t) {
            out.push(range);
            continue;
        }
        if t.starts_with('#') {
            in_section = crate::regex!(
                r"(?i)^#+\s*(?:authors?|maintainers?|contributors?|credits|contact)\s*$"
            )
            .is_match(t);
            continue;
        }
        if in_section {
            out.push(range);
        }
    }
    out
}

fn is_byline(line: &str) -> bool {
    crate::regex!(
        r"(?i)^[>*_|\s#/;-]*(?:authors?|maintainers?|maintained by|written by|created by|contributors?)\s*[*_]*\s*:"
    )
    .is_match(line)
        || crate::regex!(r"(?i)(?-u:\b)copyright(?-u:\b)|©|\(c\) ?\d{4}").is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str, value: &str) -> Option<Vec<String>> {
        key_before(text, text.find(value).unwrap())
    }

    #[test]
    fn keys_before_values() {
        let w = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(key("  host: \"10.1.2.3\"", "10.1"), w(&["host"]));
        assert_eq!(
            key("MASTER_NODES: \"10.0.0.1,10.7.2.3\"", "10.7"),
            w(&["master", "nodes"])
        );
        assert_eq!(
            key("talosctl --nodes 10.7.2.3", "10.7"),
            w(&["nodes", "talosctl"])
        );
        assert_eq!(key("talosctl -n 10.7.2.3", "10.7"), w(&["-n", "talosctl"]));
        assert_eq!(key("(e.g. \"10.7.2.3/25\")", "10.7"), w(&["e", "g"]));
        assert_eq!(key("server: https://10.7.2.3:6443", "10.7"), w(&["server"]));
        assert_eq!(
            key("  server pve01 10.7.2.3:8006 check", "10.7"),
            w(&["pve01", "server"])
        );
        assert_eq!(key("Verified on node 10.7.2.3", "10.7"), w(&["node", "on"]));
        assert_eq!(
            key("\"externalIPs\": [\"10.7.2.3\"]", "10.7"),
            w(&["external", "ips"])
        );
        assert_eq!(key("It is at 10.7.2.3 today", "10.7"), w(&["at", "is"]));
        assert_eq!(key("(10.7.2.3)", "10.7"), None);
        assert_eq!(key("ip.addr == 10.7.2.3", "10.7"), None);
    }

    #[test]
    fn parents_and_bad_examples() {
        let t = "spec:\n  externalIPs:\n    - 10.7.2.3\nnodes:\n- 10.7.2.4\n";
        assert_eq!(
            parent_key(t, t.find("    - 10.7").unwrap()),
            Some(vec!["external".to_string(), "ips".to_string()])
        );
        assert_eq!(
            parent_key(t, t.find("- 10.7.2.4").unwrap()),
            Some(vec!["nodes".to_string()])
        );
        let t = "# Bad: never hard-code it\n\npassword = \"x\"\n";
        assert!(in_bad_example(t, t.find("password").unwrap()));
        let t = "Set it here\npassword = \"x\"\n";
        assert!(!in_bad_example(t, t.find("password").unwrap()));
    }

    #[test]
    fn bylines_outside_fences() {
        let t = "# Tool\n# Author: Ray <r@x.io>\n\n**Author:** Jane <j@x.io>\nMaintainer: Lea <l@x.io>\n- Written by: Eli <e@x.io>\n\n```\nAuthor: Bob <b@x.io>\n```\n\n## Authors\n\nAda (a@x.io)\n\n## Usage\n\nMail z@x.io\nThe author: z@x.io\nCopyright 2020 Kim (k@x.io)\n";
        let got: Vec<&str> = bylines(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            [
                "# Author: Ray <r@x.io>",
                "**Author:** Jane <j@x.io>",
                "Maintainer: Lea <l@x.io>",
                "- Written by: Eli <e@x.io>",
                "Ada (a@x.io)",
                "Copyright 2020 Kim (k@x.io)"
            ]
        );
    }
}
