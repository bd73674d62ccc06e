//! Read and parse one file: markdown (frontmatter, body, fenced shell),
//! typed sources (and the shell they hold), scripts, manifests and the
//! other JSON files skillc reads. Runs in parallel, one file per task.

use super::MAX_MARKDOWN;
use crate::load::{self, Read, Walked};
use crate::model::hooks::is_shell_form;
use crate::model::*;
use crate::parse::frontmatter;
use crate::parse::json::{self, JsonDoc, JsonError, JsonNode};
use crate::parse::markdown;
use crate::parse::shell::{
    self, Dialect, Origin, Piece, ShellBlock, ShellParser, mask_placeholders,
};
use crate::parse::yaml::{YamlKind, YamlNode};
use crate::source::{self, FileId, SourceFile, Span};

/// A file as read and parsed, and what went wrong reading it.
pub(super) type ReadFile = (SourceFile, Parsed, Option<Box<ProblemKind>>);

/// A JSON file read for its role: the role, the parse, the typed reading
/// and its shell-form hook commands.
pub(super) type ReadJson = (
    JsonRole,
    Result<JsonDoc, JsonError>,
    Typed,
    Vec<ShellBlock>,
    Vec<crate::parse::mentions::Mention>,
);

pub(super) enum Parsed {
    /// A JSON document that names a local `$schema`.
    Data(JsonDoc, String),
    /// A typed source, and the shell its scalars hold (skill.yaml).
    Yaml(
        crate::parse::yaml::YamlDoc,
        Result<(), crate::parse::yaml::YamlError>,
        Vec<(Span, ShellBlock)>,
    ),
    Markdown(Box<Doc>),
    Json(Box<ReadJson>),
    /// A script, and whether its parse was left for later (`light`).
    Script(Box<ShellBlock>, bool),
    None,
}

/// Whether skillc reads the JSON file at `path` for what it is.
pub(super) fn json_kind(path: &str) -> bool {
    JsonRole::of(path).is_some()
}

/// Typed sources skillc compiles.
pub(super) fn is_source(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name == "skill.yaml" || name == "plugin.yaml"
}

/// Shell scripts by their name: `*.sh`, `*.bash`.
pub(super) fn is_script(path: &str) -> bool {
    path.ends_with(".sh") || path.ends_with(".bash")
}

pub(super) fn is_markdown(path: &str) -> bool {
    path.len() >= 3 && path.as_bytes()[path.len() - 3..].eq_ignore_ascii_case(b".md")
}

pub(super) enum ProblemKind {
    NotUtf8(usize),
    TooLarge(u64, u64),
    Unreadable(String),
    Escapes(String),
    Broken(String),
}

impl ProblemKind {
    pub(super) fn with(self, file: FileId) -> Problem {
        match self {
            ProblemKind::NotUtf8(offset) => Problem::NotUtf8 { file, offset },
            ProblemKind::TooLarge(size, limit) => Problem::TooLarge { file, size, limit },
            ProblemKind::Unreadable(reason) => Problem::Unreadable { file, reason },
            ProblemKind::Escapes(target) => Problem::SymlinkEscapes { file, target },
            ProblemKind::Broken(reason) => Problem::Broken { file, reason },
        }
    }
}

pub(super) fn is_skill_md(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|n| n.eq_ignore_ascii_case("SKILL.md"))
}

/// The length of the byte order mark `text` starts with (0 or 3).
fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { 3 } else { 0 }
}

/// The read cap for a file: Claude Code's loader limit for the markdown it
/// loads (`loaded`: SKILL.md, commands, agents, output styles), skillc's
/// own cap for the rest.
fn cap(loaded: bool, max_size: Option<u64>) -> u64 {
    max_size
        .unwrap_or(if loaded { MAX_MARKDOWN } else { load::MAX_READ })
        .min(load::MAX_FILE_SIZE_CEILING)
}

/// Markdown whose path says Claude Code's loader may load it: SKILL.md, or
/// a file under a `commands`, `agents` or `output-styles` folder. Reference
/// files and other docs are not.
fn loader_markdown(path: &str) -> bool {
    is_markdown(path)
        && (is_skill_md(path)
            || path
                .split('/')
                .rev()
                .skip(1)
                .any(|seg| matches!(seg, "commands" | "agents" | "output-styles")))
}

/// A markdown file a narrowed run registers without reading it.
pub(super) fn unread_doc(w: &Walked) -> ReadFile {
    let doc = Doc {
        file: FileId(0),
        kind: DocKind::Other,
        path: w.path.clone(),
        bom: false,
        frontmatter: frontmatter::FrontmatterState::Missing,
        fm: None,
        body_start: 0,
        md: markdown::MdDoc::default(),
        phases: None,
        shell: Vec::new(),
        cluster_lines: (0, 0),
        light: true,
        unread: true,
    };
    (
        SourceFile::new(w.path.clone(), String::new()),
        Parsed::Markdown(Box::new(doc)),
        None,
    )
}

