//! Shell code: extraction from fenced blocks (with a byte map back into the
//! markdown file), placeholder masking, parsing with tree-sitter-bash, and
//! the facts rules need — commands (after `sudo`, `env`, `timeout`, …,
//! inside pipelines, substitutions, bodies and `bash -c` strings),
//! pipelines, bash-4 constructs, word-splitting loops, comments and the
//! first syntax error. All spans are file-absolute.

pub mod policy;

use crate::source::Span;
use compact_str::CompactString;
use std::cell::RefCell;
use std::collections::HashMap;
use tree_sitter::{Node, Parser};

/// Nesting deeper than this is not walked (the block is still checked above it).
const MAX_DEPTH: usize = 256;

/// Which shell a block is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    #[default]
    Bash,
    Sh,
    Zsh,
    /// A terminal transcript: `$ ` prompts mark commands, other lines are output.
    Console,
}

impl Dialect {
    /// The dialect of a fenced block's language tag, if it is shell.
    pub fn from_lang(lang: &str) -> Option<Dialect> {
        match lang.to_ascii_lowercase().as_str() {
            "bash" | "shell" | "sh-session" | "bash-session" if lang.ends_with("session") => {
                Some(Dialect::Console)
            }
            "bash" | "shell" => Some(Dialect::Bash),
            "sh" | "posix" => Some(Dialect::Sh),
            "zsh" => Some(Dialect::Zsh),
            "console" | "shell-session" | "shellsession" | "terminal" => Some(Dialect::Console),
            _ => None,
        }
    }

    /// The dialect a script's `#!` line names (`#!/bin/zsh`,
    /// `#!/usr/bin/env -S zsh -f`); bash when it names none skillc knows.
    pub fn from_shebang(script: &str) -> Dialect {
        let Some(line) = script.lines().next().and_then(|l| l.strip_prefix("#!")) else {
            return Dialect::Bash;
        };
        let mut words = line.split_whitespace();
        let mut program = words.next().unwrap_or("").rsplit('/').next().unwrap_or("");
        if program == "env" {
            program = words.find(|w| !w.starts_with('-')).unwrap_or("");
        }
        match program {
            "zsh" => Dialect::Zsh,
            "sh" | "dash" | "ash" | "posix" => Dialect::Sh,
            _ => Dialect::Bash,
        }
    }
}

/// Where a block of shell comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    CodeBlock,
    #[default]
    Script,
    Hook,
}

/// A stretch of shell text that maps 1:1 onto file bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub shell: u32,
    pub file: u32,
    pub len: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Literal text (`apply`, `--context=prod`).
    Literal,
    /// Quoted (`"…"`, `'…'`, `$'…'`), possibly with expansions inside.
    Quoted,
    /// A bare expansion (`$X`, `${X}`, `$(cmd)`) that is subject to word splitting.
    Unquoted,
    /// A concatenation (`--flag=$X`, `a"b"`).
    Mixed,
}

/// One word of a command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word as written (masked placeholders included). Words are short:
    /// an inline string keeps most of them off the heap.
    pub raw: CompactString,
    pub span: Span,
    pub kind: WordKind,
    /// Variables expanded in this word, in order. A boxed slice: most words
    /// have none, and words are the bulk of a parsed tree's memory.
    pub vars: Box<[Var]>,
}

/// A variable expanded in a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Var {
    pub name: CompactString,
    /// Expanded outside quotes: subject to word splitting.
    pub unquoted: bool,
}

impl Word {
    /// Names of the variables expanded in this word.
    pub fn var_names(&self) -> impl Iterator<Item = &str> {
        self.vars.iter().map(|v| v.name.as_str())
    }
    /// Names of the variables expanded unquoted in this word.
    pub fn unquoted_vars(&self) -> impl Iterator<Item = &str> {
        self.vars
            .iter()
            .filter(|v| v.unquoted)
            .map(|v| v.name.as_str())
    }
}

/// A simple command, after wrappers (`sudo`, `env`, `timeout 5`, …) are peeled off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub name: CompactString,
    pub name_span: Span,
    /// Boxed slices here and in [`Word`]: commands and words are most of a
    /// parsed tree's memory, and they never grow once parsed.
    pub args: Box<[Word]>,
    /// `VAR=value` prefixes and `env VAR=value` assignments.
    pub assignments: Box<[CompactString]>,
    /// Wrappers that ran it (`sudo`, `watch`, …).
    pub wrappers: Box<[CompactString]>,
    pub span: Span,
    /// Inside `$(…)`, backticks or `<(…)`: its output is captured.
    pub captured: bool,
    /// Its stdout goes to a file.
    pub redirected: bool,
    /// Its stdout feeds another command.
    pub piped: bool,
}

/// A construct newer than bash 3.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Construct {
    AssocArray,
    Nameref,
    CaseAttribute,
    Mapfile,
    CaseModification,
    Transformation,
    Globstar,
    AppendBoth,
    PipeBoth,
    Coproc,
    NegativeSubscript,
    WaitN,
    TestV,
    CaseFallthrough,
}

