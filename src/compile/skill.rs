//! One skill source (`skill.yaml`) compiled into SKILL.md and its phase
//! scripts, step by step: the name and phase ids, the inputs, the
//! references, the prose with its cross-references resolved, the phase
//! scripts (and the prelude they share), SKILL.md, and the phase scripts no
//! phase renders any more.

use super::checks;
use super::refs::{Resolver, Unresolved};
use super::render::{self, Lines, Numbered, Origins, PhaseOrigin, Runs};
use super::script::{self, ScriptParts};
use super::{Finding, Options, Output, Problem, Rendered};
use crate::model::typed_source::{Input, InputType, Mode, SkillSource};
use crate::model::{Project, TypedSource};
use crate::parse::shell::ShellBlock;
use crate::parse::yaml::{YamlKind, YamlNode};
use crate::source::{FileId, SourceDb, Span};
use indexmap::IndexMap;
use std::collections::BTreeSet;

/// Compile one skill source into `out`. Every finding is reported; a source
/// with a problem that leaves nothing sound to render renders nothing (what
/// is on disk stays, and no script of it is stale).
pub(super) fn compile(
    project: &Project,
    db: &SourceDb,
    options: &Options<'_>,
    s: &TypedSource<SkillSource>,
    out: &mut Output,
) {
    let Some((root, src)) = parsed(s, db, &mut out.findings) else {
        return;
    };
    let skill = Skill::new(project, db, options, s, root, src);
    let mut r = Report::default();
    skill.check_name(&mut r);
    skill.check_phases(&mut r);
    skill.check_inputs(&mut r);
    skill.check_references(&mut r);
    skill.check_gates(&mut r);
    let prose = skill.prose(&mut r);
    let (resolved, intro) = skill.resolved(&mut r);
    let origins = skill.origins();
    let (scripts, runs) = skill.scripts(&mut r, &origins);
    out.findings.append(&mut r.findings);
    if r.broken {
        return;
    }
    out.stale.extend(skill.stale(&scripts));
    out.files.extend(scripts);
    let (text, map) = render::skill_md(&resolved, &skill.phases, &intro, &prose, &runs, &origins);
    out.files.push(Rendered {
        path: format!("{}/SKILL.md", skill.dir),
        text,
        executable: false,
        source: skill.file,
        map,
    });
}

/// The root node and typed value of a skill source, or the findings why
/// there are none.
fn parsed<'a>(
    s: &'a TypedSource<SkillSource>,
    db: &SourceDb,
    findings: &mut Vec<Finding>,
) -> Option<(&'a YamlNode, &'a SkillSource)> {
    let shape = &crate::model::typed_source::SKILL;
    super::read_source(s, db, "skill.yaml", shape, findings)
}

/// The findings of one source, and whether one of them leaves nothing to
/// render.
#[derive(Default)]
struct Report {
    findings: Vec<Finding>,
    broken: bool,
}

impl Report {
    fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }
    /// A finding after which the source renders nothing.
    fn breaks(&mut self, f: Finding) {
        self.findings.push(f);
        self.broken = true;
    }
}

/// Skill name rules shared with the frontmatter rules.
fn id_ok(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

/// The YAML node of phase `path` and, optionally, one of its keys.
fn phase_node<'a>(root: &'a YamlNode, path: &[usize]) -> Option<&'a YamlNode> {
    let mut node = root;
    for i in path {
        let YamlKind::Seq(items) = &node.get("phases")?.kind else {
            return None;
        };
        node = items.get(*i)?;
    }
    Some(node)
}

fn key_span(node: Option<&YamlNode>, key: &str, fallback: Span) -> Span {
    node.and_then(|n| n.get(key)).map_or(fallback, |v| v.span)
}

/// The shell of the scalar at `node` of `s`, as the load parsed it.
fn inline(s: &TypedSource<SkillSource>, node: &YamlNode) -> ShellBlock {
    s.script(node)
        .cloned()
        .unwrap_or_else(|| ShellBlock::unparsed(node.span))
}

