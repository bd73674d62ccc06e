//! Graphical output through miette. Labels in a second file are shown as a
//! related report with that file's excerpt.

use super::HumanOptions;
use crate::rules::diag::{Diagnostic, Label, Severity, Summary};
use crate::source::SourceDb;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// A file's text with its display name, borrowed from the [`SourceDb`].
struct Named<'a> {
    name: std::borrow::Cow<'a, str>,
    text: &'a str,
}

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// One miette report: a message, labels in one file, related reports.
struct Report<'a> {
    message: String,
    code: Option<String>,
    severity: Severity,
    help: Option<&'a str>,
    source: Named<'a>,
    labels: Vec<&'a Label>,
    related: Vec<Report<'a>>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let len = self.source.text.len();
        Some(Box::new(self.labels.iter().enumerate().map(
            move |(i, l)| {
                let start = (l.span.start as usize).min(len);
                let end = (l.span.end as usize).min(len);
                let text = (!l.message.is_empty()).then(|| l.message.clone());
                if i == 0 {
                    LabeledSpan::new_primary_with_span(text, (start, end - start))
                } else {
                    LabeledSpan::new_with_span(text, (start, end - start))
                }
            },
        )))
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related.iter().map(|r| r as &dyn miette::Diagnostic),
            ))
        }
    }
}

fn report<'a>(d: &'a Diagnostic, db: &'a SourceDb, paths: &super::Paths) -> Report<'a> {
    let primary = d.file();
    let file = db.get(primary);
    let mut here = Vec::new();
    let mut elsewhere: Vec<(crate::source::FileId, Vec<&Label>)> = Vec::new();
    for l in &d.labels {
        if l.file == primary {
            here.push(l);
        } else if let Some(group) = elsewhere.iter_mut().find(|(f, _)| *f == l.file) {
            group.1.push(l);
        } else {
            elsewhere.push((l.file, vec![l]));
        }
    }
    let related = elsewhere
        .into_iter()
        .map(|(fid, labels)| {
            let f = db.get(fid);
            Report {
                message: format!("see also {}", paths.show(&f.path)),
                code: None,
                severity: Severity::Info,
                help: None,
                source: Named {
                    name: paths.show(&f.path),
                    text: &f.text,
                },
                labels,
                related: Vec::new(),
            }
        })
        .collect();
    Report {
        message: d.message.clone(),
        code: Some(if d.fixable() {
            format!("{}({}) [*]", d.rule.id, d.rule.name)
        } else {
            format!("{}({})", d.rule.id, d.rule.name)
        }),
        severity: d.severity,
        help: d.help.as_deref(),
        source: Named {
            name: paths.show(&file.path),
            text: &file.text,
        },
        labels: here,
        related,
    }
}

/// Render diagnostics with miette's graphical handler.
pub fn render_human(
    diags: &[Diagnostic],
    db: &SourceDb,
    summary: Summary,
    opts: HumanOptions,
    paths: &super::Paths,
) -> String {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false);
    let mut out = String::new();
    for d in diags {
        let r = report(d, db, paths);
        if handler.render_report(&mut out, &r).is_err() {
            out.push_str(&d.message);
        }
        out.push('\n');
    }
    if !diags.is_empty() {
        out.push_str(&super::concise::summary_line(summary));
        out.push('\n');
    }
    out
}
