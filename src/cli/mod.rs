//! The command line: clap definitions and dispatch. Each subcommand lives in
//! its own file and only wires the library together.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod build;
mod check;
mod completions;
mod explain;
mod init;
mod new;
mod redact;
mod rules;
mod schema;

use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes: 0 clean, 1 findings, 2 usage, config or I/O problem.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(name = "skillc", version, about = "Check and build Claude Code plugin marketplaces", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a marketplace, a plugin, a skills folder or one SKILL.md.
    Check(check::Args),
    /// Compile skill.yaml and plugin.yaml sources into SKILL.md, scripts and manifests.
    Build(build::Args),
    /// Scaffold a plugin, a skill source or a marketplace.
    New(new::Args),
    /// Write a commented skillc.toml (and a marketplace.json when there is none).
    Init(init::Args),
    /// Print shell completions.
    Completions(completions::Args),
    /// List every rule.
    Rules(rules::Args),
    /// Show the documentation of one rule.
    Explain(explain::Args),
    /// Replace private data (addresses, hosts, emails, ids, secrets) with placeholders.
    Redact(redact::Args),
    /// Print a JSON Schema skillc ships (plugin.json, marketplace.json,
    /// skill.yaml, plugin.yaml, skillc.toml), for editors and offline use.
    Schema(schema::Args),
}

/// Whether to colour output written to stdout.
pub fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// A unified diff of one file, `a/PATH` against `b/PATH`, as `build --diff`
/// and `check --fix --dry-run` print it.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Width for graphical output.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

pub use init::TEMPLATE as INIT_TEMPLATE;

/// How a run ends: its exit code and, after `check`, what it loaded, handed
/// back so that `main` can leave it to the operating system.
pub struct Exit {
    pub code: ExitCode,
    pub loaded: Option<Box<crate::engine::check::Outcome>>,
}

impl Exit {
    fn code(code: u8) -> Self {
        Exit {
            code: ExitCode::from(code),
            loaded: None,
        }
    }
}

/// Run the CLI; never panics outward.
/// The exit status of a run whose reader closed the pipe (128 + SIGPIPE).
const EXIT_BROKEN_PIPE: u8 = 141;

/// The exit status for a failed write to stdout: quiet and 141 when the
/// reader closed the pipe, 2 with a message otherwise.
pub(crate) fn write_failed(e: &std::io::Error) -> u8 {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        EXIT_BROKEN_PIPE
    } else {
        eprintln!("skillc: cannot write the report: {e}");
        EXIT_ERROR
    }
}

pub fn main() -> Exit {
    std::panic::set_hook(Box::new(|info| {
        // A reader that closed the pipe (`skillc rules | head -1`) ends the
        // run quietly, with the status of a process SIGPIPE ended, as any
        // Unix tool does: the print that failed is not a bug.
        let message = panic_message(info);
        if message.contains("Broken pipe") || message.contains("os error 32") {
            std::process::exit(i32::from(EXIT_BROKEN_PIPE));
        }
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("skillc: internal error{at}: {message}");
        eprintln!("This is a bug in skillc; please report it with the command you ran.");
    }));
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return Exit::code(if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            });
        }
    };
    std::panic::catch_unwind(|| run(cli)).unwrap_or(Exit::code(EXIT_ERROR))
}

fn panic_message(info: &std::panic::PanicHookInfo<'_>) -> String {
    if let Some(s) = info.payload().downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = info.payload().downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".into()
    }
}

fn run(cli: Cli) -> Exit {
    let code = match cli.command {
        Command::Check(args) => {
            let (code, loaded) = check::run(args);
            return Exit {
                code: ExitCode::from(code),
                loaded: loaded.map(Box::new),
            };
        }
        Command::Build(args) => build::run(args),
        Command::New(args) => new::run(args),
        Command::Init(args) => init::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Redact(args) => redact::run(args),
        Command::Schema(args) => schema::run(args),
    };
    Exit::code(code)
}

/// Print an error that stops the run and return exit code 2.
pub fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("error: {message}");
    EXIT_ERROR
}

/// The configuration of a run whose paths are relative to `root` (see
/// [`crate::engine::config::discover`]). A read or parse error is printed;
/// the result is the exit code.
pub fn load_config(
    explicit: Option<&std::path::Path>,
    root: &std::path::Path,
) -> Result<crate::engine::config::Config, u8> {
    use crate::engine::config::DiscoverError;
    crate::engine::config::discover(explicit, root).map_err(|e| match e {
        DiscoverError::Read(message) => fail(message),
        DiscoverError::Invalid(e) => {
            eprint!("{}", crate::report::config_error(&e, width()));
            EXIT_ERROR
        }
    })
}

pub(crate) fn default_path() -> PathBuf {
    PathBuf::from(".")
}
