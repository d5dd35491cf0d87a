import { fromEngineValue } from './filters.js';

/**
 * The filter that slice expressions are rewritten into (see slice-rewrite.ts). Its name starts with
 * an underscore so that it cannot clash with a filter a spec means to call.
 */
export const pythonSliceFilterName = '_strands_slice';

/**
 * Returned instead of a slice the template asked for with bounds Python would reject (a float, a
 * string, a zero step) or of a value that cannot be sliced (`none`). A JavaScript filter must not
 * throw (the engine traps and is left unusable), so the rewritten expression slices this number
 * once more, which the engine refuses with an error: the render fails as it does in Jinja2.
 */
const refused = 0;

/**
 * Python's `value[start:stop:step]` on a string (by code point) or a list, with Python's clamping of
 * out-of-range and negative bounds and its handling of negative steps. `start`, `stop` and `step`
 * are `undefined` where the slice leaves them out (or writes `none`).
 */
export function pythonSliceFilter(value: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  const items = typeof value === 'string' ? Array.from(value) : Array.isArray(value) ? value : undefined;
  const stride = toIndex(step) ?? 1;
  const from = toIndex(start);
  const to = toIndex(stop);
  if (!items || stride === 0 || from === false || to === false || stride === false) return refused;
  const length = items.length;
  const picked: unknown[] = [];
  if (stride > 0) {
    const first = from === undefined ? 0 : clamp(from, length, 0, length);
    const last = to === undefined ? length : clamp(to, length, 0, length);
    for (let index = first; index < last; index += stride) picked.push(items[index]);
  } else {
    const first = from === undefined ? length - 1 : clamp(from, length, -1, length - 1);
    const last = to === undefined ? -1 : clamp(to, length, -1, length - 1);
    for (let index = first; index > last; index += stride) picked.push(items[index]);
  }
  // The engine hands mappings in as `Map`s and would turn a returned `Map` into an empty mapping.
  return typeof value === 'string' ? picked.join('') : picked.map(fromEngineValue);
}

/** A bound as Python reads it: an integer (`true`/`false` are 1/0), `undefined` when absent, `false` when invalid. */
function toIndex(bound: unknown): number | undefined | false {
  if (bound === undefined || bound === null) return undefined;
  if (typeof bound === 'boolean') return bound ? 1 : 0;
  if (typeof bound === 'number' && Number.isInteger(bound)) return bound;
  return false;
}

/** A bound counted from the end when negative, then kept within `[low, high]` (Python's `slice.indices`). */
function clamp(bound: number, length: number, low: number, high: number): number {
  const absolute = bound < 0 ? bound + length : bound;
  return Math.min(Math.max(absolute, low), high);
}
