import { describe, expect, it } from 'vitest';
import { pruneContext } from './prune-context.js';
import { renderTemplate } from './render.js';

const steps = Array.from({ length: 5 }, (_, index) => ({ response: `r${index}` }));
const tasks = { fetch: { response: 'F' }, parse: { response: 'P' }, other: { response: 'O' } };
const context = { steps, tasks, topic: 'kelp', unused: 'x' };

describe('pruneContext', () => {
  it('drops names the template never writes in a tag, even when plain text mentions them', () => {
    expect(Object.keys(pruneContext('About unused: {{ topic }}', context))).toEqual(['topic']);
    expect(pruneContext('no tags at all, steps and tasks', context)).toEqual({});
  });

  it('keeps only the literal indices of a sequence, with its length', () => {
    const pruned = pruneContext('{{ steps[1].response }} {{ steps[-1].response }}', context);
    expect(pruned.steps).toEqual([null, { response: 'r1' }, null, null, { response: 'r4' }]);
  });

  it('keeps only the literal keys of a mapping', () => {
    const pruned = pruneContext("{{ tasks.fetch.response }} {{ tasks['parse'].response }}", context);
    expect(pruned.tasks).toEqual({ fetch: { response: 'F' }, parse: { response: 'P' } });
  });

  it('keeps a value whole when any use of it is not a literal subscript', () => {
    for (const template of [
      '{{ steps[0].response }} {{ steps | length }}',
      '{% for step in steps %}{{ step.response }}{% endfor %}',
      '{{ steps[i] }}',
      '{{ tasks.items() }}',
      '{{ steps[0:2] }}',
    ]) {
      expect(pruneContext(template, context).steps ?? pruneContext(template, context).tasks).toBe(
        template.includes('tasks') ? tasks : steps,
      );
    }
  });

  it('reads through strings that contain a closing brace and skips comments', () => {
    expect(Object.keys(pruneContext('{{ "}}" ~ topic }}{# steps #}', context))).toEqual(['topic']);
  });

  it('gives debug() the whole context', () => {
    expect(pruneContext('{{ debug() }}', context)).toBe(context);
  });
});

describe('renderTemplate with a pruned context', () => {
  it('renders exactly as with the whole context', () => {
    const cases: Array<[string, string]> = [
      ['{{ steps[1].response }}/{{ steps[-1].response }}', 'r1/r4'],
      ['{{ tasks.fetch.response }}{{ tasks["parse"].response }}', 'FP'],
      ['{{ steps | length }} {{ steps[0].response }}', '5 r0'],
      ['{% for key, value in tasks.items() %}{{ key }}{% endfor %}', 'fetchotherparse'],
      ['{{ topic | title }}', 'Kelp'],
    ];
    for (const [template, expected] of cases) expect(renderTemplate(template, context)).toBe(expected);
  });

  it('still fails on an index out of range and on a missing key', () => {
    expect(() => renderTemplate('{{ steps[7].response }}', context)).toThrow(/undefined/);
    expect(() => renderTemplate('{{ tasks.missing.response }}', context)).toThrow(/undefined/);
    expect(() => renderTemplate('{{ unknown_name }}', context)).toThrow(/undefined/);
  });
});
