import type { CapabilityIssue } from '../../spec/v1/errors.js';
import type { ReferenceV1 } from '../../spec/v1/executor-v1.js';
import { nativeToolCatalog } from '../../tools/catalog.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';
import { toPointer } from '../source/json-pointer.js';
import type { ToolIndex } from './tool-ids.js';

const nativeIds = nativeToolCatalog.map((tool) => tool.id).join(', ');

/**
 * Lists what a valid spec uses that this version cannot run yet, so nothing is silently skipped: `run`
 * refuses such a spec with exit 18 and a report, `plan` and `explain` show the list. Nothing accepted is
 * ignored silently. Pattern and provider findings come from their own checks and are passed in.
 */
export function checkCapabilities(
  spec: Readonly<WorkflowSpec>,
  tools: ToolIndex,
  mentions: readonly ReferenceV1[],
): CapabilityIssue[] {
  const issues: CapabilityIssue[] = [];
  const add = (pointer: string, reason: string, remediation: string) =>
    issues.push({ pointer, reason, remediation });

  const policy = spec.context_policy;
  if (policy?.retrieval?.mcp_servers && policy.retrieval.mcp_servers.length > 0) {
    add(
      '/context_policy/retrieval/mcp_servers',
      'MCP retrieval servers are not supported yet',
      'Remove context_policy.retrieval.mcp_servers.',
    );
  }
  (spec.env?.secrets ?? []).forEach((secret, index) => {
    if (secret.source !== 'env') {
      add(
        toPointer(['env', 'secrets', index, 'source']),
        `Secret source '${secret.source}' is not supported; only 'env' is`,
        'Export the secret as an environment variable and use source: env.',
      );
    }
  });
  if (spec.env?.mounts && Object.keys(spec.env.mounts).length > 0) {
    add(
      '/env/mounts',
      'Mounts are not applied; file tools see only the working directory',
      'Remove env.mounts and run from the directory the tools should read.',
    );
  }
  const guardrails = spec.security?.guardrails;
  if (guardrails && Object.values(guardrails).some((value) => value !== undefined && value !== false)) {
    add(
      '/security/guardrails',
      'Security guardrails (deny_network, pii_redaction, allow_tools) are not enforced yet',
      'Remove security.guardrails, and restrict tools per agent with agents.<id>.tools.',
    );
  }
  for (const mention of mentions) {
    const kind = tools.kindOf(mention.id);
    if (kind === 'upstream-only') {
      add(
        mention.pointer,
        `Tool '${mention.id}' is a strands-cli tool this version does not ship`,
        `Use a native tool (${nativeIds}) or an HTTP executor.`,
      );
    } else if (kind === 'python' && mention.pointer.startsWith('/tools/python/')) {
      add(
        mention.pointer,
        `Python tool '${mention.id}' cannot run: custom Python callables are not supported`,
        `Use a native tool (${nativeIds}) or an HTTP executor.`,
      );
    }
  }
  return dedupe(issues);
}

function dedupe(issues: CapabilityIssue[]): CapabilityIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.pointer}\n${issue.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
