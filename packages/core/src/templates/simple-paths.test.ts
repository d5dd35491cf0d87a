import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render.js';
import { renderSimplePaths } from './simple-paths.js';

const context = {
  topic: 'ai agents',
  empty: '',
  unicode: 'Café — 東京 👋',
  multiline: 'line one\nline two\n',
  steps: [{ response: 'first' }, { response: 'second', extra: { deep: 'x' } }],
  tasks: { fetch: { response: 'fetched' }, 'with-dash': { response: 'dashed' } },
  count: 3,
  flag: true,
  nothing: null,
  list: ['a', 'b'],
};

/** The engine's own output: a comment tag sends any template past the fast path. */
function engineRender(source: string): string {
  return renderTemplate(`{# engine #}${source}`, context);
}

describe('renderSimplePaths', () => {
  it.each([
    'plain text without tags',
    '{{ topic }}',
    '{{topic}}',
    '{{\n  topic\n}}',
    'Research {{ topic }} now.',
    '{{ topic }}{{ topic }}',
    '{{ steps[0].response }} then {{ steps[1].response }}',
    '{{ steps[1].extra.deep }}',
    '{{ tasks.fetch.response }}',
    '{{ list[1] }}',
    '{{ empty }}|',
    '{{ unicode }}',
    '{{ multiline }}',
    'trailing newline {{ topic }}\n',
    'windows\r\nline {{ topic }}\r\n',
    'braces { and } and }} stay {{ topic }}}',
    '{{ flag }} and {{ nothing }}',
  ])('renders %j exactly as the engine does', (source) => {
    const fast = renderSimplePaths(source, context);
    expect(fast).toBeDefined();
    expect(renderTemplate(source, context)).toBe(engineRender(source));
  });

  it.each([
    ['a filter', '{{ topic | upper }}'],
    ['a statement', '{% if flag %}yes{% endif %}'],
    ['a comment', '{# note #}{{ topic }}'],
    ['a number', '{{ count }}'],
    ['a list', '{{ list }}'],
    ['a mapping', '{{ steps[0] }}'],
    ['a literal', '{{ "text" }}'],
    ['a keyword', '{{ true }}'],
    ['a negative index', '{{ list[-1] }}'],
    ['a quoted key', "{{ tasks['with-dash'].response }}"],
    ['an undefined name', '{{ missing }}'],
    ['an undefined member', '{{ tasks.nope.response }}'],
    ['an index past the end', '{{ list[5] }}'],
    ['a member of a list', '{{ list.length }}'],
    ['a member of a string', '{{ topic.upper }}'],
    ['a prototype member', '{{ steps[0].constructor }}'],
    ['a dunder name', '{{ __class__ }}'],
    ['whitespace control', '{{- topic }}'],
    ['an unclosed tag', '{{ topic }'],
    ['an expression', '{{ topic ~ topic }}'],
  ])('leaves %s to the engine', (_, source) => {
    expect(renderSimplePaths(source, context)).toBeUndefined();
  });

  it('reads only own enumerable members, never functions', () => {
    const holder = Object.create({ inherited: 'from prototype' }) as Record<string, unknown>;
    holder.own = 'own';
    Object.defineProperty(holder, 'hidden', { value: 'not enumerable', enumerable: false });
    holder.method = () => 'called';
    const scope = { holder };
    expect(renderSimplePaths('{{ holder.own }}', scope)).toBe('own');
    expect(renderSimplePaths('{{ holder.inherited }}', scope)).toBeUndefined();
    expect(renderSimplePaths('{{ holder.hidden }}', scope)).toBeUndefined();
    expect(renderSimplePaths('{{ holder.method }}', scope)).toBeUndefined();
  });

  it('prints booleans and none as Python does, like the engine', () => {
    expect(renderSimplePaths('{{ flag }} {{ nothing }}', context)).toBe('True None');
    expect(engineRender('{{ flag }} {{ nothing }}')).toBe('True None');
  });

  it('keeps the engine errors for names it cannot resolve', () => {
    expect(() => renderTemplate('{{ tasks.nope.response }}', context)).toThrow(/undefined/);
  });
});
