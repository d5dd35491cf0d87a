import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ClientPool } from '../runtime/client-pool.js';
import { runWorkflow } from '../runtime/run-workflow.js';
import { defineExecutor, defineModelProvider } from '../spec/v1/define.js';
import type { ModelRequestV1 } from '../spec/v1/model-provider-v1.js';
import type { ToolV1 } from '../spec/v1/tool-v1.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import type { RunTools } from '../tools/run-tools.js';
import { type ScriptedTurn, scriptedProvider, textTurn } from './__fixtures__/scripted-provider.js';
import { toolCallKey } from './canonical-request.js';
import { CassetteToolMissError } from './cassette-tool-miss-error.js';
import { prepareRecordReplay } from './record-replay-run.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-tool-replay-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const toolSecret = 'stamp-token-5150-abcdef';

/** A tool with a side effect the test can count: each call bumps `calls` and returns a numbered stamp. */
function stampTool(counter: { calls: number }): ToolV1 {
  return {
    name: 'stamp',
    description: 'Stamps a label',
    inputSchema: { type: 'object', properties: { label: { type: 'string' } } },
    async call(input) {
      counter.calls += 1;
      if (input.label === 'boom') throw new Error('the stamp broke');
      return { content: `stamped ${String(input.label)} #${counter.calls} ${toolSecret}` };
    },
  };
}

function runTools(tool: ToolV1): () => RunTools {
  return () => ({
    toolsFor: (ids) => (ids.includes('stamp') ? [tool] : []),
    systemPromptSection: () => undefined,
    openedPools: 0,
    secretValues: [toolSecret],
    close: async () => undefined,
  });
}

/** Turn 1 calls `stamp` for each label at once; turn 2 answers with the tool results it got. */
function answer(labels: readonly string[]) {
  return (request: ModelRequestV1): ScriptedTurn => {
    const last = request.messages.at(-1);
    if (last?.role === 'tool') return textTurn(last.results.map((result) => result.content).join(' | '));
    return {
      response: {
        text: '',
        toolCalls: labels.map((label, index) => ({ id: `c${index}`, name: 'stamp', input: { label } })),
        finishReason: 'tool-calls',
        usage: { inputTokens: 3, outputTokens: 2 },
      },
    };
  };
}

function acme(labels: readonly string[]) {
  return defineModelProvider<Record<string, never>>({
    kind: 'model-provider',
    specificationVersion: 'v1',
    id: 'acme',
    version: '1.0.0',
    defaultModelId: 'acme-default',
    supportedInference: [],
    configSchema: z.object({}) as unknown as z.ZodType<Record<string, never>>,
    credentialVariables: [],
    resolveSettings: () => ({}),
    transportKey: () => 'acme',
    create: async () => scriptedProvider('acme', answer(labels)),
  });
}

const once = defineExecutor<Record<string, never>>({
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'once',
  description: 'test executor',
  version: '0.0.0',
  configSchema: z.strictObject({}) as unknown as z.ZodType<Record<string, never>>,
  analyze: () => ({
    agentReferences: [],
    toolReferences: [],
    templates: [],
    issues: [],
    graph: { nodes: [], edges: [] },
  }),
  async run(context) {
    const result = await context.invokeAgent({
      agentId: 'worker',
      input: 'Stamp the labels',
      step: { kind: 'step', label: 'step 1', pointer: '/pattern/config' },
    });
    return { response: result.text, agentId: 'worker', context: {} };
  },
});

const spec: WorkflowSpec = {
  version: 0,
  name: 'stamps',
  runtime: { provider: 'acme-llm' },
  env: { secrets: [{ source: 'env', key: 'STAMP_TOKEN' }] },
  // Declared as an HTTP executor so the spec is valid; the test's own tool set stands in for it.
  tools: { http_executors: [{ id: 'stamp', base_url: 'https://stamps.example' }] },
  agents: { worker: { prompt: 'You stamp.', tools: ['stamp'] } },
  pattern: { type: 'once', config: {} },
} as WorkflowSpec;

/** Records a run whose model calls `stamp` once per label; returns the cassette path and response. */
async function record(labels: readonly string[], counter: { calls: number }) {
  const file = join(directory, 'stamps.cassette.json');
  const recording = await prepareRecordReplay({
    record: file,
    spec,
    env: { STAMP_TOKEN: toolSecret },
    sources: { searchFrom: [], providers: { 'acme-llm': acme(labels) } },
  });
  const result = await runWorkflow(spec, {
    env: { STAMP_TOKEN: toolSecret },
    providers: { 'acme-llm': acme(labels) },
    executors: { once },
    clientPool: new ClientPool(),
    createTools: runTools(stampTool(counter)),
    ...recording.runOptions,
  });
  await recording.finish();
  return { file, response: result.response };
}

