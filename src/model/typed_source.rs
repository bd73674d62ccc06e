//! The typed skill source (`skills/<s>/skill.yaml`) and plugin source
//! (`plugins/<p>/plugin.yaml`). Unknown fields are errors; spans come from
//! the YAML tree the types were read from.

use indexmap::IndexMap;
use serde::Deserialize;

/// `skill.yaml`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SkillSource {
    /// The skill's name; must equal its directory.
    pub name: String,
    /// The frontmatter description: what the skill does and when to use it.
    pub description: String,
    /// Other frontmatter fields, rendered as given (`allowed-tools`,
    /// `argument-hint`, `model`, …).
    #[serde(default)]
    pub frontmatter: IndexMap<String, serde_json::Value>,
    /// The `#` title of SKILL.md.
    pub title: String,
    /// Prose under the title.
    #[serde(default)]
    pub intro: Option<String>,
    /// Typed inputs, as environment variables of the phase scripts.
    #[serde(default)]
    pub inputs: IndexMap<String, Input>,
    /// Ordered phases; numbering comes from the order.
    pub phases: Vec<Phase>,
    /// Files under `references/`, each with a one-line summary.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Rules that hold in every phase.
    #[serde(default)]
    pub guardrails: Vec<String>,
    /// Shell shared by the phase scripts (helper functions, constants): it
    /// opens every phase script that calls one of its functions or reads one
    /// of its variables.
    #[serde(default)]
    pub prelude: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum InputType {
    String,
    Path,
    KubeContext,
    Ip,
    IpList,
    Enum,
    Int,
    Bool,
}

impl InputType {
    pub fn as_str(self) -> &'static str {
        match self {
            InputType::String => "string",
            InputType::Path => "path",
            InputType::KubeContext => "kube-context",
            InputType::Ip => "ip",
            InputType::IpList => "ip-list",
            InputType::Enum => "enum",
            InputType::Int => "int",
            InputType::Bool => "bool",
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Input {
    #[serde(rename = "type")]
    pub kind: InputType,
    /// One line for the inputs table and the script's error message.
    pub doc: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub default: Option<String>,
    /// Allowed values of an `enum` input.
    #[serde(default)]
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Reads only (from clusters, APIs or files).
    #[default]
    ReadOnly,
    /// Changes only the local machine.
    Local,
    /// Changes a cluster or another shared system.
    Mutating,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::ReadOnly => "read-only",
            Mode::Local => "local",
            Mode::Mutating => "mutating",
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Gate {
    /// Stop and wait for explicit approval before this phase runs.
    Stop,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Phase {
    /// Stable id (used by `{phase:ID}` and the script's file name).
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub gate: Option<Gate>,
    /// Markdown prose, inline.
    #[serde(default)]
    pub prose: Option<String>,
    /// Markdown prose from a file, relative to the skill directory.
    #[serde(default)]
    pub prose_file: Option<String>,
    /// The phase's bash script, inline.
    #[serde(default)]
    pub script: Option<String>,
    /// The phase's bash script from a file, relative to the skill directory.
    #[serde(default)]
    pub script_file: Option<String>,
    /// Nested phases (`9.1`, `9.2`).
    #[serde(default)]
    pub phases: Vec<Phase>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub path: String,
    pub summary: String,
}

/// `plugin.yaml`: the fields of plugin.json (as given), with `{skills}` and
/// `{skill-count}` expanded in `description`, and the fields of the plugin's
/// marketplace entry.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
pub struct PluginSource {
    pub name: String,
    pub version: String,
    pub description: String,
    /// Fields only the marketplace entry carries (`category`, `tags`, …).
    #[serde(default)]
    pub marketplace: IndexMap<String, serde_json::Value>,
    /// Every other plugin.json field, in order.
    #[serde(flatten)]
    pub rest: IndexMap<String, serde_json::Value>,
}
