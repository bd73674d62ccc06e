//! The `ipv4-address` rule (RD001).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An IPv4 address that identifies an environment.
    ///
    /// ## What it does
    /// Reports IPv4 addresses that identify someone's environment. An address
/// does so when it is paired with something that is not generic:
///
/// - a real host name on the same line (`omni.lab.work → 10.17.3.5`, a
///   table row naming the host; not example.com or a placeholder domain);
/// - a role in configuration: a key or flag naming an endpoint (`host:`,
///   `server:`, `endpoint`, `address`, `ip`, `nodes:`, `gateway`, `vip`,
///   `--nodes`, `-n`, and words like them, on the line or as the YAML key
///   of its list item), an ssh target (`root@10.17.3.5`), a URL host, an
///   address with a port (`10.17.3.5:6443`), the start of an /etc/hosts line.
///
/// Once an address identifies an environment, every occurrence of it in the
/// file is reported, a textbook address with a role in the same /24 joins
/// it, and so does a private network in CIDR notation that holds it.
/// Textbook addresses never identify one by a role alone, only beside a
/// real host name: the home-router and VPC example networks (192.168.0.x,
/// .1.x, .10.x and .100.x; 10.0.x.x, 10.1.x.x and 10.10.x.x with a third
/// octet up to 10; 172.16–31.0.x and .1.x), product default networks
/// (VirtualBox 192.168.56.0/24, libvirt 192.168.122.0/24, minikube
/// 192.168.49.0/24 and 192.168.99.0/24, macOS vmnet 192.168.64.0/24),
/// repeated octets
/// (10.10.10.10), counting octets (1.2.3.4, 10.20.30.40) and the Kubernetes
/// documentation's 80.11.12.10. The documentation ranges (192.0.2.0/24,
/// 198.51.100.0/24, 203.0.113.0/24), loopback, unspecified, netmasks, a few
/// public resolvers, the default Kubernetes pod and service ranges and
/// version numbers (`v1.2.3.4`, `1.2.3.4-rc1`) are never reported.
/// `skillc redact` reads sessions, where every address is real: it replaces
/// every address but the allowed ones.
    ///
    /// ## Why it matters
    /// An address beside a host name or in a node list, pasted from a real
/// session, maps someone's network; published plugins carry it everywhere.
/// An address alone does not: there is no documentation range for private
/// networks, so tutorials write 10.0.0.1, and every RFC 1918 address is in
/// use in millions of networks.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// ssh admin@10.143.27.88
    /// ```
    /// ````
    ///
    /// ## Use instead
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// ssh admin@192.0.2.10
    /// ```
    /// ````
    ///
    /// ## Configuration
    /// `[redaction] allow-networks = ["10.50.0.0/16"]` allows more networks;
/// `allow-cidrs` more CIDR notations.
    pub static RULE = { id: "RD001", name: "ipv4-address", family: Redaction, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Kind::Ipv4, &RULE, out);
}
