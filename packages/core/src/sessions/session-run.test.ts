import { describe, expect, it } from 'vitest';
import { askingFanOutExecutor, chainSpec, fakeRunTools } from '../runtime/__fixtures__/test-executors.js';
import { InvalidHumanAnswerError } from '../runtime/journal/human-inputs.js';
import { RunPausedError } from '../spec/v1/errors.js';
import type { LoadedSpec } from '../spec-file/loaded-spec.js';
import { createMockProviderPlugin } from '../testing/mock-provider-plugin.js';
import { createMemorySessionStore } from './memory-session-store.js';
import { runInSession } from './session-run.js';

const init = { name: 'ask', pattern: 'parallel', specText: 'version: 1', specFileName: 'a.yaml', vars: [] };

function askingSpec(): LoadedSpec {
  const document = chainSpec([
    { agent: 'writer', input: 'draft' },
    { agent: 'person', input: 'approve?' },
  ]);
  document.pattern = { type: 'parallel', config: (document.pattern as { config: unknown }).config };
  return document as unknown as LoadedSpec;
}

const runOptions = () => ({
  providers: { mock: createMockProviderPlugin({}) },
  executors: { parallel: askingFanOutExecutor },
  env: {},
  createTools: () => fakeRunTools(),
});

describe('runInSession', () => {
  it('keeps the session paused, with its question, when the answer given is refused', async () => {
    const store = createMemorySessionStore();
    const first = await store.create(init);
    const paused = await runInSession(askingSpec(), { handle: first }, runOptions()).catch((error) => error);
    expect(RunPausedError.isInstance(paused)).toBe(true);
    const [question] = (paused as RunPausedError).pending;
    const position = question?.position ?? '';

    const refused = await runInSession(
      askingSpec(),
      { handle: await store.open(first.id), humanAnswers: { [position]: 'maybe' } },
      runOptions(),
    ).catch((error) => error);
    expect(InvalidHumanAnswerError.isInstance(refused)).toBe(true);
    expect(refused.exitCode).toBe(2);
    expect(await store.get(first.id)).toMatchObject({ status: 'paused', pending: [{ position }] });

    const result = await runInSession(
      askingSpec(),
      { handle: await store.open(first.id), humanAnswers: { [position]: 'yes' } },
      runOptions(),
    );
    expect(result.response).toBe('mock: draft|yes');
    expect((await store.get(first.id))?.status).toBe('completed');
  });
});
