import { builtinProviderPackages, plannedProviders } from '../../plugins/builtin-plugins.js';
import { type PluginSources, providerPackageName } from '../../plugins/load-plugin.js';
import { loadProviderFacts, type ProviderFacts } from '../../plugins/provider-manifest.js';
import { findInstalledPackage } from '../../plugins/resolve-package.js';
import {
  type CapabilityIssue,
  PluginNotInstalledError,
  type SpecIssue,
  StrandsError,
} from '../../spec/v1/errors.js';
import { type InferenceParameterName, inferenceParameterNames } from '../../spec/v1/model-provider-v1.js';
import { listIds } from '../issues/did-you-mean.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';
import { toPointer } from '../source/json-pointer.js';
import type { SourceMap } from '../source/source-map.js';
import { unknownPluginName } from './plugin-names.js';

/** What the provider check found. */
export interface ProviderCheck {
  readonly issues: SpecIssue[];
  readonly warnings: SpecIssue[];
  readonly capabilityIssues: CapabilityIssue[];
  /** Facts of the providers whose inference parameters were checked, by the name used in the spec. */
  readonly descriptors: ReadonlyMap<string, ProviderFacts>;
}

const inferenceNames: readonly InferenceParameterName[] = inferenceParameterNames;

/**
 * Checks `runtime.provider` and every `agents.*.provider`: a built-in short name, a planned one
 * (a capability issue), or a package name. Loads only the providers' cheap descriptors (never a
 * vendor SDK); a provider package that is not built in and not installed is an error naming its
 * install command (a built-in one left out of the install is a warning: only `run` needs it). Reports
 * inference parameters a provider does not take.
 */
export async function checkProviders(
  spec: Readonly<WorkflowSpec>,
  plugins: PluginSources,
  sourceMap: SourceMap,
): Promise<ProviderCheck> {
  const result: ProviderCheck = { issues: [], warnings: [], capabilityIssues: [], descriptors: new Map() };
  const places: { name: string; pointer: string }[] = [
    { name: spec.runtime.provider, pointer: '/runtime/provider' },
  ];
  for (const [agentId, agent] of Object.entries(spec.agents)) {
    if (agent.provider !== undefined)
      places.push({ name: agent.provider, pointer: toPointer(['agents', agentId, 'provider']) });
  }
  const loaded = new Map<string, Promise<ProviderFacts | StrandsError | Error | undefined>>();
  const builtin = Object.keys(builtinProviderPackages);
  for (const { name, pointer } of places) {
    if (plannedProviders.includes(name)) {
      result.capabilityIssues.push({
        pointer,
        reason: `Provider '${name}' is not available in this version`,
        remediation: `Use ${builtin.join(', ')} (an OpenAI-compatible endpoint works through openai with runtime.host), or install a provider package for '${name}' and name it here.`,
      });
      continue;
    }
    // Providers handed over as instances (runWorkflow's `providers`) are known by whatever name they use.
    const unknown =
      builtin.includes(name) || plugins.providers?.[name]
        ? undefined
        : unknownPluginName(
            name,
            [...builtin, ...plannedProviders],
            providerPackageName(name),
            plugins.searchFrom,
          );
    if (unknown) {
      const { suggestion } = unknown;
      result.issues.push({
        ...sourceMap.locate(pointer),
        message: `unknown provider \`${name}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
        hint: `Use one of ${listIds(builtin)}, or the package name of a provider plugin (e.g. @acme/strands-provider-x).`,
        code: 'provider',
      });
      continue;
    }
    if (loaded.has(name)) continue;
    // Importing a provider package costs ~40 ms of module loading, so validate only looks for it on
    // disk, and reads its facts (package.json first) only when an inference parameter needs them.
    const given = plugins.providers?.[name];
    const installed = given ? undefined : findInstalledPackage(providerPackageName(name), plugins.searchFrom);
    const pending: Promise<ProviderFacts | StrandsError | Error | undefined> =
      !given && !installed
        ? Promise.resolve(new PluginNotInstalledError('model-provider', name, providerPackageName(name)))
        : usesInference(spec, name)
          ? loadProviderFacts(name, plugins, installed).catch((error: unknown) => error as Error)
          : Promise.resolve(undefined);
    loaded.set(name, pending);
    const outcome = await pending;
    if (PluginNotInstalledError.isInstance(outcome) && !builtin.includes(name)) {
      // A name that is neither built in nor installed cannot run at all: an error now, not at `run`.
      // (A built-in short name whose package was left out of a slim install stays a warning.)
      result.issues.push({
        ...sourceMap.locate(pointer),
        message: `provider \`${name}\` is not built in and its package ${outcome.packageName} is not installed`,
        hint: `${outcome.hint ?? ''} Built-in providers: ${listIds(builtin)}.`.trim(),
        code: 'plugin-missing',
      });
    } else if (outcome instanceof Error) {
      result.warnings.push({
        ...sourceMap.locate(pointer),
        message: `provider \`${name}\` cannot be loaded: ${outcome.message}. Validation goes on; \`strands run\` needs it.`,
        hint: StrandsError.isInstance(outcome) ? outcome.hint : undefined,
        code: 'provider-missing',
      });
    } else if (outcome) {
      (result.descriptors as Map<string, ProviderFacts>).set(name, outcome);
    }
  }
  checkInference(spec, result, sourceMap);
  return result;
}

/** True when some inference parameter would be sent to `providerName`, so its descriptor must be checked. */
function usesInference(spec: Readonly<WorkflowSpec>, providerName: string): boolean {
  const runtimeSetsAny = inferenceNames.some((name) => spec.runtime[name] !== undefined);
  return Object.values(spec.agents).some((agent) => {
    if ((agent.provider ?? spec.runtime.provider) !== providerName) return false;
    return runtimeSetsAny || inferenceNames.some((name) => agent.inference?.[name] !== undefined);
  });
}

function checkInference(spec: Readonly<WorkflowSpec>, result: ProviderCheck, sourceMap: SourceMap): void {
  const report = (providerName: string, parameter: InferenceParameterName, pointer: string) => {
    const descriptor = result.descriptors.get(providerName);
    if (!descriptor || descriptor.supportedInference.includes(parameter)) return;
    result.warnings.push({
      ...sourceMap.locate(pointer),
      message: `provider \`${providerName}\` does not take \`${parameter}\`; it will not be sent`,
      hint: `Parameters ${providerName} takes: ${listIds([...descriptor.supportedInference])}.`,
      code: 'inference',
    });
  };
  const runtimeParameters = inferenceNames.filter((name) => spec.runtime[name] !== undefined);
  const agentsOnRuntimeProvider = Object.values(spec.agents).some((agent) => agent.provider === undefined);
  if (agentsOnRuntimeProvider) {
    for (const name of runtimeParameters) report(spec.runtime.provider, name, toPointer(['runtime', name]));
  }
  for (const [agentId, agent] of Object.entries(spec.agents)) {
    const provider = agent.provider ?? spec.runtime.provider;
    for (const name of inferenceNames) {
      if (agent.inference?.[name] !== undefined)
        report(provider, name, toPointer(['agents', agentId, 'inference', name]));
    }
    if (agent.provider !== undefined && agent.provider !== spec.runtime.provider) {
      for (const name of runtimeParameters) report(provider, name, toPointer(['runtime', name]));
    }
  }
}
