import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after.js';

function headers(values: Record<string, string>) {
  return (name: string) => values[name];
}

describe('retryAfterMs', () => {
  it('prefers retry-after-ms, in milliseconds', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '250.4', 'retry-after': '9' }))).toBe(250);
  });

  it('reads retry-after in seconds', () => {
    expect(retryAfterMs(headers({ 'retry-after': ' 3 ' }))).toBe(3000);
    expect(retryAfterMs(headers({ 'retry-after': '0.5' }))).toBe(500);
  });

  it('reads retry-after as an HTTP date, never negative', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT' }), now)).toBe(0);
  });

  it('is undefined when absent, negative or unreadable', () => {
    expect(retryAfterMs(headers({}))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after-ms': '-5' }))).toBeUndefined();
    expect(retryAfterMs(() => null)).toBeUndefined();
  });
});
