//! Runs a compiled skill the way Claude Code does: SKILL.md read as text,
//! `${CLAUDE_SKILL_DIR}`, `${CLAUDE_PLUGIN_ROOT}`, `${CLAUDE_PLUGIN_DATA}` and
//! `$ARGUMENTS` substituted in it, each Run block one Bash call in a fresh
//! process that inherits only PATH and HOME (the working directory and HOME
//! persist between calls), every `<NAME>` placeholder filled with a value of
//! the input's type. Cluster and infrastructure tools are fakes on PATH that
//! record their arguments and print nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The tools the fakes stand in for: whatever reaches a cluster, a
/// hypervisor, a secret store or the network.
pub const FAKES: &[&str] = &[
    "kubectl",
    "helm",
    "talosctl",
    "talm",
    "omnictl",
    "linstor",
    "clusterctl",
    "cilium",
    "argocd",
    "flux",
    "virtctl",
    "curl",
    "wget",
    "ssh",
    "scp",
    "sops",
    "age",
    "age-keygen",
    "pass",
    "docker",
    "drbdadm",
    "drbdsetup",
    "zpool",
    "dmesg",
    "git",
    "pvesh",
    "qm",
    "gh",
    "sleep",
];

/// How long one call may take: a phase that polls a cluster until it is
/// ready polls the fakes forever (they never report ready), and counts as
/// run when stopped.
pub const CALL_LIMIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The exit code of a phase script whose inputs are missing or malformed.
pub const BAD_INPUT: i32 = 64;

/// The value the harness gives every kubeconfig-context input.
pub const CONTEXT: &str = "harness-ctx";

/// One row of SKILL.md's inputs table.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    /// The type as the table states it.
    pub kind: String,
    pub required: bool,
    pub default: Option<String>,
}

/// One phase section of SKILL.md.
#[derive(Debug, Clone)]
pub struct Phase {
    pub number: String,
    pub gate: bool,
    pub mutating: bool,
    /// The section's text (heading to the next heading).
    pub text: String,
    /// The command of its Run block, as written.
    pub run: Option<String>,
}

/// A compiled skill as SKILL.md presents it.
#[derive(Debug)]
pub struct Skill {
    pub dir: PathBuf,
    pub md: String,
    pub inputs: Vec<Input>,
    pub phases: Vec<Phase>,
}

impl Skill {
    pub fn read(dir: &Path) -> Skill {
        let md = std::fs::read_to_string(dir.join("SKILL.md")).unwrap();
        let inputs = inputs(&md);
        let phases = phases(&md);
        Skill {
            dir: dir.to_path_buf(),
            md,
            inputs,
            phases,
        }
    }
    pub fn input(&self, name: &str) -> Option<&Input> {
        self.inputs.iter().find(|i| i.name == name)
    }
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split(" | ")
        .map(|c| c.trim().to_string())
        .collect()
}

fn inputs(md: &str) -> Vec<Input> {
    let Some(start) = md.find("## Inputs") else {
        return Vec::new();
    };
    md[start..]
        .lines()
        .skip_while(|l| !l.starts_with("| Input |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let c = cells(l);
            Input {
                name: c[0].trim_matches('`').to_string(),
                kind: c[1].clone(),
                required: c[2] == "yes",
                default: Some(c[3].trim_matches('`').to_string()).filter(|d| !d.is_empty()),
            }
        })
        .collect()
}

