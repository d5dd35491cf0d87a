import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { findNativeTool } from './catalog.js';
import { agentsChooseMcpServers, selectMcpTools } from './mcp/mcp-selection.js';
import { interpolateSecrets, secretVariableMap } from './secrets/interpolate-secrets.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Something about a spec's tools the user should hear before any model call is paid for: a
 * `${NAME}` placeholder whose variable is unset, `tavily_search` without its key. One list serves
 * `validate` (every finding a warning, since the run's environment may differ) and `run`.
 */
export interface ToolSetupFinding {
  /** `error` only for what would make a run fail later anyway: a required MCP server's header. */
  readonly severity: 'warning' | 'error';
  /** Where in the spec, e.g. `/tools/mcp/0/headers/Authorization`. */
  readonly pointer: string;
  readonly message: string;
  readonly hint?: string;
}

/** The MCP servers some agent of the spec will use. */
function usedMcpServers(spec: Readonly<WorkflowSpec>): Set<string> {
  const perAgent = agentsChooseMcpServers(spec);
  return new Set(
    Object.values(spec.agents ?? {}).flatMap((agent) =>
      selectMcpTools(spec, agent.tools ?? [], perAgent).map((selection) => selection.serverId),
    ),
  );
}

function tavilyFinding(spec: Readonly<WorkflowSpec>, env: Env): ToolSetupFinding | undefined {
  if (env.TAVILY_API_KEY?.trim()) return undefined;
  const isTavily = (id: string) => findNativeTool(id)?.id === 'tavily_search';
  const pointers = [
    ...Object.entries(spec.agents ?? {}).flatMap(([agentId, agent]) =>
      (agent.tools ?? []).flatMap((id, index) => (isTavily(id) ? [`/agents/${agentId}/tools/${index}`] : [])),
    ),
    ...(spec.tools?.python ?? []).flatMap((entry, index) =>
      isTavily(typeof entry === 'string' ? entry : entry.callable) ? [`/tools/python/${index}`] : [],
    ),
  ];
  const pointer = pointers[0];
  if (pointer === undefined) return undefined;
  return {
    severity: 'warning',
    pointer,
    message: 'tavily_search is used, but TAVILY_API_KEY is not set: every search will fail.',
    hint: 'Set TAVILY_API_KEY (a key from https://app.tavily.com).',
  };
}

/** Every finding about the tools of `spec` in the environment `env`, in spec order. */
export function toolSetupFindings(spec: Readonly<WorkflowSpec>, env: Env): ToolSetupFinding[] {
  const variables = secretVariableMap(spec);
  const findings: ToolSetupFinding[] = [];
  const unset = (raw: string) =>
    interpolateSecrets(raw, variables, env).missing.map((name) => ({
      name,
      variable: variables.get(name) ?? name,
    }));
  (spec.tools?.http_executors ?? []).forEach((executor, index) => {
    for (const [header, raw] of Object.entries(executor.headers ?? {})) {
      for (const { name, variable } of unset(raw)) {
        findings.push({
          severity: 'warning',
          pointer: `/tools/http_executors/${index}/headers/${header}`,
          message: `HTTP executor '${executor.id}': header ${header} uses \${${name}}, but ${variable} is not set in the environment; it is sent empty`,
          hint: `Set ${variable} before the run.`,
        });
      }
    }
  });
  const used = usedMcpServers(spec);
  (spec.tools?.mcp ?? []).forEach((server, index) => {
    const entry = `MCP server '${server.id}'`;
    for (const [key, raw] of Object.entries(server.env ?? {})) {
      for (const { name, variable } of unset(raw)) {
        findings.push({
          severity: 'warning',
          pointer: `/tools/mcp/${index}/env/${key}`,
          message: `${entry}: env ${key} uses \${${name}}, but ${variable} is not set in the environment; the server gets it empty`,
          hint: `Set ${variable} before the run.`,
        });
      }
    }
    const required = server.optional !== true && used.has(server.id);
    for (const [header, raw] of Object.entries(server.headers ?? {})) {
      for (const { name, variable } of unset(raw)) {
        findings.push({
          severity: required ? 'error' : 'warning',
          pointer: `/tools/mcp/${index}/headers/${header}`,
          message: `${entry}: header ${header} uses \${${name}}, but ${variable} is not set in the environment${required ? '' : '; it is sent empty'}`,
          hint: required
            ? `Set ${variable} before the run, or mark the entry optional: true to run without the server.`
            : `Set ${variable} before the run.`,
        });
      }
    }
  });
  const tavily = tavilyFinding(spec, env);
  if (tavily !== undefined) findings.push(tavily);
  return findings;
}
