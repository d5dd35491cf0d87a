/**
 * Which provider endpoints the user approved to receive credentials from the environment. Approval
 * comes only from the user (command line, library option, environment), never from a spec: a spec
 * may come from anyone, and an endpoint it names would otherwise receive the user's API keys.
 */

import { blockedAddressReason } from '../tools/network/address-policy.js';
import { bareHost } from '../tools/network/url-policy.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The environment variable listing approved endpoints, comma-separated. */
export const allowedEndpointsEnv = 'STRANDS_ALLOWED_ENDPOINTS';

/** An endpoint's origin (scheme, host, port), the unit approval is given for. */
export function endpointOrigin(url: URL): string {
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  return `${url.protocol}//${bareHost(url.hostname)}:${port}`;
}

/** Parses an endpoint URL; undefined for text that is not an http(s) URL. */
export function parseEndpoint(text: string | undefined): URL | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  // OLLAMA_HOST is often written without a scheme (`10.0.0.5:11434`), which URL reads as a scheme.
  const candidates = trimmed.includes('://') ? [trimmed] : [`http://${trimmed}`];
  for (const candidate of candidates) {
    try {
      const url = new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url;
    } catch {
      // Not a URL: the provider's own settings check reports it.
    }
  }
  return undefined;
}

/**
 * The origins the user approved: `--allow-endpoint` / the `allowedEndpoints` option, then
 * {@link allowedEndpointsEnv}, then the provider's own endpoint variables (`OPENAI_BASE_URL`, ...).
 * Entries that are not URLs are ignored here and reported by the caller's usage checks.
 */
export function approvedOrigins(
  explicit: readonly string[],
  env: Env,
  endpointVariables: readonly string[],
): ReadonlySet<string> {
  const texts = [
    ...explicit,
    ...(env[allowedEndpointsEnv] ?? '').split(','),
    ...endpointVariables.map((name) => env[name]),
  ];
  const origins = new Set<string>();
  for (const text of texts) {
    const url = parseEndpoint(text);
    if (url) origins.add(endpointOrigin(url));
  }
  return origins;
}

/**
 * True when `url` points at this machine. A credential sent there stays on the machine it already
 * lives on (local vLLM, LM Studio, llama.cpp servers), so loopback endpoints need no approval.
 */
export function isLoopbackEndpoint(url: URL): boolean {
  const host = bareHost(url.hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return blockedAddressReason(host) === 'a loopback address';
}
