//! The `argument-substituted-in-code` rule (SH011).

use crate::declare_rule;
use crate::model::value::Present;
use crate::model::{Doc, DocKind};
use crate::parse::shell::{Command, Origin, ShellBlock, WordKind};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// Claude Code's argument substitution replaces `$1` or `$name` in a skill's code.
    ///
    /// ## What it does
    /// Claude Code substitutes the arguments of a skill or command into its
    /// body before Claude reads it, code included (formats.md §4.2, §17):
    /// `$ARGUMENTS`, `$ARGUMENTS[N]`, `$N` (argument N, counted from 0) and
    /// `$name` for each name in the `arguments` frontmatter. Reports, in
    /// the fenced shell blocks (and ```` ```! ```` blocks) and `` !`…` ``
    /// injections of SKILL.md and command files, the `$N` and `$name` that
    /// mean something else in the code:
    ///
    /// - fields and captures in an `awk`, `perl` or `ruby` program
    ///   (`awk '{print $1}'`, `perl -pe 's/(a)/$1/'`);
    /// - positional parameters of a shell function, of a `bash -c '…'`
    ///   string, or of a block that is a script (it starts with `#!`);
    /// - a named argument the code assigns as its own variable (`for file
    ///   in *.md; do … "$file"` with `arguments: file`).
    ///
    /// `$1` used on its own in a command line (`gh pr view $1`) is how
    /// arguments are meant to be passed, and `$ARGUMENTS` is a placeholder
    /// only: neither is reported. Reference files and scripts are not
    /// substituted, and not checked.
    ///
    /// ## Why it matters
    /// When the skill runs with arguments, `awk '{print $1}'` reaches the
    /// shell as `awk '{print v1.2}'` (or `awk '{print }'`): the command
    /// breaks, or silently does something else.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// git branch -v | awk '{print $1}'
    /// ```
    /// ````
    ///
    /// ## Use instead
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// git branch -v | awk '{print $(1)}'
    /// ```
    /// ````
    pub static RULE = { id: "SH011", name: "argument-substituted-in-code", family: Shell, severity: Warning, check: check }
}

/// What `$N` is in the program text of command `name`, if it has a
/// meaning there: awk fields, perl and ruby regex captures.
fn program_kind(name: &str) -> Option<&'static str> {
    match name {
        "awk" | "gawk" | "mawk" | "nawk" => Some("an awk field"),
        "perl" => Some("a perl capture group"),
        "ruby" => Some("a ruby capture group"),
        _ => None,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in &cx.project.docs {
        if !matches!(doc.kind, DocKind::Skill | DocKind::Command)
            || doc.light
            || !cx.in_focus(&doc.path)
        {
            continue;
        }
        let text = cx.text(doc.file);
        let names = argument_names(doc);
        let mut found: Found = Vec::new();
        // Frontmatter hook commands are not substituted.
        for block in doc.shell.iter().filter(|b| b.origin != Origin::Hook) {
            in_block(block, &names, text, &mut found);
        }
        in_injections(doc, text, &mut found);
        found.sort_by_key(|(span, _)| *span);
        found.dedup_by_key(|(span, _)| *span);
        for (span, why) in found {
            let what = text.get(span.range()).unwrap_or("");
            out.push(report(doc, span, what, why));
        }
    }
}

