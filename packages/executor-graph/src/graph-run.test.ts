import { ExitCode } from '@strands-cli/core/spec';
import { createFakeExecutorContext } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import type { GraphConfig } from './graph-config.js';
import { GraphLoopError } from './graph-errors.js';
import { runGraph } from './graph-run.js';

const loop = (when: string, maxIterations?: number): GraphConfig =>
  ({
    ...(maxIterations === undefined ? {} : { max_iterations: maxIterations }),
    nodes: {
      draft: { agent: 'writer', input: 'draft {{ nodes.review.response }}' },
      review: { agent: 'critic', input: 'review {{ nodes.draft.response }}' },
      done: { agent: 'writer', input: 'done' },
    },
    edges: [
      { from: 'draft', to: ['review'] },
      {
        from: 'review',
        choose: [
          { when, to: 'done' },
          { when: 'else', to: 'draft' },
        ],
      },
    ],
  }) as GraphConfig;

describe('runGraph', () => {
  it('follows a condition out of a loop and reports the walk in the artifact context', async () => {
    let reviews = 0;
    const context = createFakeExecutorContext({
      config: loop("{{ 'ok' in nodes.review.response }}"),
      responder: (request) => (request.agentId === 'critic' ? (++reviews === 2 ? 'ok' : 'redo') : 'text'),
    });
    const result = await runGraph(context);
    expect(result.response).toBe('text');
    expect(result.context).toMatchObject({
      terminal_node: 'done',
      total_steps: 5,
      iteration_counts: { draft: 2, review: 2, done: 1 },
      execution_path: ['draft', 'review', 'draft', 'review', 'done'],
    });
    expect(context.calls.map((call) => [call.step.pointer, call.step.occurrence])).toEqual([
      ['/pattern/config/nodes/draft', 1],
      ['/pattern/config/nodes/review', 1],
      ['/pattern/config/nodes/draft', 2],
      ['/pattern/config/nodes/review', 2],
      ['/pattern/config/nodes/done', 1],
    ]);
    // The first draft saw the review as not run yet: an empty response.
    expect(context.calls[0]?.input).toBe('draft ');
    expect(context.calls[2]?.input).toBe('draft redo');
  });

  it('stops a loop at max_iterations with exit 20 naming the loop', async () => {
    const context = createFakeExecutorContext({ config: loop('false', 3), responder: () => 'x' });
    const error = await runGraph(context).catch((caught: unknown) => caught);
    expect(GraphLoopError.isInstance(error)).toBe(true);
    expect((error as GraphLoopError).exitCode).toBe(ExitCode.budget);
    expect((error as GraphLoopError).message).toContain('draft → review');
    expect(context.calls).toHaveLength(6);
  });

  it('stops at runtime.budgets.max_steps before running one node too many', async () => {
    const context = createFakeExecutorContext({
      config: loop('false', 50),
      spec: { version: 1, name: 't', runtime: { provider: 'ollama', budgets: { max_steps: 5 } } } as never,
      responder: () => 'x',
    });
    const error = await runGraph(context).catch((caught: unknown) => caught);
    expect((error as GraphLoopError).message).toMatch(/more than 5 nodes.*review → draft|draft → review/);
    expect(context.calls).toHaveLength(5);
  });

  it('runs the targets of a `to` together and goes on from the last one', async () => {
    const context = createFakeExecutorContext({
      config: {
        nodes: {
          start: { agent: 'a', input: 'start' },
          x: { agent: 'a', input: 'x {{ nodes.start.response }}' },
          y: { agent: 'a', input: 'y {{ nodes.x.status }}' },
          end: { agent: 'a', input: '{{ nodes.x.response }} + {{ nodes.y.response }}' },
        },
        edges: [
          { from: 'start', to: ['x', 'y'] },
          { from: 'x', to: ['start'] },
          { from: 'y', to: ['end'] },
        ],
      } as GraphConfig,
      responder: (request) => `<${request.input}>`,
      maxParallel: 2,
    });
    const result = await runGraph(context);
    expect(context.stats.maxActive).toBe(2);
    // Both targets saw the nodes as they were before either ran.
    expect(context.calls.map((call) => call.input)).toContain('y not_executed');
    expect(result.response).toBe('<<x <start>> + <y not_executed>>');
  });

  it('asks a human node and exposes the answer as hitl_response', async () => {
    const context = createFakeExecutorContext({
      config: {
        nodes: {
          ask: { type: 'hitl', prompt: 'Go?' },
          act: { agent: 'a', input: 'answer was {{ hitl_response }}' },
        },
        edges: [{ from: 'ask', to: ['act'] }],
      } as GraphConfig,
      responder: (request) => request.input,
      human: () => 'yes',
    });
    const result = await runGraph(context);
    expect(context.questions[0]?.step).toMatchObject({ pointer: '/pattern/config/nodes/ask', occurrence: 1 });
    expect(result.response).toBe('answer was yes');
    expect(result.variables).toEqual({ hitl_response: 'yes', name: 'test', timestamp: expect.any(String) });
  });

  it('refuses a condition that would close the tag it is evaluated in', async () => {
    const context = createFakeExecutorContext({ config: loop('1 %}{{ 2'), responder: () => 'x' });
    await expect(runGraph(context)).rejects.toThrow(/template tags/);
  });
});
