import { placeholderStepRecord } from '@strands-cli/core/executor-utils';
import type {
  AnalysisIssueV1,
  AnalysisV1,
  PlanEdgeV1,
  PlanNodeV1,
  ReferenceV1,
  TemplateSiteV1,
  WorkflowSpec,
} from '@strands-cli/core/spec';
import type { RoutingConfig } from './routing-config.js';

function pointerOf(...segments: (string | number)[]): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/**
 * Static analysis of a `routing` config: references, empty routes, every template with what it
 * can see (router input: the inputs only; route steps: a chain's earlier `steps` plus
 * `router.chosen_route` and `router.response`), and the drawing (router, then one chain per route).
 */
export function analyzeRouting(config: RoutingConfig, spec: Readonly<WorkflowSpec>): AnalysisV1 {
  const agentReferences: ReferenceV1[] = [
    { id: config.router.agent, pointer: '/pattern/config/router/agent' },
  ];
  const toolReferences: ReferenceV1[] = [];
  const templates: TemplateSiteV1[] = [];
  const issues: AnalysisIssueV1[] = [];
  const nodes: PlanNodeV1[] = [
    { id: 'router', label: `router: ${config.router.agent}`, agentId: config.router.agent, shape: 'diamond' },
  ];
  const edges: PlanEdgeV1[] = [];
  const router = { chosen_route: '<route name>', response: '<router response>' };
  if (config.router.input !== undefined) {
    templates.push({
      pointer: '/pattern/config/router/input',
      template: config.router.input,
      scope: {},
      hint: 'The router input sees only the inputs: no route has run yet.',
    });
  }
  const review = config.router.review_router;
  const reviewed = review !== undefined && !('agent' in review);
  // A person's review sits between the router and the routes; routes start from it.
  const entry = reviewed ? 'review' : 'router';
  if (reviewed) {
    nodes.push({ id: 'review', label: 'review route (approved or route:<name>)', shape: 'round' });
    edges.push({ from: 'router', to: 'review' });
  }
  if (review && 'agent' in review)
    agentReferences.push({ id: review.agent, pointer: '/pattern/config/router/review_router/agent' });
  if (review && !('agent' in review) && review.context_display !== undefined) {
    templates.push({
      pointer: '/pattern/config/router/review_router/context_display',
      template: review.context_display,
      scope: { router },
      hint: 'The route review sees the inputs and router (chosen_route, response): no route has run yet.',
    });
  }
  const routeNames = Object.keys(config.routes);
  if (routeNames.length === 0) {
    issues.push({
      pointer: '/pattern/config/routes',
      message: 'a routing pattern needs at least one route',
      hint: 'Add routes: <name>: { then: [ { agent: ..., input: ... } ] }.',
      code: 'schema',
    });
  }
  let longest: Record<string, unknown>[] = [];
  let anyHuman = reviewed;
  routeNames.forEach((name, routeIndex) => {
    const steps = config.routes[name]?.then ?? [];
    if (steps.length === 0) {
      issues.push({
        pointer: pointerOf('pattern', 'config', 'routes', name),
        message: `route \`${name}\` has no steps`,
        hint: 'Give it `then:` with at least one step.',
        code: 'schema',
      });
      return;
    }
    const records: Record<string, unknown>[] = [];
    let afterHuman = reviewed;
    steps.forEach((step, index) => {
      const pointer = pointerOf('pattern', 'config', 'routes', name, 'then', index);
      const scope: Record<string, unknown> = { steps: [...records], router };
      if (afterHuman) scope.hitl_response = '<human response>';
      const visible =
        index === 0 ? 'no steps yet' : index === 1 ? 'steps[0]' : `steps[0] to steps[${index - 1}]`;
      const hint = `Route \`${name}\` runs as a chain: this step sees ${visible}, router.chosen_route and router.response.`;
      const id = `r${routeIndex}s${index}`;
      if ('agent' in step) {
        agentReferences.push({ id: step.agent, pointer: `${pointer}/agent` });
        (step.tool_overrides ?? []).forEach((toolId, position) => {
          toolReferences.push({ id: toolId, pointer: `${pointer}/tool_overrides/${position}` });
        });
        if (step.input !== undefined)
          templates.push({
            pointer: `${pointer}/input`,
            template: step.input,
            scope: { ...scope, ...step.vars },
            hint,
          });
        nodes.push({ id, label: `${name} ${index + 1}. ${step.agent}`, agentId: step.agent, shape: 'box' });
      } else {
        if (step.context_display !== undefined)
          templates.push({
            pointer: `${pointer}/context_display`,
            template: step.context_display,
            scope,
            hint,
          });
        nodes.push({ id, label: `${name} ${index + 1}. human review`, shape: 'round' });
      }
      edges.push(
        index === 0 ? { from: entry, to: id, label: name } : { from: `r${routeIndex}s${index - 1}`, to: id },
      );
      records.push(placeholderStepRecord(index, step, `<response of route ${name} step ${index}>`, spec));
      if (!('agent' in step)) afterHuman = true;
    });
    if (afterHuman) anyHuman = true;
    if (records.length > longest.length) longest = records;
  });
  return {
    agentReferences,
    toolReferences,
    templates,
    issues,
    graph: { nodes, edges },
    artifactScope: {
      steps: longest,
      chosen_route: router.chosen_route,
      router_agent: config.router.agent,
      router,
      ...(anyHuman ? { hitl_response: '<human response>' } : {}),
    },
  };
}
