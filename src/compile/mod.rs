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
}

impl Finding {
    fn new(problem: Problem, file: FileId, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            problem,
            file,
            span,
            message: message.into(),
            help: None,
        }
    }
    fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }
    /// A source that does not parse or match its schema; an unknown field
    /// gets the nearest known one as a hint.
    fn source_invalid(file: FileId, span: Option<Span>, message: String) -> Finding {
        // `unknown field `titel`, expected one of `name`, …`: suggest the nearest.
        let re = crate::regex!(r"unknown field `([^`]+)`, expected (?:one of )?(.*)$");
        let hint = re.captures(&message).and_then(|c| {
            let field = c.get(1)?.as_str();
            let candidates: Vec<&str> = c
                .get(2)?
                .as_str()
                .split(", ")
                .map(|s| s.trim_matches('`'))
                .collect();
            crate::text::suggest(field, candidates.into_iter())
                .map(|s| format!("did you mean `{s}`?"))
        });
        Finding::new(Problem::SourceInvalid, file, span.unwrap_or_default(), message)
            .help(hint.unwrap_or_else(|| "see schemas/ for the source format; editors check it with the yaml-language-server modeline".into()))
    }
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
    /// The source it came from (for drift diagnostics).
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

/// What compilation produced.
#[derive(Debug, Default)]
pub struct Output {
    pub files: Vec<Rendered>,
    /// Generated files that no source renders any more.
    pub stale: Vec<(String, FileId)>,
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
