import { describe, expect, it } from 'vitest';
import type { ModelProviderV1, ModelRequestV1 } from '../spec/v1/model-provider-v1.js';
import { ManualClock } from '../testing/manual-clock.js';
import { MockModelProvider, type MockTurn } from '../testing/mock-model-provider.js';
import { echoTool } from './__fixtures__/test-executors.js';
import type { CachedAgent } from './agent-cache.js';
import { runAgentLoop } from './agent-loop.js';
import { BudgetTracker } from './budget-tracker.js';
import { createMemoryJournalStore } from './journal/memory-journal-store.js';
import { RunJournal } from './journal/run-journal.js';
import { defaultRetryPolicy } from './retry-policy.js';
import { RunCounters } from './run-counters.js';
import type { RunEventInput } from './run-events.js';
import { Semaphore } from './semaphore.js';

/** Three tool turns, each reporting a larger prompt, then an answer; a summary when asked for one. */
function scripted(): (request: ModelRequestV1) => MockTurn {
  let turn = 0;
  return (request) => {
    if (request.system?.startsWith('You write concise summaries')) return { text: 'SUMMARY', usage: null };
    turn += 1;
    return turn > 3 ? 'final answer' : toolTurn(turn, request.messages.length);
  };
}

/** A tool call whose reported prompt grows with the conversation, as a provider's would. */
function toolTurn(turn: number, messages: number): MockTurn {
  return {
    toolCalls: [{ name: 'look', input: { turn }, id: `c${turn}` }],
    usage: { inputTokens: 250 * messages, outputTokens: 10 },
  };
}

async function setup() {
  const client = new MockModelProvider('mock', scripted());
  const events: RunEventInput[] = [];
  const clock = new ManualClock();
  const store = createMemoryJournalStore();
  const emit = (event: RunEventInput) => events.push(event);
  const services = {
    semaphore: new Semaphore(2),
    clock,
    retryPolicy: defaultRetryPolicy,
    random: () => 0.5,
    counters: new RunCounters(),
    budget: new BudgetTracker(undefined, clock, { warn: () => undefined, exceed: () => undefined }),
    emit,
    journal: await RunJournal.open(store, emit),
  };
  const tool = echoTool('look');
  const agent: CachedAgent = {
    id: 'helper',
    systemPrompt: 'You help.',
    tools: [tool],
    toolDefinitions: [{ name: 'look', description: 'look', inputSchema: { type: 'object' } }],
    model: { client: client as ModelProviderV1, providerId: 'mock', modelId: 'big', inference: {} },
  };
  const scope = {
    step: { kind: 'step', label: 'step 1', pointer: '/pattern/config/steps/0' },
    agentId: 'helper',
    invocation: 1,
    signal: new AbortController().signal,
    stream: false,
    position: '/pattern/config/steps/0#0',
  };
  return { client, events, services, agent, scope, store };
}

const compaction = {
  whenTokensOver: 1000,
  summaryRatio: 0.5,
  preserveRecentMessages: 2,
  summarizationModel: 'small',
};

describe('runAgentLoop with compaction', () => {
  it('summarises older messages once the conversation outgrows the threshold', async () => {
    const { client, events, services, agent, scope, store } = await setup();
    const result = await runAgentLoop(services, scope, agent, 'inspect', 10, {
      compaction,
      systemSuffix: 'NOTES',
    });
    expect(result.text).toBe('final answer');
    expect(result.toolsUsed).toEqual(['look']);
    const summaries = client.calls.filter((call) => call.modelId === 'small');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.inference).toEqual({ temperature: 0.3 });
    expect(summaries[0]?.messages[0]).toMatchObject({ role: 'user' });
    const after = client.calls.at(-1);
    expect(after?.system).toBe('You help.\n\nNOTES');
    expect(after?.messages[0]).toEqual({
      role: 'user',
      content: 'Summary of the earlier conversation:\n\nSUMMARY',
    });
    expect(after?.messages.some((message) => message.role === 'user' && message.content === 'inspect')).toBe(
      false,
    );
    const compactions = events.filter((event) => event.type === 'compaction');
    expect(compactions).toEqual([expect.objectContaining({ threshold: 1000, modelId: 'small', turn: 4 })]);
    const positions = (await store.read()).map((entry) => entry.position);
    expect(positions).toContain('/pattern/config/steps/0#0/turn/4/compaction');
  });

  it('answers the summary from the journal when the invocation runs again', async () => {
    const first = await setup();
    await runAgentLoop(first.services, first.scope, first.agent, 'inspect', 10, { compaction });
    const second = await setup();
    const journal = await RunJournal.open(first.store, second.services.emit);
    await runAgentLoop({ ...second.services, journal }, second.scope, second.agent, 'inspect', 10, {
      compaction,
    });
    expect(second.client.calls).toHaveLength(0);
    expect(journal.counts.replayed).toBe(first.client.calls.length + 3);
  });
});
