/**
 * Generates broken specs from valid ones, deterministically (a seeded generator), for the bad-input
 * tests: structural mutations of the parsed document and byte-level mutations of its text.
 */
import { stringify } from 'yaml';

/** A deterministic source of randomness (mulberry32), so a failing case can be replayed by seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

type Path = readonly (string | number)[];
type Container = Record<string, unknown> | unknown[];

/** One generated broken spec: what was done, and the bytes to load. */
export interface Mutant {
  readonly description: string;
  readonly bytes: Buffer;
  /** The file extension it must be saved with. */
  readonly extension: 'yaml' | 'json';
}

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** Every path to a value in `document` (not the root), depth first. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (!isContainer(value)) return [];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, index) => index)
    : Object.keys(value);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...pathsOf((value as Record<string | number, unknown>)[key], path)];
  });
}

function parentOf(document: unknown, path: Path): Container {
  let current = document;
  for (const key of path.slice(0, -1)) current = (current as Record<string | number, unknown>)[key];
  return current as Container;
}

function setAt(document: unknown, path: Path, value: unknown): void {
  (parentOf(document, path) as Record<string | number, unknown>)[path.at(-1) as string] = value;
}

function getAt(document: unknown, path: Path): unknown {
  return (parentOf(document, path) as Record<string | number, unknown>)[path.at(-1) as string];
}

function removeAt(document: unknown, path: Path): void {
  const parent = parentOf(document, path);
  const key = path.at(-1) as string | number;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key as string];
}

/** Values of every JSON type, and a few hostile ones, to swap in for a value of another type. */
const replacements: readonly unknown[] = [
  42,
  -1,
  3.5,
  0,
  true,
  null,
  '',
  'text',
  [],
  {},
  ['a', 'b'],
  { nested: { deeper: 1 } },
  1e308,
  '{{ undefined_name }}',
  '{% for %}',
  '{{ "x" * 10000000 }}',
  'x'.repeat(100_000),
  '\u0000\u0007\u001b[31m',
  '../../etc/passwd',
];

/** Names that exist on every object's prototype: a reference to one must not pass for a definition. */
const prototypeNames = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'];

const referenceKeys = new Set(['agent', 'deps', 'tools', 'tool_overrides', 'id']);

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function describePath(path: Path): string {
  return `/${path.join('/')}`;
}

/** The structural mutations, each applied in place to a copy of the document. */
const documentMutations: ReadonlyArray<
  (document: Record<string, unknown>, random: () => number) => string | undefined
> = [
  function removeKey(document, random) {
    const path = pick(random, pathsOf(document));
    removeAt(document, path);
    return `removed ${describePath(path)}`;
  },
  function swapType(document, random) {
    const path = pick(random, pathsOf(document));
    const value = pick(random, replacements);
    setAt(document, path, structuredClone(value));
    return `set ${describePath(path)} to ${JSON.stringify(value)?.slice(0, 40)}`;
  },
  function wrapInMapping(document, random) {
    const path = pick(random, pathsOf(document));
    setAt(document, path, { [pick(random, ['value', 'config', 'steps'])]: getAt(document, path) });
    return `nested ${describePath(path)} one level too deep`;
  },
  function liftChild(document, random) {
    const candidates = pathsOf(document).filter((path) => path.length >= 2);
    const path = pick(random, candidates);
    const value = getAt(document, path);
    removeAt(document, path);
    const parentPath = path.slice(0, -1);
    const grandparent = parentOf(document, parentPath);
    if (Array.isArray(grandparent)) grandparent.push(value);
    else grandparent[String(path.at(-1))] = value;
    return `moved ${describePath(path)} one level up`;
  },
  function misspellKey(document, random) {
    const candidates = pathsOf(document).filter((path) => typeof path.at(-1) === 'string');
    const path = pick(random, candidates);
    const key = String(path.at(-1));
    if (key.length < 2) return undefined;
    const parent = parentOf(document, path) as Record<string, unknown>;
    const typo = `${key.slice(1, 2)}${key.slice(0, 1)}${key.slice(2)}`;
    parent[typo] = parent[key];
    delete parent[key];
    return `renamed ${describePath(path)} to ${typo}`;
  },
  function unknownReference(document, random) {
    const candidates = pathsOf(document).filter(
      (path) => referenceKeys.has(String(path.at(-1))) || referenceKeys.has(String(path.at(-2))),
    );
    if (candidates.length === 0) return undefined;
    const path = pick(random, candidates);
    const name = random() < 0.5 ? pick(random, prototypeNames) : `ghost_${Math.floor(random() * 1000)}`;
    const current = getAt(document, path);
    setAt(document, path, Array.isArray(current) ? [...current, name] : name);
    return `pointed ${describePath(path)} at ${name}`;
  },
  function makeCycle(document) {
    const tasks = (
      (document.pattern as Record<string, unknown> | undefined)?.config as Record<string, unknown> | undefined
    )?.tasks;
    if (!Array.isArray(tasks) || tasks.length < 2) return undefined;
    const first = tasks[0] as Record<string, unknown>;
    const last = tasks.at(-1) as Record<string, unknown>;
    first.deps = [...((first.deps as unknown[]) ?? []), last.id];
    return `made task ${String(first.id)} depend on ${String(last.id)} (a cycle)`;
  },
  function duplicateEntry(document, random) {
    const lists = pathsOf(document).filter((path) => {
      const value = getAt(document, path);
      return Array.isArray(value) && value.length > 0 && isContainer(value[0]);
    });
    if (lists.length === 0) return undefined;
    const path = pick(random, lists);
    const list = getAt(document, path) as unknown[];
    list.push(structuredClone(list[0]));
    return `duplicated the first entry of ${describePath(path)}`;
  },
];

