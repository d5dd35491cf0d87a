import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelRequestV1, ModelResponseV1 } from '../spec/v1/model-provider-v1.js';
import { collect, scriptedProvider, textTurn } from './__fixtures__/scripted-provider.js';
import { readCassette } from './cassette-file.js';
import { CassetteMissError } from './cassette-miss-error.js';
import { createRecorder } from './recorder.js';
import { createReplayer } from './replayer.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-record-replay-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const weatherTool = {
  name: 'weather',
  description: 'Current weather for a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const firstTurn: ModelRequestV1 = {
  modelId: 'gpt-test',
  system: 'You are a forecaster.',
  messages: [{ role: 'user', content: 'Weather in Oslo?' }],
  tools: [weatherTool],
  inference: { temperature: 0.2 },
};
const toolCallResponse: ModelResponseV1 = {
  text: '',
  toolCalls: [{ id: 'call_1', name: 'weather', input: { city: 'Oslo' } }],
  finishReason: 'tool-calls',
  usage: { inputTokens: 20, outputTokens: 7 },
};
const secondTurn: ModelRequestV1 = {
  ...firstTurn,
  messages: [
    ...firstTurn.messages,
    { role: 'assistant', content: '', toolCalls: toolCallResponse.toolCalls },
    {
      role: 'tool',
      results: [{ toolCallId: 'call_1', toolName: 'weather', content: '{"c":4}', isError: false }],
    },
  ],
};

/** A provider that asks for the tool on the first turn and answers on the second. */
function weatherProvider() {
  return scriptedProvider('openai', (request) =>
    request.messages.length === 1
      ? { response: toolCallResponse }
      : {
          ...textTurn('4 degrees in Oslo.', { inputTokens: 30, outputTokens: 6 }),
          pieces: ['4 degrees', ' in Oslo.'],
        },
  );
}

