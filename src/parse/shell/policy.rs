//! The context-discipline policy: which tools must name their cluster, with
//! which flags, and which of their subcommands never touch a cluster.

/// One tool's rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolPolicy {
    pub tool: String,
    /// Flags that name the target (`--context`, `--kubeconfig`); `--flag=value` counts too.
    pub flags: Vec<String>,
    /// Environment variables that name it when set on the command (`KUBECONFIG=… kubectl`).
    pub env: Vec<String>,
    /// Flags that take a separate value (`-n ns`), to find the subcommand.
    pub value_flags: Vec<String>,
    /// Subcommands that never touch a cluster (`config`, `version --client`),
    /// and flags that make any command local (`--dry-run=client`).
    pub local: Vec<String>,
    /// When set, only these subcommands need the flag (helm's model).
    pub cluster: Option<Vec<String>>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

const KUBE_VALUE_FLAGS: &[&str] = &[
    "-n",
    "--namespace",
    "--context",
    "--kubeconfig",
    "--cluster",
    "--user",
    "-s",
    "--server",
    "--token",
    "--as",
    "--as-group",
    "--as-uid",
    "--request-timeout",
    "--cache-dir",
    "--certificate-authority",
    "--client-certificate",
    "--client-key",
    "--tls-server-name",
    "-v",
    "--v",
    "--vmodule",
    "--log-dir",
    "-o",
    "--output",
    "-l",
    "--selector",
    "-f",
    "--filename",
];

impl ToolPolicy {
    pub fn kubectl() -> Self {
        ToolPolicy {
            tool: "kubectl".into(),
            flags: strings(&["--context", "--kubeconfig"]),
            env: strings(&["KUBECONFIG"]),
            value_flags: strings(KUBE_VALUE_FLAGS),
            // `ctx`, `ns`, `kc`, `konfig`: kubeconfig plugins that never call the API.
            local: strings(&[
                "config",
                "completion",
                "plugin",
                "krew",
                "kustomize",
                "help",
                "version --client",
                "--dry-run=client",
                "ctx",
                "ns",
                "kc",
                "konfig",
            ]),
            cluster: None,
        }
    }
    pub fn helm() -> Self {
        ToolPolicy {
            tool: "helm".into(),
            flags: strings(&["--kube-context", "--kubeconfig"]),
            env: strings(&["KUBECONFIG", "HELM_KUBECONTEXT"]),
            value_flags: strings(&[
                "-n",
                "--namespace",
                "--kube-context",
                "--kubeconfig",
                "--kube-apiserver",
                "--kube-as-user",
                "--kube-as-group",
                "--kube-token",
                "--kube-ca-file",
                "--registry-config",
                "--repository-cache",
                "--repository-config",
                "--burst-limit",
                "--qps",
            ]),
            local: Vec::new(),
            cluster: Some(strings(&[
                "install",
                "upgrade",
                "uninstall",
                "delete",
                "del",
                "un",
                "rollback",
                "status",
                "get",
                "list",
                "ls",
                "history",
                "hist",
                "test",
            ])),
        }
    }
    /// Tools of the Kubernetes family that take kubectl's `--context`.
    pub fn kube_family(tool: &str, extra_local: &[&str]) -> Self {
        let mut local = strings(&["completion", "help", "version --client"]);
        local.extend(strings(extra_local));
        ToolPolicy {
            tool: tool.into(),
            flags: strings(&["--context", "--kubeconfig"]),
            env: strings(&["KUBECONFIG"]),
            value_flags: strings(KUBE_VALUE_FLAGS),
            local,
            cluster: None,
        }
    }

    /// Why a command needs the flag, or `None` when it does not.
    pub fn requires(&self, args: &[&str], assignments: &[&str]) -> Option<String> {
        if args.iter().any(|a| *a == "-h" || *a == "--help") {
            return None;
        }
        let named = args
            .iter()
            .any(|a| self.flags.iter().any(|f| is_flag(a, f)));
        if named || assignments.iter().any(|v| self.env.iter().any(|e| e == v)) {
            return None;
        }
        // The first positional word: the subcommand.
        let sub = &subcommand(args, &self.value_flags)?;
        if let Some(cluster) = &self.cluster {
            return cluster
                .iter()
                .any(|c| c == sub)
                .then(|| format!("{} {sub}", self.tool));
        }
        for l in &self.local {
            let mut parts = l.split_whitespace();
            let Some(first) = parts.next() else { continue };
            let matched = if first.starts_with('-') {
                args.contains(&first)
            } else {
                first == *sub && parts.all(|flag| args.iter().any(|a| is_flag(a, flag)))
            };
            if matched {
                return None;
            }
        }
        Some(format!("{} {sub}", self.tool))
    }
}

