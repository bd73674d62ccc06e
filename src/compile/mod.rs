//! `skillc build`: typed sources (`skill.yaml`, `plugin.yaml`) compiled into
//! SKILL.md, executable phase scripts, plugin.json and the marketplace's
//! plugin entries. Compilation is a pure function of the loaded tree; the
//! CLI writes what it returns, and `skillc check` reports drift.

pub mod render;

use crate::model::typed_source::{Mode, PluginSource, SkillSource};
use crate::model::{Project, TypedSource};
use crate::parse::shell::ShellBlock;
use crate::parse::yaml::{YamlKind, YamlNode};
use crate::source::{FileId, SourceDb, Span};
use indexmap::IndexMap;
use render::Numbered;
use std::collections::BTreeSet;

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
}

/// What compilation produced.
#[derive(Debug, Default)]
pub struct Output {
    pub files: Vec<Rendered>,
    /// Generated files that no source renders any more.
    pub stale: Vec<(String, FileId)>,
    pub findings: Vec<Finding>,
}

const STANDARD_ENV: &[&str] = &[
    "HOME",
    "PATH",
    "USER",
    "PWD",
    "OLDPWD",
    "SHELL",
    "TMPDIR",
    "LANG",
    "LC_ALL",
    "TERM",
    "HOSTNAME",
    "UID",
    "EUID",
    "OSTYPE",
    "BASH_SOURCE",
    "BASH_VERSION",
    "BASH_REMATCH",
    "LINENO",
    "RANDOM",
    "SECONDS",
    "IFS",
    "PIPESTATUS",
    "FUNCNAME",
    "KUBECONFIG",
    "CLAUDE_SKILL_DIR",
    "CLAUDE_PLUGIN_ROOT",
    "CLAUDE_PLUGIN_DATA",
    "CLAUDE_PROJECT_DIR",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "EDITOR",
    "PAGER",
    "CI",
    "DEBUG",
    "OPTARG",
    "OPTIND",
];

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
        compile_skill(project, db, options, s, &mut out);
    }
    compile_plugins(project, db, &mut out);
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn source_error(file: FileId, span: Option<Span>, message: String) -> Finding {
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
        crate::text::suggest(field, candidates.into_iter()).map(|s| format!("did you mean `{s}`?"))
    });
    Finding::new(Problem::SourceInvalid, file, span.unwrap_or_default(), message)
        .help(hint.unwrap_or_else(|| "see schemas/ for the source format; editors check it with the yaml-language-server modeline".into()))
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

