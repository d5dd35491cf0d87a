/**
 * The error hierarchy every package shares. Each error carries an exit code, data and a fix hint, and
 * is recognised across duplicate installs through a `Symbol.for` marker (use `isInstance`, not
 * `instanceof`).
 */

const marker = Symbol.for('strands-cli.error');

/** Exit codes of the `strands` command (behaviour Part A §4). */
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
  readonly [marker] = true;
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

  /** True for any error of this hierarchy, even one thrown by another copy of the package. */
  static isInstance(value: unknown): value is StrandsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}

/** Bad command-line usage, e.g. a malformed `--var` (exit 2). */
export class UsageError extends StrandsError {
  constructor(message: string, options: StrandsErrorOptions = {}) {
    super(message, ExitCode.usage, options);
    this.name = 'UsageError';
  }
}

/** Where in a spec file something is. */
export interface SpecLocation {
  /** The spec file path as the user gave it. */
  file?: string;
  /** JSON pointer into the document, e.g. `/pattern/config/steps/1/input`. */
  pointer: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
}

/** One problem found in a spec. */
export interface SpecIssue extends SpecLocation {
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** A short machine-readable category, e.g. `schema`, `reference`, `template`, `cycle`. */
  code: string;
}

/** A spec that could not be loaded or is invalid (exit 3). Holds every issue found. */
export class SpecValidationError extends StrandsError {
  readonly issues: readonly SpecIssue[];
  readonly file: string | undefined;
  constructor(
    message: string,
    issues: readonly SpecIssue[],
    options: StrandsErrorOptions & { file?: string } = {},
  ) {
    super(message, ExitCode.spec, options);
    this.name = 'SpecValidationError';
    this.issues = issues;
    this.file = options.file;
  }
}

/** A feature the spec uses that this version cannot run (exit 18). */
export interface CapabilityIssue {
  pointer: string;
  reason: string;
  remediation: string;
}

/** The spec uses features that are accepted but not implemented yet (exit 18). */
export class UnsupportedFeatureError extends StrandsError {
  readonly issues: readonly CapabilityIssue[];
  constructor(issues: readonly CapabilityIssue[], options: StrandsErrorOptions = {}) {
    super(
      `The spec uses ${issues.length} feature(s) this version cannot run yet`,
      ExitCode.unsupported,
      options,
    );
    this.name = 'UnsupportedFeatureError';
    this.issues = issues;
  }
}

/** A plugin package named by the spec is not installed (exit 18). */
export class PluginNotInstalledError extends StrandsError {
  readonly kind: 'executor' | 'model-provider';
  readonly pluginName: string;
  readonly packageName: string;
  constructor(kind: 'executor' | 'model-provider', pluginName: string, packageName: string, cause?: unknown) {
    const what = kind === 'executor' ? 'Pattern' : 'Provider';
    super(
      `${what} '${pluginName}' needs the package ${packageName}, which is not installed`,
      ExitCode.unsupported,
      {
        hint: `Install it with: pnpm add ${packageName}   (or: npm install ${packageName})`,
        cause,
      },
    );
    this.name = 'PluginNotInstalledError';
    this.kind = kind;
    this.pluginName = pluginName;
    this.packageName = packageName;
  }
}

/** A module was loaded as a plugin but does not satisfy the v1 contract (exit 18). */
export class PluginContractError extends StrandsError {
  readonly packageName: string;
  constructor(packageName: string, problem: string) {
    super(`${packageName} is not a valid strands-cli plugin: ${problem}`, ExitCode.unsupported, {
      hint: 'Check that the package exports a default created with defineExecutor() or defineModelProvider() (specificationVersion v1).',
    });
    this.name = 'PluginContractError';
    this.packageName = packageName;
  }
}

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

/** A failed model call, mapped from a vendor SDK error (exit 10 once retries are exhausted). */
export class ProviderCallError extends StrandsError {
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

/** A step, task, branch or router call failed (exit 10, or the cause's exit code for budgets/cancellation). */
export class StepFailedError extends StrandsError {
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

/** Any runtime failure that is not a provider call (exit 10). */
export class RuntimeFailure extends StrandsError {
  constructor(message: string, options: StrandsErrorOptions = {}) {
    super(message, ExitCode.runtime, options);
    this.name = 'RuntimeFailure';
  }
}

/** A template failed to render (exit 10 at run time; reported as a spec issue by `validate`). */
export class TemplateError extends StrandsError {
  readonly location: SpecLocation | undefined;
  constructor(message: string, location?: SpecLocation, options: StrandsErrorOptions = {}) {
    super(message, ExitCode.runtime, options);
    this.name = 'TemplateError';
    this.location = location;
  }
}

/** Which budget was crossed. */
export type BudgetKind = 'max_tokens' | 'max_steps' | 'max_duration_s';

/** A budget of `runtime.budgets` was exceeded (exit 20). */
export class BudgetExceededError extends StrandsError {
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

/** The run was cancelled by a signal (SIGINT/SIGTERM or an aborted AbortSignal) (exit 130). */
export class RunCancelledError extends StrandsError {
  constructor(reason = 'The run was interrupted') {
    super(reason, ExitCode.interrupted);
    this.name = 'RunCancelledError';
  }
}

/** Writing an artifact failed, or an artifact path is unsafe (exit 12). */
export class ArtifactError extends StrandsError {
  readonly path: string | undefined;
  constructor(message: string, path?: string, options: StrandsErrorOptions = {}) {
    super(message, ExitCode.artifactIo, options);
    this.name = 'ArtifactError';
    this.path = path;
  }
}
