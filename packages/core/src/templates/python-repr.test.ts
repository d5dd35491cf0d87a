import { describe, expect, it } from 'vitest';
import { pythonNumber, pythonPrintFilter, pythonStringRepr, rewriteOutputTag } from './python-repr.js';
import { renderTemplate } from './render.js';

describe('pythonPrintFilter', () => {
  it('prints booleans, none, lists and mappings as Python str() does', () => {
    expect(pythonPrintFilter(true)).toBe('True');
    expect(pythonPrintFilter(false)).toBe('False');
    expect(pythonPrintFilter(null)).toBe('None');
    expect(pythonPrintFilter(['a', 1, 2.5, null, [true]])).toBe("['a', 1, 2.5, None, [True]]");
    expect(
      pythonPrintFilter(
        new Map<string, unknown>([
          ['k', 'v'],
          ['n', new Map([['x', false]])],
        ]),
      ),
    ).toBe("{'k': 'v', 'n': {'x': False}}");
    expect(pythonPrintFilter([])).toBe('[]');
    expect(pythonPrintFilter(new Map())).toBe('{}');
  });

  it('prints a number as an int, or as a float when the engine says it is one', () => {
    expect(pythonPrintFilter(3, false)).toBe('3');
    expect(pythonPrintFilter(3, true)).toBe('3.0');
  });

  it('never throws, whatever it is given', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(pythonPrintFilter(hostile)).toBe('');
  });
});

describe('pythonNumber', () => {
  it.each([
    [1, false, '1'],
    [1, true, '1.0'],
    [-0, true, '-0.0'],
    [0.1 + 0.2, true, '0.30000000000000004'],
    [1e-5, true, '1e-05'],
    [0.0001, true, '0.0001'],
    [1.5e-7, true, '1.5e-07'],
    [1e16, true, '1e+16'],
    [1234567890123456, true, '1234567890123456.0'],
    [2 ** 60, false, '1152921504606846976'],
    [Number.NaN, true, 'nan'],
    [Number.NEGATIVE_INFINITY, true, '-inf'],
  ])('prints %d (float: %s) as %s', (value, float, expected) => {
    expect(pythonNumber(value, float)).toBe(expected);
  });
});

describe('pythonStringRepr', () => {
  it('quotes and escapes as Python repr does', () => {
    expect(pythonStringRepr('a')).toBe("'a'");
    expect(pythonStringRepr("it's")).toBe('"it\'s"');
    expect(pythonStringRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pythonStringRepr('a\\b\n\t\r\u0007é')).toBe("'a\\\\b\\n\\t\\r\\x07é'");
  });
});

describe('rewriteOutputTag', () => {
  it('keeps whitespace control on the outside of the rewritten tag', () => {
    const rewritten = rewriteOutputTag('- flag -');
    expect(rewritten.startsWith('{%- set ')).toBe(true);
    expect(rewritten.endsWith('-}}')).toBe(true);
    expect(renderTemplate('a  {{- flag -}}  b', { flag: false })).toBe('aFalseb');
  });

  it('leaves an empty tag for the engine to refuse', () => {
    expect(rewriteOutputTag(' ')).toBe('{{ }}');
    expect(() => renderTemplate('{{ }}{% if x %}{% endif %}', { x: 1 })).toThrow();
  });

  it('evaluates the printed expression once and keeps undefined names errors', () => {
    expect(renderTemplate('{{ 2 > 1 }} {{ [1, "a"] }} {{ 7 / 2 }} {{ 6 }}', {})).toBe("True [1, 'a'] 3.5 6");
    expect(() => renderTemplate('{{ missing }}{% if 1 %}{% endif %}', {})).toThrow(/'missing' is undefined/);
  });
});
