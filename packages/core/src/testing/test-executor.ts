import { describe, expect, it } from 'vitest';
import { ClientPool } from '../runtime/client-pool.js';
import type { RunEvent } from '../runtime/run-events.js';
import type { RunWorkflowOptions } from '../runtime/run-types.js';
import { runWorkflow } from '../runtime/run-workflow.js';
import { ProviderCallError, StrandsError } from '../spec/v1/errors.js';
import type { ExecutorV1 } from '../spec/v1/executor-v1.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import type { MockScript } from './mock-model-provider.js';
import { createMockProviderPlugin } from './mock-provider-plugin.js';
import { type ConformanceQuestion, describeDurabilityChecks } from './test-executor-durability.js';

/** One spec the executor must run. */
export interface ExecutorTestCase {
  readonly name: string;
  /** A complete spec document whose `pattern.type` is the executor's id. Providers are replaced by a mock. */
  readonly spec: Readonly<Record<string, unknown>>;
  /** `--var` values. */
  readonly vars?: Readonly<Record<string, string>>;
  /** Scripted answers (default: the mock echoes `mock: <input>`). */
  readonly responses?: MockScript;
  /** The expected final response. */
  readonly expectResponse?: string | RegExp;
  /**
   * Answers the case's human-in-the-loop questions. Give it for a spec with HITL steps: the runs
   * answer through `onHumanInput`, and the pause-and-resume check answers the questions a paused
   * run lists.
   */
  readonly human?: (question: ConformanceQuestion) => string;
}

/** Options of {@link testExecutor}. */
export interface TestExecutorOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any executor, whatever its config type
  readonly executor: ExecutorV1<any>;
  readonly cases: readonly ExecutorTestCase[];
}

/**
 * The conformance suite of the v1 executor contract (vitest `describe`/`it` inside). It checks the
 * descriptor, the config schema and static analysis, then runs every case through the real runtime
 * with a mock provider: a result comes back, only defined agents are invoked, a failing model call
 * fails the run (exit 10), cancellation stops it (exit 130) without further calls, `max_steps`
 * is enforced (exit 20), a second run over the first one's journal makes no model call and returns
 * the same result, and a case with `human` pauses without an answer (exit 19) and completes when
 * resumed with the answers.
 * @example
 * testExecutor({ executor: chainExecutor, cases: [{ name: 'two steps', spec: twoStepSpec }] });
 */
export function testExecutor(options: TestExecutorOptions): void {
  const { executor } = options;
  describe(`executor '${executor.id}' (conformance v1)`, () => {
    it('has a complete v1 descriptor', () => {
      expect(executor.kind).toBe('executor');
      expect(executor.specificationVersion).toBe('v1');
      expect(executor.id).toMatch(/^[A-Za-z0-9@/._-]+$/);
      expect(executor.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(executor.description.length).toBeGreaterThan(0);
      expect(typeof executor.configSchema.safeParse).toBe('function');
      expect(typeof executor.analyze).toBe('function');
      expect(typeof executor.run).toBe('function');
    });
    for (const testCase of options.cases) describeCase(executor, testCase);
  });
}

// biome-ignore lint/suspicious/noExplicitAny: see TestExecutorOptions
function describeCase(executor: ExecutorV1<any>, testCase: ExecutorTestCase): void {
  const spec = testCase.spec as unknown as WorkflowSpec;
  const config = spec.pattern.config;
  const run = (overrides: Partial<RunWorkflowOptions> & { script?: MockScript; document?: unknown } = {}) => {
    const mock = createMockProviderPlugin({ responses: overrides.script ?? testCase.responses });
    const names = new Set([
      spec.runtime.provider,
      ...Object.values(spec.agents).map((agent) => agent.provider),
    ]);
    const providers = Object.fromEntries([...names].filter(Boolean).map((name) => [name as string, mock]));
    const events: RunEvent[] = [];
    const human = testCase.human;
    const pending = runWorkflow((overrides.document ?? structuredClone(spec)) as WorkflowSpec, {
      vars: testCase.vars,
      ...(human ? { onHumanInput: async (question: ConformanceQuestion) => human(question) } : {}),
      providers,
      executors: { [executor.id]: executor },
      clientPool: new ClientPool(),
      env: {},
      onEvent: (event) => events.push(event),
      ...overrides,
    });
    return { mock, events, pending };
  };

  describe(testCase.name, () => {
    it('accepts its config and rejects unknown keys', () => {
      expect(executor.configSchema.safeParse(config).success).toBe(true);
      if (config && typeof config === 'object' && !Array.isArray(config)) {
        expect(executor.configSchema.safeParse({ ...config, not_a_real_key: 1 }).success).toBe(false);
      }
    });

    it('analyzes deterministically and references only defined agents', () => {
      const parsed = executor.configSchema.parse(config);
      const analysis = executor.analyze(parsed, spec);
      expect(executor.analyze(executor.configSchema.parse(config), spec)).toEqual(analysis);
      for (const reference of analysis.agentReferences)
        expect(Object.keys(spec.agents)).toContain(reference.id);
      for (const site of analysis.templates) expect(site.pointer.startsWith('/')).toBe(true);
      expect(analysis.issues.filter((issue) => issue.severity !== 'warning')).toEqual([]);
    });

    it('runs to a result through invokeAgent', async () => {
      const { pending, events, mock } = run();
      const result = await pending;
      expect(typeof result.response).toBe('string');
      if (testCase.expectResponse !== undefined) expect(result.response).toMatch(testCase.expectResponse);
      expect(result.counts.invocations).toBeGreaterThan(0);
      for (const outcome of result.steps) expect(Object.keys(spec.agents)).toContain(outcome.agentId);
      expect(mock.calls.length).toBe(result.counts.requests);
      expect(events[0]?.type).toBe('run-start');
      expect(events.at(-1)?.type).toBe('run-end');
    });

    it('fails the run when a model call fails', async () => {
      const failure = new ProviderCallError({
        providerId: 'mock',
        kind: 'bad-request',
        message: 'mock refused the call',
      });
      const { pending } = run({ script: () => ({ error: failure }) });
      const error = await pending.catch((caught: unknown) => caught);
      expect(StrandsError.isInstance(error)).toBe(true);
      expect((error as StrandsError).exitCode).toBe(10);
      expect((error as Error).message).toContain('mock refused the call');
    });

    it('stops at once when cancelled, with exit 130', async () => {
      const controller = new AbortController();
      const { pending, mock } = run({
        signal: controller.signal,
        script: () => {
          queueMicrotask(() => controller.abort());
          return { hang: true };
        },
      });
      const error = await pending.catch((caught: unknown) => caught);
      expect((error as StrandsError).exitCode).toBe(130);
      const callsAtAbort = mock.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(mock.calls.length).toBe(callsAtAbort);
    });

    it('enforces max_steps with exit 20 when it invokes more than one agent', async () => {
      const first = await run().pending;
      if (first.counts.invocations < 2) return;
      const document = structuredClone(spec) as WorkflowSpec;
      document.runtime = { ...document.runtime, budgets: { ...document.runtime.budgets, max_steps: 1 } };
      const error = await run({ document }).pending.catch((caught: unknown) => caught);
      expect((error as StrandsError).exitCode).toBe(20);
    });

    describeDurabilityChecks(
      (overrides = {}) => run(overrides.onHumanInput ? overrides : { ...overrides, onHumanInput: undefined }),
      testCase.human,
    );
  });
}
