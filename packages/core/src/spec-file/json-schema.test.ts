import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildWorkflowJsonSchema } from './json-schema.js';

describe('buildWorkflowJsonSchema', () => {
  const schema = buildWorkflowJsonSchema({
    chain: z.strictObject({ steps: z.array(z.string()) }),
    graph: z.strictObject({ nodes: z.record(z.string(), z.string()) }),
  });

  it('is a draft 2020-12 schema of the whole spec', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['version', 'name', 'runtime', 'agents', 'pattern']);
    expect(schema.additionalProperties).toBe(false);
  });

  interface PatternNode {
    properties: { type: { anyOf: [{ enum: string[] }, { pattern: string }] } };
    allOf: { if: { properties: { type: { const: string } } }; then: { properties: { config: unknown } } }[];
  }
  const pattern = (schema.properties as Record<string, PatternNode>).pattern!;

  it('ties pattern.config to pattern.type with one if/then per executor type', () => {
    expect(pattern.allOf.map((branch) => branch.if.properties.type.const)).toEqual(['chain', 'graph']);
    expect(JSON.stringify(pattern.allOf[0]?.then.properties.config)).toContain('"steps"');
  });

  it("accepts a plugin's package name as pattern.type, as the loader does", () => {
    const [known, packageName] = pattern.properties.type.anyOf;
    expect(known.enum).toContain('chain');
    const matches = (name: string) => new RegExp(packageName.pattern).test(name);
    expect(matches('@acme/strands-executor-map')).toBe(true);
    expect(matches('strands-executor-map')).toBe(true);
    expect(matches('My Pattern')).toBe(false);
  });

  it('writes no list of types (strict validators refuse them)', () => {
    const unionOfScalars = buildWorkflowJsonSchema({
      chain: z.strictObject({ vars: z.record(z.string(), z.union([z.string(), z.number()])) }),
    });
    expect(JSON.stringify(unionOfScalars)).not.toMatch(/"type":\[/);
  });

  it('lets agents be written as $ref to an atomic agent', () => {
    const agents = (schema.properties as Record<string, { additionalProperties: { anyOf: unknown[] } }>)
      .agents;
    expect(JSON.stringify(agents!.additionalProperties.anyOf[1])).toContain('"$ref"');
  });
});
