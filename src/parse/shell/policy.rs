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
        // Positional words: the subcommand path.
        let mut positional = Vec::new();
        let mut skip = false;
        for a in args {
            if skip {
                skip = false;
                continue;
            }
            if a.starts_with('-') {
                if !a.contains('=') && self.value_flags.iter().any(|f| f == a) {
                    skip = true;
                }
                continue;
            }
            positional.push(*a);
        }
        let sub = positional.first()?;
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
}

impl Default for ShellPolicy {
    fn default() -> Self {
        ShellPolicy {
            bash_target: (3, 2),
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
