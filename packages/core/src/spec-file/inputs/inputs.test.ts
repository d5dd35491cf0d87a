import { describe, expect, it } from 'vitest';
import { SpecValidationError, UsageError } from '../../spec/v1/errors.js';
import { fixture, fixturePlugins } from '../__fixtures__/fixture-executor.js';
import { loadSpec, prepareSpec } from '../prepare-spec.js';
import { coerceInput } from './coerce-input.js';
import { parseVarArguments } from './parse-vars.js';

const specWith = (inputs: unknown) => ({
  version: 0,
  name: 'inputs',
  runtime: { provider: 'ollama' },
  inputs,
  agents: { a: { prompt: 'A' } },
  pattern: { type: 'chain', config: { steps: [{ agent: 'a', input: 'hi' }] } },
});

describe('--var parsing', () => {
  it('splits at the first "=" and trims', () => {
    expect(parseVarArguments(['query=a=b', ' topic = tide pools ', 'empty='])).toEqual({
      query: 'a=b',
      topic: 'tide pools',
      empty: '',
    });
  });

  it('rejects a missing "=" or an empty key with a usage error (exit 2)', () => {
    for (const bad of ['topic', '=value']) {
      const error = (() => {
        try {
          parseVarArguments([bad]);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
      expect((error as UsageError).message).toBe(`--var expects key=value, got '${bad}'`);
    }
  });
});

describe('coercion to the declared type', () => {
  it('parses numbers, whole numbers, booleans and JSON', () => {
    expect(coerceInput('2.5', 'number')).toEqual({ ok: true, value: 2.5 });
    expect(coerceInput('7', 'integer')).toEqual({ ok: true, value: 7 });
    expect(coerceInput('yes', 'boolean')).toEqual({ ok: true, value: true });
    expect(coerceInput('0', 'boolean')).toEqual({ ok: true, value: false });
    expect(coerceInput('["a"]', 'array')).toEqual({ ok: true, value: ['a'] });
    expect(coerceInput('{"k":1}', 'object')).toEqual({ ok: true, value: { k: 1 } });
    expect(coerceInput(3, 'string')).toEqual({ ok: true, value: '3' });
  });

  it('says what was expected', () => {
    expect(coerceInput('many', 'integer')).toEqual({ ok: false, problem: 'expected a whole number, e.g. 3' });
    expect(coerceInput('2.5', 'integer')).toMatchObject({ ok: false });
    expect(coerceInput('maybe', 'boolean')).toEqual({
      ok: false,
      problem: 'expected a boolean: yes/no, on/off, 1/0 or true/false',
    });
    expect(coerceInput('', 'number')).toMatchObject({ ok: false });
  });
});

describe('variables of a run', () => {
  const options = { plugins: fixturePlugins };

  it('applies defaults, then inputs.values, then --var, coerced', async () => {
    const loaded = await loadSpec(fixture('valid-chain.yaml'), {
      ...options,
      vars: ['depth=5', 'draft=true', 'extra=x'],
    });
    expect(loaded.variables).toEqual({
      topic: 'tide pools',
      depth: 5,
      tone: 'plain',
      draft: true,
      extra: 'x',
    });
  });

  it('takes typed values from the library API and coerces and checks them as --var text', async () => {
    const loaded = await loadSpec(fixture('valid-chain.yaml'), {
      ...options,
      vars: { depth: 7, draft: 'yes', extra: { nested: [1, 2] } },
    });
    expect(loaded.variables).toMatchObject({ depth: 7, draft: true, extra: { nested: [1, 2] } });
    const error = await loadSpec(fixture('valid-chain.yaml'), {
      ...options,
      vars: { depth: 2.5, draft: 'maybe' },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain('--var depth=2.5: input `depth` is declared as integer');
    expect((error as UsageError).message).toContain('expected a boolean: yes/no, on/off, 1/0 or true/false');
  });

  it('rejects a --var that does not fit its type or enum (exit 2)', async () => {
    const error = await loadSpec(fixture('valid-chain.yaml'), {
      ...options,
      vars: ['depth=deep', 'tone=loud'],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(
      '--var depth=deep: input `depth` is declared as integer; expected a whole number, e.g. 3\n' +
        '--var tone=loud: input `tone` is declared as string; expected one of "plain", "formal"',
    );
  });

  it('rejects a spec default of the wrong type (exit 3) where it is written', async () => {
    const error = await prepareSpec(
      specWith({ optional: { n: { type: 'number', default: 'lots' } } }),
      options,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecValidationError);
    expect((error as SpecValidationError).issues[0]).toMatchObject({
      pointer: '/inputs/optional/n/default',
      message: 'the default of input `n` is "lots"; expected a number, e.g. 3.5',
    });
  });

  it('requires required inputs for a run and says how to pass them', async () => {
    const error = await prepareSpec(
      specWith({ required: { topic: 'string', count: 'integer' } }),
      options,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('Missing inputs: topic, count');
    expect((error as UsageError).hint).toContain('--var topic=... --var count=...');
  });

  it('only warns about missing required inputs when reading (validate, plan)', async () => {
    const loaded = await prepareSpec(specWith({ required: { topic: 'string' } }), {
      ...options,
      requireInputs: false,
    });
    expect(loaded.warnings).toEqual([
      expect.objectContaining({
        code: 'input-missing',
        message: 'required input `topic` has no value or default',
      }),
    ]);
    expect(loaded.variables).toEqual({});
  });
});
