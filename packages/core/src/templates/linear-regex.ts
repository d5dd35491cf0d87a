import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';

type RE2JSModule = { RE2JS: typeof RE2JSClass };

let engine: RE2JSModule | undefined;

/**
 * Compiles a user pattern with the linear-time engine (re2js, loaded on first use), so matching it
 * can never backtrack for hours. Throws the engine's error for a pattern it refuses.
 */
export function compileLinearRegex(pattern: string, flags = 0): RE2JSClass {
  engine ??= createRequire(import.meta.url)('re2js') as RE2JSModule;
  return engine.RE2JS.compile(pattern, flags);
}

/** Why the linear-time engine refuses `pattern`, or undefined when it compiles. */
export function linearRegexProblem(pattern: string): string | undefined {
  try {
    compileLinearRegex(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
