import * as z from 'zod';
import { inferenceParameterNames, type ModelProviderPluginV1 } from '../spec/v1/model-provider-v1.js';
import type { CassetteV1 } from './cassette-format.js';
import type { Replayer } from './replayer.js';

/** Used when neither the cassette nor its entries tell a provider's default model; a replay then misses clearly. */
const unknownModelId = 'unknown-model (the cassette does not record this provider)';

/** Settings of a replayed provider: nothing, since nothing connects. */
type ReplaySettings = Record<string, never>;

/**
 * A stand-in provider plugin for one provider name that answers from a replayer. It reads no
 * environment, needs no credentials and creates no network client, so a replayed run works offline and
 * without the provider's package. Pass these to a run in place of the real plugins (by the names the
 * spec uses).
 */
export function replayProviderPlugin(
  providerName: string,
  replayer: Replayer,
): ModelProviderPluginV1<ReplaySettings> {
  return {
    kind: 'model-provider',
    specificationVersion: 'v1',
    id: providerName,
    version: 'replay',
    defaultModelId: replayDefaultModelId(providerName, replayer.cassette),
    supportedInference: inferenceParameterNames,
    configSchema: z.object({}).strict() as unknown as z.ZodType<ReplaySettings>,
    credentialVariables: [],
    resolveSettings: () => ({}),
    transportKey: () => 'replay',
    create: async () => replayer.provider(providerName),
  };
}

/** Replay plugins for every name in `providerNames` (duplicates ignored), keyed by name. */
export function replayProviderPlugins(
  providerNames: Iterable<string>,
  replayer: Replayer,
): Record<string, ModelProviderPluginV1<ReplaySettings>> {
  const plugins: Record<string, ModelProviderPluginV1<ReplaySettings>> = {};
  for (const name of providerNames) plugins[name] ??= replayProviderPlugin(name, replayer);
  return plugins;
}

/**
 * The model a replayed provider resolves when the spec names none: the recorded default, else the only
 * model the cassette used with that provider.
 */
function replayDefaultModelId(providerName: string, cassette: CassetteV1): string {
  const recorded = cassette.providers?.[providerName]?.defaultModelId;
  if (recorded) return recorded;
  const models = new Set(
    cassette.entries.filter((entry) => entry.provider === providerName).map((entry) => entry.request.modelId),
  );
  return models.size === 1 ? [...models][0]! : unknownModelId;
}
