import type { CallReplayer } from './floor.js';

/**
 * The peers a chain is compared with in-process, on the OpenAI protocol: the bare openai SDK and the
 * AI SDK, each with its default configuration (Node's global fetch and its shared keep-alive pool).
 */

/** The openai SDK as its documentation shows it: no dispatcher, no pool of our choosing. */
export async function openOpenAIDefault(url: string): Promise<CallReplayer> {
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({ apiKey: 'sk-bench', baseURL: `${url}/v1`, maxRetries: 0 });
  return {
    call: async (recorded) => {
      await client.chat.completions.create(recorded.body as never);
    },
    close: async () => {},
  };
}

/** The AI SDK (`ai` + `@ai-sdk/openai`): `generateText` with the recorded system prompt and messages. */
export async function openAiSdk(url: string): Promise<CallReplayer> {
  const [{ generateText }, { createOpenAI }, { toAiSdkCall }] = await Promise.all([
    import('ai'),
    import('@ai-sdk/openai'),
    import('./floors/ai-sdk-call.mjs'),
  ]);
  const provider = createOpenAI({ apiKey: 'sk-bench', baseURL: `${url}/v1` });
  return {
    call: async (recorded) => {
      await generateText(toAiSdkCall(provider, recorded.body) as never);
    },
    close: async () => {},
  };
}
