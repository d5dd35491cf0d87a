import { UsageError } from '@strands-cli/core/spec';

/**
 * The `--allow-endpoint` values of `run` and `doctor`, each checked to be an http(s) URL so a typo
 * does not approve nothing silently (exit 2 with the expected form).
 */
export function allowedEndpoints(values: readonly string[]): string[] {
  return values.map((value) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
      throw new UsageError(`--allow-endpoint '${value}' is not an http(s) URL`, {
        hint: 'Give the endpoint as a URL, e.g. --allow-endpoint https://llm.example.com:8443.',
      });
    }
    return value;
  });
}

/** Help text of `--allow-endpoint`, the same for every command that takes it. */
export const allowEndpointDescription =
  'let a provider endpoint the spec names receive your credentials (repeatable)';
