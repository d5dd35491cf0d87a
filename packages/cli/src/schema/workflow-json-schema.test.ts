import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { schemaFilePath } from '../commands/schema.js';

/** The committed schema (what `strands schema` prints), compiled as an editor's validator would. */
async function compileStrict() {
  const schema = JSON.parse(await readFile(schemaFilePath(), 'utf8')) as Record<string, unknown>;
  // strict: unknown keywords, ambiguous union types and `required` without a property all throw.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  return ajv.compile(schema);
}

const base = {
  version: 1,
  name: 'schema check',
  runtime: { provider: 'ollama', model_id: 'llama3.2' },
  agents: { writer: { prompt: 'You write.' } },
};

describe('the JSON Schema under Ajv', () => {
  it('compiles in strict mode', async () => {
    await expect(compileStrict()).resolves.toBeTypeOf('function');
  });

  it('accepts a built-in pattern and a plugin pattern named by its package', async () => {
    const validate = await compileStrict();
    const chain = {
      ...base,
      pattern: { type: 'chain', config: { steps: [{ agent: 'writer', input: 'hi' }] } },
    };
    expect(validate(chain), JSON.stringify(validate.errors)).toBe(true);
    const plugin = {
      ...base,
      pattern: { type: '@acme/strands-executor-map', config: { over: [1, 2], anything: true } },
    };
    expect(validate(plugin), JSON.stringify(validate.errors)).toBe(true);
  });

  it('reports a mistake in a config only against the branch its type selects', async () => {
    const validate = await compileStrict();
    const spec = {
      ...base,
      pattern: { type: 'chain', config: { steps: [{ agent: 'writer', input: 'hi', inptu: 'x' }] } },
    };
    expect(validate(spec)).toBe(false);
    // Besides the `if` that says "the branch for this type failed", every error is in the chain branch.
    const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.instancePath).toMatch(/^\/pattern\/config\/steps\/0/);
      expect(error.schemaPath).toMatch(/^#\/properties\/pattern\/allOf\/0\/then\//);
    }
    const chainBranch = validate.schema as { properties: { pattern: { allOf: { if: unknown }[] } } };
    expect(chainBranch.properties.pattern.allOf[0]?.if).toEqual({
      properties: { type: { const: 'chain' } },
      required: ['type'],
    });
    expect(validate.errors?.some((error) => error.params.additionalProperty === 'inptu')).toBe(true);
  });

  it('rejects a pattern type that is neither known nor a package name', async () => {
    const validate = await compileStrict();
    expect(validate({ ...base, pattern: { type: 'My Pattern', config: {} } })).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/pattern/type');
  });
});
