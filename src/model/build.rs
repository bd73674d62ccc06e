//! Load a tree: walk, read and parse every relevant file once (in parallel),
//! then build the [`Project`] model and its indexes.

use crate::load::{self, Read, WalkProblem, Walked};
use crate::model::schema;
use crate::model::*;
use crate::parse::frontmatter;
use crate::parse::json::{self, JsonDoc, JsonError, JsonNode};
use crate::parse::markdown;
use crate::parse::shell::{self, Dialect, Origin, ShellBlock};
use crate::source::{self, FileId, SourceDb, SourceFile};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Markdown larger than this is skipped by Claude Code's loader.
pub const MAX_MARKDOWN: u64 = 1024 * 1024;

/// An error that stops the run (exit 2).
#[derive(Debug)]
pub struct LoadError(pub String);

/// The loaded tree.
pub struct Loaded {
    pub root: PathBuf,
    pub project: Project,
    pub db: SourceDb,
    /// Wall time of each loading phase (shown with `SKILLC_TIMING`).
    pub phases: Vec<(&'static str, std::time::Duration)>,
    /// The shell parses the load remembered, freed with it.
    pub parses: crate::parse::shell::Parses,
}

/// A file as read and parsed, and what went wrong reading it.
type ReadFile = (SourceFile, Parsed, Option<ProblemKind>);

enum Parsed {
    /// A JSON document that names a local `$schema`.
    Data(JsonDoc, String),
    Yaml(
        crate::parse::yaml::YamlDoc,
        Result<(), crate::parse::yaml::YamlError>,
    ),
    Markdown(Box<Doc>),
    Json(JsonRole, Result<JsonDoc, JsonError>, Typed, Vec<ShellBlock>),
    /// A script, and whether its parse was left for later (`light`).
    Script(Box<ShellBlock>, bool),
    None,
}

/// Whether skillc reads the JSON file at `path` for what it is.
fn json_kind(path: &str) -> bool {
    JsonRole::of(path).is_some()
}

/// Typed sources skillc compiles.
fn is_source(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name == "skill.yaml" || name == "plugin.yaml"
}

fn is_markdown(path: &str) -> bool {
    path.len() >= 3 && path.as_bytes()[path.len() - 3..].eq_ignore_ascii_case(b".md")
}

/// Resolve what the user pointed at: (root for relative paths, where to walk, kind hint).
fn resolve(target: &Path) -> Result<(PathBuf, PathBuf, Option<RootKind>), LoadError> {
    let meta = std::fs::metadata(target)
        .map_err(|e| LoadError(format!("cannot read `{}`: {e}", target.display())))?;
    let abs = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    if meta.is_file() {
        let name = abs
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
        if name == "marketplace.json" || name == "plugin.json" {
            let root = if dir.file_name().is_some_and(|n| n == ".claude-plugin") {
                dir.parent().map(Path::to_path_buf).unwrap_or(dir)
            } else {
                dir
            };
            return Ok((root.clone(), root, None));
        }
        if name.eq_ignore_ascii_case("SKILL.md") {
            let root = dir
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| dir.clone());
            return Ok((root, dir, Some(RootKind::Skill)));
        }
        return Err(LoadError(format!(
            "`{}` is not a marketplace, plugin, skills folder or SKILL.md",
            target.display()
        )));
    }
    if !abs.join(".claude-plugin").is_dir() && abs.join("SKILL.md").is_file() {
        let root = abs
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| abs.clone());
        return Ok((root, abs, Some(RootKind::Skill)));
    }
    Ok((abs.clone(), abs, None))
}

/// What a load reads and parses.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Subtrees left out of the walk.
    pub exclude: Option<&'a load::Exclude>,
    /// Files larger than this are reported and not read (`None`: 1 MiB for
    /// markdown, 8 MiB for the rest).
    pub max_file_size: Option<u64>,
    /// A narrowed run's changed files: other files are read and parsed only
    /// as far as findings that can be reported need them.
    pub focus: Option<&'a crate::model::focus::Focus>,
    /// Parse every fenced shell block (some shell rule is on). Without it,
    /// only blocks with a `skillc:` comment are parsed, for their
    /// suppressions.
    pub shell_blocks: bool,
    /// Compile the redaction patterns on a thread of their own while the
    /// model is built (a redaction rule is on).
    pub warm_redaction: bool,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            exclude: None,
            max_file_size: None,
            focus: None,
            shell_blocks: true,
            warm_redaction: true,
        }
    }
}

impl Options<'_> {
    /// Whether file-local work on `path` is needed.
    fn in_focus(&self, path: &str) -> bool {
        self.focus.is_none_or(|f| f.contains(path))
    }
}

/// The root that relative paths of a check of `target` are relative to.
pub fn root_of(target: &Path) -> Result<PathBuf, LoadError> {
    resolve(target).map(|(root, _, _)| root)
}

