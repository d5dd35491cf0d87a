import type { RunEvent } from '@strands-cli/core';
import { describe, expect, it } from 'vitest';
import { createStyle } from './format.js';
import { createWarningsOnly } from './warnings-only.js';

const step = { kind: 'step', label: 'step 1', pointer: '/pattern/config/steps/0' };
const base = { step, agentId: 'writer', invocation: 1, elapsedMs: 0 };
const usage = { inputTokens: 7, outputTokens: 3 };

describe('the progress of --json runs', () => {
  it('prints a resume divergence and an expired question, and nothing else', () => {
    const chunks: string[] = [];
    const progress = createWarningsOnly({ write: (text: string) => chunks.push(text) }, createStyle(false));
    const events: RunEvent[] = [
      { type: 'run-start', name: 'demo', pattern: 'chain', maxParallel: 8, elapsedMs: 0 },
      { type: 'step-start', ...base },
      {
        type: 'journal-diverged',
        position: '/pattern/config/steps/1#0/turn/1',
        label: 'step 2',
        elapsedMs: 0,
      },
      {
        type: 'human-timeout',
        step,
        position: '/pattern/config/steps/0#0/human',
        answer: 'approved',
        elapsedMs: 0,
      },
      { type: 'step-end', ...base, ok: true, durationMs: 10, usage },
    ];
    for (const event of events) progress.onEvent(event);
    progress.stop();
    expect(chunks.join('')).toBe(
      "⚠ step 2 changed since the session was saved: it and every later step run live\n⚠ step 1: the time to answer ran out; using the default answer 'approved'\n",
    );
  });
});
