/**
 * Compares two canonical requests field by field, to tell the user which recorded request is nearest
 * to the one that missed, and what changed.
 */

/** One field that differs. `recorded`/`now` are absent when the field exists on one side only. */
export interface RequestDifference {
  /** Where, e.g. `messages[0].content` or `inference.temperature`. */
  readonly path: string;
  readonly recorded?: unknown;
  readonly now?: unknown;
  readonly onlyIn?: 'recorded' | 'now';
  /** 0 (nothing alike) to 1 (equal); strings that share a long prefix or suffix score high. */
  readonly similarity: number;
}

/** Every differing field of two JSON values, in document order. */
export function diffRequests(recorded: unknown, now: unknown, path = ''): RequestDifference[] {
  if (Array.isArray(recorded) && Array.isArray(now)) {
    const differences: RequestDifference[] = [];
    const length = Math.max(recorded.length, now.length);
    for (let index = 0; index < length; index++) {
      const itemPath = `${path}[${index}]`;
      if (index >= now.length)
        differences.push({ path: itemPath, recorded: recorded[index], onlyIn: 'recorded', similarity: 0 });
      else if (index >= recorded.length)
        differences.push({ path: itemPath, now: now[index], onlyIn: 'now', similarity: 0 });
      else differences.push(...diffRequests(recorded[index], now[index], itemPath));
    }
    return differences;
  }
  if (isPlainObject(recorded) && isPlainObject(now)) {
    const names = [...new Set([...Object.keys(recorded), ...Object.keys(now)])];
    return names.flatMap((name) => {
      const memberPath = path === '' ? name : `${path}.${name}`;
      if (!(name in now))
        return [{ path: memberPath, recorded: recorded[name], onlyIn: 'recorded' as const, similarity: 0 }];
      if (!(name in recorded))
        return [{ path: memberPath, now: now[name], onlyIn: 'now' as const, similarity: 0 }];
      return diffRequests(recorded[name], now[name], memberPath);
    });
  }
  if (typeof recorded === 'string' && typeof now === 'string') {
    return recorded === now ? [] : [{ path, recorded, now, similarity: stringSimilarity(recorded, now) }];
  }
  return JSON.stringify(recorded) === JSON.stringify(now) ? [] : [{ path, recorded, now, similarity: 0 }];
}

/** How far apart two requests are: the number of differing fields, less credit for near-equal strings. */
export function requestDistance(differences: readonly RequestDifference[]): number {
  return differences.reduce((sum, difference) => sum + (1 - difference.similarity), 0);
}

/** Share of the longer string covered by the common prefix and suffix (a cheap edit-similarity). */
export function stringSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const prefix = commonPrefixLength(a, b);
  let suffix = 0;
  while (
    suffix < Math.min(a.length, b.length) - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  return (prefix + suffix) / longest;
}

const excerptLength = 60;
const contextBefore = 20;

/** One line for a difference, with strings shown around the first character that differs. */
export function formatDifference(difference: RequestDifference): string {
  if (difference.onlyIn === 'recorded')
    return `${difference.path} is only in the recorded request: ${show(difference.recorded)}`;
  if (difference.onlyIn === 'now') return `${difference.path} is new: ${show(difference.now)}`;
  const { recorded, now } = difference;
  if (typeof recorded === 'string' && typeof now === 'string') {
    const firstDifference = commonPrefixLength(recorded, now);
    // Short texts are shown whole; long ones from a little before the first change.
    const fits = Math.max(recorded.length, now.length) <= excerptLength;
    const start = fits ? 0 : Math.max(0, firstDifference - contextBefore);
    return `${difference.path} differs at character ${firstDifference + 1}: recorded ${excerpt(recorded, start)} vs now ${excerpt(now, start)}`;
  }
  return `${difference.path} differs: recorded ${show(recorded)} vs now ${show(now)}`;
}

function excerpt(text: string, start: number): string {
  const piece = text.slice(start, start + excerptLength);
  const escaped = JSON.stringify(piece).slice(1, -1);
  return `'${start > 0 ? '…' : ''}${escaped}${start + excerptLength < text.length ? '…' : ''}'`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return excerpt(value, 0);
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > excerptLength ? `${text.slice(0, excerptLength)}…` : text;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
