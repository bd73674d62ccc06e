//! Load a tree into the model: walk it, read and parse every relevant file
//! once (in parallel), build the [`Project`] and its indexes, and, for a
//! narrowed run, parse what it deferred once the model says which.
//!
//! - `read.rs`: one file, read and parsed;
//! - `tree.rs`: plugins and their components from the files;
//! - `data.rs`: JSON documents validated against their local `$schema`;
//! - `hook_scripts.rs`: the scripts hooks run, marked (and read when their
//!   name does not say they are scripts);
//! - `deferred.rs`: a narrowed run's second look.

mod data;
mod deferred;
mod hook_scripts;
mod listed;
mod read;
mod tree;

use crate::load::{self, WalkProblem, Walked};
use crate::model::schema;
use crate::model::*;
use crate::parse::shell::{BashN, ShellParser, SyntaxCheck};
use crate::source::{self, FileId, RelPath, SourceDb, SourceFile};
use rayon::prelude::*;
use read::{Blocks, Parsed, ProblemKind, ReadFile, Reader};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// SKILL.md, command, agent and output-style files larger than this are
/// skipped by Claude Code's loader (formats.md §1); skillc does not read
/// them either. Other markdown is read up to [`load::MAX_READ`].
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
    pub phases: Vec<(&'static str, Duration)>,
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

/// The repository around `target`: the nearest directory at or above it
/// that holds `skillc.toml` or `.git` (the home directory's own `.git`
/// excepted), where configuration discovery stops too.
pub fn enclosing_root(target: &Path) -> Option<PathBuf> {
    let abs = target.canonicalize().ok()?;
    let home = std::env::var_os("HOME").map(PathBuf::from);
    abs.ancestors()
        .find(|dir| {
            dir.join("skillc.toml").is_file()
                || (dir.join(".git").exists() && home.as_deref() != Some(*dir))
        })
        .map(Path::to_path_buf)
}

/// The tree around `target` found by what it holds, never above `top`:
/// the outermost marketplace root, else the nearest plugin root, else the
/// directory holding the nearest `skills/` or `.claude/` folder. `None`
/// when nothing encloses `target` (it is its own context).
pub fn context_within(target: &Path, top: Option<&Path>) -> Option<PathBuf> {
    let abs = target.canonicalize().ok()?;
    let start = if abs.is_dir() {
        abs.clone()
    } else {
        abs.parent()?.to_path_buf()
    };
    let chain: Vec<&Path> = start
        .ancestors()
        .take_while(|d| top.is_none_or(|t| d.starts_with(t)))
        .collect();
    let has = |d: &Path, f: &str| d.join(".claude-plugin").join(f).is_file();
    let named = |d: &Path, n: &str| d.file_name().is_some_and(|x| x == n);
    let found = chain
        .iter()
        .rev()
        .find(|d| has(d, "marketplace.json"))
        .or_else(|| chain.iter().find(|d| has(d, "plugin.json")))
        .map(|d| d.to_path_buf())
        .or_else(|| {
            let folder = chain
                .iter()
                .find(|d| named(d, "skills") || named(d, ".claude"))?;
            let mut up = folder.parent()?;
            if named(up, ".claude") {
                up = up.parent()?;
            }
            top.is_none_or(|t| up.starts_with(t))
                .then(|| up.to_path_buf())
        })?;
    (found != abs).then_some(found)
}

/// What a load reads and parses.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// Subtrees left out of the walk.
    pub exclude: Option<&'a load::Exclude>,
    /// Keep the folders left out by default (see `load::default_exclude`).
    pub no_default_exclude: bool,
    /// The path a run was pointed at, relative to the root it loads: never
    /// left out.
    pub keep: Option<&'a str>,
    /// Files larger than this are reported and not read (`None`: 1 MiB for
    /// the markdown Claude Code loads, 8 MiB for the rest).
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
    /// Confirms tree-sitter's shell syntax errors (`bash -n`).
    pub syntax: &'a dyn SyntaxCheck,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            exclude: None,
            no_default_exclude: false,
            keep: None,
            max_file_size: None,
            focus: None,
            shell_blocks: true,
            warm_redaction: true,
            syntax: &BashN,
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

/// Wall time of each phase of a load.
struct Clock {
    start: Instant,
    phases: Vec<(&'static str, Duration)>,
}

impl Clock {
    fn new() -> Clock {
        Clock {
            start: Instant::now(),
            phases: Vec::new(),
        }
    }
    /// Close the phase `name`: the time since the previous one closed.
    fn done(&mut self, name: &'static str) {
        let so_far: Duration = self.phases.iter().map(|(_, d)| *d).sum();
        self.phases
            .push((name, self.start.elapsed().saturating_sub(so_far)));
    }
}

/// Load the tree at `target`.
pub fn load(target: &Path, options: &Options<'_>) -> Result<Loaded, LoadError> {
    let mut clock = Clock::new();
    let (root, start, hint) = resolve(target)?;
    // The manifest schemas compile on a thread of their own while the walk
    // waits on the disk.
    std::thread::spawn(crate::model::schema::warm);
    let walked = load::walk(
        &root,
        &start,
        load::WalkOptions {
            exclude: options.exclude,
            no_default_exclude: options.no_default_exclude,
            keep: options.keep,
        },
    );
    clock.done("walk");

    // A narrowed run leaves markdown bodies outside the changed files unparsed
    // until the model says which of them a reported finding can depend on
    // (`deferred::parse_deferred`). A changed file that defines names can
    // break mentions anywhere, so then every body is parsed.
    let light = options
        .focus
        .is_some_and(|f| !f.iter().any(|p| crate::model::focus::defines_names(p)));
    let shell = ShellParser::new(options.syntax);
    let reader = Reader {
        root: &root,
        shell: &shell,
        max_size: options.max_file_size,
    };
    let results = read_all(&reader, &walked.entries, options, light);
    clock.done("read and parse");
    let (all_files, dirs) = paths(walked.entries, &root, &start);
    // The redaction patterns compile while the model is built on one core.
    if options.warm_redaction {
        std::thread::spawn(crate::redact::warm);
    }

    let mut files = Files::collect(results, walked.problems, &root);
    let root_name = root
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "root".into());
    let mut project = files.project(all_files, dirs, walked.excluded, hint, &root_name);
    project.copies = walked.copies;
    let mut db = files.db;
    listed::type_listed(&mut project, &db, &reader);
    hook_scripts::hook_scripts(&mut project, &mut db, &reader, options, light);
    clock.done("model");
    if let Some(focus) = options.focus.filter(|_| light) {
        deferred::parse_deferred(&mut project, &mut db, focus, &reader);
        clock.done("deferred bodies");
    }
    // Links decide what Claude reads: once every body that counts is parsed.
    project.read_by_claude = crate::model::links::claude_reads(&project);
    Ok(Loaded {
        root,
        project,
        db,
        phases: clock.phases,
    })
}

/// Every file and directory the walk found (the walk's start counts as a
/// directory too).
fn paths(walked: Vec<Walked>, root: &Path, start: &Path) -> (PathSet, PathSet) {
    let mut files = PathSet::default();
    let mut dirs = PathSet::default();
    for w in walked {
        if w.is_dir {
            dirs.insert(w.path);
        } else {
            files.insert(w.path);
        }
    }
    let start_rel = source::rel_path(root, start);
    if !start_rel.is_empty() {
        dirs.insert(start_rel.into());
    }
    (files, dirs)
}

/// Read and parse every file skillc reads, in parallel, in walk order.
fn read_all(
    reader: &Reader<'_>,
    walked: &[Walked],
    options: &Options<'_>,
    light: bool,
) -> Vec<ReadFile> {
    let wanted: Vec<&Walked> = walked
        .iter()
        .filter(|w| {
            !w.is_dir
                && (read::is_markdown(&w.path)
                    || read::json_kind(&w.path)
                    || w.path.ends_with(".json")
                    || read::is_script(&w.path)
                    || read::is_source(&w.path))
        })
        .collect();
    wanted
        .par_iter()
        .map(|w| {
            let focus = options.in_focus(&w.path);
            // Skill names come from SKILL.md frontmatter: always read.
            if light && !focus && read::is_markdown(&w.path) && !read::is_skill_md(&w.path) {
                return read::unread_doc(w);
            }
            let blocks = match (focus, options.shell_blocks) {
                (false, _) => Blocks::None,
                (true, false) => Blocks::Marked,
                (true, true) => Blocks::All,
            };
            reader.read_and_parse(w, blocks, light && !focus)
        })
        .collect()
}

/// The files of a load, read and parsed, before the model is built.
struct Files {
    db: SourceDb,
    docs: Vec<Doc>,
    json: Vec<(String, JsonFile)>,
    problems: Vec<Problem>,
    scripts: Vec<Script>,
    data: Vec<(FileId, String, crate::parse::json::JsonDoc, String)>,
    skill_sources: Vec<TypedSource<crate::model::typed_source::SkillSource>>,
    plugin_sources: Vec<TypedSource<crate::model::typed_source::PluginSource>>,
}

impl Files {
    /// Register every file read in the source database and sort what was
    /// parsed by kind; problems of the walk become files too.
    fn collect(results: Vec<ReadFile>, walk_problems: Vec<WalkProblem>, root: &Path) -> Files {
        let markdown = results
            .iter()
            .filter(|(_, p, _)| matches!(p, Parsed::Markdown(_)))
            .count();
        let mut f = Files {
            db: SourceDb::with_capacity(root.to_path_buf(), results.len() + walk_problems.len()),
            docs: Vec::with_capacity(markdown),
            json: Vec::new(),
            problems: Vec::new(),
            scripts: Vec::new(),
            data: Vec::new(),
            skill_sources: Vec::new(),
            plugin_sources: Vec::new(),
        };
        for (sf, parsed, problem) in results {
            let path = sf.path.clone();
            let id = f.db.add(sf);
            if let Some(p) = problem {
                f.problems.push(p.with(id));
            }
            f.add(id, path, parsed);
        }
        for wp in walk_problems {
            let (path, problem) = match wp {
                WalkProblem::Escapes { path, target } => (path, ProblemKind::Escapes(target)),
                WalkProblem::Broken { path, reason } => (path, ProblemKind::Broken(reason)),
            };
            let id = f.db.add(SourceFile::new(path, String::new()));
            f.problems.push(problem.with(id));
        }
        f
    }

    fn add(&mut self, id: FileId, path: RelPath, parsed: Parsed) {
        match parsed {
            Parsed::Markdown(mut d) => {
                d.file = id;
                self.docs.push(*d);
            }
            Parsed::Json(json) => {
                let (role, res, typed, hooks, mentions) = *json;
                self.json.push((
                    path.to_string(),
                    JsonFile {
                        file: id,
                        role,
                        parsed: res,
                        typed,
                        schema_errors: Vec::new(),
                        shell: hooks,
                        mentions,
                    },
                ));
            }
            Parsed::Yaml(doc, err, scripts) => {
                let yaml = err.map(|()| doc);
                let dir = source::parent(&path).to_string();
                if path.ends_with("skill.yaml") {
                    self.skill_sources
                        .push(TypedSource::new(id, dir, yaml, scripts));
                } else {
                    self.plugin_sources
                        .push(TypedSource::new(id, dir, yaml, scripts));
                }
            }
            Parsed::Script(block, light) => self.scripts.push(Script {
                file: id,
                path,
                shell: *block,
                light,
                hook: false,
            }),
            Parsed::Data(doc, schema) => self.data.push((id, path.to_string(), doc, schema)),
            Parsed::None => {}
        }
    }

    /// Build the model: plugins and their components, manifests validated,
    /// each doc's kind, the indexes.
    fn project(
        &mut self,
        files: PathSet,
        dirs: PathSet,
        excluded: Vec<String>,
        hint: Option<RootKind>,
        root_name: &str,
    ) -> Project {
        let mut docs = std::mem::take(&mut self.docs);
        let doc_by_path: HashMap<RelPath, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.path.clone(), i))
            .collect();
        let mut builder = tree::Builder {
            files,
            dirs,
            json: Vec::new(),
            json_by_path: HashMap::new(),
            plugins: Vec::new(),
            entries: Vec::new(),
            marketplaces: Vec::new(),
        };
        for (path, jf) in std::mem::take(&mut self.json) {
            builder.json_by_path.insert(path, builder.json.len());
            builder.json.push(jf);
        }
        let kind = builder.build(hint, root_name, &docs);
        validate_manifests(&mut builder);
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
        let data = data::validate_data(std::mem::take(&mut self.data), &self.db);
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
        // A plugin owns its directory over a synthetic group that shares it
        // (loose skills right inside a plugin's folder).
        let mut plugins_by_dir: HashMap<String, usize> = HashMap::new();
        for (i, p) in builder.plugins.iter().enumerate() {
            match plugins_by_dir.get(&p.dir) {
                Some(&j) if p.synthetic && !builder.plugins[j].synthetic => {}
                _ => {
                    plugins_by_dir.insert(p.dir.clone(), i);
                }
            }
        }
        Project {
            kind,
            marketplaces: builder.marketplaces,
            entries: builder.entries,
            skills_by_dir,
            plugins_by_dir,
            excluded: excluded.into_iter().collect(),
            root: self
                .db
                .root()
                .canonicalize()
                .unwrap_or_else(|_| self.db.root().to_path_buf()),
            copies: Vec::new(),
            read_by_claude: Default::default(),
            plugins: builder.plugins,
            json: builder.json,
            docs,
            files: builder.files,
            dirs: builder.dirs,
            doc_by_path,
            plugins_by_name,
            problems: std::mem::take(&mut self.problems),
            scripts: std::mem::take(&mut self.scripts),
            skill_sources: std::mem::take(&mut self.skill_sources),
            plugin_sources: std::mem::take(&mut self.plugin_sources),
            data,
        }
    }
}

/// Validate every plugin.json and marketplace.json against its schema.
fn validate_manifests(builder: &mut tree::Builder) {
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
}
