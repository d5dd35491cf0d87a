import { ExitCode, RuntimeFailure, StepFailedError } from '@strands-cli/core/spec';
import { createFakeExecutorContext, type FakeResponder } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import type { RoutingConfig } from './routing-config.js';
import { runRouting } from './routing-run.js';

type Step = { agent: string; input?: string; vars?: Record<string, string>; tool_overrides?: string[] };
/** A route `{ then: steps }` (built this way because a literal `then` key reads as a thenable to linters). */
const route = (steps: Step[]): Record<string, Step[]> => Object.fromEntries([['then', steps]]);

function supportConfig(maxRetries?: number): RoutingConfig {
  return {
    router: {
      agent: 'classifier',
      input: 'Classify: {{ query }}',
      ...(maxRetries === undefined ? {} : { max_retries: maxRetries }),
    },
    routes: {
      faq: route([{ agent: 'faq_agent', input: 'FAQ for {{ query }}' }]),
      technical: route([
        {
          agent: 'tech',
          input: 'Fix {{ query }} ({{ router.chosen_route }}, router said {{ router.response }})',
          tool_overrides: [],
        },
        {
          agent: 'writer',
          input: '{{ tone }} summary of {{ steps[0].response }}',
          vars: { tone: 'friendly' },
          tool_overrides: ['http_request'],
        },
      ]),
    },
  } as unknown as RoutingConfig;
}

/** The router answers from `answers` in turn; every other agent echoes its input. */
function routerAnswers(...answers: string[]): FakeResponder {
  return (request) =>
    request.step.kind === 'router' ? (answers.shift() ?? 'no more') : `<${request.input}>`;
}

