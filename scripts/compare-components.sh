#!/usr/bin/env bash
# Run the single-defect component trees of tests/components.rs through
# skillc, agnix (when installed) and Claude Code's own validator (the
# version scripts/validate-official.sh installs), and print one line per
# defect: what each tool reports beyond what it reports on the clean tree.
# Used to keep README's comparison table honest.
#   bash scripts/compare-components.sh [OUT.tsv]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/dev/stdout}"
cases="$(mktemp -d)"
trap 'rm -rf "$cases"' EXIT
SKILLC_CASES_OUT="$cases" cargo test --quiet --test components each_defect >/dev/null
version="${CLAUDE_CODE_VERSION:-2.1.197}"
claude="target/claude-code-$version/node_modules/.bin/claude"
home="$(mktemp -d)"
python3 - "$cases" "$claude" "$home" >"$out" <<'PY'
import json, os, subprocess, sys
cases, claude, home = sys.argv[1:4]
def agnix(d):
    try:
        r = subprocess.run(["agnix", "--format", "json", d], capture_output=True, text=True, timeout=120)
        ids = {x["rule"] for x in json.loads(r.stdout)["diagnostics"] if x["level"] != "info"}
        return ids
    except (FileNotFoundError, ValueError):
        return None
def official(d):
    if not os.access(claude, os.X_OK):
        return None
    r = subprocess.run([claude, "plugin", "validate", os.path.join(d, "plugins/demo")],
                       capture_output=True, text=True, timeout=120, env=dict(os.environ, HOME=home))
    lines = [l.strip()[2:].strip() for l in r.stdout.splitlines() if l.strip().startswith("❯")]
    return lines
print("skillc\tdefect\tagnix\tclaude plugin validate")
for name in sorted(os.listdir(cases)):
    d = os.path.join(cases, name)
    ours, defect = name.split("__", 1)
    a = agnix(d)
    o = official(d)
    print("\t".join([ours, defect.replace("-", " ").strip(),
                     "n/a" if a is None else (", ".join(sorted(a)) or "—"),
                     "n/a" if o is None else ("; ".join(o) or "—")]))
PY
