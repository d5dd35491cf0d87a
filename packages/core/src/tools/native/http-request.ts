import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import { httpMethods } from '../http-executor/http-executor-input.js';
import { guardedRequest } from '../network/guarded-request.js';
import { toolFailure, toolSuccess } from '../tool-result.js';
import type { NativeToolContext } from './native-tool-context.js';

/** Reads the optional headers object of a call; a string is an error message. */
function readHeaders(value: unknown): Record<string, string> | string {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    return "'headers' must be an object of header names to values";
  return Object.fromEntries(Object.entries(value).map(([name, header]) => [name, String(header)]));
}

/**
 * `http_request`: one HTTP request to a public http(s) URL, through the run's shared keep-alive pool,
 * with the same private-address guard, redirect checks, deadline and body limit as the HTTP executors.
 */
export function createHttpRequestTool(context: NativeToolContext): ToolV1 {
  const { limits } = context;
  return {
    name: 'http_request',
    description: `Make an HTTP request to a public http(s) URL and return JSON {status, headers, body}. Bodies longer than ${limits.httpBodyBytes} bytes are cut with a note. Loopback, private and cloud metadata addresses are refused unless the user allowed them.`,
    inputSchema: {
      type: 'object',
      properties: {
        url: { type: 'string', description: 'Absolute http or https URL' },
        method: { type: 'string', enum: [...httpMethods], default: 'GET' },
        headers: { type: 'object', description: 'Request headers' },
        body: { type: 'string', description: 'Raw request body' },
        json: { type: 'object', description: 'JSON request body (sets content-type: application/json)' },
      },
      required: ['url'],
    },
    async call(input, { signal }) {
      if (typeof input.url !== 'string' || input.url.trim() === '')
        return toolFailure("Missing required 'url' parameter");
      const method = typeof input.method === 'string' ? input.method.toUpperCase() : 'GET';
      if (!(httpMethods as readonly string[]).includes(method)) {
        return toolFailure(
          `Invalid 'method' ${JSON.stringify(input.method)}: use one of ${httpMethods.join(', ')}`,
        );
      }
      const headers = readHeaders(input.headers);
      if (typeof headers === 'string') return toolFailure(headers);
      let body = typeof input.body === 'string' ? input.body : undefined;
      if (input.json !== undefined && input.json !== null) {
        body = JSON.stringify(input.json);
        if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
          headers['content-type'] = 'application/json';
        }
      }
      const response = await guardedRequest(context.httpClient(), {
        url: input.url.trim(),
        method,
        headers,
        body,
        timeoutMs: limits.httpTimeoutMs,
        maxBodyBytes: limits.httpBodyBytes,
        signal,
      });
      if (!response.ok) return toolFailure(context.redact(response.message));
      const { status, headers: responseHeaders, body: text } = response;
      return toolSuccess(context.redact(JSON.stringify({ status, headers: responseHeaders, body: text })));
    },
  };
}
