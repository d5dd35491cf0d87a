import type { WorkflowSpec } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { analyzeParallel } from './parallel-analyze.js';
import { parallelConfigSchema } from './parallel-config.js';

const spec = {} as WorkflowSpec;

describe('parallel config schema', () => {
  it('needs at least two branches', () => {
    const result = parallelConfigSchema.safeParse({ branches: [{ id: 'a', steps: [{ agent: 'x' }] }] });
    expect(result.error?.issues[0]?.message).toBe(
      'a parallel pattern needs at least 2 branches (use a chain for one)',
    );
  });
});

describe('analyzeParallel', () => {
  const config = parallelConfigSchema.parse({
    branches: [
      {
        id: 'web',
        steps: [
          { agent: 'searcher', input: 'Search' },
          { agent: 'editor', input: '{{ last_response }} {{ steps[0].response }}' },
        ],
      },
      { id: 'docs', steps: [{ agent: 'reader', input: 'Read', tool_overrides: [] }] },
      { id: 'web', steps: [{ agent: 'reader' }] },
    ],
    reduce: { agent: 'editor', input: '{{ branches.web.response }} {{ branches.docs.response }}' },
  });
  const analysis = analyzeParallel(config, spec);

  it('lets a branch step see its own branch only, with last_response after the first step', () => {
    const [first, second, other] = analysis.templates;
    expect(first?.scope).toEqual({ steps: [] });
    expect(Object.keys(second?.scope ?? {})).toEqual(['steps', 'last_response']);
    expect(second?.scope.steps).toHaveLength(1);
    expect(other?.scope).toEqual({ steps: [] });
    expect(first?.hint).toContain('reduce');
  });

  it('lets reduce see branches and nothing else the pattern provides', () => {
    const reduce = analysis.templates.at(-1);
    expect(reduce?.pointer).toBe('/pattern/config/reduce/input');
    expect(Object.keys(reduce?.scope ?? {})).toEqual(['branches']);
    expect(Object.keys(reduce?.scope.branches as object)).toEqual(['web', 'docs']);
  });

  it('reports duplicate branch ids and draws fan-out then reduce', () => {
    expect(analysis.issues).toEqual([
      expect.objectContaining({
        pointer: '/pattern/config/branches/2/id',
        message: 'duplicate branch id `web`',
        code: 'duplicate',
      }),
    ]);
    expect(analysis.graph.edges.filter((edge) => edge.from === 'start').map((edge) => edge.label)).toEqual([
      'web',
      'docs',
      'web',
    ]);
    expect(analysis.graph.edges.filter((edge) => edge.to === 'reduce')).toHaveLength(3);
    expect(Object.keys(analysis.artifactScope ?? {})).toEqual(['branches']);
    expect(analysis.agentReferences.map((reference) => reference.pointer)).toContain(
      '/pattern/config/reduce/agent',
    );
  });
});

describe('analyzeParallel with human steps', () => {
  const analysis = analyzeParallel(
    parallelConfigSchema.parse({
      branches: [
        {
          id: 'web',
          steps: [
            { agent: 'scraper' },
            { type: 'hitl', prompt: 'OK?', context_display: '{{ steps[0].response }}' },
            { agent: 'validator', input: '{{ hitl_response }}' },
          ],
        },
        { id: 'docs', steps: [{ agent: 'reader', input: 'x' }] },
      ],
      reduce: { type: 'hitl', prompt: 'Approve?', context_display: '{{ branches.web.response }}' },
    }),
    spec,
  );
  const scopes = Object.fromEntries(analysis.templates.map((site) => [site.pointer, site.scope]));

  it('gives a branch step hitl_response after a human step of its own branch only', () => {
    expect(scopes['/pattern/config/branches/0/steps/1/context_display']).toHaveProperty('last_response');
    expect(scopes['/pattern/config/branches/0/steps/1/context_display']).not.toHaveProperty('hitl_response');
    expect(scopes['/pattern/config/branches/0/steps/2/input']).toHaveProperty('hitl_response');
    expect(scopes['/pattern/config/branches/1/steps/0/input']).not.toHaveProperty('hitl_response');
  });

  it('checks a human reduce against branches, and offers hitl_response to artifacts', () => {
    expect(Object.keys(scopes['/pattern/config/reduce/context_display'] ?? {})).toEqual(['branches']);
    expect(analysis.artifactScope).toHaveProperty('hitl_response');
    expect(analysis.graph.nodes.at(-1)).toMatchObject({ label: 'reduce: human review', shape: 'round' });
  });
});
