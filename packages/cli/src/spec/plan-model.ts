// The lean entry: `plan` never needs the runtime, so it does not pay for loading it.
import {
  agentToolIds,
  declaredInputs,
  type LoadedSpec,
  loadProviderFacts,
  mcpServersSeenBy,
  type PluginSources,
  type ProviderFacts,
} from '@strands-cli/core/loader';
import {
  type CapabilityIssue,
  inferenceParameterNames,
  type PlanEdgeV1,
  type PlanNodeV1,
  type SpecIssue,
} from '@strands-cli/core/spec';

/** One agent as it will run: provider and model after per-agent overrides. */
export interface PlannedAgent {
  readonly id: string;
  readonly provider: string;
  /** The model id, or the provider's default (marked by `modelSource`). */
  readonly model: string;
  readonly modelSource: 'agent' | 'runtime' | 'provider default' | 'unknown';
  readonly tools: readonly string[];
  /** The MCP servers (or `server.tool`s) it sees; empty when the spec has none. */
  readonly mcp: readonly string[];
  readonly inference: Readonly<Record<string, number>>;
  /** Which of `inference` the spec leaves unset and the provider fills in (e.g. Anthropic's max_tokens). */
  readonly providerDefaults: readonly string[];
}

/** What `strands plan` shows, also its JSON output. */
export interface Plan {
  readonly name: string;
  readonly version: string | number;
  readonly description?: string;
  readonly supported: boolean;
  readonly runtime: Readonly<Record<string, unknown>>;
  readonly agents: readonly PlannedAgent[];
  readonly pattern: {
    readonly type: string;
    readonly description?: string;
    readonly nodes: readonly PlanNodeV1[];
    readonly edges: readonly PlanEdgeV1[];
  };
  readonly inputs: readonly {
    name: string;
    type: string;
    required: boolean;
    value?: unknown;
    default?: unknown;
  }[];
  readonly artifacts: readonly string[];
  readonly issues: readonly CapabilityIssue[];
  readonly warnings: readonly SpecIssue[];
}

/**
 * Builds the plan of a loaded spec. For an agent with no model id it looks up the provider's default
 * model: from the provider package's package.json when it declares it, else from its plugin (never an SDK).
 */
export async function buildPlan(loaded: LoadedSpec, plugins: PluginSources): Promise<Plan> {
  const { spec } = loaded;
  const facts = new Map<string, Promise<ProviderFacts | undefined>>();
  const factsOf = (provider: string): Promise<ProviderFacts | undefined> => {
    let pending = facts.get(provider);
    if (!pending) {
      pending = loadProviderFacts(provider, plugins).catch(() => undefined);
      facts.set(provider, pending);
    }
    return pending;
  };
  const defaultModelOf = async (provider: string) => (await factsOf(provider))?.defaultModelId;
  const agents: PlannedAgent[] = [];
  for (const [id, agent] of Object.entries(spec.agents)) {
    const provider = agent.provider ?? spec.runtime.provider;
    const fallback =
      agent.model_id === undefined && spec.runtime.model_id === undefined
        ? await defaultModelOf(provider)
        : undefined;
    const model = agent.model_id ?? spec.runtime.model_id ?? fallback ?? '(provider default)';
    const modelSource = agent.model_id
      ? 'agent'
      : spec.runtime.model_id
        ? 'runtime'
        : fallback
          ? 'provider default'
          : 'unknown';
    const inference: Record<string, number> = {};
    const providerDefaults: string[] = [];
    const defaultInference = (await factsOf(provider))?.defaultInference ?? {};
    for (const key of inferenceParameterNames) {
      const value = agent.inference?.[key] ?? spec.runtime[key];
      if (value !== undefined) inference[key] = value;
      else if (defaultInference[key] !== undefined) {
        inference[key] = defaultInference[key];
        providerDefaults.push(key);
      }
    }
    // What the run gives the agent: its own list (or the implied python/HTTP tools) plus retrieval tools.
    const retrieval = spec.context_policy?.retrieval?.jit_tools ?? [];
    const tools = [...new Set([...agentToolIds(spec, id), ...retrieval])];
    agents.push({
      id,
      provider,
      model,
      modelSource,
      tools,
      mcp: mcpServersSeenBy(spec, tools),
      inference,
      providerDefaults,
    });
  }
  const values = loaded.variables;
  const inputs = [...declaredInputs(spec).values()].map((input) => ({
    name: input.name,
    type: input.type,
    required: input.required,
    ...(input.name in values ? { value: values[input.name] } : {}),
    ...(input.default !== undefined ? { default: input.default } : {}),
  }));
  const { model_id, region, host, max_parallel, budgets, failure_policy, provider } = spec.runtime;
  return {
    name: spec.name,
    version: spec.version,
    ...(spec.description ? { description: spec.description } : {}),
    supported: loaded.capabilityIssues.length === 0,
    runtime: stripUndefined({ provider, model_id, region, host, max_parallel, budgets, failure_policy }),
    agents,
    pattern: {
      type: spec.pattern.type,
      ...(loaded.executor ? { description: loaded.executor.description } : {}),
      nodes: loaded.analysis.graph.nodes,
      edges: loaded.analysis.graph.edges,
    },
    inputs,
    artifacts: (spec.outputs?.artifacts ?? []).map((artifact) => artifact.path),
    issues: loaded.capabilityIssues,
    warnings: loaded.warnings,
  };
}

function stripUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
