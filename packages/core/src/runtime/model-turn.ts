import { ProviderCallError, StrandsError } from '../spec/v1/errors.js';
import type { StepRefV1 } from '../spec/v1/executor-v1.js';
import type { ModelRequestV1, ModelResponseV1, UsageV1 } from '../spec/v1/model-provider-v1.js';
import type { RequestGateReleaseV1, RequestGateV1, RequestLimitsV1 } from '../spec/v1/request-gate-v1.js';
import type { ModelHandle } from './agent-cache.js';
import type { BudgetTracker } from './budget-tracker.js';
import { abortReason, type Clock } from './clock.js';
import { finalProviderError, messageWithStatus } from './final-provider-error.js';
import type { RunJournal } from './journal/run-journal.js';
import { type RetryPolicy, retryDelayMs } from './retry-policy.js';
import type { RunCounters } from './run-counters.js';
import type { RunEventInput } from './run-events.js';
import type { Semaphore } from './semaphore.js';

/** The run-wide services every model request goes through. */
export interface TurnServices {
  /** `runtime.max_parallel`: held around each request (not while waiting to retry). */
  readonly semaphore: Semaphore;
  /**
   * `runtime.rate_limit`: the gate each request passes after its `max_parallel` slot, and the limits
   * it asks for (absent: no limit). Held around the request only, never while waiting to retry.
   */
  readonly requestGate?: { readonly gate: RequestGateV1; readonly limits: RequestLimitsV1 };
  readonly clock: Clock;
  readonly retryPolicy: RetryPolicy;
  /** Source of randomness for jittered backoff. */
  readonly random: () => number;
  readonly counters: RunCounters;
  readonly budget: BudgetTracker;
  readonly emit: (event: RunEventInput) => void;
  /** The run's journal: model turns and tool calls already recorded answer from it. */
  readonly journal?: RunJournal;
}

/** The invocation a request belongs to. */
export interface InvocationScope {
  readonly step: StepRefV1;
  readonly agentId: string;
  readonly invocation: number;
  /** The run's signal combined with the invocation's own. */
  readonly signal: AbortSignal;
  /** Stream the text (emitting `text-delta` events). */
  readonly stream: boolean;
  /** The invocation's logical position in the journal (`<pointer>#<occurrence>`). */
  readonly position?: string;
  /** Model turns of this invocation that were sent live (not answered from the journal). */
  readonly liveTurns?: { count: number };
}

/** A finished model turn with the usage the core accounts for. */
export interface TurnOutcome {
  readonly response: ModelResponseV1;
  readonly usage: UsageV1;
}

/**
 * Sends one model turn with the run's policies applied: the concurrency slot, `failure_policy`
 * retries (retryable provider errors only, `Retry-After` honoured), usage accounting and the token
 * budget. Throws the abort reason (a cancellation or a budget error) when the run stops.
 */
export async function requestModelTurn(
  services: TurnServices,
  scope: InvocationScope,
  model: ModelHandle,
  request: Omit<ModelRequestV1, 'signal'>,
  turn: number,
): Promise<TurnOutcome> {
  const { retryPolicy, counters, emit, semaphore, clock } = services;
  const { signal } = scope;
  const event = { step: scope.step, agentId: scope.agentId, invocation: scope.invocation };
  for (let attempt = 1; ; attempt += 1) {
    if (signal.aborted) throw abortReason(signal);
    const releaseSlot = await semaphore.acquire(signal);
    let releaseGate: RequestGateReleaseV1 | undefined;
    try {
      releaseGate = await passGate(services, model, signal);
    } catch (error) {
      releaseSlot();
      throw error;
    }
    const release = (): void => {
      releaseGate?.();
      releaseSlot();
    };
    const perRequest = requestSignal(signal);
    let delayMs: number;
    try {
      counters.request(model.providerId);
      emit({
        type: 'model-request',
        ...event,
        providerId: model.providerId,
        modelId: model.modelId,
        turn,
        attempt,
      });
      const response = scope.stream
        ? await streamTurn(model, { ...request, signal: perRequest.signal }, (text) =>
            emit({ type: 'text-delta', ...event, text }),
          )
        : await model.client.generate({ ...request, signal: perRequest.signal });
      return accountTurn(services, scope, request, checkResponse(response, model.providerId));
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      if (!isRetryable(error) || attempt >= retryPolicy.maxAttempts) throw finalProviderError(error, attempt);
      delayMs = retryDelayMs(retryPolicy, attempt, retryAfterOf(error), services.random);
      counters.retry(model.providerId);
      emit({
        type: 'retry',
        ...event,
        providerId: model.providerId,
        attempt,
        maxAttempts: retryPolicy.maxAttempts,
        delayMs,
        error: messageWithStatus(error),
      });
    } finally {
      perRequest.dispose();
      release();
    }
    // Wait outside the slot so a throttled call does not block the others.
    await clock.sleep(delayMs, signal);
  }
}

