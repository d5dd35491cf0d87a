import { describe, expect, it } from 'vitest';
import { type SpecIssue, SpecValidationError, UsageError } from '../../spec/v1/errors.js';
import { fixture, fixturePlugins } from '../__fixtures__/fixture-executor.js';
import { loadSpec } from '../prepare-spec.js';

async function issues(vars: string[] = []): Promise<readonly SpecIssue[]> {
  const error = await loadSpec(fixture('templates.yaml'), {
    plugins: fixturePlugins,
    vars,
    requireInputs: false,
  }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(SpecValidationError);
  return (error as SpecValidationError).issues;
}

describe('static template checks', () => {
  it('finds a step reading a later step, at its line and column inside a block scalar', async () => {
    const issue = (await issues()).find((found) => found.pointer === '/pattern/config/steps/0/input');
    expect(issue).toMatchObject({ line: 18, column: 23, code: 'template' });
    expect(issue?.message).toBe('template: `steps[1].response` is undefined here');
    expect(issue?.hint).toBe('steps[0] sees only earlier steps');
  });

  it('suggests the declared name for a misspelt variable', async () => {
    const issue = (await issues()).find((found) => found.pointer === '/pattern/config/steps/1/input');
    expect(issue).toMatchObject({ line: 20, column: 20 });
    expect(issue?.message).toBe('template: `topc` is undefined here. Did you mean `topic`?');
  });

  it('reports syntax errors and names outside the artifact context', async () => {
    const found = await issues();
    expect(found.find((issue) => issue.pointer === '/pattern/config/steps/2/input')?.message).toMatch(
      /^template: syntax error/,
    );
    expect(found.find((issue) => issue.pointer === '/outputs/artifacts/0/from')?.message).toBe(
      'template: `branches` is not available here',
    );
  });

  it('leaves an undeclared name to --var instead of failing validation', async () => {
    expect((await issues()).some((issue) => issue.message.includes('`audience`'))).toBe(false);
  });
});

describe('Python internals in a template', () => {
  const spec = (input: string) => ({
    version: 0,
    name: 'dunder',
    runtime: { provider: 'ollama' },
    inputs: { values: { topic: 'tides' } },
    agents: { a: { prompt: 'A' } },
    pattern: { type: 'chain', config: { steps: [{ agent: 'a', input }] } },
  });

  it('are a template error (exit 3) for validate and run, never a missing --var', async () => {
    const { prepareSpec } = await import('../prepare-spec.js');
    for (const [input, expression, name] of [
      ["{{ ''.__class__ }}", "''.__class__", '__class__'],
      ['{{ __class__ }}', '__class__', '__class__'],
      ['About {{ topic.__len__() }}', '.__len__()', '__len__'],
    ] as const) {
      for (const requireInputs of [false, true]) {
        const error = await prepareSpec(spec(input), { plugins: fixturePlugins, requireInputs }).catch(
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(SpecValidationError);
        expect((error as SpecValidationError).exitCode).toBe(3);
        const [issue] = (error as SpecValidationError).issues;
        expect(issue).toMatchObject({ pointer: '/pattern/config/steps/0/input', code: 'template' });
        expect(issue?.message).toBe(
          `template: \`${expression}\` is not available: the template sandbox does not expose Python internals such as ${name}`,
        );
        expect(issue?.hint).toMatch(/^Remove the __\.\.\.__ name/);
      }
    }
  });
});

describe('undeclared variables in an otherwise valid spec', () => {
  const spec = {
    version: 0,
    name: 'needs-var',
    runtime: { provider: 'ollama' },
    agents: { a: { prompt: 'A' } },
    pattern: { type: 'chain', config: { steps: [{ agent: 'a', input: 'About {{ subject }}' }] } },
  };

  it('is a warning for validate', async () => {
    const { prepareSpec } = await import('../prepare-spec.js');
    const loaded = await prepareSpec(spec, { plugins: fixturePlugins, requireInputs: false });
    expect(loaded.warnings.map((warning) => warning.code)).toEqual(['undeclared-variable']);
  });

  it('is a usage error naming --var for a run, and passes once given', async () => {
    const { prepareSpec } = await import('../prepare-spec.js');
    const error = await prepareSpec(spec, { plugins: fixturePlugins }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('Missing input: subject');
    const loaded = await prepareSpec(spec, { plugins: fixturePlugins, vars: ['subject=tides'] });
    expect(loaded.warnings).toEqual([]);
  });
});
