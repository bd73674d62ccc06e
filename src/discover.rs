//! Walk the tree once (gitignore-aware, hidden directories included because
//! `.claude-plugin/` is hidden), read what skillc parses, and record problems.

use crate::config::Config;
use crate::source::rel_path;
use std::path::{Path, PathBuf};

/// Files larger than this are never read.
pub const MAX_READ: u64 = 8 * 1024 * 1024;

/// One walked path.
#[derive(Debug, Clone)]
pub struct Walked {
    /// Relative, `/`-separated.
    pub path: String,
    pub abs: PathBuf,
    pub is_dir: bool,
}

/// Something wrong with a path itself (not its content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalkProblem {
    /// A symlink whose target lies outside the checked tree.
    Escapes { path: String, target: String },
    /// A symlink loop, a dangling link, or an unreadable directory.
    Broken { path: String, reason: String },
}

/// Walk `start` (inside `root`), returning sorted entries and problems.
pub fn walk(root: &Path, start: &Path, config: &Config) -> (Vec<Walked>, Vec<WalkProblem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = ignore::WalkBuilder::new(start)
        .hidden(false)
        .parents(false)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(false)
        .require_git(false)
        .follow_links(true)
        .filter_entry(|e| e.file_name() != ".git")
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = error_path(&err)
                    .map(|p| rel_path(root, &p))
                    .unwrap_or_default();
                let reason = if is_loop(&err) {
                    "symlink loop".to_string()
                } else {
                    err.to_string()
                };
                problems.push(WalkProblem::Broken { path, reason });
                continue;
            }
        };
        if entry.depth() == 0 && start == root {
            continue;
        }
        let abs = entry.path().to_path_buf();
        let path = rel_path(root, &abs);
        if config.is_excluded(&path) {
            continue;
        }
        if entry.path_is_symlink() {
            match abs.canonicalize() {
                Ok(target) if !target.starts_with(&canon_root) => {
                    problems.push(WalkProblem::Escapes {
                        path,
                        target: target.display().to_string(),
                    });
                    continue;
                }
                Ok(_) => {}
                Err(e) => {
                    problems.push(WalkProblem::Broken {
                        path,
                        reason: format!("dangling symlink: {e}"),
                    });
                    continue;
                }
            }
        }
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        out.push(Walked { path, abs, is_dir });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    (out, problems)
}

fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// Result of reading one file.
pub enum Read {
    Text(String),
    NotUtf8 { valid_up_to: usize },
    TooLarge(u64),
    Failed(String),
}

/// Read a file with the size cap; never panics.
pub fn read(abs: &Path) -> Read {
    match std::fs::metadata(abs) {
        Ok(m) if m.len() > MAX_READ => return Read::TooLarge(m.len()),
        Ok(_) => {}
        Err(e) => return Read::Failed(e.to_string()),
    }
    match std::fs::read(abs) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Read::Text(s),
            Err(e) => Read::NotUtf8 {
                valid_up_to: e.utf8_error().valid_up_to(),
            },
        },
        Err(e) => Read::Failed(e.to_string()),
    }
}
