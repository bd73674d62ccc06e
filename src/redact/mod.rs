//! Detectors for private data in public content — addresses, internal
//! hostnames, emails, cloud identifiers, secrets, personal paths and
//! deny-listed names — shared by the redaction rules (`RD…`) and by
//! `skillc redact`, so the two can never disagree.

mod allow;
mod cloud;
mod context;
mod environment;
mod network;
mod personal;
pub mod replace;
mod secrets;
mod values;

use allow::*;
pub use allow::{DEFAULT_ALLOWED_CIDRS, ipv4_allowed, ipv6_allowed};
use cloud::cloud;
pub use context::bylines;
pub use environment::textbook_v4;
pub use network::email_ranges;
use network::{emails, hosts, ipv4, ipv6};
use personal::{denied, personal_paths};
pub use secrets::high_confidence;
use secrets::secrets;
pub use values::{entropy, is_placeholder};

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
    /// Emails of the people a tree publishes as its authors (manifest
    /// `author`/`owner`, frontmatter `author`/`maintainer`, bylines) are
    /// public on purpose.
    pub exempt_manifest_people: bool,
    /// The text is from a real session (what `skillc redact` reads), not
    /// published documentation: every address is someone's, so textbook
    /// addresses, the environment test, single host names and "bad
    /// example" context do not exempt anything, and assigned credentials
    /// are reported whatever their entropy.
    pub session: bool,
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
            session: false,
        }
    }
}

impl RedactConfig {
    /// The settings for text from a real session (`skillc redact`).
    pub fn session() -> Self {
        RedactConfig {
            session: true,
            ..RedactConfig::default()
        }
    }

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
    secrets(text, cfg, &mut hits);
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

    fn found_with(text: &str, cfg: &RedactConfig) -> Vec<(Kind, String)> {
        detect(text, cfg)
            .into_iter()
            .map(|h| (h.kind, h.value))
            .collect()
    }

    /// What published text reports.
    fn found(text: &str) -> Vec<(Kind, String)> {
        found_with(text, &RedactConfig::default())
    }

    /// What a session (`skillc redact`) reports.
    fn in_session(text: &str) -> Vec<(Kind, String)> {
        found_with(text, &RedactConfig::session())
    }

    fn kinds(text: &str) -> Vec<Kind> {
        found(text).into_iter().map(|(k, _)| k).collect()
    }

