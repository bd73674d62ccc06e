//! Detectors for private data in public content — addresses, internal
//! hostnames, emails, cloud identifiers, secrets, personal paths and
//! deny-listed names — shared by the redaction rules (`RD…`) and by
//! `skillc redact`, so the two can never disagree.

pub mod replace;

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

/// CIDR notations that name well-known networks (the RFC 1918 blocks
/// themselves, Kubernetes defaults): writing them reveals nothing.
pub const DEFAULT_ALLOWED_CIDRS: &[&str] = &[
    "0.0.0.0/0",
    "10.0.0.0/8",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "100.64.0.0/10",
    "169.254.0.0/16",
    "127.0.0.0/8",
    "10.244.0.0/16",
    "10.96.0.0/12",
    "10.96.0.0/16",
    "10.42.0.0/16",
    "10.43.0.0/16",
    "10.16.0.0/16",
    "100.64.0.0/16",
    "172.17.0.0/16",
    "10.0.0.0/16",
    "172.31.0.0/16",
    "::/0",
    "fc00::/7",
    "fe80::/10",
];

/// Networks whose every address is a well-known default: the Kubernetes pod
/// and service ranges of kubeadm/flannel and k3s (`10.96.0.10` is kube-dns
/// everywhere) and Docker's default bridge.
pub const DEFAULT_ALLOWED_NETWORKS: &[&str] = &[
    "10.244.0.0/16",
    "10.96.0.0/12",
    "10.42.0.0/16",
    "10.43.0.0/16",
    "172.17.0.0/16",
];

/// Addresses that are well known and public (resolvers, the metadata service).
const WELL_KNOWN_V4: &[&str] = &[
    "1.1.1.1",
    "1.0.0.1",
    "8.8.8.8",
    "8.8.4.4",
    "9.9.9.9",
    "149.112.112.112",
    "169.254.169.254",
    "255.255.255.255",
    "100.100.100.100",
];

fn parse_cidr(c: &str) -> Option<(Ipv4Addr, u8)> {
    let (a, p) = c.split_once('/')?;
    Some((a.parse().ok()?, p.parse().ok().filter(|p: &u8| *p <= 32)?))
}

fn in_net(ip: Ipv4Addr, net: Ipv4Addr, prefix: u8) -> bool {
    if prefix == 0 {
        return true;
    }
    let mask = u32::MAX << (32 - prefix as u32);
    (u32::from(ip) & mask) == (u32::from(net) & mask)
}

/// Whether an IPv4 literal may be published.
pub fn ipv4_allowed(ip: Ipv4Addr) -> bool {
    let doc = [
        ("192.0.2.0", 24),
        ("198.51.100.0", 24),
        ("203.0.113.0", 24),
        ("127.0.0.0", 8),
        ("0.0.0.0", 32),
    ];
    doc.iter()
        .any(|(n, p)| n.parse().is_ok_and(|n| in_net(ip, n, *p)))
        || WELL_KNOWN_V4.iter().any(|w| w.parse() == Ok(ip))
        || is_netmask(ip)
}

fn is_private_v4(ip: Ipv4Addr) -> bool {
    ip.is_private() || in_net(ip, Ipv4Addr::new(100, 64, 0, 0), 10) || ip.is_link_local()
}

fn is_netmask(ip: Ipv4Addr) -> bool {
    let v = u32::from(ip);
    v != 0 && v.leading_ones() + v.trailing_zeros() == 32 && ip.octets()[0] == 255
}

/// Whether an IPv6 literal may be published.
pub fn ipv6_allowed(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    ip.is_loopback() || ip.is_unspecified() || (s[0] == 0x2001 && s[1] == 0x0db8)
}

const PRIVATE_SUFFIXES: &[&str] = &[
    "internal",
    "corp",
    "local",
    "lan",
    "home",
    "intranet",
    "localdomain",
    "private",
];
const EXAMPLE_DOMAINS: &[&str] = &[
    "example.com",
    "example.org",
    "example.net",
    "example",
    "test",
    "invalid",
    "localhost",
];

/// Whether `host` is `domain` or a name under it.
fn under(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|r| r.ends_with('.'))
}

fn is_example_domain(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    EXAMPLE_DOMAINS.iter().any(|d| under(&h, d))
}

