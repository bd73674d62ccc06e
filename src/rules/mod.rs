//! Rules: metadata declared once with its docs, and check functions that read
//! the model and push diagnostics. Rules never touch the disk or parse.

pub mod diag;
pub mod registry;

pub mod build;
pub mod files;
pub mod frontmatter;
pub mod manifest;
pub mod phase;
pub mod redaction;
pub mod shell;
pub mod xref;

use crate::model::Project;
use crate::model::focus::{Base, Focus};
use crate::parse::shell::policy::ShellPolicy;
use crate::redact::RedactConfig;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source::SourceDb;

/// Rule families; the id prefix tells the family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Files and encodings (GEN).
    Files,
    /// marketplace.json and plugin.json (MK, PJ, PP).
    Manifest,
    /// Frontmatter of skills, commands and agents (SK, AS, AG, TL).
    Frontmatter,
    /// Cross-references across the tree (XREF).
    Xref,
    /// Phase structure inside a skill (PH).
    Phase,
    /// Shell in blocks, scripts and hooks (SH).
    Shell,
    /// Private data in public content (RD).
    Redaction,
    /// Typed sources and generated files (BLD).
    Build,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Files => "files",
            Family::Manifest => "manifest",
            Family::Frontmatter => "frontmatter",
            Family::Xref => "xref",
            Family::Phase => "phase",
            Family::Shell => "shell",
            Family::Redaction => "redaction",
            Family::Build => "build",
        }
    }
}

/// Everything known about a rule, declared once with [`declare_rule!`].
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id, never reused (`XREF004`).
    pub id: &'static str,
    /// Stable kebab-case name (`unknown-skill-mention`).
    pub name: &'static str,
    pub family: Family,
    /// Default severity.
    pub severity: Severity,
    /// Markdown docs: summary line, then What it does / Why it matters /
    /// Example / Use instead / Configuration.
    pub docs: &'static str,
}

impl PartialEq for RuleMeta {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl RuleMeta {
    /// Docs with the one-space indent of `///` comments removed.
    pub fn docs(&self) -> String {
        self.docs
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
    /// The first line of the docs.
    pub fn summary(&self) -> String {
        self.docs().lines().next().unwrap_or("").to_string()
    }
    /// The first fenced block after `## heading` in the docs.
    pub fn doc_section_code(&self, heading: &str) -> Option<String> {
        let docs = self.docs();
        let start = docs.find(&format!("## {heading}"))?;
        let mut lines = docs[start..].lines().skip(1);
        let fence = loop {
            let l = lines.next()?;
            if l.starts_with("## ") {
                return None;
            }
            if l.starts_with("```") {
                break l.chars().take_while(|c| *c == '`').collect::<String>();
            }
        };
        let mut body = String::new();
        for l in lines {
            if l.trim_end() == fence {
                return Some(body);
            }
            body.push_str(l);
            body.push('\n');
        }
        None
    }
}

/// Declare a rule's metadata; the doc comment becomes its `explain` text.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $ident:ident = {
            id: $id:literal,
            name: $name:literal,
            family: $family:ident,
            severity: $sev:ident $(,)?
        }
    ) => {
        $vis static $ident: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            id: $id,
            name: $name,
            family: $crate::rules::Family::$family,
            severity: $crate::rules::diag::Severity::$sev,
            docs: concat!($($doc, "\n"),*),
        };
    };
}

/// What a check sees: the model, the sources, the settings rules read, and
/// what the run was asked to do.
pub struct Context<'a> {
    pub project: &'a Project,
    pub db: &'a SourceDb,
    /// The context-discipline policy and the bash target (`[shell]`).
    pub shell: &'a ShellPolicy,
    /// The redaction detectors' allow- and deny-lists (`[redaction]`).
    pub redaction: &'a RedactConfig,
    /// Run shellcheck on shell sites (`--shellcheck`, when installed).
    pub shellcheck: bool,
    /// With `--files`/`--since`: the changed files. Files outside it are
    /// read and parsed only as far as reported findings need them; their
    /// file-local findings (shell, redaction) would not be reported.
    pub focus: Option<&'a Focus>,
    /// With `--since`: the base revision and its plugin versions.
    pub since: Option<&'a Base>,
}

impl Context<'_> {
    /// Whether findings of a phase or build check in `path` can be reported
    /// under `--files`/`--since` (always without them); see
    /// [`crate::model::focus::cross_file_in_focus`].
    pub fn phase_in_focus(&self, path: &str) -> bool {
        self.focus
            .is_none_or(|f| crate::model::focus::cross_file_in_focus(self.project, f, path))
    }

    /// Whether file-local findings in `path` can be reported.
    pub fn in_focus(&self, path: &str) -> bool {
        self.focus.is_none_or(|f| f.contains(path))
    }

    /// The text of the file of a doc or JSON file.
    pub fn text(&self, file: crate::source::FileId) -> &str {
        self.db.text(file)
    }
}

/// A check: reads the model, pushes diagnostics.
pub type CheckFn = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// A check and the rules it may emit.
pub struct Check {
    pub rules: &'static [&'static RuleMeta],
    pub run: CheckFn,
}