fn phases(md: &str) -> Vec<Phase> {
    let heading = regex::Regex::new(r"(?m)^#{2,6} Phase ([0-9.]+) — .*$").unwrap();
    let starts: Vec<(usize, String)> = heading
        .captures_iter(md)
        .map(|c| (c.get(0).unwrap().start(), c[1].to_string()))
        .collect();
    let run = regex::Regex::new(r"(?m)^Run:\n```bash\n(.*)\n```").unwrap();
    let mut out = Vec::new();
    for (i, (at, number)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or_else(
            || {
                md[*at..]
                    .find("\n## Guardrails")
                    .map_or(md.len(), |e| at + e)
            },
            |(e, _)| *e,
        );
        let text = md[*at..end].to_string();
        let first = text.lines().next().unwrap_or("");
        out.push(Phase {
            number: number.clone(),
            gate: first.contains("(STOP GATE "),
            mutating: text.contains("Mode: **mutating**"),
            run: run.captures(&text).map(|c| c[1].to_string()),
            text,
        });
    }
    out
}

/// Where the calls run: HOME, the working directory, the fakes, their log.
pub struct Sandbox {
    pub root: tempfile::TempDir,
}

/// What one Bash call did.
#[derive(Debug)]
pub struct Ran {
    pub command: String,
    pub code: i32,
    /// Stopped at [`CALL_LIMIT`] (still polling).
    pub timed_out: bool,
    pub stderr: String,
    /// The fakes' calls: the tool and its arguments.
    pub calls: Vec<Vec<String>>,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let root = tempfile::tempdir().unwrap();
        for d in ["home", "work", "bin", "data"] {
            std::fs::create_dir_all(root.path().join(d)).unwrap();
        }
        let log = root.path().join("calls.log");
        for tool in FAKES {
            let path = root.path().join("bin").join(tool);
            let script = format!(
                "#!/bin/bash\n{{ printf '%s' '{tool}'; for a in \"$@\"; do printf '\\t%s' \"$a\"; done; printf '\\n'; }} >> '{}'\nexit 0\n",
                log.display()
            );
            std::fs::write(&path, script).unwrap();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
            }
        }
        Sandbox { root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.path().join(rel)
    }

    /// A value of `input`'s type: its default, else a plausible one (a
    /// folder made for a path).
    pub fn value(&self, input: &Input) -> String {
        if let Some(d) = &input.default {
            return d.clone();
        }
        let kind = input.kind.as_str();
        if kind == "kubeconfig context" {
            CONTEXT.into()
        } else if kind == "IPv4 address" {
            "192.0.2.10".into()
        } else if kind.starts_with("IPv4 addresses") {
            "192.0.2.10,192.0.2.11".into()
        } else if kind.starts_with("whole number") {
            "3".into()
        } else if kind.contains("`true`") {
            "true".into()
        } else if let Some(rest) = kind.strip_prefix("one of ") {
            rest.split(", ").next().unwrap().trim_matches('`').into()
        } else if kind == "path" {
            let p = self.path(&format!("paths/{}", input.name.to_lowercase()));
            std::fs::create_dir_all(&p).unwrap();
            p.display().to_string()
        } else {
            format!("harness-{}", input.name.to_lowercase().replace('_', "-"))
        }
    }

    /// The values of every input of `skill`.
    pub fn values(&self, skill: &Skill) -> BTreeMap<String, String> {
        skill
            .inputs
            .iter()
            .map(|i| (i.name.clone(), self.value(i)))
            .collect()
    }

    /// `command` as Claude runs it: placeholders filled from `values` (an
    /// input missing from `values` is left out of the command), Claude Code's
    /// substitutions made.
    pub fn fill(&self, skill: &Skill, command: &str, values: &BTreeMap<String, String>) -> String {
        let arg = regex::Regex::new(r" ([A-Z][A-Z0-9_]*)='<([A-Z][A-Z0-9_]*)>'").unwrap();
        let filled = arg.replace_all(command, |c: &regex::Captures<'_>| match values.get(&c[1]) {
            Some(v) => format!(" {}='{}'", &c[1], v.replace('\'', r"'\''")),
            None => String::new(),
        });
        self.substitute(skill, &filled)
    }

    /// What Claude Code substitutes in SKILL.md's text before Claude reads it.
    pub fn substitute(&self, skill: &Skill, text: &str) -> String {
        let plugin_root = skill.dir.parent().and_then(Path::parent).unwrap();
        text.replace("${CLAUDE_SKILL_DIR}", &skill.dir.display().to_string())
            .replace("${CLAUDE_PLUGIN_ROOT}", &plugin_root.display().to_string())
            .replace(
                "${CLAUDE_PLUGIN_DATA}",
                &self.path("data").display().to_string(),
            )
            .replace("$ARGUMENTS", "")
    }

    /// One Bash call: a fresh `bash -c` with only PATH and HOME, in the
    /// working directory.
    pub fn run(&self, command: &str) -> Ran {
        let log = self.path("calls.log");
        let _ = std::fs::remove_file(&log);
        let path = format!(
            "{}:/usr/local/bin:/usr/bin:/bin",
            self.path("bin").display()
        );
        let err = self.path("stderr.txt");
        let mut child = {
            let mut c = Command::new("/bin/bash");
            c.arg("-c")
                .arg(command)
                .env_clear()
                .env("PATH", path)
                .env("HOME", self.path("home"))
                .current_dir(self.path("work"))
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::fs::File::create(&err).unwrap());
            #[cfg(unix)]
            std::os::unix::process::CommandExt::process_group(&mut c, 0);
            c.spawn().unwrap()
        };
        let start = std::time::Instant::now();
        let mut timed_out = false;
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > CALL_LIMIT {
                timed_out = true;
                // The call's process group: bash and whatever it started.
                let _ = Command::new("kill")
                    .args(["-s", "KILL", "--", &format!("-{}", child.id())])
                    .status();
                let _ = child.kill();
                break child.wait().unwrap();
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let calls = std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect();
        Ran {
            command: command.to_string(),
            code: status.code().unwrap_or(-1),
            timed_out,
            stderr: std::fs::read_to_string(&err).unwrap_or_default(),
            calls,
        }
    }
}

