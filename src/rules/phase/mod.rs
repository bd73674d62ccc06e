//! Phase structure inside skills: `Phase N` / `Phase N.M` headings, mentions
//! of phases, and numbered STOP GATEs.

crate::declare_family! {
    duplicate_phase,
    phase_out_of_order,
    unknown_phase_mention,
    duplicate_stop_gate,
    historical_phase_mention,
    unknown_stop_gate,
}

use crate::model::{Doc, DocKind, Project};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::{FileId, Span};
use std::collections::HashMap;

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
    if !doc
        .md
        .headings
        .iter()
        .any(|h| doc.md.heading_text(h, text).contains("Phase"))
    {
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
            let example = doc
                .md
                .heading_text(h, text)
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

/// Phase headings and bold phase openings of every phase doc, by file.
fn declarations(cx: &Context<'_>) -> HashMap<FileId, Vec<PhaseHeading>> {
    use rayon::prelude::*;
    let docs: Vec<&Doc> = phase_docs(cx.project).collect();
    docs.par_iter()
        .map(|doc| {
            let text = cx.text(doc.file);
            let mut heads = phase_headings(doc, text);
            heads.extend(bold_phases(doc, text));
            (doc.file, heads)
        })
        .collect()
}

/// Declared phases per scope (skill directory, or the file outside skills).
fn declared<'a>(
    cx: &Context<'a>,
    heads: &HashMap<FileId, Vec<PhaseHeading>>,
) -> HashMap<&'a str, Vec<PhaseNo>> {
    let mut map: HashMap<&str, Vec<PhaseNo>> = HashMap::new();
    for doc in phase_docs(cx.project) {
        let entry = map.entry(scope(cx.project, &doc.path)).or_default();
        if let Some(h) = heads.get(&doc.file) {
            entry.extend(h.iter().map(|h| h.no));
        }
    }
    map
}

/// What the phase mention rules report, found in one pass over the prose.
pub struct Mentions {
    /// PH003.
    pub unknown: Vec<Diagnostic>,
    /// PH005.
    pub historical: Vec<Diagnostic>,
}

/// Phase mentions in prose checked against the phases each skill declares,
/// once for both mention rules.
pub(crate) fn mentions<'a>(cx: &'a Context<'_>) -> &'a Mentions {
    cx.shared.phase_mentions.get_or_init(|| scan_mentions(cx))
}

