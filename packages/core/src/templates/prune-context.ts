/**
 * Narrows a render to what a template can possibly read, so that the cost of a render does not grow
 * with everything a run has produced. minijinja-js copies its whole context into WASM on every
 * render, item by item: without this, step n of a chain pays for the records of all n-1 steps before
 * it, and a 1000-step chain (and its validation) becomes quadratic.
 *
 * - Only names written in the template's tags (`{{ }}`, `{% %}`) can be read; other names are
 *   dropped.
 * - A mapping read only through literal keys (`tasks.fetch`, `tasks['fetch']`) keeps just those keys.
 * - A sequence read only through literal indices (`steps[3]`, `steps[-1]`) is replaced by the items
 *   read, and the template's indices are rewritten to point at them. Its length is then unobservable,
 *   since nothing else reads the sequence; an index out of range points past the end, as before.
 * - Anything read another way (a loop, a filter, `| length`, a variable index, a method call,
 *   `debug()`) keeps its value whole.
 *
 * The caller renders the narrowed template; when that fails it renders the original against the
 * whole context, so errors are described exactly as without narrowing.
 */

const identifierPattern = /[A-Za-z_][A-Za-z0-9_]*/g;
const memberPattern =
  /^(\s*)(?:\[\s*(-?\d+)\s*\]|\[\s*'([^'\\]*)'\s*\]|\[\s*"([^"\\]*)"\s*\]|\.\s*([A-Za-z_]\w*))/;

/** One literal subscript of a name: where it is in the source and what it reads. */
interface Subscript {
  /** Offsets of the subscript (`[3]`, `.id`) in the source, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The integer of `[3]`; undefined for a key. */
  readonly index: number | undefined;
  /** The key of `.id`, `['id']`, or the digits of `[3]`. */
  readonly key: string;
}

/** How a template uses one top-level name. */
interface NameUse {
  /** True when some use reads the value whole. */
  whole: boolean;
  readonly subscripts: Subscript[];
}

/** The analysis of one template source: every name its tags use, and how. */
type TemplateUses = ReadonlyMap<string, NameUse>;

/** What to render instead of the original. */
export interface NarrowedRender {
  readonly source: string;
  readonly context: Readonly<Record<string, unknown>>;
  /** False when nothing could be left out (source and context are the originals). */
  readonly changed: boolean;
}

/**
 * The `[start, end)` spans of the code of `{{ }}` and `{% %}` tags: text outside tags and comments
 * cannot reference variables. Quoted strings inside a tag are skipped over, so a `}}` in a string
 * does not end the tag; an unterminated tag runs to the end (the render then reports it).
 */
function tagSpans(source: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
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
    spans.push([open + 2, Math.min(cursor, source.length)]);
    index = cursor + 2;
  }
  return spans;
}

