import type { WorkflowSpec } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { analyzeChain } from './chain-analyze.js';
import { chainConfigSchema } from './chain-config.js';

const spec = {} as WorkflowSpec;
const config = chainConfigSchema.parse({
  steps: [
    { agent: 'researcher', input: 'Find {{ topic }}' },
    { type: 'hitl', prompt: 'OK?', context_display: '{{ steps[0].response }}' },
    {
      agent: 'writer',
      input: '{{ steps[1].response }}',
      vars: { tone: 'dry' },
      tool_overrides: ['http_request'],
    },
  ],
});

describe('chain config schema', () => {
  it('is strict: a misspelt key fails', () => {
    const result = chainConfigSchema.safeParse({ steps: [{ agnet: 'a' }] });
    expect(result.success).toBe(false);
  });

  it('needs at least one step', () => {
    expect(chainConfigSchema.safeParse({ steps: [] }).error?.issues[0]?.message).toBe(
      'a chain needs at least one step',
    );
  });
});

describe('analyzeChain', () => {
  const analysis = analyzeChain(config, spec);

  it('lists agent and tool references with pointers', () => {
    expect(analysis.agentReferences).toEqual([
      { id: 'researcher', pointer: '/pattern/config/steps/0/agent' },
      { id: 'writer', pointer: '/pattern/config/steps/2/agent' },
    ]);
    expect(analysis.toolReferences).toEqual([
      { id: 'http_request', pointer: '/pattern/config/steps/2/tool_overrides/0' },
    ]);
  });

  it('lets step i see only steps 0..i-1, then its own vars', () => {
    const [first, review, last] = analysis.templates;
    expect(first?.scope).toEqual({ steps: [] });
    expect(review?.pointer).toBe('/pattern/config/steps/1/context_display');
    expect(review?.scope.steps).toHaveLength(1);
    expect(last?.scope.steps).toHaveLength(2);
    expect(last?.scope.tone).toBe('dry');
    expect(last?.scope.hitl_response).toBeDefined();
    expect((last!.scope.steps as Record<string, unknown>[])[0]).toEqual({
      index: 0,
      agent: 'researcher',
      response: '<response of steps[0]>',
      tokens_estimated: 0,
      usage: { input_tokens: 0, output_tokens: 0 },
    });
    expect(first?.hint).toContain('first step');
  });

  it('draws the steps in order and describes the artifact context', () => {
    expect(analysis.graph.edges).toEqual([
      { from: 'step0', to: 'step1' },
      { from: 'step1', to: 'step2' },
    ]);
    expect(analysis.graph.nodes[1]).toMatchObject({ label: '2. human review', shape: 'round' });
    expect(analysis.artifactScope?.steps).toHaveLength(3);
    expect(analysis.issues).toEqual([]);
  });
});
