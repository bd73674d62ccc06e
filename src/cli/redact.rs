//! `skillc redact [FILE…]`.

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, fail};
use crate::redact::replace::{Mapping, Replacement, redact};
use crate::redact::{Kind, RedactConfig};
use crate::source::SourceFile;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// `path:line:col: kind replaced by placeholder` lines on stderr.
    Human,
    /// A JSON array on stderr.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to redact; standard input to standard output when none.
    pub files: Vec<PathBuf>,
    /// Rewrite the files (atomically) instead of printing.
    #[arg(long)]
    pub in_place: bool,
    /// Change nothing; exit 1 when anything would be redacted.
    #[arg(long, conflicts_with = "in_place")]
    pub check: bool,
    /// Format of the report of what was replaced.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub report: ReportFormat,
    /// Config file (default: the nearest skillc.toml at or above the current
    /// directory, within the repository).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    kind: &'static str,
    label: &'static str,
    /// The replaced text; omitted for secrets, which are never printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    original: Option<&'a str>,
    replacement: &'a str,
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Ipv4 => "ipv4",
        Kind::Ipv6 => "ipv6",
        Kind::Host => "hostname",
        Kind::Email => "email",
        Kind::Cloud => "cloud-id",
        Kind::Secret => "secret",
        Kind::PersonalPath => "personal-path",
        Kind::DeniedName => "denied-name",
    }
}

fn exempt_ranges(path: &str, text: &str, cfg: &RedactConfig) -> Vec<std::ops::Range<usize>> {
    if !cfg.exempt_manifest_people {
        return Vec::new();
    }
    crate::engine::redact::manifest_people(path, text)
}

pub fn run(args: Args) -> u8 {
    let config = match super::load_config(args.config.as_deref(), Path::new(".")) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let cfg = config.redaction.with_env();
    let mut map = Mapping::default();
    let mut report: Vec<(String, SourceFile, Vec<Replacement>)> = Vec::new();
    let mut changed = false;
    let cap = config
        .max_file_size
        .unwrap_or(crate::engine::config::MAX_FILE_SIZE_CEILING);

    if args.files.is_empty() {
        if args.in_place {
            return fail("--in-place needs files");
        }
        let text = match crate::load::read_capped(std::io::stdin(), cap, 0) {
            crate::load::Read::Text(t) => t,
            crate::load::Read::TooLarge(_) => {
                return fail(format!("standard input is over the {cap}-byte limit"));
            }
            crate::load::Read::NotUtf8 { .. } | crate::load::Read::Failed(_) => {
                return fail("standard input is not UTF-8 text");
            }
        };
        let (out, reps) = redact(&text, &cfg, &[], &mut map);
        changed |= !reps.is_empty();
        if !args.check {
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(out.as_bytes()).is_err() {
                return EXIT_ERROR;
            }
        }
        report.push(("<stdin>".into(), SourceFile::new(String::new(), text), reps));
    } else {
        if args.files.len() > 1 && !args.in_place && !args.check {
            return fail("several files need --in-place or --check");
        }
        for path in &args.files {
            let meta = match std::fs::symlink_metadata(path) {
                Ok(m) => m,
                Err(e) => return fail(format!("cannot read `{}`: {e}", path.display())),
            };
            if meta.file_type().is_symlink() && args.in_place {
                return fail(format!(
                    "`{}` is a symlink; redact its target instead",
                    path.display()
                ));
            }
            let text = match crate::load::read(path, cap, false) {
                crate::load::Read::Text(t) => t,
                crate::load::Read::Failed(e) => {
                    return fail(format!("cannot read `{}`: {e}", path.display()));
                }
                crate::load::Read::TooLarge(n) => {
                    return fail(format!(
                        "`{}` is {n} bytes, over the {cap}-byte limit",
                        path.display()
                    ));
                }
                crate::load::Read::NotUtf8 { valid_up_to } => {
                    return fail(format!(
                        "`{}` is not UTF-8 (invalid byte at offset {valid_up_to})",
                        path.display()
                    ));
                }
            };
            let shown = path.display().to_string();
            let exempt = exempt_ranges(&shown, &text, &cfg);
            let (out, reps) = redact(&text, &cfg, &exempt, &mut map);
            changed |= !reps.is_empty();
            if args.in_place {
                if !reps.is_empty()
                    && let Err(e) = crate::source::fs::write_atomic(path, out.as_bytes(), None)
                {
                    return fail(format!("cannot write `{shown}`: {e}"));
                }
            } else if !args.check {
                let mut stdout = std::io::stdout().lock();
                if stdout.write_all(out.as_bytes()).is_err() {
                    return EXIT_ERROR;
                }
            }
            let file = SourceFile::new(shown.clone(), text);
            report.push((shown, file, reps));
        }
    }

    let mut err = std::io::stderr().lock();
    match args.report {
        ReportFormat::Json => {
            let entries: Vec<JsonEntry<'_>> = report
                .iter()
                .flat_map(|(path, text, reps)| {
                    reps.iter().map(move |r| {
                        let (line, column) = text.line_col(r.offset);
                        JsonEntry {
                            path,
                            line,
                            column,
                            kind: kind_name(r.kind),
                            label: r.label,
                            original: (r.kind != Kind::Secret).then_some(r.original.as_str()),
                            replacement: &r.replacement,
                        }
                    })
                })
                .collect();
            let _ = writeln!(
                err,
                "{}",
                serde_json::to_string_pretty(&entries).unwrap_or_default()
            );
        }
        ReportFormat::Human => {
            let mut n = 0;
            for (path, text, reps) in &report {
                for r in reps {
                    let (line, col) = text.line_col(r.offset);
                    let what = if r.kind == Kind::Secret {
                        format!("a {}", r.label)
                    } else {
                        format!("`{}`", r.original)
                    };
                    let _ = writeln!(
                        err,
                        "{path}:{line}:{col}: {} {what} -> `{}`",
                        kind_name(r.kind),
                        r.replacement
                    );
                    n += 1;
                }
            }
            let verb = if args.check {
                "would replace"
            } else {
                "replaced"
            };
            let _ = writeln!(
                err,
                "redact: {verb} {n} value{}",
                if n == 1 { "" } else { "s" }
            );
        }
    }
    if args.check && changed {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}
