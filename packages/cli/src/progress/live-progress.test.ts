import type { RunEvent } from '@strands-cli/core';
import { describe, expect, it } from 'vitest';
import { displayWidth } from './display-width.js';
import { createStyle } from './format.js';
import { createLiveProgress } from './live-progress.js';

const step = (n: number) => ({
  kind: 'branch',
  label: `branch ${n}`,
  pointer: `/pattern/config/branches/${n}`,
});
const base = (n: number) => ({ step: step(n), agentId: 'researcher', invocation: n, elapsedMs: 0 });
const request = (n: number): RunEvent => ({
  type: 'model-request',
  ...base(n),
  providerId: 'openai',
  modelId: 'm',
  turn: 1,
  attempt: 1,
});

function terminal(columns: number) {
  const chunks: string[] = [];
  const listeners = new Set<() => void>();
  const sink = {
    isTTY: true,
    columns,
    write: (text: string) => chunks.push(text),
    on: (_event: 'resize', listener: () => void) => listeners.add(listener),
    off: (_event: 'resize', listener: () => void) => listeners.delete(listener),
  };
  return { sink, chunks, listeners, text: () => chunks.join('') };
}

/** The rows of the last frame the view drew (the text after the last erase), spinner glyphs as `*`. */
function lastFrame(text: string): string[] {
  const frame = text.split('\u001b[0J').at(-1) ?? '';
  return frame
    .replace('\u001b[?25l', '')
    .replace(/[\u2800-\u28ff]/g, '*')
    .split('\n')
    .filter(Boolean);
}

describe('live progress on a terminal', () => {
  it('cuts every running line to the terminal width, counting wide characters as two columns', () => {
    const output = terminal(24);
    const progress = createLiveProgress(output.sink, createStyle(true), () => 0);
    progress.onEvent({ type: 'run-start', name: 'demo', pattern: 'parallel', maxParallel: 2, elapsedMs: 0 });
    progress.onEvent({ type: 'step-start', ...base(1), agentId: '調査担当のエージェント' });
    progress.onEvent(request(1));
    const rows = lastFrame(output.text());
    expect(rows).toHaveLength(1);
    expect(displayWidth(rows[0] ?? '')).toBeLessThanOrEqual(23);
    expect(rows[0]).toContain('…');
    progress.stop();
  });

  it('re-measures the width when the terminal is resized, and stops listening when done', () => {
    const output = terminal(80);
    const progress = createLiveProgress(output.sink, createStyle(false), () => 0);
    progress.onEvent({ type: 'run-start', name: 'demo', pattern: 'chain', maxParallel: 1, elapsedMs: 0 });
    progress.onEvent({ type: 'step-start', ...base(1) });
    progress.onEvent(request(1));
    expect(lastFrame(output.text())[0]).not.toContain('…');
    output.sink.columns = 12;
    for (const listener of output.listeners) listener();
    expect(lastFrame(output.text())[0]).toBe('* branch 1…');
    progress.stop();
    expect(output.listeners.size).toBe(0);
  });

  it('shows work waiting for a max_parallel slot as queued, without a spinner or timer', () => {
    const output = terminal(80);
    let now = 0;
    const progress = createLiveProgress(output.sink, createStyle(false), () => now);
    progress.onEvent({ type: 'run-start', name: 'demo', pattern: 'parallel', maxParallel: 1, elapsedMs: 0 });
    progress.onEvent({ type: 'step-start', ...base(1) });
    progress.onEvent({ type: 'step-start', ...base(2) });
    progress.onEvent(request(1));
    now = 1500;
    progress.onEvent(request(2));
    now = 2000;
    progress.onEvent({ type: 'step-start', ...base(3) });
    expect(lastFrame(output.text())).toEqual([
      '* branch 1 · researcher · 2.00s · 0 tokens',
      '* branch 2 · researcher · 500ms · 0 tokens',
      '· branch 3 · researcher · queued',
    ]);
    progress.stop();
  });

  it('marks a sibling stopped by a failure as cancelled, not failed', () => {
    const output = terminal(80);
    const progress = createLiveProgress(output.sink, createStyle(false), () => 0);
    const usage = { inputTokens: 0, outputTokens: 0 };
    progress.onEvent({ type: 'step-end', ...base(1), ok: false, durationMs: 10, usage, error: 'boom' });
    progress.onEvent({
      type: 'step-end',
      ...base(2),
      ok: false,
      durationMs: 10,
      usage,
      error: 'The operation was aborted',
      cancelled: true,
    });
    expect(output.text()).toContain('✗ branch 1 · researcher · 10ms · boom\n');
    expect(output.text()).toContain('⊘ branch 2 · researcher · 10ms · cancelled\n');
  });

  it('leaves no spinner behind when stopped mid-run, and shows the cursor again', () => {
    const output = terminal(80);
    const progress = createLiveProgress(output.sink, createStyle(false), () => 0);
    progress.onEvent({ type: 'run-start', name: 'demo', pattern: 'parallel', maxParallel: 2, elapsedMs: 0 });
    progress.onEvent({ type: 'step-start', ...base(1) });
    progress.onEvent({ type: 'step-start', ...base(2) });
    progress.onEvent(request(1));
    progress.stop();
    expect(output.text().endsWith('\r\u001b[2A\u001b[0J\u001b[?25h')).toBe(true);
    expect(output.text()).toContain('\u001b[?25l');
  });
});