/// Load the tree at `target`.
pub fn load(target: &Path, options: &Options<'_>) -> Result<Loaded, LoadError> {
    let clock = std::time::Instant::now();
    let mut phases = Vec::new();
    let (root, start, hint) = resolve(target)?;
    // The manifest schemas compile on a thread of their own while the walk
    // waits on the disk.
    std::thread::spawn(crate::model::schema::warm);
    let load::WalkResult {
        entries: walked,
        problems: walk_problems,
        excluded,
    } = load::walk(
        &root,
        &start,
        load::WalkOptions {
            exclude: options.exclude,
        },
    );
    phases.push(("walk", clock.elapsed()));

    let mut files = BTreeSet::new();
    let mut dirs = BTreeSet::new();
    for w in &walked {
        if w.is_dir {
            dirs.insert(w.path.clone());
        } else {
            files.insert(w.path.clone());
        }
    }
    // Parents of the walk start count as directories too.
    let start_rel = source::rel_path(&root, &start);
    if !start_rel.is_empty() {
        dirs.insert(start_rel);
    }

    // A narrowed run leaves markdown bodies outside the changed files unparsed
    // until the model says which of them a reported finding can depend on
    // (`parse_deferred`). A changed file that defines names can break
    // mentions anywhere, so then every body is parsed.
    let light = options
        .focus
        .is_some_and(|f| !f.iter().any(|p| crate::model::focus::defines_names(p)));
    let wanted: Vec<&Walked> = walked
        .iter()
        .filter(|w| {
            !w.is_dir
                && (is_markdown(&w.path)
                    || json_kind(&w.path)
                    || w.path.ends_with(".json")
                    || w.path.ends_with(".sh")
                    || is_source(&w.path))
        })
        .collect();
    let shell = options.shell_blocks;
    let results: Vec<ReadFile> = wanted
        .par_iter()
        .map(|w| {
            let focus = options.in_focus(&w.path);
            // Skill names come from SKILL.md frontmatter: always read.
            if light && !focus && is_markdown(&w.path) && !is_skill_md(&w.path) {
                return unread_doc(w);
            }
            let blocks = match (focus, shell) {
                (false, _) => Blocks::None,
                (true, false) => Blocks::Marked,
                (true, true) => Blocks::All,
            };
            read_and_parse(w, blocks, light && !focus, options.max_file_size)
        })
        .collect();
    phases.push(("read and parse", clock.elapsed() - phases[0].1));
    // The redaction patterns compile while the model is built on one core.
    if options.warm_redaction {
        std::thread::spawn(crate::redact::warm);
    }

    let mut db = SourceDb::default();
    let mut docs: Vec<Doc> = Vec::new();
    let mut json_files = Vec::new();
    let mut problems = Vec::new();
    let mut scripts = Vec::new();
    let mut data = Vec::new();
    let mut skill_sources = Vec::new();
    let mut plugin_sources = Vec::new();
    for (sf, parsed, problem) in results {
        let path = sf.path.clone();
        let id = db.add(sf);
        if let Some(p) = problem {
            problems.push(p.with(id));
        }
        match parsed {
            Parsed::Markdown(mut d) => {
                d.file = id;
                docs.push(*d);
            }
            Parsed::Json(role, res, typed, hooks) => json_files.push((
                path,
                JsonFile {
                    file: id,
                    role,
                    parsed: res,
                    typed,
                    schema_errors: Vec::new(),
                    shell: hooks,
                },
            )),
            Parsed::Yaml(doc, err) => {
                let yaml = err.map(|()| doc);
                let dir = source::parent(&path).to_string();
                if path.ends_with("skill.yaml") {
                    let value = yaml
                        .as_ref()
                        .ok()
                        .and_then(|d| d.root.as_ref())
                        .map(crate::parse::yaml_de::from_node);
                    skill_sources.push(TypedSource {
                        file: id,
                        dir,
                        yaml,
                        value,
                    });
                } else {
                    let value = yaml
                        .as_ref()
                        .ok()
                        .and_then(|d| d.root.as_ref())
                        .map(crate::parse::yaml_de::from_node);
                    plugin_sources.push(TypedSource {
                        file: id,
                        dir,
                        yaml,
                        value,
                    });
                }
            }
            Parsed::Script(block, light) => scripts.push(Script {
                file: id,
                path,
                shell: *block,
                light,
            }),
            Parsed::Data(doc, schema) => data.push((id, path, doc, schema)),
            Parsed::None => {}
        }
    }
    for wp in walk_problems {
        let (path, problem) = match wp {
            WalkProblem::Escapes { path, target } => (path, ProblemKind::Escapes(target)),
            WalkProblem::Broken { path, reason } => (path, ProblemKind::Broken(reason)),
        };
        let abs = root.join(&path);
        let id = db.add(SourceFile::new(path, abs, String::new()));
        problems.push(problem.with(id));
    }

    let doc_by_path: HashMap<String, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.path.clone(), i))
        .collect();
    let mut builder = Builder {
        files,
        dirs,
        json: Vec::new(),
        json_by_path: HashMap::new(),
        plugins: Vec::new(),
        entries: Vec::new(),
    };
    for (path, jf) in json_files {
        builder.json_by_path.insert(path, builder.json.len());
        builder.json.push(jf);
    }
    let root_name = root
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "root".into());
    let kind = builder.build(hint, &root_name, &docs, &db);

    // Schema validation of manifests.
    for (path, &i) in &builder.json_by_path {
        let which = if path.ends_with(".claude-plugin/marketplace.json") {
            schema::Which::Marketplace
        } else if path.ends_with(".claude-plugin/plugin.json") {
            schema::Which::Plugin
        } else {
            continue;
        };
        let jf = &mut builder.json[i];
        if let Some(root) = jf.root() {
            jf.schema_errors = schema::validate(which, root);
        }
    }

    for p in &builder.plugins {
        for s in &p.skills {
            docs[s.doc].kind = DocKind::Skill;
        }
        for c in &p.commands {
            docs[c.doc].kind = DocKind::Command;
        }
        for a in &p.agents {
            docs[a.doc].kind = DocKind::Agent;
        }
    }
    let mut plugins_by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in builder.plugins.iter().enumerate() {
        if !p.synthetic {
            plugins_by_name.entry(p.name.clone()).or_default().push(i);
        }
    }
    let marketplace = builder
        .json_by_path
        .get(".claude-plugin/marketplace.json")
        .copied();
    let data = validate_data(data, &db);
    let skills_by_dir = builder
        .plugins
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| {
            p.skills
                .iter()
                .enumerate()
                .map(move |(si, s)| (s.dir.clone(), (pi, si)))
        })
        .collect();
    let plugins_by_dir = builder
        .plugins
        .iter()
        .enumerate()
        .map(|(i, p)| (p.dir.clone(), i))
        .collect();
    let mut project = Project {
        kind,
        marketplace,
        entries: builder.entries,
        skills_by_dir,
        plugins_by_dir,
        excluded: excluded.into_iter().collect(),
        plugins: builder.plugins,
        json: builder.json,
        docs,
        files: builder.files,
        dirs: builder.dirs,
        doc_by_path,
        plugins_by_name,
        problems,
        scripts,
        skill_sources,
        plugin_sources,
        data,
    };
    let so_far: std::time::Duration = phases.iter().map(|(_, d)| *d).sum();
    phases.push(("model", clock.elapsed() - so_far));
    if let Some(focus) = options.focus.filter(|_| light) {
        parse_deferred(&mut project, &mut db, focus, options.max_file_size);
        let so_far: std::time::Duration = phases.iter().map(|(_, d)| *d).sum();
        phases.push(("deferred bodies", clock.elapsed() - so_far));
    }
    let parses = crate::parse::shell::take_parses();
    Ok(Loaded {
        parses,
        root,
        project,
        db,
        phases,
    })
}