/// The shell policy: tools and the bash version scripts must run on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShellPolicy {
    pub bash_target: (u8, u8),
    pub tools: Vec<ToolPolicy>,
    /// How strictly cluster calls must name their context.
    pub context: ContextPolicy,
}

impl Default for ShellPolicy {
    fn default() -> Self {
        ShellPolicy {
            bash_target: (3, 2),
            context: ContextPolicy::Auto,
            tools: vec![
                ToolPolicy::kubectl(),
                ToolPolicy::helm(),
                ToolPolicy::kube_family(
                    "flux",
                    &["build", "envsubst", "push", "pull", "tag", "--export"],
                ),
                ToolPolicy::kube_family("cilium", &[]),
                ToolPolicy::kube_family("virtctl", &["guestfs"]),
            ],
        }
    }
}

impl ShellPolicy {
    pub fn tool(&self, name: &str) -> Option<&ToolPolicy> {
        self.tools.iter().find(|t| t.tool == name)
    }

    /// The policy of the tool `cmd` runs and what it runs without naming
    /// the cluster (`kubectl apply`), when it does.
    pub fn unscoped(&self, cmd: &crate::parse::shell::Command) -> Option<(&ToolPolicy, String)> {
        let tool = self.tool(cmd.name())?;
        let args: Vec<&str> = cmd
            .args()
            .iter()
            .map(|a| a.raw().trim_matches(['"', '\'']))
            .collect();
        let assignments: Vec<&str> = cmd.assignments().collect();
        Some((tool, tool.requires(&args, &assignments)?))
    }
}

/// Whether `arg` is `flag`, alone or as `flag=value`.
fn is_flag(arg: &str, flag: &str) -> bool {
    arg.strip_prefix(flag)
        .is_some_and(|r| r.is_empty() || r.starts_with('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(p: &ToolPolicy, line: &str) -> bool {
        let args: Vec<&str> = line.split_whitespace().collect();
        p.requires(&args, &[]).is_some()
    }

    #[test]
    fn kubectl_policy() {
        let k = ToolPolicy::kubectl();
        assert!(req(&k, "apply -f x.yaml"));
        assert!(req(&k, "-n kube-system get pods"));
        assert!(!req(&k, "--context prod apply -f x"));
        assert!(!req(&k, "--context=\"$CTX\" get pods"));
        assert!(!req(&k, "--kubeconfig /tmp/k get pods"));
        assert!(!req(&k, "config use-context prod"));
        assert!(!req(&k, "version --client"));
        assert!(req(&k, "version"));
        assert!(!req(&k, "create secret generic x --dry-run=client -o yaml"));
        assert!(!req(&k, "get --help"));
        assert!(k.requires(&["get", "pods"], &["KUBECONFIG"]).is_none());
    }

    #[test]
    fn helm_policy() {
        let h = ToolPolicy::helm();
        assert!(req(&h, "upgrade --install x chart"));
        assert!(req(&h, "-n x list"));
        assert!(!req(&h, "repo add x https://example.com"));
        assert!(!req(&h, "template x chart"));
        assert!(!req(&h, "--kube-context prod status x"));
    }
}

/// How strictly cluster calls must name their context (`[shell]
/// context-policy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContextPolicy {
    /// Learned from the tree: strict where its cluster calls overwhelmingly
    /// name their context, else mutating.
    #[default]
    Auto,
    /// Every call that reaches a cluster names its context (an error).
    Strict,
    /// Only calls that change a cluster must (a warning); reads such as
    /// `kubectl get` or `rollout status` are fine.
    Mutating,
}

