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
 * HTML escaping; `indent` as Jinja2 spells it.
 */
export function tojsonFilter(value: unknown, indent?: unknown): string {
  const spacing = typeof indent === 'number' ? indent : isIndentKwargs(indent) ? indent.indent : undefined;
  const plain = fromEngineValue(value);
  if (spacing !== undefined) return JSON.stringify(plain, null, spacing) ?? 'null';
  return pythonStyleJson(plain);
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

function pythonStyleJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonStyleJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${pythonStyleJson(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isIndentKwargs(value: unknown): value is { indent: number } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { indent?: unknown }).indent === 'number'
  );
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