impl Construct {
    /// `(major, minor)` of the bash release that introduced it.
    pub fn since(self) -> (u8, u8) {
        match self {
            Construct::AssocArray
            | Construct::CaseAttribute
            | Construct::Mapfile
            | Construct::CaseModification
            | Construct::Globstar
            | Construct::AppendBoth
            | Construct::PipeBoth
            | Construct::Coproc
            | Construct::CaseFallthrough => (4, 0),
            Construct::NegativeSubscript | Construct::TestV => (4, 2),
            Construct::Nameref | Construct::WaitN => (4, 3),
            Construct::Transformation => (4, 4),
        }
    }
    pub fn describe(self) -> &'static str {
        match self {
            Construct::AssocArray => "associative arrays (`declare -A`)",
            Construct::Nameref => "namerefs (`declare -n`)",
            Construct::CaseAttribute => "case attributes (`declare -l`/`-u`)",
            Construct::Mapfile => "`mapfile`/`readarray`",
            Construct::CaseModification => "case modification (`${v,,}`, `${v^^}`, `${v~}`)",
            Construct::Transformation => "parameter transformation (`${v@Q}` and friends)",
            Construct::Globstar => "`shopt -s globstar`",
            Construct::AppendBoth => "`&>>` redirection",
            Construct::PipeBoth => "`|&` pipes",
            Construct::Coproc => "`coproc`",
            Construct::NegativeSubscript => "negative array subscripts (`${a[-1]}`)",
            Construct::WaitN => "`wait -n`",
            Construct::TestV => "`[[ -v name ]]`",
            Construct::CaseFallthrough => "`;&` / `;;&` in case",
        }
    }
    pub fn instead(self) -> &'static str {
        match self {
            Construct::AssocArray => {
                "use two indexed arrays, or `key=value` lines read with `while read`"
            }
            Construct::Nameref => "pass values instead of names, or use `eval` carefully",
            Construct::CaseAttribute | Construct::CaseModification => {
                "use `tr '[:upper:]' '[:lower:]'`"
            }
            Construct::Mapfile => "use `while IFS= read -r line; do arr+=(\"$line\"); done`",
            Construct::Transformation => "use `printf '%q'`",
            Construct::Globstar => "use `find`",
            Construct::AppendBoth => "use `>>file 2>&1`",
            Construct::PipeBoth => "use `2>&1 |`",
            Construct::Coproc => "use a named pipe (`mkfifo`)",
            Construct::NegativeSubscript => "use `${a[${#a[@]}-1]}`",
            Construct::WaitN => "wait for each PID in turn",
            Construct::TestV => "use `[ -n \"${name+x}\" ]`",
            Construct::CaseFallthrough => "repeat the commands in each branch",
        }
    }
}

/// A `for x in …` loop whose list is split on whitespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitLoop {
    pub span: Span,
    /// The unquoted expansion (`$(…)` or `$VAR`).
    pub what: String,
}

/// One parsed block of shell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShellBlock {
    pub origin: Origin,
    pub dialect: Dialect,
    /// The shell text as parsed (console output dropped, placeholders masked).
    pub text: String,
    pub pieces: Vec<Piece>,
    /// The block's extent in the file.
    pub span: Span,
    pub commands: Vec<Command>,
    /// Indices into `commands`, one list per pipeline of two or more.
    pub pipelines: Vec<Vec<usize>>,
    pub constructs: Vec<(Construct, Span)>,
    pub split_loops: Vec<SplitLoop>,
    /// `set -x` / `set -o xtrace` lines.
    pub xtrace: Vec<Span>,
    pub comments: Vec<(Span, String)>,
    pub syntax_error: Option<(Span, String)>,
    /// Variables assigned anywhere (`x=1`, `for x`, `read x`, `local x`).
    pub assigned: Vec<CompactString>,
    /// Variables expanded, with where.
    pub used: Vec<(CompactString, Span)>,
    /// Names of the functions it defines (`f() { … }`, `function f { … }`).
    pub functions: Vec<CompactString>,
}

fn map_offset(pieces: &[Piece], fallback: usize, off: usize) -> usize {
    let off = off as u32;
    let i = match pieces.binary_search_by(|p| p.shell.cmp(&off)) {
        Ok(i) => i,
        Err(0) => 0,
        Err(i) => i - 1,
    };
    match pieces.get(i) {
        Some(p) => (p.file + (off - p.shell).min(p.len)) as usize,
        None => fallback,
    }
}

/// The file span of shell-text offsets `start..end`.
fn span_in(pieces: &[Piece], fallback: usize, start: usize, end: usize) -> Span {
    let s = map_offset(pieces, fallback, start);
    let e = map_offset(pieces, fallback, end.max(start));
    Span::new(s, e.max(s))
}

impl ShellBlock {
    /// A script a narrowed run has not parsed (yet): no commands, no facts.
    pub fn unparsed(span: Span) -> ShellBlock {
        ShellBlock {
            span,
            ..ShellBlock::default()
        }
    }
    /// File offset of a shell-text offset.
    pub fn to_file(&self, off: usize) -> usize {
        map_offset(&self.pieces, self.span.start as usize, off)
    }
    pub fn file_span(&self, start: usize, end: usize) -> Span {
        span_in(&self.pieces, self.span.start as usize, start, end)
    }
}

/// Replace `<placeholder>` templates with same-length words so that they do
/// not parse as redirections (`kubectl get <name>` → `kubectl get _name_`).
pub fn mask_placeholders(text: &str) -> String {
    let mut out = text.to_string();
    if !text.contains('<') && !text.contains("{{") {
        return out;
    }
    // Bytes, not chars: the bounded classes compile to one byte class each
    // instead of a UTF-8 automaton repeated 80 times. A match starts and
    // ends at an ASCII delimiter, so its offsets are char boundaries.
    static RE: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r"(?-u)<([A-Za-z_][^<>\n`]{0,80})>|\{\{[^{}\n]{1,80}\}\}")
            .unwrap_or_else(|e| panic!("built-in placeholder regex: {e}"))
    });
    let bytes = text.as_bytes();
    for m in RE.find_iter(bytes) {
        let s = m.start();
        // `<<EOF` heredocs, `<(…)`, `2<file` and `cmd <in >out` stay as they are.
        if s > 0 && matches!(bytes[s - 1], b'<' | b'0'..=b'9') {
            continue;
        }
        let inner = &text[s + 1..m.end() - 1];
        if inner.starts_with(' ')
            || inner.ends_with(' ')
            || (inner.contains(' ') && inner.contains(['<', '>', '|', ';', '&']))
        {
            continue;
        }
        let masked: String = std::iter::once('_')
            .chain(inner.chars().map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' || c == '/' {
                    c
                } else {
                    '_'
                }
            }))
            .chain(std::iter::once('_'))
            .collect();
        if masked.len() == m.len() {
            out.replace_range(m.range(), &masked);
        }
    }
    out
}

