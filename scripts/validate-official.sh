#!/usr/bin/env bash
# Run Claude Code's own validator (`claude plugin validate`) on this
# repository's marketplace and on each of its plugins. It works offline and
# needs no login; HOME points at a throwaway directory so nothing of the
# user's leaks in or out. The CLI is installed from npm into target/.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${CLAUDE_CODE_VERSION:-2.1.197}"
prefix="target/claude-code-$version"
claude="$prefix/node_modules/.bin/claude"
if [ ! -x "$claude" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "validate-official: npm is not installed; skipping the official validator" >&2
    exit 0
  fi
  mkdir -p "$prefix"
  npm install --silent --prefer-offline --no-audit --no-fund --prefix "$prefix" "@anthropic-ai/claude-code@$version" >/dev/null
fi

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
status=0
run() {
  if ! HOME="$home" "$claude" plugin validate --strict "$1"; then
    status=1
  fi
}
run .
for plugin in plugins/*/; do
  run "${plugin%/}"
done
exit "$status"
