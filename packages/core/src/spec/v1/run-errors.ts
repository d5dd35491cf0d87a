/** Errors of a run: model calls, steps, templates, budgets, cancellation and artifacts. */

import type { SpecLocation } from './spec-errors.js';
import { ExitCode, StrandsError, type StrandsErrorOptions } from './strands-error.js';

/** What kind of failure a provider call was, which decides whether the core retries it. */
export type ProviderErrorKind =
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'stream-cut'
  | 'auth'
  | 'not-found'
  | 'bad-request'
  | 'bad-response'
  | 'aborted';

const providerCallErrorMarker = Symbol.for('strands-cli.error.ProviderCallError');

/** A failed model call, mapped from a vendor SDK error (exit 10 once retries are exhausted). */
export class ProviderCallError extends StrandsError {
  protected readonly [providerCallErrorMarker] = true;

  /** True for a ProviderCallError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is ProviderCallError {
    return StrandsError.hasMarker(value, providerCallErrorMarker);
  }

  readonly providerId: string;
  readonly kind: ProviderErrorKind;
  readonly statusCode: number | undefined;
  /** Whether the core's failure policy may retry this call. */
  readonly isRetryable: boolean;
  /** Milliseconds the server asked us to wait (`Retry-After`), if any. */
  readonly retryAfterMs: number | undefined;
  readonly modelId: string | undefined;

  constructor(init: {
    providerId: string;
    kind: ProviderErrorKind;
    message: string;
    statusCode?: number;
    retryAfterMs?: number;
    modelId?: string;
    hint?: string;
    cause?: unknown;
    isRetryable?: boolean;
  }) {
    super(init.message, ExitCode.runtime, { hint: init.hint, cause: init.cause });
    this.name = 'ProviderCallError';
    this.providerId = init.providerId;
    this.kind = init.kind;
    this.statusCode = init.statusCode;
    this.retryAfterMs = init.retryAfterMs;
    this.modelId = init.modelId;
    this.isRetryable =
      init.isRetryable ??
      (init.kind === 'rate-limit' ||
        init.kind === 'server' ||
        init.kind === 'network' ||
        init.kind === 'timeout' ||
        init.kind === 'stream-cut');
  }
}

const stepFailedErrorMarker = Symbol.for('strands-cli.error.StepFailedError');

/** A step, task, branch or router call failed (exit 10, or the cause's exit code for budgets/cancellation). */
export class StepFailedError extends StrandsError {
  protected readonly [stepFailedErrorMarker] = true;

  /** True for a StepFailedError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is StepFailedError {
    return StrandsError.hasMarker(value, stepFailedErrorMarker);
  }

  readonly step: string;
  readonly agentId: string | undefined;
  constructor(step: string, agentId: string | undefined, cause: unknown, hint?: string) {
    const causeMessage = cause instanceof Error ? cause.message : String(cause);
    const who = agentId === undefined ? '' : ` (agent '${agentId}')`;
    const code = StrandsError.isInstance(cause) ? cause.exitCode : ExitCode.runtime;
    super(`${step}${who} failed: ${causeMessage}`, code, {
      hint: hint ?? (StrandsError.isInstance(cause) ? cause.hint : undefined),
      cause,
    });
    this.name = 'StepFailedError';
    this.step = step;
    this.agentId = agentId;
  }
}

const runtimeFailureMarker = Symbol.for('strands-cli.error.RuntimeFailure');

/** Any runtime failure that is not a provider call (exit 10). */
export class RuntimeFailure extends StrandsError {
  protected readonly [runtimeFailureMarker] = true;

  /** True for a RuntimeFailure (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is RuntimeFailure {
    return StrandsError.hasMarker(value, runtimeFailureMarker);
  }

  constructor(message: string, options: StrandsErrorOptions = {}) {
    super(message, ExitCode.runtime, options);
    this.name = 'RuntimeFailure';
  }
}

const templateErrorMarker = Symbol.for('strands-cli.error.TemplateError');

/** A template failed to render (exit 10 at run time; reported as a spec issue by `validate`). */
export class TemplateError extends StrandsError {
  protected readonly [templateErrorMarker] = true;

  /** True for a TemplateError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is TemplateError {
    return StrandsError.hasMarker(value, templateErrorMarker);
  }

  readonly location: SpecLocation | undefined;
  constructor(message: string, location?: SpecLocation, options: StrandsErrorOptions = {}) {
    super(message, ExitCode.runtime, options);
    this.name = 'TemplateError';
    this.location = location;
  }
}

/** Which budget was crossed. */
export type BudgetKind = 'max_tokens' | 'max_steps' | 'max_duration_s';

const budgetExceededErrorMarker = Symbol.for('strands-cli.error.BudgetExceededError');

/** A budget of `runtime.budgets` was exceeded (exit 20). */
export class BudgetExceededError extends StrandsError {
  protected readonly [budgetExceededErrorMarker] = true;

  /** True for a BudgetExceededError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is BudgetExceededError {
    return StrandsError.hasMarker(value, budgetExceededErrorMarker);
  }

  readonly budget: BudgetKind;
  readonly limit: number;
  readonly used: number;
  constructor(budget: BudgetKind, limit: number, used: number) {
    super(`Budget exceeded: ${budget} limit is ${limit}, used ${used}`, ExitCode.budget, {
      hint: `Raise runtime.budgets.${budget} in the spec, or shorten the workflow.`,
    });
    this.name = 'BudgetExceededError';
    this.budget = budget;
    this.limit = limit;
    this.used = used;
  }
}

const runCancelledErrorMarker = Symbol.for('strands-cli.error.RunCancelledError');

/** The run was cancelled by a signal (SIGINT/SIGTERM or an aborted AbortSignal) (exit 130). */
export class RunCancelledError extends StrandsError {
  protected readonly [runCancelledErrorMarker] = true;

  /** True for a RunCancelledError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is RunCancelledError {
    return StrandsError.hasMarker(value, runCancelledErrorMarker);
  }

  constructor(reason = 'The run was interrupted') {
    super(reason, ExitCode.interrupted);
    this.name = 'RunCancelledError';
  }
}

const artifactErrorMarker = Symbol.for('strands-cli.error.ArtifactError');

/** Writing an artifact failed, or an artifact path is unsafe (exit 12). */
export class ArtifactError extends StrandsError {
  protected readonly [artifactErrorMarker] = true;

  /** True for a ArtifactError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is ArtifactError {
    return StrandsError.hasMarker(value, artifactErrorMarker);
  }

  readonly path: string | undefined;
  constructor(message: string, path?: string, options: StrandsErrorOptions = {}) {
    super(message, ExitCode.artifactIo, options);
    this.name = 'ArtifactError';
    this.path = path;
  }
}
