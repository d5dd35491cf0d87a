import type { default as Anthropic, ClientOptions } from '@anthropic-ai/sdk';
import { boundedFetch, defaultResponseLimits } from '@strands-cli/core/provider-utils';
import {
  type AnthropicProviderSettings,
  anthropicDefaultBaseURL,
  defaultTimeouts,
} from './anthropic-settings.js';
import type { AnthropicErrorClasses } from './map-anthropic-error.js';

/** A live SDK client and the connection pool it owns. */
export interface AnthropicTransport {
  readonly client: Anthropic;
  readonly errors: AnthropicErrorClasses;
  readonly baseURL: string;
  /** Closes the pool gracefully (requests in flight finish first). */
  close(): Promise<void>;
}

/** The connection bound when the settings give none. */
export const defaultMaxConnections = 4;

/**
 * Loads the SDK and undici (only now, never at import) and builds one client over one keep-alive
 * undici Agent: at most `maxConnections` sockets, explicit connect/headers/body timeouts, no SDK
 * retries (the core's failure policy is the only one) and no SDK OpenTelemetry (spans and
 * `traceparent` headers would double the ones strands-cli's own telemetry makes).
 */
export async function openAnthropicTransport(
  settings: AnthropicProviderSettings,
): Promise<AnthropicTransport> {
  const { Anthropic: AnthropicClient, Agent, fetch: undiciFetch } = await import('./anthropic-vendor.js');
  const timeouts = settings.timeouts ?? defaultTimeouts;
  const agent = new Agent({
    connections: settings.maxConnections ?? defaultMaxConnections,
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
  const baseURL = settings.baseURL ?? anthropicDefaultBaseURL;
  const client = new AnthropicClient({
    apiKey: settings.apiKey,
    baseURL,
    maxRetries: 0,
    // The SDK's timeout runs until the response headers; undici's bound each phase.
    timeout: timeouts.connectMs + timeouts.headersMs,
    openTelemetry: { traces: false, propagation: false },
    // undici 7's own fetch over its own Agent (Node 20's built-in fetch is an older undici); the
    // two differ only in their typings. Bounded: each call ends by its deadline and reads at most the cap.
    fetch: boundedFetch(undiciFetch as unknown as NonNullable<ClientOptions['fetch']>, {
      providerId: 'anthropic',
      limits: settings.limits ?? defaultResponseLimits,
    }),
    fetchOptions: { dispatcher: agent } as unknown as ClientOptions['fetchOptions'],
  });
  return {
    client,
    errors: AnthropicClient,
    baseURL,
    close: () => agent.close(),
  };
}
