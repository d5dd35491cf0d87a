import { RuntimeFailure } from '../spec/v1/errors.js';
import type {
  InferenceV1,
  ModelProviderPluginV1,
  ModelProviderV1,
  ProviderConnectionRequestV1,
  ToolDefinitionV1,
} from '../spec/v1/model-provider-v1.js';
import type { SpecLocation } from '../spec/v1/spec-errors.js';
import type { ToolV1 } from '../spec/v1/tool-v1.js';
import { agentToolIds } from '../spec-file/agent-tool-ids.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import type { RunTools } from '../tools/run-tools.js';
import type { ClientPool } from './client-pool.js';
import { resolveEffectiveSettings } from './effective-settings.js';
import { endpointRefusal } from './endpoint-policy.js';
import type { RunEventInput } from './run-events.js';
import { buildSystemPrompt } from './system-prompt.js';

/** The model an agent talks to: a pooled client plus the per-request settings. */
export interface ModelHandle {
  readonly client: ModelProviderV1;
  readonly providerId: string;
  readonly modelId: string;
  readonly inference: InferenceV1;
  /** The endpoint `runtime.rate_limit` counts requests under (see {@link endpointOf}). @default 'default' */
  readonly endpoint?: string;
}

/** A built agent. Immutable, so concurrent invocations can share it safely. */
export interface CachedAgent {
  readonly id: string;
  readonly systemPrompt: string;
  readonly tools: readonly ToolV1[];
  readonly toolDefinitions: readonly ToolDefinitionV1[];
  readonly model: ModelHandle;
}

/** What {@link WrapProvider} learns about the client it wraps. */
export interface WrapProviderInfo {
  readonly providerId: string;
  /** The provider name as the spec wrote it (short name or package). */
  readonly providerName: string;
  readonly modelId: string;
  readonly agentId: string;
  readonly transportKey: string;
}

/**
 * Wraps the provider boundary: called each time a pooled client is handed to a newly built agent; the
 * agent then talks to the returned client. Record/replay and tracing plug in here.
 */
export type WrapProvider = (client: ModelProviderV1, info: WrapProviderInfo) => ModelProviderV1;

/** What {@link WrapTool} learns about the tool it wraps. */
export interface WrapToolInfo {
  /** The agent the tool is built for. */
  readonly agentId: string;
}

/**
 * Wraps the tool boundary: called for each tool of a newly built agent; the agent then calls the
 * returned tool. Record/replay plugs in here, so a replay answers tool calls without running them.
 * An error the returned tool throws becomes an error result the model sees, except a cassette miss,
 * which fails the run.
 */
export type WrapTool = (tool: ToolV1, info: WrapToolInfo) => ToolV1;

/** Everything an {@link AgentCache} needs. */
export interface AgentCacheOptions {
  readonly spec: Readonly<WorkflowSpec>;
  readonly runTools: RunTools;
  readonly pool: ClientPool;
  /** Loaded provider plugins by the name the spec uses. */
  readonly plugins: ReadonlyMap<string, ModelProviderPluginV1<unknown>>;
  /** Connection facts shared by every provider of the run (bound, timeouts, environment). */
  readonly connection: Omit<ProviderConnectionRequestV1, 'host' | 'region'>;
  readonly emit: (event: RunEventInput) => void;
  readonly wrapProvider?: WrapProvider;
  readonly wrapTool?: WrapTool;
  /**
   * What the user approved for provider endpoints. Absent: nothing approved, no private networks; a
   * spec-chosen endpoint then gets no credential from the environment unless it is loopback.
   */
  readonly endpoints?: {
    readonly allowedEndpoints: readonly string[];
    readonly allowPrivateNetwork: boolean;
  };
  /** Finds a JSON pointer in the spec file, for the location of a refused endpoint. */
  readonly locate?: (pointer: string) => SpecLocation;
}

/** What identifies a built agent: its cache key and its sorted tool ids. */
interface AgentIdentity {
  readonly key: string;
  readonly tools: readonly string[];
}

/** Per-run counters of the cache. */
export interface AgentCacheCounts {
  readonly agentsBuilt: number;
  readonly agentsReused: number;
  readonly clientsCreated: number;
  readonly clientsReused: number;
}

