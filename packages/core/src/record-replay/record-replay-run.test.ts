import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ClientPool } from '../runtime/client-pool.js';
import { runWorkflow } from '../runtime/run-workflow.js';
import { defineExecutor, defineModelProvider } from '../spec/v1/define.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { scriptedProvider, textTurn } from './__fixtures__/scripted-provider.js';
import { prepareRecordReplay } from './record-replay-run.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-record-run-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const apiKey = 'acme-secret-key-0123456789';

/** A provider plugin that needs a credential and counts the clients it creates. */
function acmeProvider() {
  const state = { creates: 0, calls: 0 };
  const plugin = defineModelProvider<{ key: string }>({
    kind: 'model-provider',
    specificationVersion: 'v1',
    id: 'acme',
    version: '1.0.0',
    defaultModelId: 'acme-default',
    supportedInference: ['temperature'],
    configSchema: z.object({ key: z.string() }),
    credentialVariables: ['ACME_KEY'],
    resolveSettings: ({ env }) => {
      if (!env.ACME_KEY) throw new Error('ACME_KEY is not set');
      return { key: env.ACME_KEY };
    },
    transportKey: () => 'acme',
    create: async () => {
      state.creates++;
      return scriptedProvider('acme', (request) => {
        state.calls++;
        const last = request.messages.at(-1);
        return textTurn(`${request.modelId} says: ${last?.role === 'user' ? last.content : ''}`);
      });
    },
  });
  return { plugin, state };
}

/** Scouts every topic in parallel, then asks the judge once. */
const fanOut = defineExecutor<{ topics: string[] }>({
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'fan-out',
  description: 'test executor',
  version: '0.0.0',
  configSchema: z.strictObject({ topics: z.array(z.string()) }),
  analyze: () => ({
    agentReferences: [],
    toolReferences: [],
    templates: [],
    issues: [],
    graph: { nodes: [], edges: [] },
  }),
  async run(context) {
    const scouted = await Promise.all(
      context.config.topics.map((topic, index) =>
        context.invokeAgent({
          agentId: 'scout',
          input: `Scout ${topic}`,
          step: { kind: 'branch-step', label: `topic ${index}`, pointer: `/pattern/config/topics/${index}` },
        }),
      ),
    );
    const verdict = await context.invokeAgent({
      agentId: 'judge',
      input: scouted.map((result) => result.text).join(' | '),
      step: { kind: 'reduce', label: 'judge', pointer: '/pattern/config' },
    });
    return { response: verdict.text, agentId: 'judge', context: {} };
  },
});

function spec(judgePrompt = 'You judge.'): WorkflowSpec {
  return {
    version: 0,
    name: 'fan-out',
    runtime: { provider: 'acme-llm', max_parallel: 3 },
    agents: {
      scout: { prompt: 'You scout.' },
      judge: { prompt: judgePrompt, model_id: 'acme-large' },
    },
    pattern: { type: 'fan-out', config: { topics: ['rivers', 'mountains', 'coasts'] } },
  };
}

