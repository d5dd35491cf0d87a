import type { SpecIssue } from '../../spec/v1/errors.js';
import type { AnalysisV1, ReferenceV1 } from '../../spec/v1/executor-v1.js';
import { nativeToolCatalog } from '../../tools/catalog.js';
import { closestMatch, listIds } from '../issues/did-you-mean.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';
import { toPointer } from '../source/json-pointer.js';
import type { SourceMap } from '../source/source-map.js';
import { pythonEntryName, type ToolIndex } from './tool-ids.js';

/**
 * Every place a spec names a tool: `tools.python`, `agents.*.tools`, the retrieval tools given to every
 * agent, and the pattern's overrides.
 */
export function toolMentions(spec: Readonly<WorkflowSpec>, analysis: AnalysisV1): ReferenceV1[] {
  const mentions: ReferenceV1[] = [];
  (spec.tools?.python ?? []).forEach((entry, index) => {
    const pointer = toPointer(['tools', 'python', index, ...(typeof entry === 'string' ? [] : ['callable'])]);
    mentions.push({ id: pythonEntryName(entry), pointer });
  });
  for (const [agentId, agent] of Object.entries(spec.agents)) {
    (agent.tools ?? []).forEach((id, index) => {
      mentions.push({ id, pointer: toPointer(['agents', agentId, 'tools', index]) });
    });
  }
  (spec.context_policy?.retrieval?.jit_tools ?? []).forEach((id, index) => {
    mentions.push({ id, pointer: toPointer(['context_policy', 'retrieval', 'jit_tools', index]) });
  });
  mentions.push(...analysis.toolReferences);
  return mentions;
}

/**
 * Checks references between parts of a spec: agents named by the pattern, tool ids, duplicate ids,
 * and the pattern's own findings (cycles, duplicate task ids, empty routes). Returns errors and
 * warnings, each located.
 */
export function checkCrossReferences(
  spec: Readonly<WorkflowSpec>,
  analysis: AnalysisV1,
  tools: ToolIndex,
  sourceMap: SourceMap,
): { issues: SpecIssue[]; warnings: SpecIssue[] } {
  const issues: SpecIssue[] = [];
  const warnings: SpecIssue[] = [];
  const at = (pointer: string) => sourceMap.locate(pointer);
  const agentIds = Object.keys(spec.agents);

  for (const reference of analysis.agentReferences) {
    // Own keys only: `toString` or `__proto__` must not pass for an agent through the prototype.
    if (Object.hasOwn(spec.agents, reference.id)) continue;
    const suggestion = closestMatch(reference.id, agentIds);
    issues.push({
      ...at(reference.pointer),
      message: `unknown agent \`${reference.id}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
      hint: `Agents defined under \`agents\`: ${listIds(agentIds)}.`,
      code: 'reference',
    });
  }
  for (const issue of analysis.issues) {
    (issue.severity === 'warning' ? warnings : issues).push({
      ...at(issue.pointer),
      message: issue.message,
      ...(issue.hint ? { hint: issue.hint } : {}),
      code: issue.code,
    });
  }

  const catalogNames = nativeToolCatalog.flatMap((tool) => [tool.id, ...tool.aliases]);
  for (const mention of toolMentions(spec, analysis)) {
    const kind = tools.kindOf(mention.id);
    const isPythonEntry = mention.pointer.startsWith('/tools/python/');
    if (isPythonEntry && kind === 'python') {
      // A module path we do not ship: a typo of a native tool is an error, anything else is reported by the capability check.
      const suggestion = closestMatch(mention.id, catalogNames);
      if (suggestion) {
        issues.push({
          ...at(mention.pointer),
          message: `unknown tool \`${mention.id}\`. Did you mean \`${suggestion}\`?`,
          hint: `Native tools: ${listIds(nativeToolCatalog.map((tool) => tool.id))}.`,
          code: 'reference',
        });
      }
      continue;
    }
    if (kind !== 'unknown' || tools.hasMcp) continue;
    const suggestion = closestMatch(mention.id, [...tools.known]);
    issues.push({
      ...at(mention.pointer),
      message: `unknown tool \`${mention.id}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
      hint: `Tools this spec can use: ${listIds([...tools.listed])}. Define HTTP tools under tools.http_executors.`,
      code: 'reference',
    });
  }

  const duplicates = (
    kind: string,
    entries: readonly { id: string }[] | undefined,
    path: string[],
    key = 'id',
  ) => {
    const seen = new Set<string>();
    (entries ?? []).forEach((entry, index) => {
      if (seen.has(entry.id)) {
        issues.push({
          ...at(toPointer([...path, index, key])),
          message: `duplicate ${kind} \`${entry.id}\``,
          hint: `Give each ${kind} a different ${key}.`,
          code: 'duplicate',
        });
      }
      seen.add(entry.id);
    });
  };
  duplicates('HTTP executor id', spec.tools?.http_executors, ['tools', 'http_executors']);
  duplicates('MCP server id', spec.tools?.mcp, ['tools', 'mcp']);
  duplicates('skill id', spec.skills, ['skills']);
  duplicates(
    'secret key',
    spec.env?.secrets?.map((secret) => ({ id: secret.key })),
    ['env', 'secrets'],
    'key',
  );
  const httpIds = new Set((spec.tools?.http_executors ?? []).map((executor) => executor.id));
  (spec.tools?.mcp ?? []).forEach((server, index) => {
    if (httpIds.has(server.id)) {
      issues.push({
        ...at(toPointer(['tools', 'mcp', index, 'id'])),
        message: `MCP server id \`${server.id}\` is also an HTTP executor id`,
        hint: 'Tool ids must be unique across tools.http_executors and tools.mcp.',
        code: 'duplicate',
      });
    }
  });

  const used = new Set(analysis.agentReferences.map((reference) => reference.id));
  if (analysis.agentReferences.length > 0) {
    for (const agentId of agentIds) {
      if (!used.has(agentId)) {
        warnings.push({
          ...at(toPointer(['agents', agentId])),
          message: `agent \`${agentId}\` is never used by the pattern`,
          hint: 'Remove it, or reference it from a step.',
          code: 'unused',
        });
      }
    }
  }
  return { issues, warnings };
}
