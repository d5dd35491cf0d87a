// The run report's size and generation time for a synthetic 1000-task workflow (docs/observability.md).
// Usage: pnpm --filter @strands-cli/bench bench:report [tasks]
import { performance } from 'node:perf_hooks';
import type { RunEvent } from '@strands-cli/core';
import { TraceRecorder, traceDocument } from '@strands-cli/telemetry-otel';
import { renderRunReport } from '@strands-cli/telemetry-otel/report';

const tasks = Number(process.argv[2] ?? 1000);
const layerSize = 100;

/** A run of `count` tasks in layers of 100 (each task waits for one of the layer before), 8 at a time. */
function syntheticRun(count: number) {
  let clock = Date.parse('2026-01-01T00:00:00.000Z');
  const recorder = new TraceRecorder({ now: () => clock });
  const emit = (event: RunEvent) => recorder.onEvent(event);
  emit({ type: 'run-start', elapsedMs: 0, name: 'synthetic', pattern: 'workflow', maxParallel: 8 });
  const usage = { inputTokens: 420, outputTokens: 180 };
  const stepIo: Record<string, { input: string; output: string }> = {};
  for (let index = 0; index < count; index += 1) {
    const step = { kind: 'task', label: `task 'task-${index}'`, pointer: `/pattern/config/tasks/${index}` };
    const base = { step, agentId: index % 2 === 0 ? 'analyst' : 'writer', invocation: index + 1 };
    const start = Math.floor(index / 8) * 120;
    emit({ type: 'step-start', elapsedMs: start, ...base });
    emit({
      type: 'model-request',
      elapsedMs: start + 15,
      ...base,
      providerId: 'openai',
      modelId: 'gpt-4o-mini',
      turn: 1,
      attempt: 1,
    });
    emit({ type: 'usage', elapsedMs: start + 100, ...base, usage, total: usage, estimated: false });
    if (index % 10 === 0) {
      emit({ type: 'tool-start', elapsedMs: start + 101, ...base, tool: 'http_get', callId: 'c1' });
      emit({
        type: 'tool-end',
        elapsedMs: start + 110,
        ...base,
        tool: 'http_get',
        callId: 'c1',
        ok: true,
        durationMs: 9,
      });
    }
    emit({ type: 'step-end', elapsedMs: start + 115, ...base, ok: true, durationMs: 100, usage });
    stepIo[String(index + 1)] = {
      input: `Analyse item ${index}. `.repeat(20),
      output: `Finding ${index}. `.repeat(30),
    };
  }
  const end = Math.ceil(count / 8) * 120;
  emit({ type: 'run-end', elapsedMs: end, ok: true, usage, artifacts: [] });
  clock += end;
  const trace = traceDocument(recorder.spans, {
    specName: 'synthetic',
    pattern: 'workflow',
    maxSpans: 1e9,
    now: clock,
  });
  const nodes = Array.from({ length: count }, (_, index) => ({
    id: `task-${index}`,
    label: `task-${index}`,
  }));
  const edges = nodes.slice(layerSize).map((node, index) => ({ from: `task-${index}`, to: node.id }));
  return { trace, stepIo, graph: { nodes, edges } };
}

const input = syntheticRun(tasks);
const times: number[] = [];
let html = '';
for (let round = 0; round < 7; round += 1) {
  const started = performance.now();
  html = renderRunReport(input);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const traceBytes = Buffer.byteLength(JSON.stringify(input.trace));
const withoutIo = Buffer.byteLength(renderRunReport({ trace: input.trace, graph: input.graph }));
console.log(
  JSON.stringify(
    {
      tasks,
      spans: input.trace.span_count,
      traceJsonBytes: traceBytes,
      reportBytes: Buffer.byteLength(html),
      reportBytesWithoutIo: withoutIo,
      bars: html.match(/class="bar"/g)?.length ?? 0,
      renderMsMedian: Number(times[3]?.toFixed(1)),
      renderMsMin: Number(times[0]?.toFixed(1)),
      node: process.version,
    },
    null,
    2,
  ),
);
