//! `skillc build`: typed sources (`skill.yaml`, `plugin.yaml`) compiled into
//! SKILL.md, executable phase scripts, plugin.json and the marketplace's
//! plugin entries. Compilation is a pure function of the loaded tree; the
//! CLI writes what it returns, and `skillc check` reports drift.
//!
//! - `skill.rs`: one skill source, step by step (names, inputs, prose,
//!   scripts, SKILL.md, stale scripts);
//! - `checks.rs`: the checks of the shell a phase script runs;
//! - `refs.rs`: typed cross-references and description placeholders;
//! - `plugins.rs`: plugin.json and the marketplace entries;
//! - `render.rs`: the rendered text itself.

mod checks;
mod plugins;
mod refs;
pub mod render;
pub mod script;
mod shape;
mod skill;

use crate::model::Project;
use crate::source::{FileId, SourceDb, Span};

/// What is wrong with a source, found while compiling it. The build rules
/// (`BLD001`–`BLD006`) report these; `BLD007` compares [`Output::files`]
/// with the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A phase script expands a variable that is not an input and not set.
    UndeclaredInput,
    /// A mutating phase runs a cluster tool without naming the cluster.
    MutatingContext,
    /// A phase script is not valid bash for the target version.
    ScriptInvalid,
    /// A typed cross-reference or a referenced file does not resolve.
    Dangling,
    /// A name or id breaks the naming rules.
    Naming,
    /// The source does not parse or does not match its schema.
    SourceInvalid,
    /// A mutating phase runs with no stop gate before it.
    Ungated,
}

/// One problem, located in a source (or a file it reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub problem: Problem,
    pub file: FileId,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
    /// A safe fix: a replacement in `file`.
    pub fix: Option<Replace>,
}

/// One replacement that fixes a finding, in the finding's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replace {
    /// What it does ("replace with `{phase:prepare}`").
    pub title: String,
    pub span: Span,
    pub text: String,
}

impl Finding {
    fn new(problem: Problem, file: FileId, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            problem,
            file,
            span,
            message: message.into(),
            help: None,
            fix: None,
        }
    }
    fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }
    /// Attach a fix: `text` in place of `span` of the finding's file.
    fn fix(mut self, title: impl Into<String>, span: Span, text: impl Into<String>) -> Finding {
        self.fix = Some(Replace {
            title: title.into(),
            span,
            text: text.into(),
        });
        self
    }
}

/// The root node and typed value of a source (`kind`: `skill.yaml` or
/// `plugin.yaml`, of the shape `object`), or the findings why there are
/// none: every problem at once, each at its place.
fn read_source<'a, T>(
    s: &'a crate::model::TypedSource<T>,
    db: &SourceDb,
    kind: &str,
    object: &'static crate::model::typed_source::Object,
    findings: &mut Vec<Finding>,
) -> Option<(&'a crate::parse::yaml::YamlNode, &'a T)> {
    if let Err(e) = &s.yaml {
        findings.extend(yaml_invalid(db, s.file, kind, e));
        return None;
    }
    let Some(root) = s.root() else {
        findings.push(
            Finding::new(
                Problem::SourceInvalid,
                s.file,
                Span::empty(0),
                format!("{kind} is empty"),
            )
            .help(format!(
                "write the {kind} keys; `skillc new` writes a start"
            )),
        );
        return None;
    };
    let problems = shape::check(s.file, kind, root, object);
    let found = !problems.is_empty();
    findings.extend(problems);
    match &s.value {
        Some(Ok(v)) if !found => Some((root, v)),
        Some(Err(e)) if !found => {
            // The tables and serde agree; should they not, serde's word stands.
            findings.push(
                Finding::new(
                    Problem::SourceInvalid,
                    s.file,
                    e.span.unwrap_or(root.span),
                    format!("{kind}: {}", e.message),
                )
                .help(format!(
                    "fix the value; `skillc explain BLD006` shows the {kind} keys"
                )),
            );
            None
        }
        _ => None,
    }
}

/// A source that is not YAML: a finding at each value to quote, with the
/// quoting as its fix, when quoting makes it parse (as SK003 quotes
/// frontmatter); else one at the parser's error.
fn yaml_invalid(
    db: &SourceDb,
    file: FileId,
    kind: &str,
    e: &crate::parse::yaml::YamlError,
) -> Vec<Finding> {
    use crate::parse::frontmatter::{QUOTE_FIX, QUOTE_HELP, strict_repairs};
    let text = db.text(file);
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let repairs = strict_repairs(&text[base..], base);
    if repairs.is_empty() {
        // An empty span at a character points at that character.
        let at = e.span.start as usize;
        let span = match text[at.min(text.len())..].chars().next() {
            Some(c) if e.span.is_empty() => Span::new(at, at + c.len_utf8()),
            _ => e.span,
        };
        return vec![
            Finding::new(
                Problem::SourceInvalid,
                file,
                span,
                format!("{kind} is not valid YAML: {}", e.message),
            )
            .help(if e.message.contains("flow") {
                format!(
                    "inside `{{…}}` or `[…]`, {QUOTE_HELP} when it holds `: `, `,`, brackets or braces; nothing is built from {kind} until it parses"
                )
            } else {
                format!("fix the YAML here; nothing is built from {kind} until it parses")
            }),
        ];
    }
    repairs
        .into_iter()
        .map(|(span, new)| {
            let (message, help, title) = if new.starts_with('"') {
                let value = db.text(file).get(span.range()).unwrap_or("");
                (
                    format!("{kind} is not valid YAML: {}", unquoted(value)),
                    format!("{QUOTE_HELP}: {new}"),
                    QUOTE_FIX,
                )
            } else {
                (
                    format!("{kind} is not valid YAML: a tab indents this line"),
                    "indent with spaces; YAML does not allow tabs".to_string(),
                    "indent with spaces",
                )
            };
            Finding::new(Problem::SourceInvalid, file, span, message)
                .help(help)
                .fix(title, span, new)
        })
        .collect()
}

