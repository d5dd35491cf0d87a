import type { HttpExecutorSpec } from '../../spec-file/schema/workflow-spec.js';

/** The name the model calls an executor by: its id, with characters models refuse replaced by `_`. */
export function httpExecutorToolName(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
}

function endpointLines(executor: HttpExecutorSpec): string[] {
  return (executor.common_endpoints ?? []).map(
    (endpoint) =>
      `- ${(endpoint.method ?? 'GET').toUpperCase()} ${endpoint.path}${endpoint.description ? `: ${endpoint.description}` : ''}`,
  );
}

function exampleLines(executor: HttpExecutorSpec): string[] {
  return (executor.examples ?? []).map((example, index) => {
    const call = `${(example.method ?? 'GET').toUpperCase()} ${example.path ?? '/'}`;
    const body =
      example.json_data === undefined ? '' : ` with json_data ${JSON.stringify(example.json_data)}`;
    return `${index + 1}. ${example.description ? `${example.description}: ` : ''}${call}${body}`;
  });
}

/**
 * The tool description the model sees for an HTTP executor: its `description` (or `HTTP executor for
 * <base_url>`), then authentication, response format, common endpoints and numbered examples, each
 * only when the spec gives them.
 */
export function describeHttpExecutor(executor: HttpExecutorSpec): string {
  const parts = [executor.description?.trim() || `HTTP executor for ${executor.base_url}`];
  parts.push(`Requests go to ${executor.base_url} followed by the given path.`);
  if (executor.authentication_info) parts.push(`Authentication: ${executor.authentication_info}`);
  if (executor.response_format) parts.push(`Response format: ${executor.response_format}`);
  const endpoints = endpointLines(executor);
  if (endpoints.length > 0) parts.push(['Common endpoints:', ...endpoints].join('\n'));
  const examples = exampleLines(executor);
  if (examples.length > 0) parts.push(['Examples:', ...examples].join('\n'));
  return parts.join('\n\n');
}

/**
 * The `# HTTP Tools Reference` system-prompt section for the given executors (strands-cli HEAD adds
 * one), or undefined when there are none.
 */
export function httpToolsReference(executors: readonly HttpExecutorSpec[]): string | undefined {
  if (executors.length === 0) return undefined;
  const sections = executors.map((executor) => {
    const lines = [`## ${httpExecutorToolName(executor.id)}`, ''];
    if (executor.description) lines.push(executor.description.trim(), '');
    lines.push(`- Base URL: ${executor.base_url}`);
    if (executor.authentication_info) lines.push(`- Authentication: ${executor.authentication_info}`);
    if (executor.response_format) lines.push(`- Response format: ${executor.response_format}`);
    const endpoints = endpointLines(executor);
    if (endpoints.length > 0) lines.push('- Common endpoints:', ...endpoints.map((line) => `  ${line}`));
    return lines.join('\n');
  });
  return [
    '# HTTP Tools Reference',
    'Call these tools with a `method` and a `path` relative to the base URL; send a JSON body in `json_data`.',
    ...sections,
  ].join('\n\n');
}