/// A phase's shell: parsed, as written, and the file its findings point at
/// (the skill.yaml, or its `script-file`).
struct PhaseShell {
    block: ShellBlock,
    body: String,
    file: FileId,
    /// Where each line of `body` is.
    lines: Lines,
}

/// Where each line of an inline script is, through its parsed shell.
fn shell_lines(block: &ShellBlock, body: &str, file: FileId) -> Lines {
    let mut offsets = Vec::new();
    let mut off = 0;
    for line in body.split_inclusive('\n') {
        offsets.push(Some(block.to_file(off) as u32));
        off += line.len();
    }
    Lines::new(file, body, &offsets, block.span.start)
}

/// Where a text with references is written: a scalar of the source (its
/// node, when found), or a file's body from a byte offset.
#[derive(Clone, Copy)]
enum At<'n> {
    Scalar(Option<&'n YamlNode>),
    Body(FileId, usize),
}

/// The prelude's text and shell.
type Prelude<'a> = (&'a str, ShellBlock);

/// What the phases that include the prelude do: the first mutating one,
/// and what they assign.
#[derive(Default)]
struct PreludeUsers<'p> {
    mutating: Option<&'p Numbered<'p>>,
    assigned: Vec<String>,
}

/// One skill source being compiled.
struct Skill<'a> {
    project: &'a Project,
    db: &'a SourceDb,
    options: &'a Options<'a>,
    s: &'a TypedSource<SkillSource>,
    src: &'a SkillSource,
    root: &'a YamlNode,
    file: FileId,
    /// The skill's directory.
    dir: &'a str,
    /// Where a finding points when its key is missing: the document's start.
    fallback: Span,
    phases: Vec<Numbered<'a>>,
}

