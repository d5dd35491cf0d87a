/** The runtime: runWorkflow, the client pool, the AgentCache, the agent loop, retries, budgets, events, artifacts. */

export type {
  AgentCacheCounts,
  AgentCacheOptions,
  CachedAgent,
  ModelHandle,
  WrapProvider,
  WrapProviderInfo,
} from './agent-cache.js';
export { AgentCache } from './agent-cache.js';
export type { AgentLoopResult } from './agent-loop.js';
export { defaultMaxTurns, runAgentLoop } from './agent-loop.js';
export { resolveArtifactPath, sanitizeFilename } from './artifact-paths.js';
export type { BudgetTrackerHooks } from './budget-tracker.js';
export { BudgetTracker, defaultWarnThreshold } from './budget-tracker.js';
export type { ClientPoolStats, PooledClient } from './client-pool.js';
export { ClientPool, closeClientPool, defaultClientPoolSize, getClientPool } from './client-pool.js';
export type { Clock } from './clock.js';
export { systemClock } from './clock.js';
export type { EffectiveModelSettings } from './effective-settings.js';
export { resolveEffectiveSettings } from './effective-settings.js';
export type { InvocationScope, TurnOutcome, TurnServices } from './model-turn.js';
export { countWords, requestModelTurn } from './model-turn.js';
export { createLocalRequestGate, limitsOf, processRequestGate } from './request-gate.js';
export type { RetryPolicy } from './retry-policy.js';
export { defaultRetryPolicy, maxRetryAfterMs, retryDelayMs, retryPolicyFromSpec } from './retry-policy.js';
export type { ProviderCounts } from './run-counters.js';
export { RunCounters } from './run-counters.js';
export type * from './run-events.js';
export type { InvocationOutcome, RunCounts, RunResult, RunWorkflowOptions } from './run-types.js';
export { defaultMaxParallel, defaultTransportTimeouts } from './run-types.js';
export { runWorkflow } from './run-workflow.js';
export { Semaphore } from './semaphore.js';
export { buildSystemPrompt } from './system-prompt.js';
export { connectTimeoutEnv, requestTimeoutEnv, resolveTransportTimeouts } from './transport-timeouts.js';
export { formatUnsupportedReport, writeUnsupportedReport } from './unsupported-report.js';
export type { ArtifactRenderer, RenderedArtifact } from './write-artifacts.js';
export { displayPath, renderArtifacts, writeArtifacts } from './write-artifacts.js';
