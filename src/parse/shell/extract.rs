//! Shell text out of markdown: fenced blocks assembled into one text with
//! a byte map back into the file (console transcripts keep their prompt
//! lines only), and `<placeholder>` templates masked so they parse as words.

use super::{Dialect, Piece};
use crate::source::Span;

/// Replace `<placeholder>` templates with same-length words so that they do
/// not parse as redirections (`kubectl get <name>` → `kubectl get _name_`).
pub fn mask_placeholders(text: &str) -> String {
    let mut out = text.to_string();
    if !text.contains('<') && !text.contains("{{") {
        return out;
    }
    // Bytes, not chars: the bounded classes compile to one byte class each
    // instead of a UTF-8 automaton repeated 80 times. A match starts and
    // ends at an ASCII delimiter, so its offsets are char boundaries.
    static RE: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r"(?-u)<([A-Za-z_][^<>\n`]{0,80})>|\{\{[^{}\n]{1,80}\}\}")
            .unwrap_or_else(|e| panic!("built-in placeholder regex: {e}"))
    });
    let bytes = text.as_bytes();
    for m in RE.find_iter(bytes) {
        let s = m.start();
        // `<<EOF` heredocs, `<(…)`, `2<file` and `cmd <in >out` stay as they are.
        if s > 0 && matches!(bytes[s - 1], b'<' | b'0'..=b'9') {
            continue;
        }
        let inner = &text[s + 1..m.end() - 1];
        if inner.starts_with(' ')
            || inner.ends_with(' ')
            || (inner.contains(' ') && inner.contains(['<', '>', '|', ';', '&']))
        {
            continue;
        }
        let masked: String = std::iter::once('_')
            .chain(inner.chars().map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' || c == '/' {
                    c
                } else {
                    '_'
                }
            }))
            .chain(std::iter::once('_'))
            .collect();
        if masked.len() == m.len() {
            out.replace_range(m.range(), &masked);
        }
    }
    out
}

/// Build shell text from file text pieces `(file_start, text)`; console
/// dialect keeps prompt lines (without the prompt) and their continuations.
pub fn assemble(file_text: &str, content: &[Span], dialect: Dialect) -> (String, Vec<Piece>) {
    // A bash block that starts with a `$ ` prompt is a transcript.
    let first_line = content
        .iter()
        .filter_map(|s| file_text.get(s.range()))
        .flat_map(str::lines)
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let dialect = if dialect != Dialect::Zsh
        && first_line.is_some_and(|l| l.trim_start().starts_with("$ "))
    {
        Dialect::Console
    } else {
        dialect
    };
    let mut text = String::new();
    let mut pieces = Vec::new();
    let root_prompt_only = dialect == Dialect::Console
        && !content.iter().any(|s| {
            file_text.get(s.range()).is_some_and(|t| {
                t.lines()
                    .any(|l| l.trim_start().starts_with("$ ") || l.trim_start() == "$")
            })
        });
    let mut continuing = false;
    for span in content {
        let Some(src) = file_text.get(span.range()) else {
            continue;
        };
        let mut off = span.start as usize;
        for line in src.split_inclusive('\n') {
            let mut keep: Option<(usize, &str)> = Some((0, line));
            if dialect == Dialect::Console {
                let trimmed = line.trim_start();
                let indent = line.len() - trimmed.len();
                keep = if continuing {
                    Some((0, line))
                } else if let Some(rest) = trimmed
                    .strip_prefix("$ ")
                    .or_else(|| trimmed.strip_prefix("% "))
                {
                    Some((line.len() - rest.len(), rest))
                } else if root_prompt_only && trimmed.starts_with("# ") {
                    Some((indent + 2, &trimmed[2..]))
                } else {
                    None
                };
                continuing = keep.is_some() && line.trim_end().ends_with('\\');
            }
            if let Some((skip, kept)) = keep {
                pieces.push(Piece {
                    shell: text.len() as u32,
                    file: (off + skip) as u32,
                    len: kept.len() as u32,
                });
                text.push_str(kept);
            }
            off += line.len();
        }
    }
    (mask_placeholders(&text), pieces)
}