/// Which fenced shell blocks of a markdown file to parse.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Blocks {
    /// None: the file's shell findings would not be reported.
    None,
    /// Those with a `skillc:` comment, for their suppressions: no shell
    /// rule is on ([`super::Options::shell_blocks`]).
    Marked,
    All,
}

/// What reading needs: the shell parser of the load and the size cap.
pub(super) struct Reader<'p> {
    /// The checked root, which walked paths are relative to.
    pub root: &'p std::path::Path,
    pub shell: &'p ShellParser<'p>,
    pub max_size: Option<u64>,
}

impl Reader<'_> {
    /// A script file's text parsed, past its byte order mark.
    pub(super) fn script(&self, text: &std::sync::Arc<String>) -> ShellBlock {
        self.shell.script(text, bom_len(text))
    }

    /// A file without a script's name that a hook runs (`hooks/check`):
    /// read, and parsed as a script when its `#!` line names a shell
    /// (`light`: left unparsed); `None` when it does not, or cannot be read.
    pub(super) fn hook_script(&self, path: &RelPath, light: bool) -> Option<ReadFile> {
        let cap = cap(false, self.max_size);
        let Read::Text(text) = load::read(&self.root.join(&**path), cap, false) else {
            return None;
        };
        if !shell::names_a_shell(text.get(bom_len(&text)..).unwrap_or("")) {
            return None;
        }
        let text = std::sync::Arc::new(text);
        let block = if light {
            ShellBlock::unparsed(source::Span::new(bom_len(&text), text.len()))
        } else {
            self.script(&text)
        };
        Some((
            SourceFile::new(path.clone(), text),
            Parsed::Script(Box::new(block), light),
            None,
        ))
    }

    pub(super) fn read_and_parse(&self, w: &Walked, blocks: Blocks, light: bool) -> ReadFile {
        let empty = |p| {
            (
                SourceFile::new(w.path.clone(), String::new()),
                Parsed::None,
                Some(Box::new(p)),
            )
        };
        let md = is_markdown(&w.path);
        let cap = cap(loader_markdown(&w.path), self.max_size);
        let text = match load::read(&self.root.join(&*w.path), cap, w.regular) {
            Read::Text(t) => t,
            Read::NotUtf8 { valid_up_to } => return empty(ProblemKind::NotUtf8(valid_up_to)),
            Read::TooLarge(size) => return empty(ProblemKind::TooLarge(size, cap)),
            Read::Failed(e) => return empty(ProblemKind::Unreadable(e)),
        };
        // Shared with the shell facts of blocks that are plain slices of it.
        let text = std::sync::Arc::new(text);
        let parsed = if md {
            Parsed::Markdown(Box::new(self.markdown(w, &text, blocks, light)))
        } else if is_source(&w.path) {
            self.source(&w.path, &text)
        } else if is_script(&w.path) {
            let block = if light {
                ShellBlock::unparsed(source::Span::new(bom_len(&text), text.len()))
            } else {
                self.script(&text)
            };
            Parsed::Script(Box::new(block), light)
        } else {
            self.json(&w.path, &text)
        };
        (SourceFile::new(w.path.clone(), text), parsed, None)
    }

    /// A markdown file: frontmatter (typed), body (unless `light`), the
    /// fenced shell `blocks` asks for.
    fn markdown(
        &self,
        w: &Walked,
        text: &std::sync::Arc<String>,
        blocks: Blocks,
        light: bool,
    ) -> Doc {
        let base = bom_len(text);
        let (mut fm, body_start) = frontmatter::split(&text[base..], base);
        let md = if light {
            markdown::MdDoc::default()
        } else {
            markdown::parse(text, body_start)
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
            .filter_map(|b| self.shell.code_block(text, b))
            .collect();
        if let (frontmatter::FrontmatterState::Present(f), Blocks::All | Blocks::Marked) =
            (&fm, blocks)
            && let Some(root) = f.root()
        {
            let hooks = self.frontmatter_hooks(text, root, blocks == Blocks::Marked);
            if !hooks.is_empty() {
                shell.splice(0..0, hooks);
            }
        }
        // Kept for the whole run: no growth slack.
        shell.shrink_to_fit();
        let typed = match &mut fm {
            frontmatter::FrontmatterState::Present(f) => {
                let typed = f
                    .root()
                    .and_then(|r| crate::model::value::read(r).ok())
                    .map(Box::new);
                // The typed reading holds what the entries said.
                if typed.is_some() {
                    f.prune();
                }
                typed
            }
            _ => None,
        };
        Doc {
            file: FileId(0),
            kind: DocKind::Other,
            path: w.path.clone(),
            bom: base > 0,
            fm: typed,
            frontmatter: fm,
            body_start,
            // A light doc's body is not parsed: nothing to find phases in.
            phases: (!light)
                .then(|| crate::parse::phase::facts(&md, text, body_start))
                .flatten(),
            md,
            shell,
            cluster_lines: if is_skill_md(&w.path) && text.contains("```") {
                crate::parse::shell::policy::cluster_lines(text)
            } else {
                (0, 0)
            },
            light,
            unread: false,
        }
    }

    /// A typed source (`skill.yaml`, `plugin.yaml`): its YAML, and the shell
    /// a skill's scalars hold.
    fn source(&self, path: &str, text: &str) -> Parsed {
        let base = bom_len(text);
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
        let scripts = if path.ends_with("skill.yaml") {
            doc.root
                .as_ref()
                .map(|root| self.source_scripts(text, root))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        Parsed::Yaml(doc, err, scripts)
    }

    /// A JSON file: one Claude Code reads for its role (parsed, typed, its
    /// hook commands and description mentions), or one that names a local
    /// `$schema` (other JSON is not kept).
    fn json(&self, path: &str, text: &str) -> Parsed {
        let base = bom_len(text);
        let Some(role) = JsonRole::of(path) else {
            return match json::parse(&text[base..], base) {
                Ok(doc) => {
                    let schema = doc.root.str_at("$schema").map(|(s, _)| s.to_string());
                    match schema.filter(|s| !s.contains("://") && s.ends_with(".json")) {
                        Some(s) => Parsed::Data(doc, s),
                        None => Parsed::None,
                    }
                }
                Err(_) => Parsed::None,
            };
        };
        self.json_as(role, text)
    }

    /// A JSON file read for `role`: parsed, typed, its hook commands and
    /// description mentions. Also for component files a manifest lists
    /// under a name of their own (`listed.rs`).
    pub(super) fn json_as(&self, role: JsonRole, text: &str) -> Parsed {
        let base = bom_len(text);
        let parsed = json::parse(&text[base..], base);
        let hooks = match &parsed {
            Ok(doc) => self.hook_commands(text, role, &doc.root),
            Err(_) => Vec::new(),
        };
        let typed = match &parsed {
            Ok(doc) => Typed::read(role, &doc.root),
            Err(_) => Typed::None,
        };
        let mentions = description_mentions(text, &typed);
        Parsed::Json(Box::new((role, parsed, typed, hooks, mentions)))
    }

    /// The shell written inline in a skill.yaml (`prelude`, each phase's
    /// `script`, nested phases too), parsed with spans in the file, by the
    /// span of the scalar that holds it.
    fn source_scripts(&self, file_text: &str, root: &YamlNode) -> Vec<(Span, ShellBlock)> {
        let mut out = Vec::new();
        let mut scalar = |node: &YamlNode| {
            if let Some(value) = node.as_str() {
                let block = self.shell.block(
                    Origin::Script,
                    Dialect::Bash,
                    mask_placeholders(value),
                    scalar_pieces(file_text, node),
                    node.span,
                );
                out.push((node.span, block));
            }
        };
        if let Some(p) = root.get("prelude") {
            scalar(p);
        }
        let mut phases: Vec<&YamlNode> = vec![root];
        while let Some(node) = phases.pop() {
            if let YamlKind::Seq(items) = &node.get("phases").map_or(&YamlKind::Alias, |p| &p.kind)
            {
                for phase in items.iter().rev() {
                    if let Some(s) = phase.get("script") {
                        scalar(s);
                    }
                    phases.push(phase);
                }
            }
        }
        out
    }

    /// Shell-form hook commands (`type: command`, no `args`, not
    /// PowerShell) of a hooks.json, of a plugin.json's inline `hooks` and
    /// of a settings file's `hooks`, parsed, mapped byte for byte into the
    /// JSON string that holds each (escapes included).
    fn hook_commands(&self, text: &str, role: JsonRole, root: &JsonNode) -> Vec<ShellBlock> {
        let Some(hooks) = root.get("hooks") else {
            return Vec::new();
        };
        let maps: Vec<&JsonNode> = match role {
            JsonRole::Hooks | JsonRole::Settings => vec![hooks],
            // A path, an inline event map, or a list of either.
            JsonRole::Plugin => std::iter::once(hooks).chain(hooks.items()).collect(),
            _ => return Vec::new(),
        };
        let mut out = Vec::new();
        for events in maps {
            for m in events.members() {
                for group in m.value.items() {
                    for h in group.get("hooks").map(|h| h.items()).unwrap_or(&[]) {
                        let str_of = |k: &str| h.get(k).and_then(JsonNode::as_str);
                        if !is_shell_form(str_of("type"), h.get("args").is_some(), str_of("shell"))
                        {
                            continue;
                        }
                        let Some(node) = h.get("command") else {
                            continue;
                        };
                        let Some(cmd) = node.as_str() else { continue };
                        let raw = text.get(node.span.range()).unwrap_or("");
                        out.push(self.hook_block(cmd, json_pieces(raw, cmd, node.span), node.span));
                    }
                }
            }
        }
        out
    }

    /// A hook command parsed: `pieces` map it into the file, `span` is the
    /// string that holds it.
    fn hook_block(&self, cmd: &str, pieces: Vec<Piece>, span: Span) -> ShellBlock {
        self.shell.block(
            Origin::Hook,
            Dialect::Bash,
            mask_placeholders(cmd),
            pieces,
            span,
        )
    }

    /// Shell-form hook commands of a frontmatter's `hooks:` (skills,
    /// commands, agents), mapped into their YAML scalars as far as these
    /// are written as they read. `marked`: only those with a `skillc:`
    /// comment (no shell rule is on; see [`Blocks`]).
    fn frontmatter_hooks(&self, text: &str, root: &YamlNode, marked: bool) -> Vec<ShellBlock> {
        let Some(events) = root.get("hooks") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (_, groups) in events.entries() {
            for group in yaml_seq(Some(groups)) {
                for h in yaml_seq(group.get("hooks")) {
                    let str_of = |k: &str| h.get(k).and_then(YamlNode::as_str);
                    if !is_shell_form(str_of("type"), h.get("args").is_some(), str_of("shell")) {
                        continue;
                    }
                    let Some(node) = h.get("command") else {
                        continue;
                    };
                    let Some(cmd) = node.as_str() else { continue };
                    if marked && !cmd.contains("skillc:") {
                        continue;
                    }
                    let mut pieces = scalar_pieces(text, node);
                    if pieces.iter().all(|p| p.len == 0) {
                        // A double-quoted scalar with escapes: JSON's are YAML's too.
                        let raw = text.get(node.span.range()).unwrap_or("");
                        if let Some(map) =
                            crate::parse::json::string_offsets(raw, node.span.start as usize)
                                .filter(|m| m.len() == cmd.len() + 1)
                        {
                            pieces = Piece::from_offsets(&map);
                        }
                    }
                    out.push(self.hook_block(cmd, pieces, node.span));
                }
            }
        }
        out
    }
}

/// The items of a YAML sequence; none for anything else.
fn yaml_seq(n: Option<&YamlNode>) -> &[YamlNode] {
    match n.map(|n| &n.kind) {
        Some(YamlKind::Seq(items)) => items,
        _ => &[],
    }
}

/// Where each byte of a JSON string's value (`cmd`, written as `raw` at
/// `span`) is in the file; the string's opening when it cannot be mapped.
fn json_pieces(raw: &str, cmd: &str, span: Span) -> Vec<Piece> {
    match crate::parse::json::string_offsets(raw, span.start as usize)
        .filter(|m| m.len() == cmd.len() + 1)
    {
        Some(map) => Piece::from_offsets(&map),
        None => vec![Piece {
            shell: 0,
            file: span.start + 1,
            len: 0,
        }],
    }
}

/// The `plugin:skill` mentions in the description strings of a manifest:
/// a plugin.json's `description`, the marketplace's and each entry's.
fn description_mentions(text: &str, typed: &Typed) -> Vec<crate::parse::mentions::Mention> {
    use crate::model::value::Present;
    use crate::parse::mentions::{RegionKind, scan_mentions};
    let mut spans = Vec::new();
    match typed {
        Typed::Plugin(p) => spans.extend(p.description.spanned().map(|(_, s)| s)),
        Typed::Marketplace(m) => {
            spans.extend(m.description.spanned().map(|(_, s)| s));
            for e in m.plugins.val().into_iter().flat_map(|l| l.iter()) {
                spans.extend(
                    e.ok()
                        .and_then(|e| e.plugin.description.spanned())
                        .map(|(_, s)| s),
                );
            }
        }
        _ => {}
    }
    let mut out = Vec::new();
    for span in spans {
        // The string as written, quotes included: mentions are located in it.
        let raw = text.get(span.range()).unwrap_or("");
        scan_mentions(raw, span.start as usize, RegionKind::Prose, &mut out);
    }
    out
}

/// Map each line of a block scalar's value to its place in the file.
fn scalar_pieces(file_text: &str, node: &YamlNode) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = crate::parse::yaml::value_lines(file_text, node)
        .into_iter()
        .map(|l| Piece {
            shell: l.value as u32,
            file: l.file as u32,
            len: l.len as u32,
        })
        .collect();
    if pieces.is_empty() {
        pieces.push(Piece {
            shell: 0,
            file: node.span.start,
            len: 0,
        });
    }
    pieces
}
