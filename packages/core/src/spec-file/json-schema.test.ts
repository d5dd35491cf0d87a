import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildWorkflowJsonSchema } from './json-schema.js';

describe('buildWorkflowJsonSchema', () => {
  const schema = buildWorkflowJsonSchema({ chain: z.strictObject({ steps: z.array(z.string()) }) });

  it('is a draft 2020-12 schema of the whole spec', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['version', 'name', 'runtime', 'agents', 'pattern']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('ties pattern.config to pattern.type, with the planned patterns included', () => {
    const pattern = (
      schema.properties as Record<string, { oneOf: { properties: { type: { const: string } } }[] }>
    ).pattern;
    expect(pattern!.oneOf.map((option) => option.properties.type.const)).toEqual([
      'chain',
      'evaluator_optimizer',
      'graph',
      'orchestrator_workers',
    ]);
  });

  it('lets agents be written as $ref to an atomic agent', () => {
    const agents = (schema.properties as Record<string, { additionalProperties: { anyOf: unknown[] } }>)
      .agents;
    expect(JSON.stringify(agents!.additionalProperties.anyOf[1])).toContain('"$ref"');
  });
});
