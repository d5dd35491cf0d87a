import { type GeminiServer, startGeminiServer } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseGemini } from './gemini-diagnose.js';

// These tests are about the answers, not speed: the first diagnosis also loads the vendor SDK, which
// takes seconds on a loaded CI machine, so the deadline only has to stop a hung test.
const answerDeadlineMs = 25_000;

describe('diagnoseGemini', () => {
  let server: GeminiServer;
  beforeEach(async () => {
    server = await startGeminiServer({ apiKey: 'gm-right' });
  });
  afterEach(() => server.close());

  it('passes when GET /v1beta/models/{default} answers with the key', async () => {
    const results = await diagnoseGemini(
      { apiKey: 'gm-right', baseURL: server.baseURL },
      AbortSignal.timeout(answerDeadlineMs),
    );
    expect(results).toEqual([
      expect.objectContaining({ ok: true }),
      expect.objectContaining({ ok: true, detail: 'gemini-2.5-flash is listed' }),
    ]);
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v1beta/models/gemini-2.5-flash',
    });
    await server.waitForConnectionsClosed();
  });

  it('warns when the default model is not there', async () => {
    const other = await startGeminiServer({ models: ['gemini-other'] });
    const results = await diagnoseGemini(
      { apiKey: 'k', baseURL: other.baseURL },
      AbortSignal.timeout(answerDeadlineMs),
    );
    await other.close();
    expect(results[1]).toMatchObject({ ok: true, severity: 'warn' });
  });

  it('fails the endpoint check when the key is refused, naming the variable', async () => {
    const results = await diagnoseGemini(
      { apiKey: 'gm-wrong', baseURL: server.baseURL },
      AbortSignal.timeout(answerDeadlineMs),
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/400.*GEMINI_API_KEY/) });
  });
});
