import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { type AddressPolicy, blockedAddressReason } from './address-policy.js';
import { refusalText } from './url-policy.js';

/** Resolves a host name to its addresses (like `dns.lookup` with `all: true`). Injectable for tests. */
export type HostResolver = (hostname: string) => Promise<readonly LookupAddress[]>;

/** Resolves with the system resolver, keeping the order the OS gives. */
export const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const blockedAddressErrorMarker = Symbol.for('strands-cli.error.BlockedAddressError');

/** Thrown (inside the socket) when a name resolves to an address the policy refuses. */
export class BlockedAddressError extends Error {
  protected readonly [blockedAddressErrorMarker] = true;
  /** Marks it for {@link findBlockedAddressError} across undici's error wrapping. */
  readonly code = 'ERR_STRANDS_BLOCKED_ADDRESS';

  /** True for a BlockedAddressError, even one from another copy of the package. */
  static isInstance(value: unknown): value is BlockedAddressError {
    return typeof value === 'object' && value !== null && blockedAddressErrorMarker in value;
  }

  constructor(message: string) {
    super(message);
    this.name = 'BlockedAddressError';
  }
}

/** Finds a {@link BlockedAddressError} in an error or its `cause` chain. */
export function findBlockedAddressError(error: unknown): BlockedAddressError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (BlockedAddressError.isInstance(current)) return current;
    current = current.cause;
  }
  return undefined;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for `net.connect` (undici's `connect.lookup`) that resolves the name and refuses it when
 * any address it resolves to is private, unless `allowPrivate`. The socket then connects to exactly
 * the address checked here, so DNS rebinding between check and connect is not possible.
 */
export function createGuardedLookup(options: {
  allowPrivate: boolean;
  resolve?: HostResolver | undefined;
  addressPolicy?: AddressPolicy | undefined;
}) {
  const resolve = options.resolve ?? systemResolver;
  const policy = options.addressPolicy ?? blockedAddressReason;
  return (
    hostname: string,
    lookupOptions: { family?: number | string; all?: boolean },
    callback: LookupCallback,
  ): void => {
    resolve(hostname).then(
      (found) => {
        const family = Number(lookupOptions.family) || 0;
        const addresses = found.filter((entry) => family === 0 || entry.family === family);
        if (addresses.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          callback(error, '');
          return;
        }
        if (!options.allowPrivate) {
          for (const entry of addresses) {
            const reason = policy(entry.address);
            if (reason !== undefined) {
              callback(new BlockedAddressError(refusalText(hostname, entry.address, reason)), '');
              return;
            }
          }
        }
        if (lookupOptions.all === true) callback(null, [...addresses]);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
