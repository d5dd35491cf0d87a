import { describe, expect, it } from 'vitest';
import { renderMermaid } from './render-mermaid.js';

describe('renderMermaid', () => {
  it('escapes quotes, pipes, brackets and braces in edge labels so a condition cannot break the chart', () => {
    const chart = renderMermaid(
      [
        { id: 'review', label: 'review (critic)', shape: 'box' },
        { id: 'done', label: 'done [final]', shape: 'round' },
      ],
      [{ from: 'review', to: 'done', label: `{{ "ok" in nodes.review.response or 'a|b' < x }}` }],
    );
    expect(chart).toBe(
      [
        'flowchart TD',
        '  n0["review (critic)"]',
        '  n1(["done #91;final#93;"])',
        '  n0 -->|"#123;#123; #quot;ok#quot; in nodes.review.response or \'a#124;b\' #lt; x #125;#125;"| n1',
        '',
      ].join('\n'),
    );
  });

  it('keeps an existing entity-like text literal by escaping its hash', () => {
    expect(renderMermaid([{ id: 'a', label: 'x #quot; y' }], [])).toContain('n0["x #35;quot; y"]');
  });
});
