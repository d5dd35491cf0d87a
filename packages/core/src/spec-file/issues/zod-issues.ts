/**
 * Turns zod issues into located, human spec issues: "`runtime.provider` is required", "unknown key
 * `agnet`. Did you mean `agent`?", "must be a whole number, found 1.5".
 */
import type { ZodType } from 'zod';
import type { SpecIssue } from '../../spec/v1/errors.js';
import { maxTimerMs, maxTimerSeconds } from '../../timers/safe-timeout.js';
import { toPointer } from '../source/json-pointer.js';
import type { SourceMap } from '../source/source-map.js';
import { closestMatch, listIds } from './did-you-mean.js';
import { objectKeys, schemaAt, unionOptions } from './zod-walk.js';

/** The parts of a zod 4 issue we read. */
export interface RawZodIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly keys?: readonly string[];
  readonly values?: readonly unknown[];
  readonly errors?: readonly (readonly RawZodIssue[])[];
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly origin?: string;
  readonly inclusive?: boolean;
}

interface Context {
  readonly root: ZodType;
  readonly data: unknown;
  readonly sourceMap: SourceMap;
}

/**
 * Converts the issues of validating `data` (found at `basePath` of the document) against `schema`.
 * A missing key that an unknown key's suggestion names is dropped: "did you mean" says it all.
 */
export function zodIssuesToSpecIssues(
  issues: readonly RawZodIssue[],
  schema: ZodType,
  data: unknown,
  basePath: readonly PropertyKey[],
  sourceMap: SourceMap,
): SpecIssue[] {
  const converted = convert(issues, { root: schema, data, sourceMap }, basePath, []);
  const suggested = new Set(
    converted
      .filter((issue) => issue.code === 'unknown-key' && issue.suggestion)
      .map((issue) => issue.suggestion!),
  );
  return converted
    .filter((issue) => !(issue.code === 'missing-key' && suggested.has(issue.pointer)))
    .map(({ suggestion: _suggestion, ...issue }) => issue);
}

type Converted = SpecIssue & { suggestion?: string };

function convert(
  issues: readonly RawZodIssue[],
  context: Context,
  basePath: readonly PropertyKey[],
  schemaPath: readonly PropertyKey[],
): Converted[] {
  const out: Converted[] = [];
  for (const issue of issues) {
    const relative = [...schemaPath, ...issue.path];
    const path = [...basePath, ...relative];
    const value = valueAt(context.data, relative);
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      const options = unionOptions(schemaAt(context.root, relative));
      const best = pickUnionOption(issue.errors);
      const option = options[best];
      const nested = issue.errors[best] ?? [];
      if (option) {
        const subContext: Context = { ...context, root: option, data: value };
        out.push(...convert(nested, subContext, path, []));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      const known = objectKeys(schemaAt(context.root, relative));
      for (const key of issue.keys ?? []) {
        const suggestion = closestMatch(key, known);
        const keyPath = [...path, key];
        out.push({
          ...context.sourceMap.locate(toPointer(keyPath)),
          message: `unknown key \`${key}\`${where(path)}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
          hint: suggestion
            ? `Rename \`${key}\` to \`${suggestion}\`.`
            : `Remove it. Keys allowed here: ${listIds(known)}.`,
          code: 'unknown-key',
          ...(suggestion ? { suggestion: toPointer([...path, suggestion]) } : {}),
        });
      }
      continue;
    }
    out.push({ ...context.sourceMap.locate(toPointer(path)), ...describe(issue, path, value) });
  }
  return out;
}

/** The union option with the fewest problems; an option whose type is wrong altogether loses. */
function pickUnionOption(errors: readonly (readonly RawZodIssue[])[]): number {
  let best = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  errors.forEach((optionIssues, index) => {
    let score = 0;
    for (const issue of optionIssues) {
      if (issue.path.length === 0 && issue.code === 'invalid_type') score += 100;
      else if (issue.path.length === 1 && issue.path[0] === 'type' && issue.code === 'invalid_value')
        score += 50;
      else if (issue.code === 'unrecognized_keys') score += issue.keys?.length ?? 1;
      else score += 1;
    }
    if (score < bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

function describe(
  issue: RawZodIssue,
  path: readonly PropertyKey[],
  value: unknown,
): { message: string; hint?: string; code: string } {
  const name = `\`${path.length === 0 ? '(root)' : dotted(path)}\``;
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        const key = String(path.at(-1));
        const parent = path.length > 1 ? ` under \`${dotted(path.slice(0, -1))}\`` : '';
        return { message: `${name} is required`, hint: `Add \`${key}:\`${parent}.`, code: 'missing-key' };
      }
      return {
        message: `${name} must be ${expectedName(issue.expected)}, found ${show(value)}`,
        code: 'schema',
      };
    }
    case 'invalid_value': {
      const allowed = (issue.values ?? []).map(String);
      const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
      return {
        message: `${name} must be one of ${listIds(allowed)}, found ${show(value)}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
        code: 'schema',
      };
    }
    case 'too_small':
      return { message: `${name} ${bound(issue, value, 'small')}`, code: 'schema' };
    case 'too_big':
      return {
        message: `${name} ${bound(issue, value, 'big')}`,
        ...(issue.origin === 'number' || issue.origin === 'int'
          ? { hint: `Use a value of at most ${Number(issue.maximum)}${timerNote(Number(issue.maximum))}.` }
          : {}),
        code: 'schema',
      };
    case 'invalid_format':
      return { message: `${name} ${issue.message}, found ${show(value)}`, code: 'schema' };
    default:
      return { message: `${name}: ${issue.message}`, code: 'schema' };
  }
}

/** Why a duration cannot be longer: the limit is the longest delay a Node timer holds. */
function timerNote(limit: number): string {
  return limit === maxTimerSeconds || limit === maxTimerMs
    ? ' (about 24.8 days, the longest wait the runtime can time; a longer one would fire at once)'
    : '';
}

function bound(issue: RawZodIssue, value: unknown, side: 'small' | 'big'): string {
  const limit = Number(side === 'small' ? issue.minimum : issue.maximum);
  if (issue.origin === 'array') {
    const count = Array.isArray(value) ? value.length : 0;
    return side === 'small'
      ? `needs at least ${limit} item${limit === 1 ? '' : 's'}, found ${count}`
      : `allows at most ${limit} item${limit === 1 ? '' : 's'}, found ${count}`;
  }
  if (issue.origin === 'string') {
    return side === 'small' && limit === 1
      ? 'must not be empty'
      : `must be ${side === 'small' ? 'at least' : 'at most'} ${limit} characters long`;
  }
  const relation =
    side === 'small'
      ? issue.inclusive === false
        ? 'greater than'
        : 'at least'
      : issue.inclusive === false
        ? 'less than'
        : 'at most';
  return `must be ${relation} ${limit}, found ${show(value)}`;
}

function expectedName(expected: string | undefined): string {
  switch (expected) {
    case 'string':
      return 'text (a string)';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping (key: value pairs)';
    default:
      return expected ?? 'something else';
  }
}

/** A short rendering of a found value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}

function where(path: readonly PropertyKey[]): string {
  return path.length === 0 ? ' at the top level' : ` in \`${dotted(path)}\``;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment as string];
  }
  return current;
}

/** A path as users read it: `pattern.config.steps[0].agent`. */
export function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' || /^\d+$/.test(String(segment))
        ? `[${String(segment)}]`
        : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}
