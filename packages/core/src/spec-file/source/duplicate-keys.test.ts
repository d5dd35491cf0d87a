import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { duplicateKeyErrors } from './duplicate-keys.js';

function errorsOf(text: string) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  return duplicateKeyErrors(document, lineCounter);
}

describe('duplicateKeyErrors', () => {
  it('reports every repeated key at its position, in block and flow mappings', () => {
    const errors = errorsOf('a: 1\nb: {x: 1, x: 2}\na: 3\n');
    expect(errors.map((error) => [error.code, error.linePos?.[0]])).toEqual([
      ['DUPLICATE_KEY', { line: 2, col: 11 }],
      ['DUPLICATE_KEY', { line: 3, col: 1 }],
    ]);
    expect(errors[0]?.message).toBe('Map keys must be unique at line 2, column 11');
  });

  it('compares keys by value, so equal keys in different mappings or of different types are fine', () => {
    expect(errorsOf('a: {k: 1}\nb: {k: 1}\n1: x\n"1": y\n')).toEqual([]);
  });

  it('checks a mapping of 40,000 keys in one pass', () => {
    const lines = Array.from({ length: 40_000 }, (_, index) => `k${index}: v`);
    expect(errorsOf(`${lines.join('\n')}\nk7: again\n`)).toHaveLength(1);
  });
});
