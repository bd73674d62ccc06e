//! skillc: a checker and compiler for Claude Code plugin marketplaces.
//!
//! The code is in layers, each importing only from the layers below it
//! (CLAUDE.md has the table; `tests/layers.rs` keeps it so):
//! text → source → load → parse → redact → model → compile → rules →
//! engine → report → cli. The modules are public for the binary and the
//! tests; they are not a stable API.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod text;

pub mod source;

pub mod load;

pub mod parse;

pub mod redact;

pub mod model;

pub mod compile;

pub mod rules;

pub mod engine;

pub mod report;

pub mod cli;
#[doc(hidden)]
pub mod fuzz;

/// A regex compiled once, on first use.
#[macro_export]
macro_rules! regex {
    ($re:literal $(,)?) => {{
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new($re).unwrap_or_else(|e| panic!("built-in regex {}: {e}", $re))
        });
        &*RE
    }};
}
