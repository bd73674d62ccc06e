//! Safe writes: atomic (temporary file and rename), never outside the tree,
//! never through a symlink.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Write `bytes` to `path` through a temporary file in the same directory;
/// `mode` sets Unix permissions (otherwise an existing file's are kept).
pub fn write_atomic(path: &Path, bytes: &[u8], mode: Option<u32>) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.skillc-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        match mode {
            #[cfg(unix)]
            Some(m) => {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(m))?;
            }
            _ => {
                if let Ok(meta) = std::fs::metadata(path) {
                    std::fs::set_permissions(&tmp, meta.permissions())?;
                }
            }
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `path` (relative to the working directory, or absolute) as a
/// `/`-separated path relative to `root`, when it lies inside it. The file
/// itself need not exist; its directory is resolved through symlinks.
pub fn path_in_tree(root: &Path, path: &Path) -> Option<String> {
    let abs = std::path::absolute(path).ok()?;
    let rel = match abs.strip_prefix(root) {
        Ok(rel) => rel.to_path_buf(),
        Err(_) => {
            let dir = abs.parent()?.canonicalize().ok()?;
            let rel = dir.strip_prefix(root.canonicalize().ok()?).ok()?;
            rel.join(abs.file_name()?)
        }
    };
    let rel = crate::source::rel_path(Path::new(""), &rel);
    (!rel.is_empty()).then_some(rel)
}

/// The absolute target of `rel` under `root`, when writing there stays inside
/// the tree: no `..`, no absolute paths, no symlinks on the way.
pub fn safe_target(root: &Path, rel: &str) -> Result<PathBuf, String> {
    if rel.is_empty() || rel.starts_with('/') || rel.split('/').any(|s| s == ".." || s.is_empty()) {
        return Err(format!("`{rel}` is not a path inside the tree"));
    }
    let canon_root = root
        .canonicalize()
        .map_err(|e| format!("cannot resolve `{}`: {e}", root.display()))?;
    let mut cur = canon_root.clone();
    for seg in rel.split('/') {
        cur.push(seg);
        if let Ok(meta) = std::fs::symlink_metadata(&cur)
            && meta.file_type().is_symlink()
        {
            return Err(format!(
                "`{rel}` goes through a symlink; skillc does not write through links"
            ));
        }
    }
    if !cur.starts_with(&canon_root) {
        return Err(format!("`{rel}` is outside the tree"));
    }
    Ok(cur)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_stay_inside() {
        let dir = tempfile::tempdir().unwrap();
        assert!(safe_target(dir.path(), "a/b.md").is_ok());
        assert!(safe_target(dir.path(), "../x").is_err());
        assert!(safe_target(dir.path(), "/etc/passwd").is_err());
        #[cfg(unix)]
        {
            let out = tempfile::tempdir().unwrap();
            std::os::unix::fs::symlink(out.path(), dir.path().join("link")).unwrap();
            assert!(safe_target(dir.path(), "link/x.md").is_err());
        }
    }

    #[test]
    fn atomic_write_replaces_and_sets_mode() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.sh");
        write_atomic(&p, b"one", None).unwrap();
        write_atomic(&p, b"two", Some(0o755)).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o755
            );
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