/** The literal subscript right after offset `at` of `code` (which starts at `offset` in the source). */
function subscriptAt(code: string, at: number, offset: number): Subscript | undefined {
  const rest = code.slice(at, at + 256);
  const match = memberPattern.exec(rest);
  if (!match) return undefined;
  // `tasks.items()` calls a method of the whole mapping: that reads it whole.
  if (/^\s*\(/.test(rest.slice(match[0].length))) return undefined;
  const digits = match[2];
  return {
    start: offset + at + (match[1]?.length ?? 0),
    end: offset + at + match[0].length,
    index: digits === undefined ? undefined : Number(digits),
    key: digits ?? match[3] ?? match[4] ?? match[5] ?? '',
  };
}

/** `code` with the contents of its string literals blanked out (same length, quotes kept). */
function maskStrings(code: string): string {
  // UTF-16 units, so that offsets in the mask are offsets in the code.
  const characters = code.split('');
  let quote: string | undefined;
  for (let index = 0; index < characters.length; index += 1) {
    const character = characters[index];
    if (quote === undefined) {
      if (character === '"' || character === "'") quote = character;
    } else if (character === quote) {
      quote = undefined;
    } else {
      characters[index] = ' ';
      // An escaped character (a quote included) is part of the string too.
      if (character === '\\' && index + 1 < characters.length) {
        index += 1;
        characters[index] = ' ';
      }
    }
  }
  return characters.join('');
}

/** Every top-level-looking name in the tags of `source` and how it is used. */
function analyse(source: string): TemplateUses {
  const uses = new Map<string, NameUse>();
  for (const [start, end] of tagSpans(source)) {
    const code = source.slice(start, end);
    // Names inside string literals are text, not variables.
    for (const match of maskStrings(code).matchAll(identifierPattern)) {
      const name = match[0];
      const at = match.index ?? 0;
      let use = uses.get(name);
      if (!use) {
        use = { whole: false, subscripts: [] };
        uses.set(name, use);
      }
      // `x.name` is an attribute of x, not the variable `name`: keep `name` whole (harmless).
      const subscript = code[at - 1] === '.' ? undefined : subscriptAt(code, at + name.length, start);
      if (subscript && Number.isSafeInteger(subscript.index ?? 0)) use.subscripts.push(subscript);
      else use.whole = true;
    }
  }
  return uses;
}

/** Analyses of recent templates: validation and the run render the same sources. */
const analysed = new Map<string, TemplateUses>();
const maxAnalysed = 2048;

function usesOf(source: string): TemplateUses {
  let uses = analysed.get(source);
  if (!uses) {
    uses = analyse(source);
    if (analysed.size >= maxAnalysed) analysed.clear();
    analysed.set(source, uses);
  }
  return uses;
}

/** A rewrite of the source: the span to replace and its replacement. */
type Edit = readonly [start: number, end: number, text: string];

/**
 * The items of `sequence` that `subscripts` read, in order of first use, with the edits that point
 * each subscript at its item (an index out of range points past the end).
 */
function compactSequence(
  sequence: readonly unknown[],
  subscripts: readonly Subscript[],
): { items: unknown[]; edits: Edit[] } | undefined {
  const items: unknown[] = [];
  const slotOf = new Map<number, number>();
  const pending: Array<[Subscript, number | undefined]> = [];
  for (const subscript of subscripts) {
    if (subscript.index === undefined) return undefined;
    const position = subscript.index < 0 ? sequence.length + subscript.index : subscript.index;
    if (position < 0 || position >= sequence.length) {
      pending.push([subscript, undefined]);
      continue;
    }
    let slot = slotOf.get(position);
    if (slot === undefined) {
      slot = items.length;
      items.push(sequence[position]);
      slotOf.set(position, slot);
    }
    pending.push([subscript, slot]);
  }
  const edits = pending.map(
    ([subscript, slot]): Edit => [subscript.start, subscript.end, `[${slot ?? items.length}]`],
  );
  return { items, edits };
}

function applyEdits(source: string, edits: Edit[]): string {
  if (edits.length === 0) return source;
  edits.sort((a, b) => a[0] - b[0]);
  let output = '';
  let from = 0;
  for (const [start, end, text] of edits) {
    output += source.slice(from, start) + text;
    from = end;
  }
  return output + source.slice(from);
}

/** What `source` should be rendered with instead of `context` (see the module comment). */
export function narrowForRender(source: string, context: Readonly<Record<string, unknown>>): NarrowedRender {
  const uses = usesOf(source);
  // debug() prints the whole context, and a raw block prints its tags as text: leave both alone.
  if (uses.has('debug') || uses.has('raw')) return { source, context, changed: false };
  const narrowed: Record<string, unknown> = {};
  const edits: Edit[] = [];
  for (const [name, use] of uses) {
    if (!Object.hasOwn(context, name)) continue;
    const value = context[name];
    if (use.whole || value === null || typeof value !== 'object') {
      narrowed[name] = value;
    } else if (Array.isArray(value)) {
      const compact = compactSequence(value, use.subscripts);
      narrowed[name] = compact ? compact.items : value;
      if (compact) edits.push(...compact.edits);
    } else {
      const mapping = value as Record<string, unknown>;
      const kept: Record<string, unknown> = {};
      for (const { key } of use.subscripts) if (Object.hasOwn(mapping, key)) kept[key] = mapping[key];
      narrowed[name] = kept;
    }
  }
  return { source: applyEdits(source, edits), context: narrowed, changed: true };
}
