/** What a redacted secret is replaced with. */
export const redactionMarker = '[REDACTED]';

/**
 * Values shorter than this are not redacted: replacing every `on` or `1` in a text would garble it, and
 * such values are not secrets worth the name.
 */
export const minimumSecretLength = 4;

/** The spellings a secret can take in output: as is, JSON-escaped and URL-encoded. */
function spellings(secret: string): string[] {
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  return [...forms].filter((form) => form.length >= minimumSecretLength);
}

/**
 * Returns a function that replaces every occurrence of the given secret values (also JSON-escaped or
 * URL-encoded) with `[REDACTED]`. Longer secrets are replaced first, so a secret that contains another
 * is hidden whole.
 */
export function createRedactor(secrets: Iterable<string>): (text: string) => string {
  const forms = [...new Set([...secrets].flatMap(spellings))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  return (text) => {
    let result = text;
    for (const form of forms) {
      if (result.includes(form)) result = result.split(form).join(redactionMarker);
    }
    return result;
  };
}

/**
 * Replaces every occurrence of the secret values in `text` (also JSON-escaped or URL-encoded) with
 * `[REDACTED]`. Use it on anything that leaves the process (logs, events, `--json` output, error
 * messages). Values shorter than {@link minimumSecretLength} characters are left alone.
 *
 * @example redactText('token abcd1234 refused', ['abcd1234']) // 'token [REDACTED] refused'
 */
export function redactText(text: string, secrets: Iterable<string>): string {
  return createRedactor(secrets)(text);
}

/** Redacts text that arrives in pieces; see {@link createStreamRedactor}. */
export interface StreamRedactor {
  /** Takes the next piece; returns what is safe to show now (redacted). */
  push(text: string): string;
  /** Returns what is still held back (redacted), at the end of the stream. */
  flush(): string;
}

/**
 * A redactor for text that arrives in pieces (a model's streamed answer): a secret split across two
 * pieces is still hidden. Each piece is redacted together with what was held back before it, and the
 * longest tail that could be the start of a secret is held back until the next piece or `flush()`.
 * Text without such a tail passes at once, so a stream is delayed by at most a secret's length.
 */
export function createStreamRedactor(secrets: Iterable<string>): StreamRedactor {
  const redact = createRedactor(secrets);
  const forms = [...new Set([...secrets].flatMap(spellings))];
  let pending = '';
  return {
    push(text) {
      const redacted = redact(pending + text);
      const held = heldTailLength(redacted, forms);
      pending = redacted.slice(redacted.length - held);
      return redacted.slice(0, redacted.length - held);
    },
    flush() {
      const rest = pending;
      pending = '';
      return rest;
    },
  };
}

/** The length of the longest tail of `text` that is a proper start of one of the `forms`. */
function heldTailLength(text: string, forms: readonly string[]): number {
  let longest = 0;
  for (const form of forms) {
    for (let length = Math.min(form.length - 1, text.length); length > longest; length -= 1) {
      if (text.endsWith(form.slice(0, length))) {
        longest = length;
        break;
      }
    }
  }
  return longest;
}
