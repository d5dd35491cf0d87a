/**
 * True when `expression` reads inside the parsed answer of a record (`steps[0].json.priority`,
 * `tasks.classify.json.items[0]`): the record exists in `scope` and has a `json` placeholder, whose
 * shape is known only when the agent answers (its `output_schema` checks it then), so static checks
 * accept any member of it.
 */
export function isParsedAnswerMember(expression: string, scope: Readonly<Record<string, unknown>>): boolean {
  const match = /^(.*?)\.json(?:\.|\[)/.exec(expression);
  if (!match?.[1]) return false;
  let value: unknown = scope;
  for (const segment of segmentsOf(match[1])) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return false;
    value = (value as Record<string, unknown>)[segment];
  }
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'json');
}

/** `steps[0]` → `['steps', '0']`; `tasks.a` and `tasks['a']` → `['tasks', 'a']`. */
function segmentsOf(path: string): string[] {
  return [...path.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]|\[['"]([^'"]+)['"]\]/g)].map(
    (part) => part[1] ?? part[2] ?? part[3] ?? '',
  );
}
