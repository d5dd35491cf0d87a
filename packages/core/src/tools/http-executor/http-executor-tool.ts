import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import type { HttpExecutorSpec } from '../../spec-file/schema/workflow-spec.js';
import type { GuardedHttpClient } from '../network/guarded-http-client.js';
import { guardedRequest } from '../network/guarded-request.js';
import { interpolateSecrets } from '../secrets/interpolate-secrets.js';
import { toolFailure, toolSuccess } from '../tool-result.js';
import { describeHttpExecutor, httpExecutorToolName } from './describe-http-executor.js';
import { httpExecutorInputSchema, parseExecutorCall } from './http-executor-input.js';

/** Default `timeout_ms` of an HTTP executor. */
export const defaultHttpTimeoutMs = 30_000;

/** What an HTTP executor tool needs from its run. */
export interface HttpExecutorToolOptions {
  readonly executor: HttpExecutorSpec;
  /** The executor's own keep-alive pool (created lazily by the client). */
  readonly client: GuardedHttpClient;
  /** `${NAME}` → environment variable, from `env.secrets`. */
  readonly secretVariables: ReadonlyMap<string, string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly maxBodyBytes: number;
  /** Hides the run's secret values in everything the tool returns. */
  readonly redact: (text: string) => string;
}

/**
 * Turns one `tools.http_executors[]` entry into a tool named by its id. Header placeholders are filled
 * once, here. Every call returns `{status, headers, body}` as JSON for any HTTP status; a refused
 * address, a timeout, a connection failure or a bad path comes back as an error result, never thrown.
 */
export function createHttpExecutorTool(options: HttpExecutorToolOptions): ToolV1 {
  const { executor, redact } = options;
  const headers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(executor.headers ?? {})) {
    headers[name] = interpolateSecrets(raw, options.secretVariables, options.env).value;
  }
  const originBoundHeaders = Object.keys(headers).map((name) => name.toLowerCase());
  const timeoutMs = executor.timeout_ms ?? defaultHttpTimeoutMs;
  return {
    name: httpExecutorToolName(executor.id),
    description: describeHttpExecutor(executor),
    inputSchema: httpExecutorInputSchema,
    async call(input, { signal }) {
      const call = parseExecutorCall(input, executor.base_url, headers);
      if (!call.ok) return toolFailure(redact(call.message));
      const response = await guardedRequest(options.client, {
        url: call.url,
        method: call.method,
        headers: call.headers,
        body: call.body,
        timeoutMs,
        maxBodyBytes: options.maxBodyBytes,
        signal,
        originBoundHeaders,
      });
      if (!response.ok) return toolFailure(redact(response.message));
      const { status, headers: responseHeaders, body } = response;
      return toolSuccess(redact(JSON.stringify({ status, headers: responseHeaders, body })));
    },
  };
}
