import { describe, expect, it } from 'vitest';
import { workflowTrace } from './__fixtures__/workflow-trace.js';
import { reportModel } from './report-model.js';

describe('reportModel', () => {
  it('reads one row per invocation with queue and model time, tokens, retries and tool calls', () => {
    const trace = workflowTrace(
      [
        { id: 'a', retry: true },
        { id: 'b', tool: true },
        { id: 'c', fail: true },
      ],
      {
        queue: 7,
      },
    );
    const { rows, summary } = reportModel(trace);
    expect(rows.map((row) => row.label)).toEqual(["task 'a'", "task 'b'", "task 'c'"]);
    const [a, b, c] = rows;
    expect(a).toMatchObject({ queueMs: 7, modelMs: 10, inputTokens: 100, outputTokens: 20, outcome: 'ok' });
    expect(a?.retries).toEqual(['429']);
    expect(b?.tools).toEqual([{ name: 'http_get', ok: true, durationMs: 4 }]);
    expect(b).toMatchObject({ invocation: 2, agent: 'worker', model: 'gpt-test', kind: 'task' });
    expect(c).toMatchObject({ outcome: 'failed', error: 'task c broke' });
    expect(summary).toMatchObject({
      name: 'fixture',
      pattern: 'workflow',
      outcome: 'failed',
      inputTokens: 300,
    });
  });

  it('still reads a trace whose oldest spans (the root among them) were evicted', () => {
    const full = workflowTrace([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const trace = { ...full, spans: full.spans.slice(4), evicted_count: 4 };
    const { rows, summary } = reportModel(trace);
    expect(rows.length).toBe(2);
    expect(summary.evicted).toBe(4);
    expect(rows[0]?.startMs).toBe(0);
  });
});
