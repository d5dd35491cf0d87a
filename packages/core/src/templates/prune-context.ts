/**
 * Narrows a render context to what a template can possibly read, so the cost of a render does not
 * grow with everything a run has produced. minijinja-js copies the whole context into WASM on every
 * render: without this, step n of a chain pays for the records of all n-1 steps before it, and a
 * 1000-step chain (or its validation) becomes quadratic.
 *
 * Only names that occur in the template's tags (`{{ }}`, `{% %}`) can be read; a name not written
 * there is dropped. A sequence or mapping that the template reads only through literal subscripts
 * (`steps[3]`, `steps[-1]`, `tasks.fetch`, `tasks['fetch']`) keeps just those members; a sequence
 * keeps its length (other items become null), so negative indices, out-of-range errors and
 * undefined-name errors behave exactly as with the full context. Anything read another way (a loop,
 * a filter, `| length`, a variable index, `debug()`) keeps the value whole.
 */

const identifierPattern = /[A-Za-z_][A-Za-z0-9_]*/g;

/** How a template uses one top-level name. */
interface NameUse {
  /** Literal members read (`[3]` as '3', `.id` / `['id']` as 'id'); undefined when read whole. */
  members: Set<string> | undefined;
}

/**
 * The code of the template's `{{ }}` and `{% %}` tags, joined: text outside tags and comments
 * cannot reference variables. Quoted strings inside a tag are skipped over, so a `}}` in a string
 * does not end the tag; an unterminated tag runs to the end (the render then reports it).
 */
function tagText(source: string): string {
  const parts: string[] = [];
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('{', index);
    if (open < 0) break;
    const kind = source[open + 1];
    if (kind === '#') {
      const close = source.indexOf('#}', open + 2);
      index = close < 0 ? source.length : close + 2;
      continue;
    }
    if (kind !== '{' && kind !== '%') {
      index = open + 1;
      continue;
    }
    const closing = kind === '{' ? '}' : '%';
    let cursor = open + 2;
    let quote: string | undefined;
    while (cursor < source.length) {
      const character = source[cursor];
      if (quote) {
        if (character === '\\') cursor += 1;
        else if (character === quote) quote = undefined;
      } else if (character === '"' || character === "'") {
        quote = character;
      } else if (character === closing && source[cursor + 1] === '}') {
        break;
      }
      cursor += 1;
    }
    parts.push(source.slice(open + 2, cursor));
    index = cursor + 2;
  }
  return parts.join('\n');
}

/** Reads `[ -3 ]`, `['id']`, `["id"]` or `.id` at `index` of `code`; undefined when none is there. */
function literalMember(code: string, index: number): string | undefined {
  const rest = code.slice(index, index + 256);
  const match =
    /^\s*(?:\[\s*(-?\d+)\s*\]|\[\s*'([^'\\]*)'\s*\]|\[\s*"([^"\\]*)"\s*\]|\.\s*([A-Za-z_]\w*))/.exec(rest);
  if (!match) return undefined;
  // `tasks.items()` calls a method of the whole mapping: that reads it whole.
  if (/^\s*\(/.test(rest.slice(match[0].length))) return undefined;
  return match[1] ?? match[2] ?? match[3] ?? match[4];
}

/** Every top-level-looking name of `code` and how it is used. */
function analyse(code: string): Map<string, NameUse> {
  const uses = new Map<string, NameUse>();
  for (const match of code.matchAll(identifierPattern)) {
    const name = match[0];
    const start = match.index ?? 0;
    const before = code[start - 1];
    const attribute = before === '.';
    const known = uses.get(name);
    // `x.name` is an attribute, not a variable: it keeps `name` (harmless) but never narrows it.
    const member = attribute ? undefined : literalMember(code, start + name.length);
    if (member === undefined) {
      uses.set(name, { members: undefined });
    } else if (!known) {
      uses.set(name, { members: new Set([member]) });
    } else {
      known.members?.add(member);
    }
  }
  return uses;
}

/** A sequence with only `indices` kept (negative ones count from the end), the rest null. */
function narrowSequence(value: readonly unknown[], indices: ReadonlySet<string>): unknown[] | undefined {
  const narrowed: unknown[] = new Array(value.length).fill(null);
  for (const text of indices) {
    const index = Number(text);
    if (!Number.isInteger(index)) return undefined;
    const position = index < 0 ? value.length + index : index;
    if (position >= 0 && position < value.length) narrowed[position] = value[position];
  }
  return narrowed;
}

/** A mapping with only `keys` kept. */
function narrowMapping(
  value: Readonly<Record<string, unknown>>,
  keys: ReadonlySet<string>,
): Record<string, unknown> {
  const narrowed: Record<string, unknown> = {};
  for (const key of keys) {
    if (Object.hasOwn(value, key)) narrowed[key] = value[key];
  }
  return narrowed;
}

/**
 * The part of `context` that `source` can read (see the module comment). Returns `context` itself
 * when nothing can be left out.
 */
export function pruneContext(
  source: string,
  context: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const code = tagText(source);
  const uses = analyse(code);
  // debug() prints the whole context: give it the whole context.
  if (uses.has('debug')) return context;
  const pruned: Record<string, unknown> = {};
  for (const [name, use] of uses) {
    if (!Object.hasOwn(context, name)) continue;
    const value = context[name];
    if (!use.members || value === null || typeof value !== 'object') {
      pruned[name] = value;
    } else if (Array.isArray(value)) {
      pruned[name] = narrowSequence(value, use.members) ?? value;
    } else {
      pruned[name] = narrowMapping(value as Record<string, unknown>, use.members);
    }
  }
  return pruned;
}
