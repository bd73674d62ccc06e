//! Reporters: each turns the sorted diagnostics of a run into one output format.

mod concise;
pub mod github;
mod human;
mod json;
pub mod paths;
pub mod progress;
pub mod sarif;
pub mod statistics;

pub use human::render_human;
pub use paths::Paths;

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

/// Render all diagnostics in `format`, paths written as `paths` says (JSON
/// keeps them relative to the loaded root: see [`Format::paths`]).
pub fn render(
    format: Format,
    diags: &[Diagnostic],
    db: &SourceDb,
    summary: Summary,
    human: HumanOptions,
    paths: &Paths,
) -> String {
    match format {
        Format::Human => render_human(diags, db, summary, human, paths),
        Format::Concise => concise::render(diags, db, summary, paths),
        Format::Json => json::render(diags, db, summary),
        Format::Sarif => sarif::render(diags, db, paths),
        Format::Github => github::render(diags, db, paths),
    }
}

impl Format {
    /// How this format writes paths for a tree loaded at `root`: human and
    /// concise relative to the working directory, github and SARIF relative
    /// to the repository root, JSON relative to the loaded root (the same
    /// wherever skillc runs).
    pub fn paths(self, root: &std::path::Path) -> Paths {
        match self {
            Format::Human | Format::Concise => Paths::for_terminal(root),
            Format::Github | Format::Sarif => Paths::for_repository(root),
            Format::Json => Paths::as_loaded(),
        }
    }
}

/// Render a configuration error with its source excerpt, `width` columns wide.
pub fn config_error(e: &crate::engine::config::ConfigError, width: usize) -> String {
    use miette::{GraphicalReportHandler, GraphicalTheme, NamedSource};
    #[derive(Debug)]
    struct Report {
        message: String,
        help: Option<String>,
        src: NamedSource<String>,
        span: (usize, usize),
    }
    impl std::fmt::Display for Report {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.message)
        }
    }
    impl std::error::Error for Report {}
    impl miette::Diagnostic for Report {
        fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
            self.help
                .as_ref()
                .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
        }
        fn source_code(&self) -> Option<&dyn miette::SourceCode> {
            Some(&self.src)
        }
        fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
            Some(Box::new(std::iter::once(
                miette::LabeledSpan::new_with_span(None, self.span),
            )))
        }
    }
    let r = Report {
        message: format!("invalid configuration: {}", e.message),
        help: e.help.clone(),
        src: NamedSource::new(&e.path, e.source.clone()),
        span: (e.span.start, e.span.end.saturating_sub(e.span.start)),
    };
    let mut out = String::new();
    let handler =
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_width(width);
    if handler.render_report(&mut out, &r).is_err() {
        out = format!("error: {}\n", r.message);
    }
    out
}
