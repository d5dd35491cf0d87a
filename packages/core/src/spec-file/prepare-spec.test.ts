import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SpecIssue, SpecValidationError } from '../spec/v1/errors.js';
import { fixture, fixturePlugins } from './__fixtures__/fixture-executor.js';
import { loadSpec, prepareSpec } from './prepare-spec.js';

const options = { plugins: fixturePlugins, requireInputs: false } as const;

/** Loads a fixture that must fail and returns its issues. */
async function issuesOf(name: string): Promise<readonly SpecIssue[]> {
  const error = await loadSpec(fixture(name), options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SpecValidationError);
  expect((error as SpecValidationError).exitCode).toBe(3);
  return (error as SpecValidationError).issues;
}

describe('loadSpec on a valid spec', () => {
  it('returns the spec, variables with defaults and values, the analysis and a fingerprint', async () => {
    const loaded = await loadSpec(fixture('valid-chain.yaml'), options);
    expect(loaded.spec.name).toBe('research-brief');
    expect(loaded.variables).toEqual({ topic: 'tide pools', depth: 2, tone: 'plain' });
    expect(loaded.analysis.agentReferences.map((reference) => reference.id)).toEqual([
      'researcher',
      'writer',
    ]);
    expect(loaded.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(loaded.capabilityIssues).toEqual([]);
    expect(loaded.locate('/agents/writer')).toMatchObject({ line: 30, column: 3 });
    expect(loaded.baseDirectory).toBe(dirname(fixture('valid-chain.yaml')));
  });

  it('loads JSON the same way, with locations', async () => {
    const loaded = await loadSpec(fixture('valid-chain.json'), options);
    expect(loaded.spec.version).toBe('1');
    expect(loaded.locate('/agents/solo')).toMatchObject({ line: 5, column: 15 });
  });

  it('validates an in-memory document with prepareSpec', async () => {
    const loaded = await prepareSpec(
      {
        version: 0,
        name: 'in-memory',
        runtime: { provider: 'ollama' },
        agents: { a: { prompt: 'A' } },
        pattern: { type: 'chain', config: { steps: [{ agent: 'a', input: 'hi' }] } },
      },
      options,
    );
    expect(loaded.file).toBeUndefined();
    expect(loaded.executor?.id).toBe('chain');
  });
});

describe('schema errors', () => {
  it('reports misspelt keys with line:col and "did you mean"', async () => {
    const issues = await issuesOf('typos.yaml');
    expect(issues.map((issue) => [issue.pointer, issue.line, issue.column])).toEqual([
      ['/runtime/temprature', 5, 3],
      ['/agents/writer/promt', 8, 5],
      ['/pattern/config/steps/0/agnet', 13, 9],
    ]);
    expect(issues[2]?.message).toBe(
      'unknown key `agnet` in `pattern.config.steps[0]`. Did you mean `agent`?',
    );
    expect(issues[0]?.message).toContain('Did you mean `temperature`?');
    // The "`agent` is required" that the typo causes is not reported separately.
    expect(issues.some((issue) => issue.code === 'missing-key')).toBe(false);
  });

  it('explains wrong types, enums, patterns and sizes, each located', async () => {
    const issues = await issuesOf('bad-values.yaml');
    const byPointer = Object.fromEntries(issues.map((issue) => [issue.pointer, issue]));
    expect(byPointer['/tags/0']?.message).toContain('a tag is lowercase');
    expect(byPointer['/runtime/max_parallel']).toMatchObject({
      line: 6,
      message: '`runtime.max_parallel` must be a whole number, found 1.5',
    });
    expect(byPointer['/runtime/failure_policy/backoff']?.message).toContain(
      'must be one of `constant`, `exponential` and `jittered`',
    );
    expect(byPointer['/pattern/config/steps']?.message).toBe(
      '`pattern.config.steps` needs at least 1 item, found 0',
    );
    expect(issues).toHaveLength(4);
  });

  it('reports missing required keys at the parent', async () => {
    const error = await prepareSpec({ version: 0, name: 'x', agents: { a: { prompt: 'A' } } }, options).catch(
      (caught: SpecValidationError) => caught,
    );
    expect((error as SpecValidationError).issues.map((issue) => issue.message)).toEqual([
      '`runtime` is required',
      '`pattern` is required',
    ]);
  });

  it('names the known pattern types for an unknown one, with a suggestion', async () => {
    const [issue] = await issuesOf('unknown-pattern.yaml');
    expect(issue).toMatchObject({ pointer: '/pattern/type', line: 9, column: 3 });
    expect(issue?.message).toBe('unknown pattern type `chian`. Did you mean `chain`?');
    expect(issue?.hint).toContain('`workflow`');
  });

  it('reports several problems in one go, in file order within a kind', async () => {
    const issues = await issuesOf('references.yaml');
    expect(issues.map((issue) => `${issue.line}:${issue.column} ${issue.message}`)).toEqual([
      '6:12 unknown tool `calculater`. Did you mean `calculator`?',
      '10:7 duplicate HTTP executor id `api`',
      '15:18 unknown tool `web_serch`. Did you mean `web_fetch`?',
      '22:9 unknown agent `reseacher`. Did you mean `researcher`?',
      '25:26 unknown tool `apii`. Did you mean `api`?',
    ]);
  });
});
