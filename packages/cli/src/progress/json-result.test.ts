import { ExitCode, RuntimeFailure, UsageError } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { jsonFailure } from './json-result.js';

describe('jsonFailure', () => {
  it('reports a usage error found after parsing as usage-error, like the parser’s own', () => {
    const error = new UsageError('No spec given', { hint: 'Run `strands run SPEC`.' });
    expect(JSON.parse(jsonFailure(error, ExitCode.usage))).toEqual({
      status: 'usage-error',
      ok: false,
      exitCode: 2,
      error: { name: 'UsageError', message: 'No spec given', hint: 'Run `strands run SPEC`.' },
    });
  });

  it('reports any other error as a failure, with the session to resume', () => {
    const document = JSON.parse(jsonFailure(new RuntimeFailure('the model is down'), 10, undefined, 'abc'));
    expect(document).toMatchObject({ status: 'failure', exitCode: 10, sessionId: 'abc' });
  });
});