/// Why strict YAML cannot read `value` unquoted.
fn unquoted(value: &str) -> String {
    if value.contains(": ") {
        return "an unquoted value holds `: `, which starts a mapping".into();
    }
    if let Some(c) = value
        .chars()
        .next()
        .filter(|c| "[]{}*&!|>%@`#".contains(*c))
    {
        return format!("an unquoted value starts with `{c}`, which YAML reads as syntax");
    }
    if value.contains(" #") {
        return "an unquoted value holds ` #`, which starts a comment".into();
    }
    "this value needs quotes".into()
}

/// What a compile needs besides the model.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The context-discipline policy and the bash target.
    pub shell: &'a crate::parse::shell::policy::ShellPolicy,
    /// A narrowed check compiles only the sources whose findings it can report.
    pub focus: Option<&'a crate::model::focus::Focus>,
}

/// A file the compiler produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Relative to the root.
    pub path: String,
    pub text: String,
    pub executable: bool,
    /// The source it came from (for drift diagnostics); the marketplace's
    /// own file for the marketplace, whose entries come from several.
    pub source: FileId,
    /// Where each part of `text` comes from, in the source or a file it reads.
    pub map: SourceMap,
}

/// One place in a rendered file and the place in a source it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// Offset in the rendered text.
    pub at: u32,
    pub file: FileId,
    /// Offset in `file`.
    pub src: u32,
    /// The text from `at` to the end of its line is the source's, byte for
    /// byte, from `src` on (so offsets inside the line map exactly).
    pub verbatim: bool,
}

/// Where the parts of a rendered file come from: anchors in rendered order.
/// A finding in the rendered file is reported at its source through it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    pub anchors: Vec<Anchor>,
}

impl SourceMap {
    /// The source place of rendered offset `off` in `text` (the rendered
    /// text): the last anchor at or before it; inside a verbatim line, the
    /// same column.
    pub fn locate(&self, text: &str, off: usize) -> Option<(FileId, usize)> {
        let i = self.anchors.partition_point(|a| a.at as usize <= off);
        let a = self.anchors.get(i.checked_sub(1)?)?;
        let from = a.at as usize;
        let same_line = !text.get(from..off).unwrap_or("\n").contains('\n');
        if a.verbatim && same_line {
            Some((a.file, a.src as usize + (off - from)))
        } else {
            Some((a.file, a.src as usize))
        }
    }

    /// The source span of a rendered span: both ends located; when they land
    /// in different files or out of order, the start alone.
    pub fn span(&self, text: &str, span: Span) -> Option<(FileId, Span)> {
        let (file, start) = self.locate(text, span.start as usize)?;
        let end = match self.locate(text, span.end as usize) {
            Some((f, e))
                if f == file
                    && e >= start
                    && !text.get(span.range()).unwrap_or("").contains('\n') =>
            {
                e
            }
            _ => start,
        };
        Some((file, Span::new(start, end)))
    }
}

/// A plugin's entry in the marketplace that the build changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryChange {
    /// The plugin's name.
    pub name: String,
    /// Its plugin.yaml.
    pub source: FileId,
    /// The marketplace does not list it yet.
    pub missing: bool,
}

/// What compilation produced.
#[derive(Debug, Default)]
pub struct Output {
    pub files: Vec<Rendered>,
    /// Generated files that no source renders any more.
    pub stale: Vec<(String, FileId)>,
    /// Marketplace entries the build changes (or adds).
    pub entries: Vec<EntryChange>,
    pub findings: Vec<Finding>,
}

/// Compile every source in the project.
pub fn compile(project: &Project, db: &SourceDb, options: &Options<'_>) -> Output {
    let mut out = Output::default();
    for s in &project.skill_sources {
        // A narrowed check reports build findings only for sources in focus.
        if options
            .focus
            .is_some_and(|f| !crate::model::focus::source_in_focus(project, f, db.path(s.file)))
        {
            continue;
        }
        skill::compile(project, db, options, s, &mut out);
    }
    plugins::compile(project, db, &mut out);
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
