import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareSpec, providerTarget, runPrepared } from './reliability-harness.js';

const openai = providerTarget('openai');

/** A `--json` document: its `status` says which of the other fields it has. */
interface JsonDocument {
  readonly status: string;
  readonly ok: boolean;
  readonly exitCode: number;
  readonly issues?: ReadonlyArray<Record<string, unknown>>;
  readonly error?: { readonly name: string; readonly message: string; readonly code?: string };
}

/** stdout must be exactly one JSON document. */
function onlyDocument(stdout: string): JsonDocument {
  return JSON.parse(stdout) as JsonDocument;
}

describe('run --json prints one document for every outcome, through the built CLI', () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await openai.start();
  });
  afterEach(() => server.close());

  it('success: status success, exit 0', async () => {
    server.enqueue(reply.text('one'), reply.text('two'));
    const run = await runPrepared(await prepareSpec('chain-two-steps', openai), openai, server, {
      flags: ['--json'],
    });
    expect(run.code).toBe(0);
    expect(onlyDocument(run.stdout)).toMatchObject({ status: 'success', ok: true, exitCode: 0 });
  });

  it('failure: status failure with the error, exit 10', async () => {
    server.enqueue(reply.error(401));
    const run = await runPrepared(await prepareSpec('chain-two-steps', openai), openai, server, {
      flags: ['--json'],
    });
    expect(run.code).toBe(10);
    expect(onlyDocument(run.stdout)).toMatchObject({ status: 'failure', ok: false, exitCode: 10 });
  });

  it('spec error: the same located problems as validate --json, exit 3, nothing sent', async () => {
    const prepared = await prepareSpec('chain-two-steps', openai, (document) => {
      (document.agents as Record<string, Record<string, unknown>>).writer = { promt: 'typo', modle: 'x' };
    });
    const run = await runPrepared(prepared, openai, server, { flags: ['--json'] });
    const validated = await runCli(['validate', prepared.spec, '--json'], { cwd: prepared.dir });
    expect(run.code).toBe(3);
    expect(validated.code).toBe(3);
    const document = onlyDocument(run.stdout);
    expect(document).toMatchObject({ status: 'spec-error', ok: false, exitCode: 3 });
    const fields = (issue: Record<string, unknown>) => ({
      pointer: issue.pointer,
      line: issue.line,
      column: issue.column,
      message: issue.message,
      hint: issue.hint,
    });
    const expected = (JSON.parse(validated.stdout) as { issues: Record<string, unknown>[] }).issues;
    expect(expected.length).toBeGreaterThan(1);
    expect(document.issues?.map(fields)).toEqual(expected.map(fields));
    expect(document.issues?.[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(server.requests).toHaveLength(0);
  });

  it('unsupported: status unsupported, exit 18', async () => {
    const prepared = await prepareSpec('chain-two-steps', openai, (document) => {
      document.security = { guardrails: { deny_network: true } };
    });
    const run = await runPrepared(prepared, openai, server, { flags: ['--json'] });
    expect(run.code).toBe(18);
    expect(onlyDocument(run.stdout)).toMatchObject({ status: 'unsupported', exitCode: 18 });
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['an unknown option', ['run', 'x.yaml', '--json', '--bogus'], 'commander.unknownOption'],
    // `run` takes no spec with --resume, so its spec is optional: `validate` still requires one.
    ['a missing argument', ['validate', '--json'], 'commander.missingArgument'],
    [
      'a value not among the choices',
      ['plan', 'x.yaml', '--format', 'svg', '--json'],
      'commander.invalidArgument',
    ],
    [
      'an option value that is another option',
      ['run', 'x.yaml', '--out', '--json'],
      'commander.invalidArgument',
    ],
  ])('a flag error (%s): status usage-error, exit 2', async (_name, args, code) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(onlyDocument(run.stdout)).toMatchObject({
      status: 'usage-error',
      ok: false,
      exitCode: 2,
      error: { name: 'UsageError', code },
    });
    expect(run.stderr).toMatch(/^error: /);
  });
});

describe('strands schema, through the built CLI', () => {
  it('compiles under Ajv strict mode, accepts a plugin pattern and reports a config error in its branch only', async () => {
    const run = await runCli(['schema']);
    expect(run.code).toBe(0);
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(run.stdout));
    const base = {
      version: 1,
      name: 'editor check',
      runtime: { provider: 'openai', model_id: 'gpt-4o-mini' },
      agents: { writer: { prompt: 'You write.' } },
    };
    const plugin = { ...base, pattern: { type: '@acme/strands-executor-map', config: { over: [1] } } };
    expect(validate(plugin), JSON.stringify(validate.errors)).toBe(true);
    const typo = { ...base, pattern: { type: 'workflow', config: { taks: [] } } };
    expect(validate(typo)).toBe(false);
    const located = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
    expect(located.length).toBeGreaterThan(0);
    const workflowBranch = /^#\/properties\/pattern\/allOf\/\d+\/then\//;
    expect(located.every((error) => workflowBranch.test(error.schemaPath))).toBe(true);
    expect(new Set(located.map((error) => error.schemaPath.split('/')[4])).size).toBe(1);
  });
});
