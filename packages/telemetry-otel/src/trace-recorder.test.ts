import type { RunEvent } from '@strands-cli/core';
import { describe, expect, it } from 'vitest';
import { traceDocument } from './trace-document.js';
import { TraceRecorder } from './trace-recorder.js';

const step = { kind: 'step', label: 'step 1', pointer: '/pattern/config/steps/0' } as const;
const usage = { inputTokens: 10, outputTokens: 4, totalTokens: 14 };
const at = { step, agentId: 'writer', invocation: 1 };

/** A one-step run with a retried turn and a tool call, as the runtime reports it. */
const run: RunEvent[] = [
  { type: 'run-start', elapsedMs: 0, name: 'demo', pattern: 'chain', maxParallel: 4 },
  { type: 'step-start', elapsedMs: 1, ...at },
  {
    type: 'model-request',
    elapsedMs: 2,
    ...at,
    providerId: 'openai',
    modelId: 'gpt-4o-mini',
    turn: 1,
    attempt: 1,
  },
  {
    type: 'retry',
    elapsedMs: 3,
    ...at,
    providerId: 'openai',
    attempt: 1,
    maxAttempts: 3,
    delayMs: 5,
    error: '429 slow down',
  },
  {
    type: 'model-request',
    elapsedMs: 8,
    ...at,
    providerId: 'openai',
    modelId: 'gpt-4o-mini',
    turn: 1,
    attempt: 2,
  },
  { type: 'usage', elapsedMs: 9, ...at, usage, total: usage, estimated: false, finishReason: 'tool-calls' },
  { type: 'tool-start', elapsedMs: 10, ...at, tool: 'http_get', callId: 'c1' },
  { type: 'tool-end', elapsedMs: 12, ...at, tool: 'http_get', callId: 'c1', ok: false, durationMs: 2 },
  {
    type: 'model-request',
    elapsedMs: 13,
    ...at,
    providerId: 'openai',
    modelId: 'gpt-4o-mini',
    turn: 2,
    attempt: 1,
  },
  { type: 'usage', elapsedMs: 15, ...at, usage, total: usage, estimated: false, finishReason: 'stop' },
  { type: 'step-end', elapsedMs: 16, ...at, ok: true, durationMs: 15, usage },
  { type: 'run-end', elapsedMs: 17, ok: true, usage, artifacts: [] },
];

function record(events: readonly RunEvent[]): TraceRecorder {
  const recorder = new TraceRecorder({ now: () => 1_000_000 });
  for (const event of events) recorder.onEvent(event);
  return recorder;
}

describe('TraceRecorder', () => {
  it('builds the GenAI span tree: workflow, step, agent, one chat per turn and the tool call', () => {
    const spans = record(run).spans;
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const tree = spans.map((span) => [span.name, span.parentSpanId && byId.get(span.parentSpanId)?.name]);
    expect(tree).toEqual([
      ['invoke_workflow demo', undefined],
      ['step 1', 'invoke_workflow demo'],
      ['invoke_agent writer', 'step 1'],
      ['chat gpt-4o-mini', 'invoke_agent writer'],
      ['execute_tool http_get', 'invoke_agent writer'],
      ['chat gpt-4o-mini', 'invoke_agent writer'],
    ]);
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
    expect(spans.every((span) => span.endTime !== undefined)).toBe(true);
  });

  it('puts the GenAI attributes on the chat span and the retry on it as an event', () => {
    const chat = record(run).spans[3];
    expect(chat?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.response.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 10,
      'gen_ai.usage.output_tokens': 4,
      'gen_ai.response.finish_reasons': ['tool_call'],
    });
    expect(chat?.events.map((event) => [event.name, event.attributes.attempt])).toEqual([
      ['retry_attempt', 1],
    ]);
    expect(chat?.startTime).toBe(1_000_002);
    expect(chat?.endTime).toBe(1_000_009);
  });

  it('marks a failed tool call and a failed run with an error status', () => {
    const failing = [
      ...run.slice(0, -1),
      { type: 'run-end', elapsedMs: 17, ok: false, usage, artifacts: [], error: 'boom' },
    ];
    const spans = record(failing as RunEvent[]).spans;
    expect(spans[4]?.status.code).toBe('ERROR');
    expect(spans[0]?.status).toEqual({ code: 'ERROR', message: 'boom' });
  });

  it('ends the spans a failed invocation left open with its error, and pauses become events', () => {
    const events: RunEvent[] = [
      ...run.slice(0, 3),
      { type: 'step-end', elapsedMs: 5, ...at, ok: false, durationMs: 4, usage, error: 'provider down' },
      { type: 'human-input-required', elapsedMs: 6, step, position: '/p', prompt: 'ok?' },
      { type: 'run-end', elapsedMs: 7, ok: false, usage, artifacts: [], error: 'paused' },
    ];
    const spans = record(events).spans;
    expect(spans.map((span) => span.status.code)).toEqual(['ERROR', 'ERROR', 'ERROR', 'ERROR']);
    expect(spans[3]?.status.message).toBe('provider down');
    expect(spans[0]?.events.map((event) => event.name)).toEqual(['hitl_pause']);
  });
});

describe('traceDocument', () => {
  it("writes strands-cli's shape with parent ids, evicting the oldest spans past the limit", () => {
    const spans = record(run).spans;
    const document = traceDocument(spans, { specName: 'demo', pattern: 'chain', maxSpans: 4, now: 0 });
    expect(document).toMatchObject({ spec_name: 'demo', pattern: 'chain', duration_ms: 17, span_count: 4 });
    expect(document.evicted_count).toBe(2);
    expect(document.trace_id).toBe(spans[0]?.traceId);
    expect(document.spans[0]).toMatchObject({
      name: 'invoke_agent writer',
      parent_span_id: spans[1]?.spanId,
      duration_ms: 15,
      status: { status_code: 'OK' },
    });
    expect(document.spans[0]?.start_time).toBe(new Date(1_000_001).toISOString());
  });
});