    fn labels(text: &str) -> Vec<&'static str> {
        detect(text, &RedactConfig::default())
            .into_iter()
            .map(|h| h.label)
            .collect()
    }

    #[test]
    fn ipv4_that_identifies_an_environment() {
        let v4 = |t: &str| -> Vec<String> {
            found(t)
                .into_iter()
                .filter(|(k, _)| *k == Kind::Ipv4)
                .map(|(_, v)| v)
                .collect()
        };
        // Kept: a role in configuration, or a real host name beside it.
        for (text, ip) in [
            ("ssh root@10.143.27.88", "10.143.27.88"),
            ("  host: \"10.17.100.10\"", "10.17.100.10"),
            (
                "kubeconfig:\n  server: https://10.17.100.10:6443\n",
                "10.17.100.10",
            ),
            ("endpoints: \"10.0.0.1:6443,10.17.0.27:6443\"", "10.17.0.27"),
            ("nodes:\n  - 10.17.0.27\n", "10.17.0.27"),
            ("10.17.0.27 db1 db1.lab\n", "10.17.0.27"),
            ("curl -k https://192.168.3.5:8006/api2/json", "192.168.3.5"),
            ("talosctl -n 192.168.3.155 get links", "192.168.3.155"),
            (
                "| Omni | 192.168.10.20 | omni.spaceships.work |",
                "192.168.10.20",
            ),
            // A textbook address beside a real host name is that host's.
            ("pve.annarchy.net -> 10.0.0.6", "10.0.0.6"),
            ("nmap -sV 45.33.32.156", "45.33.32.156"),
        ] {
            assert_eq!(v4(text), [ip], "{text}");
        }
        // Every occurrence of an address that identifies an environment,
        // and the private network holding it.
        assert_eq!(
            v4("host: 10.17.3.5\n\nIt is 10.17.3.5 in 10.17.3.0/24, not 10.17.4.0/24.\n"),
            ["10.17.3.5", "10.17.3.5", "10.17.3.0"]
        );
        // Dropped: textbook addresses, addresses without a role.
        for text in [
            "ping 192.168.1.100",
            "  host: \"10.0.0.10\"",
            "server: https://10.0.0.1:6443",
            "gateway: 192.168.0.1",
            "subnets: [\"10.0.1.0/24\", \"10.0.2.0/24\"]",
            "ssh root@10.10.10.10",
            "nmap 172.16.0.1",
            "vboxnet0 192.168.56.1:22",
            "talosctl --nodes 1.2.3.4,5.6.7.8",
            "externalIPs:\n  - 80.11.12.10\n",
            "X-Forwarded-For: 160.79.108.42",
            "ip.addr == 10.17.3.5",
            "The pool ends at 10.17.3.5, then wraps.",
            "| cp1 | 10.17.3.5 | controlplane |",
            "web1.example.com ansible_host=10.0.1.10",
            "db.company.com is at 10.17.3.5",
            "pod_cidr: 10.245.0.0/16",
        ] {
            assert!(v4(text).is_empty(), "{text}: {:?}", found(text));
        }
        // An interface address (`/24` with host bits) is a host.
        assert_eq!(v4("address: 10.17.3.5/24"), ["10.17.3.5"]);
        // A textbook address with a role joins an environment the text
        // shows in its /24; without one it stays a textbook address.
        assert_eq!(
            v4(
                "db.spaceships.work -> 10.0.0.6\nserver pve01 10.0.0.21:8006\nserver x 10.0.1.7:80\n"
            ),
            ["10.0.0.6", "10.0.0.21"]
        );
        // A session reports every address that is not allowed outright.
        assert_eq!(in_session("ping 192.168.1.100 and 10.1.2.3").len(), 2);
    }

    #[test]
    fn ipv4_never_reported() {
        for ok in [
            "host: 192.0.2.10",
            "host: 198.51.100.7",
            "host: 203.0.113.9",
            "host: 127.0.0.1",
            "host: 0.0.0.0",
            "host: v1.2.3.4",
            "image:1.2.3.4",
            "host: 1.2.3.4-rc1",
            "cidr: 10.244.0.0/16",
            "cidr: 0.0.0.0/0",
            "host: 1.2.3.4.5",
            "mask: 255.255.255.0",
            "dns: 8.8.8.8",
            "version 1.28.3.1a",
            "dns: 10.96.0.10",
            "host: 10.244.1.7",
            "allow 198.41.192.0/19 and 2606:4700:a0::/44",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
            assert!(in_session(ok).iter().all(|(k, _)| *k != Kind::Ipv4), "{ok}");
        }
        assert_eq!(
            kinds("route: 192.168.3.0/24 via x\nhost: 192.168.3.7"),
            [Kind::Ipv4, Kind::Ipv4]
        );
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
    fn internal_hosts() {
        assert_eq!(kinds("ssh db1.prod.internal"), [Kind::Host]);
        assert_eq!(kinds("ssh root@pve1.lab.home"), [Kind::Host]);
        assert_eq!(labels("nc db1.prod.internal 8125"), ["internal-host"]);
        for ok in [
            // One name on the suffix names a service, not a network.
            "nc statsd.local 8125",
            "nas.home and git.corp",
            "--cluster-domain=cozy.local",
            "host: postgres.internal",
            // Placeholder domains, bad examples, tails of longer words.
            "ldap://dc1.domain.local",
            "api.company.internal",
            "# Bad: never hard-code hosts\nurl: https://db1.prod.internal/x",
            "❌ api.prod.internal",
            "_acme-challenge.proxmox.home",
            "Environment.LOCAL and Icons.Default.Home",
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
        // A session reports single names and bad examples too.
        assert_eq!(in_session("nas.home and git.corp").len(), 2);
        assert_eq!(in_session("❌ api.prod.internal").len(), 1);
    }

    #[test]
    fn emails() {
        for leak in [
            "mail dana.whitfield@fastmail.fm",
            "Ask k.oyelaran@spaceships.work",
            "Reviewed-by: Ivo Brandt <ivo@brandt-ops.de>",
        ] {
            assert_eq!(kinds(leak), [Kind::Email], "{leak}");
        }
        for ok in [
            "user@example.com",
            "ops@example.org",
            "git@github.com:org/repo.git",
            "@scope/pkg",
            // Placeholder domains and people.
            "devops@company.com",
            "jane.doe@acme.io",
            "admin@acme.com",
            "test.user@domain.co.uk",
            "your@email.com",
            "a@b.com",
            "someone@icloud.com",
            "friend@icloud.com",
            "john@co.com",
            "certbot@your-project.iam.gserviceaccount.com",
            "first.last@contoso.com",
            // Mailboxes of a function.
            "noreply@anthropic.com",
            "Contact support@vendor.io",
            "mcp-review@anthropic.com",
            "data-team@bigcorp.io",
            // Logins and URL credentials.
            "ssh root@pve01.annarchy.net 'pveversion'",
            "scp x deploy@build7.spaceships.work:/srv",
            "s=https://user:pass@api.spaceships.work/store/",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
        // A session reports logins and URL credentials as they are.
        assert_eq!(
            in_session("ssh deploy@build7.spaceships.work")[0].0,
            Kind::Email
        );
    }

    #[test]
    fn cloud_ids() {
        let ocid = concat!(
            "ocid1.instance.oc1.eu-frankfurt-1.",
            "anthelj4qmw2wxfogo4mvn4a4wfhym4l1vfz3zf"
        );
        assert_eq!(kinds(ocid), [Kind::Cloud]);
        assert!(kinds("ocid1.tenancy.oc1..aaaaaaaaxxxxxxxxxxxxxxxxxxxxxxxx").is_empty());
        assert_eq!(kinds("arn:aws:iam::493817265012:role/x"), [Kind::Cloud]);
        for fake in [
            "123456789012",
            "000000000000",
            "111111111111",
            "111122223333",
            "210987654321",
        ] {
            let arn = format!("arn:aws:iam::{fake}:role/x");
            assert!(kinds(&arn).is_empty(), "{arn}");
        }
        assert_eq!(
            kinds("projects/acme-prod-4471/locations/europe-west1"),
            [Kind::Cloud]
        );
        assert_eq!(kinds("projects/spaceships-ops/zones/x"), [Kind::Cloud]);
        for ok in [
            "projects/PROJECT_ID/locations/x",
            "projects/staging/locations/x",
            "projects/production/zones/x",
            "projects/my-project/locations/x",
            "projects/your-project/locations/x",
            "projects/example-project/locations/x",
            "projects/my-project-12345/locations/x",
            "projects/myproject/instances/default",
            "projects/prod-analytics/datasets/x",
            "projects/debian-cloud/global/images/x",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
        assert_eq!(
            kinds("/subscriptions/3f2a9c1e-7b4d-4d5e-8f90-6c1b2a9e8d47/resourceGroups/x"),
            [Kind::Cloud]
        );
        for ok in [
            "/subscriptions/00000000-0000-0000-0000-000000000000/x",
            "/subscriptions/12345678-1234-1234-1234-123456789012/x",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }

    #[test]
    fn high_confidence_secrets() {
        let tokens = [
            concat!("ghp_", "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d"),
            concat!("github_pat_", "11AQZD2Y0xgJTeKdNnFRIBXuDL7Dx"),
            concat!("glpat-", "xgJTeKdNnFRIBXuDL7Dx"),
            concat!("xoxb-", "4471930265-OoNZYW2mZp0zVZomHFwUbbYr"),
            concat!("sk_live_", "OoNZYW2mZp0zVZomHFwUbbYr"),
            concat!("AIza", "SyMFxFkM_R5Kjp1vRt-1fjORS_6ilI8ihN5"),
            concat!("sk-ant-api03-", "MFxFkM_R5Kjp1vRt-1fjORS_6ilI8ihN5KXSc7Tv"),
            concat!(
                "AGE-SECRET-KEY-1",
                "H7DNSIPZZ7FK4ZRI3R2WYOJFLJOOA7LQSAJ2XUID5ZZZZG6ZDMEN4KHVDG"
            ),
            concat!("AKIA", "ZDOC9IS0J8HT9LGM"),
            concat!(
                "aws_secret_access_key = ",
                "atmUdjAWtGSU8po/799NksnRH9ucAUsdMlHUvTCQ"
            ),
            "password=h7Tq9zLm2Xv4Pw8sK",
            "client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ",
        ];
        for t in tokens {
            let hits = detect(t, &RedactConfig::default());
            assert_eq!(hits.len(), 1, "{t}: {hits:?}");
            assert_eq!(hits[0].kind, Kind::Secret, "{t}");
            assert!(high_confidence(hits[0].label), "{t}: {}", hits[0].label);
        }
        assert_eq!(
            kinds(
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----"
            ),
            [Kind::Secret]
        );
    }

    #[test]
    fn likely_secrets_are_warnings() {
        for (t, label) in [
            (
                "token: 8d41bed440e50454f31af3176813e02e",
                "possible-credential",
            ),
            (
                "api_key = 3f2a9c1e-7b4d-4d5e-8f90-6c1b2a9e8d47",
                "possible-credential",
            ),
            (
                concat!("sk_test_", "OoNZYW2mZp0zVZomHFwUbbYr"),
                "stripe-test-key",
            ),
            (
                concat!(
                    "eyJhbGciOiJIUzI1NiJ9.",
                    "eyJzdWIiOiJrOHMtc2EifQ.",
                    "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
                ),
                "jwt",
            ),
            // Generated-looking, but shown as what not to do.
            (
                "# Bad: hardcoded\npassword = \"h7Tq9zLm2Xv4Pw8sK\"",
                "possible-credential",
            ),
        ] {
            assert_eq!(labels(t), [label], "{t}");
            assert!(!high_confidence(label));
        }
    }

    #[test]
    fn not_secrets() {
        for ok in [
            // Placeholders and instructions.
            "password=<your-password>",
            "password: ${DB_PASSWORD}",
            "password: $DB_PASSWORD",
            "token: $(pass show x)",
            "password=changeme123",
            "api_key=abc123",
            "secret=1234567890abcdef",
            "token: your-token-here",
            "token: xxxxxxxxxxxxxxxx",
            "JWT_SECRET=generate-with-openssl-rand-base64-32",
            // Words are placeholders, bad example or not.
            "# Don't do this\npassword = \"MySecretPassword123\"",
            "password: password123",
            "DB_PASSWORD=SuperSecret!",
            "password = \"CorrectHorseBatteryStaple9\"",
            // Lookups.
            "api_key = os.environ['API_KEY']",
            "token = os.getenv(\"TOKEN\")",
            "const apiKey = process.env.API_KEY",
            "token = ENV['TOKEN']",
            "token: ${{ secrets.GH_TOKEN }}",
            // Code, paths, hashes.
            "sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "token-file: /var/run/secrets/token",
            "token = secrets.token_hex(16)",
            "stakingToken = IERC20(_stakingToken);",
            // The download token of a public image URL.
            "![x](https://firebasestorage.googleapis.com/v0/b/app.appspot.com/o/img%2Fa.png?alt=media&token=3f2a9c1e-7b4d-4d5e-8f90-6c1b2a9e8d47)",
            "https://cdn.site.io/a/photo.jpg?token=8d41bed440e50454f31af3176813e02e",
            // Filler in a vendor format, documentation values.
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345",
            "AKIAIOSFODNN7EXAMPLE",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "pk_live_OoNZYW2mZp0zVZomHFwUbbYr",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        ] {
            assert!(kinds(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
        // A session redacts a worded password, not a lookup or a placeholder.
        assert_eq!(in_session("password: password123").len(), 1);
        assert_eq!(in_session("password: Summer2024!").len(), 1);
        assert!(kinds("password: Summer2024!").is_empty());
        assert!(in_session("password: ${DB_PASSWORD}").is_empty());
        assert!(in_session("AKIAIOSFODNN7EXAMPLE").is_empty());
        // A token in the query of an API URL is one.
        assert_eq!(
            kinds("https://api.site.io/v1/items?token=h7Tq9zLm2Xv4Pw8sK"),
            [Kind::Secret]
        );
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
            "/home/ansible/docker/omni",
            "/Users/ada/letsencrypt/live",
            "/home/deploy/app",
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
