//! The `source-invalid` rule (BLD006).

use crate::declare_rule;
use crate::compile::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A skill or plugin source does not match its schema.
    ///
    /// ## What it does
    /// Reads `skill.yaml` and `plugin.yaml` against the keys skillc knows and
    /// reports every problem at once, each at its own line:
    ///
    /// - an unknown key, at any depth (the top level, an input, a phase or a
    ///   nested phase, a reference), with the nearest known key;
    /// - a required key that is missing (`name`, `description`, `title`,
    ///   `phases`; a phase's `id` and `title`; an input's `type` and `doc`;
    ///   a reference's `path` and `summary`; plugin.yaml's `name`,
    ///   `version` and `description`);
    /// - a value of the wrong kind (text, a list, a mapping, true or false);
    /// - a value outside its set (`type`, `mode`, `gate`), with the nearest
    ///   one: `mode: mutate` → `mutating`, `type: kube-ctx` → `kube-context`;
    /// - YAML that does not parse. When quoting values makes it parse (an
    ///   unquoted `: ` inside a value, as in `doc: The context: prod`), each
    ///   value to quote is a finding of its own, as `SK003` reports
    ///   frontmatter.
    ///
    /// plugin.yaml passes keys it does not know into plugin.json; only those
    /// a letter or two away from a plugin.json field are reported there.
    /// `--fix` renames a misspelled key or value when exactly one known one
    /// is within two edits (and the right key is not set already), and
    /// quotes the values strict YAML needs quoted.
    ///
    /// ## Why it matters
    /// A typo in a source field would otherwise silently drop what it meant to say.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// titel: Deploy
    /// phases:
    ///   - id: check
    ///     title: Check
    ///     mode: mutate
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: check
    ///     title: Check
    ///     mode: mutating
    /// ```
    pub static RULE = { id: "BLD006", name: "source-invalid", family: Build, severity: Error, fix: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Problem::SourceInvalid, out);
}
