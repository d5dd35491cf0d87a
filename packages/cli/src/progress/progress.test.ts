import type { RunEvent, RunResult } from '@strands-cli/core';
import { describe, expect, it } from 'vitest';
import { eventLine } from './event-lines.js';
import { createStyle, formatDuration, formatTokens } from './format.js';
import { createLiveProgress } from './live-progress.js';
import { createPlainProgress } from './plain-progress.js';
import { formatSummary } from './summary.js';

const step = { kind: 'step', label: 'step 1', pointer: '/pattern/config/steps/0' };
const base = { step, agentId: 'writer', invocation: 1, elapsedMs: 0 };
const usage = { inputTokens: 7, outputTokens: 3 };

function sink(tty: boolean) {
  const chunks: string[] = [];
  return {
    chunks,
    sink: { write: (text: string) => chunks.push(text), isTTY: tty },
    text: () => chunks.join(''),
  };
}

const events: RunEvent[] = [
  { type: 'run-start', name: 'demo', pattern: 'chain', maxParallel: 8, elapsedMs: 0 },
  { type: 'step-start', ...base },
  { type: 'usage', ...base, usage, total: usage, estimated: false },
  { type: 'step-end', ...base, ok: true, durationMs: 1500, usage },
  { type: 'run-end', ok: true, usage, artifacts: [], elapsedMs: 1600 },
];

describe('plain progress', () => {
  it('prints one line per step start and end, without colour', () => {
    const output = sink(false);
    const progress = createPlainProgress(output.sink, createStyle(false), false);
    for (const event of events) progress.onEvent(event);
    progress.stop();
    expect(output.text()).toBe(
      'Running demo (chain, max_parallel 8)\n→ step 1 · writer\n✓ step 1 · writer · 1.50s · 10 tokens (in 7, out 3)\n',
    );
  });

  it('prints streamed text under a header and remembers it', () => {
    const output = sink(false);
    const progress = createPlainProgress(output.sink, createStyle(false), false);
    progress.onEvent({ type: 'text-delta', ...base, text: 'Hello ' });
    progress.onEvent({ type: 'text-delta', ...base, text: 'world' });
    progress.onEvent({ type: 'step-end', ...base, ok: true, durationMs: 10, usage });
    expect(output.text()).toContain('── step 1 · writer\nHello world\n✓ step 1');
    expect(progress.lastStreamedText).toBe('Hello world');
  });
});

describe('live progress', () => {
  it('redraws the running steps with elapsed time and tokens, and clears the block when done', () => {
    const output = sink(true);
    let now = 0;
    const progress = createLiveProgress(output.sink, createStyle(false), () => now);
    progress.onEvent(events[0] as RunEvent);
    progress.onEvent(events[1] as RunEvent);
    progress.onEvent({
      type: 'model-request',
      ...base,
      providerId: 'openai',
      modelId: 'm',
      turn: 1,
      attempt: 1,
    });
    now = 2500;
    progress.onEvent(events[2] as RunEvent);
    progress.onEvent({
      type: 'budget-warning',
      budget: 'max_tokens',
      limit: 10,
      used: 9,
      threshold: 0.8,
      elapsedMs: 0,
    });
    progress.onEvent({ type: 'text-delta', ...base, text: '' });
    expect(output.text()).toContain('step 1 · writer · 2.50s · 10 tokens\n\r\u001b[1A\u001b[0J── step 1');
    progress.onEvent(events[3] as RunEvent);
    progress.stop();
    const text = output.text();
    // The running block is erased (cursor up + clear) before permanent lines are printed.
    expect(text).toContain('\r\u001b[1A\u001b[0J');
    // The warning follows the step that crossed the threshold, and the cursor is shown again.
    expect(
      text.endsWith(
        '✓ step 1 · writer · 1.50s · 10 tokens (in 7, out 3)\n⚠ budget max_tokens: 9 of 10 used (warning at 80%)\n\u001b[?25h',
      ),
    ).toBe(true);
  });
});

describe('compaction line', () => {
  it('says how large the conversation was and what the summary replaced', () => {
    const line = eventLine(
      {
        type: 'compaction',
        step: { kind: 'step', label: 'step 1', pointer: '/pattern/config/steps/0' },
        agentId: 'counter',
        invocation: 1,
        turn: 4,
        tokens: 1210,
        threshold: 1000,
        summarized: 3,
        kept: 4,
        modelId: 'gpt-4o-mini',
        elapsedMs: 0,
      },
      createStyle(false),
      false,
    );
    expect(line).toBe(
      '≋ step 1 · counter: conversation at 1210 tokens (over 1000); summarised 3 messages with gpt-4o-mini, kept 4',
    );
  });
});

describe('formatting', () => {
  it('formats durations and tokens', () => {
    expect(formatDuration(850)).toBe('850ms');
    expect(formatDuration(1234)).toBe('1.23s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatTokens({ inputTokens: 1000, outputTokens: 234 })).toBe('1,234 tokens (in 1,000, out 234)');
  });

  it('summarises a run, with counts when verbose', () => {
    const result = {
      name: 'demo',
      durationMs: 2000,
      usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
      artifacts: ['/work/out/a.md'],
      counts: {
        agentsBuilt: 1,
        agentsReused: 9,
        clientsCreated: 1,
        clientsReused: 0,
        invocations: 10,
        requests: 11,
        retries: 1,
        providers: { openai: { requests: 11, retries: 1 } },
      },
      journal: { replayed: 0, recorded: 11 },
    } as unknown as RunResult;
    const text = formatSummary(result, { verbose: true, cwd: '/work', style: createStyle(false) });
    expect(text).toBe(
      [
        '✓ demo completed in 2.00s · 15 tokens (in 10, out 5)',
        '  Artifacts written (1):',
        '    out/a.md',
        '  Agents: 1 built, 9 reused · invocations: 10',
        '  Clients: 1 created, 0 reused from the pool',
        '  Requests to openai: 11 (1 retries)',
        '',
      ].join('\n'),
    );
  });
});
