import type { ZodType } from 'zod';
import { builtinExecutorPackages } from '../../plugins/builtin-plugins.js';
import { executorPackageName, loadExecutor, type PluginSources } from '../../plugins/load-plugin.js';
import { PluginNotInstalledError, type SpecIssue, StrandsError } from '../../spec/v1/errors.js';
import type { AnalysisV1, ExecutorV1 } from '../../spec/v1/executor-v1.js';
import { unknownPluginName } from '../checks/plugin-names.js';
import { listIds } from '../issues/did-you-mean.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';
import type { SourceMap } from '../source/source-map.js';

/** Who validates and analyses a `pattern.type`. */
export type PatternOwner =
  | { readonly kind: 'executor'; readonly executor: ExecutorV1<unknown>; readonly configSchema: ZodType }
  | { readonly kind: 'unavailable'; readonly error: Error };

/** Every pattern type name a spec may use without a package name. */
export function knownPatternTypes(): string[] {
  return Object.keys(builtinExecutorPackages);
}

/**
 * Finds the owner of `pattern.type`: an executor plugin (built-in short name or package name, or
 * one passed in `plugins.executors`). An unknown short
 * name is an issue naming the known ones; a package name that is not installed is an issue naming
 * the package and its install command.
 */
export async function resolvePatternOwner(
  type: string,
  plugins: PluginSources,
  sourceMap: SourceMap,
): Promise<PatternOwner | SpecIssue> {
  const known = knownPatternTypes();
  const unknown =
    plugins.executors?.[type] || type in builtinExecutorPackages
      ? undefined
      : unknownPluginName(type, known, executorPackageName(type), plugins.searchFrom);
  if (unknown) {
    const { suggestion } = unknown;
    return {
      ...sourceMap.locate('/pattern/type'),
      message: `unknown pattern type \`${type}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
      hint: `Pattern types: ${listIds(known)} (or the package name of an executor plugin).`,
      code: 'pattern',
    };
  }
  try {
    const executor = await loadExecutor(type, plugins);
    return { kind: 'executor', executor, configSchema: executor.configSchema as ZodType };
  } catch (error) {
    // A package that is not there cannot run the spec at all: an error at `validate`, with the
    // install command, rather than a note that only `explain` would spell out.
    if (PluginNotInstalledError.isInstance(error) && !(type in builtinExecutorPackages)) {
      return {
        ...sourceMap.locate('/pattern/type'),
        message: `pattern type \`${type}\` is not built in and its package ${error.packageName} is not installed`,
        hint: `${error.hint ?? ''} Built-in pattern types: ${listIds(known)}.`.trim(),
        code: 'plugin-missing',
      };
    }
    if (StrandsError.isInstance(error)) return { kind: 'unavailable', error };
    throw error;
  }
}

/** The owner's static analysis of a validated config. */
export function analyzeWithOwner(
  owner: PatternOwner,
  config: unknown,
  spec: Readonly<WorkflowSpec>,
): AnalysisV1 {
  if (owner.kind === 'executor') return owner.executor.analyze(config, spec);
  return emptyAnalysis;
}

/** An analysis with nothing in it. */
export const emptyAnalysis: AnalysisV1 = {
  agentReferences: [],
  toolReferences: [],
  templates: [],
  issues: [],
  graph: { nodes: [], edges: [] },
};
