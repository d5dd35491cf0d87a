import { boundedFetch, defaultResponseLimits } from '@strands-cli/core/provider-utils';
import type { ClientOptions, default as OpenAI } from 'openai';
import type { OpenAIErrorClasses } from './map-openai-error.js';
import { defaultTimeouts, type OpenAIProviderSettings, openAIDefaultBaseURL } from './openai-settings.js';

/** A live SDK client and the connection pool it owns. */
export interface OpenAITransport {
  readonly client: OpenAI;
  readonly errors: OpenAIErrorClasses;
  readonly baseURL: string;
  /** Closes the pool gracefully (requests in flight finish first). */
  close(): Promise<void>;
}

/** The connection bound when the settings give none. */
export const defaultMaxConnections = 4;

/**
 * Loads the SDK and undici (only now, never at import; one bundled file, see openai-vendor.ts) and
 * builds one client over one keep-alive
 * undici Agent: at most `maxConnections` sockets, explicit connect/headers/body timeouts, and no SDK
 * retries (the core's failure policy is the only one).
 */
export async function openOpenAITransport(settings: OpenAIProviderSettings): Promise<OpenAITransport> {
  const { OpenAI: OpenAIClient, Agent, fetch: undiciFetch } = await import('./openai-vendor.js');
  const timeouts = settings.timeouts ?? defaultTimeouts;
  const agent = new Agent({
    connections: settings.maxConnections ?? defaultMaxConnections,
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
  const baseURL = settings.baseURL ?? openAIDefaultBaseURL;
  const client = new OpenAIClient({
    apiKey: settings.apiKey,
    baseURL,
    maxRetries: 0,
    // The SDK's timeout runs until the response headers; undici's bound each phase.
    timeout: timeouts.connectMs + timeouts.headersMs,
    // undici 7's Agent and the undici-types of Node 20's fetch differ only in their typings.
    // undici 7's own fetch, over its own Agent: Node 20's built-in fetch is an older undici, slower per
    // request (~0.05 ms, most of it in its AbortSignal and body-stream handling).
    // Bounded: each call ends by its deadline and reads at most the size cap.
    fetch: boundedFetch(undiciFetch as unknown as NonNullable<ClientOptions['fetch']>, {
      providerId: 'openai',
      limits: settings.limits ?? defaultResponseLimits,
    }),
    fetchOptions: { dispatcher: agent } as unknown as ClientOptions['fetchOptions'],
  });
  return {
    client,
    errors: OpenAIClient,
    baseURL,
    close: () => agent.close(),
  };
}
