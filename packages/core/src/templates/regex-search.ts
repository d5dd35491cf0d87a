import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';

/**
 * The linear-time regex engine behind `regex_search`. JavaScript's own RegExp backtracks, so a pattern
 * like `^(a+)+$` against 30 `a`s and a `!` runs for hours inside one filter call, where no fuel limit,
 * budget timer or signal handler can interrupt it. RE2 matches in time linear in the input for every
 * pattern, at the price of backreferences and lookaround.
 */
type RE2JSModule = { RE2JS: typeof RE2JSClass };

let engine: RE2JSModule | undefined;

/** Loads re2js on first use only (its import and first compile cost tens of milliseconds). */
function loadEngine(): RE2JSModule {
  engine ??= createRequire(import.meta.url)('re2js') as RE2JSModule;
  return engine;
}

/** True once `regex_search` has loaded its engine in this process (for import-cost tests). */
export function isRegexEngineLoaded(): boolean {
  return engine !== undefined;
}

/** A `regex_search` pattern that is valid for JavaScript but uses what the linear-time engine refuses. */
export class UnsupportedRegexError extends Error {
  override readonly name = 'UnsupportedRegexError';
  /** How to write the pattern so that it works. */
  readonly hint =
    'regex_search runs patterns in linear time (RE2 syntax): rewrite it without backreferences (\\1) or lookaround ((?=, (?!, (?<=, (?<!), e.g. capture a wider group and test it in the template.';

  constructor(
    readonly pattern: string,
    readonly detail: string,
  ) {
    super(`regex_search pattern '${pattern}' is not supported by the linear-time regex engine: ${detail}`);
  }
}

/** Compiled patterns, few per spec; bounded so that generated patterns cannot grow it without end. */
const compiled = new Map<string, RE2JSClass | null>();
const maxCompiled = 256;

/**
 * `regex_search(pattern)`: the first capture group (or the whole match), case-insensitive; `''` when
 * nothing matches or when the pattern is not a regex at all. Runs in time linear in the input.
 * @throws UnsupportedRegexError when the pattern is a valid JavaScript regex that needs backtracking
 * (backreferences, lookaround) or exceeds the engine's repeat limit.
 */
export function regexSearch(value: unknown, pattern: unknown): string {
  if (typeof pattern !== 'string') return '';
  const expression = compile(pattern);
  if (!expression) return '';
  const matcher = expression.matcher(value == null ? '' : String(value));
  if (!matcher.find()) return '';
  const group = expression.groupCount() >= 1 ? matcher.group(1) : null;
  return group ?? matcher.group(0) ?? '';
}

function compile(pattern: string): RE2JSClass | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const { RE2JS } = loadEngine();
  let expression: RE2JSClass | null;
  try {
    expression = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    // A pattern no regex engine accepts keeps its old meaning (no match); one that only the
    // backtracking engine accepts is refused loudly, since silently never matching would hide it.
    if (!isJavaScriptRegex(pattern)) expression = null;
    else throw new UnsupportedRegexError(pattern, error instanceof Error ? error.message : String(error));
  }
  if (compiled.size >= maxCompiled) compiled.clear();
  compiled.set(pattern, expression);
  return expression;
}

/** Whether JavaScript's RegExp parses `pattern` (compiling never runs it, so this is safe). */
function isJavaScriptRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}
