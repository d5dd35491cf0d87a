import { describe, expect, it } from 'vitest';
import { scriptedProvider, textTurn } from './__fixtures__/scripted-provider.js';
import { createRecorder } from './recorder.js';
import { replayProviderPlugin, replayProviderPlugins } from './replay-provider-plugin.js';
import { createReplayer } from './replayer.js';

function recordedCassette(describe = true) {
  const recorder = createRecorder();
  if (describe) recorder.describeProvider('openai', { defaultModelId: 'gpt-default' });
  const client = recorder.wrap(
    scriptedProvider('openai', () => textTurn('hi')),
    { providerId: 'openai' },
  );
  return { recorder, client };
}

describe('replay provider plugins', () => {
  it('resolve settings from nothing, read no environment and answer from the cassette', async () => {
    const { recorder, client } = recordedCassette();
    await client.generate({ modelId: 'gpt-other', messages: [{ role: 'user', content: 'q' }] });
    const plugin = replayProviderPlugin('openai', createReplayer(recorder.cassette()));
    expect(plugin.defaultModelId).toBe('gpt-default');
    expect(plugin.credentialVariables).toEqual([]);
    const settings = plugin.resolveSettings({
      maxConnections: 1,
      timeouts: { connectMs: 1, headersMs: 1, bodyMs: 1 },
      env: {},
    });
    const replayed = await plugin.create(settings);
    const answer = await replayed.generate({
      modelId: 'gpt-other',
      messages: [{ role: 'user', content: 'q' }],
    });
    expect(answer.text).toBe('hi');
  });

  it('falls back to the only recorded model, and builds one plugin per distinct name', async () => {
    const { recorder, client } = recordedCassette(false);
    await client.generate({ modelId: 'gpt-only', messages: [] });
    const plugins = replayProviderPlugins(
      ['openai', 'ollama', 'openai'],
      createReplayer(recorder.cassette()),
    );
    expect(Object.keys(plugins)).toEqual(['openai', 'ollama']);
    expect(plugins.openai?.defaultModelId).toBe('gpt-only');
    expect(plugins.ollama?.defaultModelId).toMatch(/^unknown-model/);
  });

  it('writes the described providers into the cassette', () => {
    expect(recordedCassette().recorder.cassette().providers).toEqual({
      openai: { defaultModelId: 'gpt-default' },
    });
  });
});
