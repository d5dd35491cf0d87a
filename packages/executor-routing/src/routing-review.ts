import { askHumanStep } from '@strands-cli/core/executor-utils';
import type { ExecutorContextV1, HitlStepSpec, StepRefV1 } from '@strands-cli/core/spec';

/** The answer that keeps the router's choice. */
export const APPROVED = 'approved';
/** The prefix of an answer that overrides the route: `route:<name>`. */
export const ROUTE_PREFIX = 'route:';

const reviewRef: StepRefV1 = {
  kind: 'router-review',
  label: 'router review',
  pointer: '/pattern/config/router/review_router',
};

/**
 * What an answer to the route review asks for: undefined to keep the chosen route, else the route
 * to take. Only meaningful for an answer {@link reviewProblem} accepts.
 */
export function routeFromAnswer(answer: string): string | undefined {
  const trimmed = answer.trim();
  return trimmed.startsWith(ROUTE_PREFIX) ? trimmed.slice(ROUTE_PREFIX.length).trim() : undefined;
}

/**
 * Checks an answer to the route review: `approved`, or `route:<name>` naming an existing route.
 * @returns what is wrong and every accepted answer, or undefined when the answer is accepted.
 */
export function reviewProblem(answer: string, routeNames: readonly string[]): string | undefined {
  const trimmed = answer.trim();
  if (trimmed === APPROVED) return undefined;
  const route = routeFromAnswer(trimmed);
  if (route !== undefined && routeNames.includes(route)) return undefined;
  const accepted = [APPROVED, ...routeNames.map((name) => `${ROUTE_PREFIX}${name}`)];
  return `${JSON.stringify(answer)} is neither approved nor a known route; accepted answers: ${accepted.join(', ')}`;
}

/** The outcome of the route review. */
export interface ReviewOutcome {
  /** The route to run: the router's choice, or the reviewer's override. */
  readonly route: string;
  /** The reviewer's answer, as given. */
  readonly answer: string;
}

/**
 * Asks a person to review the router's choice (`router.review_router`): its `context_display` sees
 * `router.chosen_route` and `router.response`; the answer `approved` keeps the route and
 * `route:<name>` overrides it. Any other answer is refused, listing the accepted ones.
 */
export async function reviewRoute(
  context: ExecutorContextV1<unknown>,
  review: HitlStepSpec,
  router: { readonly chosen_route: string; readonly response: string },
  routeNames: readonly string[],
): Promise<ReviewOutcome> {
  const answer = await askHumanStep(context, review, reviewRef, { router }, (given) =>
    reviewProblem(given, routeNames),
  );
  return { route: routeFromAnswer(answer) ?? router.chosen_route, answer };
}
