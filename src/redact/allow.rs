//! What may be published (well-known networks and addresses, example
//! domains, hosts the configuration allows) and the suffixes of private hosts.

use super::RedactConfig;
use std::net::{Ipv4Addr, Ipv6Addr};

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
pub(super) const WELL_KNOWN_V4: &[&str] = &[
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

pub(super) fn parse_cidr(c: &str) -> Option<(Ipv4Addr, u8)> {
    let (a, p) = c.split_once('/')?;
    Some((a.parse().ok()?, p.parse().ok().filter(|p: &u8| *p <= 32)?))
}

pub(super) fn in_net(ip: Ipv4Addr, net: Ipv4Addr, prefix: u8) -> bool {
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

pub(super) fn is_private_v4(ip: Ipv4Addr) -> bool {
    ip.is_private() || in_net(ip, Ipv4Addr::new(100, 64, 0, 0), 10) || ip.is_link_local()
}

pub(super) fn is_netmask(ip: Ipv4Addr) -> bool {
    let v = u32::from(ip);
    v != 0 && v.leading_ones() + v.trailing_zeros() == 32 && ip.octets()[0] == 255
}

/// Whether an IPv6 literal may be published.
pub fn ipv6_allowed(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    ip.is_loopback() || ip.is_unspecified() || (s[0] == 0x2001 && s[1] == 0x0db8)
}

pub(super) const PRIVATE_SUFFIXES: &[&str] = &[
    "internal",
    "corp",
    "local",
    "lan",
    "home",
    "intranet",
    "localdomain",
    "private",
];
pub(super) const EXAMPLE_DOMAINS: &[&str] = &[
    "example.com",
    "example.org",
    "example.net",
    "example",
    "test",
    "invalid",
    "localhost",
];

/// Whether `host` is `domain` or a name under it.
pub(super) fn under(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|r| r.ends_with('.'))
}

pub(super) fn is_example_domain(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    EXAMPLE_DOMAINS.iter().any(|d| under(&h, d))
}

pub(super) fn host_allowed(host: &str, cfg: &RedactConfig) -> bool {
    let h = host.to_ascii_lowercase();
    is_example_domain(&h) || cfg.allow_hosts.iter().any(|a| under(&h, a))
}

/// Labels of made-up organisations and domains (`company.com`,
/// `acme.io`, `domain.local`, `yourcompany.com`, Microsoft's `contoso`).
pub(super) const PLACEHOLDER_LABELS: &[&str] = &[
    "domain",
    "yourdomain",
    "mydomain",
    "company",
    "yourcompany",
    "mycompany",
    "yourorg",
    "myorg",
    "acme",
    "acmecorp",
    "acme-corp",
    "foo",
    "bar",
    "baz",
    "foobar",
    "email",
    "test",
    "sample",
    "placeholder",
    "contoso",
    "fabrikam",
    "northwind",
    "initech",
    "globex",
];

/// Whether `host` is under a made-up domain: one of its labels (the last,
/// the top-level domain, aside) is a [`PLACEHOLDER_LABELS`] word, or the
/// label starts with `your`, or the label before the top-level domain is a
/// single letter (`a@b.com`).
pub(super) fn is_placeholder_domain(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    let labels: Vec<&str> = h.split('.').collect();
    let Some((_, names)) = labels.split_last() else {
        return false;
    };
    names
        .iter()
        .any(|l| PLACEHOLDER_LABELS.contains(l) || l.starts_with("your"))
        || names.last().is_some_and(|l| l.len() == 1)
}
