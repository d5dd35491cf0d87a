import type { ApiError, GoogleGenAI, HttpOptions } from '@google/genai';
import { boundedFetch, defaultResponseLimits } from '@strands-cli/core/provider-utils';
import { defaultTimeouts, type GeminiProviderSettings, geminiDefaultBaseURL } from './gemini-settings.js';

/** A live SDK client and the connection pool it owns. */
export interface GeminiTransport {
  readonly client: GoogleGenAI;
  /** The SDK's error class (status-carrying), taken from the lazily loaded module. */
  readonly ApiError: typeof ApiError;
  readonly baseURL: string;
  /** The pooled, bounded fetch the client uses (a call may wrap it to observe its response). */
  readonly fetch: NonNullable<HttpOptions['fetch']>;
  /** Closes the pool gracefully (requests in flight finish first). */
  close(): Promise<void>;
}

/** The connection bound when the settings give none. */
export const defaultMaxConnections = 4;

/**
 * Loads the SDK and undici (only now, never at import) and builds one client over one keep-alive
 * undici Agent: at most `maxConnections` sockets and explicit connect/headers/body timeouts. The
 * timeouts must live on the Agent: given its own `fetch`, the SDK drops the dispatcher it would
 * otherwise use, and sets none. No `retryOptions` means the SDK never retries (the core's failure
 * policy is the only one), and `vertexai: false` with an explicit key and base URL keeps the SDK
 * from picking Vertex AI or another endpoint out of the environment.
 */
export async function openGeminiTransport(settings: GeminiProviderSettings): Promise<GeminiTransport> {
  const { genai, Agent, fetch: undiciFetch } = await import('./gemini-vendor.js');
  const timeouts = settings.timeouts ?? defaultTimeouts;
  const agent = new Agent({
    connections: settings.maxConnections ?? defaultMaxConnections,
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
  const baseURL = settings.baseURL ?? geminiDefaultBaseURL;
  // undici 7's own fetch over our Agent (Node 20's built-in fetch is an older undici); the two
  // differ only in their typings.
  const pooledFetch = ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher: agent })) as unknown as NonNullable<HttpOptions['fetch']>;
  // Bounded: each call ends by its deadline and reads at most the cap.
  const fetch = boundedFetch(pooledFetch, {
    providerId: 'gemini',
    limits: settings.limits ?? defaultResponseLimits,
  });
  const client = new genai.GoogleGenAI({
    vertexai: false,
    apiKey: settings.apiKey,
    httpOptions: { baseUrl: baseURL, fetch },
  });
  return {
    client,
    fetch,
    ApiError: genai.ApiError,
    baseURL,
    close: () => agent.close(),
  };
}
