import { RunPausedError } from '@strands-cli/core/spec';
import { createFakeExecutorContext } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import type { RoutingConfig } from './routing-config.js';
import { reviewProblem, routeFromAnswer } from './routing-review.js';
import { runRouting } from './routing-run.js';

/** A one-step route (built this way because a literal `then` key reads as a thenable to linters). */
const route = (agent: string) =>
  Object.fromEntries([['then', [{ agent, input: '{{ router.chosen_route }} after {{ hitl_response }}' }]]]);

const config = {
  router: {
    agent: 'classifier',
    input: 'Classify',
    max_retries: 2,
    review_router: {
      type: 'hitl',
      prompt: 'Review the route',
      context_display: 'Chose {{ router.chosen_route }} because {{ router.response }}',
      timeout_seconds: 0,
    },
  },
  routes: {
    technical: route('tech'),
    billing: route('bill'),
  },
} as unknown as RoutingConfig;

function context(answer: string) {
  return createFakeExecutorContext({
    config,
    responder: (request) => (request.agentId === 'classifier' ? '{"route": "technical"}' : request.input),
    human: () => answer,
  });
}

describe('routing review_router', () => {
  it('shows the choice and keeps it when approved', async () => {
    const fake = context('approved');
    const result = await runRouting(fake);
    expect(fake.questions).toEqual([
      {
        step: {
          kind: 'router-review',
          label: 'router review',
          pointer: '/pattern/config/router/review_router',
        },
        prompt: 'Review the route',
        contextDisplay: 'Chose technical because {"route": "technical"}',
        timeoutSeconds: 0,
        validate: expect.any(Function),
      },
    ]);
    expect(result.response).toBe('technical after approved');
    expect(result.variables).toMatchObject({
      hitl_response: 'approved',
      router: { chosen_route: 'technical' },
    });
  });

  it('overrides the route with route:<name>', async () => {
    const result = await runRouting(context('route:billing'));
    expect(result.response).toBe('billing after route:billing');
    expect(result.context).toMatchObject({ chosen_route: 'billing' });
  });

  it('refuses any other answer, listing the accepted ones', async () => {
    const error = await runRouting(context('route:shipping')).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      '"route:shipping" is neither approved nor a known route; accepted answers: approved, route:technical, route:billing',
    );
  });

  it('lets the pause propagate before any route runs', async () => {
    const fake = createFakeExecutorContext({ config, responder: () => '{"route": "billing"}' });
    const error = await runRouting(fake).catch((caught: unknown) => caught);
    expect(RunPausedError.isInstance(error)).toBe(true);
    expect(fake.calls).toHaveLength(1);
  });
});

describe('reviewProblem and routeFromAnswer', () => {
  it('accepts approved and known routes, ignoring surrounding spaces', () => {
    expect(reviewProblem(' approved\n', ['a'])).toBeUndefined();
    expect(reviewProblem('route:a', ['a'])).toBeUndefined();
    expect(reviewProblem('route: a ', ['a'])).toBeUndefined();
    expect(reviewProblem('yes', ['a'])).toContain('accepted answers: approved, route:a');
    expect(routeFromAnswer('approved')).toBeUndefined();
    expect(routeFromAnswer(' route: a ')).toBe('a');
  });
});