fn host_allowed(host: &str, cfg: &RedactConfig) -> bool {
    let h = host.to_ascii_lowercase();
    is_example_domain(&h) || cfg.allow_hosts.iter().any(|a| under(&h, a))
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

/// Token formats with a fixed shape, by label.
const FIXED_SECRETS: &[(&str, &str)] = &[
    (
        "aws-access-key",
        r"(?-u:\b)(?:AKIA|ASIA)[A-Z0-9]{16}(?-u:\b)",
    ),
    (
        "github-token",
        r"(?-u:\b)(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}(?-u:\b)|(?-u:\b)github_pat_[A-Za-z0-9_]{22,}(?-u:\b)",
    ),
    ("gitlab-token", r"(?-u:\b)glpat-[A-Za-z0-9_-]{20}(?-u:\b)"),
    (
        "slack-token",
        r"(?-u:\b)xox[abposr]-[A-Za-z0-9-]{10,}(?-u:\b)",
    ),
    (
        "stripe-key",
        r"(?-u:\b)(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}(?-u:\b)",
    ),
    ("google-api-key", r"(?-u:\b)AIza[0-9A-Za-z_-]{35}(?-u:\b)"),
    ("anthropic-key", r"(?-u:\b)sk-ant-[A-Za-z0-9_-]{20,}"),
    (
        "openai-key",
        r"(?-u:\b)sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|(?-u:\b)sk-proj-[A-Za-z0-9_-]{40,}",
    ),
    (
        "age-secret-key",
        r"(?-u:\b)AGE-SECRET-KEY-1[0-9A-Z]{58}(?-u:\b)",
    ),
    (
        "jwt",
        r"(?-u:\b)eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}",
    ),
];

/// The fixed token formats, compiled once.
fn fixed_secrets() -> &'static [(&'static str, regex::Regex)] {
    static RES: std::sync::LazyLock<Vec<(&'static str, regex::Regex)>> =
        std::sync::LazyLock::new(|| {
            FIXED_SECRETS
                .iter()
                .filter_map(|(l, p)| Some((*l, regex::Regex::new(p).ok()?)))
                .collect()
        });
    &RES
}

/// Whether any fixed token format occurs in `text`: one pass over the text
/// (their literal openings are searched for together) instead of one each.
fn any_fixed_secret(text: &str) -> bool {
    static RE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        let all: Vec<String> = FIXED_SECRETS
            .iter()
            .map(|(_, p)| format!("(?:{p})"))
            .collect();
        regex::Regex::new(&all.join("|")).ok()
    });
    RE.as_ref().is_none_or(|re| re.is_match(text))
}

fn secrets(text: &str, hits: &mut Vec<Hit>) {
    fixed_format_secrets(text, hits);
    aws_secret_keys(text, hits);
    private_keys(text, hits);
    kubeconfig_credentials(text, hits);
    assigned_credentials(text, hits);
}

/// Tokens of a fixed format ([`FIXED_SECRETS`]).
fn fixed_format_secrets(text: &str, hits: &mut Vec<Hit>) {
    if any_fixed_secret(text) {
        for (label, re) in fixed_secrets() {
            for m in re.find_iter(text) {
                push(hits, Kind::Secret, label, text, m.range());
            }
        }
    }
}

/// AWS secret access keys next to their name, the documentation one included.
fn aws_secret_keys(text: &str, hits: &mut Vec<Hit>) {
    for c in
        crate::regex!(r"(?i)aws_?secret_?access_?key[^A-Za-z0-9_]{1,4}([A-Za-z0-9/+]{40})(?-u:\b)")
            .captures_iter(text)
    {
        if let Some(v) = c.get(1) {
            push(hits, Kind::Secret, "aws-secret-key", text, v.range());
        }
    }
}