enum ProblemKind {
    NotUtf8(usize),
    TooLarge(u64, u64),
    Unreadable(String),
    Escapes(String),
    Broken(String),
}

impl ProblemKind {
    fn with(self, file: FileId) -> Problem {
        match self {
            ProblemKind::NotUtf8(offset) => Problem::NotUtf8 { file, offset },
            ProblemKind::TooLarge(size, limit) => Problem::TooLarge { file, size, limit },
            ProblemKind::Unreadable(reason) => Problem::Unreadable { file, reason },
            ProblemKind::Escapes(target) => Problem::SymlinkEscapes { file, target },
            ProblemKind::Broken(reason) => Problem::Broken { file, reason },
        }
    }
}

fn is_skill_md(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|n| n.eq_ignore_ascii_case("SKILL.md"))
}

/// The read cap for a file.
fn cap(md: bool, max_size: Option<u64>) -> u64 {
    max_size
        .unwrap_or(if md { MAX_MARKDOWN } else { load::MAX_READ })
        .min(load::MAX_FILE_SIZE_CEILING)
}

/// A script file's text parsed, past its byte order mark.
fn parse_script_file(text: &str) -> ShellBlock {
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    shell::parse_script(&text[base..], base)
}

/// A markdown file a narrowed run registers without reading it.
fn unread_doc(w: &Walked) -> ReadFile {
    let doc = Doc {
        file: FileId(0),
        kind: DocKind::Other,
        path: w.path.clone(),
        bom: false,
        frontmatter: frontmatter::FrontmatterState::Missing,
        fm: None,
        body_start: 0,
        md: markdown::MdDoc::default(),
        shell: Vec::new(),
        light: true,
        unread: true,
    };
    (
        SourceFile::new(w.path.clone(), w.abs.clone(), String::new()),
        Parsed::Markdown(Box::new(doc)),
        None,
    )
}

/// Which fenced shell blocks of a markdown file to parse.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Blocks {
    /// None: the file's shell findings would not be reported.
    None,
    /// Those with a `skillc:` comment, for their suppressions: no shell
    /// rule is on (`rules::shell::wanted`).
    Marked,
    All,
}

