import { createRequire } from 'node:module';
import type { SpecLocation } from '../spec/v1/errors.js';
import { TemplateError } from '../spec/v1/errors.js';
import { renderCompiled, type TemplateHost } from './compiled-templates.js';
import { postProcessRendered, regexSearchFilter, tojsonFilter, truncateFilter } from './filters.js';
import { narrowForRender } from './prune-context.js';
import { keepPythonStyleEscapes } from './python-escapes.js';
import { pythonPrintFilter, pythonPrintFilterName } from './python-repr.js';
import { pythonSliceFilter, pythonSliceFilterName } from './python-slice.js';
import { UnsupportedRegexError } from './regex-search.js';
import { dunderNameIn, isSandboxNameMessage, sandboxNameHint, sandboxNameMessage } from './sandbox-names.js';
import { renderSimplePaths } from './simple-paths.js';
import { rewriteForEngine } from './slice-rewrite.js';

/** The minijinja-js Environment, typed to what we use. */
interface MinijinjaEnvironment extends TemplateHost {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  enablePyCompat(): void;
  undefinedBehavior: 'strict' | 'chainable' | 'lenient';
  trimBlocks: boolean;
  lstripBlocks: boolean;
  keepTrailingNewline: boolean;
  fuel: number | null | undefined;
  debug: boolean;
}

/** Rendering limits that keep a hostile template from running forever or flooding memory. */
export const templateLimits = {
  /** minijinja "fuel": instructions a single render may execute. */
  fuel: 5_000_000,
  /** Characters a single render may produce. */
  maxOutputChars: 4 * 1024 * 1024,
} as const;

let environment: MinijinjaEnvironment | undefined;
let debugEnvironment: MinijinjaEnvironment | undefined;
/**
 * An error a JS filter raised during the current render. A filter must never throw into the engine
 * (the WASM traps and stays unusable), so it records the error here, returns '' and the render fails
 * once the engine is back.
 */
let filterFailure: Error | undefined;

/** `regex_search` as the engine calls it: failures are recorded, not thrown (see {@link filterFailure}). */
function engineRegexSearch(value: unknown, pattern: unknown): string {
  try {
    return regexSearchFilter(value, pattern);
  } catch (error) {
    filterFailure ??= error instanceof Error ? error : new Error(String(error));
    return '';
  }
}

/** The sandboxed environment, built once on first use (the WASM module loads synchronously, ~20 ms). */
function getEnvironment(): MinijinjaEnvironment {
  environment ??= createEnvironment(false);
  return environment;
}

function createEnvironment(debug: boolean): MinijinjaEnvironment {
  const require = createRequire(import.meta.url);
  const { Environment } = require('minijinja-js') as { Environment: new () => MinijinjaEnvironment };
  const created = new Environment();
  created.debug = debug;
  created.enablePyCompat();
  created.undefinedBehavior = 'strict';
  created.keepTrailingNewline = true;
  created.fuel = templateLimits.fuel;
  created.addFilter('truncate', truncateFilter as (...args: never[]) => unknown);
  created.addFilter('tojson', tojsonFilter as (...args: never[]) => unknown);
  created.addFilter('regex_search', engineRegexSearch as (...args: never[]) => unknown);
  created.addFilter(pythonSliceFilterName, pythonSliceFilter as (...args: never[]) => unknown);
  created.addFilter(pythonPrintFilterName, pythonPrintFilter as (...args: never[]) => unknown);
  return created;
}

/**
 * Renders a Jinja2-compatible template in the sandbox: no access to JavaScript objects, the process,
 * files or the network; undefined names are errors; CPU and output are bounded. The result has
 * control characters stripped and is NFC-normalised.
 * @throws TemplateError naming `location` and what went wrong.
 */
export function renderTemplate(
  source: string,
  context: Readonly<Record<string, unknown>>,
  location?: SpecLocation,
): string {
  // Fast path: most inputs have no template syntax at all.
  if (!source.includes('{{') && !source.includes('{%') && !source.includes('{#')) {
    return postProcessRendered(source);
  }
  // Substitutions of strings only (most templates) need no engine: see simple-paths.ts.
  const simple = renderSimplePaths(source, context);
  if (simple !== undefined) return checkedOutput(simple, location);
  // Only what the template can read crosses into the engine, so a render costs the same at step 1000
  // as at step 1 (the engine copies its whole context on every call).
  const narrowed = narrowForRender(source, context);
  let output: string;
  try {
    try {
      output = renderInEngine(narrowed.source, narrowed.context);
    } catch (error) {
      if (!narrowed.changed || isEngineFault(error) || error instanceof UnsupportedRegexError) throw error;
      // A failure is described from the template as written, against all it could see.
      output = renderInEngine(source, context);
    }
  } catch (error) {
    if (error instanceof UnsupportedRegexError) {
      throw new TemplateError(`${where(location)}${error.message}`, location, {
        hint: error.hint,
        cause: error,
      });
    }
    if (isEngineFault(error)) {
      // The engine trapped (out of memory) or a JS string could not hold its output: the WASM
      // environment may be left mid-borrow, so every later render would fail. Start afresh.
      environment = undefined;
      debugEnvironment = undefined;
      throw new TemplateError(
        `${where(location)}template output is too large (over ${templateLimits.maxOutputChars} characters) and was stopped`,
        location,
        { hint: 'Make the template produce less text.', cause: error },
      );
    }
    const message = describeTemplateFailure(source, context, error, location);
    throw new TemplateError(message, location, {
      hint: isSandboxNameMessage(message)
        ? sandboxNameHint
        : 'Check the names used in the template: only inputs, --var values and the names this step can see are defined.',
      cause: error,
    });
  }
  return checkedOutput(output, location);
}

