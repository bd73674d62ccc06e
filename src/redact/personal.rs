//! Personal home paths and deny-listed names.

use super::*;

const GENERIC_USERS: &[&str] = &[
    "user",
    "username",
    "you",
    "me",
    "yourname",
    "your-name",
    "your_user",
    "yourusername",
    "name",
    "someone",
    "example",
    "runner",
    "ubuntu",
    "ec2-user",
    "admin",
    "root",
    "debian",
    "vagrant",
    "node",
    "ci",
    "jenkins",
    "builder",
    "dev",
    "developer",
    "myuser",
    "my-user",
    "me",
    "foo",
    "bar",
    "alice",
    "bob",
    "john",
    "jane",
    "johndoe",
    "jdoe",
    "user1",
    "linuxbrew",
    "shared",
    "public",
    "guest",
    "default",
    "app",
    "www-data",
    "git",
    "operator",
    "core",
    "talos",
    "nobody",
    "nixos",
    "pi",
    "coder",
    "vscode",
    "codespace",
    "agent",
    "claude",
    // Stand-in people of examples.
    "ada",
    "carol",
    "dave",
    "eve",
    "mallory",
    "joe",
    "janedoe",
    // Service accounts: a machine's, not a person's.
    "ansible",
    "deploy",
    "deployer",
    "docker",
    "postgres",
    "mysql",
    "redis",
    "nginx",
    "www",
    "web",
    "svc",
    "service",
    "automation",
    "bot",
    "ops",
    "k8s",
    "kube",
    "terraform",
    "packer",
    "gitlab-runner",
    "github-runner",
    "actions-runner",
    "steam",
    "minecraft",
];

pub(super) fn personal_paths(text: &str, hits: &mut Vec<Hit>) {
    let re =
        crate::regex!(r"(?:/home/|/Users/|[Cc]:\\\\Users\\\\)([A-Za-z0-9._-]+)(?:[/\\]|(?-u:\b))");
    for c in re.captures_iter(text) {
        let Some(name) = c.get(1) else { continue };
        let n = name.as_str();
        let lower = n.to_ascii_lowercase();
        if GENERIC_USERS.contains(&lower.as_str())
            || lower.starts_with("your")
            || lower.contains("user")
            || n.len() < 2
        {
            continue;
        }
        push(
            hits,
            Kind::PersonalPath,
            "personal-path",
            text,
            name.range(),
        );
    }
}

pub(super) fn denied(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
    if cfg.deny_names.is_empty() {
        return;
    }
    let lower = text.to_lowercase();
    for name in &cfg.deny_names {
        let n = name.to_lowercase();
        if n.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(i) = lower[from..].find(&n) {
            let s = from + i;
            let e = s + n.len();
            if lower.len() == text.len()
                && word_boundary_before(text, s)
                && word_boundary_after(text, e)
            {
                push(hits, Kind::DeniedName, "denied-name", text, s..e);
            }
            from = e;
        }
    }
}
