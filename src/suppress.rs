//! Inline suppressions.
//!
//! In markdown: `<!-- skillc-disable-next-line ID[, ID…] -->` silences the
//! next line (or, right before a fenced block, the whole block);
//! `<!-- skillc-disable ID -->` … `<!-- skillc-enable ID -->` a range.
//! In shell (blocks, scripts, hooks): `# skillc: disable=ID[,ID…]` on the
//! line itself or on the line before.
//! Ids may be rule ids or names; `all` silences every rule.

use crate::diag::Diagnostic;
use crate::model::Project;
use crate::source::{FileId, SourceDb};
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct Suppressions {
    /// Per file: (first line, last line, rule ids or names).
    by_file: HashMap<FileId, Vec<(usize, usize, Vec<String>)>>,
}

impl Suppressions {
    pub fn collect(project: &Project, db: &SourceDb) -> Self {
        let mut s = Suppressions::default();
        let re = crate::regex!(
            r"<!--\s*skillc-(disable-next-line|disable|enable)\s+([A-Za-z0-9_,\s-]+?)\s*-->"
        );
        for doc in &project.docs {
            let file = db.get(doc.file);
            let mut open: Vec<(usize, Vec<String>)> = Vec::new();
            let mut ranges = Vec::new();
            for span in &doc.md.html {
                let text = file.slice(*span);
                for c in re.captures_iter(text) {
                    let ids: Vec<String> = c[2]
                        .split([',', ' ', '\t', '\n'])
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect();
                    let at = span.start as usize + c.get(0).map_or(0, |m| m.end());
                    let (line, _) = file.line_col(at);
                    match &c[1] {
                        "disable-next-line" => {
                            // Right before a fenced block: the whole block.
                            let block = doc
                                .md
                                .code_blocks
                                .iter()
                                .find(|b| file.line_col(b.span.start as usize).0 == line + 1);
                            let end =
                                block.map_or(line + 1, |b| file.line_col(b.span.end as usize).0);
                            ranges.push((line + 1, end, ids))
                        }
                        "disable" => open.push((line, ids)),
                        _ => {
                            open.retain(|(start, open_ids)| {
                                if open_ids.iter().any(|i| ids.contains(i)) {
                                    ranges.push((*start, line, open_ids.clone()));
                                    false
                                } else {
                                    true
                                }
                            });
                        }
                    }
                }
            }
            for (start, ids) in open {
                ranges.push((start, usize::MAX, ids));
            }
            if !ranges.is_empty() {
                s.by_file.entry(doc.file).or_default().extend(ranges);
            }
        }
        // Shell comments.
        let shell_re = crate::regex!(r"skillc:\s*disable=([A-Za-z0-9_,-]+)");
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
            for (span, text) in &block.comments {
                if let Some(c) = shell_re.captures(text) {
                    let ids: Vec<String> = c[1]
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect();
                    let (line, _) = file.line_col(span.start as usize);
                    s.by_file
                        .entry(fid)
                        .or_default()
                        .push((line, line + 1, ids));
                }
            }
        }
        s
    }

    pub fn covers(&self, d: &Diagnostic, db: &SourceDb) -> bool {
        let Some(ranges) = self.by_file.get(&d.file()) else {
            return false;
        };
        let (line, _) = db.get(d.file()).line_col(d.span().start as usize);
        ranges.iter().any(|(a, b, ids)| {
            (*a..=*b).contains(&line)
                && ids
                    .iter()
                    .any(|i| i == "all" || i.eq_ignore_ascii_case(d.rule.id) || i == d.rule.name)
        })
    }
}
