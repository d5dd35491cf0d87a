import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reply } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { providerFixture, providerTargets } from './provider-targets.js';

describe.each(providerTargets)('record and replay on $id, through the built CLI', (target) => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), `strands-e2e-record-${target.id}-`));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('replays a recorded tool-call run offline, with no server and no credentials', async () => {
    const cassette = join(directory, 'run.cassette.json');
    const server = await target.start();
    server.enqueue(
      reply.toolCalls([{ id: 'call_calc', name: 'calculator', input: { expression: '6*7' } }]),
      reply.text('The answer is 42.'),
    );
    const spec = providerFixture(target, 'tool-call');
    const recorded = await runCli(['run', spec, '--record', cassette, '--out', join(directory, 'live')], {
      env: { ...target.env(server), ...target.secretEnv },
    });
    await server.close();
    expect(recorded.code).toBe(0);
    expect(recorded.stdout.trim()).toBe('The answer is 42.');
    const text = await readFile(cassette, 'utf8');
    for (const secret of Object.values(target.secretEnv)) expect(text).not.toContain(secret);
    expect(text).not.toContain(server.url);

    const replayed = await runCli(['run', spec, '--replay', cassette, '--out', join(directory, 'replayed')]);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toBe(recorded.stdout);
  });
});
