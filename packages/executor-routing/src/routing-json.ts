import { extractJson, isJsonObject } from '@strands-cli/core/executor-utils';

/**
 * Extracts the router's choice from free text with strands-cli's three stages (whole text, first
 * fenced block, first `{...}` without nested braces that mentions `"route"`). A candidate counts only
 * if it is a JSON object with a string `route` (other keys are allowed).
 * @returns the route name, or `undefined` when no stage finds one.
 * @example extractRoute('Sure! ```json\n{"route": "faq"}\n```') // 'faq'
 */
export function extractRoute(text: string): string | undefined {
  return extractJson(text, routeOf, /\{[^{}]*"route"[^{}]*\}/);
}

function routeOf(parsed: unknown): string | undefined {
  if (!isJsonObject(parsed)) return undefined;
  return typeof parsed.route === 'string' ? parsed.route : undefined;
}
