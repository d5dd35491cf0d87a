import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../spec/v1/errors.js';
import { createRunTools } from '../tools/run-tools.js';
import { rejectionOf, runWithMock } from './__fixtures__/run-harness.js';
import { chainSpec } from './__fixtures__/test-executors.js';

const secret = 'sk-redaction-test-123456';

describe('secrets in events and errors', () => {
  it('redacts credential values from retry events, step errors and the thrown error', async () => {
    const echoed = (status: number) => ({
      error: new ProviderCallError({
        providerId: 'mock',
        kind: status === 503 ? 'server' : 'auth',
        message: `key ${secret} refused`,
        statusCode: status,
        hint: `Replace ${secret}.`,
      }),
    });
    const document = chainSpec([{ agent: 'a', input: 'hello' }]);
    document.runtime = { provider: 'mock', failure_policy: { retries: 1, wait_min: 0 } };
    const { pending, events } = runWithMock(document, [echoed(503), echoed(401)], {
      env: { MOCK_API_KEY: secret },
      createTools: createRunTools,
    });
    const error = await rejectionOf(pending);
    expect(error.message).toBe("step 1 (agent 'a') failed: key [REDACTED] refused (HTTP 401)");
    expect((error as Error & { hint?: string }).hint).toBe('Replace [REDACTED].');
    // The provider's error, kept as the cause, is redacted too.
    expect((error.cause as Error).message).toBe('key [REDACTED] refused (HTTP 401)');
    expect((error.cause as Error & { hint?: string }).hint).toBe('Replace [REDACTED].');
    expect(String(error.stack)).not.toContain(secret);
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(events.find((event) => event.type === 'retry')).toMatchObject({
      error: 'key [REDACTED] refused (HTTP 503)',
    });
  });

  it('redacts a secret that a streamed answer splits across pieces, and keeps the rest of the text', async () => {
    const text = `key ${secret} done`;
    const document = chainSpec([{ agent: 'a', input: 'hello' }]);
    document.runtime = { provider: 'mock' };
    const { pending, events } = runWithMock(
      document,
      [{ text, chunks: ['key sk-redac', 'tion-test-12', '3456 done. And sk-', 're'] }],
      { env: { MOCK_API_KEY: secret }, createTools: createRunTools, stream: true },
    );
    await pending;
    const deltas = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : []));
    expect(deltas.join('')).toBe('key [REDACTED] done. And sk-re');
    for (const delta of deltas) expect(delta).not.toMatch(/redac|test-12|3456/);
    // The held-back tail comes out before the step ends.
    const lastDelta = events.findLastIndex((event) => event.type === 'text-delta');
    expect(lastDelta).toBeLessThan(events.findIndex((event) => event.type === 'step-end'));
  });

  it("carries each step's input and output on its events, with the run's secrets redacted", async () => {
    const document = chainSpec([{ agent: 'a', input: `use ${secret} please` }]);
    document.runtime = { provider: 'mock' };
    const { pending, events } = runWithMock(document, [{ text: `done with ${secret}` }], {
      env: { MOCK_API_KEY: secret },
      createTools: createRunTools,
    });
    await pending;
    expect(events.find((event) => event.type === 'step-start')).toMatchObject({
      input: 'use [REDACTED] please',
    });
    expect(events.find((event) => event.type === 'step-end')).toMatchObject({
      output: 'done with [REDACTED]',
    });
  });
});