describe('a recorded run replays without its provider', () => {
  it('gives the same response with no client, no credential and no provider package', async () => {
    const { plugin, state } = acmeProvider();
    const file = join(directory, 'fan-out.cassette.json');
    const env = { ACME_KEY: apiKey };
    const recording = await prepareRecordReplay({
      record: file,
      spec: spec(),
      env,
      sources: { searchFrom: [], providers: { 'acme-llm': plugin } },
    });
    const recorded = await runWorkflow(spec(), {
      env,
      providers: { 'acme-llm': plugin },
      executors: { 'fan-out': fanOut },
      clientPool: new ClientPool(),
      ...recording.runOptions,
    });
    expect(await recording.finish()).toEqual({ written: file, calls: 4, unused: 0 });
    expect(state).toEqual({ creates: 1, calls: 4 });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(apiKey);
    expect(JSON.parse(text).providers).toEqual({ 'acme-llm': { defaultModelId: 'acme-default' } });

    // No provider plugin is given and `acme-llm` is no installed package: only the cassette answers.
    const replaying = await prepareRecordReplay({ replay: file, spec: spec(), cwd: directory });
    const replayed = await runWorkflow(spec(), {
      env: {},
      executors: { 'fan-out': fanOut },
      clientPool: new ClientPool(),
      ...replaying.runOptions,
    });
    expect(replayed.response).toBe(recorded.response);
    expect(replayed.response).toBe(
      'acme-large says: acme-default says: Scout rivers | acme-default says: Scout mountains | acme-default says: Scout coasts',
    );
    expect(replayed.usage).toEqual(recorded.usage);
    expect(await replaying.finish()).toEqual({ calls: 4, unused: 0 });
    expect(state).toEqual({ creates: 1, calls: 4 });
  });

  it('fails with exit 10 naming what changed when the spec changed since the recording', async () => {
    const { plugin } = acmeProvider();
    const file = join(directory, 'changed.cassette.json');
    const recording = await prepareRecordReplay({
      record: file,
      spec: spec(),
      sources: { searchFrom: [], providers: { 'acme-llm': plugin } },
    });
    await runWorkflow(spec(), {
      env: { ACME_KEY: apiKey },
      providers: { 'acme-llm': plugin },
      executors: { 'fan-out': fanOut },
      clientPool: new ClientPool(),
      ...recording.runOptions,
    });
    await recording.finish();

    const changed = spec('You judge strictly.');
    const replaying = await prepareRecordReplay({ replay: file, spec: changed });
    const failure = await runWorkflow(changed, {
      env: {},
      executors: { 'fan-out': fanOut },
      clientPool: new ClientPool(),
      ...replaying.runOptions,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ exitCode: 10 });
    expect((failure as Error).message).toContain(`No recorded answer in ${file}`);
    expect((failure as Error).message).toContain(
      "system differs at character 10: recorded 'You judge.\\n\\n# Runtime Context",
    );
    expect((failure as Error).message).toContain("vs now 'You judge strictly.");
  });

  it("never writes the run's secrets: an env.secrets value and a literal X-Api-Key header value", async () => {
    const { plugin } = acmeProvider();
    const file = join(directory, 'secrets.cassette.json');
    const declared = 'sunny-declared-4242';
    const headerKey = 'literal-header-key-7373';
    const env = { ACME_KEY: apiKey, WEATHER: declared };
    // The model echoes its input, so each secret is in a request and in an answer.
    const withSecrets: WorkflowSpec = {
      ...spec(),
      env: { secrets: [{ source: 'env', key: 'WEATHER' }] },
      tools: {
        http_executors: [{ id: 'api', base_url: 'https://api.example', headers: { 'X-Api-Key': headerKey } }],
      },
      pattern: { type: 'fan-out', config: { topics: [declared, headerKey] } },
    } as WorkflowSpec;
    const recording = await prepareRecordReplay({
      record: file,
      spec: withSecrets,
      env,
      sources: { searchFrom: [], providers: { 'acme-llm': plugin } },
    });
    const result = await runWorkflow(withSecrets, {
      env,
      providers: { 'acme-llm': plugin },
      executors: { 'fan-out': fanOut },
      clientPool: new ClientPool(),
      ...recording.runOptions,
    });
    expect(result.response).toContain(declared);
    await recording.finish();
    const text = await readFile(file, 'utf8');
    for (const secret of [declared, headerKey, apiKey]) expect(text).not.toContain(secret);
    expect(text).toContain('Scout [REDACTED]');
  });

  it('refuses --record with --replay as a usage error', async () => {
    await expect(
      prepareRecordReplay({ record: 'a.json', replay: 'b.json', spec: spec() }),
    ).rejects.toMatchObject({
      exitCode: 2,
    });
  });
});
