import { pythonNumber } from './python-repr.js';
import { regexSearch } from './regex-search.js';

/**
 * Filters strands-cli HEAD defines with its own semantics, registered over minijinja's
 * built-ins so that specs written for strands-cli render the same here.
 */

/** strands-cli `truncate(length=100)`: unchanged if short enough, else the first `length-3` characters plus `...`. */
export function truncateFilter(value: unknown, length: unknown = 100): string {
  const text = value == null ? '' : String(value);
  const limit = typeof length === 'number' && Number.isFinite(length) ? Math.max(0, Math.trunc(length)) : 100;
  if (text.length <= limit) return text;
  return `${text.slice(0, Math.max(0, limit - 3))}...`;
}

/**
 * `tojson`: JSON as Python's `json.dumps(ensure_ascii=False)` writes it (`{"k": 1, "l": [1, 2]}`), no
 * HTML escaping; `indent` as Jinja2 spells it (`tojson(2)`, `tojson(indent=2)`, or a string).
 */
export function tojsonFilter(value: unknown, indent?: unknown): string {
  // The engine hands keyword arguments to a JS filter as one trailing `Map`.
  const spacing = indent instanceof Map ? indent.get('indent') : indent;
  const unit =
    typeof spacing === 'number' && Number.isFinite(spacing)
      ? ' '.repeat(Math.max(0, Math.trunc(spacing)))
      : typeof spacing === 'string'
        ? spacing
        : undefined;
  return pythonStyleJson(value, unit, '');
}

/** minijinja hands maps to JS filters as `Map`s; turn them back into plain data. */
export function fromEngineValue(value: unknown): unknown {
  if (value instanceof Map) {
    const plain: Record<string, unknown> = {};
    for (const [key, item] of value) plain[String(key)] = fromEngineValue(item);
    return plain;
  }
  if (Array.isArray(value)) return value.map(fromEngineValue);
  return value ?? null;
}

/**
 * `json.dumps` output: `, ` and `: ` separators on one line, or with `indent` (`unit`) one item per
 * line. Reads the engine's `Map`s directly so keys keep the order the engine gives them.
 */
function pythonStyleJson(value: unknown, unit: string | undefined, margin: string): string {
  const items: string[] = [];
  let open = '[';
  let close = ']';
  const inner = unit === undefined ? margin : margin + unit;
  if (Array.isArray(value)) {
    for (const item of value) items.push(pythonStyleJson(item, unit, inner));
  } else if (value instanceof Map || (value !== null && typeof value === 'object')) {
    open = '{';
    close = '}';
    const entries = value instanceof Map ? [...value] : Object.entries(value as Record<string, unknown>);
    for (const [key, item] of entries) {
      items.push(`${JSON.stringify(String(key))}: ${pythonStyleJson(item, unit, inner)}`);
    }
  } else {
    return jsonScalar(value);
  }
  if (items.length === 0) return open + close;
  if (unit === undefined) return `${open}${items.join(', ')}${close}`;
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${margin}${close}`;
}

/** A scalar as `json.dumps` writes it (floats by Python's repr, `NaN` and `Infinity` as Python allows). */
function jsonScalar(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return pythonNumber(value, false);
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `regex_search(pattern)`: the first capture group (or the whole match), case-insensitive; `''` when
 * none. Linear-time (RE2 semantics): see {@link regexSearch}.
 * @throws UnsupportedRegexError for backreferences and lookaround.
 */
export function regexSearchFilter(value: unknown, pattern: unknown): string {
  return regexSearch(value, pattern);
}

/** Removes C0/C1 control characters except tab, LF and CR, then normalises to NFC, as strands-cli does. */
export function postProcessRendered(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').normalize('NFC');
}
