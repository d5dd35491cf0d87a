import { describe, expect, it } from 'vitest';
import { extractRoute } from './routing-json.js';

describe('extractRoute', () => {
  it.each([
    ['the whole text', '  {"route": "faq"}\n', 'faq'],
    ['extra keys', '{"route": "technical", "confidence": 0.9}', 'technical'],
    ['a json fence', 'Here you go:\n```json\n{"route": "escalate"}\n```\nThanks', 'escalate'],
    ['an untagged fence', '```\n{"route": "faq", "why": {"a": 1}}\n```', 'faq'],
    ['a bare object in prose', 'I pick {"route": "billing"} because {"x": 1}', 'billing'],
    ['a later object when the first lacks route', '{"x": 1} then {"route": "faq"}', 'faq'],
    ['an object inside a JSON array (stage 3)', '[{"route": "faq"}]', 'faq'],
  ])('finds the route in %s', (_name, text, route) => {
    expect(extractRoute(text)).toBe(route);
  });

  it.each([
    ['prose only', 'faq'],
    ['a JSON string', '"faq"'],
    ['a non-string route', '{"route": 3}'],
    ['an object without route', '{"choice": "faq"}'],
    ['nested braces outside a fence', 'pick {"route": "faq", "meta": {"a": 1}} now'],
    ['broken JSON', '{"route": faq}'],
    ['nothing', ''],
  ])('finds nothing in %s', (_name, text) => {
    expect(extractRoute(text)).toBeUndefined();
  });
});
