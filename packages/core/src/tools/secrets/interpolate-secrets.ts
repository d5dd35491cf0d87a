import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A header value with its `${NAME}` placeholders filled in. */
export interface InterpolatedValue {
  readonly value: string;
  /** The values that came from placeholders (to redact wherever text leaves a tool). */
  readonly secrets: readonly string[];
  /** Placeholders whose variable is not set (they became empty strings). */
  readonly missing: readonly string[];
}

/**
 * Maps each `env.secrets` entry with `source: env` to the environment variable holding its value:
 * `${NAME}` matches a secret's `name`, or its `key` when it has no name, and reads `env[key]`.
 */
export function secretVariableMap(spec: Readonly<WorkflowSpec>): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const secret of spec.env?.secrets ?? []) {
    if (secret.source === 'env') map.set(secret.name ?? secret.key, secret.key);
  }
  return map;
}

/**
 * Fills `${NAME}` placeholders in a header value (strands-cli HEAD semantics): a declared secret's
 * variable first, otherwise the environment variable `NAME`; an unset variable becomes the empty string.
 */
export function interpolateSecrets(
  text: string,
  variables: ReadonlyMap<string, string>,
  env: Env,
): InterpolatedValue {
  const secrets: string[] = [];
  const missing: string[] = [];
  const value = text.replace(/\$\{([^}]+)\}/g, (_match, name: string) => {
    const variable = variables.get(name) ?? name;
    const found = env[variable];
    if (found === undefined || found === '') {
      missing.push(name);
      return '';
    }
    secrets.push(found);
    return found;
  });
  return { value, secrets, missing };
}
