#!/usr/bin/env sh
# The newcomer's first real workflow run, at the end of `npm run setup`: a four-task research DAG
# (examples/workflow-research-dag.yaml) answered from its recorded cassette, so it needs no API key and
# no model server. Templates, the DAG scheduler and the artifact writer all run for real.
set -eu
cd "$(dirname "$0")/.."
spec=examples/workflow-research-dag.yaml
cassette=examples/workflow-research-dag.cassette.json
out=artifacts/quickstart

echo
echo "Quick start: running $spec offline, from $cassette"
echo
# --force: rerunning setup overwrites the artifacts of the previous run.
node packages/cli/bin/strands.js run "$spec" --replay "$cassette" --out "$out" --force
echo
echo "Done: the brief above is the workflow's result; its artifact is in $out/."
echo "Next:"
echo "  pnpm strands plan $spec   # what the workflow does"
echo "  ls examples/                                          # one example per pattern, with cassettes"
echo "  pnpm strands init my-flow.yaml                        # a starter spec of your own"
