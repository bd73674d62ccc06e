//! Component files a manifest lists under a name of their own
//! (`"hooks": "./config/hooks.json"`, `"mcpServers": "./servers.json"`,
//! `"lspServers": …`, `"experimental": {"monitors": …}`): the walk reads
//! them as plain JSON; once the manifests are built, each is parsed and
//! typed for the field that lists it, as if it had the default name.

use super::read::{Parsed, Reader};
use crate::model::manifest::PathOr;
use crate::model::value::Present;
use crate::model::{JsonFile, JsonRole, Project};
use crate::source::SourceDb;

/// Type every listed component file that has no role by its name.
pub(super) fn type_listed(project: &mut Project, db: &SourceDb, reader: &Reader<'_>) {
    let mut wanted: Vec<(String, JsonRole)> = Vec::new();
    for p in project.plugins.iter().filter(|p| !p.synthetic) {
        for (_, pm) in project.declarations(p) {
            let mut add = |path: &str, role: JsonRole| {
                if path.ends_with(".json")
                    && let Some(full) = crate::source::join(&p.dir, path)
                {
                    wanted.push((full, role));
                }
            };
            for (key, role) in [
                ("hooks", JsonRole::Hooks),
                ("mcpServers", JsonRole::Mcp),
                ("lspServers", JsonRole::Lsp),
            ] {
                for (path, _) in pm.component_paths(key) {
                    add(path, role);
                }
            }
            if let Some(PathOr::Path(path)) = pm.experimental.val().and_then(|e| e.monitors.val()) {
                add(path.as_str(), JsonRole::Monitors);
            }
        }
    }
    if wanted.is_empty() {
        return;
    }
    let mut typed: std::collections::HashSet<String> = project
        .json
        .iter()
        .map(|jf| db.path(jf.file).to_string())
        .collect();
    for (path, role) in wanted {
        let Some(id) = db.find(&path) else { continue };
        if !typed.insert(path) {
            continue;
        }
        if let Parsed::Json(json) = reader.json_as(role, db.text(id)) {
            let (role, parsed, typed, shell, mentions) = *json;
            project.json.push(JsonFile {
                file: id,
                role,
                parsed,
                typed,
                schema_errors: Vec::new(),
                shell,
                mentions,
            });
        }
    }
}
