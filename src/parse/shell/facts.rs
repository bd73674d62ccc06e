//! What parsing one shell text found, as byte ranges of that text: no
//! strings of their own but the text. Blocks with the same text (copied
//! plugins, shared snippets) share one `Facts`; each block maps the ranges
//! into its own file when a rule asks.

use super::Construct;
use super::WordKind;

/// A byte range of a block's shell text.
pub(crate) type R = (u32, u32);

#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Facts {
    /// The text parsed (console output dropped, placeholders masked).
    pub text: Box<str>,
    /// Arguments of every command, in order; a command holds a range of them.
    pub words: Vec<RawWord>,
    /// Variables expanded in words; a word holds a range of them.
    pub vars: Vec<RawVar>,
    /// Names of assignments and wrappers; a command holds ranges of them.
    pub names: Vec<R>,
    pub commands: Vec<RawCommand>,
    /// Indices of commands, a range per pipeline.
    pub pipeline_members: Vec<u32>,
    /// Pipelines of two or more commands, as ranges of `pipeline_members`.
    pub pipelines: Vec<R>,
    pub constructs: Vec<(Construct, R)>,
    /// `for x in $(…)` / `for x in $VAR` lists.
    pub split_loops: Vec<R>,
    /// `set -x` lines.
    pub xtrace: Vec<R>,
    pub comments: Vec<R>,
    pub syntax_error: Option<(R, Box<str>)>,
    /// Variables assigned anywhere (`x=1`, `for x`, `read x`, `local x`).
    pub assigned: Vec<R>,
    /// Variables expanded.
    pub used: Vec<R>,
    /// Functions defined.
    pub functions: Vec<R>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawWord {
    pub range: R,
    pub kind: WordKind,
    /// Range of [`Facts::vars`].
    pub vars: R,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawVar {
    pub name: R,
    pub unquoted: bool,
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
}

impl Facts {
    pub fn at(&self, (s, e): R) -> &str {
        self.text.get(s as usize..e as usize).unwrap_or("")
    }

    /// Release the growth slack of every list: facts are kept for the
    /// whole run.
    pub fn shrink(&mut self) {
        self.words.shrink_to_fit();
        self.vars.shrink_to_fit();
        self.names.shrink_to_fit();
        self.commands.shrink_to_fit();
        self.pipeline_members.shrink_to_fit();
        self.pipelines.shrink_to_fit();
        self.constructs.shrink_to_fit();
        self.split_loops.shrink_to_fit();
        self.xtrace.shrink_to_fit();
        self.comments.shrink_to_fit();
        self.assigned.shrink_to_fit();
        self.used.shrink_to_fit();
        self.functions.shrink_to_fit();
    }
}
