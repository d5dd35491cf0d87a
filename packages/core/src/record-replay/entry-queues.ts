/**
 * Entry positions by key, in recorded order. Each entry is filed under every key it can be found by:
 * the key the recording computed (from the request as it was, secrets included) and the key of the
 * request as the cassette shows it (secrets redacted). The second is what a replay sends on once a
 * secret-bearing tool result was answered from the cassette.
 */
export function indexEntries<Entry>(
  entries: readonly Entry[],
  keysOf: (entry: Entry) => readonly string[],
): Map<string, number[]> {
  const queues = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    for (const key of new Set(keysOf(entry))) {
      const queue = queues.get(key);
      if (queue) queue.push(index);
      else queues.set(key, [index]);
    }
  });
  return queues;
}

/**
 * The entries recorded under the first of `keys` that still has an unused one, else under the first
 * that has any (so a miss can say how often the request was recorded).
 */
export function pickQueue(
  queues: ReadonlyMap<string, readonly number[]>,
  keys: readonly string[],
  used: ReadonlySet<number>,
): readonly number[] {
  const found = keys.map((key) => queues.get(key)).filter((queue) => queue !== undefined);
  return found.find((queue) => queue.some((index) => !used.has(index))) ?? found[0] ?? [];
}