/// Build shell text from file text pieces `(file_start, text)`; console
/// dialect keeps prompt lines (without the prompt) and their continuations.
pub fn assemble(file_text: &str, content: &[Span], dialect: Dialect) -> (String, Vec<Piece>) {
    // A bash block that starts with a `$ ` prompt is a transcript.
    let first_line = content
        .iter()
        .filter_map(|s| file_text.get(s.range()))
        .flat_map(str::lines)
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let dialect = if dialect != Dialect::Zsh
        && first_line.is_some_and(|l| l.trim_start().starts_with("$ "))
    {
        Dialect::Console
    } else {
        dialect
    };
    let mut text = String::new();
    let mut pieces = Vec::new();
    let root_prompt_only = dialect == Dialect::Console
        && !content.iter().any(|s| {
            file_text.get(s.range()).is_some_and(|t| {
                t.lines()
                    .any(|l| l.trim_start().starts_with("$ ") || l.trim_start() == "$")
            })
        });
    let mut continuing = false;
    for span in content {
        let Some(src) = file_text.get(span.range()) else {
            continue;
        };
        let mut off = span.start as usize;
        for line in src.split_inclusive('\n') {
            let mut keep: Option<(usize, &str)> = Some((0, line));
            if dialect == Dialect::Console {
                let trimmed = line.trim_start();
                let indent = line.len() - trimmed.len();
                keep = if continuing {
                    Some((0, line))
                } else if let Some(rest) = trimmed
                    .strip_prefix("$ ")
                    .or_else(|| trimmed.strip_prefix("% "))
                {
                    Some((line.len() - rest.len(), rest))
                } else if root_prompt_only && trimmed.starts_with("# ") {
                    Some((indent + 2, &trimmed[2..]))
                } else {
                    None
                };
                continuing = keep.is_some() && line.trim_end().ends_with('\\');
            }
            if let Some((skip, kept)) = keep {
                pieces.push(Piece {
                    shell: text.len() as u32,
                    file: (off + skip) as u32,
                    len: kept.len() as u32,
                });
                text.push_str(kept);
            }
            off += line.len();
        }
    }
    (mask_placeholders(&text), pieces)
}

thread_local! {
    static PARSER: RefCell<Option<Parser>> = const { RefCell::new(None) };
}

fn with_parser<R>(f: impl FnOnce(&mut Parser) -> R) -> Option<R> {
    PARSER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            let mut p = Parser::new();
            p.set_language(&tree_sitter_bash::LANGUAGE.into()).ok()?;
            *slot = Some(p);
        }
        slot.as_mut().map(f)
    })
}

/// Parse assembled shell text into a block.
/// Ask `bash -n` about text tree-sitter could not parse: `Some((line, message))`
/// when bash also rejects it, `None` when bash accepts it. Without bash on the
/// machine, tree-sitter's verdict stands (`Err`).
fn bash_n(text: &str) -> Result<Option<(usize, String)>, ()> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("bash")
        .arg("-n")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| ())?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(text.as_bytes());
    }
    let out = child.wait_with_output().map_err(|_| ())?;
    if out.status.success() {
        return Ok(None);
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let first = err.lines().next().unwrap_or("syntax error");
    // `bash: line 3: syntax error near unexpected token `('`
    let re = crate::regex!(r"line (\d+): (.*)$");
    Ok(match re.captures(first) {
        Some(c) => Some((c[1].parse().unwrap_or(1), c[2].to_string())),
        None => Some((1, first.to_string())),
    })
}

/// What parsing `text` tells, in shell-text offsets.
fn facts_of(text: &str) -> Facts {
    let mut facts = Facts::default();
    if let Some(tree) = with_parser(|p| p.parse(text, None)).flatten() {
        let root = tree.root_node();
        facts.syntax_error = first_error(root, text);
        if let Some((range, _)) = facts.syntax_error.clone() {
            // tree-sitter is stricter than bash in places (`{"a":1}` words,
            // `${var.x}`); report what `bash -n` reports.
            match bash_n(text) {
                Ok(None) => facts.syntax_error = None,
                Ok(Some((line, message))) => {
                    let line_start: usize = text
                        .split_inclusive('\n')
                        .take(line.saturating_sub(1))
                        .map(str::len)
                        .sum();
                    let line_end = text[line_start.min(text.len())..]
                        .find('\n')
                        .map_or(text.len(), |i| line_start + i);
                    let at = if (line_start..=line_end).contains(&range.0) {
                        range
                    } else {
                        (line_start, line_start)
                    };
                    facts.syntax_error = Some((at, message));
                }
                Err(()) => {}
            }
        }
        let mut w = Walker {
            text,
            base: 0,
            facts: &mut facts,
            cursor: root.walk(),
            stack: Vec::new(),
        };
        w.walk(root, 0, false);
    }
    facts
}

/// Facts of texts parsed since the last [`take_parses`] (a load ends with
/// it), by text. Marketplaces repeat blocks (copied plugins, shared install
/// snippets), and copying a fact list is several times cheaper than parsing
/// the text again (and, for text tree-sitter rejects, than asking `bash -n`).
static MEMO: std::sync::LazyLock<std::sync::Mutex<HashMap<Box<str>, std::sync::Arc<Facts>>>> =
    std::sync::LazyLock::new(Default::default);

/// Texts longer than this are not remembered: large scripts rarely repeat.
const MEMO_MAX_TEXT: usize = 16 * 1024;

/// The facts of `text`, parsed or remembered.
fn memo_facts(text: &str) -> std::sync::Arc<Facts> {
    if text.len() > MEMO_MAX_TEXT {
        return std::sync::Arc::new(facts_of(text));
    }
    if let Some(f) = MEMO.lock().ok().and_then(|m| m.get(text).cloned()) {
        return f;
    }
    let facts = std::sync::Arc::new(facts_of(text));
    if let Ok(mut m) = MEMO.lock() {
        m.insert(text.into(), facts.clone());
    }
    facts
}

