//! Reporters: each turns the sorted diagnostics of a run into one output format.

mod concise;
pub mod github;
mod human;
mod json;
pub mod sarif;

pub use human::render_human;

use crate::rules::diag::{Diagnostic, Summary};
use crate::source::SourceDb;

/// Output formats of `skillc check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Graphical, with source excerpts (default on a terminal).
    Human,
    /// One line per finding: `path:line:col: severity[ID] message`.
    Concise,
    /// Machine-readable JSON (version 1).
    Json,
    /// SARIF 2.1.0 (code scanning).
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

/// Options that shape human output.
#[derive(Clone, Copy, Debug)]
pub struct HumanOptions {
    pub color: bool,
    pub width: usize,
}

/// Render all diagnostics in `format`.
pub fn render(
    format: Format,
    diags: &[Diagnostic],
    db: &SourceDb,
    summary: Summary,
    human: HumanOptions,
) -> String {
    match format {
        Format::Human => render_human(diags, db, summary, human),
        Format::Concise => concise::render(diags, db, summary),
        Format::Json => json::render(diags, db, summary),
        Format::Sarif => sarif::render(diags, db),
        Format::Github => github::render(diags, db),
    }
}
