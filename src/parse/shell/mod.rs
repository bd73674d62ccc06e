//! Shell code: extraction from fenced blocks (with a byte map back into the
//! markdown file), placeholder masking, parsing with tree-sitter-bash, and
//! the facts rules need — commands (after `sudo`, `env`, `timeout`, …,
//! inside pipelines, substitutions, bodies and `bash -c` strings),
//! pipelines, bash-4 constructs, word-splitting loops, comments and the
//! first syntax error.
//!
//! Facts are kept as byte ranges of the parsed text, shared by every block
//! with the same text; a [`ShellBlock`] maps them into its file when asked,
//! so every span a rule sees is file-absolute.

mod extract;
mod facts;
mod parser;
pub mod policy;
mod walk;

pub use extract::{assemble, mask_placeholders};
pub use parser::{BashN, ShellParser, SyntaxCheck};

use crate::source::Span;
pub use facts::Stderr;
use facts::{Facts, R, RawCommand, RawVar, RawWord};
use std::sync::Arc;

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
            // ```! blocks: Claude Code runs them when the skill loads.
            "!" => Some(Dialect::Bash),
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

/// Whether a script's `#!` line names a shell (`#!/bin/sh`,
/// `#!/usr/bin/env bash`), not another interpreter.
pub fn names_a_shell(script: &str) -> bool {
    let Some(line) = script.lines().next().and_then(|l| l.strip_prefix("#!")) else {
        return false;
    };
    let mut words = line.split_whitespace();
    let mut program = words.next().unwrap_or("").rsplit('/').next().unwrap_or("");
    if program == "env" {
        program = words.find(|w| !w.starts_with('-')).unwrap_or("");
    }
    matches!(program, "sh" | "bash" | "dash" | "ash" | "ksh" | "zsh")
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

impl Piece {
    /// The pieces of a text whose byte `i` is written at file offset
    /// `map[i]` (`map` has one more entry, where the text ends): one per run
    /// of bytes written as they read, and an empty one at the end. A byte
    /// written as an escape (`\"` in a JSON string) ends its run: it maps
    /// to the escape's first byte, and the byte after it starts the next
    /// run.
    pub fn from_offsets(map: &[usize]) -> Vec<Piece> {
        let mut out: Vec<Piece> = Vec::new();
        let Some((&end, bytes)) = map.split_last() else {
            return out;
        };
        for (i, &at) in bytes.iter().enumerate() {
            match out.last_mut() {
                Some(p) if i > 0 && at == map[i - 1] + 1 => p.len += 1,
                _ => out.push(Piece {
                    shell: i as u32,
                    file: at as u32,
                    len: 1,
                }),
            }
        }
        out.push(Piece {
            shell: bytes.len() as u32,
            file: end as u32,
            len: 0,
        });
        out
    }
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

/// One parsed block of shell: a fenced block, a script, or a hook command.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShellBlock {
    pub origin: Origin,
    pub dialect: Dialect,
    /// The block's extent in the file.
    pub span: Span,
    /// Where the shell text lies in the file.
    pieces: Vec<Piece>,
    facts: Arc<Facts>,
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
    /// The file span of shell-text offsets `start..end`.
    pub fn file_span(&self, start: usize, end: usize) -> Span {
        span_in(&self.pieces, self.span.start as usize, start, end)
    }
    fn span_of(&self, (s, e): R) -> Span {
        self.file_span(s as usize, e as usize)
    }
    fn at(&self, r: R) -> &str {
        self.facts.at(r)
    }
    /// The shell text as parsed (console output dropped, placeholders masked).
    pub fn text(&self) -> &str {
        self.facts.text.as_str()
    }
    /// Every simple command, after wrappers are peeled off.
    pub fn commands(&self) -> impl ExactSizeIterator<Item = Command<'_>> + DoubleEndedIterator {
        self.facts
            .commands
            .iter()
            .map(move |raw| Command { block: self, raw })
    }
    /// The command at `i` (pipelines name commands by index).
    pub fn command(&self, i: usize) -> Option<Command<'_>> {
        self.facts
            .commands
            .get(i)
            .map(|raw| Command { block: self, raw })
    }
    /// Pipelines of two or more commands: indices of their commands.
    pub fn pipelines(&self) -> impl Iterator<Item = &[u32]> {
        let rare = self.facts.rare();
        rare.pipelines.iter().map(|&(s, e)| {
            rare.pipeline_members
                .get(s as usize..e as usize)
                .unwrap_or(&[])
        })
    }
    /// Constructs newer than bash 3.2, with where they are.
    pub fn constructs(&self) -> impl Iterator<Item = (Construct, Span)> {
        self.facts
            .rare()
            .constructs
            .iter()
            .map(|&(c, r)| (c, self.span_of(r)))
    }
    /// `for x in …` loops whose list is split on whitespace: where the list
    /// is, and what it says (`$(…)` or `$VAR`).
    pub fn split_loops(&self) -> impl Iterator<Item = (Span, &str)> {
        self.facts
            .rare()
            .split_loops
            .iter()
            .map(|&r| (self.span_of(r), self.at(r)))
    }
    /// `set -x` / `set -o xtrace` lines.
    pub fn xtrace(&self) -> impl Iterator<Item = Span> {
        self.facts.rare().xtrace.iter().map(|&r| self.span_of(r))
    }
    /// Comments, with their text (`# …`).
    pub fn comments(&self) -> impl Iterator<Item = (Span, &str)> {
        self.facts
            .rare()
            .comments
            .iter()
            .map(|&r| (self.span_of(r), self.at(r)))
    }
    /// The first syntax error, as bash reports it.
    pub fn syntax_error(&self) -> Option<(Span, &str)> {
        self.facts
            .rare()
            .syntax_error
            .as_ref()
            .map(|(r, m)| (self.span_of(*r), &**m))
    }
    /// Variables assigned anywhere (`x=1`, `for x`, `read x`, `local x`).
    pub fn assigned(&self) -> impl Iterator<Item = &str> {
        self.facts.assigned.iter().map(|&r| self.at(r))
    }
    /// Whether `name` is assigned anywhere.
    pub fn assigns(&self, name: &str) -> bool {
        self.assigned().any(|a| a == name)
    }
    /// Variables expanded, with where.
    pub fn used(&self) -> impl Iterator<Item = (&str, Span)> {
        self.facts
            .used
            .iter()
            .map(|&r| (self.at(r), self.span_of(r)))
    }
    /// `$1`, `$0`, … where they are expanded (not followed by a word
    /// character), and whether they are the parameters of a function or of
    /// a nested shell (`bash -c '…'`) rather than of the block itself.
    pub fn positionals(&self) -> impl Iterator<Item = (Span, bool)> {
        self.facts
            .rare()
            .positionals
            .iter()
            .map(|&(r, own)| (self.span_of(r), own))
    }
    /// Names of the functions it defines (`f() { … }`, `function f { … }`).
    pub fn functions(&self) -> impl Iterator<Item = &str> {
        self.facts.rare().functions.iter().map(|&r| self.at(r))
    }
}