/**
 * Builds each distinct agent of a run once. The key is the agent id, the order-insensitive set of
 * tool ids and the effective provider, model and inference settings. Provider clients come from the
 * process-wide pool; `close()` releases what the run opened (its tools' pools) and leaves the pooled
 * clients for later runs.
 */
export class AgentCache {
  readonly #options: AgentCacheOptions;
  readonly #agents = new Map<string, Promise<CachedAgent>>();
  readonly #settings = new Map<string, unknown>();
  readonly #identities = new Map<string, AgentIdentity>();
  #counts = { agentsBuilt: 0, agentsReused: 0, clientsCreated: 0, clientsReused: 0 };
  #closed = false;

  constructor(options: AgentCacheOptions) {
    this.#options = options;
  }

  /** Per-run counters. */
  get counts(): AgentCacheCounts {
    return { ...this.#counts };
  }

  /** True once {@link close} ran. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Resolves every agent's provider settings up front, so a missing credential fails before the
   * first model call rather than halfway through the run.
   */
  prepare(): void {
    for (const agentId of Object.keys(this.#options.spec.agents)) this.#modelSettings(agentId);
  }

  /**
   * The agent for `agentId` with `toolIds` (or its own tools when undefined).
   * @throws RuntimeFailure for an agent the spec does not define.
   */
  get(agentId: string, toolIds?: readonly string[]): Promise<CachedAgent> {
    if (this.#closed) return Promise.reject(new RuntimeFailure('The run is already closed'));
    let key: string;
    let tools: readonly string[];
    try {
      ({ key, tools } = this.#identity(agentId, toolIds));
    } catch (error) {
      return Promise.reject(error);
    }
    const existing = this.#agents.get(key);
    if (existing) {
      this.#counts.agentsReused += 1;
      this.#options.emit({ type: 'agent-reuse', agentId });
      return existing;
    }
    const building = this.#build(agentId, tools);
    this.#agents.set(key, building);
    // A failed build is not cached, so a retry of the step can try again.
    building.catch(() => {
      if (this.#agents.get(key) === building) this.#agents.delete(key);
    });
    return building;
  }

  /** Releases everything the run opened (tool pools, MCP sessions and their processes). Pooled model clients stay pooled. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#agents.clear();
    await this.#options.runTools.close();
  }

  /**
   * The cache key of an agent with these tools, and its sorted tool ids. Remembered per request
   * shape, since every step of a long chain asks for the same agent.
   */
  #identity(agentId: string, toolIds: readonly string[] | undefined): AgentIdentity {
    const shape = toolIds === undefined ? agentId : `${agentId}\u0000${toolIds.join('\u0000')}`;
    let identity = this.#identities.get(shape);
    if (!identity) {
      const { effective } = this.#modelSettings(agentId);
      // Retrieval tools the context policy enables reach every agent, whatever its own list says.
      const retrieval = this.#options.spec.context_policy?.retrieval?.jit_tools ?? [];
      const own = toolIds ?? agentToolIds(this.#options.spec, agentId);
      const tools = [...new Set([...own, ...retrieval])].sort();
      identity = { key: JSON.stringify([agentId, tools, effective]), tools };
      this.#identities.set(shape, identity);
    }
    return identity;
  }

  async #build(agentId: string, toolIds: readonly string[]): Promise<CachedAgent> {
    const { plugin, effective, settings } = this.#modelSettings(agentId);
    const { runTools, spec, pool, emit, wrapProvider, wrapTool } = this.#options;
    // MCP servers start here, when the first agent that uses them is built, and stay up for the run.
    const mcpTools = (await runTools.mcpToolsFor?.(toolIds)) ?? [];
    const ownTools = mergeTools(runTools.toolsFor(toolIds), mcpTools);
    const tools = wrapTool ? ownTools.map((tool) => wrapTool(tool, { agentId })) : ownTools;
    const systemPrompt = buildSystemPrompt(spec, agentId, runTools.systemPromptSection(toolIds));
    const pooled = await pool.acquire(plugin, settings);
    if (pooled.created) this.#counts.clientsCreated += 1;
    else this.#counts.clientsReused += 1;
    emit({
      type: pooled.created ? 'client-create' : 'client-reuse',
      providerId: plugin.id,
      transportKey: pooled.transportKey,
    });
    const client = wrapProvider
      ? wrapProvider(pooled.client, {
          providerId: plugin.id,
          providerName: effective.providerName,
          modelId: effective.modelId,
          agentId,
          transportKey: pooled.transportKey,
        })
      : pooled.client;
    this.#counts.agentsBuilt += 1;
    emit({
      type: 'agent-build',
      agentId,
      tools: toolIds,
      providerId: plugin.id,
      modelId: effective.modelId,
    });
    return Object.freeze({
      id: agentId,
      systemPrompt,
      tools: Object.freeze([...tools]),
      toolDefinitions: Object.freeze(
        tools.map((tool) => ({
          name: tool.name,
          description: tool.description,
          inputSchema: tool.inputSchema,
        })),
      ),
      model: Object.freeze({
        client,
        providerId: plugin.id,
        modelId: effective.modelId,
        inference: effective.inference,
        endpoint: endpointOf(effective),
      }),
    });
  }

  #modelSettings(agentId: string) {
    const { spec, plugins, connection } = this.#options;
    const agentSpec = agentSpecOf(spec, agentId);
    if (!agentSpec) {
      throw new RuntimeFailure(`Unknown agent '${agentId}'`, {
        hint: `Define '${agentId}' under agents:, or use one of: ${Object.keys(spec.agents).join(', ')}.`,
      });
    }
    const providerName = agentSpec.provider ?? spec.runtime.provider;
    const plugin = plugins.get(providerName);
    if (!plugin) throw new RuntimeFailure(`Provider '${providerName}' was not loaded for agent '${agentId}'`);
    const effective = resolveEffectiveSettings(spec.runtime, agentSpec, plugin);
    const settingsKey = JSON.stringify([providerName, effective.host, effective.region]);
    let settings = this.#settings.get(settingsKey);
    if (settings === undefined) {
      // Checked before the provider sees the host, so a refused endpoint never gets a request.
      const pointer =
        agentSpec.host !== undefined ? `/agents/${escapePointer(agentId)}/host` : '/runtime/host';
      const refusal = endpointRefusal(
        { plugin, specHost: effective.host, location: this.#options.locate?.(pointer) ?? { pointer } },
        { allowedEndpoints: [], allowPrivateNetwork: false, ...this.#options.endpoints, env: connection.env },
      );
      if (refusal) throw refusal;
      settings = plugin.resolveSettings({ ...connection, host: effective.host, region: effective.region });
      this.#settings.set(settingsKey, settings);
    }
    return { plugin, effective, settings };
  }
}

/**
 * Native and executor tools plus MCP tools, in a stable order. A name offered by both fails: the model
 * could not tell which one it calls.
 */
function mergeTools(own: readonly ToolV1[], mcp: readonly ToolV1[]): readonly ToolV1[] {
  if (mcp.length === 0) return own;
  const names = new Set(own.map((tool) => tool.name));
  const clash = mcp.find((tool) => names.has(tool.name));
  if (clash !== undefined) {
    throw new RuntimeFailure(`An MCP server offers a tool named '${clash.name}', like a tool of this run`, {
      hint: 'Name the MCP tools each agent should get in agents.<id>.tools (<server>.<tool>), leaving that one out.',
    });
  }
  return [...own, ...mcp].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The agent `agentId` of the spec: an own key only, so `toString` or `__proto__` is never an agent. */
function agentSpecOf(
  spec: Readonly<WorkflowSpec>,
  agentId: string,
): WorkflowSpec['agents'][string] | undefined {
  return Object.hasOwn(spec.agents, agentId) ? spec.agents[agentId] : undefined;
}

/**
 * Where an agent's requests go, for `runtime.rate_limit`: the host and port of its server URL, else
 * its region, else `default` (the provider's own endpoint).
 */
export function endpointOf(settings: {
  readonly host?: string | undefined;
  readonly region?: string | undefined;
}): string {
  const { host, region } = settings;
  if (host !== undefined && host !== '') {
    try {
      const url = new URL(host);
      if (url.host !== '') return url.host.toLowerCase();
    } catch {
      // Not a URL: count it under what was written.
    }
    return host.toLowerCase();
  }
  return region ?? 'default';
}

/** A JSON pointer segment for `key` (`~` and `/` escaped). */
function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
