//! What parsing one shell text found, as byte ranges of that text: no
//! strings of their own but the text. Blocks with the same text (copied
//! plugins, shared snippets) share one `Facts`; each block maps the ranges
//! into its own file when a rule asks.

use super::Construct;
use super::WordKind;
use std::sync::Arc;

/// The text a block's facts are ranges of: its own copy, or, when it is a
/// plain slice of its file (no console output dropped, no placeholder
/// masked, no indent), that slice of the file's text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Text {
    Own(Box<str>),
    Slice(Arc<String>, u32, u32),
}

impl Text {
    pub fn as_str(&self) -> &str {
        match self {
            Text::Own(t) => t,
            Text::Slice(file, s, e) => file.get(*s as usize..*e as usize).unwrap_or(""),
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::Own(Box::default())
    }
}

/// A byte range of a block's shell text.
pub(crate) type R = (u32, u32);

/// What a walk records, while it walks.
#[derive(Debug, Default)]
pub(crate) struct Building {
    pub words: Vec<RawWord>,
    pub vars: Vec<RawVar>,
    pub names: Vec<R>,
    pub commands: Vec<RawCommand>,
    pub pipeline_members: Vec<u32>,
    pub pipelines: Vec<R>,
    pub constructs: Vec<(Construct, R)>,
    pub split_loops: Vec<R>,
    pub xtrace: Vec<R>,
    pub comments: Vec<R>,
    pub assigned: Vec<R>,
    pub used: Vec<R>,
    pub functions: Vec<R>,
    pub positionals: Vec<(R, bool)>,
}

impl Building {
    /// The facts of `text`, frozen: kept for the whole run, so every list
    /// is a boxed slice and what most blocks lack is boxed apart.
    pub fn freeze(self, text: Text, syntax_error: Option<(R, Box<str>)>) -> Facts {
        let rare = Rare {
            pipeline_members: self.pipeline_members.into(),
            pipelines: self.pipelines.into(),
            constructs: self.constructs.into(),
            split_loops: self.split_loops.into(),
            xtrace: self.xtrace.into(),
            comments: self.comments.into(),
            functions: self.functions.into(),
            positionals: self.positionals.into(),
            syntax_error,
        };
        Facts {
            text,
            words: self.words.into(),
            vars: self.vars.into(),
            names: self.names.into(),
            commands: self.commands.into(),
            assigned: self.assigned.into(),
            used: self.used.into(),
            rare: (rare != Rare::default()).then(|| Box::new(rare)),
        }
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Facts {
    /// The text parsed (console output dropped, placeholders masked).
    pub text: Text,
    /// Arguments of every command, in order; a command holds a range of them.
    pub words: Box<[RawWord]>,
    /// Variables expanded in words; a word holds a range of them.
    pub vars: Box<[RawVar]>,
    /// Names of assignments and wrappers; a command holds ranges of them.
    pub names: Box<[R]>,
    pub commands: Box<[RawCommand]>,
    /// Variables assigned anywhere (`x=1`, `for x`, `read x`, `local x`).
    pub assigned: Box<[R]>,
    /// Variables expanded.
    pub used: Box<[R]>,
    /// What most blocks do not have.
    pub rare: Option<Box<Rare>>,
}

/// The facts most blocks do not have.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Rare {
    /// Indices of commands, a range per pipeline.
    pub pipeline_members: Box<[u32]>,
    /// Pipelines of two or more commands, as ranges of `pipeline_members`.
    pub pipelines: Box<[R]>,
    pub constructs: Box<[(Construct, R)]>,
    /// `for x in $(…)` / `for x in $VAR` lists.
    pub split_loops: Box<[R]>,
    /// `set -x` lines.
    pub xtrace: Box<[R]>,
    pub comments: Box<[R]>,
    /// Functions defined.
    pub functions: Box<[R]>,
    /// `$1`, `$0`, … (not followed by a word character), and whether they
    /// are the parameters of a function or of a nested shell (`bash -c`).
    pub positionals: Box<[(R, bool)]>,
    pub syntax_error: Option<(R, Box<str>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawWord {
    pub range: R,
    /// Where its variables start in [`Facts::vars`].
    pub vars: u32,
    /// How many there are (a word of more than 255 keeps the first 255).
    pub var_count: u8,
    pub kind: WordKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawVar {
    pub name: R,
    pub unquoted: bool,
    /// The expansion yields the variable's value (not `${#v}`, its length,
    /// nor `${v:+x}`, a text of its own when `v` is set).
    pub value: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawCommand {
    /// The command as named: quotes and directory stripped (`kubectl`).
    pub name: R,
    /// The word that names it.
    pub name_word: R,
    /// Range of [`Facts::words`].
    pub args: R,
    /// Ranges of [`Facts::names`].
    pub assignments: R,
    pub wrappers: R,
    pub range: R,
    /// Inside `$(…)`, backticks or `<(…)`: its output is captured.
    pub captured: bool,
    /// Its stdout goes to a file.
    pub redirected: bool,
    /// Its stdout feeds another command.
    pub piped: bool,
    /// Where its standard error goes.
    pub stderr: Stderr,
}

/// Where a command's standard error goes, after its redirections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stderr {
    /// Where the shell's goes: the terminal.
    #[default]
    Terminal,
    /// Where its standard output goes before any redirection of that
    /// (`2>&1`, `|&`): the pipe, or the terminal.
    Stdout,
    /// Nowhere (`2>/dev/null`).
    Discarded,
    /// A file (`2>err.log`, `&>out.log`, or `>out.log 2>&1`).
    File,
}

impl Facts {
    pub fn at(&self, (s, e): R) -> &str {
        self.text.as_str().get(s as usize..e as usize).unwrap_or("")
    }

    /// The rare facts (empty when the block has none).
    pub fn rare(&self) -> &Rare {
        static NONE: std::sync::LazyLock<Rare> = std::sync::LazyLock::new(Rare::default);
        self.rare.as_deref().unwrap_or(&NONE)
    }
}