/// Fenced-code lines of a markdown text that call kubectl or helm against a
/// cluster, and how many of them name the context: the vote
/// [`ContextPolicy::Auto`] counts (a lexical count, so every SKILL.md can
/// be counted without parsing its shell).
pub fn cluster_lines(text: &str) -> (u32, u32) {
    const LOCAL: &[&str] = &[
        "config",
        "completion",
        "kustomize",
        "version",
        "plugin",
        "krew",
        "help",
        "repo",
        "template",
        "search",
        "show",
        "dependency",
        "dep",
        "lint",
        "package",
        "create",
        "env",
        "plugin",
        "registry",
        "verify",
        "pull",
        "push",
    ];
    let (mut total, mut named) = (0u32, 0u32);
    // The open fence's marker and whether it holds shell.
    let mut fence: Option<(&str, bool)> = None;
    for line in text.lines() {
        let t = line.trim_start();
        let marker = if t.starts_with("```") {
            Some("```")
        } else if t.starts_with("~~~") {
            Some("~~~")
        } else {
            None
        };
        match (fence, marker) {
            (None, Some(m)) => {
                let lang = t[3..].trim_start_matches(['`', '~']).trim();
                let lang = lang.split([' ', '{', ',']).next().unwrap_or("");
                let shell = matches!(lang, "bash" | "sh" | "shell" | "zsh" | "console");
                fence = Some((m, shell));
                continue;
            }
            (Some((f, _)), Some(m)) if f == m => {
                fence = None;
                continue;
            }
            (None, None) | (Some((_, false)), _) => continue,
            _ => {}
        }
        // Not what a comment says.
        let t = t.split(" #").next().unwrap_or(t);
        if t.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        let calls = words.iter().enumerate().any(|(i, w)| {
            let tool = w.trim_start_matches(['$', '(', '`', '|', ';', '&']);
            (tool == "kubectl" || tool == "helm")
                && subcommand(&words[i + 1..], VOTE_VALUE_FLAGS)
                    .is_some_and(|sub| !LOCAL.contains(&sub))
        });
        if calls {
            total += 1;
            if ["--context", "--kube-context", "--kubeconfig", "KUBECONFIG="]
                .iter()
                .any(|f| t.contains(f))
            {
                named += 1;
            }
        }
    }
    (total, named)
}

/// The first positional word of a call's arguments: flags skipped, and the
/// value after each of `value_flags` (`-n x`, not `-n=x`).
fn subcommand<'a, S: AsRef<str>>(args: &[&'a str], value_flags: &[S]) -> Option<&'a str> {
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
            continue;
        }
        if a.starts_with('-') {
            skip = !a.contains('=') && value_flags.iter().any(|f| f.as_ref() == *a);
            continue;
        }
        return Some(a);
    }
    None
}

/// The value flags the context-policy vote skips to find a kubectl or helm
/// subcommand.
const VOTE_VALUE_FLAGS: &[&str] = &[
    "--context",
    "--kube-context",
    "--kubeconfig",
    "-n",
    "--namespace",
    "-o",
    "--output",
    "-l",
    "--selector",
    "-f",
    "--filename",
];

/// Subcommands that only read a cluster (`kubectl get`, `helm status`):
/// with [`ContextPolicy::Mutating`] they may run without a context.
pub fn reads_only(what: &str, args: &[&str]) -> bool {
    let mut parts = what.split_whitespace();
    let (Some(tool), Some(sub)) = (parts.next(), parts.next()) else {
        return false;
    };
    let second = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .nth(1)
        .copied()
        .unwrap_or("");
    // A dry run (client or server) changes nothing.
    if args
        .iter()
        .any(|a| *a == "--dry-run" || a.starts_with("--dry-run="))
    {
        return true;
    }
    match tool {
        "kubectl" | "oc" => match sub {
            "get" | "describe" | "logs" | "top" | "explain" | "api-resources" | "api-versions"
            | "cluster-info" | "events" | "wait" | "diff" | "version" | "port-forward" => true,
            "rollout" => matches!(second, "status" | "history"),
            "auth" => matches!(second, "can-i" | "whoami"),
            _ => false,
        },
        "helm" => matches!(sub, "status" | "get" | "list" | "ls" | "history" | "hist"),
        "flux" => matches!(
            sub,
            "get" | "logs" | "check" | "stats" | "tree" | "trace" | "diff" | "events" | "export"
        ),
        "cilium" => matches!(sub, "status" | "version" | "observe"),
        _ => false,
    }
}
