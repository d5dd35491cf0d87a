import { type AddressPolicy, blockedAddressReason, isIpLiteral } from './address-policy.js';

/** How the user lets HTTP tools reach loopback and private addresses; part of every refusal. */
export const privateNetworkOptIn =
  'To allow it, run with --allow-private-network or set STRANDS_HTTP_ALLOW_PRIVATE=1 (only for hosts you trust).';

/** Host names that point at the local machine or a cloud metadata service, whatever DNS says. */
const blockedHostNames: readonly RegExp[] = [
  /^localhost$/,
  /\.localhost$/,
  /^localhost\.localdomain$/,
  /^metadata\.google\.internal$/,
  /^metadata$/,
  /^instance-data(\.ec2\.internal)?$/,
];

/** True when the user opted in to private addresses by flag or by `STRANDS_HTTP_ALLOW_PRIVATE`. */
export function privateNetworkAllowed(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const value = env.STRANDS_HTTP_ALLOW_PRIVATE?.trim().toLowerCase();
  return flag === true || value === '1' || value === 'true' || value === 'yes';
}

/** Strips `[...]` around an IPv6 host and a trailing dot from a DNS name. */
export function bareHost(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/**
 * Why an HTTP tool may not request `url`, or undefined when it may. Checks the scheme, embedded
 * credentials and, unless `allowPrivate`, literal addresses and well-known local host names. Names
 * that *resolve* to private addresses are refused later, at connect time (see `guarded-lookup.ts`).
 */
export function urlRefusal(
  url: URL,
  allowPrivate: boolean,
  policy: AddressPolicy = blockedAddressReason,
): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `refused ${url.protocol.replace(/:$/, '')}: URL: only http and https are allowed`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'refused a URL with a user name or password in it; send credentials in a header instead';
  }
  const host = bareHost(url.hostname);
  if (host === '') return 'refused a URL without a host';
  if (allowPrivate) return undefined;
  if (isIpLiteral(host)) {
    const reason = policy(host);
    return reason === undefined ? undefined : refusalText(host, undefined, reason);
  }
  if (blockedHostNames.some((pattern) => pattern.test(host))) {
    return refusalText(host, undefined, 'a local or cloud metadata host name');
  }
  return undefined;
}

/** The refusal message for `host` (and the address it resolved to), with the opt-in. */
export function refusalText(host: string, address: string | undefined, reason: string): string {
  const target = address === undefined || address === host ? host : `${host} (${address})`;
  return `Refused to connect to ${target}: ${reason}. HTTP tools do not reach loopback, private, link-local or metadata addresses by default. ${privateNetworkOptIn}`;
}
