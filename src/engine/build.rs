//! `skillc build`: compile the typed sources, compare what they render with
//! the tree, and write what changed (atomically, inside the tree only).

use crate::engine::Session;
use crate::model::build::Loaded;
use crate::rules::diag::{self, Diagnostic, Severity};
use std::path::Path;

/// A generated file whose content or mode differs from what its source renders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Relative to the root.
    pub path: String,
    /// What is on disk now (`None`: missing).
    pub old: Option<String>,
    pub new: String,
    pub executable: bool,
}

/// What a build would do.
#[derive(Debug, Default)]
pub struct Plan {
    /// Error-level compile findings, sorted: nothing is written while any.
    pub errors: Vec<Diagnostic>,
    pub changes: Vec<Change>,
    /// Generated files no source renders any more (removed by a build).
    pub stale: Vec<String>,
    /// How many files the sources render.
    pub generated: usize,
}

impl Plan {
    pub fn up_to_date(&self) -> bool {
        self.changes.is_empty() && self.stale.is_empty()
    }
}

impl Session {
    /// Compile every source of `loaded` and compare the result with the tree.
    pub fn plan_build(&self, loaded: &Loaded) -> Plan {
        let options = crate::compile::Options {
            shell: &self.config.shell,
            focus: self.options.focus.as_ref(),
        };
        let out = crate::compile::compile(&loaded.project, &loaded.db, &options);
        let mut errors: Vec<Diagnostic> = out
            .findings
            .into_iter()
            .map(crate::rules::build::diagnostic)
            .filter(|d| d.severity == Severity::Error)
            .collect();
        diag::sort(&mut errors, &loaded.db);
        let root = &loaded.root;
        let mut changes = Vec::new();
        for r in &out.files {
            let current = std::fs::read_to_string(root.join(&r.path)).ok();
            let stale_mode = r.executable && current.as_deref() == Some(r.text.as_str()) && {
                !is_executable(&root.join(&r.path))
            };
            if current.as_deref() != Some(r.text.as_str()) || stale_mode {
                changes.push(Change {
                    path: r.path.clone(),
                    old: current,
                    new: r.text.clone(),
                    executable: r.executable,
                });
            }
        }
        Plan {
            errors,
            changes,
            stale: out.stale.into_iter().map(|(p, _)| p).collect(),
            generated: out.files.len(),
        }
    }
}

/// Whether the file at `path` has mode 0755 (always true off Unix).
fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0)
            == 0o755
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// One thing a build did, for its report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    Wrote(String),
    Removed(String),
}

/// Carry out `plan` in the tree at `root`: write the changed files (mode
/// 0755 for scripts) and remove stale ones. Stops at the first failure:
/// what was done before it, and the failure.
pub fn write(root: &Path, plan: &Plan) -> (Vec<Done>, Option<String>) {
    let mut done = Vec::new();
    let result = (|| {
        for c in &plan.changes {
            let target = crate::source::fs::safe_target(root, &c.path)?;
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
            }
            let mode = c.executable.then_some(0o755);
            crate::source::fs::write_atomic(&target, c.new.as_bytes(), mode)
                .map_err(|e| format!("cannot write `{}`: {e}", c.path))?;
            done.push(Done::Wrote(c.path.clone()));
        }
        for path in &plan.stale {
            let target = crate::source::fs::safe_target(root, path)?;
            std::fs::remove_file(&target).map_err(|e| format!("cannot remove `{path}`: {e}"))?;
            done.push(Done::Removed(path.clone()));
        }
        Ok::<(), String>(())
    })();
    (done, result.err())
}
