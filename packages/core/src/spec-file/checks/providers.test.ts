import { describe, expect, it } from 'vitest';
import { SpecValidationError } from '../../spec/v1/errors.js';
import { fixture, fixturePlugins } from '../__fixtures__/fixture-executor.js';
import { loadSpec, prepareSpec } from '../prepare-spec.js';

const spec = (runtime: Record<string, unknown>, agent: Record<string, unknown> = {}) => ({
  version: 0,
  name: 'providers',
  runtime,
  agents: { a: { prompt: 'A', ...agent } },
  pattern: { type: 'chain', config: { steps: [{ agent: 'a' }] } },
});

describe('provider check', () => {
  it('rejects an unknown provider name with a suggestion', async () => {
    const error = await loadSpec(fixture('providers.yaml'), { plugins: fixturePlugins }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SpecValidationError);
    const [issue] = (error as SpecValidationError).issues;
    expect(issue).toMatchObject({ pointer: '/runtime/provider', line: 4, column: 3, code: 'provider' });
    expect(issue?.message).toBe('unknown provider `opnai`. Did you mean `openai`?');
  });

  it('only warns when a provider package is not installed', async () => {
    const loaded = await prepareSpec(spec({ provider: 'bedrock' }), {
      plugins: { searchFrom: [], executors: fixturePlugins.executors },
    });
    expect(loaded.warnings).toEqual([
      expect.objectContaining({ pointer: '/runtime/provider', code: 'provider-missing' }),
    ]);
    expect(loaded.warnings[0]?.message).toContain('@strands-cli/provider-bedrock');
  });

  it('warns about inference parameters the provider does not take', async () => {
    const loaded = await prepareSpec(
      spec({ provider: 'ollama', top_p: 0.9 }, { inference: { top_p: 0.5, temperature: 1 } }),
      {
        plugins: fixturePlugins,
      },
    );
    expect(loaded.warnings.map((warning) => warning.pointer)).toEqual([
      '/runtime/top_p',
      '/agents/a/inference/top_p',
    ]);
    expect(loaded.warnings[0]?.message).toBe('provider `ollama` does not take `top_p`; it will not be sent');
  });

  it('reports planned providers as capability issues', async () => {
    const loaded = await prepareSpec(spec({ provider: 'azure_openai' }), { plugins: fixturePlugins });
    expect(loaded.capabilityIssues).toEqual([expect.objectContaining({ pointer: '/runtime/provider' })]);
  });
});
