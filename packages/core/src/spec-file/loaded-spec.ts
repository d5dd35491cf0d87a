import type { CapabilityIssue, SpecIssue, SpecLocation } from '../spec/v1/errors.js';
import type { AnalysisV1, ExecutorV1 } from '../spec/v1/executor-v1.js';
import type { WorkflowSpec } from './schema/workflow-spec.js';

/** A spec that passed validation, with everything the runtime and the read-only commands need. */
export interface LoadedSpec {
  /** The validated spec (pattern.config still as written; see `patternConfig`). */
  readonly spec: WorkflowSpec;
  /** The file it came from, as given (undefined for in-memory specs). */
  readonly file: string | undefined;
  /** Directory that relative paths in the spec are resolved against. */
  readonly baseDirectory: string;
  /** SHA-256 of the raw file text, first 16 hex characters. */
  readonly fingerprint: string;
  /** Variables for templates: `inputs.values` with declared defaults, `--var` values merged over, coerced to declared types. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The executor that owns `pattern.type`, when one is installed (undefined for planned patterns). */
  readonly executor: ExecutorV1<unknown> | undefined;
  /** `pattern.config` as parsed by the executor's schema (defaults applied). */
  readonly patternConfig: unknown;
  /** The executor's static analysis (empty for planned patterns). */
  readonly analysis: AnalysisV1;
  /** What this version cannot run yet (empty when runnable). */
  readonly capabilityIssues: readonly CapabilityIssue[];
  /** Non-fatal findings worth showing (e.g. an inference parameter a provider ignores). */
  readonly warnings: readonly SpecIssue[];
  /** Maps a JSON pointer to its line and column in the file (best effort). */
  locate(pointer: string): SpecLocation;
}
