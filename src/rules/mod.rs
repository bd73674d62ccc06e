//! Rules: metadata declared once with its docs, and check functions that read
//! the model and push diagnostics. Rules never touch the disk or parse.

pub mod diag;
pub mod registry;
pub mod types;

pub mod build;
pub mod directory;
pub mod files;
pub mod frontmatter;
pub mod hooks;
pub mod manifest;
pub mod phase;
pub mod redaction;
pub mod servers;
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
    /// Hooks: hooks.json, inline and frontmatter hooks (HK, PP011, PP014).
    Hooks,
    /// MCP and LSP servers, monitors (MC, LS, MO).
    Servers,
    /// Directory-submission checks (DR): off unless the `directory`
    /// profile is on.
    Directory,
}

/// A set of rules that is off unless asked for (`profile = "directory"` in
/// skillc.toml, `--profile directory`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Profile {
    /// What Anthropic's plugin directory asks of a submitted plugin
    /// (`claude plugin validate --profile directory`, formats.md §13.4).
    Directory,
}

impl Profile {
    pub fn parse(s: &str) -> Option<Profile> {
        match s {
            "directory" => Some(Profile::Directory),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Directory => "directory",
        }
    }
}

impl Family {
    /// Whether the family's rules share a pass over the model ([`Shared`]).
    /// The engine runs such a family's rules one after another in one task:
    /// the first computes the pass and the rest read it, so no worker thread
    /// waits for a pass another thread computes (and none can re-enter a
    /// pass it is computing itself). A pass's accessor is private to its
    /// family's module, so no other family can reach it.
    pub const fn shares_a_pass(self) -> bool {
        matches!(
            self,
            Family::Frontmatter | Family::Phase | Family::Redaction | Family::Build
        )
    }

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
            Family::Hooks => "hooks",
            Family::Servers => "servers",
            Family::Directory => "directory",
        }
    }

    /// The profile that turns the family's rules on, when they are off by
    /// default.
    pub const fn profile(self) -> Option<Profile> {
        match self {
            Family::Directory => Some(Profile::Directory),
            _ => None,
        }
    }
}

/// How a rule finds what it reports.
#[derive(Clone, Copy)]
pub enum Check {
    /// Reads the model, pushes diagnostics.
    Model(CheckFn),
    /// Runs after the other rules, on what the engine learned from their
    /// findings (GEN011: suppressions that silenced nothing).
    Late(LateFn),
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Check::Model(_) => "Model",
            Check::Late(_) => "Late",
        })
    }
}

/// What a rule's findings depend on, for narrowed runs (`--files`,
/// `--since`): which changes can make them appear or go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The file a finding is in (frontmatter, shell, redaction, a
    /// manifest's own fields).
    File,
    /// Other files of its plugin or of the tree (links, mentions, entries
    /// against the disk, generated files).
    Tree,
    /// The change itself: reported whenever it is found (PJ040).
    Change,
}

