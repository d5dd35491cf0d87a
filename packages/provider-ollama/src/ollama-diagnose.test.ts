import { startOllamaServer } from '@strands-cli/test-servers';
import { describe, expect, it } from 'vitest';
import { diagnoseOllama } from './ollama-diagnose.js';

// These tests are about the answers, not speed: the first diagnosis also loads the vendor SDK, which
// takes seconds on a loaded CI machine, so the deadline only has to stop a hung test.
const answerDeadlineMs = 25_000;

describe('diagnoseOllama', () => {
  it('lists the pulled models when GET /api/tags answers, and leaves no socket open', async () => {
    const server = await startOllamaServer({ models: ['llama3.1:latest'] });
    const results = await diagnoseOllama({ host: server.url }, AbortSignal.timeout(answerDeadlineMs));
    expect(results).toEqual([
      { check: `ollama: server ${server.url}`, ok: true, detail: 'GET /api/tags answered: llama3.1:latest' },
    ]);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/tags' });
    await server.waitForConnectionsClosed();
    await server.close();
  });

  it('says how to pull a model when none is there', async () => {
    const server = await startOllamaServer({ models: [] });
    const [result] = await diagnoseOllama({ host: server.url }, AbortSignal.timeout(answerDeadlineMs));
    expect(result?.detail).toMatch(/ollama pull/);
    await server.close();
  });

  it('points a host ending in /v1 at the root instead of advising a pull', async () => {
    const server = await startOllamaServer({ models: [] });
    const [result] = await diagnoseOllama({ host: `${server.url}/v1` }, AbortSignal.timeout(5000));
    expect(result?.detail).toContain(
      `this looks like the OpenAI-compatible path; Ollama's API is at the root (${server.url})`,
    );
    expect(result?.detail).not.toMatch(/ollama pull/);
    await server.close();
  });

  it('fails with a fix when nothing listens', async () => {
    const server = await startOllamaServer();
    await server.close();
    const [result] = await diagnoseOllama({ host: server.url }, AbortSignal.timeout(answerDeadlineMs));
    expect(result).toMatchObject({ ok: false });
    expect(result?.detail).toMatch(/ollama serve/);
  });

  it('reports a deadline that passed', async () => {
    const server = await startOllamaServer();
    const controller = new AbortController();
    controller.abort();
    const [result] = await diagnoseOllama({ host: server.url }, controller.signal);
    expect(result).toMatchObject({ ok: false, detail: 'GET /api/tags did not answer in time' });
    await server.close();
  });
});
