import type { RecordedRequest } from '@strands-cli/test-servers';

/**
 * How the e2e suite reads a recorded model request of one protocol, so every parameterised test
 * asserts on the wire without knowing which provider it runs on.
 */
export interface ProviderWire {
  /** Whether the request asked for a streamed answer. */
  askedToStream(request: RecordedRequest): boolean;
  /** The model id the request named. */
  modelOf(request: RecordedRequest): string;
  /** The names of the tools the request offered the model. */
  toolNamesOf(request: RecordedRequest | undefined): string[];
  /** The tool result the CLI fed back, in the protocol's shape. */
  toolResultOf(request: RecordedRequest | undefined): unknown;
  /** What {@link toolResultOf} holds for a successful call `call_calc` of the tool `calculator`. */
  readonly calculatorResult: Readonly<Record<string, unknown>>;
}

interface WireMessage {
  role: string;
  content?: unknown;
  tool_call_id?: string;
  tool_name?: string;
}

type ChatBody = {
  model?: string;
  stream?: boolean;
  messages?: WireMessage[];
  tools?: Array<{ name?: string; function?: { name: string } }>;
  toolConfig?: { tools: Array<{ toolSpec: { name: string } }> };
};

const bodyOf = (request: RecordedRequest | undefined): ChatBody => (request?.body ?? {}) as ChatBody;
const blocksOf = (request: RecordedRequest | undefined): Record<string, unknown>[] =>
  (bodyOf(request).messages ?? []).flatMap((message) =>
    Array.isArray(message.content) ? (message.content as Record<string, unknown>[]) : [],
  );
const streamFlag = (request: RecordedRequest) => bodyOf(request).stream === true;
const modelField = (request: RecordedRequest) => bodyOf(request).model ?? '';

/** OpenAI Chat Completions and Ollama: function tools, results as `tool` messages. */
function chatWire(calculatorResult: Record<string, unknown>): ProviderWire {
  return {
    askedToStream: streamFlag,
    modelOf: modelField,
    toolNamesOf: (request) => bodyOf(request).tools?.map((tool) => tool.function?.name ?? '') ?? [],
    toolResultOf: (request) => bodyOf(request).messages?.find((message) => message.role === 'tool'),
    calculatorResult,
  };
}

/** OpenAI's protocol. */
export const openAIWire = chatWire({ role: 'tool', tool_call_id: 'call_calc' });

/** Ollama's protocol (results name the tool, not the call). */
export const ollamaWire = chatWire({ role: 'tool', tool_name: 'calculator' });

/** Bedrock Converse: the model in the path, streaming by endpoint, `toolResult` blocks. */
export const bedrockWire: ProviderWire = {
  askedToStream: (request) => request.path.endsWith('/converse-stream'),
  modelOf: (request) => decodeURIComponent(request.path.split('/')[2] ?? ''),
  toolNamesOf: (request) => bodyOf(request).toolConfig?.tools.map((tool) => tool.toolSpec.name) ?? [],
  toolResultOf: (request) => blocksOf(request).find((block) => 'toolResult' in block)?.toolResult,
  calculatorResult: { toolUseId: 'call_calc', status: 'success' },
};

/** Anthropic Messages: tools by name, results as `tool_result` blocks of a user message. */
export const anthropicWire: ProviderWire = {
  askedToStream: streamFlag,
  modelOf: modelField,
  toolNamesOf: (request) => bodyOf(request).tools?.map((tool) => tool.name ?? '') ?? [],
  toolResultOf: (request) => blocksOf(request).find((block) => block.type === 'tool_result'),
  calculatorResult: { type: 'tool_result', tool_use_id: 'call_calc' },
};

type GeminiPart = { functionResponse?: Record<string, unknown> };
type GeminiBody = {
  contents?: Array<{ parts?: GeminiPart[] }>;
  tools?: Array<{ functionDeclarations?: Array<{ name?: string }> }>;
};
const geminiBodyOf = (request: RecordedRequest | undefined): GeminiBody =>
  (request?.body ?? {}) as GeminiBody;
const geminiCall = /^\/v1beta\/models\/([^/:?]+):(generateContent|streamGenerateContent)/;

/**
 * Gemini generateContent: the model in the path, streaming by method, tools as
 * `functionDeclarations`, results as `functionResponse` parts (named, with the wire's call id).
 */
export const geminiWire: ProviderWire = {
  askedToStream: (request) => geminiCall.exec(request.path)?.[2] === 'streamGenerateContent',
  modelOf: (request) => decodeURIComponent(geminiCall.exec(request.path)?.[1] ?? ''),
  toolNamesOf: (request) =>
    (geminiBodyOf(request).tools ?? []).flatMap(
      (tool) => tool.functionDeclarations?.map((declaration) => declaration.name ?? '') ?? [],
    ),
  toolResultOf: (request) =>
    (geminiBodyOf(request).contents ?? [])
      .flatMap((content) => content.parts ?? [])
      .find((part) => part.functionResponse)?.functionResponse,
  calculatorResult: { id: 'call_calc', name: 'calculator' },
};