/** Waits at the run's request gate, when `runtime.rate_limit` set one; resolves with its release. */
async function passGate(
  services: TurnServices,
  model: ModelHandle,
  signal: AbortSignal,
): Promise<RequestGateReleaseV1 | undefined> {
  const { requestGate } = services;
  if (!requestGate) return undefined;
  return requestGate.gate.acquire(
    { providerId: model.providerId, endpoint: model.endpoint ?? 'default', limits: requestGate.limits },
    signal,
  );
}

/**
 * A signal for one request that follows the invocation's. Vendor SDKs add an abort listener to the
 * signal they are given and never remove it (openai 6 does, per request): handed the run's signal,
 * a 1000-step run would pile 1000 listeners on it. This one is dropped after the request.
 */
function requestSignal(parent: AbortSignal): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, dispose: () => undefined };
  }
  const forward = (): void => controller.abort(parent.reason);
  parent.addEventListener('abort', forward, { once: true });
  return { signal: controller.signal, dispose: () => parent.removeEventListener('abort', forward) };
}

async function streamTurn(
  model: ModelHandle,
  request: ModelRequestV1,
  onText: (text: string) => void,
): Promise<ModelResponseV1> {
  let final: ModelResponseV1 | undefined;
  for await (const part of model.client.stream(request)) {
    if (part.type === 'text-delta') onText(part.text);
    else if (part.type === 'finish') final = part.response;
  }
  if (!final) {
    throw new ProviderCallError({
      providerId: model.providerId,
      kind: 'stream-cut',
      message: 'The model stream ended without a final message',
      modelId: model.modelId,
    });
  }
  return final;
}

/** Counts a finished turn's usage (the provider's, or an estimate) against the run's totals and budget. */
export function accountTurn(
  services: TurnServices,
  scope: InvocationScope,
  request: Omit<ModelRequestV1, 'signal'>,
  response: ModelResponseV1,
): TurnOutcome {
  const estimated = response.usage === undefined;
  const usage = response.usage ?? estimateUsage(request, response);
  const total = services.counters.addUsage(usage);
  services.emit({
    type: 'usage',
    step: scope.step,
    agentId: scope.agentId,
    invocation: scope.invocation,
    usage,
    total,
    estimated,
    finishReason: response.finishReason,
  });
  services.budget.addUsage(usage);
  return { response, usage };
}

/** Word counts, as strands-cli estimated tokens; used only when a provider reports no usage. */
function estimateUsage(request: Omit<ModelRequestV1, 'signal'>, response: ModelResponseV1): UsageV1 {
  const parts = [request.system ?? ''];
  for (const message of request.messages) {
    if (message.role === 'tool') parts.push(...message.results.map((result) => result.content));
    else parts.push(message.content);
  }
  return { inputTokens: countWords(parts.join(' ')), outputTokens: countWords(response.text) };
}

/** Whitespace-separated words in `text`. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

function checkResponse(response: ModelResponseV1, providerId: string): ModelResponseV1 {
  if (!response || typeof response.text !== 'string' || !Array.isArray(response.toolCalls)) {
    throw new ProviderCallError({
      providerId,
      kind: 'bad-response',
      message: `Provider '${providerId}' returned a malformed turn (expected text and toolCalls)`,
    });
  }
  return response;
}

function isRetryable(error: unknown): boolean {
  return StrandsError.isInstance(error) && (error as Partial<ProviderCallError>).isRetryable === true;
}

function retryAfterOf(error: unknown): number | undefined {
  return (error as Partial<ProviderCallError>).retryAfterMs;
}
