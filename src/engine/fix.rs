//! Applying fixes: `check --fix` and `check --fix --dry-run`.

use crate::rules::diag::{Diagnostic, Edit};
use crate::source::{FileId, SourceDb};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The new text of every file the fixes of `diags` change, and the files of
/// each fix taken. A fix whose edits overlap an edit already taken is skipped
/// whole (the next run offers it again), so a file never receives half a fix.
pub fn apply(
    diags: &[Diagnostic],
    db: &SourceDb,
) -> (BTreeMap<FileId, String>, Vec<BTreeSet<FileId>>) {
    let mut taken: BTreeMap<FileId, Vec<&Edit>> = BTreeMap::new();
    let mut applied = Vec::new();
    for fix in diags.iter().filter_map(|d| d.fix.as_ref()) {
        let clashes = fix.edits.iter().any(|e| {
            taken.get(&e.file).is_some_and(|es| {
                es.iter()
                    .any(|t| e.span.start < t.span.end && t.span.start < e.span.end)
            })
        });
        let in_bounds = fix.edits.iter().all(|e| {
            let text = db.text(e.file);
            text.get(e.span.range()).is_some()
        });
        if clashes || !in_bounds {
            continue;
        }
        for e in &fix.edits {
            taken.entry(e.file).or_default().push(e);
        }
        applied.push(fix.edits.iter().map(|e| e.file).collect());
    }
    let mut out = BTreeMap::new();
    for (file, mut edits) in taken {
        edits.sort_by_key(|e| e.span.start);
        let old = db.text(file);
        let mut new = String::with_capacity(old.len() + 64);
        let mut at = 0;
        for e in edits {
            new.push_str(&old[at..e.span.start as usize]);
            new.push_str(&e.text);
            at = e.span.end as usize;
        }
        new.push_str(&old[at..]);
        if new != old {
            out.insert(file, new);
        }
    }
    (out, applied)
}

/// What writing fixed files did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files written.
    pub files: usize,
    /// Files left alone, with why (outside the tree, through a link, or
    /// changed on disk since they were read).
    pub skipped: Vec<(String, String)>,
    /// The ids of the files left alone.
    pub skipped_ids: BTreeSet<FileId>,
}

/// Write the fixed texts `edits` (from [`apply`]) into the tree at `root`,
/// atomically. A file that changed since it was read is never clobbered.
/// An error is a file that could not be written.
pub fn write(
    root: &Path,
    edits: &BTreeMap<FileId, String>,
    db: &SourceDb,
) -> Result<Written, String> {
    let mut done = Written::default();
    for (file, new) in edits {
        let path = db.path(*file);
        let target = match crate::source::fs::safe_target(root, path) {
            Ok(t) => t,
            Err(e) => {
                done.skipped.push((path.to_string(), e));
                done.skipped_ids.insert(*file);
                continue;
            }
        };
        if std::fs::read_to_string(&target).ok().as_deref() != Some(db.text(*file)) {
            done.skipped
                .push((path.to_string(), "it changed while skillc ran".into()));
            done.skipped_ids.insert(*file);
            continue;
        }
        crate::source::fs::write_atomic(&target, new.as_bytes(), None)
            .map_err(|e| format!("cannot write `{path}`: {e}"))?;
        done.files += 1;
    }
    Ok(done)
}
