import { describe, expect, it } from 'vitest';
import type { ModelProviderV1 } from '../spec/v1/model-provider-v1.js';
import type { ToolV1 } from '../spec/v1/tool-v1.js';
import { ManualClock } from '../testing/manual-clock.js';
import { MockModelProvider, type MockScript } from '../testing/mock-model-provider.js';
import { echoTool } from './__fixtures__/test-executors.js';
import type { CachedAgent } from './agent-cache.js';
import { runAgentLoop } from './agent-loop.js';
import { BudgetTracker } from './budget-tracker.js';
import { defaultRetryPolicy } from './retry-policy.js';
import { RunCounters } from './run-counters.js';
import type { RunEventInput } from './run-events.js';
import { Semaphore } from './semaphore.js';

function setup(script: MockScript, tools: readonly ToolV1[] = []) {
  const client = new MockModelProvider('mock', script);
  const events: RunEventInput[] = [];
  const clock = new ManualClock();
  const services = {
    semaphore: new Semaphore(2),
    clock,
    retryPolicy: defaultRetryPolicy,
    random: () => 0.5,
    counters: new RunCounters(),
    budget: new BudgetTracker(undefined, clock, { warn: () => undefined, exceed: () => undefined }),
    emit: (event: RunEventInput) => events.push(event),
  };
  const agent: CachedAgent = {
    id: 'helper',
    systemPrompt: 'You help.',
    tools,
    toolDefinitions: tools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema,
    })),
    model: {
      client: client as ModelProviderV1,
      providerId: 'mock',
      modelId: 'm1',
      inference: { temperature: 0 },
    },
  };
  const scope = {
    step: { kind: 'step', label: 'step 1', pointer: '/pattern/config/steps/0' },
    agentId: 'helper',
    invocation: 1,
    signal: new AbortController().signal,
    stream: false,
  };
  return { client, events, services, agent, scope };
}

describe('runAgentLoop', () => {
  it('answers in one turn as a fresh conversation: system prompt plus input', async () => {
    const { client, services, agent, scope } = setup(['Hello!']);
    const result = await runAgentLoop(services, scope, agent, 'Greet me');
    expect(result).toEqual({
      text: 'Hello!',
      usage: { inputTokens: 10, outputTokens: 5 },
      turns: 1,
      toolCalls: 0,
      toolsUsed: [],
    });
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]).toMatchObject({
      modelId: 'm1',
      system: 'You help.',
      messages: [{ role: 'user', content: 'Greet me' }],
      inference: { temperature: 0 },
    });
    expect(client.calls[0]?.tools).toBeUndefined();
  });

  it('runs the requested tool calls concurrently and feeds the results back', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const alpha = echoTool('alpha', gate);
    const beta = echoTool('beta', gate);
    const { client, services, agent, scope, events } = setup(
      [
        {
          toolCalls: [
            { name: 'alpha', input: { n: 1 }, id: 'c1' },
            { name: 'beta', input: { n: 2 }, id: 'c2' },
          ],
        },
        'done',
      ],
      [alpha, beta],
    );
    const running = runAgentLoop(services, scope, agent, 'use tools');
    // Both tools start before either can finish: they run concurrently.
    await new Promise((resolve) => setImmediate(resolve));
    expect(alpha.calls + beta.calls).toBe(2);
    open();
    const result = await running;
    expect(result).toMatchObject({
      text: 'done',
      turns: 2,
      toolCalls: 2,
      usage: { inputTokens: 20, outputTokens: 10 },
    });
    expect(client.calls[1]?.messages).toEqual([
      { role: 'user', content: 'use tools' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [
          { id: 'c1', name: 'alpha', input: { n: 1 } },
          { id: 'c2', name: 'beta', input: { n: 2 } },
        ],
      },
      {
        role: 'tool',
        results: [
          { toolCallId: 'c1', toolName: 'alpha', content: 'alpha:{"n":1}', isError: false },
          { toolCallId: 'c2', toolName: 'beta', content: 'beta:{"n":2}', isError: false },
        ],
      },
    ]);
    expect(client.calls[0]?.tools?.map((tool) => tool.name)).toEqual(['alpha', 'beta']);
    expect(events.filter((event) => event.type.startsWith('tool-')).map((event) => event.type)).toEqual([
      'tool-start',
      'tool-start',
      'tool-end',
      'tool-end',
    ]);
  });

  it('answers an unknown tool name with an error result instead of crashing', async () => {
    const { client, services, agent, scope } = setup(
      [{ toolCalls: [{ name: 'nope', id: 'x' }] }, 'recovered'],
      [echoTool('alpha')],
    );
    const result = await runAgentLoop(services, scope, agent, 'go');
    expect(result.text).toBe('recovered');
    const toolMessage = client.calls[1]?.messages[2];
    expect(toolMessage).toEqual({
      role: 'tool',
      results: [
        {
          toolCallId: 'x',
          toolName: 'nope',
          content: "Unknown tool 'nope'. Available tools: alpha.",
          isError: true,
        },
      ],
    });
  });

  it('turns a throwing tool into an error result', async () => {
    const broken: ToolV1 = {
      name: 'broken',
      description: 'always fails',
      inputSchema: { type: 'object' },
      call: async () => {
        throw new Error('disk on fire');
      },
    };
    const { client, services, agent, scope, events } = setup(
      [{ toolCalls: [{ name: 'broken', id: 'b' }] }, 'ok'],
      [broken],
    );
    await runAgentLoop(services, scope, agent, 'go');
    const toolMessage = client.calls[1]?.messages[2];
    expect(toolMessage?.role === 'tool' && toolMessage.results[0]).toMatchObject({
      isError: true,
      content: "Tool 'broken' failed: disk on fire",
    });
    expect(events.find((event) => event.type === 'tool-end')).toMatchObject({ ok: false });
  });

  it('stops after the maximum number of turns with a clear error', async () => {
    const { services, agent, scope, client } = setup(
      () => ({ toolCalls: [{ name: 'alpha' }] }),
      [echoTool('alpha')],
    );
    await expect(runAgentLoop(services, scope, agent, 'loop', 3)).rejects.toThrow(
      "step 1: agent 'helper' was still calling tools after 3 model turns",
    );
    expect(client.calls).toHaveLength(3);
  });

  it('estimates usage by words when the provider reports none', async () => {
    const { services, agent, scope, events } = setup([{ text: 'three words here', usage: null }]);
    const result = await runAgentLoop(services, scope, agent, 'one two');
    // "You help." + "one two" = 4 words in, 3 out.
    expect(result.usage).toEqual({ inputTokens: 4, outputTokens: 3 });
    expect(events.find((event) => event.type === 'usage')).toMatchObject({ estimated: true });
  });
});
