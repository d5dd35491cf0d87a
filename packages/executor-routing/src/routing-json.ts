/**
 * strands-cli's three-stage extraction of the router's choice from free text. Each stage yields at
 * most one candidate, which counts only if it is a JSON object with a string `route` (other keys are
 * allowed); JSON that is not an object counts as malformed.
 * 1. the whole trimmed text;
 * 2. the first fenced code block (optionally tagged `json`) holding `{...}`;
 * 3. the first `{...}` without nested braces that mentions `"route"`.
 * @returns the route name, or `undefined` when no stage finds one.
 * @example extractRoute('Sure! ```json\n{"route": "faq"}\n```') // 'faq'
 */
export function extractRoute(text: string): string | undefined {
  const candidates = [
    () => text.trim(),
    () => /```(?:json)?\s*(\{.*?\})\s*```/s.exec(text)?.[1],
    () => /\{[^{}]*"route"[^{}]*\}/.exec(text)?.[0],
  ];
  for (const candidate of candidates) {
    const route = routeOf(candidate());
    if (route !== undefined) return route;
  }
  return undefined;
}

function routeOf(json: string | undefined): string | undefined {
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const route = (parsed as Record<string, unknown>).route;
  return typeof route === 'string' ? route : undefined;
}
