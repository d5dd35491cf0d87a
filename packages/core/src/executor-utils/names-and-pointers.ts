/** Small helpers for the locations and id lists executors put in issues and messages. */

/** Builds a pointer from path segments, e.g. `['agents', 'a/b']` → `/agents/a~1b`. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** A readable list of ids: `` `a`, `b` and `c` `` (at most 12, then "and N more"). */
export function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return '(none)';
  const shown = ids.slice(0, 12).map((id) => `\`${id}\``);
  const rest = ids.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