/// A simple command of a block.
#[derive(Clone, Copy)]
pub struct Command<'a> {
    block: &'a ShellBlock,
    raw: &'a RawCommand,
}

impl<'a> Command<'a> {
    /// The command as named, quotes and directory stripped (`kubectl`).
    pub fn name(&self) -> &'a str {
        self.block.at(self.raw.name)
    }
    /// Where the command's name is written.
    pub fn name_span(&self) -> Span {
        self.block.span_of(self.raw.name_word)
    }
    /// The whole command.
    pub fn span(&self) -> Span {
        self.block.span_of(self.raw.range)
    }
    /// Its arguments (after the name).
    pub fn args(&self) -> Args<'a> {
        let (s, e) = self.raw.args;
        Args {
            block: self.block,
            words: self
                .block
                .facts
                .words
                .get(s as usize..e as usize)
                .unwrap_or(&[]),
        }
    }
    fn names(&self, (s, e): R) -> impl Iterator<Item = &'a str> + use<'a> {
        let block = self.block;
        block
            .facts
            .names
            .get(s as usize..e as usize)
            .unwrap_or(&[])
            .iter()
            .map(move |&r| block.at(r))
    }
    /// `VAR=value` prefixes and `env VAR=value` assignments: their names.
    pub fn assignments(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.names(self.raw.assignments)
    }
    /// Wrappers that ran it (`sudo`, `watch`, …).
    pub fn wrappers(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.names(self.raw.wrappers)
    }
    /// Inside `$(…)`, backticks or `<(…)`: its output is captured.
    pub fn captured(&self) -> bool {
        self.raw.captured
    }
    /// Its stdout goes to a file.
    pub fn redirected(&self) -> bool {
        self.raw.redirected
    }
    /// Its stdout feeds another command.
    pub fn piped(&self) -> bool {
        self.raw.piped
    }
    /// Where its standard error goes.
    pub fn stderr(&self) -> Stderr {
        self.raw.stderr
    }
}

