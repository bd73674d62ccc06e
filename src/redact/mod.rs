//! Detectors for private data in public content — addresses, internal
//! hostnames, emails, cloud identifiers, secrets, personal paths and
//! deny-listed names — shared by the redaction rules (`RD…`) and by
//! `skillc redact`, so the two can never disagree.

mod allow;
mod cloud;
mod network;
mod personal;
pub mod replace;
mod secrets;

use allow::*;
pub use allow::{DEFAULT_ALLOWED_CIDRS, ipv4_allowed, ipv6_allowed};
use cloud::cloud;
use network::{emails, hosts, ipv4, ipv6};
use personal::{denied, personal_paths};
use secrets::secrets;

use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;

/// What a detector found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Ipv4,
    Ipv6,
    Host,
    Email,
    Cloud,
    Secret,
    PersonalPath,
    DeniedName,
}

/// One finding: its kind, a label naming the exact form (`aws-access-key`),
/// the byte range in the text and the text found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub label: &'static str,
    pub range: Range<usize>,
    pub value: String,
}

/// Detector settings (from `[redaction]` in skillc.toml and `SKILLC_DENY`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedactConfig {
    /// CIDR notations that may appear as written (`10.244.0.0/16`, `0.0.0.0/0`).
    pub allow_cidrs: Vec<String>,
    /// Networks whose addresses are all fine to publish (Kubernetes defaults).
    pub allow_networks: Vec<String>,
    /// Host names or domain suffixes that are fine (`cluster.local`).
    pub allow_hosts: Vec<String>,
    /// Domains that must never appear (`acme-corp.com`).
    pub deny_domains: Vec<String>,
    /// Names that must never appear (customers, clusters), whole words.
    pub deny_names: Vec<String>,
    /// Emails in `author`/`owner` of manifests are public on purpose.
    pub exempt_manifest_people: bool,
}

