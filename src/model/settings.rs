//! `.claude/settings.json` and `.claude/settings.local.json` of a project,
//! and a plugin's `settings.json`, typed where rules read them.

use super::hooks::HookEvents;
use super::value::{List, Map, Opaque};
use crate::typed_object;

typed_object! {
    /// `permissions`: rules that allow, ask or deny tool uses.
    pub struct Permissions {
        allow: List<String> = "allow",
        ask: List<String> = "ask",
        deny: List<String> = "deny",
        default_mode: String = "defaultMode",
        additional_directories: List<String> = "additionalDirectories",
    }
}

typed_object! {
    /// A settings file.
    pub struct Settings {
        schema: String = "$schema",
        permissions: Permissions = "permissions",
        hooks: HookEvents = "hooks",
        env: Map<String> = "env",
        model: String = "model",
        agent: String = "agent",
        output_style: String = "outputStyle",
        status_line: Opaque = "statusLine",
        subagent_status_line: Opaque = "subagentStatusLine",
        enabled_plugins: Opaque = "enabledPlugins",
        extra_known_marketplaces: Opaque = "extraKnownMarketplaces",
    }
}
