/**
 * The base of the error hierarchy every package shares, and the exit codes. Each class carries its own
 * `Symbol.for` marker, so `X.isInstance(error)` recognises an X (or a subclass) thrown by another copy of
 * the package, where `instanceof` fails: use `isInstance`, and never compare `error.name`.
 *
 * Exit codes live in the contract because plugins throw these errors and each error decides the exit
 * code of the `strands` command; a plugin must be able to say "this is a usage error" without
 * depending on the CLI.
 */

const strandsErrorMarker = Symbol.for('strands-cli.error.StrandsError');

/** Exit codes of the `strands` command, one per kind of failure so scripts can tell them apart. */
export const ExitCode = {
  ok: 0,
  usage: 2,
  spec: 3,
  runtime: 10,
  artifactIo: 12,
  session: 17,
  unsupported: 18,
  paused: 19,
  budget: 20,
  internal: 70,
  interrupted: 130,
} as const;
/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Options shared by every {@link StrandsError}. */
export interface StrandsErrorOptions {
  /** How the user fixes it, in one sentence. */
  hint?: string;
  /** The underlying error. */
  cause?: unknown;
}

/** Base class of every error this project throws on purpose. */
export class StrandsError extends Error {
  // Each class sets its own marker (protected, not private, only because the linter takes a private
  // member that is read through `in` for dead code).
  protected readonly [strandsErrorMarker] = true;
  /** The process exit code the CLI uses for this error. */
  readonly exitCode: ExitCodeValue;
  /** How to fix it, when known. */
  readonly hint: string | undefined;

  constructor(message: string, exitCode: ExitCodeValue, options: StrandsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StrandsError';
    this.exitCode = exitCode;
    this.hint = options.hint;
  }

  /**
   * True for any error of this hierarchy, even one thrown by another copy of the package (where
   * `instanceof` is false). Each subclass has its own `isInstance`, true for it and its subclasses.
   */
  static isInstance(value: unknown): value is StrandsError {
    return StrandsError.hasMarker(value, strandsErrorMarker);
  }

  /**
   * True when `value` carries `marker` (a `Symbol.for` key, so every copy of the package shares it).
   * Subclasses, including plugins' own, call it from their `isInstance` with their own marker.
   */
  protected static hasMarker(value: unknown, marker: symbol): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      marker in value &&
      (value as Record<symbol, unknown>)[marker] === true
    );
  }
}
