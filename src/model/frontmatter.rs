//! The frontmatter of skills, commands, agents and output styles, typed
//! (formats.md §4–§7). One type holds the keys of every kind: which keys a
//! kind knows is the rules' business (`keys` keeps every key written, in
//! order). Values are read as YAML scalars as written (`name: 123` is the
//! text `123` of kind number), so the rules can say what a loader makes of
//! them.

use super::hooks::HookEvents;
use super::value::{Map, OneOrMany, Opaque, Scalar};
use crate::typed_object;

typed_object! {
    /// A frontmatter mapping.
    pub struct Frontmatter {
        name: Scalar = "name",
        description: Scalar = "description",
        when_to_use: Scalar = "when_to_use",
        when_to_use_dashed: Scalar = "when-to-use",
        argument_hint: Scalar = "argument-hint",
        arguments: OneOrMany<Scalar> = "arguments",
        allowed_tools: OneOrMany<Scalar> = "allowed-tools",
        disallowed_tools: OneOrMany<Scalar> = "disallowed-tools",
        disallowed_tools_camel: OneOrMany<Scalar> = "disallowedTools",
        model: Scalar = "model",
        effort: Scalar = "effort",
        disable_model_invocation: Scalar = "disable-model-invocation",
        user_invocable: Scalar = "user-invocable",
        context: Scalar = "context",
        agent: Scalar = "agent",
        background: Scalar = "background",
        hooks: HookEvents = "hooks",
        paths: OneOrMany<Scalar> = "paths",
        shell: Scalar = "shell",
        metadata: Map<Opaque> = "metadata",
        license: Scalar = "license",
        compatibility: Scalar = "compatibility",
        version: Scalar = "version",
        // Agents.
        tools: OneOrMany<Scalar> = "tools",
        permission_mode: Scalar = "permissionMode",
        mcp_servers: Opaque = "mcpServers",
        max_turns: Scalar = "maxTurns",
        skills: OneOrMany<Scalar> = "skills",
        memory: Scalar = "memory",
        isolation: Scalar = "isolation",
        color: Scalar = "color",
        initial_prompt: Scalar = "initialPrompt",
        // Output styles.
        keep_coding_instructions: Scalar = "keep-coding-instructions",
        force_for_plugin: Scalar = "force-for-plugin",
    }
}