fn read_and_parse(w: &Walked, blocks: Blocks, light: bool, max_size: Option<u64>) -> ReadFile {
    let empty = |p| {
        (
            SourceFile::new(w.path.clone(), w.abs.clone(), String::new()),
            Parsed::None,
            Some(p),
        )
    };
    let md = is_markdown(&w.path);
    let cap = cap(md, max_size);
    let text = match load::read(&w.abs, cap, w.regular) {
        Read::Text(t) => t,
        Read::NotUtf8 { valid_up_to } => return empty(ProblemKind::NotUtf8(valid_up_to)),
        Read::TooLarge(size) => return empty(ProblemKind::TooLarge(size, cap)),
        Read::Failed(e) => return empty(ProblemKind::Unreadable(e)),
    };
    let bom = text.starts_with('\u{feff}');
    let base = if bom { 3 } else { 0 };
    if md {
        let (fm, body_start) = frontmatter::split(&text[base..], base);
        let md = if light {
            markdown::MdDoc::default()
        } else {
            markdown::parse(&text, body_start)
        };
        let mut shell: Vec<ShellBlock> = md
            .code_blocks
            .iter()
            .filter(|b| match blocks {
                Blocks::None => false,
                Blocks::Marked => text
                    .get(b.span.range())
                    .is_some_and(|t| t.contains("skillc:")),
                Blocks::All => true,
            })
            .filter_map(|b| shell::parse_code_block(&text, b))
            .collect();
        // Kept for the whole run: no growth slack.
        shell.shrink_to_fit();
        let typed = match &fm {
            frontmatter::FrontmatterState::Present(f) => f
                .root()
                .and_then(|r| crate::model::value::read(r).ok())
                .map(Box::new),
            _ => None,
        };
        let doc = Doc {
            file: FileId(0),
            kind: DocKind::Other,
            path: w.path.clone(),
            bom,
            fm: typed,
            frontmatter: fm,
            body_start,
            md,
            shell,
            light,
            unread: false,
        };
        let sf = SourceFile::new(w.path.clone(), w.abs.clone(), text);
        return (sf, Parsed::Markdown(Box::new(doc)), None);
    }
    if is_source(&w.path) {
        let (doc, err) = match crate::parse::yaml::parse(&text[base..], base) {
            Ok(d) => (d, Ok(())),
            Err(e) => (
                crate::parse::yaml::YamlDoc {
                    root: None,
                    duplicate_keys: Vec::new(),
                },
                Err(e),
            ),
        };
        return (
            SourceFile::new(w.path.clone(), w.abs.clone(), text),
            Parsed::Yaml(doc, err),
            None,
        );
    }
    if w.path.ends_with(".sh") {
        let block = if light {
            ShellBlock::unparsed(source::Span::new(base, text.len()))
        } else {
            parse_script_file(&text)
        };
        return (
            SourceFile::new(w.path.clone(), w.abs.clone(), text),
            Parsed::Script(Box::new(block), light),
            None,
        );
    }
    let Some(role) = JsonRole::of(&w.path) else {
        // Other JSON is read only when it names a schema in the tree.
        let parsed = match json::parse(&text[base..], base) {
            Ok(doc) => {
                let schema = doc.root.str_at("$schema").map(|(s, _)| s.to_string());
                match schema.filter(|s| !s.contains("://") && s.ends_with(".json")) {
                    Some(s) => Parsed::Data(doc, s),
                    None => Parsed::None,
                }
            }
            Err(_) => Parsed::None,
        };
        return (
            SourceFile::new(w.path.clone(), w.abs.clone(), text),
            parsed,
            None,
        );
    };
    let parsed = json::parse(&text[base..], base);
    let hooks = match &parsed {
        Ok(doc) if role == JsonRole::Hooks => hook_commands(&text, &doc.root),
        _ => Vec::new(),
    };
    let typed = match &parsed {
        Ok(doc) => Typed::read(role, &doc.root),
        Err(_) => Typed::None,
    };
    (
        SourceFile::new(w.path.clone(), w.abs.clone(), text),
        Parsed::Json(role, parsed, typed, hooks),
        None,
    )
}

