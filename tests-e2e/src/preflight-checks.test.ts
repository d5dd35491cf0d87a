import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { echoLastUserMessage, type LoopbackServer } from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type PreparedSpec,
  prepareSpec,
  providerTarget,
  runPrepared,
  type SpecDocument,
} from './reliability-harness.js';

// What is checked before the first request does not depend on the provider: one is enough.
const openai = providerTarget('openai');

let server: LoopbackServer;
beforeAll(async () => {
  server = await openai.start();
  server.setResponder(echoLastUserMessage);
});
afterAll(() => server.close());

let requestsBefore = 0;
beforeEach(() => {
  requestsBefore = server.requests.length;
});

/** Requests the server received since the test started. */
function requestsSent(): number {
  return server.requests.length - requestsBefore;
}

/** A one-step chain that reads `topic` and writes `report.md`; `edit` changes it. */
function chainSpec(edit?: (spec: SpecDocument) => void): Promise<PreparedSpec> {
  return prepareSpec('parallel-four', openai, (spec) => {
    spec.inputs = { optional: { topic: { type: 'string', default: 'kelp' } } };
    spec.pattern = { type: 'chain', config: { steps: [{ agent: 'worker', input: 'about {{ topic }}' }] } };
    spec.outputs = { artifacts: [{ path: 'report.md', from: '{{ last_response }}' }] };
    edit?.(spec);
  });
}

function run(prepared: PreparedSpec, flags: readonly string[] = []): Promise<CliRun> {
  return runPrepared(prepared, openai, server, { flags });
}

function validate(prepared: PreparedSpec): Promise<CliRun> {
  return runCli(['validate', prepared.spec], { cwd: prepared.dir, env: openai.env(server) });
}

describe('artifacts are checked before the first model call', () => {
  it('an existing artifact without --force: exit 12, nothing sent', async () => {
    const prepared = await chainSpec();
    await mkdir(prepared.out, { recursive: true });
    await writeFile(join(prepared.out, 'report.md'), 'old');
    const result = await run(prepared);
    expect(result.code).toBe(12);
    expect(result.stderr).toContain('Artifact file already exists');
    expect(requestsSent()).toBe(0);
  });

  it('an --out that is a file: exit 12, nothing sent', async () => {
    const prepared = await chainSpec();
    await writeFile(prepared.out, '');
    const result = await run(prepared);
    expect(result.code).toBe(12);
    expect(result.stderr).toContain('is a file, not a folder');
    expect(requestsSent()).toBe(0);
  });

  it('a literal path that leaves --out is a validate error with its location', async () => {
    const prepared = await chainSpec((spec) => {
      spec.outputs = { artifacts: [{ path: '../escape.md', from: '{{ last_response }}' }] };
    });
    const checked = await validate(prepared);
    expect(checked.code).toBe(3);
    expect(checked.stderr).toMatch(
      /workflow\.yaml:\d+:\d+ \/outputs\/artifacts\/0\/path: artifact 1: .*leaves/,
    );
    const result = await run(prepared);
    expect(result.code).toBe(3);
    expect(requestsSent()).toBe(0);
  });

  it('a file that is another artifact folder, and a name over 255 bytes: exit 3, nothing sent', async () => {
    const prepared = await chainSpec((spec) => {
      spec.outputs = {
        artifacts: [
          { path: 'report', from: 'a' },
          { path: 'report/details.md', from: 'b' },
          { path: `${'海'.repeat(90)}.md`, from: 'c' },
        ],
      };
    });
    const result = await run(prepared);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('artifact 2 is written inside `report`');
    expect(result.stderr).toContain('file systems take at most 255 bytes');
    expect(requestsSent()).toBe(0);
  });
});

