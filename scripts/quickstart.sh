#!/usr/bin/env sh
# The first thing a newcomer sees: validate a spec and show its plan, with no API key and no model server.
set -eu
cd "$(dirname "$0")/.."
node packages/cli/bin/strands.js --version
