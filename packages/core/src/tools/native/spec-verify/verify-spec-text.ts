import { join } from 'node:path';
import type { PluginSources } from '../../../plugins/load-plugin.js';
import { type SpecIssue, SpecValidationError } from '../../../spec/v1/errors.js';
import { StrandsError } from '../../../spec/v1/strands-error.js';
import { loadSpecText } from '../../../spec-file/prepare-spec.js';
import type { SpecVerifyProblem, SpecVerifyReport } from './spec-verify-report.js';

/** Where and how `spec_verify` checks a spec. */
export interface VerifySpecOptions {
  /** Folder relative paths in the spec (agent `$ref`s, schema files) resolve from: the working directory. */
  readonly baseDirectory: string;
  /** Where plugins come from: the run's own sources, so the verdict matches what a run would do. */
  readonly plugins: PluginSources;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function problemOf(issue: SpecIssue): SpecVerifyProblem {
  return {
    pointer: issue.pointer,
    ...(issue.line === undefined ? {} : { line: issue.line }),
    ...(issue.column === undefined ? {} : { col: issue.column }),
    message: issue.message,
    ...(issue.hint === undefined ? {} : { fix: issue.hint }),
    code: issue.code,
  };
}

function failed(errors: SpecVerifyProblem[]): SpecVerifyReport {
  return { valid: false, schema_valid: false, capability_supported: null, errors, issues: [], warnings: [] };
}

/**
 * Checks `text` (YAML or JSON) with the same loader and capability check `strands run` uses, without
 * writing a file or running anything, and turns the outcome into a report. Required inputs without a
 * value are warnings, as in `strands validate`, since the model cannot pass `--var`.
 * @throws whatever is not a finding about the spec (a bug), so the tool reports it as a failure.
 */
export async function verifySpecText(
  text: string,
  checkCapability: boolean,
  options: VerifySpecOptions,
): Promise<SpecVerifyReport> {
  // A leading brace is JSON; YAML would accept most JSON too, but JSON's own errors locate better.
  const syntax = text.trimStart().startsWith('{') ? 'json' : 'yaml';
  const file = join(options.baseDirectory, `spec_verify-input.${syntax}`);
  let loaded: Awaited<ReturnType<typeof loadSpecText>>;
  try {
    loaded = await loadSpecText(text, file, {
      plugins: options.plugins,
      env: options.env,
      requireInputs: false,
      referenceRoot: options.baseDirectory,
    });
  } catch (error) {
    if (SpecValidationError.isInstance(error)) return failed(error.issues.map(problemOf));
    if (StrandsError.isInstance(error)) {
      return failed([
        { pointer: '', message: error.message, ...(error.hint ? { fix: error.hint } : {}), code: 'usage' },
      ]);
    }
    throw error;
  }
  const issues: SpecVerifyProblem[] = loaded.capabilityIssues.map((issue) => {
    const at = loaded.locate(issue.pointer);
    return problemOf({ ...at, message: issue.reason, hint: issue.remediation, code: 'capability' });
  });
  if (loaded.executor === undefined) {
    issues.push(
      problemOf({
        ...loaded.locate('/pattern/type'),
        message: `No executor runs pattern '${loaded.spec.pattern.type}'`,
        hint: 'Use a pattern type this version ships (see `strands list-supported`).',
        code: 'capability',
      }),
    );
  }
  const supported = issues.length === 0;
  const { spec } = loaded;
  return {
    valid: supported || !checkCapability,
    schema_valid: true,
    capability_supported: checkCapability ? supported : null,
    errors: [],
    issues: checkCapability ? issues : [],
    warnings: loaded.warnings.map(problemOf),
    spec_info: {
      name: spec.name,
      version: spec.version,
      pattern_type: spec.pattern.type,
      provider: spec.runtime.provider,
      agent_count: Object.keys(spec.agents).length,
    },
  };
}
