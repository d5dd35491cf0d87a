import { describe, expect, it } from 'vitest';
import { RunPausedError } from '../../spec/v1/errors.js';
import type { JournalEntryV1 } from '../../spec/v1/journal-v1.js';
import { rejectionOf, runWithMock } from '../__fixtures__/run-harness.js';
import { askingFanOutExecutor, chainSpec, echoTool, fakeRunTools } from '../__fixtures__/test-executors.js';
import { createMemoryJournalStore } from './memory-journal-store.js';

const threeSteps = [
  { agent: 'writer', input: 'one' },
  { agent: 'writer', input: 'two after {{ steps[0].response }}' },
  { agent: 'writer', input: 'three after {{ steps[1].response }}' },
];

describe('the run journal', () => {
  it('answers a second run over the same journal without a single model call', async () => {
    const journal = createMemoryJournalStore();
    const first = await runWithMock(chainSpec(threeSteps), undefined, { journal }).pending;
    expect(first.journal).toEqual({ replayed: 0, recorded: 3 });
    const again = runWithMock(chainSpec(threeSteps), undefined, { journal });
    const second = await again.pending;
    expect(again.mock.calls).toHaveLength(0);
    expect(second.response).toBe(first.response);
    expect(second.context).toEqual(first.context);
    expect(second.usage).toEqual(first.usage);
    expect(second.journal).toEqual({ replayed: 3, recorded: 0 });
    expect(second.steps.every((step) => step.replayed === true)).toBe(true);
    expect(second.counts.requests).toBe(0);
  });

  it('resumes a failed run with only the calls that had not completed', async () => {
    const journal = createMemoryJournalStore();
    const failing = runWithMock(
      chainSpec(threeSteps),
      (request) => {
        const [message] = request.messages;
        const text = message && message.role === 'user' ? message.content : '';
        return text.startsWith('three') ? { error: new Error('down') } : 'ok';
      },
      { journal },
    );
    await rejectionOf(failing.pending);
    expect(journal.entries.map((entry) => entry.position)).toEqual([
      '/pattern/config/steps/0#0/turn/1',
      '/pattern/config/steps/1#0/turn/1',
    ]);
    const resumed = runWithMock(chainSpec(threeSteps), () => 'recovered', { journal });
    const result = await resumed.pending;
    expect(resumed.mock.calls).toHaveLength(1);
    expect(resumed.mock.calls[0]?.messages[0]).toEqual({ role: 'user', content: 'three after ok' });
    expect(result.response).toBe('recovered');
  });

  it('runs live from the first step whose request changed, and says which', async () => {
    const journal = createMemoryJournalStore();
    await runWithMock(chainSpec(threeSteps), undefined, { journal }).pending;
    const edited = [
      threeSteps[0]!,
      { agent: 'writer', input: 'TWO after {{ steps[0].response }}' },
      threeSteps[2]!,
    ];
    const resumed = runWithMock(chainSpec(edited), undefined, { journal });
    const result = await resumed.pending;
    expect(resumed.mock.calls).toHaveLength(2);
    expect(result.journal.diverged).toEqual({
      position: '/pattern/config/steps/1#0/turn/1',
      label: 'step 2',
    });
    expect(resumed.events.filter((event) => event.type === 'journal-diverged')).toHaveLength(1);
  });

  it('journals tool calls, so a resumed invocation never runs a completed tool again', async () => {
    const journal = createMemoryJournalStore();
    const tool = echoTool('echo');
    const spec = chainSpec([{ agent: 'writer', input: 'use the tool', tool_overrides: ['echo'] }]);
    const script = [{ toolCalls: [{ name: 'echo', input: { a: 1 }, id: 'c1' }] }, 'done'];
    const first = runWithMock(spec, script, { journal, createTools: () => fakeRunTools([tool]) });
    await first.pending;
    expect(tool.calls).toBe(1);
    const second = runWithMock(spec, script, { journal, createTools: () => fakeRunTools([tool]) });
    expect((await second.pending).response).toBe('done');
    expect(tool.calls).toBe(1);
    expect(second.mock.calls).toHaveLength(0);
  });
});

