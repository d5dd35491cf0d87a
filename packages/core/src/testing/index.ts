/**
 * Test kit for plugin authors: a scripted MockModelProvider (client and plugin descriptor), a manual
 * clock, a fake executor context for unit-testing an executor's `run` without a runtime, a loopback
 * listener, and the conformance suites `testExecutor()` / `testModelProvider()` and provider assertions
 * (`expectProviderFailure`, `expectAbortedInFlight`, ...; these need vitest).
 */

export type { RequestRecorder } from './abort-once-received.js';
export { abortOnceReceived } from './abort-once-received.js';
export type {
  Deferred,
  FakeExecutorContext,
  FakeExecutorContextOptions,
  FakeResponder,
} from './fake-executor-context.js';
export { createFakeExecutorContext, deferred } from './fake-executor-context.js';
export type { LoopbackListener } from './listen-on-loopback.js';
export { listenOnLoopback } from './listen-on-loopback.js';
export { ManualClock } from './manual-clock.js';
export type { MockScript, MockScriptState, MockTurn } from './mock-model-provider.js';
export { MockModelProvider, mockDefaultUsage } from './mock-model-provider.js';
export type {
  MockProviderPlugin,
  MockProviderPluginOptions,
  MockProviderSettings,
  MockProviderStats,
} from './mock-provider-plugin.js';
export { createMockProviderPlugin } from './mock-provider-plugin.js';
export type { ExpectedProviderFailure } from './provider-expectations.js';
export { expectProviderFailure, expectTextStream, stopResponse } from './provider-expectations.js';
export type { ConnectionTracker } from './provider-lifecycle.js';
export { expectAbortedInFlight, expectClosedForGood } from './provider-lifecycle.js';
export type { ScriptedServer, ScriptedServerHarnessOptions } from './scripted-server-harness.js';
export { harnessTransport, scriptedServerHarness } from './scripted-server-harness.js';
export type { ExecutorTestCase, TestExecutorOptions } from './test-executor.js';
export { testExecutor } from './test-executor.js';
export type { ConformanceQuestion } from './test-executor-durability.js';
export type { HarnessTurn, ModelProviderHarness, TestModelProviderOptions } from './test-model-provider.js';
export { testModelProvider } from './test-model-provider.js';
