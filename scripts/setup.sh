#!/usr/bin/env sh
# Sets up a fresh clone: gets pnpm 10.34.9 (corepack, else npm), installs from the lockfile with
# engine checks, builds every package, then runs the quick-start example offline.
set -eu
cd "$(dirname "$0")/.."
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0 TURBO_TELEMETRY_DISABLED=1
if [ "$(pnpm --version 2>/dev/null || true)" != "10.34.9" ]; then
  # Some registries serve no npm signatures; the sha512 pinned in packageManager is still checked.
  COREPACK_INTEGRITY_KEYS=0 corepack enable pnpm 2>/dev/null || npm install -g pnpm@10.34.9
fi
pnpm install --frozen-lockfile --config.engine-strict=true
pnpm build
sh scripts/quickstart.sh
