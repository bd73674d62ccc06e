//! `skillc build [PATH]`.

use super::{EXIT_CLEAN, EXIT_FINDINGS, fail};
use crate::engine::build::Plan;
use crate::model::build::Loaded;
use crate::report::{self, Format, HumanOptions};
use crate::rules::diag::Summary;
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

/// Load the tree at `path` and plan its build. Source errors are printed
/// (nothing may be written then); `Err` is the exit code.
pub(super) fn prepare(
    path: &std::path::Path,
    config: Option<&std::path::Path>,
) -> Result<(Loaded, Plan), u8> {
    if !path.is_dir() {
        return Err(fail(format!("`{}` is not a directory", path.display())));
    }
    let config = super::load_config(config, path)?;
    let session = crate::engine::Session::new(config);
    let loaded = session.load(path).map_err(|e| fail(e.0))?;
    let plan = session.plan_build(&loaded);
    if !plan.errors.is_empty() {
        let format = if std::io::stderr().is_terminal() {
            Format::Human
        } else {
            Format::Concise
        };
        let text = report::render(
            format,
            &plan.errors,
            &loaded.db,
            Summary::of(&plan.errors, loaded.db.len()),
            HumanOptions {
                color: false,
                width: super::width(),
            },
            &format.paths(&loaded.root),
        );
        eprint!("{text}");
        eprintln!("build: the sources have errors; nothing was written");
        return Err(EXIT_FINDINGS);
    }
    Ok((loaded, plan))
}

pub fn run(args: Args) -> u8 {
    let (loaded, plan) = match prepare(&args.path, args.config.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut stdout = std::io::stdout().lock();
    if args.check || args.diff {
        for c in &plan.changes {
            if args.diff {
                let old = c.old.as_deref().unwrap_or("");
                let _ = write!(stdout, "{}", super::unified_diff(&c.path, old, &c.new));
            } else {
                let verb = if c.old.is_some() {
                    "would update"
                } else {
                    "would create"
                };
                let _ = writeln!(stdout, "{verb} {}", c.path);
            }
        }
        for path in &plan.stale {
            let _ = writeln!(stdout, "would remove {path}");
        }
        if plan.up_to_date() {
            if args.check {
                let _ = writeln!(
                    stdout,
                    "build: up to date ({} generated files)",
                    plan.generated
                );
            }
            return EXIT_CLEAN;
        }
        return EXIT_FINDINGS;
    }
    // What was done is reported even when a later write failed.
    let (done, failure) = crate::engine::build::write(&loaded.root, &plan);
    for d in &done {
        let _ = match d {
            crate::engine::build::Done::Wrote(p) => writeln!(stdout, "wrote {p}"),
            crate::engine::build::Done::Removed(p) => writeln!(stdout, "removed {p}"),
        };
    }
    if let Some(e) = failure {
        return fail(e);
    }
    if plan.up_to_date() {
        let _ = writeln!(
            stdout,
            "build: up to date ({} generated files)",
            plan.generated
        );
    }
    EXIT_CLEAN
}