fn scan_mentions(cx: &Context<'_>) -> Mentions {
    use rayon::prelude::*;
    let project = cx.project;
    let heads = declarations(cx);
    let table = declared(cx, &heads);
    let by_name = project.skills_by_name();
    let re = crate::regex!(r"(?-u:\b)Phases?\s+(\d+(?:\.\d+)?)(?-u:\b)");
    // The skill named just before a mention: `cluster-install Phase 5`,
    // `` `cozystack:cluster-install` Phase 5 ``, `cluster-install's Phase 5`.
    let before =
        crate::regex!(r"(?:[A-Za-z0-9][A-Za-z0-9_-]*:)?([a-z0-9][a-z0-9-]*)(?:'s|’s)?[`*_\s]*$");
    let hist = crate::regex!(
        r"(?i)(?-u:\b)(?:used\s+to\s+be|formerly|previously|was\s+once|the\s+old|renamed\s+from|folded\s+into|what\s+was)\s+(?:the\s+)?(?:old\s+)?Phase\s+\d+(?:\.\d+)?"
    );
    // Docs are independent once the tables are built.
    let docs: Vec<&Doc> = phase_docs(project)
        .filter(|d| cx.phase_in_focus(&d.path))
        .collect();
    let found: Vec<Diagnostic> = docs
        .par_iter()
        .flat_map_iter(|doc| {
            let mut out = Vec::new();
            let own = scope(project, &doc.path);
            if table.get(own).is_none_or(|v| v.is_empty()) {
                return out;
            }
            let text = cx.text(doc.file);
            // Where the doc says "phase" at all: runs without one are skipped
            // without running the mention patterns on them.
            let said: Vec<usize> = crate::regex!(r"(?i)phase")
                .find_iter(text)
                .map(|m| m.start())
                .collect();
            if said.is_empty() {
                return out;
            }
            let heading_starts: Vec<Span> = heads
                .get(&doc.file)
                .map(|h| h.iter().map(|h| h.span).collect())
                .unwrap_or_default();
            // Scopes of this doc's plugin start with this ("" for a root plugin).
            let plugin_prefix = project.plugin_of(&doc.path).map(|p| {
                if p.dir.is_empty() {
                    String::new()
                } else {
                    format!("{}/", p.dir)
                }
            });
            for run in doc.md.text.iter().chain(doc.md.inline_code.iter()) {
                let Some(src) = text.get(run.range()) else {
                    continue;
                };
                let first = said.partition_point(|&at| at < run.start as usize);
                if said.get(first).is_none_or(|&at| at + 5 > run.end as usize) {
                    continue;
                }
                let base = run.start as usize;
                let mut historic: Vec<(usize, usize)> = Vec::new();
                for m in hist.find_iter(src) {
                    historic.push((m.start(), m.end()));
                    out.push(
                        Diagnostic::new(
                            &historical_phase_mention::RULE,
                            doc.file,
                            Span::new(base + m.start(), base + m.end()),
                            format!("`{}` refers to a phase that no longer exists", m.as_str()),
                        )
                        .help("describe the current step instead of its history"),
                    );
                }
                for c in re.captures_iter(src) {
                    let (Some(all), Some(num)) = (c.get(0), c.get(1)) else {
                        continue;
                    };
                    if historic
                        .iter()
                        .any(|(a, b)| num.start() >= *a && num.end() <= *b)
                    {
                        continue;
                    }
                    let phase_at = base
                        + all
                            .as_str()
                            .rfind("Phase")
                            .map_or(all.start(), |i| all.start() + i);
                    if heading_starts.iter().any(|h| h.start as usize == phase_at) {
                        continue;
                    }
                    let Some(no) = parse_no(num.as_str()) else {
                        continue;
                    };
                    // Declares `no`; "Phase 4" also matches a list with only 4.1, 4.2 …
                    let has = |l: &Vec<PhaseNo>| {
                        l.contains(&no) || (no.1.is_none() && l.iter().any(|(a, _)| *a == no.0))
                    };
                    let phase_abs = base + all.start();
                    let mut from = phase_abs.saturating_sub(80);
                    while !text.is_char_boundary(from) {
                        from += 1;
                    }
                    let named = before
                        .captures(&text[from..phase_abs])
                        .and_then(|b| b.get(1))
                        .map(|m| m.as_str())
                        .filter(|n| by_name.contains_key(n));
                    let target: Option<&str> = named.map(|n| by_name[n]);
                    let Some(list) = table.get(target.unwrap_or(own)) else {
                        continue;
                    };
                    if list.is_empty() || has(list) {
                        continue;
                    }
                    // A skill named elsewhere on the same line that has this phase
                    // (`Phase 8 of cluster-install`, `` `cluster-install` Phase 4 + Phase 5.5 ``).
                    if target.is_none() {
                        let file = cx.db.get(doc.file);
                        let line = file.slice(file.line_span(file.line_col(phase_abs).0));
                        let elsewhere = by_name.iter().any(|(n, dir)| {
                            *dir != own
                                && crate::text::names_word(line, n)
                                && table.get(*dir).is_some_and(has)
                        });
                        if elsewhere {
                            continue;
                        }
                    }
                    let whose = match named {
                        Some(n) => format!("skill `{n}`"),
                        None if project.skill_of(&doc.path).is_some() => "this skill".to_string(),
                        None => "this file".to_string(),
                    };
                    let phase_span = Span::new(phase_at, base + num.end());
                    // Declared by another skill or command of the same plugin: the
                    // mention is ambiguous rather than dangling.
                    let owners: Vec<&&str> = match (&target, &plugin_prefix) {
                        (None, Some(prefix)) => table
                            .iter()
                            .filter(|(scope, l)| {
                                **scope != own && scope.starts_with(prefix.as_str()) && has(l)
                            })
                            .map(|(scope, _)| scope)
                            .collect(),
                        _ => Vec::new(),
                    };
                    if !owners.is_empty() {
                        let mut names: Vec<&str> = owners
                            .iter()
                            .map(|s| {
                                s.trim_end_matches("/SKILL.md")
                                    .rsplit('/')
                                    .next()
                                    .unwrap_or(s)
                            })
                            .collect();
                        names.sort();
                        out.push(
                            Diagnostic::new(
                                &unknown_phase_mention::RULE,
                                doc.file,
                                phase_span,
                                format!(
                                    "Phase {} is not in {whose}; it is declared by {}",
                                    show(no),
                                    names.join(", ")
                                ),
                            )
                            .severity(crate::rules::diag::Severity::Warning)
                            .help(format!(
                                "name the owner: `{} Phase {}`",
                                names[0].trim_end_matches(".md"),
                                show(no)
                            )),
                        );
                        continue;
                    }
                    let near = list
                        .iter()
                        .filter(|(a, _)| *a == no.0)
                        .map(|n| show(*n))
                        .collect::<Vec<_>>();
                    let diag = Diagnostic::new(
                        &unknown_phase_mention::RULE,
                        doc.file,
                        phase_span,
                        format!("Phase {} does not exist in {whose}", show(no)),
                    );
                    out.push(if near.is_empty() {
                        let all: Vec<String> = list.iter().map(|n| show(*n)).collect();
                        diag.help(format!("its phases are {}", all.join(", ")))
                    } else {
                        diag.help(format!("did you mean Phase {}?", near.join(" or Phase ")))
                    });
                }
            }
            out
        })
        .collect();
    let (historical, unknown) = found
        .into_iter()
        .partition(|d| d.rule.id == historical_phase_mention::RULE.id);
    Mentions {
        unknown,
        historical,
    }
}

