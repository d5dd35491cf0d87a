import { ProviderCallError } from '../spec/v1/errors.js';
import type {
  FinishReasonV1,
  ModelProviderV1,
  ModelRequestV1,
  ModelResponseV1,
  ModelStreamPartV1,
  UsageV1,
} from '../spec/v1/model-provider-v1.js';

/** Usage a scripted turn reports unless it says otherwise. */
export const mockDefaultUsage: UsageV1 = { inputTokens: 10, outputTokens: 5 };

/**
 * One scripted model turn: a string is a final answer; an object can ask for tool calls, report
 * other usage (`null` = none, so the core estimates), stream in given chunks, fail with `error`, or
 * `hang` until the request is aborted (for cancellation tests).
 */
export type MockTurn =
  | string
  | {
      readonly text?: string;
      readonly toolCalls?: ReadonlyArray<{
        readonly name: string;
        readonly input?: Record<string, unknown>;
        readonly id?: string;
      }>;
      readonly usage?: UsageV1 | null;
      readonly finishReason?: FinishReasonV1;
      /** Thrown instead of answering (e.g. a retryable ProviderCallError). */
      readonly error?: unknown;
      /** Text pieces for `stream()`; by default the text is split after each space. */
      readonly chunks?: readonly string[];
      /** Never answers; rejects when the request's signal aborts. */
      readonly hang?: boolean;
    };

/**
 * The script of a mock: a list of turns answered in order (across every client of one plugin), or a
 * function of the request and its 0-based call number. Without a script the mock answers
 * `mock: <last user message>`.
 */
export type MockScript =
  | readonly MockTurn[]
  | ((request: ModelRequestV1, call: number) => MockTurn | Promise<MockTurn>);

/** State shared by every client of one mock plugin: the script position and all calls. */
export interface MockScriptState {
  readonly script: MockScript | undefined;
  readonly calls: ModelRequestV1[];
}

/**
 * A scripted in-memory model client implementing `ModelProviderV1`. It records every request (with
 * the messages copied), counts its closes, and honours abort signals like a real transport.
 */
export class MockModelProvider implements ModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly id: string;
  /** Requests this client received, in order. */
  readonly calls: ModelRequestV1[] = [];
  readonly #state: MockScriptState;
  #closeCount = 0;

  /** @param id provider id; @param script answers (or a shared state when several clients share one script). */
  constructor(id = 'mock', script?: MockScript | MockScriptState) {
    this.id = id;
    this.#state =
      script && !Array.isArray(script) && typeof script === 'object' && 'calls' in script
        ? (script as MockScriptState)
        : { script: script as MockScript | undefined, calls: [] };
  }

  /** How many times `close()` was called. */
  get closeCount(): number {
    return this.#closeCount;
  }

  /** True once closed. */
  get closed(): boolean {
    return this.#closeCount > 0;
  }

  async generate(request: ModelRequestV1): Promise<ModelResponseV1> {
    const turn = await this.#next(request);
    return toResponse(turn, request);
  }

  async *stream(request: ModelRequestV1): AsyncIterable<ModelStreamPartV1> {
    const turn = await this.#next(request);
    const response = toResponse(turn, request);
    const chunks =
      typeof turn === 'object' && turn.chunks ? turn.chunks : (response.text.match(/\S+\s*|\s+/g) ?? []);
    for (const text of chunks) {
      if (request.signal?.aborted) throw abortedError(this.id);
      yield { type: 'text-delta', text };
    }
    yield { type: 'finish', response };
  }

  async close(): Promise<void> {
    this.#closeCount += 1;
  }

  async #next(request: ModelRequestV1): Promise<MockTurn> {
    if (request.signal?.aborted) throw abortedError(this.id);
    const recorded = { ...request, messages: [...request.messages] };
    const call = this.#state.calls.length;
    this.#state.calls.push(recorded);
    this.calls.push(recorded);
    const { script } = this.#state;
    let turn: MockTurn;
    if (script === undefined) {
      const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
      turn = `mock: ${lastUser?.role === 'user' ? lastUser.content : ''}`;
    } else if (typeof script === 'function') {
      turn = await script(request, call);
    } else {
      const scripted = script[call];
      if (scripted === undefined) {
        throw new Error(
          `MockModelProvider: no scripted response for call ${call + 1} (the script has ${script.length})`,
        );
      }
      turn = scripted;
    }
    if (typeof turn === 'object' && turn.hang) await waitForAbort(request.signal);
    if (typeof turn === 'object' && turn.error !== undefined) throw turn.error;
    if (request.signal?.aborted) throw abortedError(this.id);
    return turn;
  }
}

function toResponse(turn: MockTurn, request: ModelRequestV1): ModelResponseV1 {
  if (typeof turn === 'string') {
    return { text: turn, toolCalls: [], finishReason: 'stop', usage: mockDefaultUsage };
  }
  const toolCalls = (turn.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${request.messages.length}_${index}`,
    name: call.name,
    input: call.input ?? {},
  }));
  const usage = turn.usage === null ? undefined : (turn.usage ?? mockDefaultUsage);
  return {
    text: turn.text ?? '',
    toolCalls,
    finishReason: turn.finishReason ?? (toolCalls.length > 0 ? 'tool-calls' : 'stop'),
    ...(usage ? { usage } : {}),
  };
}

function waitForAbort(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return; // hangs forever: a test without a signal is a broken test and times out
    const onAbort = (): void => reject(abortedError('mock'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

function abortedError(providerId: string): ProviderCallError {
  return new ProviderCallError({ providerId, kind: 'aborted', message: 'The request was aborted' });
}
