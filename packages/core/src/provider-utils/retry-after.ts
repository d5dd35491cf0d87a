/** Reads one response header by name, whatever the response's shape (a `Headers` object or a plain record). */
export type HeaderLookup = (name: string) => string | null | undefined;

/**
 * The wait a server asked for, in milliseconds: `retry-after-ms` (float ms), else `retry-after`
 * (seconds or an HTTP date, measured from `now`). `undefined` when neither is present or readable.
 * Providers put it on `ProviderCallError.retryAfterMs`, which the core's retry policy honours.
 * @example
 * retryAfterMs((name) => response.headers.get(name)) // 3000 for `retry-after: 3`
 */
export function retryAfterMs(header: HeaderLookup, now: number = Date.now()): number | undefined {
  const millis = Number.parseFloat(header('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return Math.round(millis);
  const value = header('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
