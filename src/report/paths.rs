//! How a report writes file paths. The model holds every path relative to
//! the loaded root; a report writes it relative to where its reader resolves
//! it: the working directory for people (click-to-open, as ruff and clippy
//! do), the repository root for GitHub annotations and SARIF (GitHub resolves
//! `file=` and artifact URIs from there).

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

/// How root-relative paths (`/`-separated) are rewritten: behind a prefix
/// when the loaded root lies below the base directory, or relative to the
/// base (`../`) when the base lies inside the loaded root.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paths {
    /// Put before every path (ending in `/` when not empty).
    prefix: String,
    /// Where the base lies below the root, one entry per directory.
    inside: Vec<String>,
}

impl Paths {
    /// Paths exactly as the model holds them (relative to the loaded root).
    pub fn as_loaded() -> Paths {
        Paths::default()
    }

    /// Paths of files below `root` written relative to `base`; absolute when
    /// `root` is not below `base`.
    pub fn relative_to(root: &Path, base: &Path) -> Paths {
        let root = canonical(root);
        let base = canonical(base);
        if let Ok(rel) = base.strip_prefix(&root)
            && !rel.as_os_str().is_empty()
        {
            return Paths {
                prefix: String::new(),
                inside: slashed(rel).split('/').map(str::to_string).collect(),
            };
        }
        let prefix = match root.strip_prefix(&base) {
            Ok(rel) => slashed(rel),
            Err(_) => slashed(&root),
        };
        Paths {
            prefix: if prefix.is_empty() || prefix.ends_with('/') {
                prefix
            } else {
                prefix + "/"
            },
            inside: Vec::new(),
        }
    }

    /// For people: relative to the working directory.
    pub fn for_terminal(root: &Path) -> Paths {
        match std::env::current_dir() {
            Ok(cwd) => Paths::relative_to(root, &cwd),
            Err(_) => Paths::relative_to(root, root),
        }
    }

    /// For GitHub (annotations, SARIF): relative to the repository root, which
    /// is `$GITHUB_WORKSPACE` in Actions, else the nearest directory holding
    /// `.git`; outside a repository, as for people.
    pub fn for_repository(root: &Path) -> Paths {
        match repository_root(root) {
            Some(repo) => Paths::relative_to(root, &repo),
            None => Paths::for_terminal(root),
        }
    }

    /// `rel` (relative to the loaded root) as the report writes it.
    pub fn show<'a>(&self, rel: &'a str) -> Cow<'a, str> {
        if !self.inside.is_empty() {
            // Drop the directories `rel` shares with the base, climb the rest.
            let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
            let shared = self
                .inside
                .iter()
                .zip(&parts)
                .take_while(|(a, b)| a == *b)
                .count();
            let mut out = "../".repeat(self.inside.len() - shared);
            out.push_str(&parts[shared..].join("/"));
            if out.is_empty() {
                out.push('.');
            }
            return Cow::Owned(out.trim_end_matches('/').to_string());
        }
        if self.prefix.is_empty() {
            Cow::Borrowed(rel)
        } else if rel.is_empty() {
            Cow::Owned(self.prefix.trim_end_matches('/').to_string())
        } else {
            Cow::Owned(format!("{}{rel}", self.prefix))
        }
    }
}

/// The repository `root` lies in: `$GITHUB_WORKSPACE` when it holds `root`,
/// else the nearest directory at or above `root` holding `.git`.
pub fn repository_root(root: &Path) -> Option<PathBuf> {
    let root = canonical(root);
    if let Some(ws) = std::env::var_os("GITHUB_WORKSPACE").filter(|w| !w.is_empty()) {
        let ws = canonical(Path::new(&ws));
        if root.starts_with(&ws) {
            return Some(ws);
        }
    }
    root.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

fn canonical(p: &Path) -> PathBuf {
    p.canonicalize()
        .or_else(|_| std::path::absolute(p))
        .unwrap_or_else(|_| p.to_path_buf())
}

/// `p` with `/` between its parts (a leading `/` when absolute).
fn slashed(p: &Path) -> String {
    let mut out = String::new();
    for c in p.components() {
        match c {
            Component::RootDir => out.push('/'),
            Component::Prefix(x) => out.push_str(&x.as_os_str().to_string_lossy()),
            Component::CurDir => {}
            other => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_beside_and_outside() {
        let t = tempfile::tempdir().expect("tempdir");
        let repo = t.path().join("repo");
        let sub = repo.join("market/plugins");
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::create_dir_all(repo.join(".git")).expect("mkdir");
        let p = Paths::relative_to(&sub, &repo);
        assert_eq!(p.show("ops/SKILL.md"), "market/plugins/ops/SKILL.md");
        assert_eq!(p.show(""), "market/plugins");
        let same = Paths::relative_to(&repo, &repo);
        assert_eq!(same.show("a.md"), "a.md");
        let inside = Paths::relative_to(&repo, &sub);
        assert_eq!(inside.show("a.md"), "../../a.md");
        assert_eq!(inside.show("market/plugins/ops/x.md"), "ops/x.md");
        assert_eq!(inside.show("market/other/x.md"), "../other/x.md");
        assert_eq!(inside.show("market/plugins"), ".");
        let beside = Paths::relative_to(&sub, &t.path().join("elsewhere"));
        assert!(beside.show("a.md").starts_with('/'));
        assert!(beside.show("a.md").ends_with("/repo/market/plugins/a.md"));
        assert_eq!(
            Paths::for_repository(&sub).show("x.md"),
            "market/plugins/x.md"
        );
    }
}