describe('record then replay', () => {
  it('round-trips generate calls with tool calls and answers them without the provider', async () => {
    const live = weatherProvider();
    const recorder = createRecorder();
    const recording = recorder.wrap(live, { providerId: 'openai' });
    const recorded = [await recording.generate(firstTurn), await recording.generate(secondTurn)];
    const file = join(directory, 'run.cassette.json');
    await recorder.save(file);

    const cassette = await readCassette(file);
    expect(cassette.entries.map((entry) => entry.kind)).toEqual(['generate', 'generate']);
    expect(cassette.usage).toEqual({ calls: 2, inputTokens: 50, outputTokens: 13 });
    expect(cassette.entries[0]?.request.tools).toEqual([weatherTool]);

    const replay = createReplayer(cassette).provider('openai');
    const replayed = [await replay.generate(firstTurn), await replay.generate(secondTurn)];
    expect(replayed).toEqual(recorded);
    expect(replayed[0]?.toolCalls).toEqual([{ id: 'call_1', name: 'weather', input: { city: 'Oslo' } }]);
    expect(live.calls).toHaveLength(2);
  });

  it('records streams chunk by chunk while passing them through, and replays the same parts in order', async () => {
    const live = weatherProvider();
    const recorder = createRecorder();
    const recording = recorder.wrap(live, { providerId: 'openai' });
    const liveParts = await collect(recording.stream(secondTurn));
    expect(liveParts.map((part) => part.type)).toEqual(['text-delta', 'text-delta', 'finish']);
    const file = join(directory, 'stream.cassette.json');
    await recorder.save(file);

    const cassette = await readCassette(file);
    expect(cassette.entries[0]?.kind).toBe('stream');
    expect(cassette.entries[0]?.chunks).toEqual([
      { type: 'text-delta', text: '4 degrees' },
      { type: 'text-delta', text: ' in Oslo.' },
    ]);
    // One chunk per line keeps long streams readable in a diff.
    expect(await readFile(file, 'utf8')).toContain('\n        {"type":"text-delta","text":"4 degrees"},\n');

    const replayed = await collect(createReplayer(cassette).provider('openai').stream(secondTurn));
    expect(replayed).toEqual(liveParts);
    expect(live.calls).toHaveLength(1);
  });

  it('answers a streamed request from a generate recording and the reverse', async () => {
    const recorder = createRecorder();
    const recording = recorder.wrap(weatherProvider(), { providerId: 'openai' });
    await recording.generate(secondTurn);
    await collect(recording.stream(firstTurn));
    const replay = createReplayer(recorder.cassette()).provider('openai');

    const streamed = await collect(replay.stream(secondTurn));
    expect(streamed).toEqual([
      { type: 'text-delta', text: '4 degrees in Oslo.' },
      {
        type: 'finish',
        response: {
          text: '4 degrees in Oslo.',
          toolCalls: [],
          finishReason: 'stop',
          usage: { inputTokens: 30, outputTokens: 6 },
        },
      },
    ]);
    expect(await replay.generate(firstTurn)).toEqual(toolCallResponse);
  });

  it('answers a request recorded several times in recorded order, then misses', async () => {
    let count = 0;
    const recorder = createRecorder();
    const recording = recorder.wrap(
      scriptedProvider('ollama', () => textTurn(`answer ${++count}`)),
      { providerId: 'ollama' },
    );
    const request: ModelRequestV1 = { modelId: 'llama3', messages: [{ role: 'user', content: 'Again?' }] };
    await recording.generate(request);
    await recording.generate(request);

    const replay = createReplayer(recorder.cassette(), { source: 'repeat.cassette.json' }).provider('ollama');
    expect((await replay.generate(request)).text).toBe('answer 1');
    expect((await replay.generate(request)).text).toBe('answer 2');
    const miss = await replay.generate(request).catch((error: unknown) => error);
    expect(miss).toBeInstanceOf(CassetteMissError);
    expect((miss as CassetteMissError).exitCode).toBe(10);
    expect((miss as CassetteMissError).recordedTimes).toBe(2);
    expect((miss as Error).message).toContain('holds 2 answer(s)');
  });

  it('replays parallel calls recorded in any order, since keys are content hashes', async () => {
    const gates = new Map<string, () => void>();
    const live = scriptedProvider('bedrock', (request) => {
      const topic = (request.messages[0] as { content: string }).content;
      return { ...textTurn(`about ${topic}`), gate: new Promise<void>((open) => gates.set(topic, open)) };
    });
    const recorder = createRecorder();
    const recording = recorder.wrap(live, { providerId: 'bedrock' });
    const topics = ['alpha', 'beta', 'gamma', 'delta'];
    const request = (topic: string): ModelRequestV1 => ({
      modelId: 'claude',
      messages: [{ role: 'user', content: topic }],
    });
    const pending = topics.map((topic) => recording.generate(request(topic)));
    await new Promise((resolve) => setImmediate(resolve));
    // Finish in reverse order of start.
    for (const topic of [...topics].reverse()) gates.get(topic)?.();
    await Promise.all(pending);
    const cassette = recorder.cassette();
    expect(cassette.entries.map((entry) => entry.response.text)).toEqual(
      topics.map((topic) => `about ${topic}`),
    );

    const replay = createReplayer(cassette).provider('bedrock');
    const order = ['gamma', 'alpha', 'delta', 'beta'];
    const answers = await Promise.all(order.map((topic) => replay.generate(request(topic))));
    expect(answers.map((answer) => answer.text)).toEqual(order.map((topic) => `about ${topic}`));
  });

  it('records nothing for a failed call and keeps the order calls started in', async () => {
    const live = scriptedProvider('openai', (request) => {
      if ((request.messages[0] as { content: string }).content === 'fail') throw new Error('boom');
      return textTurn('ok');
    });
    const recorder = createRecorder();
    const recording = recorder.wrap(live, { providerId: 'openai' });
    await recording.generate({ modelId: 'm', messages: [{ role: 'user', content: 'one' }] });
    await expect(
      recording.generate({ modelId: 'm', messages: [{ role: 'user', content: 'fail' }] }),
    ).rejects.toThrow('boom');
    await recording.generate({ modelId: 'm', messages: [{ role: 'user', content: 'two' }] });
    const contents = recorder
      .cassette()
      .entries.map((entry) => (entry.request.messages[0] as { content: string }).content);
    expect(contents).toEqual(['one', 'two']);
  });

  it('closes the wrapped client through the wrapper and replay clients close without effect', async () => {
    const live = weatherProvider();
    await createRecorder().wrap(live, { providerId: 'openai' }).close();
    expect(live.closed).toBe(1);
    await expect(
      createReplayer(createRecorder().cassette()).provider('openai').close(),
    ).resolves.toBeUndefined();
  });
});

