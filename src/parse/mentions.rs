//! Mentions found in markdown: `plugin:skill` / `/plugin:skill` tokens and
//! `references/…`, `scripts/…`, `assets/…` paths. Resolution against the tree
//! happens in the rules; this module only finds candidates, with spans.

use crate::source::Span;

/// Where in a markdown file a piece of text sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionKind {
    Prose,
    InlineCode,
    CodeBlock,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub span: Span,
    pub kind: RegionKind,
}

impl Region {
    pub fn prose(span: Span) -> Self {
        Region {
            span,
            kind: RegionKind::Prose,
        }
    }
    pub fn inline_code(span: Span) -> Self {
        Region {
            span,
            kind: RegionKind::InlineCode,
        }
    }
    pub fn code_block(span: Span) -> Self {
        Region {
            span,
            kind: RegionKind::CodeBlock,
        }
    }
}

/// A `plugin:name` token (maybe with a leading `/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Names are short: an inline string keeps them off the heap.
    pub plugin: compact_str::CompactString,
    /// The rest after the first `:` (`skill`, or `dir:command`).
    pub name: compact_str::CompactString,
    /// The whole token, `/` included.
    pub span: Span,
    pub kind: RegionKind,
}

/// What a path mention is relative to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathBase {
    /// The directory of the file it is written in (or its skill directory).
    Here,
    /// `${CLAUDE_SKILL_DIR}/…`
    SkillDir,
    /// `${CLAUDE_PLUGIN_ROOT}/…`
    PluginRoot,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathMention {
    pub path: String,
    pub span: Span,
    pub base: PathBase,
    pub kind: RegionKind,
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Find mention candidates in `region` of `text`.
pub fn scan(
    text: &str,
    region: &Region,
    links: &[Span],
    mentions: &mut Vec<Mention>,
    paths: &mut Vec<PathMention>,
) {
    let Some(src) = text.get(region.span.range()) else {
        return;
    };
    let base = region.span.start as usize;
    scan_mentions(src, base, region.kind, mentions);
    if region.kind != RegionKind::CodeBlock {
        let inside_link = |s: usize| {
            links
                .iter()
                .any(|l| (l.start as usize..l.end as usize).contains(&s))
        };
        if !inside_link(base) {
            scan_paths(src, base, region.kind, paths);
        }
    }
}

/// `plugin:skill` candidates in `src` (which starts at `base`).
pub fn scan_mentions(src: &str, base: usize, kind: RegionKind, out: &mut Vec<Mention>) {
    if !src.contains(':') {
        return;
    }
    let re = crate::regex!(
        r"(/?)([A-Za-z0-9][A-Za-z0-9_-]*):([a-z0-9][a-z0-9-]*(?::[a-z0-9][a-z0-9-]*)*)"
    );
    let b = src.as_bytes();
    for c in re.captures_iter(src) {
        let (Some(all), Some(slash), Some(plugin), Some(name)) =
            (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let start = all.start();
        let end = all.end();
        // Left boundary: a path or word directly before is not a mention.
        if start > 0 {
            let prev = b[start - 1];
            if is_word(prev) || matches!(prev, b'.' | b'/' | b':' | b'@' | b'$' | b'~' | b'\\') {
                continue;
            }
        }
        if !slash.as_str().is_empty()
            && start > 0
            && !matches!(
                b[start - 1],
                b' ' | b'\t'
                    | b'\n'
                    | b'('
                    | b'['
                    | b'`'
                    | b'"'
                    | b'\''
                    | b'*'
                    | b'>'
                    | b'|'
                    | b','
                    | b';'
            )
        {
            continue;
        }
        // Right boundary: a URL, a path, a port, a version or a key is not a mention.
        if let Some(&next) = b.get(end) {
            if matches!(next, b':' | b'/' | b'@' | b'_' | b'=' | b'\\') {
                continue;
            }
            if next == b'.' && b.get(end + 1).is_some_and(|n| n.is_ascii_alphanumeric()) {
                continue;
            }
        }
        out.push(Mention {
            plugin: plugin.as_str().into(),
            name: name.as_str().into(),
            span: Span::new(base + start, base + end),
            kind,
        });
    }
}

/// `references/…`, `scripts/…`, `assets/…` paths in `src`.
pub fn scan_paths(src: &str, base: usize, kind: RegionKind, out: &mut Vec<PathMention>) {
    if !(src.contains("references/") || src.contains("scripts/") || src.contains("assets/")) {
        return;
    }
    let re = crate::regex!(
        r"(\$\{CLAUDE_SKILL_DIR\}/|\$\{CLAUDE_PLUGIN_ROOT\}/|\./)?\b(?:references|scripts|assets)/[A-Za-z0-9_][A-Za-z0-9._/-]*"
    );
    let b = src.as_bytes();
    for c in re.captures_iter(src) {
        let Some(all) = c.get(0) else { continue };
        let prefix = c.get(1).map_or("", |m| m.as_str());
        let start = all.start();
        if prefix.is_empty()
            && start > 0
            && (is_word(b[start - 1])
                || matches!(
                    b[start - 1],
                    b'/' | b'.' | b'$' | b'}' | b'~' | b'\\' | b':'
                ))
        {
            continue;
        }
        let mut end = all.end();
        if let Some(&next) = b.get(end) {
            // Templates and globs are not paths to check.
            if matches!(next, b'<' | b'*' | b'{' | b'$' | b'[' | b'?') {
                continue;
            }
        }
        while end > start && matches!(b[end - 1], b'.' | b'-' | b'_') {
            end -= 1;
        }
        let path_start = start + prefix.len();
        let path = &src[path_start..end];
        let path_base = match prefix {
            "${CLAUDE_SKILL_DIR}/" => PathBase::SkillDir,
            "${CLAUDE_PLUGIN_ROOT}/" => PathBase::PluginRoot,
            _ => PathBase::Here,
        };
        out.push(PathMention {
            path: path.to_string(),
            span: Span::new(base + start, base + end),
            base: path_base,
            kind,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(src: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan_mentions(src, 0, RegionKind::Prose, &mut out);
        out.into_iter()
            .map(|m| format!("{}:{}", m.plugin, m.name))
            .collect()
    }

    #[test]
    fn finds_mentions_and_skips_lookalikes() {
        assert_eq!(
            mentions("run /cozystack:wizard then cozystack:debug."),
            ["cozystack:wizard", "cozystack:debug"]
        );
        assert!(mentions("https://example.com:8080/x").is_empty());
        assert!(mentions("ghcr.io/cozystack:v1.2.3").is_empty());
        assert!(mentions("image cozystack:v1.2.3").is_empty());
        assert!(mentions("a/b/cozystack:latest").is_empty());
        assert!(mentions("cozystack:<name>").is_empty());
        assert_eq!(mentions("(/p:a:b)"), ["p:a:b"]);
    }

    fn paths(src: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan_paths(src, 0, RegionKind::Prose, &mut out);
        out.into_iter().map(|m| m.path).collect()
    }

    #[test]
    fn finds_paths() {
        assert_eq!(
            paths("read references/known-failures.md."),
            ["references/known-failures.md"]
        );
        assert_eq!(
            paths("run ${CLAUDE_SKILL_DIR}/scripts/a.sh"),
            ["scripts/a.sh"]
        );
        assert!(paths("upstream/scripts/x.sh").is_empty());
        assert!(paths("references/<name>.md").is_empty());
        assert!(paths("references/*.md").is_empty());
    }
}
