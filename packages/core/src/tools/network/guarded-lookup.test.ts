import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { BlockedAddressError, createGuardedLookup, findBlockedAddressError } from './guarded-lookup.js';

const resolver = (addresses: LookupAddress[]) => async () => addresses;

function lookupOnce(
  lookup: ReturnType<typeof createGuardedLookup>,
  options: { family?: number; all?: boolean },
): Promise<{ error: Error | null; address: unknown; family?: number }> {
  return new Promise((resolve) => {
    lookup('api.example.test', options, (error, address, family) => resolve({ error, address, family }));
  });
}

describe('createGuardedLookup', () => {
  it('refuses a name that resolves to a loopback address', async () => {
    const lookup = createGuardedLookup({
      allowPrivate: false,
      resolve: resolver([{ address: '127.0.0.1', family: 4 }]),
    });
    const { error } = await lookupOnce(lookup, { all: true });
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error?.message).toContain('api.example.test (127.0.0.1)');
    expect(error?.message).toContain('--allow-private-network');
  });

  it('refuses when any of several addresses is private (no partial answers)', async () => {
    const lookup = createGuardedLookup({
      allowPrivate: false,
      resolve: resolver([
        { address: '93.184.216.34', family: 4 },
        { address: '::ffff:10.0.0.1', family: 6 },
      ]),
    });
    expect(findBlockedAddressError((await lookupOnce(lookup, {})).error)).toBeDefined();
  });

  it('answers in the form net.connect asks for (all or one, by family)', async () => {
    const addresses: LookupAddress[] = [
      { address: '2606:4700::1111', family: 6 },
      { address: '1.1.1.1', family: 4 },
    ];
    const lookup = createGuardedLookup({ allowPrivate: false, resolve: resolver(addresses) });
    expect((await lookupOnce(lookup, { all: true })).address).toEqual(addresses);
    expect(await lookupOnce(lookup, { family: 4 })).toEqual({ error: null, address: '1.1.1.1', family: 4 });
  });

  it('lets private addresses through with the opt-in', async () => {
    const lookup = createGuardedLookup({
      allowPrivate: true,
      resolve: resolver([{ address: '127.0.0.1', family: 4 }]),
    });
    expect(await lookupOnce(lookup, {})).toEqual({ error: null, address: '127.0.0.1', family: 4 });
  });

  it('reports a name without addresses as not found', async () => {
    const lookup = createGuardedLookup({ allowPrivate: false, resolve: resolver([]) });
    expect((await lookupOnce(lookup, {})).error).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('finds a blocked-address error wrapped in causes', () => {
    const inner = new BlockedAddressError('no');
    expect(findBlockedAddressError(new Error('outer', { cause: inner }))).toBe(inner);
    expect(findBlockedAddressError(new Error('plain'))).toBeUndefined();
  });
});
