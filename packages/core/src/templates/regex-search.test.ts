import { describe, expect, it } from 'vitest';
import { TemplateError } from '../spec/v1/errors.js';
import { regexSearch, UnsupportedRegexError } from './regex-search.js';
import { renderTemplate } from './render.js';

describe('regexSearch', () => {
  it('returns the first group, else the whole match, case-insensitively', () => {
    expect(regexSearch('Score: 42', 'score:\\s*(\\d+)')).toBe('42');
    expect(regexSearch('Verdict: PASS', 'pass|fail')).toBe('PASS');
    expect(regexSearch('y', '(x)?y')).toBe('y');
    expect(regexSearch('abc', 'z')).toBe('');
    expect(regexSearch(null, '.*')).toBe('');
    expect(regexSearch('abc', 3)).toBe('');
  });

  it('keeps a pattern that no engine accepts meaning "no match"', () => {
    expect(regexSearch('abc', '(')).toBe('');
  });

  it('accepts Python named groups, which strands-cli specs may use', () => {
    expect(regexSearch('id=7', '(?P<id>\\d+)')).toBe('7');
  });

  it('answers a catastrophic-backtracking pattern at once (linear time)', () => {
    expect(regexSearch(`${'a'.repeat(30)}!`, '^(a+)+$')).toBe('');
    expect(regexSearch(`${'a'.repeat(100_000)}!`, '^(a|aa)+$')).toBe('');
    expect(regexSearch('a'.repeat(64), '^(a+)+$')).toBe('a'.repeat(64));
  });

  it.each([
    ['a backreference', '(a)\\1'],
    ['a lookahead', 'a(?=b)'],
    ['a negative lookahead', 'a(?!b)'],
    ['a lookbehind', '(?<=a)b'],
    ['a negative lookbehind', '(?<!a)b'],
  ])('refuses %s, saying what the engine does not support', (_, pattern) => {
    const error = (() => {
      try {
        regexSearch('ab', pattern);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UnsupportedRegexError);
    expect((error as UnsupportedRegexError).message).toContain(
      'not supported by the linear-time regex engine',
    );
    expect((error as UnsupportedRegexError).hint).toMatch(/backreferences .* lookaround/);
  });
});

describe('regex_search in a template', () => {
  it('renders a pathological pattern to an empty string', () => {
    expect(renderTemplate('[{{ ("a"*30 ~ "!") | regex_search("^(a+)+$") }}]', {})).toBe('[]');
  });

  it('fails the render with a located TemplateError for an unsupported pattern, and the engine stays usable', () => {
    const location = { pointer: '/pattern/config/steps/0/input', line: 4, column: 12 };
    const error = (() => {
      try {
        renderTemplate("{{ t | regex_search('(a)\\\\1') }}", { t: 'aa' }, location);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toMatch(
      /4:12 \/pattern\/config\/steps\/0\/input: regex_search pattern '\(a\)\\1' is not supported/,
    );
    expect((error as TemplateError).hint).toMatch(/lookaround/);
    expect(renderTemplate("{{ t | regex_search('(\\d+)') }}", { t: 'n=5' })).toBe('5');
  });
});