/// What was found: where, and what it means in the code.
type Found = Vec<(Span, &'static str)>;

fn report(doc: &Doc, span: Span, what: &str, why: &str) -> Diagnostic {
    let kind = if doc.kind == DocKind::Skill { "skill" } else { "command" };
    let positional = what.len() > 1 && what[1..].bytes().all(|b| b.is_ascii_digit());
    let arg = if positional {
        format!("argument {} of the invocation", &what[1..])
    } else {
        format!("the `{}` argument", &what[1..])
    };
    Diagnostic::new(
        &RULE,
        doc.file,
        span,
        format!("`{what}` is {why} here, but Claude Code replaces it with {arg} when the {kind} is invoked with arguments"),
    )
    .help(if positional {
        "write a form the substitution leaves alone (awk `$(1)` or `$NF`, shell `${1}`), or move the code into a script under scripts/"
    } else {
        "write `${name}`, which is not substituted, or rename the variable, or move the code into a script under scripts/"
    })
}

/// The names the `arguments` frontmatter declares (numbers aside: they
/// are `$0`, `$1` already).
fn argument_names(doc: &Doc) -> Vec<&str> {
    let Some(fm) = doc.fm.as_deref() else {
        return Vec::new();
    };
    let Some((list, span)) = fm.arguments.spanned() else {
        return Vec::new();
    };
    list.values(span)
        .into_iter()
        .flat_map(|(s, _)| s.text.split_whitespace())
        .filter(|n| !n.bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

/// What one fenced block of shell uses that the substitution breaks.
fn in_block(block: &ShellBlock, names: &[&str], text: &str, found: &mut Found) {
    let script = block.text().starts_with("#!");
    for (span, own) in block.positionals() {
        if own || script {
            let why = if own {
                "a parameter of a shell function or `sh -c` string"
            } else {
                "a parameter of the script the block is"
            };
            found.push((span, why));
        }
    }
    for c in block.commands() {
        programs(&c, found);
    }
    // `$name` as the substitution matches it: `$` right before, no `[` or
    // word character after (`${name}` is left alone).
    let bytes = text.as_bytes();
    for name in names.iter().filter(|n| block.assigns(n)) {
        for (used, span) in block.used() {
            let (s, e) = (span.start as usize, span.end as usize);
            let after = bytes.get(e).copied();
            if used == *name
                && s > 0
                && bytes.get(s - 1) == Some(&b'$')
                && !after.is_some_and(|b| b == b'[' || b.is_ascii_alphanumeric() || b == b'_')
            {
                found.push((Span::new(s - 1, e), "a shell variable the code assigns"));
            }
        }
    }
}

/// `$N` in the program of an awk, perl or ruby command, and in the
/// script of an `sh -c` among its words (`find … -exec sh -c '…' _ {} \;`).
fn programs(c: &Command<'_>, found: &mut Found) {
    // A nested shell's string is parsed as shell: its `$1` are found there.
    if matches!(c.name(), "sh" | "bash" | "dash" | "zsh") {
        return;
    }
    let args = c.args();
    let base = |w: &str| w.rsplit('/').next().unwrap_or(w).to_string();
    let mut lang = program_kind(c.name());
    let mut shell = false;
    for (i, a) in args.iter().enumerate() {
        let raw = a.raw();
        let name = base(raw);
        if let Some(kind) = program_kind(&name) {
            lang = Some(kind);
            continue;
        }
        if matches!(name.as_str(), "sh" | "bash" | "dash" | "zsh") {
            shell = true;
            continue;
        }
        let single = a.kind() == WordKind::Quoted && (raw.starts_with('\'') || raw.starts_with("$'"));
        let why = if shell && i > 0 && args.get(i - 1).is_some_and(|p| p.raw() == "-c") {
            Some("a parameter of the `sh -c` string")
        } else {
            lang
        };
        let Some(why) = why else {
            continue;
        };
        for m in crate::regex!(r"\$[0-9]+").find_iter(raw) {
            let word_after = raw[m.end()..]
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
            let escaped = raw[..m.start()].ends_with('\\');
            if !word_after && (single || escaped) {
                found.push((a.span_within(m.start(), m.end()), why));
            }
        }
    }
}

/// `$N` in awk, perl or ruby programs of `` !`…` `` injections.
fn in_injections(doc: &Doc, text: &str, found: &mut Found) {
    let program = crate::regex!(r"(?:^|[|;&\s(])(awk|gawk|mawk|nawk|perl|ruby)(?:\s+-[A-Za-z]+)*\s+'([^']*)'");
    for &code in doc.md.inline_code.iter() {
        let at = code.start as usize;
        let before = text.get(..at).unwrap_or("");
        if !before.trim_end_matches('`').ends_with('!') {
            continue;
        }
        let Some(src) = text.get(code.range()) else {
            continue;
        };
        for c in program.captures_iter(src) {
            let (Some(lang), Some(p)) = (c.get(1), c.get(2)) else {
                continue;
            };
            let why = program_kind(lang.as_str()).unwrap_or("");
            for m in crate::regex!(r"\$[0-9]+").find_iter(p.as_str()) {
                let word_after = p.as_str()[m.end()..]
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
                if !word_after {
                    let s = at + p.start() + m.start();
                    found.push((Span::new(s, s + m.len()), why));
                }
            }
        }
    }
}
