import type { AgentInvocationV1, AgentResultV1 } from '../spec/v1/executor-v1.js';
import type { AgentCache } from './agent-cache.js';
import { runAgentLoop } from './agent-loop.js';
import { abortReason } from './clock.js';
import type { CompactionSettings } from './context/compaction.js';
import { journaledNote } from './context/journaled-note.js';
import type { NotesLog } from './context/notes-log.js';
import { type AgentContracts, outputContractSection } from './contracts/agent-contracts.js';
import { runWithContract } from './contracts/contract-invocation.js';
import type { HumanInputs } from './journal/human-inputs.js';
import { type OccurrenceCounter, stepPosition } from './journal/positions.js';
import type { TurnServices } from './model-turn.js';
import type { InvocationOutcome } from './run-types.js';
import { namedStepFailure } from './step-failure.js';

/** What the invoker needs besides the turn services. */
export interface RunInvokerOptions {
  readonly services: TurnServices;
  readonly cache: AgentCache;
  /** The run's signal (cancellation and budgets). */
  readonly signal: AbortSignal;
  /** `--stream` was given. */
  readonly streamRequested: boolean;
  readonly maxTurns: number;
  /** Numbers repeated invocations of a pointer, for their journal positions. */
  readonly occurrences: OccurrenceCounter;
  /** Counts running invocations, so a run waiting for a person pauses only when nothing else runs. */
  readonly humans: HumanInputs;
  /** `context_policy.notes`: a note after each invocation, earlier notes in later system prompts. */
  readonly notes?: NotesLog;
  /** `context_policy.compaction`, when enabled. */
  readonly compaction?: CompactionSettings;
  /** Wall-clock time for note timestamps (injected for tests). */
  readonly now?: () => Date;
  /** The agents' input/output contracts; without it no contract is checked. */
  readonly contracts?: AgentContracts;
  /** The run's variables: the input an atomic agent's input_schema checks when its input is not JSON. */
  readonly variables?: Readonly<Record<string, unknown>>;
}

/**
 * Implements `ExecutorContextV1.invokeAgent`: counts the invocation against `max_steps`, gets the
 * cached agent, runs the agent loop, records the outcome and emits `step-start`/`step-end`. A failure
 * is thrown as a StepFailedError naming the step and the agent; when the run has stopped, the run's
 * reason (cancellation or budget) is what it throws, and a sibling's cancellation passes through as is.
 */
export class RunInvoker {
  readonly #options: RunInvokerOptions;
  readonly #outcomes: InvocationOutcome[] = [];

  constructor(options: RunInvokerOptions) {
    this.#options = options;
  }

  /** Every finished invocation, in completion order. */
  get outcomes(): readonly InvocationOutcome[] {
    return this.#outcomes;
  }

  /** Runs one invocation. */
  invokeAgent(request: AgentInvocationV1): Promise<AgentResultV1> {
    // The position is taken when the call is made, before any await, so it follows the executor's order.
    const position = stepPosition(request.step, this.#options.occurrences.of(request.step));
    return this.#options.humans.track(() => this.#invoke(request, position));
  }

  async #invoke(request: AgentInvocationV1, position: string): Promise<AgentResultV1> {
    const { services, cache, maxTurns } = this.#options;
    const runSignal = this.#options.signal;
    const signal = request.signal ? AbortSignal.any([runSignal, request.signal]) : runSignal;
    if (signal.aborted) throw abortReason(signal);
    services.budget.beginStep();
    services.counters.invocation();
    const invocation = services.counters.invocations;
    const base = { step: request.step, agentId: request.agentId, invocation };
    const started = services.clock.now();
    services.emit({ type: 'step-start', ...base, input: request.input });
    try {
      const agent = await cache.get(request.agentId, request.toolOverrides);
      const stream = this.#options.streamRequested && request.stream === true;
      const liveTurns = { count: 0 };
      const { notes, compaction } = this.#options;
      // Taken before the loop, so every turn of the invocation sees the same notes.
      const systemSuffix = notes?.promptSection();
      const contract = (await this.#options.contracts?.get(request.agentId)) ?? {};
      const contracted = contract.output
        ? {
            ...agent,
            systemPrompt: `${agent.systemPrompt}\n\n${outputContractSection(contract.output.schema)}`,
          }
        : agent;
      const { toolsUsed, ...result } = await runWithContract(
        contract,
        request.input,
        this.#options.variables ?? {},
        request.agentId,
        (input, attempt) =>
          runAgentLoop(
            services,
            // The clarification retry is a journal position of its own, so a resumed run replays both.
            {
              ...base,
              signal,
              stream,
              position: attempt === 1 ? position : `${position}/clarify`,
              liveTurns,
            },
            contracted,
            input,
            maxTurns,
            { ...(systemSuffix ? { systemSuffix } : {}), ...(compaction ? { compaction } : {}) },
          ),
      );
      if (notes) {
        const fields = {
          agent: request.agentId,
          step: request.step.label,
          input: request.input,
          tools: toolsUsed,
          outcome: result.text,
        };
        await journaledNote(
          services,
          notes,
          position,
          request.step.label,
          fields,
          this.#options.now ?? wallClock,
        );
      }
      const durationMs = services.clock.now() - started;
      const replayed = liveTurns.count === 0;
      this.#outcomes.push({ ...base, ...result, durationMs, ...(replayed ? { replayed } : {}) });
      services.emit({
        type: 'step-end',
        ...base,
        ok: true,
        durationMs,
        usage: result.usage,
        output: result.text,
        ...(replayed ? { replayed } : {}),
      });
      return { ...result, agentId: request.agentId, durationMs };
    } catch (error) {
      const failure = runSignal.aborted ? abortReason(runSignal) : error;
      services.emit({
        type: 'step-end',
        ...base,
        ok: false,
        durationMs: services.clock.now() - started,
        usage: { inputTokens: 0, outputTokens: 0 },
        error: failure instanceof Error ? failure.message : String(failure),
        ...(signal.aborted ? { cancelled: true } : {}),
      });
      throw namedStepFailure(failure, request, runSignal);
    }
  }
}

function wallClock(): Date {
  return new Date();
}
