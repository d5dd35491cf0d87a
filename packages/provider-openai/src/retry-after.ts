/** Reads the header lookup of a response, whatever its shape (a `Headers` object or a plain record). */
export type HeaderLookup = (name: string) => string | null | undefined;

/**
 * The wait a server asked for, in milliseconds: `retry-after-ms` (float ms), else `retry-after`
 * (seconds or an HTTP date). `undefined` when neither is present or readable.
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
