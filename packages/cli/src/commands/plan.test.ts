import { describe, expect, it } from 'vitest';
import { bufferIO, readOnlyFixture } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';

describe('strands plan', () => {
  it('shows runtime, agents with their effective provider and model, and the pattern (md)', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['plan', readOnlyFixture('brief.yaml'), '--var', 'topic=tides'], io)).toBe(0);
    const text = stdout();
    expect(text).toContain('# Plan: brief');
    expect(text).toContain('- **provider:** openai');
    expect(text).toContain('| researcher | openai | small-model | http_request | - |');
    expect(text).toContain('| writer | openai | big-model | - | temperature=0.4 |');
    expect(text).toContain('## Pattern: chain');
    expect(text).toContain('- 2. writer ← after 1. researcher');
    expect(text).toContain('| topic | string | yes | tides |');
    expect(text).toContain('| words | integer | no | 300 |');
    expect(text).toContain('✓ Yes: every feature it uses is supported.');
  });

  it('prints one JSON document with --format json', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['plan', readOnlyFixture('brief.yaml'), '--format', 'json'], io)).toBe(0);
    const plan = JSON.parse(stdout());
    expect(plan).toMatchObject({
      name: 'brief',
      version: 0,
      supported: true,
      runtime: { provider: 'openai', model_id: 'small-model', max_parallel: 2 },
      pattern: { type: 'chain' },
      artifacts: ['brief.md'],
    });
    expect(plan.agents.map((agent: { id: string; model: string }) => `${agent.id}:${agent.model}`)).toEqual([
      'researcher:small-model',
      'writer:big-model',
    ]);
  });

  it('draws the DAG as a Mermaid flowchart', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['plan', readOnlyFixture('dag.yaml'), '--format', 'mermaid'], io)).toBe(0);
    expect(stdout()).toBe(
      [
        'flowchart TD',
        '  n0["collect (worker)"]',
        '  n1["check (worker)"]',
        '  n2["report (worker)"]',
        '  n0 --> n1',
        '  n0 --> n2',
        '  n1 --> n2',
        '',
      ].join('\n'),
    );
  });

  it('says what cannot run yet but still exits 0', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['plan', readOnlyFixture('later.yaml')], io)).toBe(0);
    expect(stdout()).toContain('⚠ Not yet: it uses 1 unsupported feature.');
    expect(stdout()).toContain('- /security/guardrails: Security guardrails');
    expect(stdout()).toContain('- 2. human review ← after 1. writer');
  });

  it('exits 3 when the spec does not load and 2 for an unknown format', async () => {
    expect(await main(['plan', readOnlyFixture('mistakes.yaml')], bufferIO().io)).toBe(3);
    expect(await main(['plan', readOnlyFixture('brief.yaml'), '--format', 'html'], bufferIO().io)).toBe(2);
  });
});
