#!/usr/bin/env bash
# Side-by-side timing: `skillc check` against a ripgrep scan of the same
# generated trees, plus peak memory and a pre-commit-sized run (--files on a
# handful of files). Trees come from `examples/gen-corpus.rs`, so anyone can
# reproduce the table. Needs rg on PATH (or RG=/path/to/rg). When agnix, the
# peer linter, is on PATH (or PEER=/path/to/agnix; `cargo install agnix-cli`),
# it is timed on the same trees too, with its file limit lifted.
#
#   bash scripts/bench.sh            # default sizes
#   SIZES="100x10x4" bash scripts/bench.sh
#   CORPORA=../shared/corpora bash scripts/bench.sh   # real trees too
set -euo pipefail
cd "$(dirname "$0")/.."
rg="${RG:-$(command -v rg || true)}"
if [ -z "$rg" ]; then
  echo "bench: ripgrep (rg) is needed for the comparison; set RG=/path/to/rg" >&2
  exit 2
fi
peer="${PEER:-$(command -v agnix || true)}"
cargo build --release --quiet --bin skillc --example gen-corpus
skillc="$PWD/target/release/skillc"
gen="$PWD/target/release/examples/gen-corpus"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs="${RUNS:-5}"

# Median wall time and median CPU time (user + system, all threads), in
# milliseconds, of running "$@" $runs times, printed as "WALL CPU". CPU time
# varies less than wall time on a busy or virtual machine.
median_ms() {
  local walls=() cpus=() i t TIMEFORMAT='%3R %3U %3S'
  for ((i = 0; i < runs; i++)); do
    t=$({ time "$@" >/dev/null 2>&1; } 2>&1 || true)
    walls+=($(awk '{ printf "%.0f", $1 * 1000 }' <<<"$t"))
    cpus+=($(awk '{ printf "%.0f", ($2 + $3) * 1000 }' <<<"$t"))
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$((runs / 2 + 1))p")" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$((runs / 2 + 1))p")"
}

# Peak resident memory in MB of one run.
peak_mb() {
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.0f", $1 / 1024 }'
}

# a / b, printed with FORMAT (0 when b is 0).
ratio() {
  awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { printf f, (b > 0 ? a / b : 0) }'
}

# The peer's columns for TREE, whose skillc wall and CPU times are T_SKILLC
# and C_SKILLC ms (none without a peer).
peer_cols() {
  [ -n "$peer" ] || return 0
  local t_peer c_peer
  read -r t_peer c_peer < <(median_ms "$peer" --max-files 0 --format json "$1")
  echo " ${t_peer} ms | $(ratio "$t_peer" "$2" %.1f)x | $(ratio "$c_peer" "$3" %.1f)x |"
}

peer_head=" agnix | agnix / skillc | agnix / skillc, CPU |"
echo "| tree (plugins x skills x refs) | files | markdown MB | skillc | skillc CPU | rg | skillc / rg | peak memory | --files (5 files) | --files / full |${peer:+$peer_head}"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${peer:+ ---: | ---: | ---: |}"
for size in ${SIZES:-20x10x3 100x10x4 300x10x4}; do
  IFS=x read -r p s r <<<"$size"
  tree="$work/$size"
  "$gen" "$tree" --plugins "$p" --skills "$s" --refs "$r" 2>/dev/null
  files=$(find "$tree" -type f | wc -l | tr -d ' ')
  mb=$(find "$tree" -name '*.md' -type f -print0 | xargs -0 cat | wc -c | awk '{ printf "%.1f", $1 / 1048576 }')
  findings=$("$skillc" check "$tree" --format concise | tail -1)
  case "$findings" in
    "No problems found"*) ;;
    *) echo "bench: the generated tree is not clean: $findings" >&2; exit 1 ;;
  esac
  "$rg" -c kubectl "$tree" >/dev/null # warm the page cache
  read -r t_skillc c_skillc < <(median_ms "$skillc" check "$tree" --format concise)
  read -r t_rg _ < <(median_ms "$rg" -c --no-messages kubectl "$tree")
  mem=$(peak_mb "$skillc" check "$tree" --format concise)
  few=()
  for i in 0 1 2 3 4; do
    few+=("$tree/plugins/plugin-$i/skills/skill-$i/references/runbook.md")
  done
  read -r t_files _ < <(median_ms "$skillc" check "$tree" --format concise --files "${few[@]}")
  echo "| $size | $files | $mb | ${t_skillc} ms | ${c_skillc} ms | ${t_rg} ms | $(ratio "$t_skillc" "$t_rg" %.1f)x | ${mem} MB | ${t_files} ms | $(ratio $((100 * t_files)) "$t_skillc" %.0f) % |$(peer_cols "$tree" "$t_skillc" "$c_skillc")"
done

# Real marketplaces, when CORPORA names a directory of them (one per
# subdirectory): skillc beside the peer on each.
if [ -n "${CORPORA:-}" ] && [ -d "$CORPORA" ]; then
  echo
  echo "| marketplace | files | skillc | skillc CPU |${peer:+$peer_head}"
  echo "| --- | ---: | ---: | ---: |${peer:+ ---: | ---: | ---: |}"
  for tree in "$CORPORA"/*/; do
    files=$(find "$tree" -type f | wc -l | tr -d ' ')
    read -r t_skillc c_skillc < <(median_ms "$skillc" check "$tree" --format concise)
    echo "| $(basename "$tree") | $files | ${t_skillc} ms | ${c_skillc} ms |$(peer_cols "$tree" "$t_skillc" "$c_skillc")"
  done
fi
