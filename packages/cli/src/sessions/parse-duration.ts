import { UsageError } from '@strands-cli/core/errors';

const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * Milliseconds of a duration such as `30m`, `12h`, `7d` (units s, m, h, d, w).
 * @throws UsageError (exit 2) for anything else, with the accepted forms.
 */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+)([smhdw])$/.exec(text.trim());
  const amount = match ? Number(match[1]) : Number.NaN;
  if (!match || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new UsageError(`${flag} "${text}" is not a duration`, {
      hint: `Give a whole number and a unit: 30m, 12h, 7d or 2w (units: ${Object.keys(unitMs).join(', ')}).`,
    });
  }
  return amount * unitMs[match[2] as keyof typeof unitMs];
}