/// Parse the markdown bodies a narrowed run left unparsed (reading the files
/// it left unread) that reported findings can depend on:
/// - the zone: docs whose cross-file findings are reported (the changed
///   files' plugins, [`crate::model::focus::cross_file_in_focus`]);
/// - every doc of a skill with a changed or zone doc, and of the skills the
///   zone names: `deploy Phase 3` is checked against the phase headings of
///   skill `deploy`, wherever it lives;
/// - then the targets of `#anchor` links from any parsed doc, for their
///   headings.
///
/// Every other body holds only findings that narrowing drops, so the report
/// is the same as with every file read and parsed.
fn parse_deferred(
    project: &mut Project,
    db: &mut SourceDb,
    focus: &std::collections::HashSet<String>,
    max_size: Option<u64>,
) {
    let zone: Vec<usize> = project
        .docs
        .iter()
        .enumerate()
        .filter(|(_, d)| crate::model::focus::cross_file_in_focus(project, focus, &d.path))
        .map(|(i, _)| i)
        .collect();
    load_bodies(project, db, &zone, max_size);

    let skill_dir = |path: &str| project.skill_of(path).map(|(_, s)| s.dir.as_str());
    let mut skills: BTreeSet<&str> = focus
        .iter()
        .map(String::as_str)
        .chain(zone.iter().map(|&i| project.docs[i].path.as_str()))
        .filter_map(skill_dir)
        .collect();
    // Skill names written anywhere in the zone (as substrings: the phase
    // check's name patterns and word tests match only where these do).
    let by_name = project.skills_by_name();
    let names: Vec<&str> = by_name.keys().copied().collect();
    if let Ok(ac) = aho_corasick::AhoCorasick::new(&names) {
        for &i in &zone {
            for m in ac.find_overlapping_iter(db.text(project.docs[i].file)) {
                skills.insert(by_name[names[m.pattern().as_usize()]]);
            }
        }
    }
    let in_skills: Vec<usize> = project
        .docs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.light && skill_dir(&d.path).is_some_and(|s| skills.contains(s)))
        .map(|(i, _)| i)
        .collect();
    load_bodies(project, db, &in_skills, max_size);

    // Scripts of the zone, and those read by a typed source the build check
    // compiles (it compiles only sources in focus), so that it compiles them
    // as a full run does.
    let compiled: Vec<&str> = project
        .skill_sources
        .iter()
        .map(|s| db.path(s.file))
        .filter(|p| crate::model::focus::source_in_focus(project, focus, p))
        .map(source::parent)
        .collect();
    let scripts: Vec<usize> = project
        .scripts
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.light
                && (crate::model::focus::cross_file_in_focus(project, focus, &s.path)
                    || compiled
                        .iter()
                        .any(|d| crate::model::focus::in_dir(&s.path, d)))
        })
        .map(|(i, _)| i)
        .collect();
    let parsed: Vec<(usize, ShellBlock)> = scripts
        .par_iter()
        .map(|&i| (i, parse_script_file(db.text(project.scripts[i].file))))
        .collect();
    for (i, block) in parsed {
        project.scripts[i].shell = block;
        project.scripts[i].light = false;
    }

    let mut targets = BTreeSet::new();
    for d in project.docs.iter().filter(|d| !d.light) {
        for link in &d.md.links {
            let Some(l) = crate::model::links::local_link(&d.path, &link.dest) else {
                continue;
            };
            if l.anchor.is_some_and(|a| !a.is_empty())
                && let Some(&i) = l.target.and_then(|t| project.doc_by_path.get(&t))
                && project.docs[i].light
            {
                targets.insert(i);
            }
        }
    }
    load_bodies(
        project,
        db,
        &targets.into_iter().collect::<Vec<_>>(),
        max_size,
    );
}

/// What [`load_bodies`] did for one doc.
enum Deferred {
    /// Parsed the body of a doc that was read.
    Body(markdown::MdDoc),
    /// Read and parsed a doc that was not, as a full run does.
    Read(ReadFile),
}

/// Read (when unread) and parse the bodies of the light docs among `which`.
fn load_bodies(project: &mut Project, db: &mut SourceDb, which: &[usize], max_size: Option<u64>) {
    let found: Vec<(usize, Deferred)> = which
        .par_iter()
        .filter(|&&i| project.docs[i].light)
        .map(|&i| {
            let d = &project.docs[i];
            if !d.unread {
                return (
                    i,
                    Deferred::Body(markdown::parse(db.text(d.file), d.body_start)),
                );
            }
            let w = Walked {
                path: d.path.clone(),
                abs: db.get(d.file).abs.clone(),
                is_dir: false,
                regular: false,
            };
            (
                i,
                Deferred::Read(read_and_parse(&w, Blocks::None, false, max_size)),
            )
        })
        .collect();
    for (i, body) in found {
        let d = &mut project.docs[i];
        match body {
            Deferred::Body(md) => d.md = md,
            Deferred::Read((sf, parsed, problem)) => {
                db.set_text(d.file, sf.text);
                if let Parsed::Markdown(read) = parsed {
                    // The doc as a full run reads it, in its place in the model.
                    let (file, kind) = (d.file, d.kind);
                    *d = *read;
                    d.file = file;
                    d.kind = kind;
                }
                if let Some(p) = problem {
                    // A full run has no doc for a file it cannot read: no
                    // anchors to look up in it.
                    project.doc_by_path.remove(&d.path);
                    project.problems.push(p.with(d.file));
                }
            }
        }
        let d = &mut project.docs[i];
        d.light = false;
        d.unread = false;
    }
}

/// Validate JSON documents against the local schema their `$schema` names.
fn validate_data(data: Vec<(FileId, String, JsonDoc, String)>, db: &SourceDb) -> Vec<DataFile> {
    // Each schema is read and compiled once, however many files name it the
    // same way (the spelling is part of the key: it is quoted in errors).
    let mut compiled: HashMap<(Option<String>, String), Result<jsonschema::Validator, String>> =
        HashMap::new();
    data.into_iter()
        .map(|(file, path, doc, schema)| {
            let schema_path = source::join(source::parent(&path), &schema);
            let span = doc
                .root
                .get("$schema")
                .map_or(crate::source::Span::default(), |n| n.span);
            let key = (schema_path.clone(), schema.clone());
            let validator = compiled.entry(key).or_insert_with(|| {
                let text = schema_path
                    .as_deref()
                    .and_then(|p| db.find(p))
                    .map(|id| db.text(id))
                    .ok_or_else(|| format!("schema `{schema}` does not exist"))?;
                let v =
                    serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}'))
                        .map_err(|e| format!("schema `{schema}` is not valid JSON: {e}"))?;
                jsonschema::validator_for(&v)
                    .map_err(|e| format!("schema `{schema}` is not a valid JSON Schema: {e}"))
            });
            let result = match validator {
                Ok(v) => Ok(crate::model::schema::errors(v, &doc.root)),
                Err(e) => Err(e.clone()),
            };
            DataFile {
                file,
                schema,
                schema_span: span,
                result,
            }
        })
        .collect()
}

