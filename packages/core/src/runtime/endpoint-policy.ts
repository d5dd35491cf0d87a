/**
 * The rule for where a provider may connect and when it may carry the user's credentials:
 *
 * 1. No provider connects to a link-local or cloud metadata address (those hand out credentials to
 *    whoever asks), unless the user allows private networks. Loopback and private addresses stay
 *    allowed: local and in-house model servers are normal.
 * 2. An endpoint chosen by the spec (`runtime.host` or an agent's `host`) receives credentials from
 *    the environment only when it is the provider's own service, on this machine (loopback), or
 *    approved by the user. Without a credential to attach, any endpoint is fine.
 */

import { SpecValidationError, UsageError } from '../spec/v1/errors.js';
import type { ModelProviderPluginV1 } from '../spec/v1/model-provider-v1.js';
import type { SpecLocation } from '../spec/v1/spec-errors.js';
import { blockedAddressReason } from '../tools/network/address-policy.js';
import { bareHost, privateNetworkOptIn } from '../tools/network/url-policy.js';
import {
  allowedEndpointsEnv,
  approvedOrigins,
  endpointOrigin,
  isLoopbackEndpoint,
  parseEndpoint,
} from './endpoint-approvals.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Host names of cloud metadata services, refused like their addresses whatever DNS says. */
const metadataHostNames = /^(metadata|metadata\.google\.internal|instance-data(\.ec2\.internal)?)$/;

/** What the user decided about provider endpoints for one run. */
export interface EndpointPolicyOptions {
  /** Endpoints the user approved (`--allow-endpoint`, the library option). */
  readonly allowedEndpoints: readonly string[];
  /** The user allowed private networks: link-local and metadata endpoints are allowed too. */
  readonly allowPrivateNetwork: boolean;
  readonly env: Env;
}

/** One provider endpoint to check. */
export interface EndpointCheck {
  readonly plugin: Pick<
    ModelProviderPluginV1<unknown>,
    'id' | 'credentialVariables' | 'endpointVariables' | 'ambientCredentials' | 'isOwnEndpoint'
  >;
  /** The host the spec chose, if any. */
  readonly specHost: string | undefined;
  /** Where the spec chose it (JSON pointer, with file and line when known). */
  readonly location: SpecLocation;
}

/** Why a provider endpoint is refused, as a typed error with the fix; undefined when it is allowed. */
export function endpointRefusal(
  check: EndpointCheck,
  options: EndpointPolicyOptions,
): SpecValidationError | UsageError | undefined {
  const { plugin, specHost, location } = check;
  const endpointVariables = plugin.endpointVariables ?? [];
  const specUrl = parseEndpoint(specHost);
  const fromEnv = endpointVariables.find((name) => parseEndpoint(options.env[name]) !== undefined);
  const target = specUrl ?? parseEndpoint(fromEnv === undefined ? undefined : options.env[fromEnv]);
  if (target && !options.allowPrivateNetwork) {
    const reason = metadataReason(target);
    if (reason !== undefined) {
      const text = `Refused to connect provider '${plugin.id}' to ${target.host}: ${reason}`;
      const why = 'link-local and metadata addresses hand out credentials to whoever asks';
      return specUrl
        ? specIssue(text, why, location, privateNetworkOptIn)
        : new UsageError(`${text} (from ${fromEnv}): ${why}`, { hint: privateNetworkOptIn });
    }
  }
  if (!specUrl) return undefined;
  const credentials = plugin.credentialVariables.filter((name) => options.env[name]?.trim());
  if (credentials.length === 0 && plugin.ambientCredentials !== true) return undefined;
  if (plugin.isOwnEndpoint?.(specUrl) === true || isLoopbackEndpoint(specUrl)) return undefined;
  const approved = approvedOrigins(options.allowedEndpoints, options.env, endpointVariables);
  if (approved.has(endpointOrigin(specUrl))) return undefined;
  const what = credentials.length > 0 ? credentials.join(', ') : 'AWS credentials';
  const origin = `${specUrl.protocol}//${specUrl.host}`;
  const viaEnv = endpointVariables[0] ? ` or set ${endpointVariables[0]}=${specHost?.trim()}` : '';
  return specIssue(
    `Refused to send ${what} to ${specUrl.host}, an endpoint the spec chose and you did not approve`,
    'credentials from the environment go only to the provider’s own service, this machine, or endpoints you approved',
    location,
    `If you trust ${specUrl.host}, approve it with --allow-endpoint ${origin}${viaEnv} (or list it in ${allowedEndpointsEnv}); otherwise remove the host from the spec.`,
  );
}

/** Why `url` is a link-local or metadata endpoint, or undefined. */
function metadataReason(url: URL): string | undefined {
  const host = bareHost(url.hostname);
  if (metadataHostNames.test(host)) return 'a cloud metadata host name';
  const reason = blockedAddressReason(host);
  return reason !== undefined && /link-local|metadata/.test(reason) ? reason : undefined;
}

/** A refusal located in the spec; the fix is given once, on the error. */
function specIssue(message: string, why: string, location: SpecLocation, hint: string): SpecValidationError {
  return new SpecValidationError(
    message,
    [{ ...location, message: `${message}: ${why}`, code: 'endpoint' }],
    {
      hint,
      ...(location.file ? { file: location.file } : {}),
    },
  );
}