/// The STOP GATEs each skill declares, and the docs whose gate mentions
/// are checked against them.
pub struct Gates<'a> {
    /// Each doc with its scope (skill directory, or the doc outside skills);
    /// under --files/--since, only scopes with a reportable file.
    pub docs: Vec<(&'a Doc, &'a str)>,
    /// Declarations per scope: number, file, span.
    pub decls: HashMap<&'a str, Vec<(u32, FileId, Span)>>,
}

/// The STOP GATE declarations, found once for both gate rules.
pub(crate) fn gates<'s, 'a>(cx: &'s Context<'a>) -> &'s Gates<'a> {
    cx.shared.stop_gates.get_or_init(|| find_gates(cx))
}

fn find_gates<'a>(cx: &Context<'a>) -> Gates<'a> {
    let project = cx.project;
    let decl_re = crate::regex!(
        r"(?m)^[ \t]*(?:#{1,6}[ \t]+.*?STOP GATE[ \t]+(\d+)(?-u:\b)|(?:>[ \t]*|[-*][ \t]+)?(?:\*\*|__)?STOP GATE[ \t]+(\d+)(?:[ \t]*(?:[—–:.)-]|\*\*|__|$)))"
    );
    // Each doc with its scope (skill directory, or the doc outside skills);
    // under --files/--since, only scopes with a reportable file.
    let mut docs: Vec<(&Doc, &str)> = phase_docs(project)
        .map(|d| (d, scope(project, &d.path)))
        .collect();
    if cx.focus.is_some() {
        let wanted: std::collections::HashSet<&str> = docs
            .iter()
            .filter(|(d, _)| cx.phase_in_focus(&d.path))
            .map(|(_, s)| *s)
            .collect();
        docs.retain(|(_, s)| wanted.contains(s));
    }
    // Declarations per skill.
    let mut decls: HashMap<&str, Vec<(u32, FileId, Span)>> = HashMap::new();
    for (doc, own) in &docs {
        let text = cx.text(doc.file);
        let body = &text[doc.body_start..];
        // The declaration pattern is anchored per line and has no literal
        // prefix for the regex engine to skip ahead with.
        if !body.contains("STOP GATE") {
            continue;
        }
        for c in decl_re.captures_iter(body) {
            let Some(n) = c.get(1).or_else(|| c.get(2)) else {
                continue;
            };
            let start = doc.body_start + n.start();
            if doc.md.in_code(start) {
                continue;
            }
            let all = c.get(0).map_or(n.start(), |a| a.start());
            let gate_at = doc.body_start + all + body[all..].find("STOP").unwrap_or(0);
            let Ok(k) = n.as_str().parse::<u32>() else {
                continue;
            };
            decls.entry(own).or_default().push((
                k,
                doc.file,
                Span::new(gate_at, doc.body_start + n.end()),
            ));
        }
    }
    Gates { docs, decls }
}
