import { describe, expect, it } from 'vitest';
import { SpecValidationError } from '../../spec/v1/errors.js';
import { fixture, fixturePlugins } from '../__fixtures__/fixture-executor.js';
import { loadSpec } from '../prepare-spec.js';

describe('atomic agents by $ref', () => {
  it('resolves $ref relative to the spec, applies overrides and makes schema paths absolute', async () => {
    const loaded = await loadSpec(fixture('atomic/composite.yaml'), { plugins: fixturePlugins });
    const agent = loaded.spec.agents.hello;
    expect(agent?.prompt).toBe('Greet the person named in the input.');
    expect(agent?.model_id).toBe('big-model');
    expect(agent?.input_schema).toBe(fixture('atomic/agents/atomic/greeter/schemas/input.json'));
    expect(loaded.capabilityIssues).toEqual([]);
  });

  it('reports a $ref that cannot be loaded at its line', async () => {
    const error = await loadSpec(fixture('atomic/broken-ref.yaml'), { plugins: fixturePlugins }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SpecValidationError);
    const [issue] = (error as SpecValidationError).issues;
    expect(issue).toMatchObject({ pointer: '/agents/hello/$ref', line: 7, column: 5, code: 'ref' });
    expect(issue?.message).toContain(
      'cannot load `$ref: ./agents/atomic/missing/missing.yaml`: Spec file not found',
    );
    // One problem at the `$ref`: no follow-on "prompt is required" or "unknown key `$ref`".
    expect((error as SpecValidationError).issues).toHaveLength(1);
  });

  it('treats the input_schema properties of an atomic spec as its inputs', async () => {
    const loaded = await loadSpec(fixture('atomic/agents/atomic/greeter/greeter.yaml'), {
      plugins: fixturePlugins,
      requireInputs: false,
    });
    expect(loaded.warnings).toEqual([]);
  });

  it('picks an agent of a multi-agent spec or of this spec with a #/agents/<id> fragment', async () => {
    const loaded = await loadSpec(fixture('atomic/fragment.yaml'), { plugins: fixturePlugins });
    expect(loaded.spec.agents.picked?.prompt).toBe('Second.');
    expect(loaded.spec.agents.picked?.output_schema).toBe(
      fixture('atomic/agents/atomic/greeter/schemas/input.json'),
    );
    expect(loaded.spec.agents.local?.prompt).toBe('Plain.');
  });

  it('refuses a nested $ref with the chain of files', async () => {
    const issue = await firstIssue('atomic/nested.yaml');
    expect(issue?.message).toContain(
      `nested \`$ref\`: ${fixture('atomic/nested.yaml')} -> ${fixture('atomic/loop-b.yaml')} -> ${fixture('atomic/loop-a.yaml')}`,
    );
  });

  it('refuses a circular $ref with the chain of files', async () => {
    const issue = await firstIssue('atomic/loop-a.yaml');
    expect(issue).toMatchObject({ pointer: '/agents/a/$ref', code: 'ref' });
    expect(issue?.message).toContain(
      `circular \`$ref\`: ${fixture('atomic/loop-a.yaml')} -> ${fixture('atomic/loop-b.yaml')} -> ${fixture('atomic/loop-a.yaml')}`,
    );
  });
});

async function firstIssue(name: string) {
  const error = await loadSpec(fixture(name), { plugins: fixturePlugins }).catch((caught: unknown) => caught);
  expect(SpecValidationError.isInstance(error)).toBe(true);
  return (error as SpecValidationError).issues[0];
}