/// Whether a fake's kubectl or helm call reaches a cluster: not `kubectl
/// config …` or `version --client`, not helm's repository, chart and
/// plugin commands.
pub fn reaches_cluster(call: &[String]) -> bool {
    let words: Vec<&str> = call[1..]
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .collect();
    match call[0].as_str() {
        "kubectl" => {
            !matches!(words.first(), Some(&"config") | Some(&"completion"))
                && !call.iter().any(|a| a == "--client" || a == "--client=true")
        }
        "helm" => !matches!(
            words.first(),
            Some(
                &"repo"
                    | &"show"
                    | &"version"
                    | &"template"
                    | &"search"
                    | &"pull"
                    | &"plugin"
                    | &"env"
                    | &"dependency"
                    | &"package"
                    | &"lint"
                    | &"registry"
            )
        ),
        _ => false,
    }
}

/// Whether a cluster call names its cluster: the `context` it was given
/// (kubectl `--context`, helm `--kube-context`, as `--flag value` or
/// `--flag=value`), or a kubeconfig file of its own (`--kubeconfig`).
pub fn names_context(call: &[String], context: &str) -> bool {
    let flag = match call[0].as_str() {
        "helm" => "--kube-context",
        _ => "--context",
    };
    call.windows(2).any(|w| w[0] == flag && w[1] == context)
        || call.iter().any(|a| *a == format!("{flag}={context}"))
        || call
            .iter()
            .any(|a| a == "--kubeconfig" || a.starts_with("--kubeconfig="))
}

/// The skill folders under `root` that a typed source compiles.
pub fn compiled_skills(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for plugin in std::fs::read_dir(root.join("plugins")).unwrap() {
        let skills = plugin.unwrap().path().join("skills");
        let Ok(entries) = std::fs::read_dir(&skills) else {
            continue;
        };
        for s in entries {
            let dir = s.unwrap().path();
            if dir.join("skill.yaml").is_file() {
                out.push(dir);
            }
        }
    }
    out.sort();
    out
}
