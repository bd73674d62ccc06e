//! Findings in generated files, reported where they come from. A finding in
//! a rendered SKILL.md, phase script, plugin.json or marketplace entry moves
//! to its place in the source (`skill.yaml`, `plugin.yaml`, or a file they
//! read) through the source map the compile recorded; its fix moves with it
//! when the text it replaces is the source's as written (a verbatim line of
//! prose or script), and is dropped otherwise. Findings with a cause at the source fold into
//! it: a finding on a source line that already has a build finding, and any
//! finding in a generated file that no longer matches what its source
//! renders (BLD007 says so, and the next build rewrites the file) or whose
//! source renders nothing (its own finding says why), or in a marketplace
//! entry the next build rewrites. And BLD007 itself folds into a source's
//! errors: with any, the build writes nothing, so fix those first.

use crate::compile::{Output, Rendered};
use crate::model::Project;
use crate::rules::Family;
use crate::rules::diag::{Diagnostic, Label};
use crate::source::{FileId, SourceDb};
use std::collections::{BTreeSet, HashMap};

/// What a generated file is to the findings in it.
enum Generated<'a> {
    /// Matches what its source renders: findings move to the source.
    Current(&'a Rendered),
    /// Out of date, stale, or its source renders nothing: findings fold.
    Folded,
}

/// Move and fold the findings in generated files (see the module docs).
pub(crate) fn remap(
    diags: Vec<Diagnostic>,
    compiled: &Output,
    project: &Project,
    db: &SourceDb,
) -> Vec<Diagnostic> {
    let generated = generated_files(compiled, project, db);
    if generated.is_empty() {
        return diags;
    }
    // Source lines that have a build finding: what is found there again folds.
    let build_lines: BTreeSet<(FileId, usize)> = diags
        .iter()
        .filter(|d| d.rule.family == Family::Build)
        .map(|d| {
            (
                d.file(),
                db.get(d.file()).line_col(d.span().start as usize).0,
            )
        })
        .collect();
    // Sources with errors of their own: the build writes nothing for them.
    let broken: BTreeSet<FileId> = diags
        .iter()
        .filter(|d| {
            d.rule.family == Family::Build
                && d.severity == crate::rules::diag::Severity::Error
                && !is_drift(d)
        })
        .map(Diagnostic::file)
        .collect();
    // Marketplace entries the next build rewrites.
    let stale_entries: Vec<&crate::model::Entry> = project
        .entries
        .iter()
        .filter(|e| {
            e.name
                .as_ref()
                .is_some_and(|(n, _)| compiled.entries.iter().any(|c| c.name == *n))
        })
        .collect();
    let in_stale_entry = |d: &Diagnostic| {
        stale_entries.iter().any(|e| {
            e.file == d.file() && e.span.start <= d.span().start && d.span().end <= e.span.end
        })
    };
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(diags.len());
    for mut d in diags {
        if is_drift(&d) && broken.contains(&d.file()) {
            continue;
        }
        if d.rule.family != Family::Build && in_stale_entry(&d) {
            continue;
        }
        if d.rule.family != Family::Build {
            match generated.get(db.path(d.file())) {
                Some(Generated::Folded) => continue,
                Some(Generated::Current(r)) => {
                    if !moved(&mut d, r, db) {
                        out.push(d);
                        continue;
                    }
                    let line = db.get(d.file()).line_col(d.span().start as usize).0;
                    if build_lines.contains(&(d.file(), line)) {
                        continue;
                    }
                    let key = (d.rule.id, d.file(), d.span().start, d.message.clone());
                    if !seen.insert(key) {
                        continue;
                    }
                }
                None => {}
            }
        }
        out.push(d);
    }
    out
}

fn is_drift(d: &Diagnostic) -> bool {
    std::ptr::eq(d.rule, &crate::rules::build::generated_file_drift::RULE)
}

/// Move `d` (in `r`'s file) to its source; `false` when the map does not
/// lead elsewhere (a marketplace's own lines map to themselves).
fn moved(d: &mut Diagnostic, r: &Rendered, db: &SourceDb) -> bool {
    let Some((file, span)) = r.map.span(&r.text, d.span()) else {
        return false;
    };
    if db.path(file) == r.path {
        return false;
    }
    let generated = r.path.rsplit('/').next().unwrap_or(&r.path).to_string();
    let source = db
        .path(file)
        .rsplit('/')
        .next()
        .unwrap_or("the source")
        .to_string();
    d.labels[0] = Label {
        file,
        span,
        message: std::mem::take(&mut d.labels[0].message),
    };
    // Secondary labels in the generated file move too; others stay.
    for l in d.labels.iter_mut().skip(1) {
        if db.path(l.file) == r.path
            && let Some((f, s)) = r.map.span(&r.text, l.span)
        {
            l.file = f;
            l.span = s;
        }
    }
    d.fix = d.fix.take().and_then(|f| moved_fix(f, r, db));
    let note = format!(
        "`{generated}` is generated from `{source}`: change it there and run `skillc build`"
    );
    d.help = Some(match d.help.take() {
        Some(h) => format!("{}; {note}", h.replace(&generated, &source)),
        None => note,
    });
    true
}

/// A fix of generated text, moved to the source: kept only when every edit
/// lands on source text that reads exactly as the generated text it
/// replaces (a verbatim line of prose or script); otherwise dropped.
fn moved_fix(
    fix: crate::rules::diag::Fix,
    r: &Rendered,
    db: &SourceDb,
) -> Option<crate::rules::diag::Fix> {
    let mut edits = Vec::with_capacity(fix.edits.len());
    for e in fix.edits {
        if db.path(e.file) != r.path {
            return None;
        }
        let (file, span) = r.map.span(&r.text, e.span)?;
        let was = r.text.get(e.span.range()).filter(|w| !w.is_empty())?;
        if db.path(file) == r.path || db.text(file).get(span.range()) != Some(was) {
            return None;
        }
        edits.push(crate::rules::diag::Edit {
            file,
            span,
            text: e.text,
        });
    }
    Some(crate::rules::diag::Fix {
        title: fix.title,
        edits,
    })
}

/// Every generated file the compile knows of, by path: current ones with
/// their render, and the ones whose findings fold.
fn generated_files<'a>(
    compiled: &'a Output,
    project: &Project,
    db: &SourceDb,
) -> HashMap<String, Generated<'a>> {
    let mut out = HashMap::new();
    for r in &compiled.files {
        let current = db.find(&r.path).map(|id| db.text(id)) == Some(r.text.as_str());
        if current {
            out.insert(r.path.clone(), Generated::Current(r));
        } else if !r.path.ends_with("marketplace.json") {
            // A marketplace is the author's file with generated entries: its
            // findings stay where they are until a build brings it up to date.
            out.insert(r.path.clone(), Generated::Folded);
        }
    }
    for (path, _) in &compiled.stale {
        out.insert(path.clone(), Generated::Folded);
    }
    // A skill source that renders nothing: its SKILL.md and phase scripts on
    // disk are what an earlier build wrote.
    for s in &project.skill_sources {
        let skill_md = format!("{}/SKILL.md", s.dir);
        if out.contains_key(&skill_md) {
            continue;
        }
        if db.find(&skill_md).is_some() {
            out.insert(skill_md, Generated::Folded);
        }
        let prefix = format!("{}/scripts/phase-", s.dir);
        for f in project.files.starting_with(&prefix) {
            if f.ends_with(".sh") {
                out.insert(f.to_string(), Generated::Folded);
            }
        }
    }
    out
}
