import type { WorkflowSpec } from '../../../spec-file/schema/workflow-spec.js';
import { findNativeTool } from '../../catalog.js';

/**
 * A warning when an agent of `spec` may call `tavily_search` while `TAVILY_API_KEY` is unset: said
 * before the run starts, because otherwise the user learns it only after paying for model calls whose
 * searches all fail.
 */
export function tavilyKeyWarning(
  spec: Readonly<WorkflowSpec>,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (env.TAVILY_API_KEY?.trim()) return undefined;
  const named = [
    ...Object.values(spec.agents ?? {}).flatMap((agent) => agent.tools ?? []),
    ...(spec.tools?.python ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.callable)),
  ];
  if (!named.some((id) => findNativeTool(id)?.id === 'tavily_search')) return undefined;
  return 'tavily_search is used, but TAVILY_API_KEY is not set: every search will fail. Set TAVILY_API_KEY (a key from https://app.tavily.com).';
}
