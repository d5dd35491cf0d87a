import { describe, expect, it } from 'vitest';
import { CassetteMissError } from '../../record-replay/cassette-miss-error.js';
import {
  ArtifactError,
  BudgetExceededError,
  ExitCode,
  PluginContractError,
  PluginNotInstalledError,
  ProviderCallError,
  RunCancelledError,
  RuntimeFailure,
  SpecValidationError,
  StepFailedError,
  StrandsError,
  TemplateError,
  UnsupportedFeatureError,
  UsageError,
} from './errors.js';

/** One instance of every class of the hierarchy, by its class. */
const samples: ReadonlyArray<[{ isInstance(value: unknown): boolean; name: string }, StrandsError]> = [
  [UsageError, new UsageError('bad flag')],
  [SpecValidationError, new SpecValidationError('bad spec', [])],
  [UnsupportedFeatureError, new UnsupportedFeatureError([])],
  [PluginNotInstalledError, new PluginNotInstalledError('executor', 'map', '@acme/map')],
  [PluginContractError, new PluginContractError('@acme/map', 'no default export')],
  [ProviderCallError, new ProviderCallError({ providerId: 'openai', kind: 'server', message: '500' })],
  [StepFailedError, new StepFailedError('step 1', 'writer', new Error('boom'))],
  [RuntimeFailure, new RuntimeFailure('broken')],
  [TemplateError, new TemplateError('undefined name')],
  [BudgetExceededError, new BudgetExceededError('max_steps', 1, 2)],
  [RunCancelledError, new RunCancelledError()],
  [ArtifactError, new ArtifactError('unsafe path')],
  [
    CassetteMissError,
    new CassetteMissError({
      cassette: 'x.cassette.json',
      request: { provider: 'openai', modelId: 'm', messages: [] },
      nearest: undefined,
    }),
  ],
];

describe('unsupported features', () => {
  it('names each feature in the message and says what to change in the hint', () => {
    const error = new UnsupportedFeatureError([
      {
        pointer: '/pattern/type',
        reason: "Pattern 'chain' needs the package @strands-cli/executor-chain, which is not installed",
        remediation: 'Install it with: npm install @strands-cli/executor-chain',
      },
    ]);
    expect(error.message).toContain('/pattern/type: Pattern');
    expect(error.message).toContain('@strands-cli/executor-chain');
    expect(error.hint).toBe('Install it with: npm install @strands-cli/executor-chain');
    expect(new UnsupportedFeatureError([]).hint).toBeUndefined();
  });
});

describe('error identity', () => {
  it('recognises each class only for its own instances', () => {
    for (const [errorClass] of samples) {
      for (const [otherClass, instance] of samples) {
        expect(errorClass.isInstance(instance), `${errorClass.name}.isInstance(${instance.name})`).toBe(
          errorClass === otherClass,
        );
      }
    }
  });

  it('is false for a usage error checked as a spec error', () => {
    expect(SpecValidationError.isInstance(new UsageError('bad flag'))).toBe(false);
  });

  it('recognises every class of the hierarchy as a StrandsError, and nothing else', () => {
    for (const [, instance] of samples) expect(StrandsError.isInstance(instance)).toBe(true);
    expect(StrandsError.isInstance(new Error('plain'))).toBe(false);
    expect(StrandsError.isInstance(undefined)).toBe(false);
    expect(StrandsError.isInstance('UsageError')).toBe(false);
  });

  it("lets a subclass's instances pass its parent's isInstance", () => {
    class StrictUsageError extends UsageError {}
    const error = new StrictUsageError('bad flag');
    expect(UsageError.isInstance(error)).toBe(true);
    expect(StrandsError.isInstance(error)).toBe(true);
    expect(SpecValidationError.isInstance(error)).toBe(false);
  });

  it('recognises an error from another copy of the package by its shared marker', () => {
    // What a second copy's SpecValidationError looks like from here: the same Symbol.for keys, but
    // another prototype chain, so instanceof is false.
    const foreign = Object.assign(new Error('bad spec'), {
      [Symbol.for('strands-cli.error.StrandsError')]: true,
      [Symbol.for('strands-cli.error.SpecValidationError')]: true,
      exitCode: ExitCode.spec,
      issues: [],
    });
    expect(foreign instanceof SpecValidationError).toBe(false);
    expect(SpecValidationError.isInstance(foreign)).toBe(true);
    expect(StrandsError.isInstance(foreign)).toBe(true);
    expect(UsageError.isInstance(foreign)).toBe(false);
  });

  it('does not trust the name: an error merely named like ours is not one', () => {
    const impostor = Object.assign(new Error('x'), { name: 'SpecValidationError' });
    expect(SpecValidationError.isInstance(impostor)).toBe(false);
  });
});