/// The parses a load remembered, taken out of the memo when it ends. They
/// are freed with the load: freeing thousands of fact lists one allocation
/// at a time takes tens of milliseconds on a large tree, which the CLI saves
/// by never freeing the load before it exits.
#[derive(Default)]
pub struct Parses(#[allow(dead_code)] HashMap<Box<str>, std::sync::Arc<Facts>>);

/// Empty the memo (the end of a load), handing its parses to the caller.
pub fn take_parses() -> Parses {
    Parses(
        MEMO.lock()
            .map(|mut m| std::mem::take(&mut *m))
            .unwrap_or_default(),
    )
}

pub fn parse_block(
    origin: Origin,
    dialect: Dialect,
    text: String,
    pieces: Vec<Piece>,
    span: Span,
) -> ShellBlock {
    let facts = memo_facts(&text);
    let to_span = |(s, e): (usize, usize)| span_in(&pieces, span.start as usize, s, e);
    let syntax_error = facts
        .syntax_error
        .as_ref()
        .map(|(r, m)| (to_span(*r), m.clone()));
    let commands = facts
        .commands
        .iter()
        .map(|c| Command {
            name: c.name.clone(),
            name_span: to_span(c.name_range),
            args: c
                .args
                .iter()
                .map(|a| Word {
                    raw: a.raw.clone(),
                    span: to_span(a.range),
                    kind: a.kind,
                    vars: a.vars.clone(),
                })
                .collect(),
            assignments: c.assignments.as_slice().into(),
            wrappers: c.wrappers.as_slice().into(),
            span: to_span(c.range),
            captured: c.captured,
            redirected: c.redirected,
            piped: c.piped,
        })
        .collect();
    let constructs = facts
        .constructs
        .iter()
        .map(|(c, r)| (*c, to_span(*r)))
        .collect();
    let split_loops = facts
        .split_loops
        .iter()
        .map(|(r, what)| SplitLoop {
            span: to_span(*r),
            what: what.clone(),
        })
        .collect();
    let xtrace = facts.xtrace.iter().copied().map(to_span).collect();
    let comments = facts
        .comments
        .iter()
        .map(|(r, t)| (to_span(*r), t.clone()))
        .collect();
    let used = facts
        .used
        .iter()
        .map(|(n, r)| (n.clone(), to_span(*r)))
        .collect();
    ShellBlock {
        origin,
        dialect,
        text,
        pieces,
        span,
        commands,
        pipelines: facts.pipelines.clone(),
        constructs,
        split_loops,
        xtrace,
        comments,
        syntax_error,
        assigned: facts.assigned.clone(),
        used,
        functions: facts.functions.clone(),
    }
}

/// Parse a fenced block of `file_text` when its language is shell: the
/// fence names the dialect, unless the block opens with a `#!` line, which
/// names it better.
pub fn parse_code_block(
    file_text: &str,
    b: &crate::parse::markdown::CodeBlock,
) -> Option<ShellBlock> {
    let dialect = Dialect::from_lang(&b.lang)?;
    let (t, pieces) = assemble(file_text, &b.content, dialect);
    let dialect = if t.starts_with("#!") {
        Dialect::from_shebang(&t)
    } else {
        dialect
    };
    Some(parse_block(Origin::CodeBlock, dialect, t, pieces, b.span))
}

/// Parse a whole script file (`text` is the file's text from `base`).
pub fn parse_script(text: &str, base: usize) -> ShellBlock {
    let pieces = vec![Piece {
        shell: 0,
        file: base as u32,
        len: text.len() as u32,
    }];
    parse_block(
        Origin::Script,
        Dialect::from_shebang(text),
        mask_placeholders(text),
        pieces,
        Span::new(base, base + text.len()),
    )
}

#[derive(Default)]
struct RawCommand {
    name: CompactString,
    name_range: (usize, usize),
    args: Vec<RawArg>,
    assignments: Vec<CompactString>,
    wrappers: Vec<CompactString>,
    range: (usize, usize),
    captured: bool,
    redirected: bool,
    piped: bool,
}

struct RawArg {
    raw: CompactString,
    range: (usize, usize),
    kind: WordKind,
    vars: Box<[Var]>,
}

#[derive(Default)]
struct Facts {
    commands: Vec<RawCommand>,
    pipelines: Vec<Vec<usize>>,
    constructs: Vec<(Construct, (usize, usize))>,
    split_loops: Vec<((usize, usize), String)>,
    xtrace: Vec<(usize, usize)>,
    comments: Vec<((usize, usize), String)>,
    syntax_error: Option<((usize, usize), String)>,
    assigned: Vec<CompactString>,
    used: Vec<(CompactString, (usize, usize))>,
    functions: Vec<CompactString>,
}

fn first_error(root: Node<'_>, text: &str) -> Option<((usize, usize), String)> {
    if !root.has_error() {
        return None;
    }
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if n.is_missing() {
            let at = n.start_byte();
            return Some(((at, at), format!("syntax error: missing `{}`", n.kind())));
        }
        if n.is_error() {
            let (s, e) = (n.start_byte(), n.end_byte());
            let snippet: String = text
                .get(s..e)
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("")
                .chars()
                .take(30)
                .collect();
            let msg = if snippet.is_empty() {
                "syntax error: unexpected end of input".to_string()
            } else {
                format!("syntax error near unexpected token `{snippet}`")
            };
            let end = if e > s {
                (s + snippet.len().max(1)).min(e)
            } else {
                s
            };
            return Some(((s, end), msg));
        }
        let mut cursor = n.walk();
        let children: Vec<Node<'_>> = n.children(&mut cursor).collect();
        for c in children.into_iter().rev() {
            if c.has_error() || c.is_missing() || c.is_error() {
                stack.push(c);
            }
        }
    }
    None
}

/// Commands that run another command given as their arguments.
const WRAPPERS: &[&str] = &[
    "sudo",
    "doas",
    "env",
    "time",
    "timeout",
    "nice",
    "nohup",
    "exec",
    "command",
    "builtin",
    "stdbuf",
    "ionice",
    "xargs",
    "watch",
    "caffeinate",
    "chronic",
    "setsid",
    "unbuffer",
];

/// Options of a wrapper that take a value.
fn wrapper_value_opts(w: &str) -> &'static [&'static str] {
    match w {
        "sudo" | "doas" => &["-u", "-g", "-C", "-p", "-h", "-r", "-t", "-U", "-D"],
        "env" => &["-u", "-C", "-S"],
        "timeout" => &["-s", "-k", "--signal", "--kill-after"],
        "nice" => &["-n"],
        "ionice" => &["-c", "-n", "-p"],
        "xargs" => &["-I", "-i", "-n", "-P", "-L", "-l", "-d", "-E", "-s", "-a"],
        "watch" => &["-n", "--interval", "-d"],
        "stdbuf" => &["-i", "-o", "-e"],
        _ => &[],
    }
}

