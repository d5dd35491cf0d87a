import { describe, expect, it } from 'vitest';
import { TemplateError } from '../spec/v1/errors.js';
import { renderTemplate } from './render.js';

describe('renderTemplate', () => {
  it('renders variables, loops and the strands-cli filters', () => {
    const out = renderTemplate(
      '{{ topic | title }}: {% for s in steps %}{{ s.response | truncate(8) }};{% endfor %}',
      {
        topic: 'ai agents',
        steps: [{ response: 'short' }, { response: 'a much longer text' }],
      },
    );
    expect(out).toBe('Ai Agents: short;a muc...;');
  });

  it('supports negative indexes, tojson and regex_search', () => {
    expect(renderTemplate('{{ xs[-1] }}', { xs: [1, 2, 3] })).toBe('3');
    expect(renderTemplate('{{ d | tojson }}', { d: { k: 'é' } })).toBe('{"k": "é"}');
    expect(renderTemplate("{{ t | regex_search('score: (\\d+)') }}", { t: 'Score: 42' })).toBe('42');
  });

  it('slices as Python does, around comments and stray braces', () => {
    expect(renderTemplate('a {# c #}{ {{ w[-60:] }} {{ w[::-1] }}', { w: 'hello' })).toBe('a { hello olleh');
    expect(() => renderTemplate('{{ missing[-3:] }}', {})).toThrow(
      /'missing\[-3:\]' is undefined \(template line 1, column 4\)/,
    );
  });

  it('fails on undefined names and names the location', () => {
    expect(() =>
      renderTemplate('{{ missing }}', {}, { pointer: '/pattern/config/steps/0/input', line: 3, column: 5 }),
    ).toThrow(/3:5 \/pattern\/config\/steps\/0\/input: .*missing|undefined/);
  });

  it('cannot reach JavaScript objects', () => {
    expect(() => renderTemplate("{{ ''.constructor.constructor('return process')() }}", {})).toThrow();
  });

  it('says that Python internals are not available, never that they are undefined inputs', () => {
    for (const [template, expression, name] of [
      ["{{ ''.__class__ }}", "''.__class__", '__class__'],
      ['{{ topic.__dict__ }}', 'topic.__dict__', '__dict__'],
      ["{{ topic['__globals__'] }}", "topic['__globals__']", '__globals__'],
      ['{{ __builtins__ }}', '__builtins__', '__builtins__'],
    ] as const) {
      const error = (() => {
        try {
          renderTemplate(template, { topic: { a: 1 } }, { pointer: '/p' });
        } catch (caught) {
          return caught as TemplateError;
        }
        throw new Error(`${template} rendered`);
      })();
      expect(error).toBeInstanceOf(TemplateError);
      expect(error.message).toBe(
        `/p: \`${expression}\` is not available: the template sandbox does not expose Python internals such as ${name} (template line 1, column 4)`,
      );
      expect(error.hint).toMatch(/^Remove the __\.\.\.__ name/);
    }
    // A plain undefined name keeps its own message and hint.
    expect(() => renderTemplate('{{ topic._private }}', { topic: {} })).toThrow(
      /'topic._private' is undefined/,
    );
  });

  it('stops runaway loops', () => {
    expect(() =>
      renderTemplate('{% for a in range(10000) %}{% for b in range(10000) %}x{% endfor %}{% endfor %}', {}),
    ).toThrow(/too long|fuel|range/);
  });

  it('refuses an output too large for the engine, and keeps rendering afterwards', () => {
    // Ten billion characters: the engine traps at once (capacity overflow) instead of allocating.
    expect(() => renderTemplate('{{ "xxxxxxxxxx" * 1000000000 }}', {})).toThrow(/too large/);
    expect(renderTemplate('{{ 1 + 1 }}', {})).toBe('2');
  });

  it('strips control characters and normalises to NFC', () => {
    expect(renderTemplate('a\u0007b{{ x }}', { x: 'e\u0301' })).toBe('ab\u00e9');
  });
});
