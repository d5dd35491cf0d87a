import type { ModelMessageV1, UsageV1 } from '../../spec/v1/model-provider-v1.js';
import type { CachedAgent, ModelHandle } from '../agent-cache.js';
import { journaledModelTurn } from '../journal/journaled-effects.js';
import type { InvocationScope, TurnServices } from '../model-turn.js';
import {
  type CompactionSettings,
  estimateMessagesTokens,
  estimateTokens,
  summarizeCount,
  summarizerSystemPrompt,
  summaryMessage,
  summaryRequestText,
} from './compaction.js';

/** strands-cli summarises with a cheaper model at this temperature, for steady summaries. */
const summarizationTemperature = 0.3;

/**
 * Tracks how large one invocation's conversation is: the tokens the provider reported for the last
 * turn (its prompt plus its answer) and an estimate of the messages added since; an estimate of the
 * whole conversation before any report, and again after a compaction replaced what was reported.
 */
export class ConversationSize {
  #reported: { readonly tokens: number; readonly messages: number } | undefined;

  /** Records a finished turn: `messages` is the conversation's length once its answer is appended. */
  reported(usage: UsageV1, messages: number): void {
    this.#reported = { tokens: usage.inputTokens + usage.outputTokens, messages };
  }

  /** Forgets the report: the messages it measured were replaced. */
  reset(): void {
    this.#reported = undefined;
  }

  /** The conversation's size in tokens, system prompt included. */
  tokens(system: string, messages: readonly ModelMessageV1[]): number {
    if (this.#reported && this.#reported.messages <= messages.length) {
      return this.#reported.tokens + estimateMessagesTokens(messages.slice(this.#reported.messages));
    }
    return estimateTokens(system) + estimateMessagesTokens(messages);
  }
}

/**
 * Replaces the older messages of a conversation by a summary the summarisation model writes, keeping
 * the recent ones. The summary is a model turn like any other, so it goes through the journal (a
 * resumed run answers it from there) and through budgets and retries. Returns `messages` unchanged
 * when the conversation is too short to compact.
 */
export async function compactConversation(
  services: TurnServices,
  scope: InvocationScope,
  agent: CachedAgent,
  settings: CompactionSettings,
  messages: readonly ModelMessageV1[],
  turn: number,
  tokens: number,
): Promise<readonly ModelMessageV1[]> {
  const count = summarizeCount(messages, settings);
  if (count === 0) return messages;
  const model = summarizationHandle(agent.model, settings);
  const { response } = await journaledModelTurn(
    services,
    scope,
    model,
    {
      modelId: model.modelId,
      system: summarizerSystemPrompt,
      messages: [{ role: 'user', content: summaryRequestText(messages.slice(0, count)) }],
      inference: model.inference,
    },
    turn,
    `turn/${turn}/compaction`,
  );
  services.emit({
    type: 'compaction',
    step: scope.step,
    agentId: scope.agentId,
    invocation: scope.invocation,
    turn,
    tokens,
    threshold: settings.whenTokensOver,
    summarized: count,
    kept: messages.length - count,
    modelId: model.modelId,
  });
  return [summaryMessage(response.text), ...messages.slice(count)];
}

function summarizationHandle(model: ModelHandle, settings: CompactionSettings): ModelHandle {
  if (settings.summarizationModel === undefined) return model;
  return {
    ...model,
    modelId: settings.summarizationModel,
    inference: { temperature: summarizationTemperature },
  };
}
