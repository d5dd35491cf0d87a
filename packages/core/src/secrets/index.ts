/**
 * The secret policy of every output channel: which values are secret, their spellings, and the one
 * marker that replaces them. Session files, cassettes, logs and `--json` output all redact with it.
 */

export { collectSecretValues } from './run-secrets.js';
export {
  isCredentialHeader,
  isSecretVariableName,
  minimumDeclaredSecretLength,
  minimumSecretLength,
  REDACTED,
  secretMarker,
  secretValuesFromEnv,
} from './secret-policy.js';
export type { SecretRedactor } from './secret-redactor.js';
export {
  createRedactor,
  createSecretRedactor,
  createStreamRedactor,
  redactSecrets,
  redactText,
} from './secret-redactor.js';
export { secretSpellings } from './secret-spellings.js';
export type { StreamRedactor } from './stream-redactor.js';
