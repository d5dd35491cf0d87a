import { describe, expect, it } from 'vitest';
import { builtinPatternTypes, builtinProviders, isPackageName, listInWords } from './builtin-plugins.js';

describe('isPackageName', () => {
  it('takes any valid npm name that is not a short name as a package, scoped or not', () => {
    for (const name of ['@acme/strands-executor-map', 'strands-executor-map', 'chian', 'x', 'a.b_c~d']) {
      expect(isPackageName(name), name).toBe(true);
    }
  });

  it('never takes a built-in or planned short name, of either kind, as a package', () => {
    for (const name of [
      'chain',
      'workflow',
      'parallel',
      'routing',
      'graph',
      'openai',
      'bedrock',
      'anthropic',
      'gemini',
    ]) {
      expect(isPackageName(name), name).toBe(false);
    }
  });

  it('refuses what npm would refuse: capitals, spaces, paths, leading dot or underscore', () => {
    for (const name of [
      'Chain',
      'my pattern',
      '../x',
      './x',
      'a/b',
      '.hidden',
      '_x',
      '@scope',
      '',
      'x'.repeat(215),
    ]) {
      expect(isPackageName(name), name).toBe(false);
    }
  });
});

describe('built-in names', () => {
  it('lists the map keys in order, as messages and help show them', () => {
    expect(builtinPatternTypes).toEqual([
      'chain',
      'workflow',
      'parallel',
      'routing',
      'graph',
      'evaluator_optimizer',
      'orchestrator_workers',
    ]);
    expect(listInWords(builtinProviders, 'or')).toBe('openai, ollama, bedrock, anthropic or gemini');
    expect(listInWords(['one'], 'and')).toBe('one');
  });
});
