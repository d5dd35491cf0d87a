import type { RecordedRequest, ScriptedUsage } from '@strands-cli/test-servers';

/** What a scripted model needs to know about a request, whatever the provider's wire format. */
export interface Conversation {
  /** The system prompt (it names the agent's role). */
  readonly system: string;
  /** The first user message: what the step's template rendered to. */
  readonly input: string;
  /** Every tool result so far, in order, as text. */
  readonly toolResults: readonly string[];
  /** The size of the request, for a plausible input token count. */
  readonly requestChars: number;
}

interface WireMessage {
  readonly role?: string;
  readonly content?: unknown;
}

type Block = Record<string, unknown>;

/** The text of an OpenAI/Ollama string content or a Bedrock block list (`text` and `json` blocks). */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return (content as Block[])
    .map((block) => {
      if (typeof block.text === 'string') return block.text;
      if (block.json !== undefined) return JSON.stringify(block.json);
      return '';
    })
    .join('');
}

/** Reads an OpenAI, Ollama or Bedrock (Converse) chat request. */
export function readConversation(request: RecordedRequest): Conversation {
  const body = (request.body ?? {}) as { messages?: WireMessage[]; system?: Block[] };
  const messages = body.messages ?? [];
  const system = body.system
    ? textOf(body.system)
    : textOf(messages.find((message) => message.role === 'system')?.content);
  const firstUser = messages.find((message) => message.role === 'user');
  const toolResults: string[] = [];
  for (const message of messages) {
    if (message.role === 'tool') toolResults.push(textOf(message.content));
    if (!Array.isArray(message.content)) continue;
    for (const block of message.content as Block[]) {
      const result = block.toolResult as { content?: unknown } | undefined;
      if (result) toolResults.push(textOf(result.content));
    }
  }
  return {
    system,
    input: textOf(firstUser?.content),
    toolResults,
    requestChars: request.rawBody.length,
  };
}

/**
 * Token usage in the range a real model would report for this request and answer (about four
 * characters a token in, four tokens for three words out), so run summaries look like real ones.
 */
export function plausibleUsage(conversation: Conversation, answer: string, toolCalls = 0): ScriptedUsage {
  const words = answer.split(/\s+/).filter(Boolean).length;
  return {
    input: Math.ceil(conversation.requestChars / 4),
    output: Math.ceil((words * 4) / 3) + toolCalls * 18,
  };
}

/**
 * The parsed body of an HTTP tool result (`{"status", "headers", "body"}`, body itself JSON), or
 * `undefined` when it is not one.
 */
export function httpToolBody(result: string): unknown {
  try {
    const outer = JSON.parse(result) as { body?: unknown };
    return typeof outer.body === 'string' ? JSON.parse(outer.body) : undefined;
  } catch {
    return undefined;
  }
}
