/** Redacts text that arrives in pieces; see `createStreamRedactor`. */
export interface StreamRedactor {
  /** Takes the next piece; returns what is safe to show now (redacted). */
  push(text: string): string;
  /** Returns what is still held back (redacted), at the end of the stream. */
  flush(): string;
}

/**
 * Each piece is redacted together with what was held back before it, and the longest tail that could
 * be the start of a secret's spelling is held back until the next piece or `flush()`. Text without
 * such a tail passes at once, so a stream is delayed by at most a spelling's length.
 */
export function createSpellingStream(
  redact: (text: string) => string,
  forms: readonly string[],
): StreamRedactor {
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
