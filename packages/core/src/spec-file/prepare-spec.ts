import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadExecutor, type PluginSources } from '../plugins/load-plugin.js';
import { SpecValidationError } from '../spec/v1/errors.js';
import type { AnalysisV1 } from '../spec/v1/executor-v1.js';
import type { LoadedSpec } from './loaded-spec.js';
import { workflowSpecSchema } from './schema/workflow-spec.js';

/** Options for {@link prepareSpec} and {@link loadSpec}. */
export interface PrepareSpecOptions {
  /** `--var` values as given (`key=value` strings) or already split. */
  readonly vars?: readonly string[] | Readonly<Record<string, string>>;
  /** Where plugins come from. */
  readonly plugins: PluginSources;
  /** Environment (for capability checks that look at credentials). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const emptyAnalysis: AnalysisV1 = {
  agentReferences: [],
  toolReferences: [],
  templates: [],
  issues: [],
  graph: { nodes: [], edges: [] },
};

/**
 * Validates an in-memory spec document. MINIMAL VERSION from the foundation commit; the spec-format
 * work replaces it with the full pipeline (locations, cross-references, templates, capability).
 */
export async function prepareSpec(
  document: unknown,
  options: PrepareSpecOptions & { file?: string; sourceText?: string },
): Promise<LoadedSpec> {
  const parsed = workflowSpecSchema.safeParse(document);
  if (!parsed.success) {
    throw new SpecValidationError(
      'Spec validation failed',
      parsed.error.issues.map((issue) => ({
        pointer: `/${issue.path.join('/')}`,
        message: issue.message,
        code: 'schema',
      })),
    );
  }
  const spec = parsed.data;
  const vars = Array.isArray(options.vars)
    ? Object.fromEntries(
        (options.vars as string[]).map((pair) => [pair.split('=')[0], pair.slice(pair.indexOf('=') + 1)]),
      )
    : (options.vars ?? {});
  const variables = { ...(spec.inputs?.values ?? {}), ...vars };
  const executor = await loadExecutor(spec.pattern.type, options.plugins);
  const patternConfig = executor.configSchema.parse(spec.pattern.config);
  const analysis = executor.analyze(patternConfig, spec) ?? emptyAnalysis;
  const text = options.sourceText ?? JSON.stringify(document);
  return {
    spec,
    file: options.file,
    baseDirectory: options.file ? dirname(resolve(options.file)) : process.cwd(),
    fingerprint: createHash('sha256').update(text).digest('hex').slice(0, 16),
    variables,
    executor,
    patternConfig,
    analysis,
    capabilityIssues: [],
    warnings: [],
    locate: (pointer) => ({ pointer, file: options.file }),
  };
}

/** Reads, parses and validates a spec file. MINIMAL VERSION (see {@link prepareSpec}). */
export async function loadSpec(file: string, options: PrepareSpecOptions): Promise<LoadedSpec> {
  const text = await readFile(file, 'utf8');
  const document = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  return prepareSpec(document, { ...options, file, sourceText: text });
}
