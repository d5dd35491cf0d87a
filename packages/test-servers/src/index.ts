/**
 * Loopback servers that speak the OpenAI, Ollama, Bedrock, Anthropic and Gemini wire protocols exactly as the real
 * services do (see this package's README.md). Scripted per test, they record every request and count
 * TCP connections and concurrent requests, so tests assert counts, never timings.
 *
 * @example
 * const server = await startOpenAIServer();
 * server.enqueue(reply.text('Hello'), reply.error(429, { headers: { 'retry-after': '1' } }));
 * // ... point a client at server.baseURL ...
 * expect(server.stats().connections).toBe(1);
 * await server.close();
 */

export {
  type AnthropicServer,
  type AnthropicServerOptions,
  startAnthropicServer,
} from './anthropic-server.js';
export { type BedrockServer, type BedrockServerOptions, startBedrockServer } from './bedrock-server.js';
export { type DuckDuckGoResult, duckDuckGoResultsPage, startDuckDuckGoServer } from './duckduckgo-server.js';
export { echoLastUserMessage } from './echo-responder.js';
export {
  type DecodedFrame,
  decodeEventFrames,
  encodeEventFrame,
  eventFrame,
  exceptionFrame,
} from './event-stream.js';
export { type GeminiServer, type GeminiServerOptions, startGeminiServer } from './gemini-server.js';
export { type ConformanceTurn, scriptedReplyFor } from './harness-turn.js';
export type {
  LoopbackServer,
  LoopbackServerOptions,
  RecordedRequest,
  Responder,
  ServerStats,
} from './loopback-server.js';
export { type OllamaServer, type OllamaServerOptions, startOllamaServer } from './ollama-server.js';
export { type OpenAIServer, type OpenAIServerOptions, startOpenAIServer } from './openai-server.js';
export {
  type OtlpReceiver,
  type OtlpReceiverOptions,
  type ReceivedSpan,
  startOtlpReceiver,
} from './otlp-receiver.js';
export { type RouteHandler, type RouteRequest, type RouteServer, startRouteServer } from './route-server.js';
export {
  type CutReply,
  type ErrorReply,
  type InvalidJsonReply,
  type ResetReply,
  reply,
  type ScriptedReply,
  type ScriptedToolCall,
  type ScriptedUsage,
  type StallReply,
  type StreamErrorReply,
  type TextReply,
  type ToolCallsReply,
} from './scripted-reply.js';
export { startTavilyServer, type TavilyResult, type TavilyServerOptions } from './tavily-server.js';
export { startWebPageServer, type WebPage } from './web-page-server.js';
