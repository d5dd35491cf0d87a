import { describe, expect, it } from 'vitest';
import { narrowForRender } from './prune-context.js';
import { renderTemplate } from './render.js';

const steps = Array.from({ length: 5 }, (_, index) => ({ response: `r${index}` }));
const tasks = { fetch: { response: 'F' }, parse: { response: 'P' }, other: { response: 'O' } };
const context = { steps, tasks, topic: 'kelp', unused: 'x' };

describe('narrowForRender', () => {
  it('drops names the template never writes in a tag, even when text or strings mention them', () => {
    expect(Object.keys(narrowForRender('About unused: {{ topic }}', context).context)).toEqual(['topic']);
    expect(narrowForRender('no tags at all, steps and tasks', context).context).toEqual({});
    expect(Object.keys(narrowForRender("{{ 'steps[1]' ~ topic }}", context).context)).toEqual(['topic']);
  });

  it('keeps only the items of a sequence read by literal indices, and points the indices at them', () => {
    const narrowed = narrowForRender(
      '{{ steps[3].response }} {{ steps[-1].response }} {{ steps[3] }}',
      context,
    );
    expect(narrowed.context.steps).toEqual([{ response: 'r3' }, { response: 'r4' }]);
    expect(narrowed.source).toBe('{{ steps[0].response }} {{ steps[1].response }} {{ steps[0] }}');
  });

  it('points an index out of range past the end of the kept items', () => {
    const narrowed = narrowForRender('{{ steps[1] }}{{ steps[9] }}', context);
    expect(narrowed.context.steps).toEqual([{ response: 'r1' }]);
    expect(narrowed.source).toBe('{{ steps[0] }}{{ steps[1] }}');
  });

  it('keeps only the literal keys of a mapping', () => {
    const narrowed = narrowForRender("{{ tasks.fetch.response }} {{ tasks['parse'].response }}", context);
    expect(narrowed.context.tasks).toEqual({ fetch: { response: 'F' }, parse: { response: 'P' } });
  });

  it('keeps a value whole when any use of it is not a literal subscript', () => {
    const cases: Array<[string, 'steps' | 'tasks']> = [
      ['{{ steps[0].response }} {{ steps | length }}', 'steps'],
      ['{% for step in steps %}{{ step.response }}{% endfor %}', 'steps'],
      ['{{ steps[i] }}', 'steps'],
      ['{{ tasks.items() }}', 'tasks'],
      ['{{ steps[0:2] }}', 'steps'],
    ];
    for (const [template, name] of cases) {
      const narrowed = narrowForRender(template, context);
      expect(narrowed.context[name]).toBe(context[name]);
      expect(narrowed.source).toBe(template);
    }
  });

  it('reads through strings that contain a closing brace and skips comments', () => {
    expect(Object.keys(narrowForRender('{{ "}}" ~ topic }}{# steps #}', context).context)).toEqual(['topic']);
  });

  it('leaves debug() and raw blocks alone', () => {
    for (const template of ['{{ debug() }}', '{% raw %}{{ steps[3] }}{% endraw %}{{ steps[1] }}']) {
      expect(narrowForRender(template, context)).toEqual({ source: template, context, changed: false });
    }
  });
});

describe('renderTemplate with a narrowed render', () => {
  it('renders exactly as with the whole context', () => {
    const cases: Array<[string, string]> = [
      ['{{ steps[1].response }}/{{ steps[-1].response }}/{{ steps[1].response }}', 'r1/r4/r1'],
      ['{{ tasks.fetch.response }}{{ tasks["parse"].response }}', 'FP'],
      ['{{ steps | length }} {{ steps[0].response }}', '5 r0'],
      ['{% for key, value in tasks.items() %}{{ key }}{% endfor %}', 'fetchotherparse'],
      ["{{ topic | title }} {{ 'steps[2]' }}", 'Kelp steps[2]'],
      ['{% raw %}{{ steps[3] }}{% endraw %}{{ steps[1].response }}', '{{ steps[3] }}r1'],
      ['{% if steps[2] %}{{ steps[2].response }}{% endif %}', 'r2'],
    ];
    for (const [template, expected] of cases) expect(renderTemplate(template, context)).toBe(expected);
  });

  it('fails as before on an index out of range and on a missing key, naming the original expression', () => {
    expect(() => renderTemplate('{{ steps[7].response }}', context)).toThrow(
      /\[7\]\.response' is undefined \(template line 1, column 9\)/,
    );
    // `steps[-1]` is rewritten to `steps[0]`: the column still refers to the template as written.
    expect(() => renderTemplate('{{ steps[-1].response }} {{ tasks.missing.response }}', context)).toThrow(
      "'.missing.response' is undefined (template line 1, column 34)",
    );
    expect(() => renderTemplate('{{ unknown_name }}', context)).toThrow(/undefined/);
  });

  it('costs the same at step 1000: only the items read cross into the engine', () => {
    const long = Array.from({ length: 1000 }, (_, index) => ({ response: `r${index}` }));
    const narrowed = narrowForRender('After {{ steps[998].response }}', { steps: long });
    expect(narrowed.context.steps).toEqual([{ response: 'r998' }]);
    expect(renderTemplate('After {{ steps[998].response }}', { steps: long })).toBe('After r998');
  });
});
