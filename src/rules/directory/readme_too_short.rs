//! The `readme-too-short` rule (DR002).

use crate::declare_rule;
use crate::model::listing::ReadmeText;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

/// Fewer words than this is a trivial README for the directory.
pub const MIN_WORDS: usize = 40;

declare_rule! {
    /// A plugin's README has fewer than 40 words, or cannot be read.
    ///
    /// ## What it does
    /// Counts the words of the README's prose (text and inline code;
    /// headings count, markup, link targets, HTML and code blocks do not)
    /// and reports fewer than 40. A README that is not UTF-8 or larger than
    /// 8 MiB is reported as unreadable. Off unless the `directory` profile
    /// is on.
    ///
    /// ## Why it matters
    /// A README of a heading and a line tells a reader of the listing
    /// nothing about what the plugin does or needs. Claude Code's validator
    /// (`claude plugin validate --profile directory`) reports
    /// `README_TRIVIAL` as an error below 40 words, and for a README it
    /// cannot read.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/README.md <==
    /// # demo
    ///
    /// Deploys things.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/README.md <==
    /// # demo
    ///
    /// The demo plugin deploys a web service to a staging cluster and checks
    /// that it answers. It adds one skill, `/demo:deploy`, which asks for
    /// the cluster context, renders the manifests, shows the plan and waits
    /// for your approval before it applies anything. Install it from the
    /// marketplace and run the skill from any project.
    /// ```
    pub static RULE = { id: "DR002", name: "readme-too-short", family: Directory, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::listed(cx) {
        let Some(path) = super::readme(cx, l.plugin) else {
            continue;
        };
        // At the README when it was read, else where the plugin is named.
        let (file, span) = cx
            .db
            .find(&path)
            .map_or((l.file, l.span), |f| (f, Span::empty(0)));
        // The walk read it already (a README is markdown): count that text;
        // ask the disk only for one it left out, or could not read.
        let words = match cx.db.find(&path).map(|f| cx.text(f)) {
            Some(text) if !text.is_empty() => {
                ReadmeText::Words(crate::parse::markdown::prose_words(text))
            }
            _ => cx.project.readme_text(&path),
        };
        let d = match words {
            ReadmeText::Words(n) if n >= MIN_WORDS => continue,
            ReadmeText::Words(n) => Diagnostic::new(
                &RULE,
                file,
                span,
                format!(
                    "{path} has {n} word{} (the directory asks for at least {MIN_WORDS})",
                    if n == 1 { "" } else { "s" }
                ),
            )
            .help("say what the plugin does, what it needs and how to use it"),
            ReadmeText::Unreadable(why) => {
                Diagnostic::new(&RULE, file, span, format!("{path} cannot be read: {why}"))
                    .help("save the README as UTF-8 text")
            }
        };
        out.push(d);
    }
}
