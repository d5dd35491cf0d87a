import {
  canonicalRequest,
  canonicalToolCall,
  requestKey,
  toolCallKey,
} from '../../record-replay/canonical-request.js';
import type { ModelRequestV1, ModelResponseV1, ToolResultPartV1 } from '../../spec/v1/model-provider-v1.js';
import type { ModelHandle } from '../agent-cache.js';
import {
  accountTurn,
  type InvocationScope,
  requestModelTurn,
  type TurnOutcome,
  type TurnServices,
} from '../model-turn.js';

/** A model turn as the journal keeps it: the contract fields of the response and the usage accounted. */
interface RecordedTurn {
  readonly response: ModelResponseV1;
  readonly estimated: boolean;
}

/**
 * One model turn through the journal: a turn recorded at this position with the same canonical
 * request answers from the journal (its usage still counts, so budgets continue from what was spent;
 * with `--stream` its text is shown at once); otherwise the request is sent and the turn recorded.
 * `at` is the place inside the invocation (`turn/<n>` unless a turn makes more than one request).
 */
export async function journaledModelTurn(
  services: TurnServices,
  scope: InvocationScope,
  model: ModelHandle,
  request: Omit<ModelRequestV1, 'signal'>,
  turn: number,
  at = `turn/${turn}`,
): Promise<TurnOutcome> {
  const { journal } = services;
  if (!journal || scope.position === undefined) {
    if (scope.liveTurns) scope.liveTurns.count += 1;
    return requestModelTurn(services, scope, model, request, turn);
  }
  const position = `${scope.position}/${at}`;
  // The cassette's key for the same turn, so the two views of model calls agree.
  const requestHash = requestKey(canonicalRequest(model.providerId, request));
  let live: TurnOutcome | undefined;
  const outcome = await journal.effect<RecordedTurn>(
    position,
    'model-turn',
    requestHash,
    scope.step.label,
    async () => {
      if (scope.liveTurns) scope.liveTurns.count += 1;
      live = await requestModelTurn(services, scope, model, request, turn);
      return {
        response: { ...plainResponse(live.response), usage: live.usage },
        estimated: live.response.usage === undefined,
      };
    },
  );
  if (live) return live;
  const { response } = outcome.value;
  if (scope.stream && response.text !== '') {
    services.emit({
      type: 'text-delta',
      step: scope.step,
      agentId: scope.agentId,
      invocation: scope.invocation,
      text: response.text,
    });
  }
  return accountTurn(services, scope, request, response);
}

/**
 * One tool call through the journal: a call recorded at this position with the same tool and input
 * answers from the journal, so a resumed run never repeats a side effect that completed.
 */
export async function journaledToolCall(
  services: TurnServices,
  position: string | undefined,
  label: string,
  call: { readonly name: string; readonly input: unknown },
  live: () => Promise<ToolResultPartV1>,
): Promise<ToolResultPartV1> {
  const { journal } = services;
  if (!journal || position === undefined) return live();
  const requestHash = toolCallKey(call.name, call.input);
  const outcome = await journal.effect(position, 'tool-call', requestHash, label, live);
  return outcome.value;
}

/** The contract fields of a response, as plain JSON. */
function plainResponse(response: ModelResponseV1): ModelResponseV1 {
  return {
    text: response.text,
    toolCalls: response.toolCalls.map(canonicalToolCall),
    finishReason: response.finishReason,
  };
}
