import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type OpenAIServer,
  type OtlpReceiver,
  type ReceivedSpan,
  startOpenAIServer,
  startOtlpReceiver,
} from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { runCliListingModules } from '@strands-cli/test-servers/startup-probe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** A two-task workflow; the prompt text is distinctive so the test can prove it never left the process. */
function workflowSpec(telemetry: string): string {
  return `version: 1
name: traced-demo
runtime:
  provider: openai
  model_id: gpt-4o-mini
${telemetry}
agents:
  analyst:
    prompt: You analyse.
pattern:
  type: workflow
  config:
    tasks:
      - id: analyze
        agent: analyst
        input: "PROMPT-MARKER-7f3 analyse {{ query }}"
      - id: summarize
        agent: analyst
        input: "Summarize: {{ tasks.analyze.response }}"
        deps: [analyze]
inputs:
  values:
    query: observability
outputs:
  artifacts:
    - path: trace-artifact.json
      from: "{{ TRACE }}"
`;
}

let model: OpenAIServer;
let directory: string;
const receivers: OtlpReceiver[] = [];

beforeEach(async () => {
  model = await startOpenAIServer();
  directory = await mkdtemp(join(tmpdir(), 'strands-e2e-telemetry-'));
});
afterEach(async () => {
  await model.close();
  for (const receiver of receivers.splice(0)) await receiver.close();
  await rm(directory, { recursive: true, force: true });
});

async function runTraced(
  telemetry: string,
  extraArgs: readonly string[] = [],
  env: Record<string, string> = {},
) {
  const spec = join(directory, 'traced.yaml');
  await writeFile(spec, workflowSpec(telemetry));
  return runCli(['run', spec, '--out', join(directory, 'out'), ...extraArgs], {
    cwd: directory,
    env: { OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: `${model.url}/v1`, ...env },
    timeoutMs: 30_000,
  });
}

function parentName(spans: readonly ReceivedSpan[], span: ReceivedSpan | undefined): string | undefined {
  return spans.find((candidate) => candidate.spanId === span?.parentSpanId)?.name;
}

describe('OpenTelemetry traces through the CLI', () => {
  it('exports the GenAI span tree over OTLP/HTTP, without prompt text, and writes the same trace to --trace and {{ TRACE }}', async () => {
    const receiver = await startOtlpReceiver();
    receivers.push(receiver);
    const telemetry = `telemetry:\n  otel:\n    endpoint: ${receiver.origin}\n    service_name: e2e-service\n`;
    const run = await runTraced(telemetry, ['--trace']);
    expect(run.code, run.stderr).toBe(0);

    const spans = receiver.spans;
    const root = spans.find((span) => span.name === 'invoke_workflow traced-demo');
    expect(root?.parentSpanId).toBe('');
    expect(root?.serviceName).toBe('e2e-service');
    expect(root?.attributes).toMatchObject({
      'gen_ai.operation.name': 'invoke_workflow',
      'pattern.type': 'workflow',
    });
    expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set([root?.traceId]));

    const task = spans.find((span) => span.name === "task 'analyze'");
    expect(parentName(spans, task)).toBe('invoke_workflow traced-demo');
    const agents = spans.filter((span) => span.name === 'invoke_agent analyst');
    expect(agents).toHaveLength(2);
    expect(agents.map((agent) => parentName(spans, agent)).sort()).toEqual([
      "task 'analyze'",
      "task 'summarize'",
    ]);
    const chats = spans.filter((span) => span.name === 'chat gpt-4o-mini');
    expect(chats).toHaveLength(2);
    for (const chat of chats) {
      expect(parentName(spans, chat)).toBe('invoke_agent analyst');
      expect(chat.attributes).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.response.model': 'gpt-4o-mini',
        'gen_ai.response.finish_reasons': ['stop'],
      });
      expect(chat.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
      expect(chat.statusCode).toBe(1);
    }
    // Content capture is off: the prompt reached the model, but none of it reached the collector.
    expect(JSON.stringify(model.requests)).toContain('PROMPT-MARKER-7f3');
    expect(receiver.bodies.join('\n')).not.toContain('PROMPT-MARKER-7f3');

    const traceFile = JSON.parse(await readFile(join(directory, 'out', 'traced-demo-trace.json'), 'utf8'));
    expect(traceFile).toMatchObject({
      trace_id: root?.traceId,
      spec_name: 'traced-demo',
      pattern: 'workflow',
      span_count: spans.length,
      evicted_count: 0,
    });
    const fileRoot = traceFile.spans[0];
    expect(fileRoot).toMatchObject({
      name: 'invoke_workflow traced-demo',
      span_id: root?.spanId,
      parent_span_id: null,
    });
    expect(fileRoot.status.status_code).toBe('OK');
    for (const span of traceFile.spans.slice(1)) expect(span.parent_span_id).toMatch(/^[0-9a-f]{16}$/);

    // Rendered before the run ended: the same trace, the root still open.
    const artifact = JSON.parse(await readFile(join(directory, 'out', 'trace-artifact.json'), 'utf8'));
    expect(artifact.trace_id).toBe(root?.traceId);
    expect(artifact.spans.map((span: { name: string }) => span.name)).toContain('chat gpt-4o-mini');
    expect(artifact.spans[0].end_time).toBeNull();
  });

  it('maps an OTLP/gRPC endpoint (:4317) to OTLP/HTTP and says so once', async () => {
    const run = await runTraced('telemetry:\n  otel:\n    endpoint: http://127.0.0.1:4317\n', [], {
      STRANDS_OTEL_FLUSH_TIMEOUT_MS: '500',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.match(/is an OTLP\/gRPC endpoint/g)).toHaveLength(1);
    expect(run.stderr).toContain('http://127.0.0.1:4318/v1/traces');
  });

  it('finishes a run whose collector hangs: the export gives up at the flush bound and only warns', async () => {
    const receiver = await startOtlpReceiver({ hang: true });
    receivers.push(receiver);
    const run = await runTraced(`telemetry:\n  otel:\n    endpoint: ${receiver.origin}\n`, [], {
      STRANDS_OTEL_FLUSH_TIMEOUT_MS: '500',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toBe('');
    expect(receiver.bodies.length).toBeGreaterThan(0);
    expect(run.stderr).toContain('spans were not exported');
  });

  it('loads OpenTelemetry only for a spec with telemetry', async () => {
    const receiver = await startOtlpReceiver();
    receivers.push(receiver);
    const spec = join(directory, 'traced.yaml');
    const env = { OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: `${model.url}/v1` };
    await writeFile(spec, workflowSpec(''));
    const plain = await runCliListingModules(['run', spec, '--quiet', '--out', join(directory, 'a')], {
      env,
    });
    expect(plain.code, plain.stderr).toBe(0);
    // The run keeps a session, whose trace (for `strands report`) the recorder of telemetry-otel
    // makes; OpenTelemetry itself and the exporter stay unloaded.
    expect(plain.modules.filter((module) => /\/@opentelemetry\/|otel-export/.test(module))).toEqual([]);
    await writeFile(spec, workflowSpec(`telemetry:\n  otel:\n    endpoint: ${receiver.origin}\n`));
    const traced = await runCliListingModules(['run', spec, '--quiet', '--out', join(directory, 'b')], {
      env,
    });
    expect(traced.code, traced.stderr).toBe(0);
    expect(traced.modules.some((module) => module.includes('/@opentelemetry/'))).toBe(true);
  });
});
