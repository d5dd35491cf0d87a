import { reply } from '@strands-cli/test-servers';
import { describe, expect } from 'vitest';
import { artifactsIn, example, it, runSpec, systemPrompt, userMessage } from './executors-harness.js';

const message = 'My router drops the connection every hour';
const instruction =
  '\n\nRespond with valid JSON: {"route": "<route_name>"}\n' +
  'The route name must be one of: "billing", "technical", "escalate".';

describe('the routing executor, through the built CLI (examples/routing-support.yaml)', () => {
  it('asks the router with the route list, runs the chosen route as a chain, writes artifacts', async ({
    server,
  }) => {
    server.enqueue(
      reply.text('{"route": "technical"}'),
      reply.text('DIAGNOSIS'),
      reply.text('FRIENDLY REPLY'),
    );
    const run = await runSpec(example('routing-support'), server, { message });
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ ok: true, response: 'FRIENDLY REPLY', agentId: 'writer' });
    const [router, engineer, writer] = server.requests;
    expect(userMessage(router!)).toMatch(new RegExp(`^Customer message: ${message}\\n`));
    expect(userMessage(router!).endsWith(instruction)).toBe(true);
    expect(systemPrompt(router!)).toContain('You classify customer messages');
    expect(userMessage(engineer!)).toBe(`Diagnose this problem: ${message}`);
    expect(userMessage(writer!)).toContain('DIAGNOSIS');
    expect(server.requests).toHaveLength(3);
    const artifacts = await artifactsIn(run.out);
    expect(artifacts['reply-technical.md']).toBe('Route: technical\n\nFRIENDLY REPLY\n');
  });

  it('retries a malformed answer with the sterner instruction, then follows it', async ({ server }) => {
    server.enqueue(
      reply.text('It is clearly a billing question.'),
      reply.text('Sure:\n```json\n{"route": "escalate", "why": "angry"}\n```'),
      reply.text('TICKET'),
    );
    const run = await runSpec(example('routing-support'), server, { message });
    expect(run.code).toBe(0);
    expect(run.json.response).toBe('TICKET');
    expect(userMessage(server.requests[1]!)).toContain(
      'Previous response was malformed. Respond with ONLY valid JSON: {"route": "<route_name>"}',
    );
    // The route's step sees router.chosen_route.
    expect(userMessage(server.requests[2]!)).toBe(`Write an escalation ticket (escalate) for: ${message}`);
    expect(Object.keys(await artifactsIn(run.out))).toEqual(['reply-escalate.md']);
  });

  it('fails at once on an unknown route, listing the valid ones, and writes nothing', async ({ server }) => {
    server.enqueue(reply.text('{"route": "sales"}'), reply.text('{"route": "billing"}'));
    const run = await runSpec(example('routing-support'), server, { message });
    expect(run.code).toBe(10);
    expect(run.json.error?.message).toBe(
      "Invalid route 'sales' selected by router (agent 'classifier'). Valid routes: 'billing', 'technical', 'escalate'",
    );
    expect(server.requests).toHaveLength(1);
    expect(await artifactsIn(run.out)).toEqual({});
  });

  it('gives up after max_retries + 1 malformed answers', async ({ server }) => {
    server.setResponder(() => reply.text('no idea'));
    const run = await runSpec(example('routing-support'), server, { message });
    expect(run.code).toBe(10);
    expect(run.json.error?.message).toMatch(/^Router failed to produce valid JSON after 3 attempts/);
    expect(server.requests).toHaveLength(3);
  });
});