/// Shell-form hook commands of a hooks.json (`command` without `args`).
fn hook_commands(text: &str, root: &JsonNode) -> Vec<ShellBlock> {
    let Some(events) = root.get("hooks") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in events.members() {
        for group in m.value.items() {
            for h in group.get("hooks").map(|h| h.items()).unwrap_or(&[]) {
                if h.get("args").is_some() {
                    continue;
                }
                let Some(node) = h.get("command") else {
                    continue;
                };
                let Some(cmd) = node.as_str() else { continue };
                // The string's bytes between the quotes map 1:1 when it has no escapes.
                let inner = crate::source::Span::new(
                    node.span.start as usize + 1,
                    (node.span.end as usize).saturating_sub(1),
                );
                let exact = text.get(inner.range()) == Some(cmd);
                let pieces = vec![shell::Piece {
                    shell: 0,
                    file: inner.start,
                    len: if exact { cmd.len() as u32 } else { 0 },
                }];
                out.push(shell::parse_block(
                    Origin::Hook,
                    Dialect::Bash,
                    shell::mask_placeholders(cmd),
                    pieces,
                    node.span,
                ));
            }
        }
    }
    out
}

struct Builder {
    files: BTreeSet<String>,
    dirs: BTreeSet<String>,
    json: Vec<JsonFile>,
    json_by_path: HashMap<String, usize>,
    plugins: Vec<Plugin>,
    entries: Vec<Entry>,
}

fn manifest_path(dir: &str) -> String {
    if dir.is_empty() {
        ".claude-plugin/plugin.json".into()
    } else {
        format!("{dir}/.claude-plugin/plugin.json")
    }
}

fn sub(dir: &str, rel: &str) -> String {
    if dir.is_empty() {
        rel.to_string()
    } else {
        format!("{dir}/{rel}")
    }
}

/// String items of a component field (`"./x"` or `["./x", …]`).
fn path_items(node: Option<&JsonNode>) -> Option<Vec<String>> {
    let node = node?;
    match node.as_str() {
        Some(s) => Some(vec![s.to_string()]),
        None if !node.items().is_empty() || matches!(node.kind, json::JsonKind::Array(_)) => Some(
            node.items()
                .iter()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect(),
        ),
        None => None,
    }
}

