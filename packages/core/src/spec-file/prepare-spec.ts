import { dirname, extname, resolve } from 'node:path';
import type { PluginSources } from '../plugins/load-plugin.js';
import { type SpecIssue, SpecValidationError, UsageError } from '../spec/v1/errors.js';
import { parseVarArguments } from './inputs/parse-vars.js';
import { resolveVariables } from './inputs/resolve-variables.js';
import { findUnusedVars } from './inputs/unused-vars.js';
import { orderIssues } from './issues/order-issues.js';
import { checkSpec } from './load/check-spec.js';
import { analyzeWithOwner } from './load/pattern-owner.js';
import { resolveAgentRefs } from './load/resolve-agent-refs.js';
import { validateDocument } from './load/validate-document.js';
import type { LoadedSpec } from './loaded-spec.js';
import { parseSpecText, readSpecSource, type SpecSource } from './source/read-spec-source.js';
import { createSourceMap } from './source/source-map.js';

/** Options for {@link prepareSpec} and {@link loadSpec}. */
export interface PrepareSpecOptions {
  /**
   * `--var` values as given (`key=value` strings), or a record whose values may be of any type; both
   * are coerced to each input's declared type and checked against its enum.
   */
  readonly vars?: readonly string[] | Readonly<Record<string, unknown>>;
  /** Where plugins come from. */
  readonly plugins: PluginSources;
  /** Environment (for capability checks that look at credentials). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Whether a required input without a value is an error (a {@link UsageError}, exit 2). `run`
   * keeps the default `true`; `validate`, `plan` and `explain` pass `false` to get a warning instead.
   */
  readonly requireInputs?: boolean;
  /**
   * A folder every agent `$ref` must stay inside (symlinks resolved). Set for spec text that comes
   * from a model (`spec_verify`), so checking it cannot read files elsewhere.
   */
  readonly referenceRoot?: string;
}

/**
 * Reads, parses and validates a spec file: the whole loading pipeline. Throws a
 * {@link SpecValidationError} (exit 3) listing every problem with file:line:col, most useful first,
 * or a {@link UsageError} (exit 2) for bad `--var` values and missing required inputs.
 */
export async function loadSpec(file: string, options: PrepareSpecOptions): Promise<LoadedSpec> {
  const cliVars = parseVarArguments(options.vars);
  const source = await readSpecSource(file);
  return prepareSource(source, cliVars, options);
}

/**
 * Loads a spec from its text as if it were the file `file` (a session's snapshot of a spec): messages
 * name `file`, relative paths resolve from its folder, and the extension picks YAML or JSON.
 */
export async function loadSpecText(
  text: string,
  file: string,
  options: PrepareSpecOptions,
): Promise<LoadedSpec> {
  const cliVars = parseVarArguments(options.vars);
  const syntax = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  return prepareSource(parseSpecText(text, syntax, file), cliVars, options);
}

/**
 * Validates an in-memory spec document (programmatic use). `sourceText` (YAML or JSON) gives
 * messages line numbers; `file` names the file in messages and anchors relative paths.
 */
export async function prepareSpec(
  document: unknown,
  options: PrepareSpecOptions & { file?: string; sourceText?: string },
): Promise<LoadedSpec> {
  const cliVars = parseVarArguments(options.vars);
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new SpecValidationError('The top level of a spec must be a mapping of keys', [], {
      hint: 'Pass an object with version, name, runtime, agents and pattern.',
    });
  }
  let source: SpecSource;
  if (options.sourceText !== undefined) {
    const syntax = options.file && extname(options.file).toLowerCase() === '.json' ? 'json' : 'yaml';
    const parsed = parseSpecText(options.sourceText, syntax, options.file);
    source = { ...parsed, document: document as Record<string, unknown> };
  } else {
    const text = JSON.stringify(document);
    source = {
      file: options.file,
      text,
      document: document as Record<string, unknown>,
      sourceMap: createSourceMap(undefined, undefined, text, options.file),
    };
  }
  return prepareSource(source, cliVars, options);
}

