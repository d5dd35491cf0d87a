import { describe, expect, it } from 'vitest';
import { fixture, fixturePlugins } from '../__fixtures__/fixture-executor.js';
import { loadSpec } from '../prepare-spec.js';

describe('capability check', () => {
  it('lists every accepted feature this version cannot run, with pointer, reason and remediation', async () => {
    const loaded = await loadSpec(fixture('capability.yaml'), {
      plugins: fixturePlugins,
      requireInputs: false,
    });
    expect(loaded.capabilityIssues.map((issue) => issue.pointer)).toEqual([
      '/agents/b/provider',
      '/env/secrets/0/source',
      '/tools/python/0',
    ]);
    for (const issue of loaded.capabilityIssues) {
      expect(issue.reason.length).toBeGreaterThan(10);
      expect(issue.remediation.length).toBeGreaterThan(10);
    }
    expect(loaded.capabilityIssues[0]?.reason).toBe(
      "Provider 'azure_openai' is not available in this version",
    );
  });

  it('accepts MCP tool ids in agents without knowing them (they exist only at run time)', async () => {
    const loaded = await loadSpec(fixture('capability.yaml'), {
      plugins: fixturePlugins,
      requireInputs: false,
    });
    expect(loaded.spec.agents.a?.tools).toEqual(['files']);
  });

  it('accepts human-in-the-loop steps: the executors run them', async () => {
    const loaded = await loadSpec(fixture('capability.yaml'), {
      plugins: fixturePlugins,
      requireInputs: false,
    });
    expect(loaded.capabilityIssues.map((issue) => issue.pointer)).not.toContain('/pattern/config/steps/1');
  });

  it('has nothing to say about a spec this version runs', async () => {
    const loaded = await loadSpec(fixture('valid-chain.yaml'), { plugins: fixturePlugins });
    expect(loaded.capabilityIssues).toEqual([]);
  });
});
