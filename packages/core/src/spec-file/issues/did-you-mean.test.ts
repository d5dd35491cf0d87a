import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance, listIds } from './did-you-mean.js';

describe('did you mean', () => {
  it('measures edits, counting a swap of neighbours as one', () => {
    expect(editDistance('agent', 'agnet')).toBe(1);
    expect(editDistance('prompt', 'promt')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests only close candidates', () => {
    expect(closestMatch('agnet', ['agent', 'input', 'vars'])).toBe('agent');
    expect(closestMatch('Agent', ['agent'])).toBe('agent');
    expect(closestMatch('agent_id', ['agent', 'input'])).toBe('agent');
    expect(closestMatch('banana', ['agent', 'input'])).toBeUndefined();
    expect(closestMatch('agent', ['agent'])).toBeUndefined();
  });

  it('lists ids readably', () => {
    expect(listIds(['a'])).toBe('`a`');
    expect(listIds(['a', 'b', 'c'])).toBe('`a`, `b` and `c`');
    expect(listIds([])).toBe('(none)');
  });
});