impl Builder {
    fn build(
        &mut self,
        hint: Option<RootKind>,
        root_name: &str,
        docs: &[Doc],
        db: &SourceDb,
    ) -> RootKind {
        let doc_by_path: HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.path.as_str(), i))
            .collect();
        if hint == Some(RootKind::Skill) {
            let mut p = self.new_plugin("", root_name.to_string(), None);
            p.synthetic = true;
            for (i, d) in docs.iter().enumerate() {
                if d.path.ends_with("/SKILL.md") && !d.path[..d.path.len() - 9].contains('/') {
                    let dir = source::parent(&d.path).to_string();
                    p.skills.push(Skill {
                        name: dir.clone(),
                        dir,
                        doc: i,
                    });
                }
            }
            self.plugins.push(p);
            return RootKind::Skill;
        }

        let mut kind = RootKind::Folder;
        let mut claimed: BTreeSet<String> = BTreeSet::new();
        if let Some(&mi) = self.json_by_path.get(".claude-plugin/marketplace.json") {
            kind = RootKind::Marketplace;
            let root = self.json[mi].root().cloned();
            if let Some(root) = root {
                let plugin_root = root
                    .get("metadata")
                    .and_then(|m| m.get("pluginRoot"))
                    .and_then(JsonNode::as_str)
                    .map(str::to_string);
                for (index, e) in root
                    .get("plugins")
                    .map(|p| p.items())
                    .unwrap_or(&[])
                    .iter()
                    .enumerate()
                {
                    self.add_entry(
                        index,
                        e,
                        plugin_root.as_deref(),
                        &doc_by_path,
                        db,
                        &mut claimed,
                    );
                }
            }
        } else if self.json_by_path.contains_key(".claude-plugin/plugin.json") {
            kind = RootKind::Plugin;
        }
        // Every other directory with a plugin.json is a plugin too (an orphan
        // when a marketplace exists and does not list it).
        let manifests: Vec<String> = self
            .json_by_path
            .keys()
            .filter(|p| p.ends_with(".claude-plugin/plugin.json"))
            .map(|p| {
                let d = source::parent(source::parent(p));
                d.to_string()
            })
            .collect();
        let mut manifests = manifests;
        manifests.sort();
        for dir in manifests {
            if claimed.contains(&dir) {
                continue;
            }
            claimed.insert(dir.clone());
            let p = self.plugin_at(&dir, None, None, &doc_by_path, db);
            self.plugins.push(p);
        }
        if self.plugins.is_empty() {
            // A bare folder of skills or a project: `*/SKILL.md`, any
            // `…/skills/*/SKILL.md` (`.claude/skills`, `.agents/skills`), and
            // `.claude/commands`, `.claude/agents`.
            let mut p = self.new_plugin("", root_name.to_string(), None);
            p.synthetic = true;
            for (i, d) in docs.iter().enumerate() {
                let dir = source::parent(&d.path);
                let parent = source::parent(dir);
                let parent_name = parent.rsplit('/').next().unwrap_or(parent);
                if d.path.ends_with("/SKILL.md") && (parent.is_empty() || parent_name == "skills") {
                    p.skills.push(Skill {
                        name: dir.rsplit('/').next().unwrap_or(dir).to_string(),
                        dir: dir.to_string(),
                        doc: i,
                    });
                }
            }
            p.commands
                .extend(
                    self.md_under(".claude/commands")
                        .into_iter()
                        .filter_map(|(name, f)| {
                            doc_by_path
                                .get(f.as_str())
                                .map(|&doc| Component { name, doc })
                        }),
                );
            p.agents.extend(
                self.md_under(".claude/agents")
                    .into_iter()
                    .filter_map(|(name, f)| {
                        doc_by_path
                            .get(f.as_str())
                            .map(|&doc| Component { name, doc })
                    }),
            );
            if !p.skills.is_empty() || !p.commands.is_empty() || !p.agents.is_empty() {
                self.plugins.push(p);
            }
        }
        kind
    }

    fn new_plugin(&self, dir: &str, name: String, entry: Option<usize>) -> Plugin {
        Plugin {
            dir: dir.to_string(),
            name,
            manifest: self.json_by_path.get(&manifest_path(dir)).copied(),
            entry,
            skills: Vec::new(),
            commands: Vec::new(),
            agents: Vec::new(),
            workflows: Vec::new(),
            synthetic: false,
        }
    }

    fn add_entry(
        &mut self,
        index: usize,
        e: &JsonNode,
        plugin_root: Option<&str>,
        doc_by_path: &HashMap<&str, usize>,
        db: &SourceDb,
        claimed: &mut BTreeSet<String>,
    ) {
        let name = e.str_at("name").map(|(s, sp)| (s.to_string(), sp));
        let (source, dir) = match e.get("source") {
            Some(node) => match node.as_str() {
                Some(s) => {
                    let rel = if s.starts_with("./") || s == "." {
                        Some(s.to_string())
                    } else {
                        plugin_root
                            .filter(|_| !s.contains('/'))
                            .map(|pr| format!("{pr}/{s}"))
                    };
                    let dir = rel.as_deref().and_then(source::normalize);
                    (
                        EntrySource::Local {
                            path: s.to_string(),
                            span: node.span,
                        },
                        dir,
                    )
                }
                None if node.is_object() => (EntrySource::Remote, None),
                None => (EntrySource::Invalid, None),
            },
            None => (EntrySource::Invalid, None),
        };
        let entry_index = self.entries.len();
        let mut plugin = None;
        if let Some(d) = dir
            .as_ref()
            .filter(|d| self.dirs.contains(*d) || d.is_empty())
        {
            let pname = name.as_ref().map(|(n, _)| n.clone());
            let p = self.plugin_at(d, pname, Some((entry_index, e)), doc_by_path, db);
            plugin = Some(self.plugins.len());
            self.plugins.push(p);
            claimed.insert(d.clone());
        }
        self.entries.push(Entry {
            index,
            name,
            source,
            dir,
            span: e.span,
            plugin,
        });
    }

    /// Build the plugin rooted at `dir`, with its components.
    fn plugin_at(
        &self,
        dir: &str,
        entry_name: Option<String>,
        entry: Option<(usize, &JsonNode)>,
        doc_by_path: &HashMap<&str, usize>,
        db: &SourceDb,
    ) -> Plugin {
        let _ = db;
        let fallback = entry_name.unwrap_or_else(|| {
            dir.rsplit('/')
                .next()
                .filter(|s| !s.is_empty())
                .unwrap_or("root")
                .to_string()
        });
        let mut p = self.new_plugin(dir, fallback, entry.map(|(i, _)| i));
        let manifest = p.manifest.and_then(|i| self.json[i].root());
        if let Some(n) = manifest
            .and_then(|m| m.get("name"))
            .and_then(JsonNode::as_str)
            && !n.is_empty()
        {
            p.name = n.to_string();
        }
        let entry_node = entry.map(|(_, e)| e);
        let field = |key: &str| -> Option<Vec<String>> {
            let mut out: Option<Vec<String>> = None;
            for src in [manifest, entry_node].into_iter().flatten() {
                if let Some(items) = path_items(src.get(key)) {
                    out.get_or_insert_with(Vec::new).extend(items);
                }
            }
            out
        };

        // Skills: default dir (unless an entry at the marketplace root lists
        // its own), plus every listed path.
        let listed_skills = field("skills");
        let entry_lists = entry_node.is_some_and(|e| e.get("skills").is_some());
        let mut skill_dirs: Vec<String> = Vec::new();
        if !(dir.is_empty() && entry_lists) {
            let base = sub(dir, "skills");
            skill_dirs.extend(self.children_with_skill(&base));
        }
        for rel in listed_skills.unwrap_or_default() {
            if rel.contains("..") {
                continue;
            }
            let Some(d) = source::join(dir, &rel) else {
                continue;
            };
            if self.files.contains(&sub(&d, "SKILL.md")) {
                skill_dirs.push(d);
            } else {
                skill_dirs.extend(self.children_with_skill(&d));
            }
        }
        skill_dirs.sort();
        skill_dirs.dedup();
        for d in skill_dirs {
            if let Some(&doc) = doc_by_path.get(sub(&d, "SKILL.md").as_str()) {
                p.skills.push(Skill {
                    name: d.rsplit('/').next().unwrap_or(&d).to_string(),
                    dir: d,
                    doc,
                });
            }
        }

        // Commands: default dir unless the manifest replaces it.
        let mut command_files: Vec<(String, String)> = Vec::new();
        let cmd_field = manifest.and_then(|m| m.get("commands"));
        match cmd_field {
            Some(node) if node.is_object() => {
                for m in node.members() {
                    if let Some(src) = m.value.get("source").and_then(JsonNode::as_str)
                        && let Some(f) = source::join(dir, src)
                    {
                        command_files.push((m.key.clone(), f));
                    }
                }
            }
            Some(node) => {
                for rel in path_items(Some(node)).unwrap_or_default() {
                    if rel.contains("..") {
                        continue;
                    }
                    let Some(target) = source::join(dir, &rel) else {
                        continue;
                    };
                    if self.files.contains(&target) {
                        let stem = target
                            .rsplit('/')
                            .next()
                            .unwrap_or(&target)
                            .trim_end_matches(".md");
                        command_files.push((stem.to_string(), target));
                    } else {
                        command_files.extend(self.md_under(&target));
                    }
                }
            }
            None => command_files.extend(self.md_under(&sub(dir, "commands"))),
        }
        for (name, f) in command_files {
            if let Some(&doc) = doc_by_path.get(f.as_str()) {
                p.commands.push(Component { name, doc });
            }
        }

        // Agents: default dir unless the manifest replaces it.
        let agent_files: Vec<(String, String)> =
            match manifest.and_then(|m| path_items(m.get("agents"))) {
                Some(items) => items
                    .iter()
                    .filter(|r| !r.contains(".."))
                    .filter_map(|r| source::join(dir, r))
                    .map(|f| {
                        let stem = f
                            .rsplit('/')
                            .next()
                            .unwrap_or(&f)
                            .trim_end_matches(".md")
                            .to_string();
                        (stem, f)
                    })
                    .collect(),
                None => self.md_under(&sub(dir, "agents")),
            };
        for (name, f) in agent_files {
            if let Some(&doc) = doc_by_path.get(f.as_str()) {
                p.agents.push(Component { name, doc });
            }
        }

        // Workflows: `.js` files of the default dir or the listed paths.
        let workflow_dirs = manifest
            .and_then(|m| path_items(m.get("workflows")))
            .unwrap_or_else(|| vec!["./workflows".into()]);
        for rel in workflow_dirs {
            let Some(target) = source::join(dir, &rel) else {
                continue;
            };
            let prefix = format!("{target}/");
            let files: Vec<&String> = if target.ends_with(".js") {
                self.files.get(&target).into_iter().collect()
            } else {
                self.files
                    .range(prefix.clone()..)
                    .take_while(|f| f.starts_with(&prefix))
                    .collect()
            };
            for f in files {
                if let Some(stem) = f.rsplit('/').next().and_then(|n| n.strip_suffix(".js")) {
                    p.workflows.push(stem.to_string());
                }
            }
        }
        p
    }

    /// Child directories of `base` that hold a SKILL.md.
    fn children_with_skill(&self, base: &str) -> Vec<String> {
        let prefix = format!("{base}/");
        self.files
            .range(prefix.clone()..)
            .take_while(|f| f.starts_with(&prefix))
            .filter_map(|f| {
                let rest = &f[prefix.len()..];
                let (child, file) = rest.split_once('/')?;
                (file == "SKILL.md").then(|| format!("{prefix}{child}"))
            })
            .collect()
    }

    /// Markdown files below `base`, named by their path (`a/b.md` → `a:b`).
    fn md_under(&self, base: &str) -> Vec<(String, String)> {
        let prefix = format!("{base}/");
        self.files
            .range(prefix.clone()..)
            .take_while(|f| f.starts_with(&prefix))
            .filter(|f| is_markdown(f))
            .map(|f| {
                let rel = &f[prefix.len()..];
                let name = rel[..rel.len() - 3].replace('/', ":");
                (name, f.clone())
            })
            .collect()
    }
}
