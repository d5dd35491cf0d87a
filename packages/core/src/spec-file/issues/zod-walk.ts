/**
 * Walks a zod 4 schema along a data path, to find what a place in the spec allows (for "did you
 * mean" suggestions and for choosing the union option the user meant).
 */
import type { ZodType } from 'zod';

interface Definition {
  type: string;
  innerType?: ZodType;
  in?: ZodType;
  shape?: Record<string, ZodType>;
  valueType?: ZodType;
  element?: ZodType;
  options?: readonly ZodType[];
  getter?: () => ZodType;
  values?: readonly unknown[];
}

function definitionOf(schema: ZodType): Definition {
  return (schema as unknown as { _zod: { def: Definition } })._zod.def;
}

const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema without optional/default/pipe/lazy wrappers. */
export function unwrapSchema(schema: ZodType): ZodType {
  let current = schema;
  for (let depth = 0; depth < 20; depth += 1) {
    const definition = definitionOf(current);
    if (wrappers.has(definition.type) && definition.innerType) current = definition.innerType;
    else if (definition.type === 'pipe' && definition.in) current = definition.in;
    else if (definition.type === 'lazy' && definition.getter) current = definition.getter();
    else return current;
  }
  return current;
}

/** The schema at `path` below `schema` (undefined when the path leaves it or crosses a union). */
export function schemaAt(schema: ZodType, path: readonly PropertyKey[]): ZodType | undefined {
  let current: ZodType | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    const definition = definitionOf(unwrapSchema(current));
    if (definition.type === 'object') current = definition.shape?.[String(segment)];
    else if (definition.type === 'record') current = definition.valueType;
    else if (definition.type === 'array') current = definition.element;
    else return undefined;
  }
  return current ? unwrapSchema(current) : undefined;
}

/** The keys an object schema allows (empty for anything else). */
export function objectKeys(schema: ZodType | undefined): string[] {
  if (!schema) return [];
  const definition = definitionOf(unwrapSchema(schema));
  if (definition.type === 'object') return Object.keys(definition.shape ?? {});
  if (definition.type === 'union')
    return [...new Set((definition.options ?? []).flatMap((option) => objectKeys(option)))];
  return [];
}

/** The options of a union schema (empty for anything else). */
export function unionOptions(schema: ZodType | undefined): readonly ZodType[] {
  if (!schema) return [];
  const definition = definitionOf(unwrapSchema(schema));
  return definition.type === 'union' ? (definition.options ?? []) : [];
}