fn compile_skill(
    project: &Project,
    db: &SourceDb,
    options: &Options<'_>,
    s: &TypedSource<SkillSource>,
    out: &mut Output,
) {
    let file = s.file;
    if let Err(e) = &s.yaml {
        out.findings.push(source_error(
            file,
            Some(e.span),
            format!("skill.yaml is not valid YAML: {}", e.message),
        ));
        return;
    }
    let Some(root) = s.root() else {
        out.findings
            .push(source_error(file, None, "skill.yaml is empty".into()));
        return;
    };
    let src = match &s.value {
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            out.findings.push(source_error(
                file,
                e.span,
                format!("skill.yaml: {}", e.message),
            ));
            return;
        }
        None => return,
    };
    let dir = &s.dir;
    let dir_name = dir.rsplit('/').next().unwrap_or(dir);
    let fallback = Span::new(root.span.start as usize, root.span.start as usize);
    let mut ok = true;
    if !id_ok(&src.name) || src.name != dir_name {
        out.findings.push(
            Finding::new(
                Problem::Naming,
                file,
                key_span(Some(root), "name", fallback),
                format!(
                    "name `{}` must be kebab-case and equal the directory `{dir_name}`",
                    src.name
                ),
            )
            .help(format!("write `name: {dir_name}`")),
        );
        ok = false;
    }
    let phases = render::number(&src.phases);
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for n in &phases {
        let node = phase_node(root, &n.path);
        let id_span = key_span(node, "id", fallback);
        if !id_ok(&n.phase.id) {
            out.findings.push(
                Finding::new(
                    Problem::Naming,
                    file,
                    id_span,
                    format!("phase id `{}` must use only a-z, 0-9 and -", n.phase.id),
                )
                .help("ids become file names; no `/`, `..` or spaces"),
            );
            ok = false;
        } else if !seen.insert(&n.phase.id) {
            out.findings.push(
                Finding::new(
                    Problem::Naming,
                    file,
                    id_span,
                    format!("phase id `{}` is used twice", n.phase.id),
                )
                .help("give every phase a unique id"),
            );
            ok = false;
        }
        for (a, b) in [("prose", "prose-file"), ("script", "script-file")] {
            if node.is_some_and(|n| n.get(a).is_some() && n.get(b).is_some()) {
                out.findings.push(
                    Finding::new(
                        Problem::SourceInvalid,
                        file,
                        key_span(node, b, id_span),
                        format!("`{a}` and `{b}` are both set"),
                    )
                    .help("keep one of them"),
                );
                ok = false;
            }
        }
    }
    for (name, input) in &src.inputs {
        let span = root
            .get("inputs")
            .and_then(|i| i.entry(name))
            .map_or(fallback, |(k, _)| k.span);
        if !crate::regex!(r"^[A-Z][A-Z0-9_]*$").is_match(name) {
            out.findings.push(
                Finding::new(
                    Problem::Naming,
                    file,
                    span,
                    format!("input `{name}` must be UPPER_SNAKE_CASE"),
                )
                .help("inputs are environment variables"),
            );
            ok = false;
        }
        if input.kind == crate::model::typed_source::InputType::Enum {
            if input.values.is_empty() {
                out.findings.push(
                    Finding::new(
                        Problem::Naming,
                        file,
                        span,
                        format!("enum input `{name}` has no `values`"),
                    )
                    .help("list the allowed values"),
                );
                ok = false;
            } else if let Some(d) = input.default.as_ref().filter(|d| !input.values.contains(d)) {
                out.findings.push(
                    Finding::new(
                        Problem::Naming,
                        file,
                        span,
                        format!("default `{d}` of `{name}` is not one of its values"),
                    )
                    .help("pick a default from `values`"),
                );
                ok = false;
            }
        }
    }
    for r in &src.references {
        let path = format!("{dir}/{}", r.path);
        if !project.exists(&path) || r.path.contains("..") {
            let span = root.get("references").map_or(fallback, |n| n.span);
            out.findings.push(
                Finding::new(
                    Problem::Dangling,
                    file,
                    span,
                    format!("reference `{}` does not exist", r.path),
                )
                .help("add the file or fix the path"),
            );
        }
    }

    // Prose with typed cross-references.
    let text_of = |rel: &str| -> Option<(FileId, String, usize)> {
        let path = format!("{dir}/{rel}");
        let id = db.find(&path)?;
        let body = project
            .doc_by_path
            .get(path.as_str())
            .map_or(0, |&d| project.docs[d].body_start);
        Some((id, db.text(id)[body..].to_string(), body))
    };
    let mut prose: IndexMap<String, String> = IndexMap::new();
    for n in &phases {
        let node = phase_node(root, &n.path);
        let (text, at_file, at_span) = if let Some(p) = &n.phase.prose {
            (p.clone(), file, key_span(node, "prose", fallback))
        } else if let Some(f) = &n.phase.prose_file {
            match text_of(f) {
                Some((fid, t, base)) => (t, fid, Span::new(base, base)),
                None => {
                    out.findings.push(
                        Finding::new(
                            Problem::Dangling,
                            file,
                            key_span(node, "prose-file", fallback),
                            format!("prose file `{f}` does not exist"),
                        )
                        .help("create it or fix the path"),
                    );
                    ok = false;
                    continue;
                }
            }
        } else {
            continue;
        };
        let resolved = resolve_refs(project, db, src, &phases, dir, &text, |msg| {
            out.findings.push(
                Finding::new(Problem::Dangling, at_file, at_span, msg)
                    .help("fix the reference; typed references keep prose from dangling"),
            );
        });
        prose.insert(n.number.clone(), resolved);
    }
    // Guardrails and reference summaries may hold references too.
    let mut resolved_src = src.clone();
    for (i, g) in src.guardrails.iter().enumerate() {
        let span = root.get("guardrails").map_or(fallback, |n| n.span);
        resolved_src.guardrails[i] = resolve_refs(project, db, src, &phases, dir, g, |msg| {
            out.findings
                .push(Finding::new(Problem::Dangling, file, span, msg));
        });
    }
    for (i, r) in src.references.iter().enumerate() {
        let span = root.get("references").map_or(fallback, |n| n.span);
        resolved_src.references[i].summary =
            resolve_refs(project, db, src, &phases, dir, &r.summary, |msg| {
                out.findings
                    .push(Finding::new(Problem::Dangling, file, span, msg));
            });
    }
    let intro = src.intro.as_deref().map_or(String::new(), |t| {
        resolve_refs(project, db, src, &phases, dir, t, |msg| {
            out.findings.push(Finding::new(
                Problem::Dangling,
                file,
                key_span(Some(root), "intro", fallback),
                msg,
            ));
        })
    });

    // The prelude, parsed and checked once; phase scripts that call one of
    // its functions or read one of its variables start with it.
    let prelude = src.prelude.as_ref().and_then(|text| {
        let node = root.get("prelude")?;
        Some((text.as_str(), inline(s, node)))
    });
    // What the phases that include the prelude assign, and whether one is mutating.
    let mut mutating_user: Option<&Numbered<'_>> = None;
    let mut assigned_by_users: Vec<String> = Vec::new();

    // Scripts.
    let mut rendered_scripts: Vec<String> = Vec::new();
    for n in &phases {
        let node = phase_node(root, &n.path);
        let (block, body, diag_file) = if let Some(script) = &n.phase.script {
            let Some(value_node) = node.and_then(|x| x.get("script")) else {
                continue;
            };
            let b = inline(s, value_node);
            (b, script.clone(), file)
        } else if let Some(f) = &n.phase.script_file {
            let path = format!("{dir}/{f}");
            match project.scripts.iter().find(|x| *x.path == *path) {
                Some(sc) => (sc.shell.clone(), db.text(sc.file).to_string(), sc.file),
                None => {
                    out.findings.push(
                        Finding::new(
                            Problem::Dangling,
                            file,
                            key_span(node, "script-file", fallback),
                            format!("script file `{f}` does not exist"),
                        )
                        .help("create it or fix the path"),
                    );
                    ok = false;
                    continue;
                }
            }
        } else {
            continue;
        };
        let with_prelude = prelude.as_ref().filter(|(_, p)| {
            block
                .commands()
                .any(|c| p.functions().any(|f| f == c.name()))
                || block.used().any(|(v, _)| p.assigns(v))
        });
        let also_assigned: Vec<&str> =
            with_prelude.map_or(Vec::new(), |(_, p)| p.assigned().collect());
        script_checks(options, src, n, &block, diag_file, &also_assigned, out);
        if with_prelude.is_some() {
            if n.phase.mode == Mode::Mutating {
                mutating_user.get_or_insert(n);
            }
            assigned_by_users.extend(block.assigned().map(str::to_string));
        }
        let mut uses: Vec<&str> = block
            .used()
            .chain(with_prelude.into_iter().flat_map(|(_, p)| p.used()))
            .map(|(v, _)| v)
            .filter(|v| src.inputs.contains_key(*v))
            .collect();
        uses.sort_unstable();
        uses.dedup();
        let name = render::script_name(n);
        rendered_scripts.push(name.clone());
        out.files.push(Rendered {
            path: format!("{dir}/scripts/{name}"),
            text: render::script(src, n, with_prelude.map(|(t, _)| *t), &body, &uses),
            executable: true,
            source: file,
        });
    }
    if let Some((_, p)) = &prelude {
        prelude_checks(
            options,
            src,
            p,
            mutating_user,
            &assigned_by_users,
            file,
            out,
        );
    }
    // Stale phase scripts.
    let prefix = format!("{dir}/scripts/phase-");
    for f in project.files.starting_with(&prefix) {
        let name = f.rsplit('/').next().unwrap_or(f);
        if name.ends_with(".sh") && !rendered_scripts.iter().any(|r| r == name) {
            out.stale.push((f.to_string(), file));
        }
    }
    if ok {
        out.files.push(Rendered {
            path: format!("{dir}/SKILL.md"),
            text: render::skill_md(&resolved_src, &phases, &intro, &prose),
            executable: false,
            source: file,
        });
    } else {
        // Nothing is rendered from a broken source; keep what is on disk.
        out.files.retain(|r| r.source != file);
        out.stale.retain(|(_, f)| *f != file);
    }
}

