import { secretMarker } from './secret-policy.js';
import { secretSpellings } from './secret-spellings.js';
import { createSpellingStream, type StreamRedactor } from './stream-redactor.js';

/** Replaces one set of secret values, in every spelling, wherever they appear; see {@link createSecretRedactor}. */
export interface SecretRedactor {
  /** The secret values this redactor hides (before spelling variants). */
  readonly secrets: readonly string[];
  /** `text` with every spelling of every secret replaced by the marker. */
  text(text: string): string;
  /**
   * A deep copy of `value` with every string and object key redacted. Redact a document this way
   * before serialising it: a secret already escaped once in a string is escaped again by
   * `JSON.stringify`, and no spelling of the text could match it afterwards.
   */
  value<T>(value: T): T;
  /** A redactor for one stream of text that arrives in pieces (a model's streamed answer). */
  stream(): StreamRedactor;
}

/**
 * Creates the redactor for a list of secret values. Every spelling of each value (see
 * `secretSpellings`) is replaced by the marker, longest first, so a secret that contains another is
 * hidden whole. Values shorter than the minimum secret length are left alone.
 */
export function createSecretRedactor(secrets: Iterable<string>): SecretRedactor {
  const values = [...new Set(secrets)].filter((secret) => secret !== '');
  const forms = [...new Set(values.flatMap(secretSpellings))].sort((a, b) => b.length - a.length);
  const text = (input: string): string => {
    let result = input;
    for (const form of forms) {
      if (result.includes(form)) result = result.split(form).join(secretMarker);
    }
    return result;
  };
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return text(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([name, member]) => [text(name), walk(member)]));
    }
    return item;
  };
  return {
    secrets: values,
    text: forms.length === 0 ? (input) => input : text,
    value: <T>(value: T): T => (forms.length === 0 ? value : (walk(value) as T)),
    stream: () => createSpellingStream(text, forms),
  };
}

/**
 * Returns a function that replaces every spelling of the given secret values with the marker (see
 * {@link createSecretRedactor}).
 */
export function createRedactor(secrets: Iterable<string>): (text: string) => string {
  return createSecretRedactor(secrets).text;
}

/**
 * Replaces every spelling of the secret values in `text` with the marker. Use it on anything that
 * leaves the process (logs, events, `--json` output, error messages).
 *
 * @example redactText('token abcd1234 refused', ['abcd1234']) // 'token [REDACTED] refused'
 */
export function redactText(text: string, secrets: Iterable<string>): string {
  return createSecretRedactor(secrets).text(text);
}

/** A deep copy of `value` with every spelling of every secret, in strings and keys, replaced. */
export function redactSecrets<T>(value: T, secrets: Iterable<string>): T {
  return createSecretRedactor(secrets).value(value);
}

/**
 * A redactor for text that arrives in pieces: a secret split across two pieces is still hidden. See
 * {@link SecretRedactor.stream}.
 */
export function createStreamRedactor(secrets: Iterable<string>): StreamRedactor {
  return createSecretRedactor(secrets).stream();
}
