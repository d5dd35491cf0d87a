import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type OpenAIServer,
  type OtlpReceiver,
  type ReceivedSpan,
  reply,
  startOpenAIServer,
  startOtlpReceiver,
} from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The mock model echoes the last user message, so a marker in a prompt is also in every answer.
const marker = 'CONTENT-MARKER-91c';
const email = 'marker.person@example.org';

/** telemetry-redaction-demo's shape: a two-step chain with `redact` on inputs and outputs. */
function redactionSpec(endpoint: string, extra = ''): string {
  return `name: redaction-demo
version: 1.0.0
runtime:
  provider: openai
  model_id: gpt-4o-mini
telemetry:
${extra}  otel:
    endpoint: ${endpoint}
    service_name: redaction-demo
  redact:
    tool_inputs: true
    tool_outputs: true
pattern:
  type: chain
  config:
    steps:
      - agent: collector
        input: "${marker} customer ${email} phone 555-123-4567"
      - agent: processor
        input: "Previous data: {{ steps[0].response }}"
agents:
  collector:
    prompt: You collect.
  processor:
    prompt: You process.
`;
}

function parallelSpec(endpoint: string): string {
  const branch = (id: string) => `      - id: ${id}
        steps:
          - agent: worker
            input: "${id} one"
          - agent: worker
            input: "${id} two {{ steps[0].response }}"
`;
  return `name: grouped
version: 1
runtime:
  provider: openai
  model_id: gpt-4o-mini
telemetry:
  otel:
    endpoint: ${endpoint}
agents:
  worker:
    prompt: You work.
pattern:
  type: parallel
  config:
    branches:
${branch('web')}${branch('docs')}`;
}

let model: OpenAIServer;
let receiver: OtlpReceiver;
let directory: string;

beforeEach(async () => {
  model = await startOpenAIServer();
  receiver = await startOtlpReceiver();
  directory = await mkdtemp(join(tmpdir(), 'strands-e2e-content-'));
});
afterEach(async () => {
  await model.close();
  await receiver.close();
  await rm(directory, { recursive: true, force: true });
});

async function run(spec: string, args: readonly string[] = [], env: Record<string, string> = {}) {
  const path = join(directory, 'spec.yaml');
  await writeFile(path, spec);
  const result = await runCli(['run', path, '--out', join(directory, 'out'), ...args], {
    cwd: directory,
    env: { OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: `${model.url}/v1`, ...env },
    timeoutMs: 30_000,
  });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

function parentName(spans: readonly ReceivedSpan[], span: ReceivedSpan | undefined): string | undefined {
  return spans.find((candidate) => candidate.spanId === span?.parentSpanId)?.name;
}

describe('message content in traces', () => {
  it('sends no prompt or answer text without opt-in', async () => {
    await run(redactionSpec(receiver.origin));
    expect(JSON.stringify(model.requests)).toContain(marker);
    expect(receiver.bodies.join('\n')).not.toContain(marker);
    expect(receiver.bodies.join('\n')).not.toContain('example.org');
  });

  it('captures content with capture_content: true, through the redact rules (also in --trace)', async () => {
    await run(redactionSpec(receiver.origin, '  capture_content: true\n'), ['--trace']);
    const bodies = receiver.bodies.join('\n');
    expect(bodies).toContain(marker);
    expect(bodies).not.toContain(email);
    expect(bodies).not.toContain('555-123-4567');
    expect(bodies).toContain('[REDACTED_EMAIL]');
    const agent = receiver.spans.find((span) => span.name === 'invoke_agent collector');
    const input = JSON.parse(String(agent?.attributes['gen_ai.input.messages']));
    expect(input[0]).toMatchObject({ role: 'user' });
    expect(input[0].parts[0].content).toBe(`${marker} customer [REDACTED_EMAIL] phone [REDACTED_PHONE]`);
    expect(String(agent?.attributes['gen_ai.output.messages'])).toContain('"role":"assistant"');
    const trace = await readFile(join(directory, 'out', 'redaction-demo-trace.json'), 'utf8');
    expect(trace).toContain(marker);
    expect(trace).not.toContain(email);
  });

  it('captures content with the standard OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT variable', async () => {
    await run(redactionSpec(receiver.origin), [], {
      OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true',
    });
    const bodies = receiver.bodies.join('\n');
    expect(bodies).toContain(marker);
    expect(bodies).not.toContain(email);
  });
});

describe('tool content in traces', () => {
  it('puts a tool call’s arguments and result on execute_tool with capture on', async () => {
    const spec = `name: tooled
version: 1
runtime:
  provider: openai
  model_id: gpt-4o-mini
telemetry:
  capture_content: true
  otel:
    endpoint: ${receiver.origin}
agents:
  solo:
    prompt: You compute.
    tools: [calculator]
pattern:
  type: chain
  config:
    steps:
      - agent: solo
        input: "What is 6*7?"
`;
    model.enqueue(reply.toolCalls([{ id: 'call_1', name: 'calculator', input: { expression: '6*7' } }]));
    model.enqueue(reply.text('42'));
    await run(spec);
    const tool = receiver.spans.find((span) => span.name === 'execute_tool calculator');
    expect(JSON.parse(String(tool?.attributes['gen_ai.tool.call.arguments']))).toEqual({ expression: '6*7' });
    expect(String(tool?.attributes['gen_ai.tool.call.result'])).toContain('42');
  });
});

describe('span grouping', () => {
  it('nests each parallel branch’s steps under a branch span', async () => {
    await run(parallelSpec(receiver.origin));
    const spans = receiver.spans;
    for (const id of ['web', 'docs']) {
      const group = spans.find((span) => span.name === `branch ${id}`);
      expect(parentName(spans, group)).toBe('invoke_workflow grouped');
      expect(group?.attributes['strands.group']).toBe('branch');
      const steps = spans.filter((span) => span.parentSpanId === group?.spanId).map((span) => span.name);
      expect(steps.sort()).toEqual([`branch '${id}' step 1`, `branch '${id}' step 2`]);
    }
  });
});
