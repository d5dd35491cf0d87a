import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoopbackServer, startBedrockServer } from '@strands-cli/test-servers';
import { collectOutput, strandsBin } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { providerFixture, providerTarget } from './providers/provider-targets.js';

const bedrock = providerTarget('bedrock');

/**
 * Runs a bedrock spec through the built CLI with an environment built here, because the shared
 * helper turns the SDK's notice off and this test must see what a user's shell would.
 */
async function runBedrock(server: LoopbackServer, extraEnv: Record<string, string> = {}) {
  const out = await mkdtemp(join(tmpdir(), 'strands-aws-warning-'));
  const env = { PATH: process.env.PATH ?? '', HOME: out, NO_COLOR: '1', ...bedrock.env(server), ...extraEnv };
  const child = spawn(
    process.execPath,
    [strandsBin, 'run', providerFixture(bedrock, 'chain-10'), '--out', out, '--force'],
    { env, stdio: 'pipe' },
  );
  return collectOutput(child);
}

describe('the AWS SDK notice about Node versions', () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startBedrockServer();
  });
  afterEach(() => server.close());

  it('never reaches the terminal of a user who did not turn it off', async () => {
    const run = await runBedrock(server);
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(10);
    expect(run.stderr).not.toMatch(/NodeVersionSupportWarning|AWS SDK for JavaScript/);
  });

  it('leaves every other process warning visible', async () => {
    const preload = join(await mkdtemp(join(tmpdir(), 'strands-preload-')), 'warn.mjs');
    await writeFile(preload, "process.emitWarning('an unrelated e2e warning');\n");
    const run = await runBedrock(server, { NODE_OPTIONS: `--import=${preload}` });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('an unrelated e2e warning');
    expect(run.stderr).not.toMatch(/NodeVersionSupportWarning/);
  });
});
