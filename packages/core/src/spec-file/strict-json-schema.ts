/**
 * Rewrites every `type: [a, b]` (zod writes it for a union of plain scalars) as `anyOf: [{type: a},
 * {type: b}]`, in place. A list of types is legal JSON Schema, but validators in strict mode (Ajv's,
 * which editors and CI tools use) refuse it as ambiguous; the `anyOf` means the same and compiles.
 * A node whose list of types sits next to keywords of one of them is left alone: moving those
 * keywords is a decision, not a rewrite, and the strict-mode test catches it.
 */
export function withoutUnionTypes(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) withoutUnionTypes(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const value of Object.values(record)) withoutUnionTypes(value);
  const types = record.type;
  if (!Array.isArray(types)) return;
  const annotations = new Set(['type', 'description', 'title', 'default', 'examples', 'deprecated']);
  if (Object.keys(record).some((key) => !annotations.has(key)) || 'anyOf' in record) return;
  delete record.type;
  record.anyOf = types.map((type: unknown) => ({ type }));
}