/// Private key blocks: the whole block.
fn private_keys(text: &str, hits: &mut Vec<Hit>) {
    let begin = crate::regex!(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY( BLOCK)?-----");
    for m in begin.find_iter(text) {
        let end = text[m.end()..].find("-----END").map_or(text.len(), |i| {
            let e = m.end() + i;
            text[e + 8..]
                .find("-----")
                .map_or(text.len(), |j| e + 8 + j + 5)
        });
        let body = &text[m.end()..end.min(text.len())];
        if !is_placeholder(body.trim()) && body.trim().len() > 20 {
            push(
                hits,
                Kind::Secret,
                "private-key",
                text,
                m.start()..end.min(text.len()),
            );
        }
    }
}

/// kubeconfig credentials.
fn kubeconfig_credentials(text: &str, hits: &mut Vec<Hit>) {
    let kube = crate::regex!(
        r"(?m)(?-u:\b)(client-key-data|client-certificate-data|token)\s*:\s*([A-Za-z0-9+/=._-]{20,})"
    );
    for c in kube.captures_iter(text) {
        let (Some(key), Some(v)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let is_cert = key.as_str() == "client-certificate-data";
        if is_cert || is_placeholder(v.as_str()) || entropy(v.as_str()) < 3.5 {
            continue;
        }
        let label = if key.as_str() == "token" {
            "token"
        } else {
            "kubeconfig-key"
        };
        push(hits, Kind::Secret, label, text, v.range());
    }
}

/// `password=…`, `token: …`, `secret = "…"` with a high-entropy value.
fn assigned_credentials(text: &str, hits: &mut Vec<Hit>) {
    // The pattern opens with a character class, so the regex engine cannot
    // skip ahead; a key word followed by `:` or `=` can be searched for
    // fast, and prose that only mentions secrets has none.
    if !crate::regex!(
        r#"(?i)(?:passw(?:or)?d|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)["']?\s*[:=]"#
    )
    .is_match(text)
    {
        return;
    }
    let assign = crate::regex!(
        r#"(?i)(?-u:\b)([A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key))["']?\s*[:=]\s*["']?([^\s"'`,;)}\]]{8,})"#
    );
    for c in assign.captures_iter(text) {
        let (Some(key), Some(v)) = (c.get(1), c.get(2)) else {
            continue;
        };
        if is_credential(key.as_str(), v.as_str()) {
            push(hits, Kind::Secret, "credential", text, v.range());
        }
    }
}

/// Whether `value`, assigned to `key`, looks like a real credential: its
/// key names no file, path, reference or name, and it is no placeholder,
/// path or URL, long and random enough, of letters and digits, not code.
fn is_credential(key: &str, value: &str) -> bool {
    let k = key.to_ascii_lowercase();
    if k.ends_with("-file")
        || k.ends_with("_file")
        || k.ends_with("path")
        || k.contains("ref")
        || k.contains("name")
    {
        return false;
    }
    if is_placeholder(value)
        || value.contains("://")
        || value.starts_with('/')
        || value.starts_with('.')
        || entropy(value) < 3.5
        || value.len() < 12
    {
        return false;
    }
    if !value.chars().any(|c| c.is_ascii_digit()) || !value.chars().any(|c| c.is_ascii_alphabetic())
    {
        return false;
    }
    // Code (`token_hex(16)`, `header.substring(7)`) is not a value.
    value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '_' | '-'))
}

