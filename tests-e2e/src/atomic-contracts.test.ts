import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenAIServer, reply, startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { runCliListingModules } from '@strands-cli/test-servers/startup-probe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/atomic/${name}`, import.meta.url));
const composite = fixture('composite.yaml');
const atomic = fixture('agents/atomic/triage/triage.yaml');

let model: OpenAIServer;
const directories: string[] = [];
beforeEach(async () => {
  model = await startOpenAIServer();
});
afterEach(async () => {
  await model.close();
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

const env = () => ({ OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: model.baseURL });

async function run(spec: string, vars: string[] = []) {
  const out = await mkdtemp(join(tmpdir(), 'strands-e2e-atomic-'));
  directories.push(out);
  const flags = vars.flatMap((value) => ['--var', value]);
  const result = await runCli(['run', spec, '--out', out, ...flags], { env: env(), timeoutMs: 20_000 });
  return { ...result, out };
}

/** What the model server received in request `index`, as text. */
const sent = (index: number) => JSON.stringify(model.requests[index]?.body ?? null);

describe('atomic agent contracts through the CLI', () => {
  it('retries a schema violation once, then passes; templates read the parsed answer', async () => {
    model.enqueue(
      reply.text('{"priority": "urgent"}'),
      reply.text('```json\n{"priority": "high"}\n```'),
      reply.text('Dear customer'),
    );
    const result = await run(composite, ['body=Prod is down']);
    expect(result.code, result.stderr).toBe(0);
    expect(model.requests).toHaveLength(3);
    // The agent is asked for JSON with the schema; the retry names the failing pointer.
    expect(sent(0)).toContain('Output Contract');
    expect(sent(0)).toContain('gpt-4o');
    expect(sent(1)).toContain('at /priority: must be equal to one of the allowed values');
    expect(sent(2)).toContain('Reply to a ticket of priority high.');
    expect(await readFile(join(result.out, 'triage.md'), 'utf8')).toBe('priority=high');
  });

  it('a parallel run exposes the parsed answer as steps[n].json in a branch and branches.<id>.json in reduce', async () => {
    // Branches interleave, so the model answers by what it is asked.
    model.setResponder((request) => {
      const text = JSON.stringify(request.body);
      if (text.includes('Output Contract'))
        return reply.text(`{"priority": "${text.includes('Prod is down') ? 'high' : 'low'}"}`);
      return reply.text(text.includes('Draft for priority high.') ? 'Draft one' : 'Combined');
    });
    const result = await run(fixture('parallel-composite.yaml'));
    expect(result.code, result.stderr).toBe(0);
    const bodies = model.requests.map((request) => JSON.stringify(request.body));
    expect(bodies).toHaveLength(4);
    expect(bodies.filter((body) => body.includes('Draft for priority high.'))).toHaveLength(1);
    expect(bodies.at(-1)).toContain('Second ticket priority low; first draft: Draft one');
    expect(await readFile(join(result.out, 'priorities.md'), 'utf8')).toBe('second=low');
  });

  it('validate refuses steps[n].json for an agent without an output_schema, naming the fix', async () => {
    const result = await runCli(['validate', fixture('no-schema-json.yaml')], { env: env() });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('steps[0].json.priority');
    expect(result.stderr).toContain('output_schema');
    expect(model.requests).toHaveLength(0);
  });

  it('fails with exit 10 naming the first failing pointer after a second violation', async () => {
    model.enqueue(reply.text('{"priority": "urgent"}'), reply.text('{"level": 3}'));
    const result = await run(composite, ['body=Prod is down']);
    expect(result.code).toBe(10);
    expect(result.stderr).toContain(
      "does not match its output_schema after a clarification retry: at /: must have required property 'priority'",
    );
    expect(model.requests).toHaveLength(2);
  });

  it('refuses inputs that break input_schema before any model call', async () => {
    // The composite leaves `body` out of the JSON input when it is empty.
    const viaRef = await run(composite);
    expect(viaRef.code).toBe(10);
    expect(viaRef.stderr).toContain("input_schema: at /: must have required property 'body'");
    expect(model.requests).toHaveLength(0);
    model.enqueue(reply.text('{"priority": "low"}'));
    // An atomic spec run on its own checks its variables.
    const direct = await run(atomic, ['subject=Down', 'body=']);
    expect(direct.code, direct.stderr).toBe(0);
    expect(model.requests).toHaveLength(1);
  });

  it('loads the JSON Schema validator only for a run whose agents declare a contract', async () => {
    model.setResponder(() => reply.text('{"priority": "low"}'));
    const ajv = (modules: readonly string[]) => modules.filter((url) => url.includes('/node_modules/ajv/'));
    const validate = await runCliListingModules(['validate', composite]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(ajv(validate.modules)).toEqual([]);
    const contracted = await runCliListingModules(['run', atomic, '--var', 'subject=a', '--var', 'body=b'], {
      env: env(),
    });
    expect(contracted.code, contracted.stderr).toBe(0);
    expect(ajv(contracted.modules).length).toBeGreaterThan(0);
  });

  it('strands atomic test runs the tests.yaml cases and reports pass/fail per case', async () => {
    model.setResponder(() => reply.text('{"priority": "high"}'));
    const result = await runCli(['atomic', 'test', fixture('agents/atomic/triage'), '--json'], {
      env: env(),
      timeoutMs: 30_000,
    });
    expect(result.code, result.stderr).toBe(10);
    const report = JSON.parse(result.stdout) as {
      passed: number;
      failed: number;
      cases: { name: string; ok: boolean; problems: string[] }[];
    };
    expect(report.cases.map((entry) => [entry.name, entry.ok])).toEqual([
      ['outage', true],
      ['wants_rationale', false],
    ]);
    expect(report.cases[1]?.problems).toEqual(['has_keys: the answer has no rationale']);
    expect(model.requests).toHaveLength(2);
  });

  it('strands atomic run prints the parsed answer of one run', async () => {
    model.setResponder(() => reply.text('Sure: {"priority": "low"}'));
    const result = await runCli(
      [
        'atomic',
        'run',
        fixture('agents/atomic/triage/triage.yaml'),
        '--input',
        fixture('agents/atomic/triage/examples/outage.json'),
        '--json',
      ],
      { env: env(), timeoutMs: 30_000 },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ agent: 'triage', json: { priority: 'low' } });
  });
});
