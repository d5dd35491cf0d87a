import type { SpecIssue } from '../../spec/v1/errors.js';
import { show } from '../issues/zod-issues.js';
import type { InputSpec, InputTypeName } from '../schema/inputs.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';
import { toPointer } from '../source/json-pointer.js';
import type { SourceMap } from '../source/source-map.js';
import { coerceInput, placeholderFor } from './coerce-input.js';

/** One declared input (from `inputs.required` or `inputs.optional`). */
export interface DeclaredInput {
  readonly name: string;
  readonly type: InputTypeName;
  readonly required: boolean;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly description?: string;
  readonly pointer: string;
}

/** Template variables and what went wrong computing them. */
export interface ResolvedInputs {
  /** Defaults, then `inputs.values`, then `--var` values, each coerced to its declared type. */
  readonly variables: Record<string, unknown>;
  /** `variables` plus typed placeholders for declared inputs that have no value yet. */
  readonly placeholders: Record<string, unknown>;
  /** Declared list/mapping inputs without a value: their members cannot be checked statically. */
  readonly opaqueNames: ReadonlySet<string>;
  readonly declared: ReadonlyMap<string, DeclaredInput>;
  /** Required inputs with neither a value nor a default. */
  readonly missingRequired: readonly DeclaredInput[];
  /** Problems in the spec file (exit 3). */
  readonly issues: readonly SpecIssue[];
  /** Problems with `--var` values (exit 2). */
  readonly usageProblems: readonly string[];
}

/** Reads the declared inputs of a spec. */
export function declaredInputs(spec: Readonly<WorkflowSpec>): Map<string, DeclaredInput> {
  const declared = new Map<string, DeclaredInput>();
  for (const kind of ['optional', 'required'] as const) {
    for (const [name, entry] of Object.entries(spec.inputs?.[kind] ?? {})) {
      declared.set(name, fromSpec(name, entry, kind === 'required', toPointer(['inputs', kind, name])));
    }
  }
  return declared;
}

function fromSpec(name: string, entry: InputSpec, required: boolean, pointer: string): DeclaredInput {
  if (typeof entry === 'string') return { name, type: entry, required, pointer };
  return {
    name,
    type: entry.type,
    required,
    pointer,
    ...('default' in entry && entry.default !== undefined ? { default: entry.default } : {}),
    ...(entry.enum ? { enum: entry.enum } : {}),
    ...(entry.description ? { description: entry.description } : {}),
  };
}

/**
 * Computes the template variables of a run: declared defaults, overridden by `inputs.values`,
 * overridden by `--var` values, each coerced to the declared type and checked against its enum.
 */
export function resolveVariables(
  spec: Readonly<WorkflowSpec>,
  cliVars: Readonly<Record<string, unknown>>,
  sourceMap: SourceMap,
): ResolvedInputs {
  const declared = declaredInputs(spec);
  const issues: SpecIssue[] = [];
  const usageProblems: string[] = [];
  const variables: Record<string, unknown> = {};
  const specIssue = (pointer: string, message: string, hint: string) =>
    issues.push({ ...sourceMap.locate(pointer), message, hint, code: 'input' });

  for (const name of Object.keys(spec.inputs?.required ?? {})) {
    if (spec.inputs?.optional && name in spec.inputs.optional) {
      specIssue(
        toPointer(['inputs', 'optional', name]),
        `input \`${name}\` is declared both required and optional`,
        'Keep one of the two.',
      );
    }
  }
  const sources: [string, unknown, 'default' | 'value' | 'cli'][] = [];
  for (const input of declared.values())
    if (input.default !== undefined) sources.push([input.name, input.default, 'default']);
  for (const [name, value] of Object.entries(spec.inputs?.values ?? {})) sources.push([name, value, 'value']);
  for (const [name, value] of Object.entries(cliVars)) sources.push([name, value, 'cli']);

  for (const [name, raw, origin] of sources) {
    const input = declared.get(name);
    if (!input) {
      variables[name] = raw;
      continue;
    }
    const pointer = origin === 'default' ? `${input.pointer}/default` : toPointer(['inputs', 'values', name]);
    const coerced = coerceInput(raw, input.type);
    let problem = coerced.ok ? undefined : coerced.problem;
    if (coerced.ok && input.enum && !input.enum.some((allowed) => sameValue(allowed, coerced.value))) {
      problem = `expected one of ${input.enum.map((allowed) => show(allowed)).join(', ')}`;
    }
    if (problem === undefined && coerced.ok) {
      variables[name] = coerced.value;
      continue;
    }
    if (origin === 'cli') {
      usageProblems.push(
        `--var ${name}=${typeof raw === 'string' ? raw : show(raw)}: input \`${name}\` is declared as ${input.type}; ${problem}`,
      );
    } else {
      specIssue(
        pointer,
        `${origin === 'default' ? 'the default of' : 'the value of'} input \`${name}\` is ${show(raw)}; ${problem}`,
        `Give a ${input.type} value, or change the declared type at ${input.pointer}.`,
      );
    }
  }

  const missingRequired = [...declared.values()].filter(
    (input) => input.required && !(input.name in variables),
  );
  const placeholders: Record<string, unknown> = { ...variables };
  const opaqueNames = new Set<string>();
  for (const input of declared.values()) {
    if (input.name in variables) continue;
    placeholders[input.name] = placeholderFor(input.name, input.type, input.enum);
    if (input.type === 'object' || input.type === 'array') opaqueNames.add(input.name);
  }
  return { variables, placeholders, opaqueNames, declared, missingRequired, issues, usageProblems };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
}
