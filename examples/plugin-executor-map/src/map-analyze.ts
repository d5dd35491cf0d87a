import type { AnalysisIssueV1, AnalysisV1, TemplateSiteV1, WorkflowSpec } from '@strands-cli/core/spec';
import type { MapConfig } from './map-config.js';

const pointer = '/pattern/config';
const sampleItem = 'example item';

/**
 * Static facts for `strands validate` and `strands plan`: which agents the config names, its templates
 * with the names each one can see, problems, and the plan drawing. Does no I/O.
 */
export function analyzeMap(config: MapConfig, spec: Readonly<WorkflowSpec>): AnalysisV1 {
  const agentReferences = [{ id: config.agent, pointer: `${pointer}/agent` }];
  const templates: TemplateSiteV1[] = [
    {
      pointer: `${pointer}/input`,
      template: config.input ?? '{{ item }}',
      scope: { item: sampleItem, index: 0, items: [sampleItem] },
    },
  ];
  if (typeof config.items === 'string') {
    templates.push({ pointer: `${pointer}/items`, template: config.items, scope: {} });
  }
  const issues: AnalysisIssueV1[] = [];
  if (Array.isArray(config.items) && config.items.length > config.max_items) {
    issues.push({
      pointer: `${pointer}/items`,
      message: `${config.items.length} items exceed max_items (${config.max_items})`,
      hint: 'Raise max_items or shorten the list.',
      code: 'limit',
    });
  }
  const nodes = [
    { id: 'items', label: 'items', shape: 'round' as const },
    { id: 'map', label: `map: ${config.agent}`, agentId: config.agent },
  ];
  const edges = [{ from: 'items', to: 'map', label: 'each item' }];
  if (config.reduce) {
    agentReferences.push({ id: config.reduce.agent, pointer: `${pointer}/reduce/agent` });
    templates.push({
      pointer: `${pointer}/reduce/input`,
      template: config.reduce.input ?? '',
      scope: { results: [{ index: 0, item: sampleItem, response: 'example response' }], items: [sampleItem] },
    });
    nodes.push({ id: 'reduce', label: `reduce: ${config.reduce.agent}`, agentId: config.reduce.agent });
    edges.push({ from: 'map', to: 'reduce', label: 'results' });
  }
  const toolReferences = (config.reduce?.tool_overrides ?? []).map((id, index) => ({
    id,
    pointer: `${pointer}/reduce/tool_overrides/${index}`,
  }));
  void spec; // The map pattern needs nothing else from the spec; the core checks the references.
  // What artifact templates can use besides last_response and the user's variables.
  const artifactScope = {
    results: [{ index: 0, item: sampleItem, response: 'example response' }],
    items: [sampleItem],
  };
  return { agentReferences, toolReferences, templates, issues, graph: { nodes, edges }, artifactScope };
}
