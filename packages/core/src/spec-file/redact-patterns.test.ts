import { describe, expect, it } from 'vitest';
import { SpecValidationError } from '../spec/v1/errors.js';
import { linearRegexProblem } from '../templates/linear-regex.js';
import { fixture, fixturePlugins } from './__fixtures__/fixture-executor.js';
import { loadSpec } from './prepare-spec.js';

describe('telemetry.redact.custom_patterns', () => {
  it('refuses a pattern the linear-time engine cannot run, with its location', async () => {
    const error = await loadSpec(fixture('redact-patterns.yaml'), {
      plugins: fixturePlugins,
      requireInputs: false,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecValidationError);
    const issues = (error as SpecValidationError).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ pointer: '/telemetry/redact/custom_patterns/1', line: 13 });
    expect(issues[0]?.message).toContain('not a usable pattern');
  });

  it('accepts RE2 patterns and rejects hostile or broken ones', () => {
    expect(linearRegexProblem('ACME-[0-9]{6}')).toBeUndefined();
    expect(linearRegexProblem('(?=x)y')).toBeDefined();
    expect(linearRegexProblem('([a-z')).toBeDefined();
  });
});
