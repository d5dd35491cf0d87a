import { describe, expect, it } from 'vitest';
import { workflowTrace } from './__fixtures__/workflow-trace.js';
import { renderRunReport } from './render-report.js';
import { isTraceDocument } from './trace-shape.js';

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('renderRunReport', () => {
  it('draws one bar per invocation, marks the failed one and keeps every I/O section closed', () => {
    const tasks = Array.from({ length: 20 }, (_, index) => ({ id: `t${index}`, fail: index === 7 }));
    const html = renderRunReport({ trace: workflowTrace(tasks) });
    expect(count(html, /class="bar"/g)).toBe(20);
    expect(html).toContain('data-task="t7" data-outcome="failed"');
    expect(count(html, /<details class="io/g)).toBe(20);
    expect(html).not.toMatch(/<details[^>]*\bopen\b/);
    expect(count(html, /class="node outcome-failed"/g)).toBe(1);
  });

  it('is self-contained: a policy that forbids every load, and no URL to fetch', () => {
    const html = renderRunReport({ trace: workflowTrace([{ id: 'a' }]) });
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<link|@import|url\(http/);
  });

  it('escapes hostile model output, redacts it and cuts very long text with a note', () => {
    const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)> sk-secret-value';
    const html = renderRunReport(
      {
        trace: workflowTrace([{ id: 'a' }, { id: 'b' }]),
        stepIo: { '1': { input: hostile, output: 'x'.repeat(500) }, '2': { output: 'fine' } },
        redact: (text) => text.replaceAll('sk-secret-value', '[REDACTED]'),
      },
      { maxTextChars: 100 },
    );
    expect(count(html, /<script>/g)).toBe(1);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
    expect(html).not.toContain('sk-secret-value');
    expect(html).toContain('[REDACTED]');
    expect(html).toContain('400 more characters not shown');
    expect(html).toContain('<pre class="text">fine</pre>');
  });

  it('lays the plan graph out by dependency and colours nodes by outcome, loops included', () => {
    const html = renderRunReport({
      trace: workflowTrace([{ id: 'a' }, { id: 'b', fail: true }]),
      graph: {
        nodes: [
          { id: 'a', label: 'a (worker)' },
          { id: 'b', label: 'b (worker)' },
          { id: 'c', label: 'c (worker)', shape: 'diamond' },
        ],
        edges: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
          { from: 'c', to: 'a', label: 'again' },
        ],
      },
    });
    expect(html).toContain('data-node="a" data-outcome="ok"');
    expect(html).toContain('data-node="b" data-outcome="failed"');
    expect(html).toContain('data-node="c" data-outcome="not-run"');
    expect(count(html, /class="edge"/g)).toBe(2);
    expect(count(html, /class="edge loop"/g)).toBe(1);
    expect(html).toContain('<polygon');
  });

  it('recognises trace documents and refuses other JSON', () => {
    expect(isTraceDocument(workflowTrace([{ id: 'a' }]))).toBe(true);
    expect(isTraceDocument({ name: 'package', version: '1.0.0' })).toBe(false);
    expect(isTraceDocument({ spec_name: 'x', pattern: 'chain', spans: [{ name: 1 }] })).toBe(false);
  });

  it('matches invocations to plan nodes by their only agent, and still draws those no node accounts for', () => {
    const html = renderRunReport({
      trace: workflowTrace([{ id: 'a' }, { id: 'b' }]),
      graph: {
        nodes: [
          { id: 'producer', label: 'produce (worker)', agentId: 'worker' },
          { id: 'review', label: 'review', shape: 'round' },
        ],
        edges: [{ from: 'producer', to: 'review' }],
      },
    });
    expect(html).toContain('data-node="producer" data-outcome="ok"');
    expect(html).toContain('×2');
    expect(html).toContain('data-node="review" data-outcome="not-run"');
    const unplanned = renderRunReport({
      trace: workflowTrace([{ id: 'a' }, { id: 'b', fail: true }]),
      graph: { nodes: [{ id: 'elsewhere', label: 'elsewhere' }], edges: [] },
    });
    expect(unplanned).toContain('data-node="elsewhere" data-outcome="not-run"');
    expect(unplanned).toContain('data-node="/pattern/config/tasks/0" data-outcome="ok"');
    expect(unplanned).toContain('data-node="/pattern/config/tasks/1" data-outcome="failed"');
  });
});