struct Walker<'a, 't> {
    text: &'a str,
    /// Offset of `text` inside the block text (for nested `bash -c` strings).
    base: usize,
    facts: &'a mut Facts,
    /// One cursor for the whole walk: a cursor per node would allocate.
    cursor: tree_sitter::TreeCursor<'t>,
    /// Children of the nodes being walked, for the loops over them (see
    /// [`Walker::push_kids`]): one buffer for the whole walk instead of a
    /// list per node, and small stack frames for deep nesting.
    stack: Vec<Node<'t>>,
}

impl<'a, 't> Walker<'a, 't> {
    fn src(&self, n: Node<'_>) -> &'a str {
        self.text.get(n.start_byte()..n.end_byte()).unwrap_or("")
    }
    fn range(&self, n: Node<'_>) -> (usize, usize) {
        (self.base + n.start_byte(), self.base + n.end_byte())
    }

    /// Push the children of `n` on [`Walker::stack`]: they lie at the
    /// returned range (deeper walks push above it) until the caller
    /// truncates the stack back to its start.
    fn push_kids(&mut self, n: Node<'t>) -> std::ops::Range<usize> {
        let start = self.stack.len();
        self.cursor.reset(n);
        if self.cursor.goto_first_child() {
            loop {
                self.stack.push(self.cursor.node());
                if !self.cursor.goto_next_sibling() {
                    break;
                }
            }
        }
        start..self.stack.len()
    }

    /// The children of `n`, as a list of their own (for the rarer nodes
    /// whose children are looked at more than once).
    fn kids(&mut self, n: Node<'t>) -> Vec<Node<'t>> {
        let range = self.push_kids(n);
        self.stack.drain(range).collect()
    }

    /// The first child of `n` of kind `k`.
    fn kid_of_kind(&mut self, n: Node<'t>, k: &str) -> Option<Node<'t>> {
        self.cursor.reset(n);
        if !self.cursor.goto_first_child() {
            return None;
        }
        loop {
            if kind(self.cursor.node()) == k {
                return Some(self.cursor.node());
            }
            if !self.cursor.goto_next_sibling() {
                return None;
            }
        }
    }

    /// Walk every child of `n`.
    fn walk_kids(&mut self, n: Node<'t>, depth: usize, captured: bool) {
        let kids = self.push_kids(n);
        for i in kids.clone() {
            let c = self.stack[i];
            self.walk(c, depth + 1, captured);
        }
        self.stack.truncate(kids.start);
    }

    /// Variables expanded in `n` (not inside command substitutions),
    /// quoted or not.
    fn collect_vars(&mut self, n: Node<'t>, quoted: bool, out: &mut Vec<Var>) {
        match kind(n) {
            "variable_name" => {
                out.push(Var {
                    name: self
                        .text
                        .get(n.start_byte()..n.end_byte())
                        .unwrap_or("")
                        .into(),
                    unquoted: !quoted,
                });
                return;
            }
            "command_substitution" => return,
            _ => {}
        }
        if n.child_count() == 0 {
            return;
        }
        let q = quoted || matches!(kind(n), "string" | "raw_string");
        let kids = self.push_kids(n);
        for i in kids.clone() {
            let c = self.stack[i];
            self.collect_vars(c, q, out);
        }
        self.stack.truncate(kids.start);
    }

    fn walk(&mut self, n: Node<'t>, depth: usize, captured: bool) {
        if depth > MAX_DEPTH {
            return;
        }
        match kind(n) {
            "comment" => {
                self.facts
                    .comments
                    .push((self.range(n), self.src(n).to_string()));
                return;
            }
            "simple_expansion" => {
                if let Some(v) = self.kid_of_kind(n, "variable_name") {
                    self.facts.used.push((self.src(v).into(), self.range(v)));
                }
            }
            "variable_assignment" => {
                if let Some(name) = n.child_by_field_name("name") {
                    self.facts.assigned.push(self.src(name).into());
                }
            }
            "function_definition" => {
                if let Some(name) = n.child_by_field_name("name") {
                    self.facts.functions.push(self.src(name).into());
                }
            }
            "command" => {
                self.command(n, depth, captured, false, false);
                return;
            }
            "redirected_statement" => {
                let kids = self.kids(n);
                let stdout_redirect = kids.iter().any(|c| {
                    kind(*c) == "file_redirect" && {
                        let t = self.src(*c);
                        let to_null =
                            t.contains("/dev/null") || t.contains("&2") || t.starts_with("2>");
                        (t.starts_with('>') || t.starts_with("1>") || t.starts_with("&>"))
                            && !to_null
                            || t.starts_with(">>")
                            || t.starts_with("&>>")
                    }
                });
                for &c in &kids {
                    if kind(c) == "file_redirect" && self.src(c).starts_with("&>>") {
                        self.facts
                            .constructs
                            .push((Construct::AppendBoth, self.range(c)));
                    }
                }
                if let Some(body) = n.child_by_field_name("body")
                    && kind(body) == "command"
                {
                    self.command(body, depth + 1, captured, stdout_redirect, false);
                    for c in kids {
                        if c.id() != body.id() {
                            self.walk(c, depth + 1, captured);
                        }
                    }
                    return;
                }
            }
            "pipeline" => {
                let start = self.facts.commands.len();
                let parts = self.kids(n);
                let mut indices = Vec::new();
                for (i, c) in parts.iter().enumerate() {
                    if kind(*c) == "|&" {
                        self.facts
                            .constructs
                            .push((Construct::PipeBoth, self.range(*c)));
                        continue;
                    }
                    let last = !parts[i + 1..].iter().any(|p| p.is_named());
                    let before = self.facts.commands.len();
                    match kind(*c) {
                        "command" => self.command(*c, depth + 1, captured, false, !last),
                        _ => {
                            self.walk(*c, depth + 1, captured);
                            if !last {
                                for cmd in &mut self.facts.commands[before..] {
                                    cmd.piped = true;
                                }
                            }
                        }
                    }
                    if self.facts.commands.len() > before {
                        indices.push(before);
                    }
                }
                if indices.len() > 1 && self.facts.commands.len() > start {
                    self.facts.pipelines.push(indices);
                }
                return;
            }
            "command_substitution" | "process_substitution" => {
                self.walk_kids(n, depth, true);
                return;
            }
            "declaration_command" => {
                let kids = self.kids(n);
                let keyword = kids.first().map(|k| self.src(*k)).unwrap_or_default();
                for k in &kids[1..] {
                    if kind(*k) == "variable_name" {
                        self.facts.assigned.push(self.src(*k).into());
                    }
                }
                if matches!(keyword, "declare" | "local" | "typeset") {
                    for k in &kids[1..] {
                        let t = self.src(*k);
                        if let Some(opts) = t.strip_prefix('-') {
                            if opts.contains('A') {
                                self.facts
                                    .constructs
                                    .push((Construct::AssocArray, self.range(*k)));
                            }
                            if opts.contains('n') {
                                self.facts
                                    .constructs
                                    .push((Construct::Nameref, self.range(*k)));
                            }
                            if opts.contains('l') || opts.contains('u') {
                                self.facts
                                    .constructs
                                    .push((Construct::CaseAttribute, self.range(*k)));
                            }
                        }
                    }
                }
            }
            "expansion" => {
                if let Some(v) = self.kid_of_kind(n, "variable_name") {
                    self.facts.used.push((self.src(v).into(), self.range(v)));
                }
                let t = self.src(n);
                if crate::regex!(r"^\$\{[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?(,,?|\^\^?|~~?)\}$")
                    .is_match(t)
                {
                    self.facts
                        .constructs
                        .push((Construct::CaseModification, self.range(n)));
                } else if crate::regex!(r"^\$\{[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?@[QEPAaKkUuL]\}$")
                    .is_match(t)
                {
                    self.facts
                        .constructs
                        .push((Construct::Transformation, self.range(n)));
                } else if crate::regex!(r"^\$\{[A-Za-z_][A-Za-z0-9_]*\[\s*-\s*[0-9]").is_match(t) {
                    self.facts
                        .constructs
                        .push((Construct::NegativeSubscript, self.range(n)));
                }
            }
            "ERROR" => {
                // The grammar does not know `${v~}`; bash 4 does.
                let t = self.src(n);
                for m in crate::regex!(r"\$\{[A-Za-z_][A-Za-z0-9_]*~~?\}").find_iter(t) {
                    let s = self.base + n.start_byte() + m.start();
                    self.facts
                        .constructs
                        .push((Construct::CaseModification, (s, s + m.len())));
                }
            }
            "test_command" if crate::regex!(r"^\[\[\s+-v\s").is_match(self.src(n)) => {
                self.facts
                    .constructs
                    .push((Construct::TestV, self.range(n)));
            }
            "case_item" => {
                let t = self.src(n).trim_end();
                if t.ends_with(";&") || t.ends_with(";;&") {
                    self.facts
                        .constructs
                        .push((Construct::CaseFallthrough, self.range(n)));
                }
            }
            "for_statement" => {
                if let Some(v) = n.child_by_field_name("variable") {
                    self.facts.assigned.push(self.src(v).into());
                }
                for (i, c) in self.kids(n).into_iter().enumerate() {
                    let field = n.field_name_for_child(i as u32);
                    if field == Some("value")
                        && matches!(
                            kind(c),
                            "command_substitution" | "simple_expansion" | "expansion"
                        )
                    {
                        let t = self.src(c);
                        if !t.contains("[@]") || kind(c) != "expansion" {
                            self.facts.split_loops.push((self.range(c), t.to_string()));
                        }
                    }
                }
            }
            _ => {}
        }
        self.walk_kids(n, depth, captured);
    }

    fn word(&mut self, n: Node<'t>) -> RawArg {
        let kind = match kind(n) {
            "string" | "raw_string" | "ansi_c_string" | "translated_string" => WordKind::Quoted,
            "simple_expansion" | "expansion" | "command_substitution" => WordKind::Unquoted,
            "concatenation" => WordKind::Mixed,
            _ => WordKind::Literal,
        };
        let mut vars = Vec::new();
        self.collect_vars(n, false, &mut vars);
        RawArg {
            raw: self.src(n).into(),
            range: self.range(n),
            kind,
            vars: vars.into_boxed_slice(),
        }
    }

    fn command(
        &mut self,
        n: Node<'t>,
        depth: usize,
        captured: bool,
        redirected: bool,
        piped: bool,
    ) {
        let mut assignments = Vec::new();
        let mut words: Vec<RawArg> = Vec::new();
        let kids = self.push_kids(n);
        for i in kids.clone() {
            let c = self.stack[i];
            match kind(c) {
                "variable_assignment" => {
                    if let Some(name) = c.child_by_field_name("name") {
                        assignments.push(self.src(name).into());
                    }
                    self.walk(c, depth + 1, captured);
                }
                "command_name" => words.push(self.word(c)),
                "file_redirect" | "heredoc_redirect" | "herestring_redirect" => {
                    self.walk(c, depth + 1, captured)
                }
                "comment" => self.walk(c, depth + 1, captured),
                _ if c.is_named() => {
                    words.push(self.word(c));
                    // Substitutions inside arguments hold commands too.
                    self.walk(c, depth + 1, captured);
                }
                _ => {}
            }
        }
        self.stack.truncate(kids.start);
        let mut wrappers = Vec::new();
        let mut i = 0;
        // Peel wrappers: `sudo -u x env A=b timeout 5 kubectl …`.
        while let Some(w) = words.get(i) {
            let name: CompactString = w.raw.rsplit('/').next().unwrap_or(&w.raw).into();
            if name == "bash" || name == "sh" || name == "zsh" {
                // `bash -c 'cmd'`: the string is shell too.
                if let Some(ci) = words[i + 1..].iter().position(|a| a.raw == "-c")
                    && let Some(script) = words.get(i + 1 + ci + 1)
                {
                    self.nested(script, depth, captured);
                }
                break;
            }
            if !WRAPPERS.contains(&name.as_str()) {
                break;
            }
            wrappers.push(name.clone());
            i += 1;
            let values = wrapper_value_opts(&name);
            while let Some(a) = words.get(i) {
                let r = a.raw.as_str();
                if name == "env" && crate::regex!(r"^[A-Za-z_][A-Za-z0-9_]*=").is_match(r) {
                    assignments.push(r.split('=').next().unwrap_or("").into());
                    i += 1;
                } else if r == "--" {
                    i += 1;
                    break;
                } else if r.starts_with('-') && r.len() > 1 {
                    i += if values.contains(&r) { 2 } else { 1 };
                } else {
                    break;
                }
            }
            if name == "timeout"
                && words
                    .get(i)
                    .is_some_and(|a| a.raw.chars().next().is_some_and(|c| c.is_ascii_digit()))
            {
                i += 1;
            }
            if name == "watch" {
                // `watch "kubectl get pods"`: one string holding the command.
                if words.len() == i + 1 && words[i].kind == WordKind::Quoted {
                    let script = &words[i];
                    self.nested(script, depth, captured);
                    return;
                }
            }
        }
        let Some(name_word) = words.get(i) else {
            return;
        };
        let name = name_word.raw.trim_matches(['"', '\'']);
        if name == "set"
            && words[i + 1..].iter().any(|a| {
                a.raw == "-x"
                    || a.raw == "xtrace"
                    || (a.raw.starts_with('-') && !a.raw.starts_with("--") && a.raw.contains('x'))
            })
        {
            self.facts.xtrace.push(self.range(n));
        }
        let bare: CompactString = name.rsplit('/').next().unwrap_or(name).into();
        if bare == "read" || bare == "mapfile" || bare == "readarray" {
            let mut skip = false;
            for a in &words[i + 1..] {
                if skip {
                    skip = false;
                    continue;
                }
                if a.raw.starts_with('-') {
                    skip = matches!(
                        a.raw.as_str(),
                        "-p" | "-d" | "-n" | "-N" | "-t" | "-u" | "-C" | "-c" | "-s"
                    );
                    continue;
                }
                self.facts.assigned.push(a.raw.clone());
            }
        }
        match bare.as_str() {
            "mapfile" | "readarray" => self
                .facts
                .constructs
                .push((Construct::Mapfile, name_word.range)),
            "coproc" => self
                .facts
                .constructs
                .push((Construct::Coproc, name_word.range)),
            "shopt" if words[i + 1..].iter().any(|a| a.raw == "globstar") => {
                self.facts
                    .constructs
                    .push((Construct::Globstar, self.range(n)));
            }
            "wait" if words[i + 1..].iter().any(|a| a.raw == "-n") => {
                self.facts
                    .constructs
                    .push((Construct::WaitN, self.range(n)));
            }
            _ => {}
        }
        let name_range = name_word.range;
        let args: Vec<RawArg> = words.drain(i + 1..).collect();
        self.facts.commands.push(RawCommand {
            name: bare,
            name_range,
            args,
            assignments,
            wrappers,
            range: self.range(n),
            captured,
            redirected,
            piped,
        });
    }

    /// Parse the content of a quoted word as shell (for `bash -c`, `watch`).
    fn nested(&mut self, word: &RawArg, depth: usize, captured: bool) {
        let (s, e) = word.range;
        let (ls, le) = (s - self.base, e - self.base);
        let Some(raw) = self.text.get(ls..le) else {
            return;
        };
        let quote = raw.chars().next();
        if !matches!(quote, Some('"') | Some('\'')) || raw.len() < 2 {
            return;
        }
        let inner_start = ls + 1;
        let inner = &self.text[inner_start..le - 1];
        let base = self.base + inner_start;
        let tree = with_parser(|p| p.parse(inner, None)).flatten();
        if let Some(tree) = tree {
            let root = tree.root_node();
            let mut w = Walker {
                text: inner,
                base,
                facts: self.facts,
                cursor: root.walk(),
                stack: Vec::new(),
            };
            w.walk(root, depth + 1, captured);
        }
    }
}

/// The kind of `n`, from a table by kind id. `Node::kind` asks the C library
/// for the name and checks its UTF-8 on every call, and the walk asks at
/// every node. A public kind id names the same kind as the node's own
/// (possibly aliased) symbol; ids outside the table (`ERROR`) ask the node.
fn kind<'t>(n: Node<'t>) -> &'t str {
    static KINDS: std::sync::LazyLock<Box<[Box<str>]>> = std::sync::LazyLock::new(|| {
        let lang: tree_sitter::Language = tree_sitter_bash::LANGUAGE.into();
        (0..lang.node_kind_count())
            .map(|id| {
                u16::try_from(id)
                    .ok()
                    .and_then(|id| lang.node_kind_for_id(id))
                    .unwrap_or("")
                    .into()
            })
            .collect()
    });
    match KINDS.get(usize::from(n.kind_id())) {
        Some(k) if !k.is_empty() => k,
        _ => n.kind(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_table_names_every_node_as_the_node_does() {
        // Aliased nodes, anonymous tokens, missing nodes and ERROR among them.
        let text = "declare -A m=([a]=1)\nx=${v,,} | cat |& tee\n[[ -v x ]] && echo \"$y\"\nif then fi\ncase $a in x) ;& esac\n";
        let tree = with_parser(|p| p.parse(text, None))
            .flatten()
            .expect("parses");
        let mut cursor = tree.walk();
        let mut seen = 0;
        loop {
            let n = cursor.node();
            assert_eq!(kind(n), n.kind(), "node {n:?}");
            seen += 1;
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    assert!(seen > 40 && tree.root_node().has_error());
                    return;
                }
            }
        }
    }

    #[test]
    fn function_definitions_are_facts() {
        let b = parse_script(
            "api_get() { curl \"$1\"; }\nfunction api_post {\n  curl -X POST \"$1\"\n}\napi_get /x\n",
            0,
        );
        assert_eq!(b.functions, ["api_get", "api_post"]);
        assert!(b.commands.iter().any(|c| c.name == "api_get"));
    }

    #[test]
    fn a_repeated_text_gets_the_spans_of_each_place_it_occurs() {
        // The second parse of each text comes from the memo; its facts must
        // be placed where that copy is, not where the first one was.
        for text in [
            "kubectl get pods -n \"$NS\" | grep x\nfor f in $(ls); do echo $f; done\n",
            "echo ok\nif then fi\n",
        ] {
            let first = parse_script(text, 0);
            let second = parse_script(text, 1000);
            let shift = |s: Span| Span::new(s.start as usize + 1000, s.end as usize + 1000);
            assert_eq!(second.commands.len(), first.commands.len());
            for (a, b) in first.commands.iter().zip(&second.commands) {
                assert_eq!(b.span, shift(a.span), "{text:?}");
                assert_eq!(b.name_span, shift(a.name_span));
                for (x, y) in a.args.iter().zip(b.args.iter()) {
                    assert_eq!(y.span, shift(x.span));
                }
            }
            assert_eq!(
                second.syntax_error.as_ref().map(|(s, m)| (*s, m.clone())),
                first
                    .syntax_error
                    .as_ref()
                    .map(|(s, m)| (shift(*s), m.clone()))
            );
            let spans = |b: &ShellBlock| -> Vec<Span> {
                b.used
                    .iter()
                    .map(|u| u.1)
                    .chain(b.split_loops.iter().map(|l| l.span))
                    .collect()
            };
            assert_eq!(
                spans(&second),
                spans(&first).into_iter().map(shift).collect::<Vec<_>>()
            );
        }
        assert!(
            parse_script("echo ok\nif then fi\n", 0)
                .syntax_error
                .is_some()
        );
    }

    #[test]
    fn scripts_take_their_dialect_from_the_shebang() {
        for (script, dialect) in [
            ("#!/bin/zsh\nprint -l ${(f)x}\n", Dialect::Zsh),
            ("#!/usr/bin/env zsh\n", Dialect::Zsh),
            ("#!/usr/bin/env -S zsh -f\n", Dialect::Zsh),
            ("#!/bin/sh\n", Dialect::Sh),
            ("#! /bin/dash -e\n", Dialect::Sh),
            ("#!/usr/bin/env bash\n", Dialect::Bash),
            ("#!/usr/bin/python3\n", Dialect::Bash),
            ("echo no shebang\n", Dialect::Bash),
            ("", Dialect::Bash),
        ] {
            assert_eq!(Dialect::from_shebang(script), dialect, "{script:?}");
            assert_eq!(parse_script(script, 0).dialect, dialect, "{script:?}");
        }
    }

    fn block(src: &str) -> ShellBlock {
        let pieces = vec![Piece {
            shell: 0,
            file: 0,
            len: src.len() as u32,
        }];
        parse_block(
            Origin::CodeBlock,
            Dialect::Bash,
            mask_placeholders(src),
            pieces,
            Span::new(0, src.len()),
        )
    }

    fn names(b: &ShellBlock) -> Vec<&str> {
        b.commands.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn finds_commands_everywhere() {
        let b = block(
            "sudo -u root env A=1 kubectl get po | grep x && x=$(helm list) ; watch -n 2 'kubectl top nodes'\nif timeout 5 kubectl get ns; then bash -c \"helm status foo\"; fi\nf() { kubectl \\\n  apply -f -; }\necho \"kubectl apply\" # kubectl delete\n",
        );
        let n = names(&b);
        assert_eq!(n.iter().filter(|c| **c == "kubectl").count(), 4, "{n:?}");
        assert_eq!(n.iter().filter(|c| **c == "helm").count(), 2, "{n:?}");
        let sudo = b
            .commands
            .iter()
            .find(|c| c.wrappers.iter().any(|w| w == "sudo"))
            .unwrap();
        assert_eq!(sudo.assignments[..], ["A"]);
        assert!(b.commands.iter().any(|c| c.name == "helm" && c.captured));
        assert_eq!(b.comments.len(), 1);
        assert!(b.syntax_error.is_none());
    }

    #[test]
    fn placeholders_are_words() {
        let b = block("kubectl --context <CTX> get pods -n <your-namespace>\ncat <<EOF\nx\nEOF\n");
        assert!(b.syntax_error.is_none(), "{:?}", b.syntax_error);
        assert_eq!(b.commands[0].args.len(), 6);
    }

    #[test]
    fn constructs_and_loops() {
        let b = block(
            "declare -A m\nmapfile -t a < f\necho ${v,,} ${a[-1]} ${v@Q}\nfoo |& tee x\nls &>> log\nfor n in $NODES; do :; done\nfor n in \"${arr[@]}\"; do :; done\n",
        );
        let kinds: Vec<Construct> = b.constructs.iter().map(|(c, _)| *c).collect();
        for k in [
            Construct::AssocArray,
            Construct::Mapfile,
            Construct::CaseModification,
            Construct::NegativeSubscript,
            Construct::Transformation,
            Construct::PipeBoth,
            Construct::AppendBoth,
        ] {
            assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
        }
        assert_eq!(b.split_loops.len(), 1);
    }

    #[test]
    fn bash_accepts_what_tree_sitter_does_not() {
        // JSON lines are words to bash.
        let b = block("{\"jsonrpc\":\"2.0\",\"id\":1}\n");
        assert!(b.syntax_error.is_none(), "{:?}", b.syntax_error);
        let b = block("echo (\n");
        let (_, msg) = b.syntax_error.expect("bash rejects it too");
        assert!(msg.contains("syntax error"), "{msg}");
    }

    #[test]
    fn mustache_and_long_placeholders_are_words() {
        let b = block("{{TEST_COMMAND}}\ncd x && <appropriate test command for $3>\n");
        assert!(b.syntax_error.is_none(), "{:?}", b.syntax_error);
    }

    #[test]
    fn assigned_and_used_variables() {
        let b = block(
            "x=1\nfor n in a; do echo \"$n $CTX ${MODE:-x}\"; done\nread -r -p 'go? ' answer\nlocal y\n",
        );
        for v in ["x", "n", "answer", "y"] {
            assert!(b.assigned.iter().any(|a| a == v), "{v}: {:?}", b.assigned);
        }
        let used: Vec<&str> = b.used.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(used, ["n", "CTX", "MODE"]);
    }

    #[test]
    fn syntax_error_is_one() {
        let b = block("if true; then\n  echo (\n");
        assert!(b.syntax_error.is_some());
    }

    #[test]
    fn console_keeps_prompt_lines() {
        let text = "$ kubectl get pods \\\n    -A\nNAME   READY\nfoo    1/1\n$ helm list\n";
        let (t, pieces) = assemble(text, &[Span::new(0, text.len())], Dialect::Console);
        assert_eq!(t, "kubectl get pods \\\n    -A\nhelm list\n");
        let b = parse_block(
            Origin::CodeBlock,
            Dialect::Console,
            t,
            pieces,
            Span::new(0, text.len()),
        );
        assert_eq!(names(&b), ["kubectl", "helm"]);
        assert_eq!(&text[b.commands[1].name_span.range()], "helm");
    }
}