fn cloud(text: &str, hits: &mut Vec<Hit>) {
    for m in
        crate::regex!(r"(?-u:\b)ocid1\.[a-z0-9]+\.[a-z0-9-]+\.[a-z0-9-]*\.[a-z0-9]{20,}(?-u:\b)")
            .find_iter(text)
    {
        push(hits, Kind::Cloud, "oci-ocid", text, m.range());
    }
    for c in
        crate::regex!(r"(?-u:\b)arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):").captures_iter(text)
    {
        let Some(acct) = c.get(1) else { continue };
        if matches!(
            acct.as_str(),
            "123456789012" | "000000000000" | "111122223333" | "444455556666"
        ) {
            continue;
        }
        push(hits, Kind::Cloud, "aws-account-id", text, acct.range());
    }
    for c in crate::regex!(r"(?-u:\b)projects/([a-z][a-z0-9-]{4,28}[a-z0-9])(?:/|(?-u:\b))")
        .captures_iter(text)
    {
        let Some(id) = c.get(1) else { continue };
        let v = id.as_str();
        // Only GCP-shaped paths: `projects/<id>/locations|zones|…`.
        let rest = &text[id.end()..];
        let gcp = [
            "/locations/",
            "/zones/",
            "/regions/",
            "/global/",
            "/secrets/",
            "/topics/",
            "/subscriptions/",
            "/instances/",
            "/serviceAccounts/",
            "/datasets/",
            "/buckets/",
        ]
        .iter()
        .any(|s| rest.starts_with(s));
        const PUBLIC_PROJECTS: &[&str] = &[
            "ubuntu-os-cloud",
            "debian-cloud",
            "cos-cloud",
            "centos-cloud",
            "rhel-cloud",
            "rocky-linux-cloud",
            "windows-cloud",
            "fedora-coreos-cloud",
            "suse-cloud",
            "ubuntu-os-pro-cloud",
            "ml-images",
            "deeplearning-platform-release",
            "gce-uefi-images",
            "cloud-marketplace",
        ];
        let generic = v.starts_with("my")
            || v.contains("project")
            || v.contains("sample")
            || v.contains("demo")
            || v.contains("test");
        if !gcp || is_placeholder(v) || generic || PUBLIC_PROJECTS.contains(&v) {
            continue;
        }
        push(hits, Kind::Cloud, "gcp-project", text, id.range());
    }
    for c in crate::regex!(
        r"(?i)/subscriptions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
    )
    .captures_iter(text)
    {
        let Some(g) = c.get(1) else { continue };
        if g.as_str().chars().all(|c| c == '0' || c == '-') {
            continue;
        }
        push(hits, Kind::Cloud, "azure-subscription", text, g.range());
    }
}

fn emails(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
    let _ = cfg;
    let re = crate::regex!(
        r"(?-u:\b)[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?-u:\b)"
    );
    for c in re.captures_iter(text) {
        let (Some(all), Some(domain)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // `git@github.com:org/repo` is an SSH address, not an email.
        if text[all.end()..].starts_with(':') || all.as_str().starts_with("git@") {
            continue;
        }
        if is_example_domain(domain.as_str()) || all.as_str().starts_with('<') {
            continue;
        }
        push(hits, Kind::Email, "email", text, all.range());
    }
}

fn ipv4(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
    // No digit.digit anywhere (most prose): nothing for the pattern below,
    // which has no literal to skip ahead with.
    let b = text.as_bytes();
    let dotted = text.match_indices('.').any(|(i, _)| {
        i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    });
    if !dotted {
        return;
    }
    let nets: Vec<(Ipv4Addr, u8)> = cfg
        .allow_networks
        .iter()
        .filter_map(|c| parse_cidr(c))
        .collect();
    let re = crate::regex!(r"(?-u:\b)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(/\d{1,2})?");
    for c in re.captures_iter(text) {
        let (Some(all), Some(last)) = (c.get(0), c.get(4)) else {
            continue;
        };
        let (s, e) = (all.start(), all.end());
        // Versions (`v1.2.3.4`, `image:1.2.3.4`) and longer dotted numbers are not addresses;
        // `http://10.0.0.1` and `host: 10.0.0.1` are.
        if s > 0 {
            let p = b[s - 1];
            let url_or_key = p == b':' && s >= 2 && matches!(b[s - 2], b'/' | b' ');
            if (p.is_ascii_alphanumeric() || matches!(p, b'.' | b':' | b'-' | b'_')) && !url_or_key
            {
                continue;
            }
        }
        if let Some(&n) = b.get(e) {
            let next_alnum = b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric);
            if (n == b'.' && b.get(e + 1).is_some_and(u8::is_ascii_digit))
                || ((n == b'-' || n == b'+') && next_alnum)
                || n.is_ascii_alphanumeric()
                || n == b'_'
            {
                continue;
            }
        }
        let Ok(ip) = text[s..last.end()].parse::<Ipv4Addr>() else {
            continue;
        };
        if c.get(5).is_some() {
            // A network, not a host: public ranges are public knowledge; a
            // private range is reported unless it is a listed notation.
            if cfg.allow_cidrs.iter().any(|a| a == all.as_str()) || !is_private_v4(ip) {
                continue;
            }
        }
        if ipv4_allowed(ip) || nets.iter().any(|(n, p)| in_net(ip, *n, *p)) {
            continue;
        }
        push(hits, Kind::Ipv4, "ipv4", text, s..last.end());
    }
}

