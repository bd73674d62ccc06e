//! `skillc redact [FILE…]`.

use super::{EXIT_CLEAN, EXIT_FINDINGS, fail};
use crate::model::frontmatter::Frontmatter;
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

/// The emails a file publishes on purpose, left alone wherever they occur
/// in it: those of the people of a manifest (`author`, `owner`), of a
/// markdown file's frontmatter authors, and on the bylines of markdown files
/// and scripts. Standard input is a session and has none.
fn exempt_ranges(path: &str, text: &str, cfg: &RedactConfig) -> Vec<std::ops::Range<usize>> {
    if !cfg.exempt_manifest_people {
        return Vec::new();
    }
    let mut out = crate::engine::redact::manifest_people(path, text);
    if path.ends_with(".md") || path.ends_with(".markdown") {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let base = text.len() - body.len();
        if let (crate::parse::frontmatter::FrontmatterState::Present(f), _) =
            crate::parse::frontmatter::split(body, base)
            && let Some(fm) = f
                .root()
                .and_then(|r| crate::model::value::read::<Frontmatter, _>(r).ok())
        {
            out.extend(crate::rules::redaction::frontmatter_people(&fm));
        }
    }
    // Not in logs and other text: `Author: …` there is `git log` output.
    let scripted = [".md", ".markdown", ".sh", ".bash", ".zsh", ".py"];
    if scripted.iter().any(|e| path.ends_with(e)) {
        out.extend(crate::redact::bylines(text));
    }
    let emails = crate::redact::email_ranges(text);
    let published: Vec<&str> = emails
        .iter()
        .filter(|e| out.iter().any(|r| r.start <= e.start && e.end <= r.end))
        .map(|e| &text[e.clone()])
        .collect();
    // Only the addresses: a secret or an address on a byline is redacted.
    emails
        .into_iter()
        .filter(|e| {
            published
                .iter()
                .any(|p| p.eq_ignore_ascii_case(&text[e.clone()]))
        })
        .collect()
}

/// One input redacted: the path shown, its text (for lines and columns)
/// and what was replaced.
type Redacted = (String, SourceFile, Vec<Replacement>);

pub fn run(args: Args) -> u8 {
    let config = match super::load_config(args.config.as_deref(), Path::new(".")) {
        Ok(c) => c,
        Err(code) => return code,
    };
    // What is redacted comes from real sessions: every address is
    // someone's, whatever a tutorial would make of it.
    let cfg = RedactConfig {
        session: true,
        ..config.redaction.with_env()
    };
    let mut map = Mapping::default();
    let cap = config
        .max_file_size
        .unwrap_or(crate::engine::config::MAX_FILE_SIZE_CEILING);
    let report = if args.files.is_empty() {
        redact_stdin(&args, &cfg, cap, &mut map).map(|r| vec![r])
    } else {
        redact_files(&args, &cfg, cap, &mut map)
    };
    let report = match report {
        Ok(r) => r,
        Err(code) => return code,
    };
    let changed = report.iter().any(|(_, _, reps)| !reps.is_empty());
    let mut err = std::io::stderr().lock();
    match args.report {
        ReportFormat::Json => report_json(&mut err, &report),
        ReportFormat::Human => report_human(&mut err, &report, args.check),
    }
    if args.check && changed {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Standard input to standard output (unless `--check`). `Err`: the exit
/// code, the error printed.
fn redact_stdin(
    args: &Args,
    cfg: &RedactConfig,
    cap: u64,
    map: &mut Mapping,
) -> Result<Redacted, u8> {
    if args.in_place {
        return Err(fail("--in-place needs files"));
    }
    let text = match crate::load::read_capped(std::io::stdin(), cap, 0) {
        crate::load::Read::Text(t) => t,
        crate::load::Read::TooLarge(_) => {
            return Err(fail(format!("standard input is over the {cap}-byte limit")));
        }
        crate::load::Read::NotUtf8 { .. } | crate::load::Read::Failed(_) => {
            return Err(fail("standard input is not UTF-8 text"));
        }
    };
    let (out, reps) = redact(&text, cfg, &[], map);
    if !args.check {
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = stdout.write_all(out.as_bytes()) {
            return Err(super::write_failed(&e));
        }
    }
    Ok(("<stdin>".into(), SourceFile::new(String::new(), text), reps))
}

/// Every file, in order: rewritten with `--in-place`, printed without
/// `--check`. `Err`: the exit code, the error printed (files before the
/// failing one are done).
fn redact_files(
    args: &Args,
    cfg: &RedactConfig,
    cap: u64,
    map: &mut Mapping,
) -> Result<Vec<Redacted>, u8> {
    if args.files.len() > 1 && !args.in_place && !args.check {
        return Err(fail("several files need --in-place or --check"));
    }
    let mut report = Vec::new();
    for path in &args.files {
        let text = read_file(path, cap, args.in_place)?;
        let shown = path.display().to_string();
        let exempt = exempt_ranges(&shown, &text, cfg);
        let (out, reps) = redact(&text, cfg, &exempt, map);
        if args.in_place {
            if !reps.is_empty()
                && let Err(e) = crate::source::fs::write_atomic(path, out.as_bytes(), None)
            {
                return Err(fail(format!("cannot write `{shown}`: {e}")));
            }
        } else if !args.check {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(out.as_bytes()) {
                return Err(super::write_failed(&e));
            }
        }
        let file = SourceFile::new(shown.clone(), text);
        report.push((shown, file, reps));
    }
    Ok(report)
}

/// The text of `path` (not a symlink when it is to be rewritten), or the
/// error printed and the exit code.
fn read_file(path: &Path, cap: u64, in_place: bool) -> Result<String, u8> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) => return Err(fail(format!("cannot read `{}`: {e}", path.display()))),
    };
    if meta.file_type().is_symlink() && in_place {
        return Err(fail(format!(
            "`{}` is a symlink; redact its target instead",
            path.display()
        )));
    }
    match crate::load::read(path, cap, false) {
        crate::load::Read::Text(t) => Ok(t),
        crate::load::Read::Failed(e) => Err(fail(format!("cannot read `{}`: {e}", path.display()))),
        crate::load::Read::TooLarge(n) => Err(fail(format!(
            "`{}` is {n} bytes, over the {cap}-byte limit",
            path.display()
        ))),
        crate::load::Read::NotUtf8 { valid_up_to } => Err(fail(format!(
            "`{}` is not UTF-8 (invalid byte at offset {valid_up_to})",
            path.display()
        ))),
    }
}

/// The replacements as a JSON array (secrets never printed).
fn report_json(err: &mut impl Write, report: &[Redacted]) {
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

/// The replacements, one a line (secrets named by their label), and how
/// many.
fn report_human(err: &mut impl Write, report: &[Redacted], check: bool) {
    let mut n = 0;
    for (path, text, reps) in report {
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
    let verb = if check { "would replace" } else { "replaced" };
    let _ = writeln!(
        err,
        "redact: {verb} {n} value{}",
        if n == 1 { "" } else { "s" }
    );
}
