//! The walk over a tree-sitter-bash tree that records what the rules need:
//! commands (after `sudo`, `env`, `timeout`, …, inside pipelines,
//! substitutions, bodies and `bash -c` strings), pipelines, bash-4
//! constructs, word-splitting loops, comments, variables assigned and used.
//! Everything is recorded as byte ranges of the parsed text.

use super::facts::{Building, R, RawCommand, RawVar, RawWord, Stderr};
use super::{Construct, WordKind};
use tree_sitter::{Node, Parser};

/// Nesting deeper than this is not walked (the block is still checked above it).
const MAX_DEPTH: usize = 256;

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

/// A word of a command line while the command is being read.
struct W {
    range: R,
    kind: WordKind,
    vars: u32,
    var_count: u8,
}

/// A command line while the command is being read: its words (wrappers and
/// name included), the variables assigned for it (`A=b cmd`, `env A=b cmd`)
/// and the wrappers peeled off.
#[derive(Default)]
struct Line {
    words: Vec<W>,
    assignments: Vec<R>,
    wrappers: Vec<R>,
}

pub(super) struct Walker<'a, 't> {
    /// The whole text the facts are ranges of.
    pub full: &'a str,
    /// The text this walk's tree was parsed from (a `bash -c` string is a
    /// slice of `full`).
    pub text: &'a str,
    /// Offset of `text` inside `full`.
    pub base: usize,
    pub facts: &'a mut Building,
    /// For nested `bash -c` strings.
    pub parser: &'a mut Parser,
    /// One cursor for the whole walk: a cursor per node would allocate.
    pub cursor: tree_sitter::TreeCursor<'t>,
    /// Children of the nodes being walked, for the loops over them (see
    /// [`Walker::push_kids`]): one buffer for the whole walk instead of a
    /// list per node, and small stack frames for deep nesting.
    pub stack: Vec<Node<'t>>,
    /// Inside a function body or a nested shell (`bash -c '…'`): `$1` is a
    /// parameter of that, not of the script.
    pub own_params: bool,
}

fn r(s: usize, e: usize) -> R {
    (s as u32, e as u32)
}

