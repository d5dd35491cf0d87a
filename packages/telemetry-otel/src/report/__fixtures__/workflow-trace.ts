import type { RunEvent } from '@strands-cli/core';
import { type TraceDocument, traceDocument } from '../../trace-document.js';
import { TraceRecorder } from '../../trace-recorder.js';

/** One task of the synthetic workflow. */
export interface FixtureTask {
  readonly id: string;
  readonly fail?: boolean;
  readonly retry?: boolean;
  readonly tool?: boolean;
}

/**
 * The trace of a workflow run whose tasks run two at a time, made by the real recorder from the
 * events the runtime emits (with a fixed clock): each task waits `queue` ms for a slot, asks the
 * model once (twice after a retry), maybe calls a tool, and ends.
 */
export function workflowTrace(
  tasks: readonly FixtureTask[],
  options: { readonly queue?: number } = {},
): TraceDocument {
  let clock = Date.parse('2026-01-02T03:04:05.000Z');
  const recorder = new TraceRecorder({ now: () => clock });
  const emit = (event: RunEvent) => recorder.onEvent(event);
  emit({ type: 'run-start', elapsedMs: 0, name: 'fixture', pattern: 'workflow', maxParallel: 2 });
  const usage = { inputTokens: 100, outputTokens: 20 };
  let at = 0;
  tasks.forEach((task, index) => {
    const step = { kind: 'task', label: `task '${task.id}'`, pointer: `/pattern/config/tasks/${index}` };
    const base = { step, agentId: 'worker', invocation: index + 1 };
    const start = at;
    const request = start + (options.queue ?? 5);
    emit({ type: 'step-start', elapsedMs: start, ...base, input: `input of ${task.id}` });
    const model = { providerId: 'openai', modelId: 'gpt-test', turn: 1 };
    emit({ type: 'model-request', elapsedMs: request, ...base, ...model, attempt: 1 });
    if (task.retry) {
      emit({
        type: 'retry',
        elapsedMs: request + 2,
        ...base,
        providerId: 'openai',
        attempt: 1,
        maxAttempts: 3,
        delayMs: 1,
        error: '429',
      });
      emit({ type: 'model-request', elapsedMs: request + 3, ...base, ...model, attempt: 2 });
    }
    if (task.fail) {
      emit({
        type: 'step-end',
        elapsedMs: request + 10,
        ...base,
        ok: false,
        durationMs: 10,
        usage: { inputTokens: 0, outputTokens: 0 },
        error: `task ${task.id} broke`,
      });
    } else {
      emit({ type: 'usage', elapsedMs: request + 10, ...base, usage, total: usage, estimated: false });
      if (task.tool) {
        emit({ type: 'tool-start', elapsedMs: request + 11, ...base, tool: 'http_get', callId: 'c1' });
        emit({
          type: 'tool-end',
          elapsedMs: request + 15,
          ...base,
          tool: 'http_get',
          callId: 'c1',
          ok: true,
          durationMs: 4,
        });
      }
      emit({
        type: 'step-end',
        elapsedMs: request + 20,
        ...base,
        ok: true,
        durationMs: 20,
        usage,
        output: `output of ${task.id}`,
      });
    }
    at += index % 2 === 1 ? 25 : 0;
  });
  const end = at + 40;
  const failed = tasks.some((task) => task.fail);
  emit({
    type: 'run-end',
    elapsedMs: end,
    ok: !failed,
    usage: { inputTokens: 100 * tasks.length, outputTokens: 20 * tasks.length },
    artifacts: [],
    ...(failed ? { error: 'a task failed' } : {}),
  });
  clock += end;
  return traceDocument(recorder.spans, {
    specName: 'fixture',
    pattern: 'workflow',
    maxSpans: 100_000,
    now: clock,
  });
}
