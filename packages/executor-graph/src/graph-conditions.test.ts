import { RuntimeFailure } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import {
  closestId,
  conditionCheckTemplate,
  conditionProblem,
  conditionTemplate,
  nodeReferences,
  parseCondition,
} from './graph-conditions.js';

describe('graph conditions', () => {
  it('strips a {{ }} wrapper and recognises else', () => {
    expect(parseCondition('  else ')).toEqual({ kind: 'else' });
    expect(parseCondition("{{ 'ok' in nodes.a.response }}")).toEqual({
      kind: 'expression',
      expression: "'ok' in nodes.a.response",
    });
    expect(parseCondition('nodes.a.iteration >= 2')).toEqual({
      kind: 'expression',
      expression: 'nodes.a.iteration >= 2',
    });
    expect(conditionTemplate('x')).toBe('{% if (x) %}1{% endif %}');
  });

  it('refuses an expression that could close the tag it is spliced into', () => {
    for (const when of ['1 %}{{ secret }}{% if 1', '{{ a }} {{ b }}', '{% if x %}', '   ']) {
      expect(() => parseCondition(when)).toThrow(RuntimeFailure);
    }
  });

  it('checks a wrapped condition verbatim, so reported columns point into the file', () => {
    expect(conditionCheckTemplate("{{ 'x' in nodes.a.response }}")).toBe("{{ 'x' in nodes.a.response }}");
    expect(conditionCheckTemplate('nodes.a.iteration > 1')).toBe('{{nodes.a.iteration > 1}}');
  });

  it('finds the nodes a text reads and guesses a misspelt one', () => {
    expect(
      nodeReferences("{{ nodes.draft.response }} {{ nodes['re-view'].status }} {{ nodes.draft.iteration }}"),
    ).toEqual(['draft', 're-view']);
    expect(closestId('reviw', ['draft', 'review'])).toBe('review');
    expect(closestId('zzz', ['draft', 'review'])).toBeUndefined();
  });
});

describe('conditionProblem: `contains`', () => {
  it('says how to write `x contains y` in Jinja', () => {
    expect(conditionProblem("nodes.analyze.response contains 'high'")).toBe(
      "uses `contains`, which Jinja does not have: write `'high' in nodes.analyze.response`",
    );
  });

  it('leaves the word alone inside quotes', () => {
    expect(conditionProblem("'contains' in nodes.a.response")).toBeUndefined();
  });
});