/// Checks of the prelude, once: what a phase script checks. The phases that
/// include it may set what it reads (`assigned_by_users`); the first mutating
/// one, if any, holds it to the context rule.
fn prelude_checks(
    options: &Options<'_>,
    src: &SkillSource,
    block: &ShellBlock,
    mutating_user: Option<&Numbered<'_>>,
    assigned_by_users: &[String],
    file: FileId,
    out: &mut Output,
) {
    let also: Vec<&str> = assigned_by_users.iter().map(String::as_str).collect();
    undeclared_inputs(
        src,
        block,
        &also,
        file,
        "neither the prelude nor a phase that uses it sets it",
        "the prelude",
        out,
    );
    if let Some(n) = mutating_user {
        let who = format!("the prelude, which mutating phase {} uses,", n.number);
        mutating_checks(options, block, file, &who, out);
    }
    validity_checks(options, block, file, "prelude", out);
}

/// BLD002: kubectl, helm and friends without their context flag, in shell
/// that a mutating phase runs (`who`: "mutating phase 3", "the prelude, which
/// mutating phase 3 uses").
fn mutating_checks(
    options: &Options<'_>,
    block: &ShellBlock,
    file: FileId,
    who: &str,
    out: &mut Output,
) {
    for cmd in block.commands() {
        if let Some((tool, what)) = options.shell.unscoped(&cmd) {
            out.findings.push(
                Finding::new(
                    Problem::MutatingContext,
                    file,
                    cmd.name_span(),
                    format!("{who} runs `{what}` without naming the cluster"),
                )
                .help(format!(
                    "add `{} \"$CTX\"` and declare CTX as a kube-context input",
                    tool.flags[0]
                )),
            );
        }
    }
}

