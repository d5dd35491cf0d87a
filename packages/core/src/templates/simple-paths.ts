/**
 * The fast path of rendering: most templates in real specs only substitute values
 * (`{{ topic }}`, `{{ steps[0].response }}`, `{{ tasks.fetch.response }}`). When every tag of a
 * template is such a path and every path leads to a string (or a boolean or none), the engine would
 * output the text with each tag replaced by that value as Python prints it, so we do exactly that in
 * JavaScript. Anything else (filters, statements, comments, literals, negative indexes, a missing
 * name, a number, a list or mapping)
 * returns `undefined` and goes to the engine, which renders it or reports the error as before.
 *
 * Why: a render in the WebAssembly engine costs ~20 µs, and the first one in a process ~30 ms (the
 * engine is compiled and instantiated), which `strands validate` pays only for templates that need it.
 */

/** `{{ name(.name | [digits])* }}` at the current position (sticky). */
const simpleTag = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)\s*\}\}/y;

/** One step of a path: a key of a mapping or an index of a list. */
const pathSegment = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/y;

/** Names the engine reads as literals or operators, never as variables. */
const reservedNames = new Set([
  'true',
  'false',
  'none',
  'True',
  'False',
  'None',
  'and',
  'or',
  'not',
  'in',
  'is',
  'if',
  'else',
]);

/**
 * Renders `source` when it only substitutes strings (see the module comment); `undefined` when the
 * engine must render it. Reads only what the engine would see: own enumerable keys of mappings,
 * items of lists, never prototypes or functions.
 */
export function renderSimplePaths(
  source: string,
  context: Readonly<Record<string, unknown>>,
): string | undefined {
  if (source.includes('{%') || source.includes('{#')) return undefined;
  let output = '';
  let index = 0;
  for (;;) {
    const open = source.indexOf('{{', index);
    if (open < 0) return output + source.slice(index);
    simpleTag.lastIndex = open;
    const match = simpleTag.exec(source);
    if (!match?.[1]) return undefined;
    const text = printed(resolvePath(match[1], context));
    if (text === undefined) return undefined;
    output += source.slice(index, open) + text;
    index = simpleTag.lastIndex;
  }
}

/**
 * A value as the engine prints it (Python's `str`) when that needs no engine: strings, booleans and
 * none. Numbers are left to the engine, which knows whether a value is an integer or a float.
 */
function printed(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return value === null ? 'None' : undefined;
}

/** The value at `path` as the engine would look it up, or `undefined` when the engine must decide. */
function resolvePath(path: string, context: Readonly<Record<string, unknown>>): unknown {
  const root = /^[A-Za-z_][A-Za-z0-9_]*/.exec(path)?.[0] ?? '';
  if (reservedNames.has(root) || root.startsWith('__')) return undefined;
  let value = member(context, root);
  pathSegment.lastIndex = root.length;
  while (value !== undefined && pathSegment.lastIndex < path.length) {
    const segment = pathSegment.exec(path);
    if (!segment) return undefined;
    const [, key, position] = segment;
    if (key !== undefined) {
      if (key.startsWith('__') || Array.isArray(value)) return undefined;
      value = member(value, key);
    } else {
      value = Array.isArray(value) ? value[Number(position)] : undefined;
    }
  }
  return value;
}

/** An own, enumerable, non-function member of a plain mapping (what the engine receives of it). */
function member(holder: unknown, key: string): unknown {
  if (holder === null || typeof holder !== 'object') return undefined;
  if (!Object.prototype.propertyIsEnumerable.call(holder, key)) return undefined;
  const value = (holder as Record<string, unknown>)[key];
  return typeof value === 'function' ? undefined : value;
}