impl std::fmt::Debug for Command<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Command")
            .field("name", &self.name())
            .field(
                "args",
                &self.args().iter().map(|a| a.raw()).collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// The arguments of a command.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    block: &'a ShellBlock,
    words: &'a [RawWord],
}

impl<'a> Args<'a> {
    pub fn len(&self) -> usize {
        self.words.len()
    }
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
    pub fn get(&self, i: usize) -> Option<Word<'a>> {
        let block = self.block;
        self.words.get(i).map(|raw| Word { block, raw })
    }
    pub fn first(&self) -> Option<Word<'a>> {
        self.get(0)
    }
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Word<'a>> + DoubleEndedIterator + use<'a> {
        let block = self.block;
        self.words.iter().map(move |raw| Word { block, raw })
    }
}

/// One word of a command line.
#[derive(Clone, Copy)]
pub struct Word<'a> {
    block: &'a ShellBlock,
    raw: &'a RawWord,
}

impl<'a> Word<'a> {
    /// The word as written (masked placeholders included).
    pub fn raw(&self) -> &'a str {
        self.block.at(self.raw.range)
    }
    pub fn span(&self) -> Span {
        self.block.span_of(self.raw.range)
    }
    /// The file span of bytes `start..end` of the word as written.
    pub fn span_within(&self, start: usize, end: usize) -> Span {
        let at = self.raw.range.0 as usize;
        self.block.file_span(at + start, at + end)
    }
    pub fn kind(&self) -> WordKind {
        self.raw.kind
    }
    fn vars(&self) -> impl Iterator<Item = (&'a str, &'a RawVar)> + use<'a> {
        let block = self.block;
        let (s, e) = (self.raw.vars, self.raw.vars + u32::from(self.raw.var_count));
        block
            .facts
            .vars
            .get(s as usize..e as usize)
            .unwrap_or(&[])
            .iter()
            .map(move |v| (block.at(v.name), v))
    }
    /// Names of the variables expanded in this word, in order.
    pub fn var_names(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.vars().map(|(n, _)| n)
    }
    /// Names of the variables whose value this word holds: not those it
    /// only measures (`${#v}`) or tests (`${v:+set}`).
    pub fn value_vars(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.vars().filter(|(_, v)| v.value).map(|(n, _)| n)
    }
    /// Names of the variables expanded unquoted in this word (subject to
    /// word splitting).
    pub fn unquoted_vars(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.vars().filter(|(_, v)| v.unquoted).map(|(n, _)| n)
    }
}

#[cfg(test)]
mod tests {
    use super::walk::kind;
    use super::*;

    /// A JSON string's value maps into the file byte for byte: escapes
    /// (`\"`, `\u00e9`) and raw UTF-8 included.
    #[test]
    fn pieces_follow_a_json_string() {
        let file = r#"{"c": "é \"x\u00e9\" && kubectl get"}"#;
        let at = file.find("\"é").unwrap();
        let end = file.rfind('"').unwrap() + 1;
        let value = "é \"x\u{e9}\" && kubectl get";
        let map = crate::parse::json::string_offsets(&file[at..end], at).unwrap();
        assert_eq!(map.len(), value.len() + 1);
        let pieces = Piece::from_offsets(&map);
        let block = ShellBlock {
            span: Span::new(at, end),
            pieces,
            ..ShellBlock::default()
        };
        for word in ["é", "x", "&&", "kubectl", "get"] {
            let i = value.find(word).unwrap();
            let span = block.file_span(i, i + word.len());
            assert_eq!(&file[span.range()], word, "{word}");
        }
        // An escape maps to the whole of it.
        let i = value.find('"').unwrap();
        assert_eq!(&file[block.file_span(i, i + 1).range()], "\\\"");
        let i = value.rfind('\u{e9}').unwrap();
        assert_eq!(&file[block.file_span(i, i + 2).range()], "\\u00e9");
        // The end of the value is the closing quote.
        assert_eq!(block.to_file(value.len()), end - 1);
    }

