import { describe, expect, it } from 'vitest';
import { extractJson, isJsonObject } from './extract-json.js';

const scoreOf = (parsed: unknown) =>
  isJsonObject(parsed) && typeof parsed.score === 'number' ? parsed.score : undefined;
const lastResort = /\{[^{}]*"score"[^{}]*\}/;

describe('extractJson', () => {
  it.each([
    ['the whole text', ' {"score": 80}\n', 80],
    ['a tagged fence', 'Result:\n```json\n{"score": 70, "issues": []}\n```', 70],
    ['an untagged fence', '```\n{"score": 60}\n```', 60],
    ['an object in prose, as a last resort', 'I give it {"score": 55} overall.', 55],
  ])('accepts a value from %s', (_name, text, score) => {
    expect(extractJson(text, scoreOf, lastResort)).toBe(score);
  });

  it('takes a JSON array when the acceptor does', () => {
    const tasks = (parsed: unknown) => (Array.isArray(parsed) ? parsed.length : undefined);
    expect(extractJson('```json\n[{"task": "a"}, {"task": "b"}]\n```', tasks)).toBe(2);
  });

  it.each([
    ['prose', 'a fine draft'],
    ['broken JSON', '{"score": }'],
    ['an object the acceptor refuses', '{"grade": 5}'],
    ['nothing', ''],
  ])('finds nothing in %s', (_name, text) => {
    expect(extractJson(text, scoreOf, lastResort)).toBeUndefined();
  });

  it('skips the last stage when no pattern is given', () => {
    expect(extractJson('I give it {"score": 55} overall.', scoreOf)).toBeUndefined();
  });
});