/// BLD001: variables `block` reads that look like inputs but are neither
/// declared, set in it or in `also_assigned`, nor standard environment.
fn undeclared_inputs(
    src: &SkillSource,
    block: &ShellBlock,
    also_assigned: &[&str],
    file: FileId,
    unset: &str,
    where_to_assign: &str,
    out: &mut Output,
) {
    let assigned: BTreeSet<&str> = block
        .assigned()
        .chain(also_assigned.iter().copied())
        .collect();
    let mut reported = BTreeSet::new();
    for (v, span) in block.used() {
        let input_like = crate::regex!(r"^[A-Z][A-Z0-9_]*$").is_match(v);
        if input_like
            && !src.inputs.contains_key(v)
            && !assigned.contains(v)
            && !STANDARD_ENV.contains(&v)
            && reported.insert(v)
        {
            out.findings.push(
                Finding::new(Problem::UndeclaredInput, file, span, format!("`${v}` is not an input of this skill, and {unset}"))
                    .help(format!("declare it under `inputs:` (for example `{v}: {{type: string, doc: …}}`), or assign it in {where_to_assign}")),
            );
        }
    }
}

fn script_checks(
    options: &Options<'_>,
    src: &SkillSource,
    n: &Numbered<'_>,
    block: &ShellBlock,
    file: FileId,
    also_assigned: &[&str],
    out: &mut Output,
) {
    undeclared_inputs(
        src,
        block,
        also_assigned,
        file,
        &format!("phase {} does not set it", n.number),
        "the script",
        out,
    );
    if n.phase.mode == Mode::Mutating {
        let who = format!("mutating phase {}", n.number);
        mutating_checks(options, block, file, &who, out);
    }
    validity_checks(options, block, file, &format!("phase {}", n.number), out);
}

