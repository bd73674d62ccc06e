//! The shell parser of a load: tree-sitter-bash, confirmed by a syntax
//! checker where tree-sitter rejects a text (it is stricter than bash in
//! places), and the facts of every text remembered for the length of the
//! parser, so a text that occurs many times is parsed once.

use super::facts::{Building, Facts, Text};
use super::walk::Walker;
use super::{Dialect, Origin, Piece, ShellBlock};
use crate::parse::markdown::CodeBlock;
use crate::source::Span;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use tree_sitter::{Node, Parser};

/// Confirms or overrules tree-sitter's syntax errors.
pub trait SyntaxCheck: Sync {
    /// What the checker says of `text`: `Some(Ok(()))` valid,
    /// `Some(Err((line, message)))` invalid at a 1-based line, `None` when the
    /// checker cannot run (tree-sitter's verdict then stands).
    fn check(&self, text: &str) -> Option<Result<(), (usize, String)>>;
}

/// `bash -n`: bash's own parser, the judge of what bash accepts.
#[derive(Debug, Default, Clone, Copy)]
pub struct BashN;

impl SyntaxCheck for BashN {
    fn check(&self, text: &str) -> Option<Result<(), (usize, String)>> {
        use std::io::Write;
        use std::process::{Command, Stdio};
        let mut child = Command::new("bash")
            .arg("-n")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .ok()?;
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(text.as_bytes());
        }
        let out = child.wait_with_output().ok()?;
        if out.status.success() {
            return Some(Ok(()));
        }
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().next().unwrap_or("syntax error");
        // `bash: line 3: syntax error near unexpected token `('`
        let re = crate::regex!(r"line (\d+): (.*)$");
        Some(Err(match re.captures(first) {
            Some(c) => (c[1].parse().unwrap_or(1), c[2].to_string()),
            None => (1, first.to_string()),
        }))
    }
}

/// Texts longer than this are not remembered: large scripts rarely repeat.
const MEMO_MAX_TEXT: usize = 16 * 1024;

/// Facts remembered by their text.
struct ByText(Arc<Facts>);

impl std::hash::Hash for ByText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.text.as_str().hash(state);
    }
}
impl PartialEq for ByText {
    fn eq(&self, other: &Self) -> bool {
        self.0.text.as_str() == other.0.text.as_str()
    }
}
impl Eq for ByText {}
impl std::borrow::Borrow<str> for ByText {
    fn borrow(&self) -> &str {
        self.0.text.as_str()
    }
}

/// Parses shell into [`ShellBlock`]s. One per load, shared by the threads
/// that parse: the facts of each text are remembered (and shared by every
/// block with that text) until the parser is dropped.
pub struct ShellParser<'c> {
    syntax: &'c dyn SyntaxCheck,
    memo: Mutex<HashSet<ByText>>,
    /// tree-sitter parsers, one per thread that is parsing at a time.
    parsers: Mutex<Vec<Parser>>,
}

impl Default for ShellParser<'static> {
    fn default() -> Self {
        ShellParser::new(&BashN)
    }
}

impl<'c> ShellParser<'c> {
    pub fn new(syntax: &'c dyn SyntaxCheck) -> Self {
        ShellParser {
            syntax,
            memo: Mutex::new(HashSet::new()),
            parsers: Mutex::new(Vec::new()),
        }
    }

    /// Parse `text` (its pieces map it into the file, `span` is the block's
    /// extent there).
    pub fn block(
        &self,
        origin: Origin,
        dialect: Dialect,
        text: String,
        pieces: Vec<Piece>,
        span: Span,
    ) -> ShellBlock {
        self.block_in(origin, dialect, text, pieces, span, None)
    }

    /// [`ShellParser::block`] for text that may be a plain slice of `file`:
    /// then the facts keep that slice instead of a copy.
    fn block_in(
        &self,
        origin: Origin,
        dialect: Dialect,
        text: String,
        pieces: Vec<Piece>,
        span: Span,
        file: Option<&Arc<String>>,
    ) -> ShellBlock {
        let slice = file.and_then(|f| plain_slice(f, &text, &pieces));
        let facts = self.facts(text, slice);
        let mut pieces = pieces;
        pieces.shrink_to_fit();
        ShellBlock {
            origin,
            dialect,
            span,
            pieces,
            facts,
        }
    }

    /// Parse a fenced block of `file_text` when its language is shell: the
    /// fence names the dialect, unless the block opens with a `#!` line,
    /// which names it better.
    pub fn code_block(&self, file_text: &Arc<String>, b: &CodeBlock) -> Option<ShellBlock> {
        let dialect = Dialect::from_lang(&b.lang)?;
        let (t, pieces) = super::assemble(file_text, &b.content, dialect);
        let dialect = if t.starts_with("#!") {
            Dialect::from_shebang(&t)
        } else {
            dialect
        };
        Some(self.block_in(
            Origin::CodeBlock,
            dialect,
            t,
            pieces,
            b.span,
            Some(file_text),
        ))
    }

    /// Parse a whole script file, past the first `base` bytes (a byte
    /// order mark).
    pub fn script(&self, file: &Arc<String>, base: usize) -> ShellBlock {
        let text = file.get(base..).unwrap_or("");
        let pieces = vec![Piece {
            shell: 0,
            file: base as u32,
            len: text.len() as u32,
        }];
        self.block_in(
            Origin::Script,
            Dialect::from_shebang(text),
            super::mask_placeholders(text),
            pieces,
            Span::new(base, base + text.len()),
            Some(file),
        )
    }

