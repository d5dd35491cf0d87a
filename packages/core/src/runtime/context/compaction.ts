import type { ModelMessageV1 } from '../../spec/v1/model-provider-v1.js';
import type { ContextPolicySpec } from '../../spec/v1/workflow-spec-v1.js';

/** `context_policy.compaction` as the agent loop uses it, defaults applied. */
export interface CompactionSettings {
  /** Compact before a turn whose conversation is larger than this many tokens. */
  readonly whenTokensOver: number;
  /** The share of the conversation's messages to summarise. */
  readonly summaryRatio: number;
  /** Messages at the end of the conversation kept as they are. */
  readonly preserveRecentMessages: number;
  /** The model that writes the summary (on the agent's provider); the agent's own model when absent. */
  readonly summarizationModel?: string;
}

/** strands-cli's defaults. */
const defaults = { whenTokensOver: 60_000, summaryRatio: 0.35, preserveRecentMessages: 12 } as const;

/** The system prompt of a summarisation request. */
export const summarizerSystemPrompt =
  'You write concise summaries of conversation history. Keep the key facts, decisions, tool results and open questions; drop repetition. Focus on what the ongoing task still needs.';

/** The prefix of the message that replaces the summarised messages. */
export const summaryPrefix = 'Summary of the earlier conversation:';

/** The compaction settings of a spec, or undefined when compaction is off or not configured. */
export function compactionSettings(policy: ContextPolicySpec | undefined): CompactionSettings | undefined {
  const compaction = policy?.compaction;
  if (!compaction || compaction.enabled === false) return undefined;
  return {
    whenTokensOver: compaction.when_tokens_over ?? defaults.whenTokensOver,
    summaryRatio: compaction.summary_ratio ?? defaults.summaryRatio,
    preserveRecentMessages: compaction.preserve_recent_messages ?? defaults.preserveRecentMessages,
    ...(compaction.summarization_model ? { summarizationModel: compaction.summarization_model } : {}),
  };
}

/** A rough token count of text (about four characters a token), for when no provider has reported yet. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The estimated tokens of `messages`. */
export function estimateMessagesTokens(messages: readonly ModelMessageV1[]): number {
  let total = 0;
  for (const message of messages) total += estimateTokens(messageText(message));
  return total;
}

/**
 * How many leading messages to summarise, or 0 when the conversation is too short to compact. The
 * ratio decides; `preserveRecentMessages` caps it, but is reduced when the conversation is shorter than
 * what it asks to keep (otherwise an over-threshold conversation could never shrink). The cut never
 * separates a tool call from its results, and the last call with its results is always kept.
 */
export function summarizeCount(messages: readonly ModelMessageV1[], settings: CompactionSettings): number {
  const length = messages.length;
  const latest = length - 2;
  if (latest < 1) return 0;
  const wanted = Math.max(1, Math.floor(length * settings.summaryRatio));
  let cut = Math.min(wanted, length - settings.preserveRecentMessages);
  if (cut < 1) cut = Math.min(wanted, latest);
  // Tool results must follow the assistant message that asked for them: move the cut to an assistant.
  if (messages[cut]?.role === 'tool') cut = cut + 1 <= latest ? cut + 1 : cut - 1;
  return cut >= 1 ? cut : 0;
}

/** The one user message of a summarisation request: the messages as a transcript and the instruction. */
export function summaryRequestText(messages: readonly ModelMessageV1[]): string {
  const transcript = messages.map((message) => `${speaker(message)}: ${messageText(message)}`).join('\n\n');
  return `Summarise this conversation so the task can continue without it.\n\n<conversation>\n${transcript}\n</conversation>`;
}

/** The message that stands for the summarised messages. */
export function summaryMessage(summary: string): ModelMessageV1 {
  return { role: 'user', content: `${summaryPrefix}\n\n${summary.trim() || '(no summary)'}` };
}

function speaker(message: ModelMessageV1): string {
  if (message.role === 'tool') return 'Tool results';
  return message.role === 'user' ? 'User' : 'Assistant';
}

function messageText(message: ModelMessageV1): string {
  if (message.role === 'tool') {
    return message.results.map((result) => `[${result.toolName}] ${result.content}`).join('\n');
  }
  if (message.role === 'assistant' && message.toolCalls && message.toolCalls.length > 0) {
    const calls = message.toolCalls.map((call) => `[calls ${call.name} ${JSON.stringify(call.input)}]`);
    return [message.content, ...calls].filter((part) => part !== '').join('\n');
  }
  return message.content;
}
