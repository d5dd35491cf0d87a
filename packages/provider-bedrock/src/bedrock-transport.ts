import type { BedrockRuntimeClient, BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import { defaultResponseLimits } from '@strands-cli/core/provider-utils';
import { type BedrockProviderSettings, defaultTimeouts } from './bedrock-settings.js';
import { boundedRequestHandler } from './bounded-request-handler.js';

/** The SDK module, loaded lazily. */
export type BedrockSdk = typeof import('@aws-sdk/client-bedrock-runtime');

/** A live Bedrock Runtime client with its keep-alive connection pool. */
export interface BedrockTransport {
  readonly client: BedrockRuntimeClient;
  readonly sdk: BedrockSdk;
  /** Destroys the client and its sockets. */
  close(): void;
}

/** The connection bound when the settings give none. */
export const defaultMaxConnections = 4;

/**
 * Loads the AWS SDK (only now, never at import) and builds one client over a keep-alive HTTP/1.1
 * `NodeHttpHandler`: the SDK's default HTTP/2 handler opens a new connection for every request. At
 * most `maxConnections` sockets, explicit timeouts (`throwOnRequestTimeout`, or `requestTimeout` only
 * logs), no SDK retries (the core's failure policy is the only one), and no response body read past
 * the size cap.
 */
export async function openBedrockTransport(settings: BedrockProviderSettings): Promise<BedrockTransport> {
  // The SDK prints a notice about its future Node support to the user's terminal on the first client;
  // it is advice for whoever maintains this package, not for someone running a workflow. Its own
  // switch turns it off (and only it: other process warnings still show); a value the user set wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [{ sdk, NodeHttpHandler }, http, https] = await Promise.all([
    import('./bedrock-vendor.js'),
    import('node:http'),
    import('node:https'),
  ]);
  const timeouts = settings.timeouts ?? defaultTimeouts;
  const agentOptions = { keepAlive: true, maxSockets: settings.maxConnections ?? defaultMaxConnections };
  const nodeHandler = new NodeHttpHandler({
    httpAgent: new http.Agent(agentOptions),
    httpsAgent: new https.Agent(agentOptions),
    connectionTimeout: timeouts.connectMs,
    // Until the response headers; then the socket's inactivity timeout bounds the gaps in the body.
    requestTimeout: timeouts.headersMs,
    socketTimeout: Math.max(timeouts.headersMs, timeouts.bodyMs),
    throwOnRequestTimeout: true,
  });
  const requestHandler = boundedRequestHandler(nodeHandler, settings.limits ?? defaultResponseLimits);
  const config: BedrockRuntimeClientConfig = {
    requestHandler,
    maxAttempts: 1,
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    ...(settings.bearerToken
      ? { token: { token: settings.bearerToken }, authSchemePreference: ['httpBearerAuth'] }
      : {}),
  };
  const client = new sdk.BedrockRuntimeClient(config);
  return { client, sdk, close: () => client.destroy() };
}
