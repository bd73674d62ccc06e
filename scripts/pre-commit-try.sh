#!/usr/bin/env bash
# Exercise the pre-commit hooks for real on a scratch repository whose
# .pre-commit-config.yaml points at this checkout's HEAD (or the mirror): a clean staged change passes, a staged defect fails
# naming its rule, a commit that only deletes a referenced file fails, and
# skillc-build passes on a tree without typed sources.
#
# - `skillc` (language: python): pre-commit pip-installs this repository's
#   HEAD, so maturin builds the binary (once per commit; PRE_COMMIT_HOME is
#   kept under target/).
# - `skillc-system`: the skillc on PATH (target/debug when built).
# - With SKILLC_WHEELS=DIR (a folder holding a skillc wheel, e.g. from
#   `pip wheel . -w DIR`): the pre-commit-mirror/ hooks, installed from that
#   wheel (never compiled), as users of skillc-pre-commit get them from PyPI.
# Installs pre-commit into target/pre-commit-venv when it is not on PATH.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
pc=$(command -v pre-commit || true)
if [ -z "$pc" ]; then
  venv="$here/target/pre-commit-venv"
  if [ ! -x "$venv/bin/pre-commit" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pre-commit
  fi
  pc="$venv/bin/pre-commit"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$here/target/pre-commit-home"
if [ -x "$here/target/debug/skillc" ]; then
  PATH="$here/target/debug:$PATH"
fi
git_() { git -c user.name=t -c user.email=t@example.com -c commit.gpgsign=false "$@"; }

# The hooks repository under test: this checkout, or the mirror as a repo.
hooks_repo="$here"
if [ -n "${SKILLC_WHEELS:-}" ]; then
  hooks_repo="$work/mirror"
  cp -R "$here/pre-commit-mirror" "$hooks_repo"
  (cd "$hooks_repo" && git init -q -b main && git_ add -A && git_ commit -q -m mirror)
  # skillc from the wheel (never built: --only-binary); setuptools, which
  # builds the mirror's metadata package, from the index.
  export PIP_FIND_LINKS="$SKILLC_WHEELS" PIP_ONLY_BINARY=skillc
fi

repo="$work/repo"
mkdir -p "$repo"
cp -R "$here/tests/fixtures/clean/." "$repo/"
cd "$repo"
git init -q -b main
git_ add .
git_ commit -q -m base

hooks=(skillc)
if [ -z "${SKILLC_WHEELS:-}" ] && command -v skillc >/dev/null; then
  hooks+=(skillc-system)
fi
rev=$(git -C "$hooks_repo" rev-parse HEAD)
{
  echo "repos:"
  echo "  - repo: $hooks_repo"
  echo "    rev: $rev"
  echo "    hooks:"
  for id in "${hooks[@]}" skillc-build; do echo "      - id: $id"; done
} > .pre-commit-config.yaml
git add .pre-commit-config.yaml
git_ commit -q -m config

run() { "$pc" run "$1" "${@:2}" 2>&1; }
fails() { # hook, rule, what
  local out
  if out=$(run "$1"); then echo "$out"; echo "FAIL: $1 passed $3"; exit 1; fi
  echo "$out" | grep -q "$2" || { echo "$out"; echo "FAIL: $1 did not name $2"; exit 1; }
}

for hook in "${hooks[@]}"; do
  echo "== $hook: a clean staged change passes"
  printf '\nOne more line.\n' >> plugins/ops/skills/deploy/references/runbook.md
  git add -A
  out=$(run "$hook") || { echo "$out"; echo "FAIL: clean change was rejected"; exit 1; }
  git_ commit -q -m clean
  echo "ok"

  echo "== $hook: a staged broken link fails"
  printf '\nSee [gone](references/gone.md).\n' >> plugins/ops/skills/deploy/SKILL.md
  git add -A
  fails "$hook" XREF001 "a broken link"
  git reset -q --hard
  echo "ok"

  echo "== $hook: a commit that only deletes a referenced file fails"
  git rm -q plugins/ops/skills/deploy/references/runbook.md
  fails "$hook" XREF001 "the deletion of a referenced file"
  git reset -q --hard
  echo "ok"
done

echo "== skillc-build on a tree without typed sources passes"
out=$(run skillc-build --all-files) || { echo "$out"; echo "FAIL: skillc-build"; exit 1; }
echo "ok"
echo "pre-commit hooks behave"
