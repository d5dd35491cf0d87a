import { describe, expect, it } from 'vitest';
import { SpecValidationError, UsageError } from '../../spec/v1/errors.js';
import { fixturePlugins } from '../__fixtures__/fixture-executor.js';
import { prepareSpec } from '../prepare-spec.js';

/** A chain spec with one step; `edit` changes the document before it is prepared. */
function document(edit: (spec: Record<string, unknown>) => void = () => undefined): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    version: 0,
    name: 'preflight',
    runtime: { provider: 'openai', model_id: 'm' },
    inputs: { optional: { topic: { type: 'string', default: 'kelp' } } },
    agents: { a: { prompt: 'A.' } },
    pattern: { type: 'chain', config: { steps: [{ agent: 'a', input: 'About {{ topic }}' }] } },
  };
  edit(spec);
  return spec;
}

async function failure(spec: Record<string, unknown>, vars: string[] = []): Promise<unknown> {
  return prepareSpec(spec, { plugins: fixturePlugins, vars, requireInputs: false }).catch(
    (caught: unknown) => caught,
  );
}

async function specIssues(spec: Record<string, unknown>, vars: string[] = []) {
  const error = await failure(spec, vars);
  expect(SpecValidationError.isInstance(error)).toBe(true);
  return (error as SpecValidationError).issues;
}

describe('checks that need no model', () => {
  it('reports every misspelt name in one template, each with a suggestion', async () => {
    const issues = await specIssues(
      document((spec) => {
        spec.inputs = { optional: { topic: 'string', style: 'string' } };
        spec.pattern = {
          type: 'chain',
          config: { steps: [{ agent: 'a', input: '{{ topicc }} in {{ stylee }}' }] },
        };
      }),
    );
    expect(issues.map((issue) => issue.message)).toEqual([
      'template: `topicc` is undefined here. Did you mean `topic`?',
      'template: `stylee` is undefined here. Did you mean `style`?',
    ]);
  });

  it('refuses a literal artifact path that leaves --out, at its pointer', async () => {
    const issues = await specIssues(
      document((spec) => {
        spec.outputs = { artifacts: [{ path: '../escape.md', from: '{{ last_response }}' }] };
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ pointer: '/outputs/artifacts/0/path', code: 'artifact-path' }),
    ]);
    expect(issues[0]?.message).toContain("leaves the output directory ('..')");
  });

  it('refuses a file that is another artifact folder, and a name over 255 bytes', async () => {
    const issues = await specIssues(
      document((spec) => {
        spec.outputs = {
          artifacts: [
            { path: 'report', from: 'x' },
            { path: 'report/details.md', from: 'y' },
            { path: `${'海'.repeat(90)}.md`, from: 'z' },
          ],
        };
      }),
    );
    expect(issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('bytes long; file systems take at most 255 bytes'),
      'artifact 2 is written inside `report`, which artifact 1 writes as a file',
    ]);
  });

  it('refuses a runtime.host that is not an http(s) URL', async () => {
    const issues = await specIssues(
      document((spec) => {
        spec.runtime = { provider: 'openai', model_id: 'm', host: 'not a url' };
      }),
    );
    expect(issues).toEqual([expect.objectContaining({ pointer: '/runtime/host', code: 'endpoint' })]);
    const agentIssues = await specIssues(
      document((spec) => {
        spec.agents = { a: { prompt: 'A.', host: 'localhost:11434' } };
      }),
    );
    expect(agentIssues).toEqual([expect.objectContaining({ pointer: '/agents/a/host', code: 'endpoint' })]);
  });

  it('refuses a --var close to a used name, and only warns about one close to nothing', async () => {
    const typo = await failure(document(), ['topc=kelp']);
    expect(UsageError.isInstance(typo)).toBe(true);
    expect((typo as Error).message).toBe(
      '--var topc: nothing in the spec reads `topc`. Did you mean `topic`?',
    );
    const loaded = await prepareSpec(document(), { plugins: fixturePlugins, vars: ['unrelated=1'] });
    expect(loaded.warnings.map((warning) => warning.message)).toEqual([
      '--var unrelated is not read by any template, input or artifact',
    ]);
  });

  it('names the key a template reads that a --var object lacks (usage error)', async () => {
    const error = await failure(
      document((spec) => {
        spec.inputs = { optional: { person: { type: 'object', default: { name: 'x' } } } };
        spec.pattern = {
          type: 'chain',
          config: { steps: [{ agent: 'a', input: 'Hello {{ person.name }}' }] },
        };
      }),
      ['person={"nick":"k"}'],
    );
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('--var person: the value has no `name`');
  });

  it('lists the accepted words for a boolean --var', async () => {
    const error = await failure(
      document((spec) => {
        spec.inputs = { optional: { loud: 'boolean' } };
        spec.pattern = { type: 'chain', config: { steps: [{ agent: 'a', input: '{{ loud }}' }] } };
      }),
      ['loud=maybe'],
    );
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('yes/no, on/off, 1/0 or true/false');
  });
});
