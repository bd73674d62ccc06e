//! skillc: a checker and compiler for Claude Code plugin marketplaces.
//!
//! The pipeline runs one way: discover → load/parse (once per file) → model →
//! rules → sink → reporter. The modules are public for the binary and the
//! tests; they are not a stable API.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod check;
pub mod cli;
pub mod compile;
pub mod config;
pub mod diag;
pub mod discover;
pub mod fix;
pub mod fsutil;
#[doc(hidden)]
pub mod fuzz;
pub mod load;
pub mod model;
pub mod parse;
pub mod redact;
pub mod rules;
pub mod schema;
pub mod scope;
pub mod source;
pub mod suppress;

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
