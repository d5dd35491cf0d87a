import type { JsonSchemaV1 } from '../../spec/v1/tool-v1.js';

/** The HTTP methods an executor tool accepts. */
export const httpMethods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

/** Input schema of every HTTP executor tool (strands-cli HEAD's). */
export const httpExecutorInputSchema: JsonSchemaV1 = {
  type: 'object',
  properties: {
    method: { type: 'string', enum: [...httpMethods], default: 'GET', description: 'HTTP method' },
    path: { type: 'string', description: 'Path relative to the base URL, e.g. /users/1?fields=name' },
    json_data: { type: 'object', description: 'JSON body to send (POST, PUT, PATCH)' },
    headers_override: { type: 'object', description: 'Extra headers for this request only' },
  },
  required: ['path'],
};

/** A validated executor call, or the message the model gets back. */
export type ExecutorCall =
  | {
      readonly ok: true;
      readonly method: string;
      readonly url: string;
      readonly body: string | undefined;
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly message: string };

function joinUrl(baseUrl: string, path: string): URL | string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//') || path.includes('\\')) {
    return `'path' must be relative to the base URL ${baseUrl} (e.g. /items/1), not a URL: ${path}`;
  }
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return `The executor's base_url is not a valid URL: ${baseUrl}`;
  }
  const separator = path.startsWith('/') || path.startsWith('?') ? '' : '/';
  let url: URL;
  try {
    url = new URL(base.href.replace(/\/+$/, '') + separator + path);
  } catch {
    return `'path' does not form a valid URL with the base URL ${baseUrl}: ${path}`;
  }
  // The path may not lead to another host: the executor is scoped to its base URL's origin.
  return url.origin === base.origin ? url : `'path' leaves the base URL ${baseUrl}: ${path}`;
}

/**
 * Checks a model's executor call and builds the request: method (default GET), URL (`path` under the
 * base URL), JSON body, headers (configured ones, overridden per request by `headers_override`).
 */
export function parseExecutorCall(
  input: Record<string, unknown>,
  baseUrl: string,
  configuredHeaders: Readonly<Record<string, string>>,
): ExecutorCall {
  const method = (input.method ?? 'GET') as unknown;
  if (typeof method !== 'string' || !(httpMethods as readonly string[]).includes(method.toUpperCase())) {
    return {
      ok: false,
      message: `Invalid 'method' ${JSON.stringify(method)}: use one of ${httpMethods.join(', ')}`,
    };
  }
  if (typeof input.path !== 'string' || input.path.trim() === '') {
    return { ok: false, message: "Missing required 'path' parameter" };
  }
  const url = joinUrl(baseUrl, input.path.trim());
  if (typeof url === 'string') return { ok: false, message: url };
  const headers: Record<string, string> = { ...configuredHeaders };
  const override = input.headers_override;
  if (override !== undefined && override !== null) {
    if (typeof override !== 'object' || Array.isArray(override)) {
      return { ok: false, message: "'headers_override' must be an object of header names to values" };
    }
    for (const [name, value] of Object.entries(override)) {
      for (const existing of Object.keys(headers)) {
        if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
      }
      headers[name] = String(value);
    }
  }
  let body: string | undefined;
  if (input.json_data !== undefined && input.json_data !== null) {
    body = JSON.stringify(input.json_data);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
  }
  return { ok: true, method: method.toUpperCase(), url: url.href, body, headers };
}
