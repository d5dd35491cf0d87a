/**
 * A small `chain`-like executor for the core's spec-file tests (the real executors live in their
 * own packages, which the core cannot depend on). Steps see `steps` with earlier steps only,
 * and `last_response` from the second step on.
 */
import * as z from 'zod';
import type { AnalysisV1, ExecutorV1 } from '../../spec/v1/executor-v1.js';
import type { ModelProviderPluginV1 } from '../../spec/v1/model-provider-v1.js';
import { stepSchema } from '../schema/common.js';

const configSchema = z.strictObject({ steps: z.array(stepSchema).min(1) });
type Config = z.infer<typeof configSchema>;

function analyze(config: Config): AnalysisV1 {
  const records: Record<string, unknown>[] = [];
  const analysis: AnalysisV1 = {
    agentReferences: [],
    toolReferences: [],
    templates: [],
    issues: [],
    graph: { nodes: [], edges: [] },
    artifactScope: { steps: records },
  };
  config.steps.forEach((step, index) => {
    const pointer = `/pattern/config/steps/${index}`;
    if ('agent' in step) {
      (analysis.agentReferences as unknown[]).push({ id: step.agent, pointer: `${pointer}/agent` });
      (step.tool_overrides ?? []).forEach((id, position) => {
        (analysis.toolReferences as unknown[]).push({ id, pointer: `${pointer}/tool_overrides/${position}` });
      });
      if (step.input !== undefined) {
        (analysis.templates as unknown[]).push({
          pointer: `${pointer}/input`,
          template: step.input,
          scope: {
            steps: [...records],
            ...(index > 0 ? { last_response: (records[index - 1] as { response?: unknown }).response } : {}),
            ...step.vars,
          },
          hint: `steps[${index}] sees only earlier steps`,
        });
      }
    }
    records.push({ index, response: `<response ${index}>` });
  });
  return analysis;
}

/** The fixture executor, registered as `chain` in tests through `plugins.executors`. */
export const fixtureChainExecutor: ExecutorV1<Config> = {
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'chain',
  description: 'Fixture chain for tests.',
  version: '0.0.0',
  configSchema,
  analyze,
  run: async () => {
    throw new Error('not used in these tests');
  },
};

/** A provider descriptor that takes every inference parameter except `top_p` (never creates a client). */
export function fixtureProvider(id: string): ModelProviderPluginV1<unknown> {
  return {
    kind: 'model-provider',
    specificationVersion: 'v1',
    id,
    version: '0.0.0',
    defaultModelId: `${id}-default-model`,
    supportedInference: ['temperature', 'max_tokens'],
    configSchema: z.unknown(),
    credentialVariables: [],
    resolveSettings: () => ({}),
    transportKey: () => id,
    create: async () => {
      throw new Error('not used in these tests');
    },
  };
}

/** Plugin sources with the fixture executor and providers, and no installed packages. */
export const fixturePlugins = {
  searchFrom: [],
  executors: { chain: fixtureChainExecutor as ExecutorV1<unknown> },
  providers: { openai: fixtureProvider('openai'), ollama: fixtureProvider('ollama') },
};

/** The path of a fixture file. */
export function fixture(name: string): string {
  return new URL(name, import.meta.url).pathname;
}
