import { describe, expect, it } from 'vitest';
import { SpecValidationError } from '../spec/v1/errors.js';
import { fixture, fixturePlugins } from './__fixtures__/fixture-executor.js';
import { loadSpec } from './prepare-spec.js';

// Node turns any timer delay over 2^31-1 ms into 1 ms: a spec asking for more must be refused, not
// fire at once.
describe('durations longer than a timer can hold', () => {
  it('are located spec errors with a fix', async () => {
    const error = await loadSpec(fixture('timer-limits.yaml'), {
      plugins: fixturePlugins,
      requireInputs: false,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecValidationError);
    const issues = (error as SpecValidationError).issues;
    const byPointer = Object.fromEntries(issues.map((issue) => [issue.pointer, issue]));
    expect(byPointer['/runtime/budgets/max_duration_s']).toMatchObject({
      line: 5,
      message: '`runtime.budgets.max_duration_s` must be at most 2147483, found 3000000',
    });
    expect(byPointer['/runtime/budgets/max_duration_s']?.hint).toMatch(
      /^Use a value of at most 2147483 \(about 24\.8 days/,
    );
    expect(byPointer['/runtime/failure_policy/wait_max']?.message).toContain('must be at most 2147483');
    expect(byPointer['/tools/http_executors/0/timeout_ms']?.message).toContain('must be at most 2147483647');
    expect(issues).toHaveLength(3);
  });
});
