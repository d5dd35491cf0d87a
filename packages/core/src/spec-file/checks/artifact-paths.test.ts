import { describe, expect, it } from 'vitest';
import { SpecValidationError } from '../../spec/v1/errors.js';
import { fixturePlugins } from '../__fixtures__/fixture-executor.js';
import { prepareSpec } from '../prepare-spec.js';

function spec(paths: string[]) {
  return {
    version: 0,
    name: 'artifacts',
    runtime: { provider: 'ollama' },
    inputs: { values: { topic: 'tides' } },
    agents: { a: { prompt: 'A' } },
    pattern: { type: 'chain', config: { steps: [{ agent: 'a', input: 'hi' }] } },
    outputs: { artifacts: paths.map((path) => ({ path, from: '{{ last_response }}' })) },
  };
}

async function failure(paths: string[]) {
  const error = await prepareSpec(spec(paths), { plugins: fixturePlugins }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SpecValidationError);
  expect((error as SpecValidationError).exitCode).toBe(3);
  return (error as SpecValidationError).issues;
}

describe('artifact paths', () => {
  it('reports two identical path templates before any model call, naming both entries', async () => {
    const issues = await failure(['{{ topic }}.md', 'notes.md', '{{ topic }}.md']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ pointer: '/outputs/artifacts/2/path', code: 'duplicate' });
    expect(issues[0]?.message).toBe(
      'artifact 3 would write the same file as artifact 1: /outputs/artifacts/2/path and /outputs/artifacts/0/path are both `{{ topic }}.md`',
    );
    expect(issues[0]?.hint).toMatch(/own path/);
  });

  it('treats static paths that differ only by ./, doubled slashes or spaces as the same file', async () => {
    const issues = await failure(['out/report.md', ' ./out//report.md ']);
    expect(issues.map((issue) => issue.pointer)).toEqual(['/outputs/artifacts/1/path']);
  });

  it('accepts distinct paths, and templates that differ (their values decide at run time)', async () => {
    const loaded = await prepareSpec(spec(['a.md', 'b.md', '{{ topic }}.md', '{{ topic }}-2.md']), {
      plugins: fixturePlugins,
    });
    expect(loaded.spec.outputs?.artifacts).toHaveLength(4);
  });
});
