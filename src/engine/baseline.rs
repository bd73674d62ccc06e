//! Baselines: adopt skillc on a repository with existing findings today, and
//! ratchet down.
//!
//! `check --write-baseline FILE` records the current findings; `check
//! --baseline FILE` hides findings the file records. A finding is matched by
//! rule, path and message, not by line, so edits elsewhere in a file do not
//! resurface it; each record holds a count, so a second identical finding in
//! the same file is new and reported.

use crate::rules::diag::Diagnostic;
use crate::source::SourceDb;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Record>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Clone)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub rule: String,
    pub path: String,
    pub message: String,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

type Key = (String, String, String);

fn key(d: &Diagnostic, db: &SourceDb) -> Key {
    (
        d.rule.id.to_string(),
        db.path(d.file()).to_string(),
        d.message.clone(),
    )
}

impl Baseline {
    /// The baseline of `diags`, sorted and with identical findings counted.
    pub fn of(diags: &[Diagnostic], db: &SourceDb) -> Baseline {
        let mut counts: BTreeMap<Key, usize> = BTreeMap::new();
        for d in diags {
            *counts.entry(key(d, db)).or_default() += 1;
        }
        Baseline {
            version: 1,
            findings: counts
                .into_iter()
                .map(|((rule, path, message), count)| Record {
                    rule,
                    path,
                    message,
                    count,
                })
                .collect(),
        }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn parse(text: &str) -> Result<Baseline, String> {
        let b: Baseline = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| format!("not a skillc baseline: {e}"))?;
        if b.version != 1 {
            return Err(format!("unsupported baseline version {}", b.version));
        }
        Ok(b)
    }

    /// Drop the findings the baseline records; return how many records no
    /// longer match anything (fixed findings: the baseline can shrink).
    pub fn filter(&self, diags: &mut Vec<Diagnostic>, db: &SourceDb) -> usize {
        let mut left: BTreeMap<Key, usize> = self
            .findings
            .iter()
            .map(|r| ((r.rule.clone(), r.path.clone(), r.message.clone()), r.count))
            .collect();
        diags.retain(|d| match left.get_mut(&key(d, db)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        });
        left.values().sum()
    }
}

/// Write a baseline to `target`, refusing a target outside the checked
/// tree `root` (skillc writes only there).
pub fn write(target: &Path, root: &Path, text: &str) -> Result<(), String> {
    let rel = crate::source::fs::path_in_tree(root, target).ok_or_else(|| {
        format!(
            "`{}` is not inside the checked tree `{}`; skillc writes only there",
            target.display(),
            root.display()
        )
    })?;
    let abs = crate::source::fs::safe_target(root, &rel)?;
    if abs.is_dir() {
        return Err(format!("`{}` is a directory", target.display()));
    }
    crate::source::fs::write_atomic(&abs, text.as_bytes(), None)
        .map_err(|e| format!("cannot write `{}`: {e}", target.display()))
}

/// Read the baseline at `path`.
pub fn read(path: &Path) -> Result<Baseline, String> {
    std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|t| Baseline::parse(&t))
        .map_err(|e| format!("cannot use baseline `{}`: {e}", path.display()))
}
