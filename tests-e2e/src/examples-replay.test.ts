/**
 * Every `examples/*.yaml` validates and replays offline from its committed cassette through the built
 * CLI, as the README promises: `pnpm strands run examples/<name>.yaml --replay examples/<name>.cassette.json`
 * with no API key, no model server and no AWS configuration. An example without a cassette fails here.
 *
 * The HTTP tool example is the one exception to "no server": its tool calls run for real during a
 * replay, so the test starts its tiny local API (examples/local-api/status-api.mjs) and passes
 * `--allow-private-network`, as its header comment tells users to.
 */
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleScripts } from './example-scripts/index.js';
import {
  artifactsIn,
  exampleCassette,
  exampleNames,
  exampleSpec,
  replayExample,
  repositoryRoot,
  type StatusApi,
  startStatusApi,
} from './examples-harness.js';

const names = await exampleNames();

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-examples-replay-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

it('finds the examples, each with a scripted recording', () => {
  expect(names.length).toBeGreaterThanOrEqual(7);
  // A new example needs a script in example-scripts/ so that its cassette can be re-recorded.
  expect(exampleScripts.map((script) => script.name).sort()).toEqual(names);
});

describe.each(names)('examples/%s.yaml', (name) => {
  const script = exampleScripts.find((candidate) => candidate.name === name);

  it('validates', async () => {
    const result = await runCli(['validate', exampleSpec(name)], {
      cwd: repositoryRoot,
      env: { HOME: directory },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('replays offline from its committed cassette, writing its artifacts', async () => {
    await expect(
      access(exampleCassette(name)),
      `examples/${name}.cassette.json is missing: record it (see examples-record.test.ts)`,
    ).resolves.toBeUndefined();
    const api: StatusApi | undefined = script?.usesStatusApi ? await startStatusApi() : undefined;
    try {
      const out = join(directory, name);
      const result = await replayExample(name, exampleCassette(name), out, { script, home: directory });
      expect(result.stderr).not.toContain('Error');
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).not.toBe('');
      const artifacts = await artifactsIn(out);
      expect(Object.keys(artifacts).length).toBeGreaterThan(0);
      for (const content of Object.values(artifacts)) expect(content.trim()).not.toBe('');
      if (script) {
        expect(Object.keys(artifacts)).toEqual([...script.artifacts].sort());
        expect(result.stdout).toContain(script.resultContains);
      }
    } finally {
      await api?.close();
    }
  });
});
