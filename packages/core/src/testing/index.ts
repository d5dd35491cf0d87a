/**
 * Test kit for plugin authors: a scripted MockModelProvider (client and plugin descriptor), a manual
 * clock, a fake executor context for unit-testing an executor's `run` without a runtime, and the
 * conformance suites `testExecutor()` / `testModelProvider()` (these need vitest).
 */

export type {
  Deferred,
  FakeExecutorContext,
  FakeExecutorContextOptions,
  FakeResponder,
} from './fake-executor-context.js';
export { createFakeExecutorContext, deferred } from './fake-executor-context.js';
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
export type { ExecutorTestCase, TestExecutorOptions } from './test-executor.js';
export { testExecutor } from './test-executor.js';
export type { HarnessTurn, ModelProviderHarness, TestModelProviderOptions } from './test-model-provider.js';
export { testModelProvider } from './test-model-provider.js';
