import {
  type InferenceParameterName,
  inferenceParameterNames,
  type ModelProviderPluginV1,
} from '../spec/v1/model-provider-v1.js';
import { loadProvider, type PluginSources, providerPackageName } from './load-plugin.js';
import { findInstalledPackage, type InstalledPackage } from './resolve-package.js';

/**
 * The static facts about a provider that `validate` and `plan` need: its default model and the
 * inference parameters it takes. A provider package may declare them as plain data under the
 * `"strands-cli"` key of its package.json, so the read-only commands learn them from one small file
 * instead of importing the package (and its copy of zod and the core, ~40 ms).
 */
export interface ProviderFacts {
  readonly id: string;
  readonly defaultModelId: string;
  readonly supportedInference: readonly InferenceParameterName[];
  /** What the provider sends for a parameter the spec leaves unset (omitted when nothing). */
  readonly defaultInference?: Readonly<Partial<Record<InferenceParameterName, number>>>;
}

/** The package.json key a provider package declares its {@link ProviderFacts} under. */
export const providerManifestKey = 'strands-cli';

/**
 * The facts a package.json declares for a provider, or undefined when it declares none (or they are
 * malformed: then the caller imports the plugin, which stays the source of truth).
 */
export function providerFactsFromManifest(
  manifest: Readonly<Record<string, unknown>>,
): ProviderFacts | undefined {
  const declared = manifest[providerManifestKey];
  if (!declared || typeof declared !== 'object') return undefined;
  const { kind, id, defaultModelId, supportedInference, defaultInference } = declared as Record<
    string,
    unknown
  >;
  if (kind !== 'model-provider' || typeof id !== 'string' || typeof defaultModelId !== 'string')
    return undefined;
  if (
    !Array.isArray(supportedInference) ||
    !supportedInference.every((name) => (inferenceParameterNames as readonly unknown[]).includes(name))
  )
    return undefined;
  const defaults = inferenceDefaultsOf(defaultInference);
  if (defaults === null) return undefined;
  return {
    id,
    defaultModelId,
    supportedInference: supportedInference as InferenceParameterName[],
    ...(defaults ? { defaultInference: defaults } : {}),
  };
}

/** Declared inference defaults: undefined when none, null when malformed. */
function inferenceDefaultsOf(
  declared: unknown,
): Partial<Record<InferenceParameterName, number>> | undefined | null {
  if (declared === undefined) return undefined;
  if (!declared || typeof declared !== 'object' || Array.isArray(declared)) return null;
  const entries = Object.entries(declared);
  const valid = entries.every(
    ([name, value]) =>
      (inferenceParameterNames as readonly string[]).includes(name) && typeof value === 'number',
  );
  return valid ? (declared as Partial<Record<InferenceParameterName, number>>) : null;
}

/** The facts of a loaded provider plugin. */
export function providerFactsOf(plugin: ModelProviderPluginV1<unknown>): ProviderFacts {
  return {
    id: plugin.id,
    defaultModelId: plugin.defaultModelId,
    supportedInference: plugin.supportedInference,
    ...(plugin.defaultInference ? { defaultInference: plugin.defaultInference } : {}),
  };
}

/**
 * The facts of the provider a spec names: from a provider handed over as an instance, else from the
 * installed package's manifest, else by importing the package's plugin (its descriptor, never an SDK).
 * `installed` is the package when the caller has already looked it up (one package.json read, not two).
 * Rejects like {@link loadProvider} when the package is not installed or is not a provider.
 */
export async function loadProviderFacts(
  name: string,
  sources: PluginSources,
  installed: InstalledPackage | undefined = findInstalledPackage(
    providerPackageName(name),
    sources.searchFrom,
  ),
): Promise<ProviderFacts> {
  const given = sources.providers?.[name];
  if (!given) {
    const declared = installed && providerFactsFromManifest(installed.manifest);
    if (declared) return declared;
  }
  return providerFactsOf(await loadProvider(name, sources));
}
