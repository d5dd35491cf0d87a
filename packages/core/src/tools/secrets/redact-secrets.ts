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
