import type { RunEvent } from '@strands-cli/core';
import { describe, expect, it } from 'vitest';
import type { SpanRecord } from './span-record.js';
import { TraceRecorder } from './trace-recorder.js';

type StepRef = Extract<RunEvent, { type: 'step-start' }>['step'];
const usage = { inputTokens: 1, outputTokens: 1, totalTokens: 2 };
let clock = 0;

function invocation(invocationNumber: number, step: StepRef, ok = true): [RunEvent, RunEvent] {
  const base = { step, agentId: 'a', invocation: invocationNumber };
  return [
    { type: 'step-start', elapsedMs: ++clock, ...base },
    { type: 'step-end', elapsedMs: ++clock, ...base, ok, durationMs: 1, usage },
  ];
}

function record(pattern: string, events: RunEvent[]): TraceRecorder {
  const recorder = new TraceRecorder();
  recorder.onEvent({ type: 'run-start', elapsedMs: 0, name: 'demo', pattern, maxParallel: 4 });
  for (const event of events) recorder.onEvent(event);
  recorder.onEvent({ type: 'run-end', elapsedMs: ++clock, ok: true, usage, artifacts: [] });
  return recorder;
}

/** Each span's name → its parent's name. */
function tree(spans: readonly SpanRecord[]): Record<string, string | null> {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const entries = spans
    .filter((span) => !span.name.startsWith('invoke_agent'))
    .map((span) => [span.name, span.parentSpanId ? (byId.get(span.parentSpanId)?.name ?? '?') : null]);
  return Object.fromEntries(entries);
}

const branchStep = (branch: number, id: string, index: number): StepRef => ({
  kind: 'branch-step',
  label: `branch '${id}' step ${index + 1}`,
  pointer: `/pattern/config/branches/${branch}/steps/${index}`,
});

describe('TraceRecorder span grouping', () => {
  it('nests parallel branch steps under their branch, interleaved, and the reduce under the root', () => {
    const [a1s, a1e] = invocation(1, branchStep(0, 'web', 0));
    const [b1s, b1e] = invocation(2, branchStep(1, 'docs', 0));
    const [a2s, a2e] = invocation(3, branchStep(0, 'web', 1));
    const [b2s, b2e] = invocation(4, branchStep(1, 'docs', 1));
    const reduce = invocation(5, { kind: 'reduce', label: 'reduce', pointer: '/pattern/config/reduce' });
    const recorder = record('parallel', [a1s, b1s, a1e, a2s, b1e, b2s, a2e, b2e, ...reduce]);
    expect(tree(recorder.spans)).toEqual({
      'invoke_workflow demo': null,
      'branch web': 'invoke_workflow demo',
      'branch docs': 'invoke_workflow demo',
      "branch 'web' step 1": 'branch web',
      "branch 'web' step 2": 'branch web',
      "branch 'docs' step 1": 'branch docs',
      "branch 'docs' step 2": 'branch docs',
      reduce: 'invoke_workflow demo',
    });
    const web = recorder.spans.find((span) => span.name === 'branch web');
    const webLast = recorder.spans.find((span) => span.name === "branch 'web' step 2");
    expect(web?.endTime).toBe(webLast?.endTime);
    expect(web?.status.code).toBe('OK');
  });

  it('groups evaluator-optimizer iterations and closes each when the next begins', () => {
    const pointer = '/pattern/config/evaluator';
    const recorder = record('evaluator_optimizer', [
      ...invocation(1, { kind: 'producer', label: 'iteration 1 producer', pointer: '/p', occurrence: 1 }),
      ...invocation(2, { kind: 'evaluator', label: 'iteration 1 evaluator', pointer, occurrence: 1 }),
      ...invocation(3, {
        kind: 'evaluator',
        label: 'iteration 1 evaluator retry',
        pointer,
        occurrence: '1/retry',
      }),
      ...invocation(4, {
        kind: 'producer',
        label: 'iteration 2 producer (revision)',
        pointer: '/p',
        occurrence: 2,
      }),
    ]);
    expect(tree(recorder.spans)).toMatchObject({
      'iteration 1': 'invoke_workflow demo',
      'iteration 1 producer': 'iteration 1',
      'iteration 1 evaluator retry': 'iteration 1',
      'iteration 2 producer (revision)': 'iteration 2',
    });
    const first = recorder.spans.find((span) => span.name === 'iteration 1');
    const second = recorder.spans.find((span) => span.name === 'iteration 2');
    expect(first?.endTime).toBeLessThanOrEqual(second?.startTime ?? 0);
  });

  it('groups orchestrator rounds with their workers, and graph node visits under their node', () => {
    const workers = record('orchestrator_workers', [
      ...invocation(1, {
        kind: 'orchestrator',
        label: 'orchestrator round 1',
        pointer: '/o',
        occurrence: '1/1',
      }),
      ...invocation(2, { kind: 'worker', label: 'worker 1 of round 1', pointer: '/w', occurrence: '1:0' }),
      ...invocation(3, { kind: 'worker', label: 'worker 2 of round 1', pointer: '/w', occurrence: '1:1' }),
    ]);
    expect(tree(workers.spans)).toMatchObject({
      'round 1': 'invoke_workflow demo',
      'orchestrator round 1': 'round 1',
      'worker 2 of round 1': 'round 1',
    });
    const graph = record('graph', [
      ...invocation(1, { kind: 'node', label: "node 'draft'", pointer: '/n/draft', occurrence: 1 }),
      ...invocation(2, { kind: 'node', label: "node 'review'", pointer: '/n/review', occurrence: 1 }, false),
      ...invocation(3, { kind: 'node', label: "node 'draft'", pointer: '/n/draft', occurrence: 2 }),
    ]);
    const draft = graph.spans.filter((span) => span.name === 'node draft');
    expect(draft).toHaveLength(1);
    expect(graph.spans.filter((span) => span.parentSpanId === draft[0]?.spanId)).toHaveLength(2);
    expect(graph.spans.find((span) => span.name === 'node review')?.status.code).toBe('ERROR');
  });

  it('leaves chain steps directly under the root', () => {
    const recorder = record('chain', invocation(1, { kind: 'step', label: 'step 1', pointer: '/s/0' }));
    expect(tree(recorder.spans)).toEqual({ 'invoke_workflow demo': null, 'step 1': 'invoke_workflow demo' });
  });
});
