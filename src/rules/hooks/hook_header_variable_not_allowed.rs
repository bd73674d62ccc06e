//! The `hook-header-variable-not-allowed` rule (HK024).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An `http` hook header uses a variable `allowedEnvVars` does not list.
    ///
    /// ## What it does
    /// Reports `$VAR` and `${VAR}` in the `headers` of an `http` hook when
    /// `VAR` is not in the hook's `allowedEnvVars`.
    ///
    /// ## Why it matters
    /// Claude Code interpolates only the variables `allowedEnvVars` lists;
    /// any other stays as written. The endpoint receives
    /// `Authorization: Bearer $TOKEN` literally and refuses the call.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "Stop": [ { "hooks": [ { "type": "http", "url": "https://hooks.example.com/stop", "headers": { "Authorization": "Bearer $HOOK_TOKEN" } } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "Stop": [ { "hooks": [ { "type": "http", "url": "https://hooks.example.com/stop", "headers": { "Authorization": "Bearer $HOOK_TOKEN" }, "allowedEnvVars": ["HOOK_TOKEN"] } ] } ] } }
    /// ```
    pub static RULE = { id: "HK024", name: "hook-header-variable-not-allowed", family: Hooks, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let re = crate::regex!(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))");
    for h in super::handlers(cx) {
        if h.handler.handler_type.val().map(String::as_str) != Some("http") {
            continue;
        }
        let Some(headers) = h.handler.headers.val() else {
            continue;
        };
        let allowed: Vec<&str> = h
            .handler
            .allowed_env_vars
            .val()
            .into_iter()
            .flat_map(|l| l.oks())
            .map(|(s, _)| s.as_str())
            .collect();
        for e in headers.iter() {
            let Some(value) = e.ok() else { continue };
            for c in re.captures_iter(value) {
                let Some(name) = c.get(1).or_else(|| c.get(2)) else {
                    continue;
                };
                if allowed.contains(&name.as_str()) || name.as_str().starts_with("user_config") {
                    continue;
                }
                let whole = c.get(0).map_or(name.range(), |m| m.range());
                let at = super::span_in(cx, h.file, e.span, value, whole);
                out.push(
                    Diagnostic::new(
                        &RULE,
                        h.file,
                        at,
                        format!(
                            "header `{}` uses `{}`, which `allowedEnvVars` does not list: it is sent as written",
                            e.key,
                            name.as_str()
                        ),
                    )
                    .help(format!("add `\"{}\"` to the hook's `allowedEnvVars`", name.as_str())),
                );
            }
        }
    }
}
