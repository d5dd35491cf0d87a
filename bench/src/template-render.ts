/**
 * Render time of typical templates, and what the slice rewrite (Python slice semantics) adds to it.
 * Run: node --import tsx bench/src/template-render.ts
 */
import { renderTemplate } from '@strands-cli/core';

const context = {
  topic: 'ai agents',
  steps: Array.from({ length: 5 }, (_, index) => ({ response: `answer ${index} `.repeat(50) })),
  tasks: { fetch: { response: 'Score: 91' } },
};

const templates = {
  'substitution (fast path)': 'Research {{ topic }} using {{ steps[0].response }}',
  'filters and a loop':
    '{% for s in steps %}{{ loop.index }}. {{ s.response | truncate(80) }}\n{% endfor %}{{ topic | title }}',
  'head slice (left to the engine)': '{{ steps[-1].response[:100] }}',
  'negative slice (rewritten)': '{{ steps[-1].response[-60:] }} {{ topic[::-1] }}',
};

function measure(template: string, rounds: number): number {
  renderTemplate(template, context);
  const start = process.hrtime.bigint();
  for (let round = 0; round < rounds; round += 1) renderTemplate(template, context);
  return Number(process.hrtime.bigint() - start) / rounds / 1000;
}

for (const [name, template] of Object.entries(templates)) {
  console.log(`${name.padEnd(34)} ${measure(template, 5000).toFixed(1)} µs/render`);
}
