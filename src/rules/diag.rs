//! The one diagnostic type, its labels, and the sink that applies policy.

use crate::rules::RuleMeta;
use crate::source::{FileId, SourceDb, Span};
use serde::Serialize;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A location a diagnostic points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

/// One replacement of a byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub file: FileId,
    pub span: Span,
    pub text: String,
}

/// A fix for a finding: edits applied together, or not at all. Only fixes
/// that keep what the file means to Claude Code are offered; `check --fix`
/// applies them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, for `--fix` output ("quote the value").
    pub title: String,
    pub edits: Vec<Edit>,
}

/// One finding. The first label is the primary location.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// `labels[0]` is the primary location; the rest may point into other files.
    pub labels: Vec<Label>,
    /// A safe, automatic fix, if there is one.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// `--fix` fixes it: it carries a fix, or it is generated output that
    /// drifted (`--fix` rebuilds it).
    pub fn fixable(&self) -> bool {
        self.fix.is_some()
            || std::ptr::eq(self.rule, &crate::rules::build::generated_file_drift::RULE)
    }

    /// A diagnostic of `rule` at `span` of `file`, with the rule's default severity.
    pub fn new(
        rule: &'static RuleMeta,
        file: FileId,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message: message.into(),
            help: None,
            labels: vec![Label {
                file,
                span,
                message: String::new(),
            }],
            fix: None,
        }
    }
    /// Attach a safe fix.
    pub fn fix(mut self, title: impl Into<String>, edits: Vec<Edit>) -> Self {
        self.fix = Some(Fix {
            title: title.into(),
            edits,
        });
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// Text shown under the primary span.
    pub fn primary_label(mut self, text: impl Into<String>) -> Self {
        self.labels[0].message = text.into();
        self
    }
    /// A secondary location, possibly in another file.
    pub fn label(mut self, file: FileId, span: Span, text: impl Into<String>) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: text.into(),
        });
        self
    }
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
    pub fn file(&self) -> FileId {
        self.labels[0].file
    }
    pub fn span(&self) -> Span {
        self.labels[0].span
    }

    /// Sort key: path, offset, rule id, message.
    pub fn sort_key<'a>(&'a self, db: &'a SourceDb) -> (&'a str, u32, u32, &'static str, &'a str) {
        (
            db.path(self.file()),
            self.span().start,
            self.span().end,
            self.rule.id,
            &self.message,
        )
    }
}

/// Counts of a finished run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings `--fix` can fix.
    pub fixable: usize,
}

impl Summary {
    pub fn of(diags: &[Diagnostic], files: usize) -> Self {
        let mut s = Summary {
            files,
            ..Summary::default()
        };
        for d in diags {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
            s.fixable += usize::from(d.fixable());
        }
        s
    }
}

/// Sort diagnostics deterministically and drop exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>, db: &SourceDb) {
    diags.sort_by(|a, b| a.sort_key(db).cmp(&b.sort_key(db)));
    diags.dedup_by(|a, b| a.sort_key(db) == b.sort_key(db));
}