describe('a replay miss', () => {
  it('names the nearest recorded request and what differs', async () => {
    const recorder = createRecorder();
    const recording = recorder.wrap(
      scriptedProvider('openai', () => textTurn('fine')),
      { providerId: 'openai' },
    );
    const step = (content: string): ModelRequestV1 => ({
      modelId: 'gpt-test',
      system: 'Be brief.',
      messages: [{ role: 'user', content }],
    });
    await recording.generate(
      step('Summarise the quarterly report for the sales team in three bullet points.'),
    );
    await recording.generate(step('Translate the summary into French.'));

    const replay = createReplayer(recorder.cassette(), { source: 'examples/chain.cassette.json' }).provider(
      'openai',
    );
    const miss = (await replay
      .generate(step('Summarise the quarterly report for the marketing team in three bullet points.'))
      .catch((error: unknown) => error)) as CassetteMissError;
    expect(miss).toBeInstanceOf(CassetteMissError);
    expect(miss.exitCode).toBe(10);
    expect(miss.nearest?.index).toBe(0);
    expect(miss.message).toContain(
      "No recorded answer in examples/chain.cassette.json for a request to openai model 'gpt-test'",
    );
    expect(miss.message).toContain('Nearest recorded request: entry 1');
    expect(miss.message).toContain(
      "messages[0].content differs at character 40: recorded '…erly report for the sales team in three bullet points.' vs now '…erly report for the marketing team in three bullet points.'",
    );
    expect(miss.hint).toContain('--record examples/chain.cassette.json');
  });

  it('prefers an entry of the same model and reports a changed parameter', async () => {
    const recorder = createRecorder();
    const recording = recorder.wrap(
      scriptedProvider('openai', () => textTurn('x')),
      { providerId: 'openai' },
    );
    const base: ModelRequestV1 = {
      modelId: 'small',
      messages: [{ role: 'user', content: 'hi' }],
      inference: { temperature: 0.2 },
    };
    await recording.generate({ ...base, modelId: 'large', inference: { temperature: 0.7 } });
    await recording.generate(base);
    const miss = (await createReplayer(recorder.cassette())
      .provider('openai')
      .generate({ ...base, inference: { temperature: 0.7 } })
      .catch((error: unknown) => error)) as CassetteMissError;
    expect(miss.nearest?.index).toBe(1);
    expect(miss.message).toContain('inference.temperature differs: recorded 0.2 vs now 0.7');
  });

  it('says so when the cassette holds nothing', async () => {
    const replay = createReplayer(createRecorder().cassette()).provider('openai');
    await expect(replay.generate({ modelId: 'm', messages: [] })).rejects.toThrow(
      'The cassette holds no requests',
    );
  });

  it('rejects an aborted request without answering it', async () => {
    const recorder = createRecorder();
    const request: ModelRequestV1 = { modelId: 'm', messages: [{ role: 'user', content: 'q' }] };
    await recorder
      .wrap(
        scriptedProvider('openai', () => textTurn('a')),
        { providerId: 'openai' },
      )
      .generate(request);
    const replayer = createReplayer(recorder.cassette());
    const controller = new AbortController();
    controller.abort();
    await expect(
      replayer.provider('openai').generate({ ...request, signal: controller.signal }),
    ).rejects.toMatchObject({
      kind: 'aborted',
    });
    expect(replayer.unusedEntries()).toHaveLength(1);
  });
});
