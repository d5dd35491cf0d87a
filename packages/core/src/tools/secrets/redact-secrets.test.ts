import { describe, expect, it } from 'vitest';
import { createRedactor, createStreamRedactor, redactText } from './redact-secrets.js';

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

describe('createStreamRedactor', () => {
  const secret = 'sk-live-0123456789';
  const text = `key ${secret} and again ${secret}.`;

  /** Sends `text` in pieces cut at `cuts`, returning every piece shown and the whole output. */
  function stream(cuts: readonly number[]): { shown: string[]; output: string } {
    const redactor = createStreamRedactor([secret]);
    const shown: string[] = [];
    let from = 0;
    for (const cut of [...cuts, text.length]) {
      shown.push(redactor.push(text.slice(from, cut)));
      from = cut;
    }
    shown.push(redactor.flush());
    return { shown, output: shown.join('') };
  }

  it('hides a secret split across two pieces, wherever it is cut', () => {
    for (let cut = 0; cut <= text.length; cut += 1) {
      const { shown, output } = stream([cut]);
      expect(output).toBe(redactText(text, [secret]));
      for (const piece of shown) expect(piece).not.toContain('0123');
    }
  });

  it('hides a secret sent one character at a time', () => {
    const { output } = stream(Array.from({ length: text.length }, (_, index) => index));
    expect(output).toBe('key [REDACTED] and again [REDACTED].');
  });

  it('holds back only a tail that could start a secret', () => {
    const redactor = createStreamRedactor([secret]);
    expect(redactor.push('plain words ')).toBe('plain words ');
    expect(redactor.push('then sk-li')).toBe('then ');
    expect(redactor.push('ke this.')).toBe('sk-like this.');
    expect(redactor.push(' Last s')).toBe(' Last ');
    expect(redactor.flush()).toBe('s');
    expect(redactor.flush()).toBe('');
  });

  it('hides JSON-escaped spellings split across pieces, and passes text through with no secrets', () => {
    const quoted = 'pa"ss/word';
    const redactor = createStreamRedactor([quoted]);
    const escaped = JSON.stringify(quoted).slice(1, -1);
    const output =
      redactor.push(`{"v":"${escaped.slice(0, 4)}`) +
      redactor.push(`${escaped.slice(4)}"}`) +
      redactor.flush();
    expect(output).toBe('{"v":"[REDACTED]"}');
    expect(createStreamRedactor([]).push('anything')).toBe('anything');
  });
});
