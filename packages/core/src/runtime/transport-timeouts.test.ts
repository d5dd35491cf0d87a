import { describe, expect, it } from 'vitest';
import { defaultTransportTimeouts } from './run-types.js';
import { resolveTransportTimeouts } from './transport-timeouts.js';

describe('resolveTransportTimeouts', () => {
  it('uses the defaults without settings', () => {
    expect(resolveTransportTimeouts({})).toEqual(defaultTransportTimeouts);
  });

  it('reads seconds (fractions too) from STRANDS_REQUEST_TIMEOUT_S and STRANDS_CONNECT_TIMEOUT_S', () => {
    expect(
      resolveTransportTimeouts({ STRANDS_REQUEST_TIMEOUT_S: '0.25', STRANDS_CONNECT_TIMEOUT_S: '2' }),
    ).toEqual({ connectMs: 2000, headersMs: 250, bodyMs: 250 });
  });

  it('lets the caller override the environment, field by field', () => {
    expect(
      resolveTransportTimeouts({ STRANDS_REQUEST_TIMEOUT_S: '5' }, { bodyMs: 100, headersMs: undefined }),
    ).toEqual({ connectMs: 10_000, headersMs: 5000, bodyMs: 100 });
  });

  it.each(['0', '-1', 'soon', 'Infinity'])(
    'refuses %j with a usage error (exit 2) naming the variable',
    (value) => {
      expect(() => resolveTransportTimeouts({ STRANDS_REQUEST_TIMEOUT_S: value })).toThrow(
        expect.objectContaining({
          exitCode: 2,
          message: expect.stringContaining('STRANDS_REQUEST_TIMEOUT_S'),
        }),
      );
    },
  );

  it('refuses more seconds than a Node timer holds (it would fire after 1 ms), with the limit in the hint', () => {
    expect(() => resolveTransportTimeouts({ STRANDS_REQUEST_TIMEOUT_S: '3000000' })).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringContaining('longer than timers allow (2147483 seconds)'),
        hint: expect.stringContaining('at most 2147483 seconds'),
      }),
    );
    expect(resolveTransportTimeouts({ STRANDS_CONNECT_TIMEOUT_S: '2147483' }).connectMs).toBe(2_147_483_000);
  });

  it('clamps a caller-given timeout to the longest a timer holds', () => {
    expect(resolveTransportTimeouts({}, { headersMs: 2 ** 40 }).headersMs).toBe(2 ** 31 - 1);
  });
});
