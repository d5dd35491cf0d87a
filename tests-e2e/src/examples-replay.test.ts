/**
 * Every `examples/*.yaml` validates and replays offline from its committed cassette through the built
 * CLI, as the README promises: `pnpm strands run examples/<name>.yaml --replay examples/<name>.cassette.json`
 * with no API key, no model server and no AWS configuration. An example without a cassette fails here.
 *
 * No example needs a server to replay, the HTTP tool example included: its tool results are in its
 * cassette, so nothing starts examples/local-api and no replay passes `--allow-private-network`. A
 * tool that ran anyway would be refused the loopback API, the model would then see another request, and
 * the replay would fail with a cassette miss. `--live-tools` keeps the old way: the tool runs for real.
 */
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
  extraFlags,
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
    const out = join(directory, name);
    const result = await replayExample(name, exampleCassette(name), out, { home: directory });
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
  });
});

describe('tool calls on replay', () => {
  const http = exampleScripts.find((script) => script.usesStatusApi);

  it('run for real with --live-tools: the HTTP tool example needs its local API again', async () => {
    expect(http).toBeDefined();
    const name = http!.name;
    const api: StatusApi = await startStatusApi();
    try {
      const out = join(directory, `${name}-live-tools`);
      const result = await replayExample(name, exampleCassette(name), out, {
        home: directory,
        flags: ['--live-tools', ...extraFlags(http)],
      });
      expect(result.stderr).not.toContain('Error');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(http!.resultContains);
    } finally {
      await api.close();
    }
  });

  it('without the API, --live-tools fails with a cassette miss: proof that a plain replay ran no tool', async () => {
    const name = http!.name;
    const out = join(directory, `${name}-refused`);
    // Without --allow-private-network the tool is refused the loopback API whether or not it is up.
    const result = await replayExample(name, exampleCassette(name), out, {
      home: directory,
      flags: ['--live-tools'],
    });
    expect(result.code).toBe(10);
    expect(result.stderr).toContain('No recorded answer');
  });

  it('a cassette recorded before tool results were kept still replays, running its tools for real', async () => {
    const name = 'tool-calculator-openai';
    const old = join(
      repositoryRoot,
      'tests-e2e/fixtures/record-replay/tool-calculator-before-tool-results.cassette.json',
    );
    expect(JSON.parse(await readFile(old, 'utf8')).tools).toBeUndefined();
    const fromOld = await replayExample(name, old, join(directory, 'calculator-old'), { home: directory });
    expect(fromOld.stderr).not.toContain('Error');
    expect(fromOld.code).toBe(0);
    const fromNew = await replayExample(name, exampleCassette(name), join(directory, 'calculator-new'), {
      home: directory,
    });
    expect(fromOld.stdout).toBe(fromNew.stdout);
    expect(await artifactsIn(join(directory, 'calculator-old'))).toEqual(
      await artifactsIn(join(directory, 'calculator-new')),
    );
  });

  it('a cassette with tool results that lacks a call fails with exit 10 naming the tool and input', async () => {
    const name = 'tool-calculator-openai';
    const cassette = JSON.parse(await readFile(exampleCassette(name), 'utf8'));
    const dropped = cassette.tools.pop();
    const file = join(directory, 'calculator-missing-tool.cassette.json');
    await writeFile(file, JSON.stringify(cassette));
    const result = await replayExample(name, file, join(directory, 'calculator-missing'), {
      home: directory,
    });
    expect(result.code).toBe(10);
    expect(result.stderr).toContain(
      `for a call of tool 'calculator' with input ${JSON.stringify(dropped.input)}`,
    );
    expect(result.stderr).toContain('--live-tools');
  });
});
