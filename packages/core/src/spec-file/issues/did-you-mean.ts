/** "Did you mean `agent`?" suggestions for misspelt keys and ids, by edit distance. */

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  for (let row = 1; row < rows; row += 1) {
    for (let column = 1; column < columns; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      const current = table[row]!;
      const previous = table[row - 1]!;
      let best = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        best = Math.min(best, table[row - 2]![column - 2]! + 1);
      }
      current[column] = best;
    }
  }
  return table[a.length]![b.length]!;
}

/**
 * The candidate closest to `word`, when it is close enough to be a likely typo: at most a third of
 * the word's length in edits (at least 1, at most 3), or the same word in another letter case.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = similarity(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Edit distance, but a case-only difference or a word extending a known one (`agent_id`) counts as close. */
function similarity(word: string, candidate: string): number {
  if (word === candidate) return 0.5;
  const [shorter, longer] = word.length < candidate.length ? [word, candidate] : [candidate, word];
  if (shorter.length >= 4 && longer.startsWith(shorter) && /^[_.-]/.test(longer.slice(shorter.length)))
    return 1;
  return editDistance(word, candidate);
}

/** `` did you mean `x`?`` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` Did you mean \`${match}\`?`;
}

export { listIds } from '../../executor-utils/names-and-pointers.js';
