import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import type { RoutingConfig } from './routing-config.js';
import { runRouteChain } from './routing-route-chain.js';
import { chooseRoute } from './routing-router.js';

/**
 * Runs a `routing` pattern: the router agent picks a route by answering `{"route": "<name>"}`, then
 * that route's `then` steps run as a chain that also sees `router.chosen_route` and
 * `router.response`. The result variables carry `router` (for artifacts); the artifact context is
 * `{ steps, chosen_route, router_agent }`.
 */
export async function runRouting(context: ExecutorContextV1<RoutingConfig>): Promise<ExecutorResultV1> {
  const { config } = context;
  const routeNames = Object.keys(config.routes);
  const decision = await chooseRoute(context, config.router, routeNames);
  const steps = config.routes[decision.route]?.then ?? [];
  if (steps.length === 0) {
    throw new RuntimeFailure(`Route '${decision.route}' has no steps to run`, {
      hint: `Add at least one step under pattern.config.routes.${decision.route}.then.`,
    });
  }
  const router = { chosen_route: decision.route, response: decision.response };
  const records = await runRouteChain(context, decision.route, steps, router);
  const last = records.at(-1);
  return {
    response: last?.response ?? '',
    agentId: last?.agent ?? config.router.agent,
    context: { steps: records, chosen_route: decision.route, router_agent: config.router.agent },
    variables: { router },
  };
}
