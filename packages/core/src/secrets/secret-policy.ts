/**
 * The one place that decides what counts as a secret and how it is hidden. Every output channel of a
 * run (stdout, stderr, `--json`, events, cassettes, error reports) redacts with the same marker, the
 * same minimum length and the same variable-name patterns, so a value hidden in one is hidden in all.
 */

/** What replaces a secret value, in every channel. */
export const secretMarker = '[REDACTED]';

/** The same marker under the name cassette code has always used. */
export const REDACTED = secretMarker;

/**
 * Values of environment variables found by name (see {@link isSecretVariableName}) shorter than this
 * are not redacted: `DESKTOP_SESSION=ubuntu` or `DEBUG_KEY=1` are not credentials, and replacing every
 * `ubuntu` or `1` in a text would garble it. Credentials found this way (API keys, tokens) are longer.
 */
export const minimumSecretLength = 8;

/**
 * Secrets the user declared (`env.secrets` values, credential header values in the spec) are redacted
 * from this length on: the user said they are secret, so a short password is hidden too. Below it a
 * replacement would garble text and hide almost nothing.
 */
export const minimumDeclaredSecretLength = 4;

/**
 * Parts of an environment variable name that mark its value as a credential (`OPENAI_API_KEY`,
 * `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `MY_SESSION`, `DB_PASSWORD`, ...). `AUTHOR` is not
 * one: `GIT_AUTHOR_NAME` holds a person's name, which must stay readable.
 */
const secretVariableParts: readonly RegExp[] = [
  /KEY/i,
  /TOKEN/i,
  /SECRET/i,
  /PASSWORD/i,
  /PASSWD/i,
  /PASSPHRASE/i,
  /CREDENTIAL/i,
  /AUTH(?!OR)/i,
  /COOKIE/i,
  /SESSION/i,
];

/**
 * strands-cli's own settings whose names match a part above but hold no credential: the sessions
 * folder is a path that messages must show (hiding it would also hide every path below it).
 */
const ownNonSecretVariables: ReadonlySet<string> = new Set(['STRANDS_SESSIONS_DIR']);

/** True when an environment variable of this name holds a credential by convention. */
export function isSecretVariableName(name: string): boolean {
  if (ownNonSecretVariables.has(name)) return false;
  return secretVariableParts.some((part) => part.test(name));
}

/** Header names whose whole value is a credential, whatever it is written as. */
const credentialHeader =
  /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$|token|secret|key|auth|password|session/i;

/** True when an HTTP header of this name carries a credential. */
export function isCredentialHeader(name: string): boolean {
  return credentialHeader.test(name);
}

/**
 * True when `value` is long enough to be redacted at all (see {@link minimumDeclaredSecretLength});
 * values discovered by variable name must also pass {@link minimumSecretLength}, which
 * {@link secretValuesFromEnv} applies.
 */
export function isRedactable(value: string): boolean {
  return value.length >= minimumDeclaredSecretLength;
}

/**
 * The values of environment variables whose names look like credentials (see
 * {@link isSecretVariableName}), plus those of `extraNames` (e.g. a provider's credential variables).
 * Values shorter than {@link minimumSecretLength} are left out.
 */
export function secretValuesFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  extraNames: readonly string[] = [],
): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.length < minimumSecretLength) continue;
    if (isSecretVariableName(name) || extraNames.includes(name)) values.add(value);
  }
  return [...values];
}
