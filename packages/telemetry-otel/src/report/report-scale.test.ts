import { describe, expect, it } from 'vitest';
import { workflowTrace } from './__fixtures__/workflow-trace.js';
import { renderRunReport } from './render-report.js';

describe('the report of a 1000-task run', () => {
  it('has 1000 bars and graph nodes and stays within 2 MB (sizes only; the time is in bench/)', () => {
    const tasks = Array.from({ length: 1000 }, (_, index) => ({
      id: `task-${index}`,
      tool: index % 10 === 0,
    }));
    const nodes = tasks.map((task) => ({ id: task.id, label: task.id }));
    const edges = nodes.slice(100).map((node, index) => ({ from: `task-${index}`, to: node.id }));
    const stepIo = Object.fromEntries(
      tasks.map((task, index) => [
        String(index + 1),
        { input: `in ${task.id} `.repeat(20), output: `out ${task.id} `.repeat(30) },
      ]),
    );
    const html = renderRunReport({ trace: workflowTrace(tasks), graph: { nodes, edges }, stepIo });
    expect(html.match(/class="bar"/g)?.length).toBe(1000);
    expect(html.match(/<g class="node outcome-ok"/g)?.length).toBe(1000);
    expect(html.match(/class="edge"/g)?.length).toBe(900);
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
  });
});
