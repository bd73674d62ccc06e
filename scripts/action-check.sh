#!/usr/bin/env bash
# Lint the GitHub workflows and the action:
# - actionlint on .github/workflows/*.yml (ACTIONLINT=CMD to use another
#   build of it; skipped with a note when none is installed);
# - shellcheck on every bash `run:` script of the workflows and action.yml
#   (`${{ … }}` expressions stand in as a variable);
# - the action's SARIF → annotation conversion (jq) gives exactly the lines
#   `skillc check --format github` prints, on a tree full of defects.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
read -r -a actionlint <<< "${ACTIONLINT:-actionlint}"
if command -v "${actionlint[0]}" >/dev/null; then
  "${actionlint[@]}" .github/workflows/*.yml
  echo "ok: actionlint"
else
  echo "note: actionlint is not installed; workflows not linted"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "note: python3 with PyYAML is needed to read the workflows; rest skipped"
  exit 0
fi
python3 - "$work" .github/workflows/*.yml action.yml <<'PY'
import re, sys, yaml
out = sys.argv[1]
n = 0
for path in sys.argv[2:]:
    doc = yaml.safe_load(open(path))
    steps = []
    if "runs" in doc:
        steps += doc["runs"].get("steps", [])
    for job in (doc.get("jobs") or {}).values():
        steps += job.get("steps", [])
    for step in steps:
        if "run" not in step or step.get("shell", "bash") != "bash":
            continue
        n += 1
        body = re.sub(r"\$\{\{.*?\}\}", "$GH_EXPR", step["run"])
        with open(f"{out}/run-{n}.sh", "w") as f:
            # GitHub runs bash steps as `bash -e -o pipefail`.
            f.write("#!/usr/bin/env bash\nset -eo pipefail\n" + body)
print(f"{n} run scripts")
PY
if command -v shellcheck >/dev/null; then
  shellcheck -S style "$work"/run-*.sh
  echo "ok: shellcheck"
else
  echo "note: shellcheck is not installed; run scripts not checked"
fi
if ! command -v jq >/dev/null; then
  echo "note: jq is not installed; the annotation conversion not compared"
  exit 0
fi

# The conversion, as action.yml runs it.
python3 - "$work/convert.jq" <<'PY'
import sys, yaml
steps = yaml.safe_load(open("action.yml"))["runs"]["steps"]
run = next(s for s in steps if s.get("id") == "check")["run"]
prog = run.split("jq -r '", 1)[1].split("' \"$sarif\"", 1)[0]
open(sys.argv[1], "w").write(prog)
PY
bin="${SKILLC:-$here/target/debug/skillc}"
tree=tests/fixtures/defective
"$bin" check "$tree" --format sarif > "$work/out.sarif" || true
jq -r -f "$work/convert.jq" "$work/out.sarif" > "$work/from-sarif"
"$bin" check "$tree" --format github > "$work/github" || true
[ -s "$work/github" ] || { echo "FAIL: no annotations"; exit 1; }
diff -u "$work/github" "$work/from-sarif"
echo "ok: $(wc -l < "$work/github") annotations from SARIF match --format github"