describe('endpoints', () => {
  it('a runtime.host that is not an http(s) URL is a validate error at /runtime/host', async () => {
    const prepared = await chainSpec((spec) => {
      spec.runtime.host = 'not a url';
    });
    const checked = await validate(prepared);
    expect(checked.code).toBe(3);
    expect(checked.stderr).toMatch(/\/runtime\/host: runtime\.host `not a url` is not an http\(s\) URL/);
    expect((await run(prepared)).code).toBe(3);
    expect(requestsSent()).toBe(0);
  });

  it('a refused connection is "nothing listens at" once, not retried', async () => {
    const closed = await openai.start();
    const url = `${closed.url}/v1`;
    await closed.close();
    const prepared = await chainSpec((spec) => {
      spec.outputs = undefined;
      spec.runtime.failure_policy = { retries: 2, wait_min: 0, wait_max: 0 };
    });
    const result = await runPrepared(prepared, openai, server, {
      env: { OPENAI_BASE_URL: url },
    });
    expect(result.code).toBe(10);
    expect(result.stderr).toContain(`Nothing listens at ${url} (connection refused)`);
    expect(result.stderr).not.toMatch(/attempt 2 of/);
    expect(requestsSent()).toBe(0);
  });
});

describe('--var values', () => {
  it('a --var close to a used name is a usage error with "did you mean"', async () => {
    const result = await run(await chainSpec(), ['--var', 'topc=kelp']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--var topc: nothing in the spec reads `topc`. Did you mean `topic`?');
    expect(requestsSent()).toBe(0);
  });

  it('a --var that is close to nothing is a warning, and the run goes on', async () => {
    const result = await run(await chainSpec(), ['--var', 'unrelated=1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('--var unrelated is not read by any template, input or artifact');
  });

  it('a boolean --var lists the accepted words', async () => {
    const prepared = await chainSpec((spec) => {
      spec.inputs = { optional: { loud: 'boolean' } };
      spec.pattern = { type: 'chain', config: { steps: [{ agent: 'worker', input: '{{ loud }}' }] } };
    });
    const result = await run(prepared, ['--var', 'loud=maybe']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('yes/no, on/off, 1/0 or true/false');
    expect(requestsSent()).toBe(0);
  });

  it('a --var object without a key a template reads is a usage error naming the key', async () => {
    const prepared = await chainSpec((spec) => {
      spec.inputs = { optional: { person: { type: 'object', default: { name: 'x' } } } };
      spec.pattern = {
        type: 'chain',
        config: { steps: [{ agent: 'worker', input: 'hello {{ person.name }}' }] },
      };
    });
    const result = await run(prepared, ['--var', 'person={"nick":"k"}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--var person: the value has no `name`');
    expect(requestsSent()).toBe(0);
  });
});

describe('spec checks', () => {
  it('validate reports every undefined name in a template', async () => {
    const prepared = await chainSpec((spec) => {
      spec.inputs = { optional: { topic: 'string', style: 'string' } };
      spec.pattern = {
        type: 'chain',
        config: { steps: [{ agent: 'worker', input: '{{ topicc }} in {{ stylee }}' }] },
      };
    });
    const checked = await validate(prepared);
    expect(checked.code).toBe(3);
    expect(checked.stderr).toContain('`topicc` is undefined here. Did you mean `topic`?');
    expect(checked.stderr).toContain('`stylee` is undefined here. Did you mean `style`?');
    expect((await run(prepared)).code).toBe(3);
    expect(requestsSent()).toBe(0);
  });

  it('a pattern type that is neither built in nor installed names the package and its install command', async () => {
    const prepared = await chainSpec((spec) => {
      (spec.pattern as { type: string }).type = 'invalid_pattern_type';
    });
    const checked = await validate(prepared);
    expect(checked.code).toBe(3);
    expect(checked.stderr).toContain('its package invalid_pattern_type is not installed');
    expect(checked.stderr).toContain('pnpm add invalid_pattern_type');
    const doctor = await runCli(['doctor', prepared.spec], { cwd: prepared.dir, env: openai.env(server) });
    expect(doctor.code).toBe(3);
    expect(doctor.stderr).toContain('pnpm add invalid_pattern_type');
    expect((await run(prepared)).code).toBe(3);
    expect(requestsSent()).toBe(0);
  });

  it('a missing $ref file is one problem at the $ref', async () => {
    const prepared = await chainSpec((spec) => {
      spec.agents = { worker: { $ref: './missing.yaml' } };
    });
    const checked = await validate(prepared);
    expect(checked.code).toBe(3);
    expect(checked.stderr).toContain('(1 problem)');
    expect(checked.stderr).toContain('/agents/worker/$ref');
    expect(checked.stderr).not.toContain('prompt');
    expect((await run(prepared)).code).toBe(3);
    expect(requestsSent()).toBe(0);
  });
});