describe('runRouting', () => {
  it('asks the router with the JSON instruction and route names, then runs the route as a chain', async () => {
    const context = createFakeExecutorContext({
      config: supportConfig(),
      variables: { query: 'VPN drops' },
      responder: routerAnswers('{"route": "technical"}'),
    });
    const result = await runRouting(context);
    expect(context.calls[0]).toMatchObject({
      agentId: 'classifier',
      step: { kind: 'router', label: 'router', pointer: '/pattern/config/router' },
      input:
        'Classify: VPN drops\n\nRespond with valid JSON: {"route": "<route_name>"}\n' +
        'The route name must be one of: "faq", "technical".',
    });
    expect(context.calls[1]).toMatchObject({
      agentId: 'tech',
      input: 'Fix VPN drops (technical, router said {"route": "technical"})',
      step: {
        kind: 'route-step',
        label: "route 'technical' step 1",
        pointer: '/pattern/config/routes/technical/then/0',
      },
    });
    // The router keeps its own tools; an empty tool_overrides in a route step keeps the agent's too.
    expect(context.calls.slice(0, 2).map((call) => call.toolOverrides)).toEqual([undefined, undefined]);
    expect(context.calls[2]).toMatchObject({
      agentId: 'writer',
      toolOverrides: ['http_request'],
      input: 'friendly summary of <Fix VPN drops (technical, router said {"route": "technical"})>',
    });
    expect(result.response).toBe(
      '<friendly summary of <Fix VPN drops (technical, router said {"route": "technical"})>>',
    );
    expect(result.agentId).toBe('writer');
    expect(result.variables).toEqual({
      router: { chosen_route: 'technical', response: '{"route": "technical"}' },
    });
    expect(result.context).toMatchObject({ chosen_route: 'technical', router_agent: 'classifier' });
    expect((result.context.steps as unknown[])[0]).toEqual({
      index: 0,
      agent: 'tech',
      response: '<Fix VPN drops (technical, router said {"route": "technical"})>',
      tokens_estimated: 5,
      usage: { input_tokens: 3, output_tokens: 2 },
    });
  });

  it('retries malformed output with the sterner instruction, then succeeds', async () => {
    const context = createFakeExecutorContext({
      config: supportConfig(),
      variables: { query: 'q' },
      responder: routerAnswers('I think faq', 'Sure:\n```json\n{"route": "faq"}\n```'),
    });
    const result = await runRouting(context);
    expect(result.response).toBe('<FAQ for q>');
    expect(context.calls[1]).toMatchObject({
      step: { label: 'router attempt 2' },
      input:
        'Classify: q\n\nPrevious response was malformed. Respond with ONLY valid JSON: {"route": "<route_name>"}\n' +
        'The route name must be one of: "faq", "technical".',
    });
    expect(result.variables).toEqual({
      router: { chosen_route: 'faq', response: 'Sure:\n```json\n{"route": "faq"}\n```' },
    });
  });

  it('gives up after max_retries + 1 malformed answers (default 3)', async () => {
    const context = createFakeExecutorContext({
      config: supportConfig(),
      variables: { query: 'q' },
      responder: routerAnswers('"faq"', 'faq', '{route: faq}', '{"route": "faq"}'),
    });
    const error = await runRouting(context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RuntimeFailure);
    expect((error as Error).message).toBe(
      'Router failed to produce valid JSON after 3 attempts (agent \'classifier\'); last response: "{route: faq}"',
    );
    expect((error as RuntimeFailure).exitCode).toBe(ExitCode.runtime);
    expect(context.calls).toHaveLength(3);
  });

  it('honours max_retries: 0 (one attempt)', async () => {
    const context = createFakeExecutorContext({
      config: supportConfig(0),
      variables: { query: 'q' },
      responder: routerAnswers('nope', '{"route": "faq"}'),
    });
    await expect(runRouting(context)).rejects.toThrow('after 1 attempts');
    expect(context.calls).toHaveLength(1);
  });

  it('fails at once on an unknown route, listing the valid ones', async () => {
    const context = createFakeExecutorContext({
      config: supportConfig(),
      variables: { query: 'q' },
      responder: routerAnswers('{"route": "FAQ"}', '{"route": "faq"}'),
    });
    const error = await runRouting(context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RuntimeFailure);
    expect((error as Error).message).toBe(
      "Invalid route 'FAQ' selected by router (agent 'classifier'). Valid routes: 'faq', 'technical'",
    );
    expect((error as RuntimeFailure).hint).toMatch(/case-sensitive/);
    expect(context.calls).toHaveLength(1);
  });

  it('names the route step and agent when a route step fails', async () => {
    const context = createFakeExecutorContext({
      config: supportConfig(),
      variables: { query: 'q' },
      responder: (request) => {
        if (request.step.kind === 'router') return '{"route": "technical"}';
        if (request.agentId === 'writer') throw new Error('connection reset');
        return 'fixed';
      },
    });
    const error = await runRouting(context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StepFailedError);
    expect((error as Error).message).toBe(
      "route 'technical' step 2 (agent 'writer') failed: connection reset",
    );
  });

  it('names the router when its input does not render', async () => {
    const context = createFakeExecutorContext({ config: supportConfig(), responder: routerAnswers() });
    await expect(runRouting(context)).rejects.toThrow(
      /^router \(agent 'classifier'\) failed: .*\/pattern\/config\/router\/input.*query/,
    );
    expect(context.calls).toHaveLength(0);
  });

  it('streams route steps (sequential) when asked, never the router', async () => {
    const context = createFakeExecutorContext({
      config: supportConfig(),
      variables: { query: 'q' },
      streamRequested: true,
      responder: routerAnswers('{"route": "technical"}'),
    });
    await runRouting(context);
    expect(context.calls.map((call) => call.stream)).toEqual([undefined, true, true]);
  });

  it('escapes route names in step pointers', async () => {
    const context = createFakeExecutorContext({
      config: {
        router: { agent: 'r' },
        routes: { 'a/b~c': route([{ agent: 'x' }]) },
      } as unknown as RoutingConfig,
      responder: routerAnswers('{"route": "a/b~c"}'),
    });
    await runRouting(context);
    expect(context.calls[1]?.step.pointer).toBe('/pattern/config/routes/a~1b~0c/then/0');
    expect(context.calls[0]?.input).toBe(
      '\n\nRespond with valid JSON: {"route": "<route_name>"}\nThe route name must be one of: "a/b~c".',
    );
  });
});
