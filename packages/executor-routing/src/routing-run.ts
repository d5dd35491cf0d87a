import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import type { RoutingConfig } from './routing-config.js';
import { reviewRoute } from './routing-review.js';
import { runRouteChain } from './routing-route-chain.js';
import { chooseRoute } from './routing-router.js';

/**
 * Runs a `routing` pattern: the router agent picks a route by answering `{"route": "<name>"}`, then
 * that route's `then` steps run as a chain that also sees `router.chosen_route` and
 * `router.response`. The result variables carry `router` (for artifacts); the artifact context is
 * `{ steps, chosen_route, router_agent }`. With a `review_router` of `type: hitl`, a person reviews
 * the choice first (`approved` keeps it, `route:<name>` overrides it); the route that runs is then
 * `router.chosen_route`, and the answer is `hitl_response` for the route's steps and artifacts.
 */
export async function runRouting(context: ExecutorContextV1<RoutingConfig>): Promise<ExecutorResultV1> {
  const { config } = context;
  const routeNames = Object.keys(config.routes);
  const decision = await chooseRoute(context, config.router, routeNames);
  let route = decision.route;
  let reviewAnswer: string | undefined;
  const review = config.router.review_router;
  if (review !== undefined && !('agent' in review)) {
    const outcome = await reviewRoute(
      context,
      review,
      { chosen_route: route, response: decision.response },
      routeNames,
    );
    route = outcome.route;
    reviewAnswer = outcome.answer;
  }
  const steps = config.routes[route]?.then ?? [];
  if (steps.length === 0) {
    throw new RuntimeFailure(`Route '${route}' has no steps to run`, {
      hint: `Add at least one step under pattern.config.routes.${route}.then.`,
    });
  }
  const router = { chosen_route: route, response: decision.response };
  const chain = await runRouteChain(context, route, steps, router, reviewAnswer);
  const last = chain.records.at(-1);
  const humanResponse = chain.humanResponse;
  return {
    response: last?.response ?? '',
    agentId: last?.agent ?? config.router.agent,
    context: { steps: chain.records, chosen_route: route, router_agent: config.router.agent },
    variables: humanResponse === undefined ? { router } : { router, hitl_response: humanResponse },
  };
}
