import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientPool, type RunWorkflowOptions, runWorkflow, type WorkflowSpec } from '@strands-cli/core';
import type { ToolV1 } from '@strands-cli/core/spec';
import { createMockProviderPlugin, type MockScript, testExecutor } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import chainExecutor from './index.js';

type Step = { agent: string; input?: string; vars?: Record<string, string>; tool_overrides?: string[] };

function chain(steps: Step[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const agents: Record<string, unknown> = {};
  for (const step of steps) agents[step.agent] = { prompt: `You are ${step.agent}.` };
  return {
    version: 1,
    name: 'chain-test',
    runtime: { provider: 'mock' },
    agents,
    pattern: { type: 'chain', config: { steps } },
    ...extra,
  };
}

function tool(name: string): ToolV1 {
  return { name, description: name, inputSchema: { type: 'object' }, call: async () => ({ content: name }) };
}

function run(
  document: Record<string, unknown>,
  script?: MockScript,
  options: Partial<RunWorkflowOptions> = {},
) {
  const mock = createMockProviderPlugin({ responses: script });
  const toolRequests: string[][] = [];
  const pending = runWorkflow(document as unknown as WorkflowSpec, {
    providers: { mock },
    executors: { chain: chainExecutor },
    clientPool: new ClientPool(),
    env: {},
    createTools: () => ({
      openedPools: 0,
      toolsFor: (ids) => {
        toolRequests.push([...ids]);
        return ids.map(tool);
      },
      systemPromptSection: () => undefined,
      close: async () => undefined,
    }),
    ...options,
  });
  return { mock, pending, toolRequests };
}

testExecutor({
  executor: chainExecutor,
  cases: [
    {
      name: 'one step (single agent)',
      spec: {
        version: 1,
        name: 'single',
        runtime: { provider: 'openai' },
        agents: { solo: { prompt: 'Answer.' } },
        pattern: { type: 'chain', config: { steps: [{ agent: 'solo', input: 'Hi {{ name }}' }] } },
        inputs: { values: { name: 'Ada' } },
      },
      expectResponse: 'mock: Hi Ada',
    },
    {
      name: 'three steps with templates',
      spec: {
        version: 1,
        name: 'three',
        runtime: { provider: 'ollama' },
        agents: { a: { prompt: 'A' }, b: { prompt: 'B' } },
        pattern: {
          type: 'chain',
          config: {
            steps: [
              { agent: 'a', input: 'one' },
              { agent: 'b', input: 'two after {{ steps[0].response }}' },
              { agent: 'a', input: 'three after {{ steps[1].response }}' },
            ],
          },
        },
      },
      expectResponse: 'mock: three after mock: two after mock: one',
    },
    {
      name: 'human-in-the-loop steps between agent steps',
      spec: {
        version: 1,
        name: 'review',
        runtime: { provider: 'openai' },
        agents: { writer: { prompt: 'Write.' } },
        pattern: {
          type: 'chain',
          config: {
            steps: [
              { agent: 'writer', input: 'draft' },
              { type: 'hitl', prompt: 'Approve?', context_display: '{{ steps[0].response }}' },
              { agent: 'writer', input: 'final ({{ hitl_response }}) {{ steps[1].response }}' },
              { type: 'hitl', prompt: 'Ship?' },
            ],
          },
        },
      },
      human: (question) => (question.prompt === 'Approve?' ? `ok: ${question.contextDisplay}` : 'ship it'),
      expectResponse: 'ship it',
    },
  ],
});

describe('runChain', () => {
  it('builds one agent and one client for ten steps on one agent', async () => {
    const steps = Array.from({ length: 10 }, (_, index) => ({ agent: 'writer', input: `part ${index}` }));
    const { pending, mock } = run(chain(steps));
    const result = await pending;
    expect(result.counts).toMatchObject({
      agentsBuilt: 1,
      agentsReused: 9,
      clientsCreated: 1,
      invocations: 10,
    });
    expect(mock.stats.creates).toBe(1);
  });

  it('records steps[n] as {index, agent, response, tokens_estimated, usage}', async () => {
    const { pending } = run(
      chain([
        { agent: 'a', input: 'first' },
        {
          agent: 'b',
          input:
            '{{ steps[0].index }}/{{ steps[0].agent }}/{{ steps[0].tokens_estimated }}/{{ steps[0].usage.output_tokens }}',
        },
      ]),
      ['one', { text: 'two', usage: { inputTokens: 3, outputTokens: 4 } }],
    );
    const result = await pending;
    expect(result.context.steps).toEqual([
      {
        index: 0,
        agent: 'a',
        response: 'one',
        tokens_estimated: 15,
        usage: { input_tokens: 10, output_tokens: 5 },
      },
      {
        index: 1,
        agent: 'b',
        response: 'two',
        tokens_estimated: 7,
        usage: { input_tokens: 3, output_tokens: 4 },
      },
    ]);
    expect(result.steps[1]?.text).toBe('two');
  });

  it('sends each step a fresh conversation with the rendered input', async () => {
    const { pending, mock } = run(
      chain([
        { agent: 'a', input: 'first' },
        { agent: 'a', input: 'second saw {{ steps[0].response }}' },
      ]),
      ['one', 'two'],
    );
    await pending;
    expect(mock.calls[1]?.messages).toEqual([{ role: 'user', content: 'second saw one' }]);
  });

  it('gives step.vars the highest precedence, over inputs, --var and steps', async () => {
    const { pending, mock } = run(
      chain(
        [
          { agent: 'a', input: 'x' },
          { agent: 'a', input: '{{ topic }} {{ steps }}', vars: { topic: 'from step', steps: 'shadowed' } },
        ],
        { inputs: { values: { topic: 'from inputs' } } },
      ),
      undefined,
      { vars: ['topic=from cli'] },
    );
    await pending;
    expect(mock.calls[1]?.messages[0]).toEqual({ role: 'user', content: 'from step shadowed' });
  });

  it('replaces the tools with a non-empty tool_overrides and keeps them for an empty one', async () => {
    const document = chain([
      { agent: 'a', input: 'own tools' },
      { agent: 'a', input: 'empty overrides', tool_overrides: [] },
      { agent: 'a', input: 'other tools', tool_overrides: ['current_time'] },
    ]);
    document.agents = { a: { prompt: 'A', tools: ['calculator'] } };
    document.tools = { python: ['calculator', 'current_time'] };
    const { pending, mock, toolRequests } = run(document);
    const result = await pending;
    expect(result.counts).toMatchObject({ agentsBuilt: 2, agentsReused: 1 });
    expect(toolRequests).toEqual([['calculator'], ['current_time']]);
    expect(mock.calls.map((call) => call.tools?.map((entry) => entry.name))).toEqual([
      ['calculator'],
      ['calculator'],
      ['current_time'],
    ]);
  });

  it('names the failing step and agent, exit 10', async () => {
    const { pending } = run(
      chain([
        { agent: 'a', input: 'x' },
        { agent: 'b', input: 'y' },
      ]),
      ['ok', { error: new Error('model down') }],
    );
    await expect(pending).rejects.toMatchObject({
      exitCode: 10,
      message: "step 2 (agent 'b') failed: model down",
    });
  });

  it('returns the last step as the response and writes artifacts from the chain context', async () => {
    const out = await mkdtemp(join(tmpdir(), 'chain-'));
    const document = chain(
      [
        { agent: 'a', input: 'x' },
        { agent: 'b', input: 'y' },
      ],
      {
        outputs: {
          artifacts: [{ path: 'out.md', from: '{{ steps[0].response }} then {{ last_response }}' }],
        },
      },
    );
    const { pending } = run(document, ['first', 'second'], { out });
    const result = await pending;
    expect(result).toMatchObject({ response: 'second', agentId: 'b' });
    expect(await readFile(join(out, 'out.md'), 'utf8')).toBe('first then second');
  });
});
