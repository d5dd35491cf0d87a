import { type AnthropicServer, startAnthropicServer } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseAnthropic } from './anthropic-diagnose.js';

// These tests are about the answers, not speed: the first diagnosis also loads the vendor SDK, which
// takes seconds on a loaded CI machine, so the deadline only has to stop a hung test.
const answerDeadlineMs = 25_000;

describe('diagnoseAnthropic', () => {
  let server: AnthropicServer;
  beforeEach(async () => {
    server = await startAnthropicServer({ apiKey: 'sk-ant-right' });
  });
  afterEach(() => server.close());

  it('passes when GET /v1/models answers with the key and lists the default model', async () => {
    const results = await diagnoseAnthropic(
      { apiKey: 'sk-ant-right', baseURL: server.baseURL },
      AbortSignal.timeout(answerDeadlineMs),
    );
    expect(results).toEqual([
      expect.objectContaining({ ok: true, detail: expect.stringMatching(/1 model/) }),
      expect.objectContaining({ ok: true, detail: 'claude-sonnet-4-20250514 is listed' }),
    ]);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: expect.stringMatching(/^\/v1\/models/) });
    await server.waitForConnectionsClosed();
  });

  it('warns when the default model is not listed', async () => {
    const other = await startAnthropicServer({ models: ['claude-other'] });
    const results = await diagnoseAnthropic(
      { apiKey: 'k', baseURL: other.baseURL },
      AbortSignal.timeout(answerDeadlineMs),
    );
    await other.close();
    expect(results[1]).toMatchObject({ ok: true, severity: 'warn' });
  });

  it('fails the endpoint check when the key is refused, naming the variable', async () => {
    const results = await diagnoseAnthropic(
      { apiKey: 'sk-ant-wrong', baseURL: server.baseURL },
      AbortSignal.timeout(answerDeadlineMs),
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/401.*ANTHROPIC_API_KEY/) });
  });
});
