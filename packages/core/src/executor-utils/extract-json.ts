/**
 * strands-cli's three-stage extraction of a JSON answer from a model's free text, shared by the
 * patterns that ask an agent for JSON (a route, a score, a task list). Each stage yields at most one
 * candidate, and the first candidate that parses and that `accept` turns into a value wins:
 * 1. the whole trimmed text;
 * 2. the first fenced code block (optionally tagged `json`);
 * 3. the first match of `lastResort` (e.g. a `{...}` that mentions `"score"`), when given.
 * @param accept Returns the value a parsed candidate stands for, or `undefined` when it is not one.
 * @returns the accepted value, or `undefined` when no stage finds one.
 * @example extractJson('Sure! ```json\n{"route": "faq"}\n```', (v) => routeOf(v)) // 'faq'
 */
export function extractJson<T>(
  text: string,
  accept: (parsed: unknown) => T | undefined,
  lastResort?: RegExp,
): T | undefined {
  const candidates = [
    () => text.trim(),
    () => /```(?:json)?\s*(.*?)\s*```/s.exec(text)?.[1],
    () => (lastResort === undefined ? undefined : lastResort.exec(text)?.[0]),
  ];
  for (const candidate of candidates) {
    const json = candidate();
    if (json === undefined || json === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      continue;
    }
    const value = accept(parsed);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
