#!/usr/bin/env bash
# Exercise the pre-commit hooks for real: `pre-commit try-repo` builds skillc
# from this repository's HEAD with cargo, as pre-commit users get it, and runs
# both hooks on a scratch repository: clean staged files pass, a staged defect
# fails naming its rule, and build drift fails skillc-build.
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
repo="$work/repo"
mkdir -p "$repo"
cp -R "$here/tests/fixtures/clean/." "$repo/"
cd "$repo"
git init -q -b main
git -c user.name=t -c user.email=t@example.com add .
git -c user.name=t -c user.email=t@example.com -c commit.gpgsign=false commit -q -m base

run() { "$pc" try-repo "$here" "$1" --ref HEAD "${@:2}" 2>&1; }

echo "== clean staged change passes"
printf '\nOne more line.\n' >> plugins/ops/skills/deploy/references/runbook.md
git add -A
out=$(run skillc) || { echo "$out"; echo "FAIL: clean change was rejected"; exit 1; }
echo "ok"

echo "== a staged broken link fails"
printf '\nSee [gone](references/gone.md).\n' >> plugins/ops/skills/deploy/SKILL.md
git add -A
if out=$(run skillc); then echo "$out"; echo "FAIL: defect passed"; exit 1; fi
echo "$out" | grep -q 'XREF001' || { echo "$out"; echo "FAIL: XREF001 not named"; exit 1; }
echo "ok"
git checkout -q -- plugins/ops/skills/deploy/SKILL.md
git reset -q

echo "== skillc-build on a tree without typed sources passes"
out=$(run skillc-build --all-files) || { echo "$out"; echo "FAIL: skillc-build"; exit 1; }
echo "ok"
echo "pre-commit hooks behave"
