//! `--statistics`: how many findings each rule made, most first (ruff's
//! table), so a report of thousands of findings reads in one screen.

use crate::rules::diag::Diagnostic;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One rule's count.
#[derive(serde::Serialize)]
struct Row {
    code: &'static str,
    name: &'static str,
    count: usize,
    /// How many of them `--fix` can fix.
    fixable: usize,
}

fn rows(diags: &[Diagnostic]) -> Vec<Row> {
    let mut by: BTreeMap<&'static str, Row> = BTreeMap::new();
    for d in diags {
        let row = by.entry(d.rule.id).or_insert(Row {
            code: d.rule.id,
            name: d.rule.name,
            count: 0,
            fixable: 0,
        });
        row.count += 1;
        row.fixable += usize::from(d.fixable());
    }
    let mut rows: Vec<Row> = by.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    rows
}

/// The table: count, rule id, `[*]` when some are fixable, rule name.
pub fn render(diags: &[Diagnostic]) -> String {
    let rows = rows(diags);
    let width = rows.first().map_or(1, |r| r.count.to_string().len());
    let mut out = String::new();
    for r in &rows {
        let fix = if r.fixable > 0 { "[*]" } else { "   " };
        let _ = writeln!(out, "{:>width$}\t{:<8}{fix} {}", r.count, r.code, r.name);
    }
    out
}

/// The same as a JSON array of `{code, name, count, fixable}`.
pub fn render_json(diags: &[Diagnostic]) -> String {
    let mut s = serde_json::to_string_pretty(&rows(diags)).unwrap_or_default();
    s.push('\n');
    s
}