describe('human input', () => {
  const spec = chainSpec([
    { agent: 'writer', input: 'left' },
    { agent: 'person', input: 'approve?' },
    { agent: 'writer', input: 'right' },
  ]);
  spec.pattern = { type: 'parallel', config: (spec.pattern as { config: unknown }).config };
  const executors = { parallel: askingFanOutExecutor };

  it('pauses only once the other branches finished, then resumes with the answer and no repeated call', async () => {
    const journal = createMemoryJournalStore();
    const first = runWithMock(spec, undefined, { journal, executors });
    const error = await rejectionOf(first.pending);
    expect(RunPausedError.isInstance(error)).toBe(true);
    expect(error.exitCode).toBe(19);
    expect(first.mock.calls).toHaveLength(2);
    const pending = (error as RunPausedError).pending;
    expect(pending.map((item) => [item.position, item.prompt])).toEqual([
      ['/pattern/config/steps/1#0/human', 'approve?'],
    ]);
    const resumed = runWithMock(spec, undefined, {
      journal,
      executors,
      humanAnswers: { [pending[0]!.position]: 'yes' },
    });
    const result = await resumed.pending;
    expect(result.response).toBe('mock: left|yes|mock: right');
    expect(resumed.mock.calls).toHaveLength(0);
  });

  it('goes on with a branch whose question was answered before pausing on the question still open', async () => {
    const twoQuestions = chainSpec([
      { agent: 'person', input: 'first?', tool_overrides: ['writer'] },
      { agent: 'person', input: 'second?' },
    ]);
    twoQuestions.agents = { person: { prompt: 'p' }, writer: { prompt: 'w' } };
    twoQuestions.pattern = { type: 'parallel', config: (twoQuestions.pattern as { config: unknown }).config };
    // Appends that take a while, as a file journal's fdatasync does: recording the answer must count
    // as progress, or the run pauses before the answered branch can go on.
    const memory = createMemoryJournalStore();
    const journal = {
      read: () => memory.read(),
      append: async (entry: JournalEntryV1) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await memory.append(entry);
      },
    };
    const first = (await rejectionOf(
      runWithMock(twoQuestions, undefined, { journal, executors }).pending,
    )) as RunPausedError;
    expect(first.pending.map((item) => item.prompt)).toEqual(['first?', 'second?']);
    const answered = runWithMock(twoQuestions, undefined, {
      journal,
      executors,
      humanAnswers: { [first.pending[0]!.position]: 'yes' },
    });
    const second = (await rejectionOf(answered.pending)) as RunPausedError;
    expect(second.pending.map((item) => item.prompt)).toEqual(['second?']);
    // The answered branch's next call ran in this attempt, not only after the last answer.
    expect(answered.mock.calls.map((call) => call.messages[0])).toEqual([
      { role: 'user', content: 'after yes' },
    ]);
  });

  it('reports a failure, not a pause, when a branch fails while a question waits', async () => {
    const run = runWithMock(spec, () => ({ error: new Error('model down') }), {
      executors,
    });
    const error = await rejectionOf(run.pending);
    expect(RunPausedError.isInstance(error)).toBe(false);
    expect(error.exitCode).toBe(10);
    expect(error.message).toMatch(/model down/);
  });

  it('asks onHumanInput instead of pausing, and the answer is journaled', async () => {
    const journal = createMemoryJournalStore();
    const asked: string[] = [];
    const run = runWithMock(spec, undefined, {
      journal,
      executors,
      onHumanInput: async (request) => {
        asked.push(request.position);
        return 'fine';
      },
    });
    expect((await run.pending).response).toBe('mock: left|fine|mock: right');
    expect(asked).toEqual(['/pattern/config/steps/1#0/human']);
    const again = await runWithMock(spec, undefined, { journal, executors }).pending;
    expect(again.response).toBe('mock: left|fine|mock: right');
  });

  it('uses the default once the timeout of a pending question expired', async () => {
    const journal = createMemoryJournalStore();
    const error = (await rejectionOf(
      runWithMock(spec, undefined, { journal, executors }).pending,
    )) as RunPausedError;
    const expired = error.pending.map((item) => ({ ...item, timeoutAt: new Date(0).toISOString() }));
    const resumed = runWithMock(spec, undefined, { journal, executors, pendingHumanInput: expired });
    expect((await resumed.pending).response).toBe('mock: left|no answer|mock: right');
    expect(resumed.events.some((event) => event.type === 'human-timeout')).toBe(true);
  });
});
