//! Inline suppressions.
//!
//! In markdown: `<!-- skillc-disable-next-line ID[, ID…] -->` silences the
//! next line (or, right before a fenced block, the whole block);
//! `<!-- skillc-disable ID -->` … `<!-- skillc-enable ID -->` a range.
//! In shell (blocks, scripts, hooks): `# skillc: disable=ID[,ID…]` on the
//! line itself or on the line before.
//! Ids may be rule ids or names; `all` silences every rule.

use crate::engine::config::{Config, Level};
use crate::model::Project;
use crate::rules::diag::Diagnostic;
use crate::rules::{Unused, UnusedWhat};
use crate::source::{FileId, SourceDb, Span};
use std::collections::HashMap;

#[derive(Debug)]
struct Entry {
    first: usize,
    last: usize,
    /// Rule ids or names, each with whether it silenced something.
    ids: Vec<(String, bool)>,
    /// The comment, for reporting it.
    span: Span,
}

#[derive(Debug, Default)]
pub struct Suppressions {
    by_file: HashMap<FileId, Vec<Entry>>,
}

fn entry(first: usize, last: usize, ids: Vec<String>, span: Span) -> Entry {
    Entry {
        first,
        last,
        ids: ids.into_iter().map(|i| (i, false)).collect(),
        span,
    }
}

impl Suppressions {
    pub fn collect(project: &Project, db: &SourceDb) -> Self {
        use crate::parse::suppress::{self, Directive};
        let mut s = Suppressions::default();
        for doc in &project.docs {
            let file = db.get(doc.file);
            let mut open: Vec<(usize, Vec<String>, Span)> = Vec::new();
            let mut ranges = Vec::new();
            for span in doc.md.html.iter() {
                let base = span.start as usize;
                for c in suppress::markdown(file.slice(*span)) {
                    let here = Span::new(base + c.range.start, base + c.range.end);
                    let (line, _) = file.line_col(base + c.range.end);
                    match c.directive {
                        Directive::DisableNextLine => {
                            // Right before a fenced block: the whole block.
                            let block = doc
                                .md
                                .code_blocks
                                .iter()
                                .find(|b| file.line_col(b.span.start as usize).0 == line + 1);
                            let end =
                                block.map_or(line + 1, |b| file.line_col(b.span.end as usize).0);
                            ranges.push(entry(line + 1, end, c.ids, here))
                        }
                        Directive::Disable => open.push((line, c.ids, here)),
                        Directive::Enable => {
                            open.retain(|(start, open_ids, at)| {
                                if open_ids.iter().any(|i| c.ids.contains(i)) {
                                    ranges.push(entry(*start, line, open_ids.clone(), *at));
                                    false
                                } else {
                                    true
                                }
                            });
                        }
                    }
                }
            }
            for (start, ids, at) in open {
                ranges.push(entry(start, usize::MAX, ids, at));
            }
            if !ranges.is_empty() {
                s.by_file.entry(doc.file).or_default().extend(ranges);
            }
        }
        // Shell comments.
        let blocks = project
            .docs
            .iter()
            .flat_map(|d| d.shell.iter().map(move |b| (d.file, b)))
            .chain(project.scripts.iter().map(|s| (s.file, &s.shell)))
            .chain(
                project
                    .json
                    .iter()
                    .flat_map(|j| j.shell.iter().map(move |b| (j.file, b))),
            );
        for (fid, block) in blocks {
            let file = db.get(fid);
            for (span, text) in block.comments() {
                if let Some(ids) = suppress::shell(text) {
                    let (line, _) = file.line_col(span.start as usize);
                    s.by_file
                        .entry(fid)
                        .or_default()
                        .push(entry(line, line + 1, ids, span));
                }
            }
        }
        s
    }

    /// Whether a suppression covers `d`; every one that does is marked used.
    pub fn covers(&mut self, d: &Diagnostic, db: &SourceDb) -> bool {
        let Some(entries) = self.by_file.get_mut(&d.file()) else {
            return false;
        };
        let (line, _) = db.get(d.file()).line_col(d.span().start as usize);
        let mut covered = false;
        for e in entries
            .iter_mut()
            .filter(|e| (e.first..=e.last).contains(&line))
        {
            for (id, used) in &mut e.ids {
                if id == "all" || id.eq_ignore_ascii_case(d.rule.id) || id == d.rule.name {
                    *used = true;
                    covered = true;
                }
            }
        }
        covered
    }

    /// `GEN011` for every id of a suppression that silenced nothing.
    /// The suppressions that silenced nothing, among those whose rule could
    /// have reported (a rule that is off, or shellcheck without
    /// `--shellcheck`, suppresses nothing by design).
    pub fn unused(&self, config: &Config, shellcheck: bool, db: &SourceDb) -> Vec<Unused> {
        let mut out = Vec::new();
        for (&file, entries) in &self.by_file {
            let path = db.path(file);
            for e in entries {
                for (id, used) in &e.ids {
                    if *used {
                        continue;
                    }
                    let what = if id == "all" {
                        UnusedWhat::All
                    } else {
                        match crate::engine::config::lookup_rule(id) {
                            Err(_) => UnusedWhat::NotARule {
                                id: id.clone(),
                                near: crate::engine::config::nearest_rule(id),
                            },
                            Ok(rule) => {
                                let off = config.level_at(rule, path).unwrap_or(config.level(rule))
                                    == Level::Off;
                                let skipped = rule.id == crate::rules::shell::shellcheck::RULE.id
                                    && !shellcheck;
                                if off || skipped {
                                    continue;
                                }
                                UnusedWhat::Rule(rule)
                            }
                        }
                    };
                    out.push(Unused {
                        file,
                        span: e.span,
                        what,
                    });
                }
            }
        }
        out
    }
}