impl<'a, 't> Walker<'a, 't> {
    fn src(&self, n: Node<'_>) -> &'a str {
        self.text.get(n.start_byte()..n.end_byte()).unwrap_or("")
    }
    fn range(&self, n: Node<'_>) -> R {
        r(self.base + n.start_byte(), self.base + n.end_byte())
    }
    /// The text of a range of `full`.
    fn at(&self, (s, e): R) -> &'a str {
        self.full.get(s as usize..e as usize).unwrap_or("")
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
    /// quoted or not, pushed on the facts' variable list.
    fn collect_vars(&mut self, n: Node<'t>, quoted: bool) {
        self.collect_vars_of(n, quoted, true);
    }

    /// [`Walker::collect_vars`]; `value`: a variable named right here
    /// expands to its value (false for the name in `${#v}` and `${v:+x}`).
    fn collect_vars_of(&mut self, n: Node<'t>, quoted: bool, value: bool) {
        match kind(n) {
            "variable_name" => {
                let name = self.range(n);
                self.facts.vars.push(RawVar {
                    name,
                    unquoted: !quoted,
                    value,
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
        // `${#v}` is a length and `${v:+x}` / `${v+x}` a text of their own:
        // neither yields the value of `v` (what `x` expands stays counted).
        let own = kind(n) != "expansion" || yields_value(self.src(n));
        let kids = self.push_kids(n);
        for i in kids.clone() {
            let c = self.stack[i];
            self.collect_vars_of(c, q, own);
        }
        self.stack.truncate(kids.start);
    }

    pub(super) fn walk(&mut self, n: Node<'t>, depth: usize, captured: bool) {
        if depth > MAX_DEPTH {
            return;
        }
        // One small method per kind: their locals stay out of this frame,
        // which every level of nesting pays for.
        match kind(n) {
            "comment" => return self.comment(n),
            "command" => return self.command(n, depth, captured, false, false),
            "pipeline" => return self.pipeline(n, depth, captured),
            "command_substitution" | "process_substitution" => {
                return self.walk_kids(n, depth, true);
            }
            "redirected_statement" => return self.redirected(n, depth, captured),
            "simple_expansion" => self.simple_expansion(n),
            "variable_assignment" => self.assignment(n),
            "function_definition" => {
                self.function_definition(n);
                let outer = std::mem::replace(&mut self.own_params, true);
                self.walk_kids(n, depth, captured);
                self.own_params = outer;
                return;
            }
            "declaration_command" => self.declaration(n),
            "expansion" => self.expansion(n),
            "ERROR" => self.error(n),
            "test_command" => self.test_command(n),
            "case_item" => self.case_item(n),
            "for_statement" => self.for_loop(n),
            _ => {}
        }
        self.walk_kids(n, depth, captured);
    }

    fn comment(&mut self, n: Node<'t>) {
        let range = self.range(n);
        self.facts.comments.push(range);
    }

    /// `$v`: a variable used; `$1`: a positional parameter.
    fn simple_expansion(&mut self, n: Node<'t>) {
        if let Some(v) = self.kid_of_kind(n, "variable_name") {
            let range = self.range(v);
            self.facts.used.push(range);
        }
        let t = self.src(n);
        let word_after = self
            .full
            .as_bytes()
            .get(self.base + n.end_byte())
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if t.len() > 1 && t[1..].bytes().all(|b| b.is_ascii_digit()) && !word_after {
            let range = self.range(n);
            self.facts.positionals.push((range, self.own_params));
        }
    }

    /// `v=x`: a variable assigned.
    fn assignment(&mut self, n: Node<'t>) {
        if let Some(name) = n.child_by_field_name("name") {
            let range = self.range(name);
            self.facts.assigned.push(range);
        }
    }

    /// `f() { … }`: a function defined.
    fn function_definition(&mut self, n: Node<'t>) {
        if let Some(name) = n.child_by_field_name("name") {
            let range = self.range(name);
            self.facts.functions.push(range);
        }
    }

    /// A statement with redirections: `&>>`, and a command whose standard
    /// output goes to a file.
    fn redirected(&mut self, n: Node<'t>, depth: usize, captured: bool) {
        let kids = self.kids(n);
        let stdout_redirect = kids.iter().any(|c| {
            kind(*c) == "file_redirect" && {
                let t = self.src(*c);
                let to_null = t.contains("/dev/null") || t.contains("&2") || t.starts_with("2>");
                (t.starts_with('>') || t.starts_with("1>") || t.starts_with("&>")) && !to_null
                    || t.starts_with(">>")
                    || t.starts_with("&>>")
            }
        });
        for &c in &kids {
            if kind(c) == "file_redirect" && self.src(c).starts_with("&>>") {
                let range = self.range(c);
                self.facts.constructs.push((Construct::AppendBoth, range));
            }
        }
        let stderr = self.stderr_after(&kids);
        match n.child_by_field_name("body") {
            Some(body) if kind(body) == "command" => {
                self.command(body, depth + 1, captured, stdout_redirect, false);
                let range = self.range(body);
                if let Some(c) = self.facts.commands.last_mut()
                    && c.range == range
                {
                    c.stderr = stderr;
                }
                for c in kids {
                    if c.id() != body.id() {
                        self.walk(c, depth + 1, captured);
                    }
                }
            }
            _ => {
                drop(kids);
                self.walk_kids(n, depth, captured);
            }
        }
    }

    /// Where standard error goes after the redirections among `kids`,
    /// applied in order (`>f 2>&1` sends both to `f`; `2>&1 >f` sends
    /// standard error where standard output went before).
    fn stderr_after(&self, kids: &[Node<'t>]) -> Stderr {
        #[derive(Clone, Copy, PartialEq)]
        enum To {
            Out,
            Err,
            Null,
            File,
        }
        let (mut out, mut err) = (To::Out, To::Err);
        let re = crate::regex!(r"^(&>>?|[0-9]*(?:>&|>>|>\||>))\s*(\S*)");
        for c in kids.iter().filter(|c| kind(**c) == "file_redirect") {
            let Some(m) = re.captures(self.src(*c)) else {
                continue;
            };
            let (op, target) = (&m[1], &m[2]);
            let bare = op.trim_start_matches(|ch: char| ch.is_ascii_digit());
            let fd_no = &op[..op.len() - bare.len()];
            let to = match target {
                "/dev/null" => To::Null,
                "1" if bare == ">&" => out,
                "2" if bare == ">&" => err,
                _ => To::File,
            };
            match (op, fd_no) {
                ("&>" | "&>>", _) | (">&", "") if to == To::File || to == To::Null => {
                    (out, err) = (to, to);
                }
                (_, "2") => err = to,
                (_, "" | "1") => out = to,
                _ => {}
            }
        }
        match err {
            To::Err => Stderr::Terminal,
            To::Out => Stderr::Stdout,
            To::Null => Stderr::Discarded,
            To::File => Stderr::File,
        }
    }

    /// `a | b`: every command but the last is piped; `|&`; a pipeline of
    /// two commands or more.
    fn pipeline(&mut self, n: Node<'t>, depth: usize, captured: bool) {
        let start = self.facts.commands.len();
        let parts = self.kids(n);
        let mut indices = Vec::new();
        // Where the commands of the part before the current one start.
        let mut previous = start;
        for (i, c) in parts.iter().enumerate() {
            if kind(*c) == "|&" {
                let range = self.range(*c);
                self.facts.constructs.push((Construct::PipeBoth, range));
                // Its standard error goes down the pipe too.
                for cmd in &mut self.facts.commands[previous..] {
                    if cmd.stderr == Stderr::Terminal {
                        cmd.stderr = Stderr::Stdout;
                    }
                }
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
                indices.push(before as u32);
            }
            if c.is_named() {
                previous = before;
            }
        }
        if indices.len() > 1 && self.facts.commands.len() > start {
            let from = self.facts.pipeline_members.len() as u32;
            self.facts.pipeline_members.extend(indices);
            let to = self.facts.pipeline_members.len() as u32;
            self.facts.pipelines.push((from, to));
        }
    }

    /// `declare`, `local`, `export`, …: the variables assigned, and the
    /// bash-4 attributes (`-A`, `-n`, `-l`, `-u`).
    fn declaration(&mut self, n: Node<'t>) {
        let kids = self.kids(n);
        let keyword = kids.first().map(|k| self.src(*k)).unwrap_or_default();
        for k in &kids[1..] {
            if kind(*k) == "variable_name" {
                let range = self.range(*k);
                self.facts.assigned.push(range);
            }
        }
        if !matches!(keyword, "declare" | "local" | "typeset") {
            return;
        }
        for k in &kids[1..] {
            let t = self.src(*k);
            if let Some(opts) = t.strip_prefix('-') {
                let range = self.range(*k);
                if opts.contains('A') {
                    self.facts.constructs.push((Construct::AssocArray, range));
                }
                if opts.contains('n') {
                    self.facts.constructs.push((Construct::Nameref, range));
                }
                if opts.contains('l') || opts.contains('u') {
                    self.facts
                        .constructs
                        .push((Construct::CaseAttribute, range));
                }
            }
        }
    }

    /// `${…}`: the variable used, and the bash-4 forms (`${v,,}`, `${v@Q}`,
    /// `${a[-1]}`).
    fn expansion(&mut self, n: Node<'t>) {
        if let Some(v) = self.kid_of_kind(n, "variable_name") {
            let range = self.range(v);
            self.facts.used.push(range);
        }
        let t = self.src(n);
        let range = self.range(n);
        if crate::regex!(r"^\$\{[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?(,,?|\^\^?|~~?)\}$").is_match(t)
        {
            self.facts
                .constructs
                .push((Construct::CaseModification, range));
        } else if crate::regex!(r"^\$\{[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?@[QEPAaKkUuL]\}$")
            .is_match(t)
        {
            self.facts
                .constructs
                .push((Construct::Transformation, range));
        } else if crate::regex!(r"^\$\{[A-Za-z_][A-Za-z0-9_]*\[\s*-\s*[0-9]").is_match(t) {
            self.facts
                .constructs
                .push((Construct::NegativeSubscript, range));
        }
    }

    /// Text the grammar could not parse.
    fn error(&mut self, n: Node<'t>) {
        // The grammar does not know `${v~}`; bash 4 does.
        let t = self.src(n);
        for m in crate::regex!(r"\$\{[A-Za-z_][A-Za-z0-9_]*~~?\}").find_iter(t) {
            let s = self.base + n.start_byte() + m.start();
            self.facts
                .constructs
                .push((Construct::CaseModification, r(s, s + m.len())));
        }
    }

    /// `[[ -v name ]]`.
    fn test_command(&mut self, n: Node<'t>) {
        if crate::regex!(r"^\[\[\s+-v\s").is_match(self.src(n)) {
            let range = self.range(n);
            self.facts.constructs.push((Construct::TestV, range));
        }
    }

    /// A `case` branch ending in `;&` or `;;&` (bash 4).
    fn case_item(&mut self, n: Node<'t>) {
        let t = self.src(n).trim_end();
        if t.ends_with(";&") || t.ends_with(";;&") {
            let range = self.range(n);
            self.facts
                .constructs
                .push((Construct::CaseFallthrough, range));
        }
    }

    /// `for v in …`: the variable assigned, and values split on words
    /// (`$(…)`, `$v`, `${v}`; not `${a[@]}`).
    fn for_loop(&mut self, n: Node<'t>) {
        if let Some(v) = n.child_by_field_name("variable") {
            let range = self.range(v);
            self.facts.assigned.push(range);
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
                    let range = self.range(c);
                    self.facts.split_loops.push(range);
                }
            }
        }
    }

    fn word(&mut self, n: Node<'t>) -> W {
        let kind = match kind(n) {
            "string" | "raw_string" | "ansi_c_string" | "translated_string" => WordKind::Quoted,
            "simple_expansion" | "expansion" | "command_substitution" => WordKind::Unquoted,
            "concatenation" => WordKind::Mixed,
            _ => WordKind::Literal,
        };
        let from = self.facts.vars.len() as u32;
        self.collect_vars(n, false);
        let to = self.facts.vars.len() as u32;
        W {
            range: self.range(n),
            kind,
            vars: from,
            var_count: u8::try_from(to - from).unwrap_or(u8::MAX),
        }
    }

    /// The range of the last `/`-separated part of the range `range`.
    fn basename(&self, (s, e): R) -> R {
        let raw = self.at((s, e));
        match raw.rfind('/') {
            Some(i) => (s + i as u32 + 1, e),
            None => (s, e),
        }
    }

    /// A simple command: read its words, peel the wrappers off, note what
    /// the builtins among them tell, and record it (but `watch` given its
    /// command as one string: that string is walked as shell instead).
    fn command(
        &mut self,
        n: Node<'t>,
        depth: usize,
        captured: bool,
        redirected: bool,
        piped: bool,
    ) {
        let mut line = Line::default();
        self.read_line(n, depth, captured, &mut line);
        let Some(i) = self.peel(&mut line, depth, captured) else {
            return;
        };
        let Some(name_word) = line.words.get(i) else {
            return;
        };
        let name_word = name_word.range;
        // The command as named: quotes and a directory stripped.
        let named = self.unquoted(name_word);
        let bare = self.basename(named);
        let args = &line.words[i + 1..];
        self.note_xtrace(n, self.at(named), args);
        let bare_name = self.at(bare);
        if matches!(bare_name, "read" | "mapfile" | "readarray") {
            self.note_read(args);
        }
        self.note_bash4(n, bare_name, name_word, args);
        let args = self.push_args(line.words.drain(i + 1..));
        let (assignments, wrappers) = self.push_names(&line.assignments, &line.wrappers);
        let range = self.range(n);
        self.facts.commands.push(RawCommand {
            name: bare,
            name_word,
            args,
            assignments,
            wrappers,
            range,
            captured,
            redirected,
            piped,
            stderr: Stderr::Terminal,
        });
    }

    /// Read the words and assignments of command `n` into `line`, and walk
    /// what they hold (substitutions, redirections, assigned values).
    fn read_line(&mut self, n: Node<'t>, depth: usize, captured: bool, line: &mut Line) {
        let kids = self.push_kids(n);
        for i in kids.clone() {
            let c = self.stack[i];
            match kind(c) {
                "variable_assignment" => {
                    if let Some(name) = c.child_by_field_name("name") {
                        line.assignments.push(self.range(name));
                    }
                    self.walk(c, depth + 1, captured);
                }
                "command_name" => {
                    let w = self.word(c);
                    line.words.push(w);
                }
                "file_redirect" | "heredoc_redirect" | "herestring_redirect" => {
                    self.walk(c, depth + 1, captured)
                }
                "comment" => self.walk(c, depth + 1, captured),
                _ if c.is_named() => {
                    let w = self.word(c);
                    line.words.push(w);
                    // Substitutions inside arguments hold commands too.
                    self.walk(c, depth + 1, captured);
                }
                _ => {}
            }
        }
        self.stack.truncate(kids.start);
    }

    /// Peel the wrappers off the front of `line` (`sudo -u x env A=b
    /// timeout 5 kubectl …`): the index of the word naming the command, or
    /// `None` when `watch` was given the command as one string (walked as
    /// shell). `bash -c '…'` ends the peeling; its string is walked too.
    fn peel(&mut self, line: &mut Line, depth: usize, captured: bool) -> Option<usize> {
        let mut i = 0;
        while let Some(w) = line.words.get(i) {
            let name_range = self.basename(w.range);
            let name = self.at(name_range);
            if name == "bash" || name == "sh" || name == "zsh" {
                // `bash -c 'cmd'`: the string is shell too.
                if let Some(ci) = line.words[i + 1..]
                    .iter()
                    .position(|a| self.at(a.range) == "-c")
                    && let Some(script) = line.words.get(i + 1 + ci + 1)
                {
                    self.nested(script.range, depth, captured);
                }
                break;
            }
            if !WRAPPERS.contains(&name) {
                break;
            }
            line.wrappers.push(name_range);
            i = self.wrapper_args(name, line, i + 1);
            // `watch "kubectl get pods"`: one string holding the command.
            if name == "watch"
                && line.words.len() == i + 1
                && line.words[i].kind == WordKind::Quoted
            {
                let script = line.words[i].range;
                self.nested(script, depth, captured);
                return None;
            }
        }
        Some(i)
    }

    /// Skip the options of wrapper `name` from word `i` on (with their
    /// values; `env`'s assignments are kept in `line`), and `timeout`'s
    /// duration: the index of the word after them.
    fn wrapper_args(&self, name: &str, line: &mut Line, mut i: usize) -> usize {
        let values = wrapper_value_opts(name);
        while let Some(a) = line.words.get(i) {
            let raw = self.at(a.range);
            if name == "env" && crate::regex!(r"^[A-Za-z_][A-Za-z0-9_]*=").is_match(raw) {
                let eq = raw.find('=').unwrap_or(raw.len()) as u32;
                line.assignments.push((a.range.0, a.range.0 + eq));
                i += 1;
            } else if raw == "--" {
                i += 1;
                break;
            } else if raw.starts_with('-') && raw.len() > 1 {
                i += if values.contains(&raw) { 2 } else { 1 };
            } else {
                break;
            }
        }
        if name == "timeout"
            && line.words.get(i).is_some_and(|a| {
                self.at(a.range)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            })
        {
            i += 1;
        }
        i
    }

    /// The range of a word without the quotes around it.
    fn unquoted(&self, (s, e): R) -> R {
        let raw = self.at((s, e));
        let lead = (raw.len() - raw.trim_start_matches(['"', '\'']).len()) as u32;
        let trail = (raw.len() - raw.trim_end_matches(['"', '\'']).len()) as u32;
        if lead + trail >= e - s {
            (s, s)
        } else {
            (s + lead, e - trail)
        }
    }

    /// `set -x` (`-ex`, `-o xtrace`, …): command `n`, named `name`, traces.
    fn note_xtrace(&mut self, n: Node<'t>, name: &str, args: &[W]) {
        if name == "set"
            && args.iter().any(|a| {
                let a = self.at(a.range);
                a == "-x"
                    || a == "xtrace"
                    || (a.starts_with('-') && !a.starts_with("--") && a.contains('x'))
            })
        {
            let range = self.range(n);
            self.facts.xtrace.push(range);
        }
    }

    /// The variables `read`, `mapfile` or `readarray` assign: its arguments
    /// but options and their values.
    fn note_read(&mut self, args: &[W]) {
        let mut skip = false;
        for a in args {
            if skip {
                skip = false;
                continue;
            }
            let raw = self.at(a.range);
            if raw.starts_with('-') {
                skip = matches!(
                    raw,
                    "-p" | "-d" | "-n" | "-N" | "-t" | "-u" | "-C" | "-c" | "-s"
                );
                continue;
            }
            self.facts.assigned.push(a.range);
        }
    }

    /// Bash-4 builtins and options: `mapfile`, `coproc`, `shopt globstar`,
    /// `wait -n` (command `n`, named `bare`, its name at `name_word`).
    fn note_bash4(&mut self, n: Node<'t>, bare: &str, name_word: R, args: &[W]) {
        let has = |flag: &str| args.iter().any(|a| self.at(a.range) == flag);
        let construct = match bare {
            "mapfile" | "readarray" => Some((Construct::Mapfile, name_word)),
            "coproc" => Some((Construct::Coproc, name_word)),
            "shopt" if has("globstar") => Some((Construct::Globstar, self.range(n))),
            "wait" if has("-n") => Some((Construct::WaitN, self.range(n))),
            _ => None,
        };
        if let Some(c) = construct {
            self.facts.constructs.push(c);
        }
    }

    /// Record a command's arguments: their range in the facts' words.
    fn push_args(&mut self, args: std::vec::Drain<'_, W>) -> R {
        let from = self.facts.words.len() as u32;
        self.facts.words.extend(args.map(|w| RawWord {
            range: w.range,
            kind: w.kind,
            vars: w.vars,
            var_count: w.var_count,
        }));
        (from, self.facts.words.len() as u32)
    }

    /// Record a command's assignments and wrappers: their ranges in the
    /// facts' names.
    fn push_names(&mut self, assignments: &[R], wrappers: &[R]) -> (R, R) {
        let from = self.facts.names.len() as u32;
        self.facts.names.extend_from_slice(assignments);
        let mid = self.facts.names.len() as u32;
        self.facts.names.extend_from_slice(wrappers);
        ((from, mid), (mid, self.facts.names.len() as u32))
    }

    /// Parse the content of a quoted word as shell (for `bash -c`, `watch`).
    fn nested(&mut self, word: R, depth: usize, captured: bool) {
        let (s, e) = (word.0 as usize, word.1 as usize);
        let Some(raw) = self.full.get(s..e) else {
            return;
        };
        let quote = raw.chars().next();
        if !matches!(quote, Some('"') | Some('\'')) || raw.len() < 2 {
            return;
        }
        let inner_start = s + 1;
        let inner = &self.full[inner_start..e - 1];
        let Some(tree) = super::parser::parse_ascii(self.parser, inner) else {
            return;
        };
        let root = tree.root_node();
        let mut w = Walker {
            full: self.full,
            text: inner,
            base: inner_start,
            facts: &mut *self.facts,
            parser: &mut *self.parser,
            cursor: root.walk(),
            stack: Vec::new(),
            own_params: true,
        };
        w.walk(root, depth + 1, captured);
    }
}

/// Whether the expansion `${…}` written `text` yields the value of the
/// variable it names: not a length (`${#v}`) nor an alternate text
/// (`${v:+x}`, `${v+x}`).
fn yields_value(text: &str) -> bool {
    !crate::regex!(r"^\$\{(?:#[A-Za-z_0-9@*]|[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?:?\+)")
        .is_match(text)
}

/// The kind of `n`, from a table by kind id. `Node::kind` asks the C library
/// for the name and checks its UTF-8 on every call, and the walk asks at
/// every node. A public kind id names the same kind as the node's own
/// (possibly aliased) symbol; ids outside the table (`ERROR`) ask the node.
pub(super) fn kind<'t>(n: Node<'t>) -> &'t str {
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
