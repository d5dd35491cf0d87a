import { builtinPatternTypes, listInWords } from '../plugins/builtin-plugins.js';
import { createSecretRedactor } from '../secrets/secret-redactor.js';
import { RunPausedError, UnsupportedFeatureError } from '../spec/v1/errors.js';
import type { ExecutorContextV1 } from '../spec/v1/executor-v1.js';
import { artifactSpecScope } from '../spec-file/artifact-spec-scope.js';
import type { LoadedSpec } from '../spec-file/loaded-spec.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { renderTemplate } from '../templates/render.js';
import { createRunTools } from '../tools/run-tools.js';
import { AgentCache } from './agent-cache.js';
import { defaultMaxTurns } from './agent-loop.js';
import { checkArtifactsBeforeRun } from './artifact-preflight.js';
import { BudgetTracker } from './budget-tracker.js';
import { getClientPool } from './client-pool.js';
import { abortReason, systemClock } from './clock.js';
import { contextFeatures } from './context/context-features.js';
import { AgentContracts } from './contracts/agent-contracts.js';
import { HumanInputs } from './journal/human-inputs.js';
import { OccurrenceCounter } from './journal/positions.js';
import { RunJournal } from './journal/run-journal.js';
import type { TurnServices } from './model-turn.js';
import { redactError, redactingListener } from './redact-run-output.js';
import { createLocalRequestGate, limitsOf, processRequestGate } from './request-gate.js';
import { retryPolicyFromSpec } from './retry-policy.js';
import { RunCounters } from './run-counters.js';
import { createEmitter } from './run-events.js';
import { RunInvoker } from './run-invoker.js';
import { linkSignal, loadProviders, pluginSources, runFailure, toLoadedSpec } from './run-setup.js';
import { defaultMaxParallel, type RunResult, type RunWorkflowOptions } from './run-types.js';
import { Semaphore } from './semaphore.js';
import { resolveTransportTimeouts } from './transport-timeouts.js';
import { renderArtifacts, writeArtifacts } from './write-artifacts.js';

/**
 * Runs a workflow: the library API the CLI is a thin shell over. `source` is a spec file path, a
 * spec document, or a spec already loaded with `loadSpec`/`prepareSpec`.
 *
 * One run: the providers the spec uses are loaded, a per-run AgentCache builds each distinct agent
 * once on pooled clients, the executor runs the pattern (retries, budgets, `max_parallel` and
 * cancellation applied to every model call), then the artifacts are rendered and written. Whatever
 * happens, the run's own resources are closed before this resolves or rejects; pooled clients stay in
 * the process-wide pool until `closeClientPool()`.
 * @throws StrandsError subclasses carrying the CLI exit code (spec 3, runtime 10, artifacts 12,
 * unsupported 18, budget 20, interrupted 130).
 */
