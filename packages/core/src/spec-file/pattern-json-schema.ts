import { npmPackageName } from '../plugins/builtin-plugins.js';

/** A JSON Schema node, as `z.toJSONSchema` writes it. */
type SchemaNode = Record<string, unknown>;

/**
 * Rewrites the pattern union `z.toJSONSchema` produces (a `oneOf` of one object per `type`) into one
 * object whose `type` is a known pattern or any package name, and whose `config` is checked by an
 * `if`/`then` per known type. Why not the `oneOf`: it rejects a plugin's pattern (whose type is a
 * package name), and an error in one branch is reported against every branch, so an editor shows
 * seven complaints for one misspelt step key. With `if`/`then` only the branch `type` selects
 * reports, and a plugin's `config` is left to the plugin (`strands validate` checks it).
 */
export function patternByType(union: SchemaNode): SchemaNode {
  const branches = (union.oneOf ?? union.anyOf) as SchemaNode[] | undefined;
  if (!Array.isArray(branches)) return union;
  const known: string[] = [];
  const selected: SchemaNode[] = [];
  for (const branch of branches) {
    const properties = branch.properties as { type?: { const?: unknown }; config?: SchemaNode };
    const type = properties.type?.const;
    if (typeof type !== 'string') return union;
    known.push(type);
    selected.push({
      if: { properties: { type: { const: type } }, required: ['type'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's conditional keyword is named `then`; this object is data, never awaited.
      then: { properties: { config: properties.config ?? {} } },
    });
  }
  return {
    ...(union.description === undefined ? {} : { description: union.description }),
    type: 'object',
    properties: {
      type: {
        type: 'string',
        description: `The pattern: ${known.join(', ')}, or the package name of a plugin executor (e.g. @acme/strands-executor-map).`,
        anyOf: [{ enum: known }, { pattern: npmPackageName.source, maxLength: 214 }],
      },
      config: { description: 'The settings of the pattern; their shape depends on `type`.' },
    },
    required: ['type', 'config'],
    additionalProperties: false,
    allOf: selected,
  };
}
