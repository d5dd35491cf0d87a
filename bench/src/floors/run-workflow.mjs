// A library user's script: `runWorkflow` from @strands-cli/core on the spec file argv[2], then the pool closed.
import { closeClientPool, runWorkflow } from '@strands-cli/core';

await runWorkflow(process.argv[2]);
await closeClientPool();
