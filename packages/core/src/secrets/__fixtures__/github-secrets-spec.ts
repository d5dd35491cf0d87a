// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} header placeholders are part of this spec.
import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';

/**
 * A spec with every way a secret can be declared: an env secret renamed for templates, one under its
 * own key, one from a source this build does not read (ssm), a credential header with a placeholder,
 * a header placeholder that is not a secret, and a literal credential header.
 */
export const githubSecretsSpec = {
  env: {
    secrets: [
      { source: 'env', key: 'MY_GITHUB_PAT', name: 'GITHUB_TOKEN' },
      { source: 'env', key: 'WEATHER_KEY' },
      { source: 'ssm', key: 'IGNORED', name: 'FROM_SSM' },
    ],
  },
  tools: {
    http_executors: [
      {
        id: 'gh',
        base_url: 'https://api.github.com',
        headers: {
          Authorization: 'Bearer ${GITHUB_TOKEN}',
          'X-Trace': '${TRACE_ID}',
          'X-Api-Key': 'literal-key-123',
        },
      },
    ],
  },
} as unknown as WorkflowSpec;
