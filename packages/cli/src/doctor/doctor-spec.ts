import {
  defaultMaxParallel,
  defaultTransportTimeouts,
  endpointRefusal,
  type LoadedSpec,
  loadProvider,
  type PluginSources,
  providerPackageName,
  resolveEffectiveSettings,
} from '@strands-cli/core';
import { type ModelProviderPluginV1, StrandsError } from '@strands-cli/core/spec';
import { type DoctorLine, diagnosticLines, withDeadline } from './doctor-checks.js';

/** How long a provider's reachability check may take. */
export const diagnoseTimeoutMs = 5_000;

/** A provider endpoint the spec uses and the agents that use it. */
interface Endpoint {
  readonly providerName: string;
  readonly host: string | undefined;
  readonly region: string | undefined;
  /** Where the spec sets the host (the first agent's location when several share it). */
  readonly pointer: string;
  readonly agents: string[];
}

/** Loads a provider plugin by name (the plugin loader's `loadProvider`; tests count the calls). */
export type ProviderLoader = (
  name: string,
  sources: PluginSources,
) => Promise<ModelProviderPluginV1<unknown>>;

/**
 * Checks every provider endpoint a spec uses: the package is installed, credentials are present,
 * settings resolve, and the plugin's own `diagnose` (credentials, reachability) passes in time.
 * Each provider is loaded once, however many agents and endpoints use it.
 */
export async function specProviderLines(
  loaded: LoadedSpec,
  sources: PluginSources,
  env: Readonly<Record<string, string | undefined>>,
  load: ProviderLoader = loadProvider,
  approvedEndpoints: readonly string[] = [],
): Promise<DoctorLine[]> {
  const plugins = new Map<string, Promise<ModelProviderPluginV1<unknown> | Error>>();
  const pluginFor = (name: string) => {
    let plugin = plugins.get(name);
    if (plugin === undefined) {
      plugin = load(name, sources).catch((error: unknown) => error as Error);
      plugins.set(name, plugin);
    }
    return plugin;
  };
  const lines: DoctorLine[] = [];
  for (const endpoint of await endpointsOf(loaded, pluginFor)) {
    const where = [endpoint.host, endpoint.region].filter(Boolean).join(', ');
    lines.push({
      status: 'ok',
      text: `provider ${endpoint.providerName}${where ? ` (${where})` : ''} for agents ${endpoint.agents.join(', ')}`,
    });
    const plugin = await pluginFor(endpoint.providerName);
    if (plugin instanceof Error) {
      lines.push({
        status: 'error',
        text: `  ${plugin.message}`,
        fix: StrandsError.isInstance(plugin) ? plugin.hint : undefined,
      });
      continue;
    }
    lines.push({
      status: 'ok',
      text: `  package ${providerPackageName(endpoint.providerName)} ${plugin.version}`,
    });
    let credentialLine: DoctorLine | undefined;
    if (plugin.credentialVariables.length > 0) {
      const present = plugin.credentialVariables.filter((name) => env[name]);
      credentialLine =
        present.length > 0
          ? { status: 'ok', text: `  credentials: ${present.join(', ')} set` }
          : {
              status: 'warn',
              text: `  credentials: none of ${plugin.credentialVariables.join(', ')} is set`,
              fix: `Set ${plugin.credentialVariables[0]} (or the provider's other credential sources).`,
            };
    }
    // Doctor's reachability check sends credentials too, so an unapproved endpoint gets no request.
    const refusal = endpointRefusal(
      { plugin, specHost: endpoint.host, location: { pointer: endpoint.pointer } },
      {
        allowedEndpoints: approvedEndpoints,
        allowPrivateNetwork: env.STRANDS_HTTP_ALLOW_PRIVATE === '1',
        env,
      },
    );
    if (refusal) {
      lines.push({ status: 'error', text: `  endpoint: ${refusal.message}`, fix: refusal.hint });
      continue;
    }
    let settings: unknown;
    try {
      settings = plugin.resolveSettings({
        host: endpoint.host,
        region: endpoint.region,
        maxConnections: loaded.spec.runtime.max_parallel ?? defaultMaxParallel,
        timeouts: defaultTransportTimeouts,
        env,
      });
    } catch (error) {
      // A provider that refuses its settings for a missing credential says so itself: a second,
      // milder line about the same variable would contradict it.
      if (credentialLine?.status === 'ok') lines.push(credentialLine);
      lines.push({
        status: 'error',
        text: `  settings: ${(error as Error).message}`,
        fix: StrandsError.isInstance(error) ? error.hint : undefined,
      });
      continue;
    }
    if (credentialLine) lines.push(credentialLine);
    if (!plugin.diagnose) continue;
    try {
      const diagnostics = await withDeadline(
        (signal) => plugin.diagnose?.(settings, signal) ?? Promise.resolve([]),
        diagnoseTimeoutMs,
      );
      lines.push(...diagnosticLines(diagnostics).map((line) => ({ ...line, text: `  ${line.text}` })));
    } catch (error) {
      lines.push({ status: 'error', text: `  reachability: ${(error as Error).message}` });
    }
  }
  return lines;
}

async function endpointsOf(
  loaded: LoadedSpec,
  pluginFor: (name: string) => Promise<ModelProviderPluginV1<unknown> | Error>,
): Promise<Endpoint[]> {
  const endpoints = new Map<string, Endpoint>();
  for (const [agentId, agent] of Object.entries(loaded.spec.agents)) {
    const providerName = agent.provider ?? loaded.spec.runtime.provider;
    const plugin = await pluginFor(providerName);
    const effective = resolveEffectiveSettings(
      loaded.spec.runtime,
      agent,
      plugin instanceof Error ? { defaultModelId: '' } : plugin,
    );
    const key = JSON.stringify([providerName, effective.host, effective.region]);
    const endpoint = endpoints.get(key) ?? {
      providerName,
      host: effective.host,
      region: effective.region,
      pointer: agent.host !== undefined ? `/agents/${agentId}/host` : '/runtime/host',
      agents: [],
    };
    endpoint.agents.push(agentId);
    endpoints.set(key, endpoint);
  }
  return [...endpoints.values()];
}
