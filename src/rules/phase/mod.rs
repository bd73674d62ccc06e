//! Phase structure inside skills: `Phase N` / `Phase N.M` headings, mentions
//! of phases, and numbered STOP GATEs.

pub mod gates;
pub mod mentions;
pub mod structure;

use crate::model::{Doc, DocKind, Project};
use crate::source::Span;

/// A phase number: `9` is `(9, None)`, `9.1` is `(9, Some(1))`.
pub type PhaseNo = (u32, Option<u32>);

pub fn parse_no(s: &str) -> Option<PhaseNo> {
    match s.split_once('.') {
        Some((a, b)) => Some((a.parse().ok()?, Some(b.parse().ok()?))),
        None => Some((s.parse().ok()?, None)),
    }
}

pub fn show(n: PhaseNo) -> String {
    match n {
        (a, Some(b)) => format!("{a}.{b}"),
        (a, None) => a.to_string(),
    }
}

/// A phase heading: its number and the span of `Phase N` in it.
pub struct PhaseHeading {
    pub no: PhaseNo,
    pub span: Span,
}

/// Phase headings of a doc, in order. A phase heading starts with
/// `Phase N` (after optional markup).
pub fn phase_headings(doc: &Doc, text: &str) -> Vec<PhaseHeading> {
    if !doc.md.headings.iter().any(|h| h.text.contains("Phase")) {
        return Vec::new();
    }
    let re = crate::regex!(r"^#{1,6}\s+(?:\*\*|__)?Phase\s+(\d+(?:\.\d+)?)(?-u:\b)");
    // Headings under an "Example" section describe someone else's phases.
    let mut stack: Vec<(u8, bool)> = Vec::new();
    let in_example: Vec<bool> = doc
        .md
        .headings
        .iter()
        .map(|h| {
            while stack.last().is_some_and(|(l, _)| *l >= h.level) {
                stack.pop();
            }
            let inherited = stack.iter().any(|(_, e)| *e);
            let example = h
                .text
                .as_bytes()
                .windows(7)
                .any(|w| w.eq_ignore_ascii_case(b"example"));
            stack.push((h.level, example));
            inherited
        })
        .collect();
    doc.md
        .headings
        .iter()
        .zip(in_example)
        .filter(|(_, ex)| !ex)
        .map(|(h, _)| h)
        .filter_map(|h| {
            let src = text.get(h.span.range())?;
            if !src.contains("Phase") {
                return None;
            }
            let c = re.captures(src)?;
            let m = c.get(1)?;
            let whole = c.get(0)?;
            let start = h.span.start as usize
                + whole.start()
                + src[whole.start()..].find("Phase").unwrap_or(0);
            Some(PhaseHeading {
                no: parse_no(m.as_str())?,
                span: Span::new(start, h.span.start as usize + m.end()),
            })
        })
        .collect()
}

/// Phases declared by a bold paragraph opening (`**Phase 7 — Roadbook.**`).
pub fn bold_phases(doc: &Doc, text: &str) -> Vec<PhaseHeading> {
    let re = crate::regex!(r"(?m)^[ \t]*(?:\*\*|__)Phase\s+(\d+(?:\.\d+)?)\s*[—–:.-]");
    let body = &text[doc.body_start..];
    if !body.contains("Phase") {
        return Vec::new();
    }
    re.captures_iter(body)
        .filter_map(|c| {
            let m = c.get(1)?;
            let all = c.get(0)?;
            let start = doc.body_start + all.start() + all.as_str().find("Phase")?;
            if doc.md.in_code(start) {
                return None;
            }
            Some(PhaseHeading {
                no: parse_no(m.as_str())?,
                span: Span::new(start, doc.body_start + m.end()),
            })
        })
        .collect()
}

/// The scope phases and gates are numbered in: the skill directory of
/// `path`, or the file itself outside skills.
pub fn scope<'a>(project: &'a Project, path: &'a str) -> &'a str {
    project.skill_of(path).map_or(path, |(_, s)| s.dir.as_str())
}

/// Docs that phase rules look at: components, and files inside a skill directory.
///
/// A body a narrowed run left unparsed is not one: it lies outside every
/// scope whose findings are reported, and no reported finding looks up its
/// phases (see `load::parse_deferred`).
pub fn phase_docs(project: &Project) -> impl Iterator<Item = &Doc> {
    project
        .docs
        .iter()
        .filter(|d| !d.light && (d.kind != DocKind::Other || project.skill_of(&d.path).is_some()))
}

/// Checks of several rules of this family, not yet split into a check per
/// rule (see `crate::rules::Check::Legacy`).
/// The rules of this family with a check of their own (none yet).
pub static RULES: &[&crate::rules::RuleMeta] = &[];

pub static LEGACY: &[crate::rules::LegacyCheck] = &[
    crate::rules::LegacyCheck {
        rules: &[&structure::DUPLICATE, &structure::ORDER],
        run: structure::check,
    },
    crate::rules::LegacyCheck {
        rules: &[&mentions::UNKNOWN, &mentions::HISTORICAL],
        run: mentions::check,
    },
    crate::rules::LegacyCheck {
        rules: &[&gates::DUPLICATE, &gates::UNKNOWN],
        run: gates::check,
    },
];
