import { renderTemplate } from '@strands-cli/core';
import type {
  AgentInvocationV1,
  AgentResultV1,
  ExecutorContextV1,
  WorkflowSpec,
} from '@strands-cli/core/spec';

/** What a scripted agent answers: text, or a thrown error. It may wait (honouring the signal). */
export type Responder = (request: AgentInvocationV1, signal: AbortSignal) => Promise<string> | string;

/** A hand-written ExecutorContextV1 for unit tests: records calls and the concurrency reached. */
export interface FakeContext<Config> extends ExecutorContextV1<Config> {
  readonly calls: AgentInvocationV1[];
  /** Labels of invocations that ended because their signal aborted. */
  readonly aborted: string[];
  readonly stats: { active: number; maxActive: number };
}

/**
 * Builds a context whose `invokeAgent` runs `responder`, lets its failures through unchanged (as the
 * core's invoker does), and rejects at once with the abort reason when the invocation's signal aborts.
 */
export function fakeContext<Config>(options: {
  config: Config;
  responder: Responder;
  variables?: Record<string, unknown>;
  signal?: AbortSignal;
  usage?: { inputTokens: number; outputTokens: number };
  streamRequested?: boolean;
}): FakeContext<Config> {
  const calls: AgentInvocationV1[] = [];
  const aborted: string[] = [];
  const stats = { active: 0, maxActive: 0 };
  const runSignal = options.signal ?? new AbortController().signal;
  const variables = options.variables ?? {};
  return {
    config: options.config,
    spec: { version: 1, name: 'test' } as unknown as WorkflowSpec,
    variables,
    maxParallel: 4,
    signal: runSignal,
    streamRequested: options.streamRequested ?? false,
    calls,
    aborted,
    stats,
    render(template, scope, pointer) {
      return renderTemplate(template ?? '', { ...variables, ...scope }, { pointer });
    },
    async invokeAgent(request): Promise<AgentResultV1> {
      calls.push(request);
      const signal = request.signal ? AbortSignal.any([request.signal, runSignal]) : runSignal;
      stats.active += 1;
      stats.maxActive = Math.max(stats.maxActive, stats.active);
      try {
        signal.throwIfAborted();
        const text = await new Promise<string>((resolve, reject) => {
          const onAbort = (): void => {
            aborted.push(request.step.label);
            reject(signal.reason);
          };
          signal.addEventListener('abort', onAbort, { once: true });
          Promise.resolve()
            .then(() => options.responder(request, signal))
            .then(resolve, reject)
            .finally(() => signal.removeEventListener('abort', onAbort));
        });
        const usage = options.usage ?? { inputTokens: 3, outputTokens: 2 };
        return { text, agentId: request.agentId, usage, turns: 1, toolCalls: 0, durationMs: 1 };
      } finally {
        stats.active -= 1;
      }
    },
  };
}

/** A promise the test settles by hand. */
export function deferred<T = void>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}
