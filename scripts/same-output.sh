#!/usr/bin/env bash
# Prove that a change keeps skillc's output: run two binaries on the same
# trees and diff what they print (JSON findings, and exit codes).
#
#   bash scripts/same-output.sh OLD NEW            # e.g. a build of main vs this tree
#   CORPORA=../shared/corpora bash scripts/same-output.sh OLD NEW
#
# Trees: this repository's marketplace and fixtures, a generated tree, and
# every folder of $CORPORA (default ../shared/corpora, skipped when absent).
# Each tree is checked in full and, for the larger ones, narrowed with
# --files to a few of its files. Exit 0 when every output is identical;
# otherwise the diffs are printed and the exit is 1.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 2 ]; then
  echo "usage: $0 OLD-SKILLC NEW-SKILLC" >&2
  exit 2
fi
old=$1
new=$2
corpora=${CORPORA:-../shared/corpora}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

trees=(plugins tests/fixtures/clean tests/fixtures/defective tests/fixtures/warnings-only)
cargo build --release --quiet --example gen-corpus
"${CARGO_TARGET_DIR:-target}/release/examples/gen-corpus" "$work/gen" --plugins 12 --skills 6 --refs 3 --defects 5 2>/dev/null
trees+=("$work/gen")
if [ -d "$corpora" ]; then
  for t in "$corpora"/*/; do trees+=("${t%/}"); done
fi

# The output of one run: exit code, then stdout; stderr is kept apart
# (timings and notes are not findings).
run() {
  local bin=$1 out=$2
  shift 2
  "$bin" "$@" >"$out.stdout" 2>"$out.stderr"
  echo "exit $?" >>"$out.stdout"
}

status=0
n=0
for tree in "${trees[@]}"; do
  name=$(basename "$tree")
  cases=("check $tree --format json")
  # A narrowed run on three of the tree's markdown files.
  few=$(find "$tree" -name '*.md' -type f | sort | awk 'NR % 7 == 1' | head -3 | tr '\n' ' ')
  if [ -n "$few" ]; then
    cases+=("check $tree --format json --files $few")
  fi
  for c in "${cases[@]}"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the case is a word list on purpose
    run "$old" "$work/old" $c
    # shellcheck disable=SC2086
    run "$new" "$work/new" $c
    if ! diff -u "$work/old.stdout" "$work/new.stdout" >"$work/diff"; then
      echo "== differs: $name: skillc $c"
      head -60 "$work/diff"
      status=1
    fi
  done
done
if [ "$status" -eq 0 ]; then
  echo "same output on $n runs over ${#trees[@]} trees"
fi
exit "$status"
