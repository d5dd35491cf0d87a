/**
 * @strands-cli/core: the library API of strands-cli. Load a spec, run it, record or replay its model
 * calls, and branch on the errors a run throws. Importing it does no work; everything heavy loads on
 * use. Each name is listed on purpose: the sub-barrels (`./runtime/index.js`, ...) are internal, so
 * the public surface grows only when a name is added here. Plugin authors import
 * `@strands-cli/core/spec` (the contract) and its helpers instead.
 */

// Plugins: resolving names to packages and loading them.
export {
  builtinExecutorPackages,
  builtinProviderPackages,
  plannedProviders,
} from './plugins/builtin-plugins.js';
export {
  loadExecutor,
  loadProvider,
  type PluginSources,
  providerPackageName,
} from './plugins/load-plugin.js';
export { resolvePackageEntry } from './plugins/resolve-package.js';
export type { CassetteV1 } from './record-replay/cassette-format.js';
// Record and replay at the provider boundary.
export { CassetteMissError, type NearestRecordedRequest } from './record-replay/cassette-miss-error.js';
export {
  prepareRecordReplay,
  type RecordReplayOptions,
  type RecordReplaySession,
} from './record-replay/record-replay-run.js';
export { createRecorder, type Recorder, type RecorderOptions } from './record-replay/recorder.js';
export { replayProviderPlugins } from './record-replay/replay-provider-plugin.js';
export {
  createReplayer,
  loadReplayer,
  type Replayer,
  type ReplayerOptions,
} from './record-replay/replayer.js';
// The runtime: running a workflow, its options, events and result.
export type { WrapProvider, WrapProviderInfo, WrapTool, WrapToolInfo } from './runtime/agent-cache.js';
export { ClientPool, type ClientPoolStats, closeClientPool } from './runtime/client-pool.js';
export type { Clock } from './runtime/clock.js';
export { type EffectiveModelSettings, resolveEffectiveSettings } from './runtime/effective-settings.js';
// `strands doctor` checks a spec's provider endpoints with the same rule a run applies.
export {
  type EndpointCheck,
  type EndpointPolicyOptions,
  endpointRefusal,
} from './runtime/endpoint-policy.js';
// The journal every effect of a run goes through: resume, human-in-the-loop, sessions.
export type { HumanInputHandler, HumanInputV1 } from './runtime/journal/human-inputs.js';
export { timeoutExpiredAnswer } from './runtime/journal/human-inputs.js';
export {
  createMemoryJournalStore,
  type MemoryJournalStore,
} from './runtime/journal/memory-journal-store.js';
export type { JournalCounts, JournalDivergence } from './runtime/journal/run-journal.js';
// `runtime.rate_limit`: the in-process gate (a durable engine injects one of its own).
export { createLocalRequestGate } from './runtime/request-gate.js';
export type {
  AgentBuildEvent,
  AgentReuseEvent,
  ArtifactWriteEvent,
  BudgetWarningEvent,
  ClientCreateEvent,
  ClientReuseEvent,
  CompactionEvent,
  ModelRequestEvent,
  RetryEvent,
  RunEndEvent,
  RunEvent,
  RunEventListener,
  RunEventType,
  RunStartEvent,
  StepEndEvent,
  StepStartEvent,
  TextDeltaEvent,
  ToolEndEvent,
  ToolStartEvent,
  UsageEvent,
} from './runtime/run-events.js';
export {
  defaultMaxParallel,
  defaultTransportTimeouts,
  type InvocationOutcome,
  type RunCounts,
  type RunResult,
  type RunWorkflowOptions,
} from './runtime/run-types.js';
export { runWorkflow } from './runtime/run-workflow.js';
export { writeUnsupportedReport } from './runtime/unsupported-report.js';
export { displayPath } from './runtime/write-artifacts.js';
// The one secret policy: every output channel (streams, --json, cassettes, sessions) redacts with it.
export {
  collectSecretValues,
  createRedactor,
  createSecretRedactor,
  isSecretVariableName,
  REDACTED,
  redactSecrets,
  type SecretRedactor,
  secretMarker,
  secretValuesFromEnv,
} from './secrets/index.js';
// Where sessions are kept, listed and pruned (`strands sessions`).
/** The default session store: one private folder per session (record, spec snapshot, journal, lock). */
export { type JournalSync, journalSyncModes } from './sessions/file-journal.js';
export { createFileSessionStore, type FileSessionStoreOptions } from './sessions/file-session-store.js';
/** A session store in memory, with the same locking rules, for library use and tests. */
export { createMemorySessionStore } from './sessions/memory-session-store.js';
// Sessions: a run kept so it can be resumed after a failure, a crash or a human-in-the-loop pause.
export {
  findResumableSession,
  type PlanResumeOptions,
  planResume,
  type ResumePlan,
} from './sessions/plan-resume.js';
/** Deletes a store's sessions not updated for a while; completed ones are kept unless asked. */
export { type PruneSessionsOptions, pruneSessions } from './sessions/prune-sessions.js';
/** The statuses a session can have (for validating a `--status` filter). */
export { sessionStatuses, specHash } from './sessions/session-record.js';
export { type InSessionOptions, isResumable, runInSession } from './sessions/session-run.js';
/** `$STRANDS_SESSIONS_DIR`, else `$XDG_DATA_HOME/strands/sessions`, else `~/.local/share/strands/sessions`. */
export { defaultSessionsDir } from './sessions/sessions-dir.js';
// The contract's errors (what a run throws) and the types the API above speaks.
export * from './spec/v1/errors.js';
export type { ExecutorV1, PlanEdgeV1, PlanNodeV1 } from './spec/v1/executor-v1.js';
export type { ModelProviderPluginV1, ModelProviderV1 } from './spec/v1/model-provider-v1.js';
export type {
  NewSessionV1,
  SessionHandleV1,
  SessionRecordV1,
  SessionStatusV1,
  SessionStoreV1,
  SessionUpdateV1,
} from './spec/v1/session-v1.js';
export type { WorkflowSpec } from './spec/v1/workflow-spec-v1.js';
// Spec files: loading, checking and the editor schema.
export { buildWorkflowJsonSchema, type JsonSchemaDocument } from './spec-file/json-schema.js';
export type { LoadedSpec } from './spec-file/loaded-spec.js';
export { loadSpec, loadSpecText, type PrepareSpecOptions, prepareSpec } from './spec-file/prepare-spec.js';
// User regexes (telemetry redaction patterns) run on the linear-time engine: no ReDoS.
export { compileLinearRegex, linearRegexProblem } from './templates/linear-regex.js';
// Templates: render a Jinja2-compatible template in the sandbox, as a spec's templates are rendered.
export { renderTemplate } from './templates/render.js';
// Tools and secrets.
export { type NativeToolEntry, nativeToolCatalog } from './tools/catalog.js';
/** Starts a spec's MCP servers to list their tools (`strands list-tools SPEC`). */
export {
  type ListMcpToolsOptions,
  listMcpTools,
  type McpServerListing,
} from './tools/mcp/list-mcp-tools.js';
/** Starts a spec's MCP servers and checks the tools its agents name (`validate --with-mcp`, `doctor SPEC`). */
export { checkMcpTools, type McpToolIssues, mcpToolIssues } from './tools/mcp/mcp-tool-issues.js';
export type { RunTools, RunToolsOptions } from './tools/run-tools.js';
/**
 * What `validate` and `run` say about a spec's tools before any model call: unset `${NAME}` placeholders
 * in HTTP executor headers and MCP `env`/`headers`, `tavily_search` without `TAVILY_API_KEY`.
 */
export { type ToolSetupFinding, toolSetupFindings } from './tools/tool-setup-findings.js';
