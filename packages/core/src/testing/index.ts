/**
 * Test kit for plugin authors: a scripted MockModelProvider (client and plugin descriptor), a manual
 * clock, and the conformance suites `testExecutor()` / `testModelProvider()` (these need vitest).
 */

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
