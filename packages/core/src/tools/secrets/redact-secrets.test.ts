import { describe, expect, it } from 'vitest';
import { createRedactor, redactText } from './redact-secrets.js';

describe('redactText', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redactText('a s3cret b s3cret', ['s3cret'])).toBe('a [REDACTED] b [REDACTED]');
  });

  it('hides a secret that contains another one whole', () => {
    expect(redactText('token=abcd-efgh', ['abcd', 'abcd-efgh'])).toBe('token=[REDACTED]');
  });

  it('also hides JSON-escaped and URL-encoded spellings', () => {
    const secret = 'p"w\\d/+ x';
    expect(redactText(JSON.stringify({ header: secret }), [secret])).toBe('{"header":"[REDACTED]"}');
    expect(redactText(`?key=${encodeURIComponent(secret)}`, [secret])).toBe('?key=[REDACTED]');
  });

  it('leaves values shorter than four characters and empty lists alone', () => {
    expect(redactText('on 1 abc', ['on', '1', 'abc', ''])).toBe('on 1 abc');
    expect(createRedactor([])('unchanged')).toBe('unchanged');
  });
});