/// BLD003: syntax errors, and constructs newer than the target bash, in the
/// shell of `label` (`phase 2`, `prelude`).
fn validity_checks(
    options: &Options<'_>,
    block: &ShellBlock,
    file: FileId,
    label: &str,
    out: &mut Output,
) {
    if let Some((span, msg)) = block.syntax_error() {
        out.findings.push(
            Finding::new(
                Problem::ScriptInvalid,
                file,
                span,
                format!("{label}: {msg}"),
            )
            .help("fix the shell syntax"),
        );
    }
    let target = options.shell.bash_target;
    for (c, span) in block.constructs() {
        if c.since() > target {
            out.findings.push(
                Finding::new(
                    Problem::ScriptInvalid,
                    file,
                    span,
                    format!(
                        "{label}: {} need bash {}.{}",
                        c.describe(),
                        c.since().0,
                        c.since().1
                    ),
                )
                .help(format!(
                    "{}; rendered scripts must run on bash {}.{}",
                    c.instead(),
                    target.0,
                    target.1
                )),
            );
        }
    }
}

/// Expand `{phase:ID}`, `{gate:ID}`, `{skill:p:n}`, `{ref:path#anchor}`, `{input:N}`.
fn resolve_refs(
    project: &Project,
    db: &SourceDb,
    src: &SkillSource,
    phases: &[Numbered<'_>],
    dir: &str,
    text: &str,
    mut report: impl FnMut(String),
) -> String {
    let re = crate::regex!(r"\{(phase|gate|skill|ref|input):([^{}\s]+)\}");
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for c in re.captures_iter(text) {
        let (Some(all), Some(kind), Some(arg)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        out.push_str(&text[last..all.start()]);
        last = all.end();
        let arg = arg.as_str();
        let replacement = match kind.as_str() {
            "phase" => phases
                .iter()
                .find(|n| n.phase.id == arg)
                .map(|n| format!("Phase {}", n.number)),
            "gate" => phases
                .iter()
                .find(|n| n.phase.id == arg)
                .and_then(|n| n.gate)
                .map(|g| format!("STOP GATE {g}")),
            "input" => src.inputs.contains_key(arg).then(|| format!("`{arg}`")),
            "skill" => arg.split_once(':').and_then(|(p, s)| {
                let has_source = |dir: &str| {
                    let want = crate::source::join(dir, &format!("skills/{s}"));
                    project
                        .skill_sources
                        .iter()
                        .any(|x| Some(x.dir.as_str()) == want.as_deref())
                };
                let by_plugin = project
                    .plugin_named(p)
                    .or_else(|| {
                        project
                            .plugins
                            .iter()
                            .find(|x| x.dir.rsplit('/').next() == Some(p))
                    })
                    .is_some_and(|plugin| {
                        plugin.skills.iter().any(|k| k.name == s) || has_source(&plugin.dir)
                    });
                // A plugin not built yet is known by its plugin.yaml.
                let by_source = project.plugin_sources.iter().any(|ps| {
                    matches!(&ps.value, Some(Ok(v)) if v.name == p) && has_source(&ps.dir)
                });
                (by_plugin || by_source).then(|| format!("`/{p}:{s}`"))
            }),
            "ref" => {
                let (path, anchor) = arg
                    .split_once('#')
                    .map_or((arg, None), |(p, a)| (p, Some(a)));
                let full = format!("{dir}/{path}");
                let file_ok = project.exists(&full) && !path.contains("..");
                let anchor_ok = anchor.is_none_or(|a| {
                    project.doc_by_path.get(full.as_str()).is_none_or(|&d| {
                        project.docs[d]
                            .md
                            .has_anchor(a, db.text(project.docs[d].file))
                    })
                });
                (file_ok && anchor_ok).then(|| format!("[{arg}]({arg})"))
            }
            _ => None,
        };
        match replacement {
            Some(r) => out.push_str(&r),
            None => {
                report(format!("`{}` does not resolve", all.as_str()));
                out.push_str(all.as_str());
            }
        }
    }
    out.push_str(&text[last..]);
    out
}

/// `{skills}` and `{skill-count}` in a plugin description.
fn expand_description(desc: &str, skills: &[String]) -> String {
    desc.replace("{skills}", &skills.join(", "))
        .replace("{skill-count}", &skills.len().to_string())
}

fn compile_plugins(project: &Project, db: &SourceDb, out: &mut Output) {
    let mut entries: Vec<(String, serde_json::Map<String, serde_json::Value>, FileId)> = Vec::new();
    for s in &project.plugin_sources {
        let file = s.file;
        if let Err(e) = &s.yaml {
            out.findings.push(source_error(
                file,
                Some(e.span),
                format!("plugin.yaml is not valid YAML: {}", e.message),
            ));
            continue;
        }
        let src: &PluginSource = match &s.value {
            Some(Ok(v)) => v,
            Some(Err(e)) => {
                out.findings.push(source_error(
                    file,
                    e.span,
                    format!("plugin.yaml: {}", e.message),
                ));
                continue;
            }
            None => continue,
        };
        // Skills: directories under skills/ with a SKILL.md or a skill.yaml.
        let prefix = if s.dir.is_empty() {
            "skills/".to_string()
        } else {
            format!("{}/skills/", s.dir)
        };
        let mut skills: Vec<String> = project
            .files
            .starting_with(&prefix)
            .filter_map(|f| {
                let rest = &f[prefix.len()..];
                let (name, file) = rest.split_once('/')?;
                (file == "SKILL.md" || file == "skill.yaml").then(|| name.to_string())
            })
            .collect();
        skills.sort();
        skills.dedup();
        let description = expand_description(&src.description, &skills);
        let mut pj = serde_json::Map::new();
        pj.insert("name".into(), src.name.clone().into());
        pj.insert("version".into(), src.version.clone().into());
        pj.insert("description".into(), description.clone().into());
        for (k, v) in &src.rest {
            if k != "$schema" {
                pj.insert(k.clone(), v.clone());
            }
        }
        let text =
            serde_json::to_string_pretty(&serde_json::Value::Object(pj)).unwrap_or_default() + "\n";
        out.files.push(Rendered {
            path: crate::source::join(&s.dir, ".claude-plugin/plugin.json")
                .unwrap_or_else(|| ".claude-plugin/plugin.json".into()),
            text,
            executable: false,
            source: file,
        });
        let mut entry = serde_json::Map::new();
        entry.insert("name".into(), src.name.clone().into());
        entry.insert("source".into(), format!("./{}", s.dir).into());
        entry.insert("description".into(), description.into());
        entry.insert("version".into(), src.version.clone().into());
        for (k, v) in &src.marketplace {
            entry.insert(k.clone(), v.clone());
        }
        entries.push((src.name.clone(), entry, file));
    }
    if entries.is_empty() {
        return;
    }
    let Some(mk) = project.marketplace() else {
        return;
    };
    let Ok(mut root) =
        serde_json::from_str::<serde_json::Value>(db.text(mk.file).trim_start_matches('\u{feff}'))
    else {
        return;
    };
    let Some(plugins) = root.get_mut("plugins").and_then(|p| p.as_array_mut()) else {
        return;
    };
    let source_file = entries[0].2;
    for (name, entry, _) in entries {
        match plugins
            .iter_mut()
            .find(|p| p.get("name").and_then(|n| n.as_str()) == Some(&name))
        {
            Some(existing) => {
                if let Some(obj) = existing.as_object_mut() {
                    for (k, v) in entry {
                        obj.insert(k, v);
                    }
                }
            }
            None => plugins.push(serde_json::Value::Object(entry)),
        }
    }
    let text = serde_json::to_string_pretty(&root).unwrap_or_default() + "\n";
    out.files.push(Rendered {
        path: db.path(mk.file).to_string(),
        text,
        executable: false,
        source: source_file,
    });
}