export async function runWorkflow(
  source: string | LoadedSpec | WorkflowSpec,
  options: RunWorkflowOptions = {},
): Promise<RunResult> {
  const clock = options.clock ?? systemClock;
  const origin = clock.now();
  const startedAt = new Date().toISOString();
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const timeouts = resolveTransportTimeouts(env, options.timeouts);
  const loaded = await toLoadedSpec(source, options, cwd, env);
  const { spec } = loaded;
  if (loaded.capabilityIssues.length > 0) throw new UnsupportedFeatureError(loaded.capabilityIssues);
  const executor = loaded.executor;
  if (!executor) {
    throw new UnsupportedFeatureError([
      {
        pointer: '/pattern/type',
        reason: `No executor runs pattern '${spec.pattern.type}'`,
        remediation: `Use ${listInWords(builtinPatternTypes, 'or')}.`,
      },
    ]);
  }
  const plugins = await loadProviders(spec, pluginSources(loaded, options, cwd));
  if (options.out !== undefined) {
    await checkArtifactsBeforeRun(spec, options.out, options.force === true, (template) =>
      renderTemplate(template, loaded.variables),
    );
  }
  const controller = new AbortController();
  const unlink = linkSignal(options.signal, controller);
  const runTools = (options.createTools ?? createRunTools)({
    spec,
    env,
    allowPrivateNetwork: options.allowPrivateNetwork ?? env.STRANDS_HTTP_ALLOW_PRIVATE === '1',
    allowFileWrite: options.allowFileWrite ?? false,
    allowCodeExec: options.allowCodeExec ?? false,
    plugins: pluginSources(loaded, options, cwd),
    workingDirectory: cwd,
    specDirectory: loaded.baseDirectory,
    // The emitter exists only once the run's secrets are known (it redacts them), so this is late-bound.
    onMcpServerSkipped: (serverId, reason) => emit({ type: 'mcp-server-skip', serverId, reason }),
  });
  // Secrets (env.secrets, credential headers, API keys in env) never reach events or errors.
  const redactor = createSecretRedactor(runTools.secretValues ?? []);
  const redact = redactor.text;
  const emit = createEmitter(redactingListener(options.onEvent, redactor), () => clock.now() - origin);
  const maxParallel = spec.runtime.max_parallel ?? defaultMaxParallel;
  const counters = new RunCounters();
  const budget = new BudgetTracker(
    spec.runtime.budgets,
    clock,
    {
      warn: (kind, limit, used, threshold) =>
        emit({ type: 'budget-warning', budget: kind, limit, used, threshold }),
      exceed: (error) => controller.abort(error),
    },
    options.activeMsBefore ?? 0,
  );
  const journal = await RunJournal.open(options.journal, emit);
  const occurrences = new OccurrenceCounter();
  const humans = new HumanInputs({
    journal,
    occurrences,
    emit,
    answers: options.humanAnswers,
    previouslyPending: options.pendingHumanInput,
    onHumanInput: options.onHumanInput,
    now: () => Date.now(),
    signal: controller.signal,
  });
  const cache = new AgentCache({
    spec,
    runTools,
    pool: options.clientPool ?? getClientPool(),
    plugins,
    connection: {
      maxConnections: maxParallel,
      timeouts,
      env,
    },
    emit,
    wrapProvider: options.wrapProvider,
    wrapTool: options.wrapTool,
    endpoints: {
      allowedEndpoints: options.allowedEndpoints ?? [],
      allowPrivateNetwork: options.allowPrivateNetwork ?? env.STRANDS_HTTP_ALLOW_PRIVATE === '1',
    },
    locate: (pointer) => loaded.locate(pointer),
  });
  const rateLimit = spec.runtime.rate_limit;
  const services: TurnServices = {
    semaphore: new Semaphore(maxParallel),
    ...(rateLimit
      ? {
          requestGate: {
            gate:
              options.requestGate ?? (options.clock ? createLocalRequestGate(clock) : processRequestGate()),
            limits: limitsOf(rateLimit),
          },
        }
      : {}),
    clock,
    retryPolicy: retryPolicyFromSpec(spec.runtime.failure_policy),
    random: options.random ?? Math.random,
    counters,
    budget,
    emit,
    journal,
  };
  const features = contextFeatures(spec, cwd);
  const invoker = new RunInvoker({
    services,
    cache,
    signal: controller.signal,
    streamRequested: options.stream === true,
    maxTurns: options.maxTurns ?? defaultMaxTurns,
    occurrences,
    humans,
    ...features,
    contracts: new AgentContracts(spec, loaded.baseDirectory),
    variables: loaded.variables,
  });
  emit({ type: 'run-start', name: spec.name, pattern: spec.pattern.type, maxParallel });
  try {
    cache.prepare();
    // A refused notes file fails the run here, before the first model call spends anything.
    await features.notes?.check();
    const context: ExecutorContextV1<unknown> = {
      config: loaded.patternConfig,
      spec,
      variables: loaded.variables,
      maxParallel,
      signal: controller.signal,
      streamRequested: options.stream === true,
      invokeAgent: (request) => invoker.invokeAgent(request),
      awaitHuman: (request) => humans.ask(request),
      journaled: (position, compute) =>
        humans.track(async () => {
          const outcome = await journal.effect(position, 'value', '', position, async () => compute());
          return outcome.value;
        }),
      render: (template, scope, pointer) => renderAt(loaded, template, scope, pointer),
    };
    const result = await executor.run(context).catch((error: unknown) => {
      // A pause is reported as one however the executor passed it on (wrapped in a step failure);
      // a real failure that happened while a question waited stays the failure.
      throw humans.paused && causedByPause(error) ? humans.paused : error;
    });
    if (controller.signal.aborted) throw abortReason(controller.signal);
    budget.check();
    const variables = { ...loaded.variables, ...result.variables };
    let artifacts: string[] = [];
    if (options.out !== undefined) {
      const scope = {
        ...artifactSpecScope(spec),
        last_response: result.response,
        TRACE: options.traceForArtifacts?.() ?? '',
        ...variables,
        ...result.context,
      };
      const rendered = renderArtifacts(spec, options.out, (template, pointer) =>
        renderTemplate(template, scope, loaded.locate(pointer)),
      );
      if (controller.signal.aborted) throw abortReason(controller.signal);
      artifacts = await writeArtifacts(rendered, options.out, options.force === true);
      for (const path of artifacts) emit({ type: 'artifact-write', path });
    }
    const counts = cache.counts;
    const providers = counters.providers;
    const usage = counters.usage;
    const runResult: RunResult = {
      name: spec.name,
      pattern: spec.pattern.type,
      response: result.response,
      agentId: result.agentId,
      steps: [...invoker.outcomes],
      context: result.context,
      variables,
      usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
      durationMs: clock.now() - origin,
      startedAt,
      artifacts,
      journal: journal.counts,
      counts: {
        ...counts,
        invocations: counters.invocations,
        requests: sum(Object.values(providers).map((entry) => entry.requests)),
        retries: sum(Object.values(providers).map((entry) => entry.retries)),
        providers,
      },
    };
    emit({ type: 'run-end', ok: true, usage, artifacts });
    return runResult;
  } catch (error) {
    const failure = redactError(runFailure(error, controller.signal), redact);
    emit({
      type: 'run-end',
      ok: false,
      usage: counters.usage,
      artifacts: [],
      error: failure instanceof Error ? failure.message : String(failure),
    });
    throw failure;
  } finally {
    budget.dispose();
    unlink();
    await cache.close();
  }
}

/**
 * Renders one of the spec's templates for an executor. Locating a pointer in the source costs more
 * than most renders, so the location is looked up only when the render fails, to name it.
 */
function renderAt(
  loaded: LoadedSpec,
  template: string | undefined,
  scope: Readonly<Record<string, unknown>>,
  pointer: string,
): string {
  if (template === undefined) return '';
  const context = { ...loaded.variables, ...scope };
  try {
    return renderTemplate(template, context);
  } catch {
    return renderTemplate(template, context, loaded.locate(pointer));
  }
}

/** True when `error` is a RunPausedError or wraps one (through `cause`). */
function causedByPause(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && depth < 10; depth += 1) {
    if (RunPausedError.isInstance(current)) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