/** The rendered text within the output limit, post-processed. */
function checkedOutput(output: string, location: SpecLocation | undefined): string {
  if (output.length > templateLimits.maxOutputChars) {
    throw new TemplateError(
      `${where(location)}template output exceeds ${templateLimits.maxOutputChars} characters`,
      location,
    );
  }
  return postProcessRendered(output);
}

function renderInEngine(source: string, context: Readonly<Record<string, unknown>>): string {
  filterFailure = undefined;
  try {
    const output = renderCompiled(getEnvironment(), source, engineSource, toPlainData(context));
    if (filterFailure) throw filterFailure;
    return output;
  } finally {
    filterFailure = undefined;
  }
}

/** The template as the engine must read it to render what Jinja2 renders. */
function engineSource(source: string): string {
  return rewriteForEngine(keepPythonStyleEscapes(source));
}

/**
 * True for failures of the engine itself rather than of the template: a WebAssembly trap (an
 * allocation the engine could not make), a JS string too long for the output, or the state a trap
 * leaves behind.
 */
function isEngineFault(error: unknown): boolean {
  // WebAssembly.RuntimeError by name: the DOM/WebAssembly typings are not part of this build.
  if ((error as Error | undefined)?.name === 'RuntimeError' || error instanceof RangeError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /^(unreachable|memory access out of bounds)|Cannot create a string longer|recursive use of an object/.test(
    message,
  );
}

function where(location: SpecLocation | undefined): string {
  if (!location) return '';
  const position = location.line === undefined ? '' : `:${location.line}:${location.column ?? 1}`;
  return `${location.file ?? ''}${position} ${location.pointer}: `.trimStart();
}

/**
 * Turns a minijinja error into one line that names the culprit. The engine's debug mode marks the
 * failing expression with carets; we re-render in debug mode only after a failure and keep just the
 * marked text (never its "referenced variables" dump, which may hold secrets).
 */
function describeTemplateFailure(
  source: string,
  context: Readonly<Record<string, unknown>>,
  error: unknown,
  location: SpecLocation | undefined,
): string {
  const raw = error instanceof Error ? error.message : String(error);
  if (/fuel/i.test(raw)) return `${where(location)}template ran too long and was stopped`;
  const summary = summaryOf(raw);
  // Marked in the template as written when it fails there the same way (columns and text then match
  // what the user wrote), else in the rewritten text the engine rendered (see slice-rewrite.ts).
  const marked =
    markedExpression(keepPythonStyleEscapes(source), context, summary) ??
    markedExpression(engineSource(source), context);
  if (!marked) return `${where(location)}${summary}`;
  const at = `template line ${marked.line}, column ${marked.column}`;
  const internal = dunderNameIn(marked.text);
  if (internal) {
    return `${where(location)}${sandboxNameMessage(marked.text, internal)} (${at})`;
  }
  if (/^undefined value/.test(summary)) {
    return `${where(location)}'${marked.text}' is undefined (${at})`;
  }
  return `${where(location)}${summary}: '${marked.text}' (${at})`;
}

/**
 * The first line of an engine error, without its `Error:` prefix and `(in <string>:n)` suffix (the
 * name is a cached template's when the render used one, see compiled-templates.ts).
 */
function summaryOf(raw: string): string {
  return (raw.split('\n')[0] ?? raw)
    .replace(/^Error:\s*/, '')
    .replace(/ \(in (?:<string>|template-\d+):(\d+)\)$/, '');
}

/** The expression the engine marks when rendering `engineText` fails (with `expected` as its summary, if given). */
function markedExpression(
  engineText: string,
  context: Readonly<Record<string, unknown>>,
  expected?: string,
): { text: string; line: number; column: number } | undefined {
  debugEnvironment ??= createEnvironment(true);
  let detail: string;
  try {
    debugEnvironment.renderStr(engineText, toPlainData(context));
    return undefined;
  } catch (error) {
    detail = error instanceof Error ? error.message : String(error);
  }
  if (expected !== undefined && summaryOf(detail) !== expected) return undefined;
  const lines = detail.split('\n');
  const index = lines.findIndex((text) => /^\s*\d+ > /.test(text));
  const sourceLine = lines[index];
  const caretLine = lines[index + 1];
  if (index < 0 || sourceLine === undefined || caretLine === undefined) return undefined;
  const prefix = /^(\s*(\d+) > )/.exec(sourceLine);
  const carets = /\^+/.exec(caretLine);
  if (!prefix?.[1] || !prefix[2] || !carets) return undefined;
  const start = carets.index - prefix[1].length;
  const text = sourceLine.slice(prefix[1].length).slice(start, start + carets[0].length);
  return { text, line: Number(prefix[2]), column: start + 1 };
}

/** Copies into plain JSON-like data so templates never see class instances, functions or prototypes. */
function toPlainData(value: unknown, depth = 0): unknown {
  if (depth > 64) return null;
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map((item) => toPlainData(item, depth + 1));
  if (typeof value === 'object') {
    const plain: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined && typeof item !== 'function') plain[key] = toPlainData(item, depth + 1);
    }
    return plain;
  }
  return null;
}
