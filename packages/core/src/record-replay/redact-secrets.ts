/** What replaces a secret value in a cassette. */
export const REDACTED = '[REDACTED]';

/** Environment variable names whose values are treated as secrets (credentials, tokens, passwords). */
const secretNamePattern = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|COOKIE|SESSION/i;

/**
 * Values shorter than this are not redacted: replacing every "1" or "yes" in a cassette would make it
 * unreadable, and such values are not credentials.
 */
const minimumSecretLength = 6;

/**
 * The values of environment variables that look like credentials (`OPENAI_API_KEY`,
 * `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, ...), plus any `extraNames` (e.g. a provider's
 * `credentialVariables`), for {@link redactSecrets}.
 */
export function secretValuesFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  extraNames: readonly string[] = [],
): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.length < minimumSecretLength) continue;
    if (secretNamePattern.test(name) || extraNames.includes(name)) values.add(value);
  }
  return [...values];
}

/**
 * A deep copy of `value` with every occurrence of every secret, in every string and object key,
 * replaced by {@link REDACTED}. Longer secrets are replaced first so one that contains another is
 * removed whole.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  const usable = [...new Set(secrets)]
    .filter((secret) => secret.length >= minimumSecretLength)
    .sort((a, b) => b.length - a.length);
  if (usable.length === 0) return value;
  const scrub = (text: string): string =>
    usable.reduce((result, secret) => result.split(secret).join(REDACTED), text);
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return scrub(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([name, member]) => [scrub(name), walk(member)]));
    }
    return item;
  };
  return walk(value) as T;
}
