import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { interpolateSecrets, secretVariableMap } from '../tools/secrets/interpolate-secrets.js';
import { isCredentialHeader, secretValuesFromEnv } from './secret-policy.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * A credential header value and its credential parts: `Bearer abc` gives `abc`; `Basic <base64>`
 * also gives the decoded `user:password` and the password, which a model could repeat in clear.
 */
function credentialParts(value: string): string[] {
  const trimmed = value.trim();
  // An empty placeholder leaves only the scheme (`Bearer `); redacting the word itself would garble text.
  if (/^(bearer|basic|token|digest|apikey)?$/i.test(trimmed)) return [];
  const scheme = /^([A-Za-z][\w-]*)\s+(.+)$/.exec(trimmed);
  const credential = scheme?.[2]?.trim();
  if (credential === undefined) return [trimmed];
  const parts = [trimmed, credential];
  if (scheme?.[1]?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) parts.push(decoded, decoded.slice(colon + 1));
  }
  return parts;
}

/**
 * Every secret value a run knows about, for every output channel to redact: the `env.secrets`
 * values, whatever `${NAME}` placeholders in HTTP executor headers resolve to, the values of
 * credential headers (`Authorization`, `X-Api-Key`, ...), and the values of credential-named
 * environment variables (`OPENAI_API_KEY`, `AWS_SECRET_ACCESS_KEY`, `*_TOKEN`, `*SESSION*`, ...).
 * Pass the list to `createSecretRedactor`, which leaves out values too short to redact.
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
  // An MCP entry's `env` and `headers` are filled the same way, so what they resolve to is secret too.
  for (const server of spec.tools?.mcp ?? []) {
    for (const [name, raw] of [
      ...Object.entries(server.env ?? {}),
      ...Object.entries(server.headers ?? {}),
    ]) {
      const { value, secrets } = interpolateSecrets(raw, variables, env);
      for (const secret of secrets) values.add(secret);
      if (isCredentialHeader(name)) for (const part of credentialParts(value)) values.add(part);
    }
  }
  for (const value of secretValuesFromEnv(env)) values.add(value);
  values.delete('');
  return [...values];
}
