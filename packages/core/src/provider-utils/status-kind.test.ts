import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../spec/v1/errors.js';
import { providerErrorKindOfStatus } from './status-kind.js';

describe('providerErrorKindOfStatus', () => {
  it('maps every status class to its kind', () => {
    const kinds = [429, 401, 403, 404, 408, 409, 500, 503, 400, 422, 302].map(providerErrorKindOfStatus);
    expect(kinds).toEqual([
      'rate-limit',
      'auth',
      'auth',
      'not-found',
      'timeout',
      'server',
      'server',
      'server',
      'bad-request',
      'bad-request',
      undefined,
    ]);
  });

  it('gives the retryable kinds to the transient statuses only', () => {
    const retryable = (status: number) =>
      new ProviderCallError({
        providerId: 'x',
        kind: providerErrorKindOfStatus(status) ?? 'bad-request',
        message: 'm',
      }).isRetryable;
    expect([429, 408, 409, 500, 502].map(retryable)).toEqual([true, true, true, true, true]);
    expect([400, 401, 403, 404, 422].map(retryable)).toEqual([false, false, false, false, false]);
  });
});