async function prepareSource(
  source: SpecSource,
  cliVars: Record<string, unknown>,
  options: PrepareSpecOptions,
): Promise<LoadedSpec> {
  const { file, sourceMap } = source;
  const baseDirectory = file ? dirname(resolve(file)) : process.cwd();
  const refs = await resolveAgentRefs(
    source.document,
    baseDirectory,
    sourceMap,
    file === undefined ? undefined : resolve(file),
    options.referenceRoot,
  );
  const validated = await validateDocument(refs.document, options.plugins, sourceMap);
  if ('issues' in validated || refs.issues.length > 0) {
    throw invalid(file, [...refs.issues, ...('issues' in validated ? validated.issues : [])]);
  }
  const { spec, owner, patternConfig } = validated;
  const inputs = resolveVariables(spec, cliVars, sourceMap);
  const analysis = analyzeWithOwner(owner, patternConfig, spec);
  const findings = await checkSpec({
    spec,
    owner,
    analysis,
    inputs,
    file,
    baseDirectory,
    plugins: options.plugins,
    sourceMap,
    cliNames: new Set(Object.keys(cliVars)),
  });
  if (findings.issues.length > 0) throw invalid(file, findings.issues);
  if (inputs.usageProblems.length > 0) {
    throw new UsageError(inputs.usageProblems.join('\n'), {
      hint: 'Give each --var a value of the type its input declares.',
    });
  }
  if (findings.usageProblems.length > 0) {
    throw new UsageError(findings.usageProblems.join('\n'), {
      hint: 'Give the --var a JSON value with every key the templates read.',
    });
  }
  const unused = findUnusedVars(spec, Object.keys(cliVars), findings.atomicInputNames);
  if (unused.errors.length > 0) {
    throw new UsageError(unused.errors.join('\n'), {
      hint: 'Fix the --var name; a misspelt name would leave the input at its default.',
    });
  }
  const warnings = [...findings.warnings, ...unused.warnings];
  const missing = [
    ...new Set([
      ...inputs.missingRequired.map((input) => input.name),
      ...findings.undeclared.map((entry) => entry.variable),
    ]),
  ];
  if (missing.length > 0 && options.requireInputs !== false) {
    throw new UsageError(`Missing input${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, {
      hint: `Pass ${missing.map((name) => `--var ${name}=...`).join(' ')} (or give a default or value in the spec's inputs).`,
    });
  }
  for (const input of inputs.missingRequired) {
    warnings.push({
      ...sourceMap.locate(input.pointer),
      message: `required input \`${input.name}\` has no value or default`,
      hint: `Pass it when you run: --var ${input.name}=...`,
      code: 'input-missing',
    });
  }
  warnings.push(...findings.undeclared.map((entry) => entry.issue));
  return {
    spec,
    file,
    baseDirectory,
    // A getter: hashing needs node:crypto, which `validate` and `plan` never need to load (~7 ms).
    get fingerprint() {
      const { createHash } = process.getBuiltinModule('node:crypto');
      return createHash('sha256').update(source.text).digest('hex').slice(0, 16);
    },
    variables: inputs.variables,
    executor: owner.kind === 'executor' ? owner.executor : undefined,
    patternConfig,
    analysis,
    capabilityIssues: findings.capabilityIssues,
    warnings,
    locate: (pointer) => sourceMap.locate(pointer),
  };
}

function invalid(file: string | undefined, issues: readonly SpecIssue[]): SpecValidationError {
  const ordered = orderIssues(issues);
  const count = `${ordered.length} problem${ordered.length === 1 ? '' : 's'}`;
  return new SpecValidationError(`${file ?? 'The spec'} is not a valid workflow spec (${count})`, ordered, {
    ...(file === undefined ? {} : { file }),
  });
}