fn ipv6(text: &str, hits: &mut Vec<Hit>) {
    // Every match holds two colons with at most four hex digits between
    // them. Prose and YAML (`key: value`, `https://`) have none; the pattern
    // below has no literal to skip ahead with and would try every colon.
    let b = text.as_bytes();
    let close_colons = text.match_indices(':').any(|(i, _)| {
        b[i + 1..]
            .iter()
            .take(5)
            .position(|&c| !c.is_ascii_hexdigit())
            .is_some_and(|k| b[i + 1 + k] == b':')
    });
    if !close_colons {
        return;
    }
    let re = crate::regex!(r"(?i)[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}");
    for m in re.find_iter(text) {
        let raw = m.as_str();
        let v = if raw.ends_with("::") {
            raw
        } else {
            raw.trim_end_matches(':')
        };
        let (s, e) = (m.start(), m.start() + v.len());
        if s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b':' || b[s - 1] == b'.') {
            continue;
        }
        if b.get(e)
            .is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'.')
        {
            continue;
        }
        // Timestamps (`12:30:45`) and MACs are not addresses: require a letter or `::`.
        if !v.contains("::") && !v.chars().any(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        if v.split(':').any(|g| g.len() == 2) && v.split(':').count() == 6 && !v.contains("::") {
            continue;
        }
        let Ok(ip) = v.parse::<Ipv6Addr>() else {
            continue;
        };
        if ipv6_allowed(ip) || v.len() < 6 {
            continue;
        }
        // A public prefix (`2606:4700::/32`) is public knowledge.
        let ula_or_local =
            (ip.segments()[0] & 0xfe00) == 0xfc00 || (ip.segments()[0] & 0xffc0) == 0xfe80;
        if text[e..].starts_with('/') && !ula_or_local {
            continue;
        }
        push(hits, Kind::Ipv6, "ipv6", text, s..e);
    }
}

fn hosts(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
    // Only private suffixes and denied domains are reported: without either
    // in the text, the general host pattern (which matches every dotted
    // word) has nothing to find.
    static PRIVATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let re = format!(r"(?i)\.(?:{})(?-u:\b)", PRIVATE_SUFFIXES.join("|"));
        regex::Regex::new(&re).unwrap_or_else(|e| panic!("built-in pattern `{re}`: {e}"))
    });
    if cfg.deny_domains.is_empty() && !PRIVATE.is_match(text) {
        return;
    }
    let re = crate::regex!(
        r"(?i)(?-u:\b)(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+([a-z][a-z0-9-]{1,62})(?-u:\b)"
    );
    for c in re.captures_iter(text) {
        let (Some(all), Some(tld)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let host = all.as_str();
        let t = tld.as_str().to_ascii_lowercase();
        let denied = !cfg.deny_domains.is_empty() && {
            let h = host.to_ascii_lowercase();
            cfg.deny_domains
                .iter()
                .any(|d| under(&h, &d.to_ascii_lowercase()))
        };
        if !PRIVATE_SUFFIXES.contains(&t.as_str()) && !denied {
            continue;
        }
        // File names (`values.local`), paths and emails are not hosts.
        let before = text[..all.start()].chars().next_back();
        if matches!(
            before,
            Some('@') | Some('/') | Some('.') | Some('$') | Some('{')
        ) && !denied
        {
            continue;
        }
        if host_allowed(host, cfg) && !denied {
            continue;
        }
        if text[all.end()..].starts_with(['(', '/']) && !denied {
            // `foo.local/` mid-path or a function call.
            if text[all.end()..].starts_with('(') {
                continue;
            }
        }
        // Code (`Environment.LOCAL`, `Icons.Default.Home`) is not a host name.
        if host.chars().any(|c| c.is_ascii_uppercase()) && !denied {
            continue;
        }
        let label = if denied {
            "denied-domain"
        } else if host.matches('.').count() == 1 {
            "generic-internal-host"
        } else {
            "internal-host"
        };
        push(hits, Kind::Host, label, text, all.range());
    }
}

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
];

fn personal_paths(text: &str, hits: &mut Vec<Hit>) {
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

fn denied(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
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
