import type { WorkflowSpec } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { analyzeRouting } from './routing-analyze.js';
import { routingConfigSchema } from './routing-config.js';

const spec = {} as WorkflowSpec;

describe('routing config schema', () => {
  it('defaults max_retries to 2 and is strict', () => {
    expect(routingConfigSchema.parse({ router: { agent: 'r' }, routes: {} }).router.max_retries).toBe(2);
    expect(routingConfigSchema.safeParse({ router: { agent: 'r', retries: 1 }, routes: {} }).success).toBe(
      false,
    );
  });
});

describe('analyzeRouting', () => {
  const config = routingConfigSchema.parse({
    router: { agent: 'classifier', input: 'Classify {{ request }}' },
    routes: {
      // biome-ignore lint/suspicious/noThenProperty: `then` is the spec's key.
      faq: { then: [{ agent: 'faq', input: '{{ router.chosen_route }}' }] },
      deep: {
        // biome-ignore lint/suspicious/noThenProperty: `then` is the spec's key.
        then: [
          { agent: 'tech', input: 'First' },
          {
            agent: 'writer',
            input: '{{ steps[0].response }} {{ router.response }}',
            tool_overrides: ['calculator'],
          },
        ],
      },
      empty: {},
    },
  });
  const analysis = analyzeRouting(config, spec);

  it('lets the router input see only the inputs', () => {
    expect(analysis.templates[0]).toMatchObject({ pointer: '/pattern/config/router/input', scope: {} });
  });

  it('runs each route as a chain that also sees router', () => {
    const deepSecond = analysis.templates.find(
      (site) => site.pointer === '/pattern/config/routes/deep/then/1/input',
    );
    expect(deepSecond?.scope.steps).toHaveLength(1);
    expect(deepSecond?.scope.router).toEqual({ chosen_route: '<route name>', response: '<router response>' });
    expect(analysis.toolReferences).toEqual([
      { id: 'calculator', pointer: '/pattern/config/routes/deep/then/1/tool_overrides/0' },
    ]);
  });

  it('reports routes without steps', () => {
    expect(analysis.issues).toEqual([
      expect.objectContaining({
        pointer: '/pattern/config/routes/empty',
        message: 'route `empty` has no steps',
      }),
    ]);
  });

  it('draws the router and one chain per route, and describes the artifact context', () => {
    expect(analysis.graph.edges.filter((edge) => edge.from === 'router').map((edge) => edge.label)).toEqual([
      'faq',
      'deep',
    ]);
    expect(Object.keys(analysis.artifactScope ?? {})).toEqual([
      'steps',
      'chosen_route',
      'router_agent',
      'router',
    ]);
    expect(analysis.artifactScope?.steps).toHaveLength(2);
  });
});

describe('analyzeRouting with a route review', () => {
  const analysis = analyzeRouting(
    routingConfigSchema.parse({
      router: {
        agent: 'r',
        review_router: { type: 'hitl', prompt: 'OK?', context_display: '{{ router.chosen_route }}' },
      },
      routes: { a: Object.fromEntries([['then', [{ agent: 'x', input: '{{ hitl_response }}' }]]]) },
    }),
    spec,
  );

  it('checks context_display with router, and gives route steps and artifacts hitl_response', () => {
    const scopes = Object.fromEntries(analysis.templates.map((site) => [site.pointer, site.scope]));
    expect(Object.keys(scopes['/pattern/config/router/review_router/context_display'] ?? {})).toEqual([
      'router',
    ]);
    expect(scopes['/pattern/config/routes/a/then/0/input']).toHaveProperty('hitl_response');
    expect(analysis.artifactScope).toHaveProperty('hitl_response');
  });

  it('draws the review between the router and the routes', () => {
    expect(analysis.graph.edges).toEqual([
      { from: 'router', to: 'review' },
      { from: 'review', to: 'r0s0', label: 'a' },
    ]);
  });
});
