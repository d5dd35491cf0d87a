/**
 * The loopback servers of tests-e2e, reused as they are: they speak each provider's wire protocol,
 * record requests and count TCP connections and concurrency. Run the bench with tsx (it imports TS).
 */
export {
  echoLastUserMessage,
  type LoopbackServer,
  type RecordedRequest,
  reply,
  startBedrockServer,
  startOllamaServer,
  startOpenAIServer,
} from '../../tests-e2e/src/servers/index.js';