impl Reach {
    /// The first of `given`, or the default of `family`.
    pub const fn pick(given: &[Reach], family: Family) -> Reach {
        match given {
            [first, ..] => *first,
            [] => match family {
                Family::Xref | Family::Phase | Family::Build | Family::Directory => Reach::Tree,
                _ => Reach::File,
            },
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
    /// An Agent Skills spec rule: what claude.ai uploads, the Skills API and
    /// skills-ref reject but Claude Code loads. Its severity (an error) holds
    /// for `target = "agent-skills"`; for `claude-code` it is a warning.
    pub spec: bool,
    /// `--fix` can fix some of its findings.
    pub fixable: bool,
    /// Markdown docs: summary line, then What it does / Why it matters /
    /// Example / Use instead / Configuration.
    pub docs: &'static str,
    /// Its check.
    pub check: Check,
    /// What its findings depend on.
    pub reach: Reach,
    /// The module that declares it (`skillc::rules::xref::broken_link`).
    pub module: &'static str,
}

/// Whether any flag is set (`spec: true` in `declare_rule!`).
pub const fn any(flags: &[bool]) -> bool {
    matches!(flags, [true, ..])
}

impl PartialEq for RuleMeta {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl RuleMeta {
    /// Its default severity in words, with the target's effect on a spec
    /// rule (`warning; error for agent-skills`).
    pub fn severity_text(&self) -> String {
        if let Some(p) = self.family.profile() {
            format!(
                "off; {} with profile {}",
                self.severity.as_str(),
                p.as_str()
            )
        } else if self.spec {
            "warning; error for agent-skills".into()
        } else {
            self.severity.as_str().into()
        }
    }

    /// What its default severity says about a finding (the severity model).
    pub fn severity_meaning(&self) -> &'static str {
        if self.family.profile() == Some(Profile::Directory) {
            return match self.severity {
                diag::Severity::Error => {
                    "off unless `profile = \"directory\"` in skillc.toml or `--profile directory`; then an error: the plugin directory's validator rejects the submission"
                }
                _ => {
                    "off unless `profile = \"directory\"` in skillc.toml or `--profile directory`; then a warning: the plugin directory's validator asks for it"
                }
            };
        }
        if self.spec {
            return "Claude Code loads it, but the consumers the Agent Skills spec governs (claude.ai uploads, the Skills API, skills-ref) reject it: a likely defect for target claude-code, an error for target agent-skills";
        }
        match self.severity {
            diag::Severity::Error => {
                "an error: Claude Code (or the consumer you target) fails to load or run it, or a real credential leaks"
            }
            diag::Severity::Warning => "a warning: a likely defect",
            diag::Severity::Info => "a note: style or house policy",
        }
    }

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

/// Declare a rule: its id, name, family, default severity, docs (the doc
/// comment, shown by `skillc explain`) and check. `reach:` overrides the
/// family's default [`Reach`]; `late:` names a check that runs after the
/// others ([`Check::Late`]).
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $ident:ident = {
            id: $id:literal,
            name: $name:literal,
            family: $family:ident,
            severity: $sev:ident
            $(, spec: $spec:literal)?
            $(, fix: $fix:literal)?
            $(, reach: $reach:ident)?
            , check: $check:path
            $(,)?
        }
    ) => {
        $crate::declare_rule!(@rule [$($doc)*] $vis $ident $id $name $family $sev
            [$($spec)?] [$($fix)?] [$($reach)?] $crate::rules::Check::Model($check));
    };
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $ident:ident = {
            id: $id:literal,
            name: $name:literal,
            family: $family:ident,
            severity: $sev:ident
            $(, spec: $spec:literal)?
            $(, fix: $fix:literal)?
            $(, reach: $reach:ident)?
            , late: $check:path
            $(,)?
        }
    ) => {
        $crate::declare_rule!(@rule [$($doc)*] $vis $ident $id $name $family $sev
            [$($spec)?] [$($fix)?] [$($reach)?] $crate::rules::Check::Late($check));
    };
    (@rule [$($doc:literal)*] $vis:vis $ident:ident $id:literal $name:literal $family:ident
        $sev:ident [$($spec:literal)?] [$($fix:literal)?] [$($reach:ident)?] $check:expr) => {
        $vis static $ident: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            id: $id,
            name: $name,
            family: $crate::rules::Family::$family,
            severity: $crate::rules::diag::Severity::$sev,
            docs: concat!($($doc, "\n"),*),
            spec: $crate::rules::any(&[$($spec)?]),
            fixable: $crate::rules::any(&[$($fix)?]),
            check: $check,
            reach: $crate::rules::Reach::pick(
                &[$($crate::rules::Reach::$reach)?],
                $crate::rules::Family::$family,
            ),
            module: module_path!(),
        };
    };
}

/// Declare the rules of a family, one module per rule named after it
/// (`broken_link` for `broken-link`), each declaring `RULE`: the modules,
/// and `RULES`, the family's list for the registry.
#[macro_export]
macro_rules! declare_family {
    ($($rule:ident),* $(,)?) => {
        $(pub mod $rule;)*

        /// Every rule of this family, one per module.
        pub static RULES: &[&$crate::rules::RuleMeta] = &[$(&$rule::RULE),*];
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
    /// Passes several rules share, computed once by the first that asks.
    pub shared: Shared<'a>,
}

/// Passes over the model that several rules of one family share (see
/// [`Family::shares_a_pass`]), each computed once, by
/// whichever of them runs first (the others wait for it).
#[derive(Default)]
pub struct Shared<'a> {
    /// The compile of every typed source (build rules).
    pub(crate) compiled: std::sync::OnceLock<crate::compile::Output>,
    /// What the redaction detectors found (redaction rules).
    pub(crate) redaction: std::sync::OnceLock<Vec<redaction::Found>>,
    /// Phase mentions checked against declared phases (phase rules).
    pub(crate) phase_mentions: std::sync::OnceLock<phase::Mentions>,
    /// STOP GATE declarations (phase rules).
    pub(crate) stop_gates: std::sync::OnceLock<phase::Gates<'a>>,
    /// The findings of every tool rule in frontmatter, each rule written
    /// checked once (the TL rules report their own).
    pub(crate) tool_rules: std::sync::OnceLock<Vec<Diagnostic>>,
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

/// A check: reads the model, pushes diagnostics of its rule.
pub type CheckFn = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// A late check: also reads what the engine learned from the other rules.
pub type LateFn = fn(&Context<'_>, &Late<'_>, &mut Vec<Diagnostic>);

/// What the engine learned from the other rules' findings.
pub struct Late<'a> {
    /// Suppression comments that silenced nothing.
    pub unused: &'a [Unused],
}

/// A suppression comment that silenced nothing.
#[derive(Debug, Clone)]
pub struct Unused {
    pub file: crate::source::FileId,
    /// The comment.
    pub span: crate::source::Span,
    pub what: UnusedWhat,
}

/// What an unused suppression names.
#[derive(Debug, Clone)]
pub enum UnusedWhat {
    /// `all`, and no rule reported anything there.
    All,
    /// A rule that is on and reported nothing there.
    Rule(&'static RuleMeta),
    /// No rule at all: the id as written, and the nearest rule, if any.
    NotARule {
        id: String,
        near: Option<&'static str>,
    },
}
