//! `skillc build [PATH]`.

use super::{EXIT_CLEAN, EXIT_FINDINGS, fail};
use crate::report::{self, Format, HumanOptions};
use crate::rules::diag::{Severity, Summary};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The marketplace (or plugin) to build.
    #[arg(default_value_os_t = super::default_path())]
    pub path: PathBuf,
    /// Write nothing; exit 1 and list the files that would change.
    #[arg(long)]
    pub check: bool,
    /// Write nothing; print a unified diff of what would change (exit 1 when anything would).
    #[arg(long)]
    pub diff: bool,
    /// Config file (default: the nearest skillc.toml at or above PATH, within
    /// the repository).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

pub fn run(args: Args) -> u8 {
    if !args.path.is_dir() {
        return fail(format!("`{}` is not a directory", args.path.display()));
    }
    let config = match super::load_config(args.config.as_deref(), &args.path) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let loaded = match crate::model::build::load(&args.path, &config) {
        Ok(l) => l,
        Err(e) => return fail(e.0),
    };
    let out = crate::compile::compile(&loaded.project, &loaded.db, &config);
    let mut errors: Vec<_> = out
        .diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    if !errors.is_empty() {
        crate::rules::diag::sort(&mut errors, &loaded.db);
        let format = if std::io::stderr().is_terminal() {
            Format::Human
        } else {
            Format::Concise
        };
        let text = report::render(
            format,
            &errors,
            &loaded.db,
            Summary::of(&errors, loaded.db.len()),
            HumanOptions {
                color: false,
                width: super::width(),
            },
        );
        eprint!("{text}");
        eprintln!("build: the sources have errors; nothing was written");
        return EXIT_FINDINGS;
    }
    let root = &loaded.root;
    let mut changed: Vec<(String, Option<String>, String, bool)> = Vec::new();
    for r in &out.files {
        let current = std::fs::read_to_string(root.join(&r.path)).ok();
        if current.as_deref() != Some(r.text.as_str()) {
            changed.push((r.path.clone(), current, r.text.clone(), r.executable));
        } else if r.executable {
            // Right content, wrong mode.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(root.join(&r.path))
                    .map(|m| m.permissions().mode() & 0o777)
                    .unwrap_or(0);
                if mode != 0o755 {
                    changed.push((r.path.clone(), current, r.text.clone(), true));
                }
            }
        }
    }
    let stale: Vec<&String> = out.stale.iter().map(|(p, _)| p).collect();
    let mut stdout = std::io::stdout().lock();
    if args.check || args.diff {
        for (path, old, new, _) in &changed {
            if args.diff {
                let old = old.as_deref().unwrap_or("");
                let _ = write!(stdout, "{}", super::unified_diff(path, old, new));
            } else {
                let _ = writeln!(
                    stdout,
                    "{} {path}",
                    if old.is_some() {
                        "would update"
                    } else {
                        "would create"
                    }
                );
            }
        }
        for path in &stale {
            let _ = writeln!(stdout, "would remove {path}");
        }
        if changed.is_empty() && stale.is_empty() {
            if args.check {
                let _ = writeln!(
                    stdout,
                    "build: up to date ({} generated files)",
                    out.files.len()
                );
            }
            return EXIT_CLEAN;
        }
        return EXIT_FINDINGS;
    }
    for (path, _, new, exec) in &changed {
        let target = match crate::source::fs::safe_target(root, path) {
            Ok(t) => t,
            Err(e) => return fail(e),
        };
        if let Some(parent) = target.parent()
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            return fail(format!("cannot create `{}`: {e}", parent.display()));
        }
        let mode = if *exec { Some(0o755) } else { None };
        if let Err(e) = crate::source::fs::write_atomic(&target, new.as_bytes(), mode) {
            return fail(format!("cannot write `{path}`: {e}"));
        }
        let _ = writeln!(stdout, "wrote {path}");
    }
    for path in &stale {
        match crate::source::fs::safe_target(root, path) {
            Ok(t) => {
                if let Err(e) = std::fs::remove_file(&t) {
                    return fail(format!("cannot remove `{path}`: {e}"));
                }
                let _ = writeln!(stdout, "removed {path}");
            }
            Err(e) => return fail(e),
        }
    }
    if changed.is_empty() && stale.is_empty() {
        let _ = writeln!(
            stdout,
            "build: up to date ({} generated files)",
            out.files.len()
        );
    }
    EXIT_CLEAN
}
