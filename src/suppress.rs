//! Inline suppressions in markdown:
//! `<!-- skillc-disable-next-line ID[, ID…] -->` silences the next line;
//! `<!-- skillc-disable ID -->` … `<!-- skillc-enable ID -->` a range.
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
                        "disable-next-line" => ranges.push((line + 1, line + 1, ids)),
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
                s.by_file.insert(doc.file, ranges);
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
