import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import { interpolateSecrets, secretVariableMap } from './interpolate-secrets.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Header names whose whole value is a credential, whatever it is written as. */
const credentialHeader =
  /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$|token|secret|key|auth|password|session/i;

/** Environment variable names that hold credentials by convention (API keys, tokens, passwords). */
const credentialVariable = /(API_?KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|ACCESS_KEY)/i;

/** Values of credential-named environment variables shorter than this are not treated as secrets. */
const minimumEnvironmentSecretLength = 8;

/** True when a header of this name carries a credential. */
export function isCredentialHeader(name: string): boolean {
  return credentialHeader.test(name);
}

/** A credential header value and its credential part (`Bearer abc` → `abc`). */
function credentialParts(value: string): string[] {
  const trimmed = value.trim();
  // An empty placeholder leaves only the scheme (`Bearer `); redacting the word itself would garble text.
  if (/^(bearer|basic|token|digest|apikey)?$/i.test(trimmed)) return [];
  const scheme = /^[A-Za-z][\w-]*\s+(.+)$/.exec(trimmed);
  return scheme?.[1] === undefined ? [trimmed] : [trimmed, scheme[1].trim()];
}

/**
 * Every secret value a run knows about, to redact from tool results, logs, events and `--json` output:
 * the `env.secrets` values, whatever `${NAME}` placeholders in HTTP executor headers resolve to, the
 * values of credential headers (`Authorization`, `X-Api-Key`, ...), and the values of credential-named
 * environment variables (`OPENAI_API_KEY`, `AWS_SECRET_ACCESS_KEY`, `*_TOKEN`, ...).
 */
export function collectSecretValues(spec: Readonly<WorkflowSpec>, env: Env): readonly string[] {
  const values = new Set<string>();
  const variables = secretVariableMap(spec);
  for (const variable of variables.values()) {
    const value = env[variable];
    if (value) values.add(value);
  }
  for (const executor of spec.tools?.http_executors ?? []) {
    for (const [name, raw] of Object.entries(executor.headers ?? {})) {
      const { value, secrets } = interpolateSecrets(raw, variables, env);
      for (const secret of secrets) values.add(secret);
      if (isCredentialHeader(name)) for (const part of credentialParts(value)) values.add(part);
    }
  }
  for (const [name, value] of Object.entries(env)) {
    if (
      value !== undefined &&
      value.length >= minimumEnvironmentSecretLength &&
      credentialVariable.test(name)
    ) {
      values.add(value);
    }
  }
  values.delete('');
  return [...values];
}