    /// The facts of `text`, parsed or remembered; `slice`: where `text`
    /// lies in its file, when it is a plain slice of it.
    fn facts(&self, text: String, slice: Option<(Arc<String>, u32, u32)>) -> Arc<Facts> {
        if text.len() > MEMO_MAX_TEXT {
            return Arc::new(self.parse(text, slice));
        }
        if let Some(f) = self
            .memo
            .lock()
            .ok()
            .and_then(|m| m.get(text.as_str()).map(|b| b.0.clone()))
        {
            return f;
        }
        let facts = Arc::new(self.parse(text, slice));
        if let Ok(mut m) = self.memo.lock() {
            m.insert(ByText(facts.clone()));
        }
        facts
    }

    /// A tree-sitter parser for this thread's turn, returned when done.
    fn with_parser<T>(&self, f: impl FnOnce(&mut Parser) -> T) -> Option<T> {
        let taken = self.parsers.lock().ok().and_then(|mut p| p.pop());
        let mut parser = match taken {
            Some(p) => p,
            None => {
                let mut p = Parser::new();
                p.set_language(&tree_sitter_bash::LANGUAGE.into()).ok()?;
                p
            }
        };
        let out = f(&mut parser);
        if let Ok(mut p) = self.parsers.lock() {
            p.push(parser);
        }
        Some(out)
    }

    /// What parsing `text` tells, in shell-text offsets.
    fn parse(&self, text: String, slice: Option<(Arc<String>, u32, u32)>) -> Facts {
        let mut facts = Building::default();
        let mut syntax_error = None;
        let text = text.into_boxed_str();
        self.with_parser(|parser| {
            let Some(tree) = parse_ascii(parser, &text) else {
                return;
            };
            let root = tree.root_node();
            syntax_error = self
                .confirmed_error(root, &text)
                .map(|((s, e), m)| ((s as u32, e as u32), m.into_boxed_str()));
            let mut w = Walker {
                full: &text,
                text: &text,
                base: 0,
                facts: &mut facts,
                parser,
                cursor: root.walk(),
                stack: Vec::new(),
                own_params: false,
            };
            w.walk(root, 0, false);
        });
        let text = match slice {
            Some((file, s, e)) => Text::Slice(file, s, e),
            None => Text::Own(text),
        };
        facts.freeze(text, syntax_error)
    }

    /// The first syntax error of the tree, as the syntax checker confirms
    /// it: tree-sitter is stricter than bash in places (`{"a":1}` words,
    /// `${var.x}`), so what the checker accepts is no error, and an error it
    /// finds is placed on the line it names.
    fn confirmed_error(&self, root: Node<'_>, text: &str) -> Option<((usize, usize), String)> {
        let (range, message) = first_error(root, text)?;
        match self.syntax.check(text) {
            None => Some((range, message)),
            Some(Ok(())) => None,
            Some(Err((line, message))) => {
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
                Some((at, message))
            }
        }
    }
}

/// Where `text` lies in `file`, when it is one plain slice of it: its
/// pieces follow each other in the file and hold the text as written.
fn plain_slice(
    file: &Arc<String>,
    text: &str,
    pieces: &[Piece],
) -> Option<(Arc<String>, u32, u32)> {
    let first = pieces.first()?;
    let mut at = first.file;
    for p in pieces {
        if p.file != at {
            return None;
        }
        at += p.len;
    }
    let (s, e) = (first.file, at);
    (file.get(s as usize..e as usize)? == text).then(|| (file.clone(), s, e))
}

fn first_error(root: Node<'_>, text: &str) -> Option<((usize, usize), String)> {
    if !root.has_error() {
        return None;
    }
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if n.is_missing() {
            let mut at = n.start_byte().min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            return Some(((at, at), format!("syntax error: missing `{}`", n.kind())));
        }
        if n.is_error() {
            // tree-sitter may cut an error node inside a character.
            let (mut s, mut e) = (n.start_byte().min(text.len()), n.end_byte().min(text.len()));
            while !text.is_char_boundary(s) {
                s -= 1;
            }
            while !text.is_char_boundary(e) {
                e += 1;
            }
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
            // The span covers the token the message names, on character
            // boundaries (the node may start with blanks).
            let region = text.get(s..e).unwrap_or("");
            let s = s + (region.len() - region.trim_start().len()).min(e - s);
            let end = if e > s {
                (s + snippet.len().max(1)).min(e)
            } else {
                s
            };
            let end = (end..=e).find(|&i| text.is_char_boundary(i)).unwrap_or(e);
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

/// Parse `text` with every byte of a non-ASCII character read as `x`.
///
/// tree-sitter-bash's external scanner hands lookahead characters to C's
/// `isdigit`/`isalpha`, which are undefined beyond 255: a brace followed by
/// a character such as U+F6582 read outside glibc's table and crashed the
/// process. Bash reads those bytes as word characters, and so does the
/// parser this way. Byte offsets do not move, so every node still names the
/// original text (which the walker reads).
pub(super) fn parse_ascii(parser: &mut Parser, text: &str) -> Option<tree_sitter::Tree> {
    if text.is_ascii() {
        return parser.parse(text, None);
    }
    let ascii: Vec<u8> = text
        .bytes()
        .map(|b| if b.is_ascii() { b } else { b'x' })
        .collect();
    parser.parse(&ascii, None)
}
