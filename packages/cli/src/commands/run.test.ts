import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bufferIO,
  fakeProviderStats,
  projectWithFakeProvider,
} from '../__fixtures__/fake-provider-package.js';
import { main } from '../main.js';

const provider = '@fixtures/strands-provider-fake';

function chainYaml(steps: string[], extra = ''): string {
  return [
    'version: 1',
    'name: Tide Report',
    'runtime:',
    `  provider: "${provider}"`,
    'inputs:',
    '  values:',
    '    topic: tide pools',
    'agents:',
    '  writer:',
    '    prompt: You write.',
    'pattern:',
    '  type: chain',
    '  config:',
    '    steps:',
    ...steps.map((input) => `      - agent: writer\n        input: "${input}"`),
    extra,
  ].join('\n');
}

async function project(yaml: string): Promise<string> {
  const directory = await projectWithFakeProvider();
  await writeFile(join(directory, 'spec.yaml'), yaml);
  return directory;
}

describe('strands run', () => {
  it('prints the final response on stdout, a summary on stderr, writes artifacts, closes the pool', async () => {
    const directory = await project(
      chainYaml(
        ['About {{ topic }}', 'Polish {{ steps[0].response }}'],
        'outputs:\n  artifacts:\n    - path: "{{ topic }}.md"\n      from: "{{ last_response }}"',
      ),
    );
    const before = { ...fakeProviderStats() };
    const { io, stdout, stderr } = bufferIO(directory);
    expect(await main(['run', 'spec.yaml'], io)).toBe(0);
    expect(stdout()).toBe('echo: Polish echo: About tide pools\n');
    expect(await readFile(join(directory, 'artifacts', 'tide_pools.md'), 'utf8')).toBe(
      'echo: Polish echo: About tide pools',
    );
    expect(stderr()).toContain('Running Tide Report (chain, max_parallel 8)');
    expect(stderr()).toContain('✓ step 2 · writer');
    expect(stderr()).toMatch(/✓ Tide Report completed in .* · 10 tokens \(in 6, out 4\)/);
    expect(stderr()).toContain(join('artifacts', 'tide_pools.md'));
    const after = fakeProviderStats();
    expect(after.creates - before.creates).toBe(1);
    expect(after.closes - before.closes).toBe(1);
  });

  it('keeps the journal unflushed with STRANDS_JOURNAL_SYNC=os, and refuses an unknown mode before running', async () => {
    const directory = await project(chainYaml(['About {{ topic }}']));
    const fast = bufferIO(directory, { STRANDS_JOURNAL_SYNC: 'os' });
    expect(await main(['run', 'spec.yaml', '--json'], fast.io)).toBe(0);
    expect(JSON.parse(fast.stdout()).journal).toEqual({ replayed: 0, recorded: 1 });
    const before = { ...fakeProviderStats() };
    const wrong = bufferIO(directory, { STRANDS_JOURNAL_SYNC: 'sometimes' });
    expect(await main(['run', 'spec.yaml', '--force'], wrong.io)).toBe(2);
    expect(wrong.stderr()).toContain('STRANDS_JOURNAL_SYNC="sometimes" is not a journal sync mode');
    expect(fakeProviderStats().creates).toBe(before.creates);
  });

  it('prints one JSON document with --json, counts included', async () => {
    const directory = await project(chainYaml(['one', 'two', 'three']));
    const { io, stdout, stderr } = bufferIO(directory);
    expect(await main(['run', 'spec.yaml', '--json', '--out', 'out'], io)).toBe(0);
    const document = JSON.parse(stdout());
    expect(document).toMatchObject({
      ok: true,
      name: 'Tide Report',
      response: 'echo: three',
      usage: { inputTokens: 9, outputTokens: 6, totalTokens: 15 },
      counts: { agentsBuilt: 1, agentsReused: 2, clientsCreated: 1, clientsReused: 0, requests: 3 },
    });
    expect(document.steps).toHaveLength(3);
    expect(document.maxRssBytes).toBeGreaterThan(1024 * 1024);
    expect(stderr()).toBe('');
  });

  it('adds cache and pool counts with --verbose, and each hit and miss with --debug', async () => {
    const directory = await project(chainYaml(['one', 'two']));
    const verbose = bufferIO(directory);
    expect(await main(['run', 'spec.yaml', '--verbose', '--force'], verbose.io)).toBe(0);
    expect(verbose.stderr()).toContain('Agents: 1 built, 1 reused · invocations: 2');
    expect(verbose.stderr()).toContain('Clients: 1 created, 0 reused from the pool');
    expect(verbose.stderr()).toContain('Requests to fake: 2 (0 retries)');
    const debug = bufferIO(directory);
    expect(await main(['run', 'spec.yaml', '--debug', '--force'], debug.io)).toBe(0);
    expect(debug.stderr()).toContain("agent cache miss: built 'writer'");
    expect(debug.stderr()).toContain("agent cache hit: reused 'writer'");
    expect(debug.stderr()).toContain('client pool miss: created fake client (memory)');
  });

  it('is silent on stderr with --quiet', async () => {
    const directory = await project(chainYaml(['one']));
    const { io, stdout, stderr } = bufferIO(directory);
    expect(await main(['run', 'spec.yaml', '--quiet'], io)).toBe(0);
    expect(stdout()).toBe('echo: one\n');
    expect(stderr()).toBe('');
  });

  it('streams the model text as it arrives with --stream', async () => {
    const directory = await project(chainYaml(['one two three']));
    const { io, stderr, stdout } = bufferIO(directory);
    expect(await main(['run', 'spec.yaml', '--stream'], io)).toBe(0);
    expect(stderr()).toContain('── step 1 · writer\necho: one two three\n');
    expect(stdout()).toBe('echo: one two three\n');
  });

  it('retries a retryable failure and reports it', async () => {
    const directory = await project(
      chainYaml(['one']).replace(
        'runtime:',
        'runtime:\n  failure_policy:\n    retries: 1\n    backoff: constant\n    wait_min: 0',
      ),
    );
    const { io, stderr, stdout } = bufferIO(directory, {
      FAKE_SCRIPT: JSON.stringify([{ status: 503 }, 'recovered']),
    });
    expect(await main(['run', 'spec.yaml'], io)).toBe(0);
    expect(stdout()).toBe('recovered\n');
    expect(stderr()).toContain('↻ step 1 · fake: HTTP 503; attempt 2 of 2');
  });

  it('fails with exit 10 and the fix on a non-retryable provider error, writing no artifact', async () => {
    const directory = await project(
      chainYaml(['one'], 'outputs:\n  artifacts:\n    - path: out.md\n      from: x'),
    );
    const { io, stderr } = bufferIO(directory, { FAKE_SCRIPT: JSON.stringify([{ status: 401 }]) });
    expect(await main(['run', 'spec.yaml'], io)).toBe(10);
    expect(stderr()).toContain("Error: step 1 (agent 'writer') failed: HTTP 401");
    expect(stderr()).toContain('fix: Set FAKE_KEY to a valid key.');
    expect(await readdir(directory)).not.toContain('artifacts');
  });

  it('exits 20 when a budget is exceeded', async () => {
    const directory = await project(
      chainYaml(['one', 'two', 'three']).replace('runtime:', 'runtime:\n  budgets:\n    max_steps: 2'),
    );
    const { io, stderr } = bufferIO(directory);
    expect(await main(['run', 'spec.yaml'], io)).toBe(20);
    expect(stderr()).toContain('Budget exceeded: max_steps limit is 2, used 3');
  });

  it('exits 130 on SIGINT, writing no artifact', async () => {
    const directory = await project(
      chainYaml(['one', 'two'], 'outputs:\n  artifacts:\n    - path: out.md\n      from: x'),
    );
    const { io, stderr } = bufferIO(directory);
    let handler: ((signal: 'SIGINT' | 'SIGTERM') => void) | undefined;
    let removed = false;
    const interruptible = {
      ...io,
      onInterrupt: (callback: (signal: 'SIGINT' | 'SIGTERM') => void) => {
        handler = callback;
        return () => {
          removed = true;
        };
      },
      stderr: {
        write: (text: string) => {
          // Interrupt as soon as the first step starts.
          if (text.includes('→ step 1')) handler?.('SIGINT');
          return io.stderr.write(text);
        },
      },
    };
    expect(await main(['run', 'spec.yaml'], interruptible)).toBe(130);
    expect(stderr()).toContain('Interrupted by SIGINT');
    expect(removed).toBe(true);
    expect(await readdir(directory)).not.toContain('artifacts');
  });

  it('exits 2 for a malformed --var', async () => {
    const directory = await project(chainYaml(['one']));
    const { io } = bufferIO(directory);
    expect(await main(['run', 'spec.yaml', '--var', 'novalue'], io)).toBe(2);
  });

  it('exits 2 for --live-tools without --replay, naming the fix', async () => {
    const directory = await project(chainYaml(['one']));
    const { io, stderr } = bufferIO(directory);
    expect(await main(['run', 'spec.yaml', '--live-tools'], io)).toBe(2);
    expect(stderr()).toContain('--live-tools applies only to a replay');
  });

  it('writes the unsupported report and exits 18 for a spec it cannot run', async () => {
    const yaml = chainYaml(['one']).replace(
      'agents:',
      'security:\n  guardrails: { deny_network: true }\nagents:',
    );
    const directory = await project(yaml);
    const { io, stderr } = bufferIO(directory);
    expect(await main(['run', 'spec.yaml'], io)).toBe(18);
    const report = await readFile(join(directory, 'artifacts', 'Tide_Report-unsupported.md'), 'utf8');
    expect(report).toContain('# Unsupported features: Tide Report');
    expect(stderr()).toContain('Report written to');
  });

  it('prints a spec-error document with every located problem for a spec that does not load', async () => {
    const directory = await project(chainYaml(['one']).replace('agents:', 'agentz:'));
    const { io, stdout } = bufferIO(directory);
    expect(await main(['run', 'spec.yaml', '--json'], io)).toBe(3);
    const document = JSON.parse(stdout());
    expect(document).toMatchObject({ status: 'spec-error', ok: false, exitCode: 3 });
    expect(document.issues.length).toBeGreaterThan(0);
    expect(document.issues[0]).toMatchObject({ pointer: expect.any(String), line: expect.any(Number) });
  });

  it('prints a JSON failure document with --json', async () => {
    const directory = await project(chainYaml(['one']));
    const { io, stdout } = bufferIO(directory, { FAKE_SCRIPT: JSON.stringify([{ status: 401 }]) });
    expect(await main(['run', 'spec.yaml', '--json'], io)).toBe(10);
    expect(JSON.parse(stdout())).toMatchObject({
      status: 'failure',
      ok: false,
      exitCode: 10,
      error: { message: expect.stringContaining('HTTP 401') },
    });
  });
});