    fn parse_script(text: &str, base: usize) -> ShellBlock {
        script_at(&ShellParser::default(), text, base)
    }

    /// `text` as a script that starts `base` bytes into its file.
    fn script_at(parser: &ShellParser<'_>, text: &str, base: usize) -> ShellBlock {
        let file = Arc::new(format!("{}{text}", " ".repeat(base)));
        parser.script(&file, base)
    }

    #[test]
    fn the_kind_table_names_every_node_as_the_node_does() {
        // Aliased nodes, anonymous tokens, missing nodes and ERROR among them.
        let text = "declare -A m=([a]=1)\nx=${v,,} | cat |& tee\n[[ -v x ]] && echo \"$y\"\nif then fi\ncase $a in x) ;& esac\n";
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&tree_sitter_bash::LANGUAGE.into())
            .unwrap();
        let tree = parser.parse(text, None).expect("parses");
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
        assert_eq!(b.functions().collect::<Vec<_>>(), ["api_get", "api_post"]);
        assert!(b.commands().any(|c| c.name() == "api_get"));
    }

    #[test]
    fn a_repeated_text_gets_the_spans_of_each_place_it_occurs() {
        // The second parse of each text comes from the parser's memory; its
        // facts must be placed where that copy is, not where the first was.
        let parser = ShellParser::default();
        for text in [
            "kubectl get pods -n \"$NS\" | grep x\nfor f in $(ls); do echo $f; done\n",
            "echo ok\nif then fi\n",
        ] {
            let first = script_at(&parser, text, 0);
            let second = script_at(&parser, text, 1000);
            assert!(Arc::ptr_eq(&first.facts, &second.facts), "parsed once");
            let shift = |s: Span| Span::new(s.start as usize + 1000, s.end as usize + 1000);
            assert_eq!(second.commands().len(), first.commands().len());
            for (a, b) in first.commands().zip(second.commands()) {
                assert_eq!(b.span(), shift(a.span()), "{text:?}");
                assert_eq!(b.name_span(), shift(a.name_span()));
                for (x, y) in a.args().iter().zip(b.args().iter()) {
                    assert_eq!(y.span(), shift(x.span()));
                }
            }
            assert_eq!(
                second.syntax_error(),
                first.syntax_error().map(|(s, m)| (shift(s), m))
            );
            let spans = |b: &ShellBlock| -> Vec<Span> {
                b.used()
                    .map(|u| u.1)
                    .chain(b.split_loops().map(|l| l.0))
                    .collect()
            };
            assert_eq!(
                spans(&second),
                spans(&first).into_iter().map(shift).collect::<Vec<_>>()
            );
        }
        assert!(
            parse_script("echo ok\nif then fi\n", 0)
                .syntax_error()
                .is_some()
        );
    }

    /// A syntax checker that says what it is told to, and counts its calls.
    struct Double {
        verdict: Option<Result<(), (usize, String)>>,
        calls: std::sync::atomic::AtomicUsize,
    }

    impl SyntaxCheck for Double {
        fn check(&self, _: &str) -> Option<Result<(), (usize, String)>> {
            self.calls
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            self.verdict.clone()
        }
    }

    #[test]
    fn the_syntax_checker_confirms_or_overrules_tree_sitter() {
        let text = "echo ok\nif then fi\n";
        let double = |verdict| Double {
            verdict,
            calls: Default::default(),
        };
        // It accepts: no error.
        let ok = double(Some(Ok(())));
        assert_eq!(
            script_at(&ShellParser::new(&ok), text, 0).syntax_error(),
            None
        );
        // It rejects at line 2: the error is placed on that line, in its words.
        let no = double(Some(Err((2, "syntax error near `then`".into()))));
        let b = script_at(&ShellParser::new(&no), text, 0);
        let (span, message) = b.syntax_error().expect("an error");
        assert_eq!(message, "syntax error near `then`");
        assert!(span.start >= 8, "{span:?} on line 2");
        // It cannot run: tree-sitter's verdict stands.
        let gone = double(None);
        assert!(
            script_at(&ShellParser::new(&gone), text, 0)
                .syntax_error()
                .is_some()
        );
        // Text tree-sitter accepts is never sent to it, and a text seen
        // before is not checked again.
        let counted = double(Some(Ok(())));
        let parser = ShellParser::new(&counted);
        script_at(&parser, "echo fine\n", 0);
        script_at(&parser, text, 0);
        script_at(&parser, text, 50);
        assert_eq!(counted.calls.load(std::sync::atomic::Ordering::Relaxed), 1);
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
        ShellParser::default().block(
            Origin::CodeBlock,
            Dialect::Bash,
            mask_placeholders(src),
            pieces,
            Span::new(0, src.len()),
        )
    }

    fn names(b: &ShellBlock) -> Vec<&str> {
        b.commands().map(|c| c.name()).collect()
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
            .commands()
            .find(|c| c.wrappers().any(|w| w == "sudo"))
            .unwrap();
        assert_eq!(sudo.assignments().collect::<Vec<_>>(), ["A"]);
        assert!(b.commands().any(|c| c.name() == "helm" && c.captured()));
        assert_eq!(b.comments().count(), 1);
        assert!(b.syntax_error().is_none());
    }

    #[test]
    fn placeholders_are_words() {
        let b = block("kubectl --context <CTX> get pods -n <your-namespace>\ncat <<EOF\nx\nEOF\n");
        assert!(b.syntax_error().is_none(), "{:?}", b.syntax_error());
        assert_eq!(b.command(0).unwrap().args().len(), 6);
    }

    #[test]
    fn constructs_and_loops() {
        let b = block(
            "declare -A m\nmapfile -t a < f\necho ${v,,} ${a[-1]} ${v@Q}\nfoo |& tee x\nls &>> log\nfor n in $NODES; do :; done\nfor n in \"${arr[@]}\"; do :; done\n",
        );
        let kinds: Vec<Construct> = b.constructs().map(|(c, _)| c).collect();
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
        assert_eq!(b.split_loops().count(), 1);
    }

    #[test]
    fn bash_accepts_what_tree_sitter_does_not() {
        // JSON lines are words to bash.
        let b = block("{\"jsonrpc\":\"2.0\",\"id\":1}\n");
        assert!(b.syntax_error().is_none(), "{:?}", b.syntax_error());
        let b = block("echo (\n");
        let (_, msg) = b.syntax_error().expect("bash rejects it too");
        assert!(msg.contains("syntax error"), "{msg}");
    }

    #[test]
    fn mustache_and_long_placeholders_are_words() {
        let b = block("{{TEST_COMMAND}}\ncd x && <appropriate test command for $3>\n");
        assert!(b.syntax_error().is_none(), "{:?}", b.syntax_error());
    }

    #[test]
    fn assigned_and_used_variables() {
        let b = block(
            "x=1\nfor n in a; do echo \"$n $CTX ${MODE:-x}\"; done\nread -r -p 'go? ' answer\nlocal y\n",
        );
        for v in ["x", "n", "answer", "y"] {
            assert!(b.assigns(v), "{v}: {:?}", b.assigned().collect::<Vec<_>>());
        }
        let used: Vec<&str> = b.used().map(|(n, _)| n).collect();
        assert_eq!(used, ["n", "CTX", "MODE"]);
    }

    #[test]
    fn syntax_error_is_one() {
        let b = block("if true; then\n  echo (\n");
        assert!(b.syntax_error().is_some());
    }

    #[test]
    fn console_keeps_prompt_lines() {
        let text = "$ kubectl get pods \\\n    -A\nNAME   READY\nfoo    1/1\n$ helm list\n";
        let (t, pieces) = assemble(text, &[Span::new(0, text.len())], Dialect::Console);
        assert_eq!(t, "kubectl get pods \\\n    -A\nhelm list\n");
        let b = ShellParser::default().block(
            Origin::CodeBlock,
            Dialect::Console,
            t,
            pieces,
            Span::new(0, text.len()),
        );
        assert_eq!(names(&b), ["kubectl", "helm"]);
        assert_eq!(&text[b.command(1).unwrap().name_span().range()], "helm");
    }
}