/** Byte-level mutations of the spec text. */
const textMutations: ReadonlyArray<(text: Buffer, random: () => number) => [string, Buffer]> = [
  (text, random) => {
    const at = Math.floor(random() * text.length);
    return [`truncated at byte ${at}`, text.subarray(0, at)];
  },
  (text, random) => {
    const lines = text.toString('utf8').split('\n');
    const at = Math.floor(random() * lines.length);
    lines.splice(at, 1);
    return [`deleted line ${at + 1}`, Buffer.from(lines.join('\n'))];
  },
  (text, random) => {
    const lines = text.toString('utf8').split('\n');
    const at = Math.floor(random() * lines.length);
    lines.splice(at, 0, lines[at] ?? '');
    return [`duplicated line ${at + 1}`, Buffer.from(lines.join('\n'))];
  },
  (text, random) => {
    const lines = text.toString('utf8').split('\n');
    const at = Math.floor(random() * lines.length);
    lines[at] = `${random() < 0.5 ? ' ' : '\t'}${lines[at]}`;
    return [`shifted line ${at + 1}`, Buffer.from(lines.join('\n'))];
  },
  (text, random) => {
    const at = Math.floor(random() * text.length);
    const garbage = Buffer.from(Array.from({ length: 8 }, () => Math.floor(random() * 256)));
    return [
      `inserted 8 random bytes at ${at}`,
      Buffer.concat([text.subarray(0, at), garbage, text.subarray(at)]),
    ];
  },
  (text, random) => {
    const bytes = Buffer.from(text);
    const at = Math.floor(random() * bytes.length);
    bytes[at] = pick(random, [0x3a, 0x7b, 0x5b, 0x22, 0x27, 0x26, 0x2a, 0x7c, 0x3e]);
    return [`replaced byte ${at} with a YAML indicator`, bytes];
  },
];

/**
 * `count` broken variants of `document` (whose YAML text is `text`), about two thirds structural and
 * one third byte-level, from `seed`.
 */
export function mutants(
  document: Record<string, unknown>,
  text: Buffer,
  seed: number,
  count: number,
): Mutant[] {
  const random = seededRandom(seed);
  const results: Mutant[] = [];
  while (results.length < count) {
    if (random() < 0.66) {
      const copy = structuredClone(document);
      const mutations = 1 + Math.floor(random() * 3);
      const steps: string[] = [];
      for (let index = 0; index < mutations; index++) {
        const step = pick(random, documentMutations)(copy, random);
        if (step) steps.push(step);
      }
      if (steps.length === 0) continue;
      const asJson = random() < 0.2;
      const bytes = Buffer.from(asJson ? JSON.stringify(copy) : stringify(copy, { lineWidth: 0 }));
      results.push({ description: steps.join('; '), bytes, extension: asJson ? 'json' : 'yaml' });
    } else {
      const [description, bytes] = pick(random, textMutations)(text, random);
      results.push({ description, bytes, extension: 'yaml' });
    }
  }
  return results;
}
