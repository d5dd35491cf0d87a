import type { RunEvent } from '@strands-cli/core';
import { describe, expect, it } from 'vitest';
import { createContentRedactor } from './content/content-redactor.js';
import { TraceRecorder } from './trace-recorder.js';

const step = { kind: 'step', label: 'step 1', pointer: '/pattern/config/steps/0' } as const;
const usage = { inputTokens: 1, outputTokens: 1, totalTokens: 2 };
const at = { step, agentId: 'writer', invocation: 1 };

const run: RunEvent[] = [
  { type: 'run-start', elapsedMs: 0, name: 'demo', pattern: 'chain', maxParallel: 1 },
  { type: 'step-start', elapsedMs: 1, ...at, input: 'Summarise MARKER-7 for bob@example.com' },
  {
    type: 'tool-start',
    elapsedMs: 2,
    ...at,
    tool: 'lookup',
    callId: 'c1',
    arguments: { q: 'MARKER-7', api_key: 'k' },
  },
  {
    type: 'tool-end',
    elapsedMs: 3,
    ...at,
    tool: 'lookup',
    callId: 'c1',
    ok: true,
    durationMs: 1,
    result: 'call 555-123-4567',
  },
  {
    type: 'step-end',
    elapsedMs: 4,
    ...at,
    ok: true,
    durationMs: 3,
    usage,
    output: 'Done: MARKER-7 alice@example.com',
  },
  { type: 'run-end', elapsedMs: 5, ok: true, usage, artifacts: [] },
];

function spansOf(recorder: TraceRecorder): string {
  for (const event of run) recorder.onEvent(event);
  return JSON.stringify(recorder.spans);
}

describe('TraceRecorder content capture', () => {
  it('puts no prompt, answer, argument or result text on any span without opt-in', () => {
    const text = spansOf(new TraceRecorder());
    expect(text).not.toContain('MARKER-7');
    expect(text).not.toContain('example.com');
    expect(text).not.toContain('555');
  });

  it('captures redacted content in the GenAI shapes when given a redactor', () => {
    const recorder = new TraceRecorder({
      content: createContentRedactor({ tool_inputs: true, tool_outputs: true }),
    });
    spansOf(recorder);
    const agent = recorder.spans.find((span) => span.name === 'invoke_agent writer');
    const tool = recorder.spans.find((span) => span.name === 'execute_tool lookup');
    expect(JSON.parse(String(agent?.attributes['gen_ai.input.messages']))).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'Summarise MARKER-7 for [REDACTED_EMAIL]' }] },
    ]);
    expect(JSON.parse(String(agent?.attributes['gen_ai.output.messages']))).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'text', content: 'Done: MARKER-7 [REDACTED_EMAIL]' }],
        finish_reason: 'stop',
      },
    ]);
    expect(JSON.parse(String(tool?.attributes['gen_ai.tool.call.arguments']))).toEqual({
      q: 'MARKER-7',
      api_key: '[REDACTED]',
    });
    expect(tool?.attributes['gen_ai.tool.call.result']).toBe('call [REDACTED_PHONE]');
  });
});
