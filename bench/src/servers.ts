/**
 * The loopback servers of the e2e suite (@strands-cli/test-servers), reused as they are: they speak
 * each provider's wire protocol, record requests and count TCP connections and concurrency.
 */
export {
  echoLastUserMessage,
  type LoopbackServer,
  type RecordedRequest,
  reply,
  startAnthropicServer,
  startBedrockServer,
  startGeminiServer,
  startOllamaServer,
  startOpenAIServer,
} from '@strands-cli/test-servers';
