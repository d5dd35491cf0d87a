import { namedStepFailure } from '../runtime/step-failure.js';
import { RunPausedError } from '../spec/v1/errors.js';
import type { AgentInvocationV1, AgentResultV1, ExecutorContextV1 } from '../spec/v1/executor-v1.js';
import type { HumanInputRequestV1, PendingHumanInputV1 } from '../spec/v1/journal-v1.js';
import type { UsageV1 } from '../spec/v1/model-provider-v1.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { renderTemplate } from '../templates/render.js';

/** What a scripted agent answers: text, or a thrown error. It may wait (honouring the signal). */
export type FakeResponder = (request: AgentInvocationV1, signal: AbortSignal) => Promise<string> | string;

/** Options of {@link createFakeExecutorContext}. */
export interface FakeExecutorContextOptions<Config> {
  /** `pattern.config` as the executor receives it. */
  readonly config: Config;
  /** Answers every invocation. */
  readonly responder: FakeResponder;
  /** The user's variables (lowest precedence in templates). */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** The run's signal; abort it to simulate a cancelled run. */
  readonly signal?: AbortSignal;
  /** The usage every invocation reports (default 3 in, 2 out). */
  readonly usage?: UsageV1;
  readonly streamRequested?: boolean;
  /** The spec the executor sees (default a bare `{ version: 1, name: 'test' }`). */
  readonly spec?: Readonly<WorkflowSpec>;
  /** `runtime.max_parallel` as the context reports it (default 4; the fake enforces no limit). */
  readonly maxParallel?: number;
  /**
   * Answers `awaitHuman`. Without it a question waits, like the core's, while invocations still run;
   * once none runs, every waiting question rejects with one RunPausedError listing them all.
   */
  readonly human?: (request: HumanInputRequestV1) => Promise<string> | string;
}

/** An ExecutorContextV1 for unit tests that records its calls and the concurrency reached. */
export interface FakeExecutorContext<Config> extends ExecutorContextV1<Config> {
  /** Every invocation, in call order. */
  readonly calls: AgentInvocationV1[];
  /** Labels of invocations that ended because their signal aborted. */
  readonly aborted: string[];
  /** Invocations running now, and the most that ran at once. */
  readonly stats: { active: number; maxActive: number };
  /** Every question asked through `awaitHuman`, in call order. */
  readonly questions: HumanInputRequestV1[];
}

/**
 * Builds an executor context for unit tests without providers or a runtime. Its `invokeAgent` answers
 * with `responder` and behaves like the core's: a failure is thrown as a StepFailedError naming the
 * step and the agent (keeping the cause's exit code), except when the run's or the invocation's own
 * signal aborted, which rejects at once with the abort reason. `render` is the real sandboxed renderer
 * over `variables` and the scope.
 * @example
 * const context = createFakeExecutorContext({ config, responder: (request) => `echo ${request.input}` });
 * const result = await myExecutor.run(context);
 * expect(context.calls).toHaveLength(2);
 */
export function createFakeExecutorContext<Config>(
  options: FakeExecutorContextOptions<Config>,
): FakeExecutorContext<Config> {
  const calls: AgentInvocationV1[] = [];
  const aborted: string[] = [];
  const stats = { active: 0, maxActive: 0 };
  const runSignal = options.signal ?? new AbortController().signal;
  const variables = options.variables ?? {};
  const questions: HumanInputRequestV1[] = [];
  const journaledValues = new Map<string, unknown>();
  const pause = pauseWhenIdle(stats);
  return {
    config: options.config,
    spec: options.spec ?? ({ version: 1, name: 'test' } as unknown as WorkflowSpec),
    variables,
    maxParallel: options.maxParallel ?? 4,
    signal: runSignal,
    streamRequested: options.streamRequested ?? false,
    calls,
    aborted,
    stats,
    questions,
    async awaitHuman(request): Promise<string> {
      questions.push(request);
      if (!options.human) return pause.wait(request);
      const answer = await options.human(request);
      const problem = request.validate?.(answer);
      if (problem !== undefined) throw new Error(problem);
      return answer;
    },
    async journaled<T>(position: string, compute: () => T | Promise<T>): Promise<T> {
      if (!journaledValues.has(position)) journaledValues.set(position, await compute());
      return journaledValues.get(position) as T;
    },
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
        const text = await answer(options.responder, request, signal, () => aborted.push(request.step.label));
        const usage = options.usage ?? { inputTokens: 3, outputTokens: 2 };
        return { text, agentId: request.agentId, usage, turns: 1, toolCalls: 0, durationMs: 1 };
      } catch (error) {
        throw namedStepFailure(error, request, runSignal);
      } finally {
        stats.active -= 1;
        pause.check();
      }
    },
  };
}

/**
 * The core's pause, simplified: questions wait while invocations run; when none runs after pending
 * callbacks (so work started in reaction to a finished invocation counts), all of them reject together.
 */
function pauseWhenIdle(stats: { active: number }): {
  wait(request: HumanInputRequestV1): Promise<string>;
  check(): void;
} {
  const waiting: { pending: PendingHumanInputV1; reject: (error: unknown) => void }[] = [];
  let scheduled = false;
  const check = (): void => {
    if (scheduled || waiting.length === 0 || stats.active > 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (waiting.length === 0 || stats.active > 0) return;
      const pending = waiting.map((item) => item.pending).sort((a, b) => (a.position < b.position ? -1 : 1));
      const paused = new RunPausedError(pending);
      for (const item of waiting.splice(0)) item.reject(paused);
    });
  };
  return {
    wait(request) {
      const position = `${request.step.pointer}#${request.step.occurrence ?? 0}/human`;
      const pending = {
        position,
        step: request.step,
        prompt: request.prompt,
        askedAt: new Date(0).toISOString(),
      };
      return new Promise<string>((_resolve, reject) => {
        waiting.push({ pending, reject });
        check();
      });
    },
    check,
  };
}

/** Runs the responder, rejecting with the abort reason as soon as `signal` aborts. */
function answer(
  responder: FakeResponder,
  request: AgentInvocationV1,
  signal: AbortSignal,
  onAborted: () => void,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const onAbort = (): void => {
      onAborted();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve()
      .then(() => responder(request, signal))
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A promise the test settles by hand, to order concurrent work without timers. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * A promise the test settles by hand.
 * @example
 * const gate = deferred<string>();
 * const context = createFakeExecutorContext({ config, responder: () => gate.promise });
 */
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}
