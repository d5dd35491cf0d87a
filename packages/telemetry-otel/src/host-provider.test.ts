import { AsyncLocalStorage } from 'node:async_hooks';
import { type Context, type ContextManager, context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { RunEvent } from '@strands-cli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startRunTelemetry } from './run-telemetry.js';

const usage = { inputTokens: 3, outputTokens: 2, totalTokens: 5 };
const at = { step: { kind: 'step', label: 'step 1', pointer: '/p' }, agentId: 'a', invocation: 1 } as const;
const events: RunEvent[] = [
  { type: 'run-start', elapsedMs: 0, name: 'hosted', pattern: 'chain', maxParallel: 1 },
  { type: 'step-start', elapsedMs: 1, ...at },
  { type: 'model-request', elapsedMs: 2, ...at, providerId: 'openai', modelId: 'm', turn: 1, attempt: 1 },
  { type: 'usage', elapsedMs: 3, ...at, usage, total: usage, estimated: false, finishReason: 'stop' },
  { type: 'step-end', elapsedMs: 4, ...at, ok: true, durationMs: 3, usage },
  { type: 'run-end', elapsedMs: 5, ok: true, usage, artifacts: [] },
];

afterEach(() => {
  trace.disable();
  context.disable();
});

/** What a host's SDK registers (as `@opentelemetry/context-async-hooks` does), so its active span follows awaits. */
class AsyncContextManager implements ContextManager {
  readonly #storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.#storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    scope: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.#storage.run(scope, () => fn.apply(thisArg, args));
  }
  bind<T>(_scope: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    return this;
  }
}

describe('inside an application that registered a tracer provider', () => {
  it("exports through the host's provider, nested under the host's active span", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(new AsyncContextManager());
    const host = provider.getTracer('host').startSpan('host request');
    await context.with(trace.setSpan(context.active(), host), async () => {
      const telemetry = await startRunTelemetry({
        telemetry: { otel: { endpoint: 'http://127.0.0.1:9' } },
        specName: 'hosted',
        pattern: 'chain',
        env: {},
      });
      for (const event of events) telemetry.onEvent(event);
      await telemetry.shutdown();
    });
    host.end();
    const spans = exporter.getFinishedSpans();
    const root = spans.find((span) => span.name === 'invoke_workflow hosted');
    expect(root?.parentSpanContext?.spanId).toBe(host.spanContext().spanId);
    expect(spans.map((span) => span.name)).toEqual([
      'chat m',
      'invoke_agent a',
      'step 1',
      'invoke_workflow hosted',
      'host request',
    ]);
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
  });
});
