import type { WorkflowSpec } from './schema/workflow-spec.js';

/**
 * The tool ids an agent gets from the spec: its own `tools` list when it has one (`[]` means none);
 * otherwise every `tools.python` entry and every HTTP executor, as in strands-cli (its research
 * examples declare their search tools there and name none per agent). Native tools are never implied.
 * One function for the run and for `plan`, so that what `plan` shows is what the agent gets.
 */
export function agentToolIds(spec: Readonly<WorkflowSpec>, agentId: string): readonly string[] {
  const own = Object.hasOwn(spec.agents, agentId) ? spec.agents[agentId]?.tools : undefined;
  if (own !== undefined) return own;
  const python = (spec.tools?.python ?? []).map((entry) =>
    typeof entry === 'string' ? entry : entry.callable,
  );
  return [...python, ...(spec.tools?.http_executors ?? []).map((executor) => executor.id)];
}