async function replay(file: string, counter: { calls: number }, liveTools = false) {
  const replaying = await prepareRecordReplay({
    replay: file,
    spec,
    liveTools,
    env: { STAMP_TOKEN: toolSecret },
  });
  return runWorkflow(spec, {
    env: { STAMP_TOKEN: toolSecret },
    executors: { once },
    clientPool: new ClientPool(),
    createTools: runTools(stampTool(counter)),
    ...replaying.runOptions,
  });
}

describe('tool calls in cassettes', () => {
  it('records every tool result, and a replay answers them without running the tool', async () => {
    const recordCounter = { calls: 0 };
    const { file, response } = await record(['a', 'b'], recordCounter);
    expect(recordCounter.calls).toBe(2);
    const cassette = JSON.parse(await readFile(file, 'utf8'));
    expect(cassette.version).toBe(1);
    expect(cassette.tools).toHaveLength(2);
    expect(cassette.tools[0]).toEqual({
      key: toolCallKey('stamp', { label: 'a' }),
      tool: 'stamp',
      input: { label: 'a' },
      result: { content: expect.stringMatching(/^stamped a #\d \[REDACTED\]$/), isError: false },
    });
    // The tool's secret never reaches the file.
    expect(JSON.stringify(cassette)).not.toContain(toolSecret);

    const replayCounter = { calls: 0 };
    const replayed = await replay(file, replayCounter);
    expect(replayCounter.calls).toBe(0);
    // The cassette's model answers hold the secret redacted, as everything in a cassette does.
    expect(replayed.response).toBe(response.replaceAll(toolSecret, '[REDACTED]'));
  });

  it('runs the tools for real with liveTools', async () => {
    const { file } = await record(['a'], { calls: 0 });
    const counter = { calls: 0 };
    const replayed = await replay(file, counter, true);
    expect(counter.calls).toBe(1);
    // The run's output hides the secret; the tool did return it.
    expect(replayed.response).toBe('stamped a #1 [REDACTED]');
  });

  it('replays a tool that threw as the same error result, without running it', async () => {
    const { file, response } = await record(['boom'], { calls: 0 });
    expect(response).toBe("Tool 'stamp' failed: the stamp broke");
    const counter = { calls: 0 };
    expect((await replay(file, counter)).response).toBe(response);
    expect(counter.calls).toBe(0);
  });

  it('runs the tools for real when the cassette predates recorded tool calls', async () => {
    const { file } = await record(['a'], { calls: 0 });
    const { tools: _tools, ...old } = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify(old));
    const counter = { calls: 0 };
    const replayed = await replay(file, counter);
    expect(counter.calls).toBe(1);
    // The run's output hides the secret; the tool did return it.
    expect(replayed.response).toBe('stamped a #1 [REDACTED]');
  });

  it('fails with exit 10 naming the tool and its input when a call was not recorded', async () => {
    const { file } = await record(['a', 'b'], { calls: 0 });
    const cassette = JSON.parse(await readFile(file, 'utf8'));
    cassette.tools = cassette.tools.filter(
      (entry: { input: { label: string } }) => entry.input.label !== 'b',
    );
    await writeFile(file, JSON.stringify(cassette));
    const counter = { calls: 0 };
    const failure = await replay(file, counter).catch((error: unknown) => error);
    expect(failure).toMatchObject({ exitCode: 10 });
    const cause = (failure as Error).cause;
    expect(CassetteToolMissError.isInstance(cause)).toBe(true);
    expect((cause as Error).message).toBe(
      `No recorded result in ${file} for a call of tool 'stamp' with input {"label":"b"}.`,
    );
    expect(counter.calls).toBe(0);
  });

  it('refuses liveTools without a replay as a usage error', async () => {
    await expect(prepareRecordReplay({ liveTools: true, spec })).rejects.toMatchObject({ exitCode: 2 });
    await expect(
      prepareRecordReplay({ liveTools: true, record: join(directory, 'x.json'), spec }),
    ).rejects.toMatchObject({ exitCode: 2 });
  });
});
