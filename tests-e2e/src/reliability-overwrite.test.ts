import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { echoLastUserMessage, type LoopbackServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSpec, providerTarget, runPrepared } from './reliability-harness.js';

// Writing outputs does not depend on the provider: one is enough.
const openai = providerTarget('openai');

/** Artifacts per run: checking them all takes long enough that two runs started together both pass. */
const artifactCount = 40;

let server: LoopbackServer;
beforeAll(async () => {
  server = await openai.start();
});
afterAll(() => server.close());

describe('outputs that already exist, through the built CLI', () => {
  it('two runs into one --out: exactly one succeeds, the other exits 12 and replaces nothing', async () => {
    // Both runs get their answer at the same moment, so both check the outputs before either writes.
    let releaseAt: number | undefined;
    server.setResponder((request) => {
      releaseAt ??= Date.now() + 1500;
      return { ...echoLastUserMessage(request), delayMs: Math.max(0, releaseAt - Date.now()) };
    });
    const prepared = await prepareSpec('parallel-four', openai, (spec) => {
      spec.inputs = { optional: { who: { type: 'string', default: 'nobody' } } };
      spec.pattern = { type: 'chain', config: { steps: [{ agent: 'worker', input: 'run {{ who }}' }] } };
      spec.outputs = {
        artifacts: Array.from({ length: artifactCount }, (_, index) => ({
          path: `part-${index}.md`,
          from: '{{ last_response }}',
        })),
      };
    });
    const runs = await Promise.all(
      ['first', 'second'].map((who) =>
        runPrepared(prepared, openai, server, { flags: ['--var', `who=${who}`], timeoutMs: 60_000 }),
      ),
    );
    expect(runs.map((run) => run.signal)).toEqual([null, null]);
    expect(runs.map((run) => run.code).sort()).toEqual([0, 12]);
    const winner = runs[0]?.code === 0 ? 'first' : 'second';
    const loser = runs.find((run) => run.code === 12);
    expect(loser?.stderr).toContain('already exists');
    for (let index = 0; index < artifactCount; index++) {
      expect(await readFile(join(prepared.out, `part-${index}.md`), 'utf8')).toBe(`echo: run ${winner}`);
    }
  }, 90_000);

  it('--force keeps the permission bits of an artifact it replaces', async () => {
    server.setResponder(echoLastUserMessage);
    const prepared = await prepareSpec('parallel-four', openai, (spec) => {
      spec.pattern = { type: 'chain', config: { steps: [{ agent: 'worker', input: 'private' }] } };
    });
    await mkdir(prepared.out, { recursive: true });
    await writeFile(join(prepared.out, 'combined.md'), 'old');
    await chmod(join(prepared.out, 'combined.md'), 0o600);
    const run = await runPrepared(prepared, openai, server, { flags: ['--force'] });
    expect(run.code).toBe(0);
    expect(await readFile(join(prepared.out, 'combined.md'), 'utf8')).toBe('echo: private');
    expect((await stat(join(prepared.out, 'combined.md'))).mode & 0o777).toBe(0o600);
  });

  it('file_write keeps the permission bits of a file it replaces', async () => {
    server.enqueue(
      { kind: 'tool-calls', calls: [{ name: 'file_write', input: { path: 'token.txt', content: 'new' } }] },
      { kind: 'text', text: 'done' },
    );
    const prepared = await prepareSpec('parallel-four', openai, (spec) => {
      spec.agents = { worker: { prompt: 'You write.', tools: ['file_write'] } };
      spec.pattern = { type: 'chain', config: { steps: [{ agent: 'worker', input: 'write it' }] } };
      delete spec.outputs;
    });
    await writeFile(join(prepared.dir, 'token.txt'), 'old');
    await chmod(join(prepared.dir, 'token.txt'), 0o600);
    const run = await runCli(['run', prepared.spec, '--allow-file-write'], {
      cwd: prepared.dir,
      env: openai.env(server),
    });
    expect(run.code).toBe(0);
    expect(await readFile(join(prepared.dir, 'token.txt'), 'utf8')).toBe('new');
    expect((await stat(join(prepared.dir, 'token.txt'))).mode & 0o777).toBe(0o600);
  });
});
