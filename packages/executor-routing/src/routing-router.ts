import type { ExecutorContextV1 } from '@strands-cli/core/spec';
import { RuntimeFailure, StepFailedError } from '@strands-cli/core/spec';
import type { RoutingConfig } from './routing-config.js';
import { extractRoute } from './routing-json.js';

/** The fields of `pattern.config.router` the run reads. */
export type RouterShape = Pick<RoutingConfig['router'], 'agent' | 'input'> & {
  readonly max_retries?: number;
};

/** What the router decided. */
export interface RouterDecision {
  readonly route: string;
  /** The router's raw text from the attempt that produced valid JSON. */
  readonly response: string;
}

/** strands-cli's default for `router.max_retries`. */
export const DEFAULT_ROUTER_RETRIES = 2;

const ask = 'Respond with valid JSON: {"route": "<route_name>"}';
const askAgain = 'Previous response was malformed. Respond with ONLY valid JSON: {"route": "<route_name>"}';

/**
 * Asks the router agent for a route: its rendered input plus strands-cli's JSON instruction and the
 * list of valid route names. Malformed output is retried up to `max_retries` times with a sterner
 * instruction; a well-formed but unknown route fails at once.
 * @throws RuntimeFailure when no attempt yields valid JSON, or when the route does not exist.
 */
export async function chooseRoute(
  context: ExecutorContextV1<unknown>,
  router: RouterShape,
  routeNames: readonly string[],
): Promise<RouterDecision> {
  let rendered: string;
  try {
    rendered = context.render(router.input, {}, '/pattern/config/router/input');
  } catch (error) {
    throw new StepFailedError('router', router.agent, error);
  }
  const valid = `The route name must be one of: ${routeNames.map((name) => JSON.stringify(name)).join(', ')}.`;
  const attempts = (router.max_retries ?? DEFAULT_ROUTER_RETRIES) + 1;
  let lastResponse = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const instruction = attempt === 1 ? ask : askAgain;
    // The core names the attempt and agent of a failed invocation.
    const result = await context.invokeAgent({
      agentId: router.agent,
      input: `${rendered}\n\n${instruction}\n${valid}`,
      step: {
        kind: 'router',
        label: attempt === 1 ? 'router' : `router attempt ${attempt}`,
        pointer: '/pattern/config/router',
      },
    });
    lastResponse = result.text;
    const route = extractRoute(result.text);
    if (route === undefined) continue;
    if (!routeNames.includes(route)) {
      throw new RuntimeFailure(
        `Invalid route '${route}' selected by router (agent '${router.agent}'). Valid routes: ${quoteAll(routeNames)}`,
        {
          hint: 'Route names are exact and case-sensitive: make the router prompt use the names under pattern.config.routes.',
        },
      );
    }
    return { route, response: result.text };
  }
  throw new RuntimeFailure(
    `Router failed to produce valid JSON after ${attempts} attempts (agent '${router.agent}'); last response: ${JSON.stringify(preview(lastResponse))}`,
    {
      hint: 'Make the router prompt ask for exactly {"route": "<name>"}, or raise pattern.config.router.max_retries.',
    },
  );
}

function quoteAll(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}

/** Keeps error messages readable when a model rambles. */
function preview(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
