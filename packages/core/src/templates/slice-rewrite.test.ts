import { describe, expect, it } from 'vitest';
import { pythonSliceFilter } from './python-slice.js';
import { rewriteSlices } from './slice-rewrite.js';

describe('rewriteSlices', () => {
  it('rewrites a slice with negative or variable bounds into the Python-exact filter', () => {
    expect(rewriteSlices('{{ word[-60:] }}')).toBe('{{ (word[:]|_strands_slice(-60, none, none))[:] }}');
    expect(rewriteSlices('{% for x in a.b(1)[::-1] %}')).toBe(
      '{% for x in (a.b(1)[:]|_strands_slice(none, none, -1))[:] %}',
    );
  });

  it('leaves slices with non-negative literal bounds, text, comments and raw blocks alone', () => {
    for (const source of [
      '{{ word[:300] }} {{ xs[1:3] }} {{ xs[::2] }}',
      'text [-1:] {# xs[-1:] #}',
      '{% raw %}{{ xs[-1:] }}{% endraw %}',
      "{{ 'xs[-1:]' }} {{ d[{'a': 1}] }}",
    ]) {
      expect(rewriteSlices(source)).toBe(source);
    }
  });

  it('wraps chained slices so each applies to the result of the one before', () => {
    expect(rewriteSlices('{{ w[-3:][::-1] }}')).toBe(
      '{{ ((w[:]|_strands_slice(-3, none, none))[:][:]|_strands_slice(none, none, -1))[:] }}',
    );
  });
});

describe('pythonSliceFilter', () => {
  it('clamps and steps as Python does, by code point', () => {
    expect(pythonSliceFilter('hello', -60, undefined, undefined)).toBe('hello');
    expect(pythonSliceFilter('hello', undefined, -60, undefined)).toBe('');
    expect(pythonSliceFilter('hello', 4, 0, -1)).toBe('olle');
    expect(pythonSliceFilter('hello', -60, undefined, -1)).toBe('');
    expect(pythonSliceFilter('a😀b', undefined, undefined, -1)).toBe('b😀a');
    expect(pythonSliceFilter([1, 2, 3, 4, 5], undefined, undefined, -2)).toEqual([5, 3, 1]);
  });

  it('returns plain data for mappings and refuses what Python refuses', () => {
    expect(pythonSliceFilter([new Map([['a', 1]])], -1, undefined, undefined)).toEqual([{ a: 1 }]);
    expect(pythonSliceFilter('abc', undefined, undefined, 0)).toBe(0);
    expect(pythonSliceFilter('abc', 1.5, undefined, undefined)).toBe(0);
    expect(pythonSliceFilter(undefined, 1, undefined, undefined)).toBe(0);
  });
});
