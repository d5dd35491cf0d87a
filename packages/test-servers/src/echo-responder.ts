import type { RecordedRequest } from './loopback-server.js';
import type { TextReply } from './scripted-reply.js';

interface WireMessage {
  role?: string;
  content?: unknown;
}

/**
 * The default responder of every loopback server: answers `echo: <last user message>`, or
 * `tool said: <result>` when the last message carries a tool result. Works on the OpenAI, Ollama and
 * Bedrock request shapes, Anthropic's (`tool_result` blocks in a user message) and Gemini's
 * (`contents` of `parts`, tool results as `functionResponse` parts).
 */
export function echoLastUserMessage(request: RecordedRequest): TextReply {
  const contents = (request.body as { contents?: GeminiContent[] } | undefined)?.contents;
  if (Array.isArray(contents)) return echoGemini(contents);
  const messages = (request.body as { messages?: WireMessage[] } | undefined)?.messages ?? [];
  const last = messages.at(-1);
  if (!last) return { kind: 'text', text: 'echo: (no messages)' };
  if (last.role === 'tool') return { kind: 'text', text: `tool said: ${textOf(last.content)}` };
  const blocks = Array.isArray(last.content) ? (last.content as Record<string, unknown>[]) : [];
  const toolResult = blocks.find((block) => 'toolResult' in block)?.toolResult as
    | { content?: unknown }
    | undefined;
  if (toolResult) return { kind: 'text', text: `tool said: ${textOf(toolResult.content)}` };
  const anthropicResult = blocks.find((block) => block.type === 'tool_result');
  if (anthropicResult) return { kind: 'text', text: `tool said: ${textOf(anthropicResult.content)}` };
  return { kind: 'text', text: `echo: ${textOf(last.content)}` };
}

interface GeminiContent {
  parts?: Array<{ text?: unknown; functionResponse?: { response?: Record<string, unknown> } }>;
}

function echoGemini(contents: readonly GeminiContent[]): TextReply {
  const parts = contents.at(-1)?.parts ?? [];
  if (parts.length === 0) return { kind: 'text', text: 'echo: (no messages)' };
  const result = parts.find((part) => part.functionResponse)?.functionResponse?.response;
  if (result) {
    const value = result.output ?? result.error ?? result;
    return { kind: 'text', text: `tool said: ${typeof value === 'string' ? value : JSON.stringify(value)}` };
  }
  return { kind: 'text', text: `echo: ${textOf(parts)}` };
}

/** The text of a message content: a string, or the `text`/`json` blocks of an array. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: Record<string, unknown>) => {
      if (typeof block.text === 'string') return block.text;
      if (block.json !== undefined) return JSON.stringify(block.json);
      return '';
    })
    .join('');
}