impl<'a> Skill<'a> {
    fn new(
        project: &'a Project,
        db: &'a SourceDb,
        options: &'a Options<'a>,
        s: &'a TypedSource<SkillSource>,
        root: &'a YamlNode,
        src: &'a SkillSource,
    ) -> Skill<'a> {
        let start = root.span.start as usize;
        Skill {
            project,
            db,
            options,
            s,
            src,
            root,
            file: s.file,
            dir: &s.dir,
            fallback: Span::new(start, start),
            phases: render::number(&src.phases),
        }
    }

    /// The span of `key` in `node`, or the fallback.
    fn span(&self, node: Option<&YamlNode>, key: &str) -> Span {
        key_span(node, key, self.fallback)
    }

    /// The span of a top-level key's value, or the fallback.
    fn value_span(&self, key: &str) -> Span {
        self.root.get(key).map_or(self.fallback, |n| n.span)
    }

    /// The name: kebab-case, and the directory's.
    fn check_name(&self, r: &mut Report) {
        let name = &self.src.name;
        let dir_name = self.dir.rsplit('/').next().unwrap_or(self.dir);
        if !id_ok(name) || name != dir_name {
            r.breaks(
                Finding::new(
                    Problem::Naming,
                    self.file,
                    self.span(Some(self.root), "name"),
                    format!(
                        "name `{name}` must be kebab-case and equal the directory `{dir_name}`"
                    ),
                )
                .help(format!("write `name: {dir_name}`")),
            );
        }
    }

    /// Phase ids (file names, unique), and keys that exclude each other.
    fn check_phases(&self, r: &mut Report) {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for n in &self.phases {
            let node = phase_node(self.root, &n.path);
            let id = &n.phase.id;
            let id_span = self.span(node, "id");
            if !id_ok(id) {
                r.breaks(
                    Finding::new(
                        Problem::Naming,
                        self.file,
                        id_span,
                        format!("phase id `{id}` must use only a-z, 0-9 and -"),
                    )
                    .help("ids become file names; no `/`, `..` or spaces"),
                );
            } else if !seen.insert(id) {
                r.breaks(
                    Finding::new(
                        Problem::Naming,
                        self.file,
                        id_span,
                        format!("phase id `{id}` is used twice"),
                    )
                    .help("give every phase a unique id"),
                );
            }
            for (a, b) in [("prose", "prose-file"), ("script", "script-file")] {
                if node.is_some_and(|n| n.get(a).is_some() && n.get(b).is_some()) {
                    r.breaks(
                        Finding::new(
                            Problem::SourceInvalid,
                            self.file,
                            key_span(node, b, id_span),
                            format!("`{a}` and `{b}` are both set"),
                        )
                        .help("keep one of them"),
                    );
                }
            }
        }
    }

    /// Inputs: environment variable names; an enum lists its values and
    /// defaults to one of them.
    fn check_inputs(&self, r: &mut Report) {
        for (name, input) in &self.src.inputs {
            let span = self
                .root
                .get("inputs")
                .and_then(|i| i.entry(name))
                .map_or(self.fallback, |(k, _)| k.span);
            if !crate::regex!(r"^[A-Z][A-Z0-9_]*$").is_match(name) {
                r.breaks(
                    Finding::new(
                        Problem::Naming,
                        self.file,
                        span,
                        format!("input `{name}` must be UPPER_SNAKE_CASE"),
                    )
                    .help("inputs are environment variables"),
                );
            }
            if input.kind == InputType::Enum {
                self.check_enum(name, input, span, r);
            }
        }
    }

    fn check_enum(&self, name: &str, input: &Input, span: Span, r: &mut Report) {
        if input.values.is_empty() {
            r.breaks(
                Finding::new(
                    Problem::Naming,
                    self.file,
                    span,
                    format!("enum input `{name}` has no `values`"),
                )
                .help("list the allowed values"),
            );
        } else if let Some(d) = input.default.as_ref().filter(|d| !input.values.contains(d)) {
            r.breaks(
                Finding::new(
                    Problem::Naming,
                    self.file,
                    span,
                    format!("default `{d}` of `{name}` is not one of its values"),
                )
                .help("pick a default from `values`"),
            );
        }
    }

    /// Every mutating phase is behind a stop gate ([`render::gate_cover`]).
    fn check_gates(&self, r: &mut Report) {
        for (i, n) in self.phases.iter().enumerate() {
            if n.phase.mode != Mode::Mutating || render::gated(&self.phases, i) {
                continue;
            }
            let node = phase_node(self.root, &n.path);
            r.push(
                Finding::new(
                    Problem::Ungated,
                    self.file,
                    self.span(node, "mode"),
                    format!(
                        "mutating phase {} (`{}`) runs without a stop gate before it",
                        n.number, n.phase.id
                    ),
                )
                .help(format!(
                    "add `gate: stop` to phase `{}` (or to an approval phase just before it that runs nothing): SKILL.md then stops there, shows the commands that run next and waits for approval",
                    n.phase.id
                )),
            );
        }
    }

    /// Where the parts of the source are, for the rendered files' source maps.
    fn origins(&self) -> Origins {
        let text = self.db.text(self.file);
        let at = |key: &str| self.value_span(key).start;
        let lines = |node: Option<&YamlNode>, value: &str| {
            node.map(|node| {
                let found = crate::parse::yaml::value_lines(text, node);
                let mut at = 0;
                let offsets: Vec<Option<u32>> = value
                    .split_inclusive('\n')
                    .map(|l| {
                        let o = found.iter().find(|v| v.value == at).map(|v| v.file as u32);
                        at += l.len();
                        o
                    })
                    .collect();
                Lines::new(self.file, value, &offsets, node.span.start)
            })
        };
        let items = |key: &str| -> Vec<u32> {
            match self.root.get(key).map(|n| &n.kind) {
                Some(YamlKind::Seq(items)) => items.iter().map(|n| n.span.start).collect(),
                _ => Vec::new(),
            }
        };
        let inputs = self
            .src
            .inputs
            .keys()
            .map(|name| {
                let at = self
                    .root
                    .get("inputs")
                    .and_then(|i| i.entry(name))
                    .map_or(self.fallback.start, |(k, _)| k.span.start);
                (name.clone(), at)
            })
            .collect();
        let phases = self
            .phases
            .iter()
            .map(|n| self.phase_origin(n, &lines))
            .collect();
        Origins {
            file: self.file,
            doc: self.fallback.start,
            name: at("name"),
            description: at("description"),
            frontmatter: self
                .root
                .get("frontmatter")
                .map_or(at("name"), |n| n.span.start),
            title: at("title"),
            intro: self
                .src
                .intro
                .as_deref()
                .and_then(|v| lines(self.root.get("intro"), v)),
            inputs,
            phases,
            prelude: self
                .src
                .prelude
                .as_deref()
                .and_then(|v| lines(self.root.get("prelude"), v)),
            guardrails: items("guardrails"),
            references: items("references"),
        }
    }

    fn phase_origin(
        &self,
        n: &Numbered<'_>,
        lines: &dyn Fn(Option<&YamlNode>, &str) -> Option<Lines>,
    ) -> PhaseOrigin {
        let node = phase_node(self.root, &n.path);
        let id = self.span(node, "id").start;
        let prose = match (&n.phase.prose, &n.phase.prose_file) {
            (Some(p), _) => lines(node.and_then(|x| x.get("prose")), p),
            (None, Some(f)) => self
                .body_of(f)
                .map(|(fid, text, base)| Lines::verbatim(fid, &text, base)),
            _ => None,
        };
        PhaseOrigin {
            id,
            gate: node
                .and_then(|x| x.get("gate"))
                .map_or(id, |g| g.span.start),
            prose,
            run: node
                .and_then(|x| x.get("script").or_else(|| x.get("script-file")))
                .map_or(id, |g| g.span.start),
        }
    }

    /// Every listed reference exists, inside the skill.
    fn check_references(&self, r: &mut Report) {
        for reference in &self.src.references {
            let path = format!("{}/{}", self.dir, reference.path);
            if !self.project.exists(&path) || reference.path.contains("..") {
                r.push(
                    Finding::new(
                        Problem::Dangling,
                        self.file,
                        self.value_span("references"),
                        format!("reference `{}` does not exist", reference.path),
                    )
                    .help("add the file or fix the path"),
                );
            }
        }
    }

    /// `text` with its typed cross-references resolved; each one that does
    /// not resolve is a finding at its place in `at`.
    fn resolve(&self, text: &str, at: At<'_>, r: &mut Report) -> String {
        let resolver = Resolver {
            project: self.project,
            db: self.db,
            src: self.src,
            phases: &self.phases,
            dir: self.dir,
        };
        resolver.resolve(text, |u| r.push(self.dangling(u, at)))
    }

    /// The finding of a reference that does not resolve: at the reference
    /// as written when the file holds it verbatim (else at the whole text),
    /// with its replacement as the fix when there is a sure one.
    fn dangling(&self, u: Unresolved, at: At<'_>) -> Finding {
        let (file, exact, whole) = match at {
            At::Scalar(Some(node)) => (
                self.file,
                crate::parse::yaml::value_span(self.db.text(self.file), node, u.range.clone()),
                node.span,
            ),
            At::Scalar(None) => (self.file, None, self.fallback),
            At::Body(file, base) => {
                let span = Span::new(base + u.range.start, base + u.range.end);
                let ok = self.db.text(file).get(span.range()).is_some();
                (file, ok.then_some(span), Span::new(base, base))
            }
        };
        let f =
            Finding::new(Problem::Dangling, file, exact.unwrap_or(whole), u.message).help(u.help);
        match (exact, u.replace) {
            (Some(span), Some(text)) => f.fix(format!("replace with `{text}`"), span, text),
            _ => f,
        }
    }

    /// Each phase's prose, its references resolved, by phase number.
    fn prose(&self, r: &mut Report) -> IndexMap<String, String> {
        let mut prose = IndexMap::new();
        for n in &self.phases {
            let Some((text, at)) = self.phase_prose(n, r) else {
                continue;
            };
            let resolved = self.resolve(&text, at, r);
            prose.insert(n.number.clone(), resolved);
        }
        prose
    }

    /// A phase's prose as written (inline, or the body of its `prose-file`)
    /// and where it is written.
    fn phase_prose(&self, n: &Numbered<'_>, r: &mut Report) -> Option<(String, At<'a>)> {
        let node = phase_node(self.root, &n.path);
        if let Some(p) = &n.phase.prose {
            return Some((p.clone(), At::Scalar(node.and_then(|x| x.get("prose")))));
        }
        let f = n.phase.prose_file.as_ref()?;
        let Some((fid, text, base)) = self.body_of(f) else {
            r.breaks(
                Finding::new(
                    Problem::Dangling,
                    self.file,
                    self.span(node, "prose-file"),
                    format!("prose file `{f}` does not exist"),
                )
                .help("create it or fix the path"),
            );
            return None;
        };
        Some((text, At::Body(fid, base)))
    }

    /// The file `rel` of the skill: its id, its text after any frontmatter,
    /// and where that text starts.
    fn body_of(&self, rel: &str) -> Option<(FileId, String, usize)> {
        let path = format!("{}/{rel}", self.dir);
        let id = self.db.find(&path)?;
        let body = self
            .project
            .doc_by_path
            .get(path.as_str())
            .map_or(0, |&d| self.project.docs[d].body_start);
        Some((id, self.db.text(id)[body..].to_string(), body))
    }

    /// The source with its guardrails and reference summaries resolved
    /// (they may hold references too), and the resolved intro.
    fn resolved(&self, r: &mut Report) -> (SkillSource, String) {
        let mut resolved = self.src.clone();
        let item = |key: &str, i: usize| match &self.root.get(key)?.kind {
            YamlKind::Seq(items) => items.get(i),
            _ => None,
        };
        for (i, g) in resolved.guardrails.iter_mut().enumerate() {
            *g = self.resolve(g, At::Scalar(item("guardrails", i)), r);
        }
        for (i, reference) in resolved.references.iter_mut().enumerate() {
            let node = item("references", i).and_then(|n| n.get("summary"));
            reference.summary = self.resolve(&reference.summary, At::Scalar(node), r);
        }
        let intro = self.src.intro.as_deref().map_or(String::new(), |t| {
            self.resolve(t, At::Scalar(self.root.get("intro")), r)
        });
        (resolved, intro)
    }

    /// The phase scripts, each checked; then the prelude, checked once. Also
    /// the command that runs each, as SKILL.md shows it.
    fn scripts(&self, r: &mut Report, o: &Origins) -> (Vec<Rendered>, Runs) {
        let prelude = self.prelude();
        let mut users = PreludeUsers::default();
        let mut files = Vec::new();
        let mut commands = Vec::new();
        for (i, n) in self.phases.iter().enumerate() {
            match self.phase_shell(n, r) {
                Some(shell) => {
                    let (file, cmd) = self.script(n, i, &shell, prelude.as_ref(), &mut users, r, o);
                    files.push(file);
                    commands.push(Some(cmd));
                }
                None => commands.push(None),
            }
        }
        if let Some((_, p)) = &prelude {
            checks::prelude(
                self.options,
                self.src,
                p,
                users.mutating,
                &users.assigned,
                self.file,
                &mut r.findings,
            );
        }
        (files, Runs { commands })
    }

    /// The prelude, parsed once; phase scripts that call one of its
    /// functions or read one of its variables start with it.
    fn prelude(&self) -> Option<Prelude<'a>> {
        let text = self.src.prelude.as_ref()?;
        let node = self.root.get("prelude")?;
        Some((text.as_str(), inline(self.s, node)))
    }

    /// A phase's shell: its inline `script` or its `script-file`; `None`
    /// when it has none (or the file is missing, a finding).
    fn phase_shell(&self, n: &Numbered<'_>, r: &mut Report) -> Option<PhaseShell> {
        let node = phase_node(self.root, &n.path);
        if let Some(script) = &n.phase.script {
            let value_node = node.and_then(|x| x.get("script"))?;
            let block = inline(self.s, value_node);
            let lines = shell_lines(&block, script, self.file);
            return Some(PhaseShell {
                block,
                body: script.clone(),
                file: self.file,
                lines,
            });
        }
        let f = n.phase.script_file.as_ref()?;
        let path = format!("{}/{f}", self.dir);
        let Some(sc) = self.project.scripts.iter().find(|x| *x.path == *path) else {
            r.breaks(
                Finding::new(
                    Problem::Dangling,
                    self.file,
                    self.span(node, "script-file"),
                    format!("script file `{f}` does not exist"),
                )
                .help("create it or fix the path"),
            );
            return None;
        };
        let body = self.db.text(sc.file).to_string();
        Some(PhaseShell {
            block: sc.shell.clone(),
            lines: Lines::verbatim(sc.file, &body, 0),
            body,
            file: sc.file,
        })
    }

    /// Check a phase's shell and render its script, with the prelude when it
    /// uses it (and then note the phase among the prelude's users); also the
    /// command that runs it.
    #[allow(clippy::too_many_arguments)]
    fn script<'s>(
        &'s self,
        n: &'s Numbered<'a>,
        i: usize,
        shell: &PhaseShell,
        prelude: Option<&Prelude<'a>>,
        users: &mut PreludeUsers<'s>,
        r: &mut Report,
        o: &Origins,
    ) -> (Rendered, String) {
        let block = &shell.block;
        let with_prelude = prelude.filter(|(_, p)| {
            block
                .commands()
                .any(|c| p.functions().any(|f| f == c.name()))
                || block.used().any(|(v, _)| p.assigns(v))
        });
        let also_assigned: Vec<&str> =
            with_prelude.map_or(Vec::new(), |(_, p)| p.assigned().collect());
        checks::script(
            self.options,
            self.src,
            n,
            block,
            shell.file,
            &also_assigned,
            &mut r.findings,
        );
        if with_prelude.is_some() {
            if n.phase.mode == Mode::Mutating {
                users.mutating.get_or_insert(n);
            }
            users.assigned.extend(block.assigned().map(str::to_string));
        }
        let uses = self.inputs_used(block, with_prelude.map(|(_, p)| p));
        let skill_dir = block
            .used()
            .chain(with_prelude.into_iter().flat_map(|(_, p)| p.used()))
            .any(|(v, _)| v == script::SKILL_DIR);
        let parts = ScriptParts {
            prelude: with_prelude.map(|(t, _)| (*t, o.prelude.as_ref())),
            body: &shell.body,
            body_lines: Some(&shell.lines),
            uses: &uses,
            skill_dir,
        };
        let (text, map) = script::script(self.src, n, i, &parts, o);
        let rendered = Rendered {
            path: format!("{}/scripts/{}", self.dir, render::script_name(n)),
            text,
            executable: true,
            source: self.file,
            map,
        };
        (rendered, script::run_command(self.src, n, &uses))
    }

    /// The inputs a script reads, in its shell or its prelude's, sorted.
    fn inputs_used<'b>(
        &self,
        block: &'b ShellBlock,
        prelude: Option<&'b ShellBlock>,
    ) -> Vec<&'b str> {
        let mut uses: Vec<&str> = block
            .used()
            .chain(prelude.into_iter().flat_map(|p| p.used()))
            .map(|(v, _)| v)
            .filter(|v| self.src.inputs.contains_key(*v))
            .collect();
        uses.sort_unstable();
        uses.dedup();
        uses
    }

    /// Phase scripts on disk that no phase renders any more.
    fn stale(&self, scripts: &[Rendered]) -> Vec<(String, FileId)> {
        let dir = format!("{}/scripts/", self.dir);
        let rendered: Vec<&str> = scripts
            .iter()
            .filter_map(|s| s.path.strip_prefix(dir.as_str()))
            .collect();
        let prefix = format!("{dir}phase-");
        self.project
            .files
            .starting_with(&prefix)
            .filter(|f| {
                let name = f.rsplit('/').next().unwrap_or(f);
                name.ends_with(".sh") && !rendered.contains(&name)
            })
            .map(|f| (f.to_string(), self.file))
            .collect()
    }
}
