/** Errors about the command line, the spec file and the plugins it names. */
import { ExitCode, StrandsError, type StrandsErrorOptions } from './strands-error.js';

const usageErrorMarker = Symbol.for('strands-cli.error.UsageError');

/** Bad command-line usage, e.g. a malformed `--var` (exit 2). */
export class UsageError extends StrandsError {
  protected readonly [usageErrorMarker] = true;

  /** True for a UsageError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is UsageError {
    return StrandsError.hasMarker(value, usageErrorMarker);
  }

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

const specValidationErrorMarker = Symbol.for('strands-cli.error.SpecValidationError');

/** A spec that could not be loaded or is invalid (exit 3). Holds every issue found. */
export class SpecValidationError extends StrandsError {
  protected readonly [specValidationErrorMarker] = true;

  /** True for a SpecValidationError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is SpecValidationError {
    return StrandsError.hasMarker(value, specValidationErrorMarker);
  }

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

const unsupportedFeatureErrorMarker = Symbol.for('strands-cli.error.UnsupportedFeatureError');

/** The spec uses features that are accepted but not implemented yet (exit 18). */
export class UnsupportedFeatureError extends StrandsError {
  protected readonly [unsupportedFeatureErrorMarker] = true;

  /** True for a UnsupportedFeatureError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is UnsupportedFeatureError {
    return StrandsError.hasMarker(value, unsupportedFeatureErrorMarker);
  }

  readonly issues: readonly CapabilityIssue[];
  constructor(issues: readonly CapabilityIssue[], options: StrandsErrorOptions = {}) {
    // A library caller sees only this error, not the CLI's report: the message names each feature
    // (a missing executor package among them) and the hint says what to change.
    const listed = issues.map((issue) => `\n  ${issue.pointer || '/'}: ${issue.reason}`).join('');
    super(
      `The spec uses ${issues.length} feature(s) this version cannot run yet:${listed}`,
      ExitCode.unsupported,
      {
        ...(issues.length > 0 ? { hint: issues.map((issue) => issue.remediation).join(' ') } : {}),
        ...options,
      },
    );
    this.name = 'UnsupportedFeatureError';
    this.issues = issues;
  }
}

const pluginNotInstalledErrorMarker = Symbol.for('strands-cli.error.PluginNotInstalledError');

/** A plugin package named by the spec is not installed (exit 18). */
export class PluginNotInstalledError extends StrandsError {
  protected readonly [pluginNotInstalledErrorMarker] = true;

  /** True for a PluginNotInstalledError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is PluginNotInstalledError {
    return StrandsError.hasMarker(value, pluginNotInstalledErrorMarker);
  }

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

const pluginContractErrorMarker = Symbol.for('strands-cli.error.PluginContractError');

/** A module was loaded as a plugin but does not satisfy the v1 contract (exit 18). */
export class PluginContractError extends StrandsError {
  protected readonly [pluginContractErrorMarker] = true;

  /** True for a PluginContractError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is PluginContractError {
    return StrandsError.hasMarker(value, pluginContractErrorMarker);
  }

  readonly packageName: string;
  constructor(packageName: string, problem: string) {
    super(`${packageName} is not a valid strands-cli plugin: ${problem}`, ExitCode.unsupported, {
      hint: 'Check that the package exports a default created with defineExecutor() or defineModelProvider() (specificationVersion v1).',
    });
    this.name = 'PluginContractError';
    this.packageName = packageName;
  }
}
