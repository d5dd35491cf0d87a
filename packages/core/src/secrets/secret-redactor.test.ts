import { describe, expect, it } from 'vitest';
import { createRedactor, createSecretRedactor, createStreamRedactor, redactText } from './secret-redactor.js';

describe('redactText', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redactText('a s3cret-1 b s3cret-1', ['s3cret-1'])).toBe('a [REDACTED] b [REDACTED]');
  });

  it('hides a secret that contains another one whole', () => {
    expect(redactText('token=abcdefgh-ijkl', ['abcdefgh', 'abcdefgh-ijkl'])).toBe('token=[REDACTED]');
  });

  it('also hides JSON-escaped and URL-encoded spellings', () => {
    const secret = 'p"w\\d/+ x';
    expect(redactText(JSON.stringify({ header: secret }), [secret])).toBe('{"header":"[REDACTED]"}');
    expect(redactText(`?key=${encodeURIComponent(secret)}`, [secret])).toBe('?key=[REDACTED]');
  });

  it('leaves values shorter than four characters (in any spelling) and empty lists alone', () => {
    expect(redactText('on 1 abc a"b', ['on', '1', 'abc', 'a"b', ''])).toBe('on 1 abc a"b');
    expect(redactText(encodeURIComponent('a"b'), ['a"b'])).toBe('a%22b');
    // A value given to the redactor is a declared secret: four characters are enough.
    expect(redactText('pin 4711 ubuntu', ['4711', 'ubuntu'])).toBe('pin [REDACTED] [REDACTED]');
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

describe('createSecretRedactor', () => {
  const secret = 'pa"ss\\word-1234';

  it('hides base64 spellings: the plain value and the password of a Basic header', () => {
    const redactor = createSecretRedactor([secret]);
    const plain = Buffer.from(secret).toString('base64');
    expect(redactor.text(`value ${plain}.`)).toBe('value [REDACTED].');
    for (const user of ['a', 'ab', 'abc', 'someone']) {
      const header = `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
      const shown = redactor.text(header);
      expect(shown).toContain('[REDACTED]');
      // What is left is the user part only: it decodes to no byte of the secret.
      const left = shown.slice('Basic '.length, shown.indexOf('[REDACTED]'));
      expect(left.length).toBeLessThanOrEqual(Math.ceil(((user.length + 1) * 8) / 6));
    }
  });

  it('redacts a document before it is serialised, so a secret escaped inside a string stays hidden', () => {
    const redactor = createSecretRedactor([secret]);
    const escaped = JSON.stringify(secret).slice(1, -1);
    const document = { response: `{"password": "${escaped}"}`, [secret]: [secret, 7, null] };
    const json = JSON.stringify(redactor.value(document));
    expect(json).not.toContain('word-1234');
    expect(JSON.parse(json)).toEqual({
      response: '{"password": "[REDACTED]"}',
      '[REDACTED]': ['[REDACTED]', 7, null],
    });
    // Serialising first and redacting the text afterwards misses the twice-escaped spelling.
    expect(redactor.text(JSON.stringify(document))).toContain('word-1234');
  });

  it('gives every stream its own held-back tail', () => {
    const redactor = createSecretRedactor(['sk-live-0123456789']);
    const first = redactor.stream();
    const second = redactor.stream();
    expect(first.push('key sk-live-01')).toBe('key ');
    expect(second.push('plain')).toBe('plain');
    expect(first.push('23456789!') + first.flush()).toBe('[REDACTED]!');
  });
});
