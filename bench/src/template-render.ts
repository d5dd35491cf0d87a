/**
 * Render time of typical templates, and what the rewrites for Jinja2 semantics (Python slices,
 * values printed as Python prints them) add to it.
 * Run: node --import tsx bench/src/template-render.ts
 */
import { renderTemplate } from '@strands-cli/core';

const context = {
  topic: 'ai agents',
  steps: Array.from({ length: 5 }, (_, index) => ({ response: `answer ${index} `.repeat(50) })),
  tasks: { fetch: { response: 'Score: 91' } },
  flag: true,
};

const templates = {
  'substitution (fast path)': 'Research {{ topic }} using {{ steps[0].response }}',
  'filters and a loop':
    '{% for s in steps %}{{ loop.index }}. {{ s.response | truncate(80) }}\n{% endfor %}{{ topic | title }}',
  'head slice (left to the engine)': '{{ steps[-1].response[:100] }}',
  'negative slice (rewritten)': '{{ steps[-1].response[-60:] }} {{ topic[::-1] }}',
  'boolean (fast path)': 'Approved: {{ flag }}',
  'membership test printed': "{{ 'score: 9' in tasks.fetch.response.lower() }}",
  'list printed': "{{ topic.split(' ') }}",
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