impl Default for RedactConfig {
    fn default() -> Self {
        RedactConfig {
            allow_cidrs: DEFAULT_ALLOWED_CIDRS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            allow_networks: DEFAULT_ALLOWED_NETWORKS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            allow_hosts: [
                "cluster.local",
                "docker.internal",
                "metadata.google.internal",
                "localhost.localdomain",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            deny_domains: Vec::new(),
            deny_names: Vec::new(),
            exempt_manifest_people: true,
        }
    }
}

impl RedactConfig {
    /// Add names from the `SKILLC_DENY` environment variable (comma-separated).
    pub fn with_env(mut self) -> Self {
        if let Ok(v) = std::env::var("SKILLC_DENY") {
            self.deny_names.extend(
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
        }
        self
    }
}

/// Values that are obviously not real: templates, variables, examples.
pub fn is_placeholder(v: &str) -> bool {
    let t = v.trim_matches(['"', '\'', '`', ',', ';']);
    if t.is_empty()
        || t.starts_with('<')
        || t.starts_with("${")
        || t.starts_with('$')
        || t.starts_with("{{")
        || t.starts_with('%')
    {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    [
        "example",
        "changeme",
        "change-me",
        "placeholder",
        "redacted",
        "your",
        "xxxx",
        "****",
        "...",
        "dummy",
        "secret-here",
        "todo",
        "replace",
    ]
    .iter()
    .any(|p| lower.contains(p))
        || t.chars().all(|c| c == t.chars().next().unwrap_or(' '))
}

/// Shannon entropy in bits per character.
pub fn entropy(s: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    let n = s.chars().count() as f64;
    for c in s.chars() {
        *counts.entry(c).or_insert(0u32) += 1;
    }
    counts
        .values()
        .map(|c| {
            let p = *c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

fn word_boundary_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
}

fn word_boundary_after(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
}

/// Compile the detectors' patterns now, by running them on a text that
/// reaches every one of them. A load starts this on a thread of its own, so
/// the first files the redaction check reads do not wait for compiling.
pub fn warm() {
    const TEXT: &str = "AKIAABCDEFGHIJKLMNOP aws_secret_access_key = x\n\
        password: s3cr3t-Value-42\nhost db.internal 10.1.2.3 fe80::1 /home/someone/x";
    let _ = detect(TEXT, &RedactConfig::default());
}

/// Run every detector over `text`. Hits are sorted and do not overlap (the
/// longer, then the earlier, wins).
pub fn detect(text: &str, cfg: &RedactConfig) -> Vec<Hit> {
    let mut hits = Vec::new();
    secrets(text, &mut hits);
    cloud(text, &mut hits);
    emails(text, cfg, &mut hits);
    ipv4(text, cfg, &mut hits);
    ipv6(text, &mut hits);
    hosts(text, cfg, &mut hits);
    personal_paths(text, &mut hits);
    denied(text, cfg, &mut hits);
    hits.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
    });
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if let Some(last) = out.last()
            && h.range.start < last.range.end
        {
            continue;
        }
        out.push(h);
    }
    out
}

fn push(hits: &mut Vec<Hit>, kind: Kind, label: &'static str, text: &str, range: Range<usize>) {
    hits.push(Hit {
        kind,
        label,
        value: text[range.clone()].to_string(),
        range,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Kind, String)> {
        detect(text, &RedactConfig::default())
            .into_iter()
            .map(|h| (h.kind, h.value))
            .collect()
    }

    fn kinds(text: &str) -> Vec<Kind> {
        found(text).into_iter().map(|(k, _)| k).collect()
    }

    #[test]
    fn ipv4_true_positives_and_negatives() {
        assert_eq!(
            found("ssh root@10.1.2.3 and 8.8.4.5"),
            [
                (Kind::Ipv4, "10.1.2.3".into()),
                (Kind::Ipv4, "8.8.4.5".into())
            ]
        );
        assert_eq!(kinds("--node-ip=172.20.0.7"), [Kind::Ipv4]);
        assert_eq!(kinds("http://192.168.1.10:8080/"), [Kind::Ipv4]);
        assert_eq!(kinds("route 192.168.3.0/24 via x"), [Kind::Ipv4]);
        assert!(kinds("allow 198.41.192.0/19 and 2606:4700:a0::/44").is_empty());
        for ok in [
            "192.0.2.10",
            "198.51.100.7",
            "203.0.113.9",
            "127.0.0.1",
            "0.0.0.0",
            "v1.2.3.4",
            "image:1.2.3.4",
            "1.2.3.4-rc1",
            "10.244.0.0/16",
            "10.96.0.0/12",
            "0.0.0.0/0",
            "1.2.3.4.5",
            "255.255.255.0",
            "8.8.8.8",
            "version 1.28.3.1a",
            "10.96.0.10",
            "10.244.1.7",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }

    #[test]
    fn ipv6() {
        assert_eq!(kinds("addr fd00:10:244::1 here"), [Kind::Ipv6]);
        assert_eq!(kinds("2a01:4f8:c2c:1234::1"), [Kind::Ipv6]);
        // Four hex digits between colons: the most the colon prescan allows.
        assert_eq!(
            kinds("fd12:3456:789a:0001:0000:0000:0000:0001"),
            [Kind::Ipv6]
        );
        for ok in [
            "2001:db8::1",
            "::1",
            "at 12:30:45",
            "aa:bb:cc:dd:ee:ff",
            "std::vec::Vec",
            "key: value",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }

    #[test]
    fn hosts_and_emails() {
        assert_eq!(kinds("ssh db1.prod.internal"), [Kind::Host]);
        assert!(kinds("Environment.LOCAL and Icons.Default.Home").is_empty());
        assert_eq!(
            detect("nc statsd.local 8125", &RedactConfig::default())[0].label,
            "generic-internal-host"
        );
        assert_eq!(kinds("nas.home and git.corp"), [Kind::Host, Kind::Host]);
        for ok in [
            "svc.cluster.local",
            "kubernetes.default.svc.cluster.local",
            "host.docker.internal",
            "app.example.com",
            "x.test",
            "values.yaml",
            "localhost",
            "metadata.google.internal",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
        assert_eq!(kinds("mail jane.doe@acme.io"), [Kind::Email]);
        for ok in [
            "user@example.com",
            "git@github.com:org/repo.git",
            "@scope/pkg",
            "ops@example.org",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }

    #[test]
    fn cloud_ids() {
        assert_eq!(
            kinds("ocid1.instance.oc1.eu-frankfurt-1.antheljtqxyzabcdefghijklmnopqrstu"),
            [Kind::Cloud]
        );
        assert_eq!(kinds("arn:aws:iam::210987654321:role/x"), [Kind::Cloud]);
        assert!(kinds("arn:aws:iam::123456789012:role/x").is_empty());
        assert_eq!(
            kinds("projects/acme-prod-4471/locations/europe-west1"),
            [Kind::Cloud]
        );
        assert!(kinds("projects/PROJECT_ID/locations/x").is_empty());
        assert_eq!(
            kinds("/subscriptions/3f2a9c1e-1b2c-4d5e-8f90-1234567890ab/resourceGroups/x"),
            [Kind::Cloud]
        );
        assert!(kinds("/subscriptions/00000000-0000-0000-0000-000000000000/x").is_empty());
    }

    #[test]
    fn secrets() {
        assert_eq!(
            found("AKIAIOSFODNN7EXAMPLE")[0].0,
            Kind::Secret,
            "the documentation key teaches pasting keys"
        );
        for s in [
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "glpat-abcdefghij0123456789",
            "xoxb-123456789012-abcdefghijkl",
            "sk_live_abcdefghijklmnop1234",
            "AIzaSyA1234567890abcdefghijklmnopqrstuv",
            "sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345",
            "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "password=h7Tq9zLm2Xv4Pw8s",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ] {
            assert_eq!(kinds(s), [Kind::Secret], "{s}");
        }
        assert_eq!(
            kinds(
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----"
            ),
            [Kind::Secret]
        );
        for ok in [
            "password=<your-password>",
            "password: ${DB_PASSWORD}",
            "token: $(pass show x)",
            "sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "password=changeme123",
            "token-file: /var/run/secrets/token",
            "api_key = os.environ['API_KEY']",
            "token = secrets.token_hex(16)",
            "stakingToken = IERC20(_stakingToken);",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }

    #[test]
    fn personal_paths_and_denied_names() {
        assert_eq!(kinds("cd /home/akozlov/projects"), [Kind::PersonalPath]);
        assert_eq!(kinds("/Users/mtaylor/Library"), [Kind::PersonalPath]);
        for ok in [
            "/home/user/x",
            "/Users/you/x",
            "/home/$USER/x",
            "/home/<user>/x",
            "/home/ubuntu/.kube",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
        let cfg = RedactConfig {
            deny_names: vec!["Acme".into()],
            ..RedactConfig::default()
        };
        let hits = detect("The acme cluster, not acmes.", &cfg);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].kind, Kind::DeniedName);
    }
}
