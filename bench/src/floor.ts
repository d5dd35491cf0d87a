import type { BenchProvider } from './providers.js';
import type { RecordedRequest } from './servers.js';

/**
 * The floor: the same model calls our run made, replayed without any orchestration. Each caller is
 * opened per repetition (as a run opens its client), makes its calls in order, then is closed.
 */
export interface CallReplayer {
  /** Sends one recorded request and reads the whole answer. */
  call(request: RecordedRequest): Promise<void>;
  close(): Promise<void>;
}

/** Bound of every pooled connection pool in the bench, the run's default `max_parallel`. */
export const poolConnections = 8;

/** (a) Raw undici: one keep-alive Agent, `request()` with the recorded path and JSON body. */
export async function openRawUndici(url: string): Promise<CallReplayer> {
  const { Agent, request } = await import('undici');
  const agent = new Agent({ connections: poolConnections });
  return {
    call: async (recorded) => {
      const response = await request(`${url}${recorded.path}`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
        body: recorded.rawBody,
      });
      await response.body.json();
    },
    close: () => agent.close(),
  };
}

/** (b) The provider's SDK with one client over one keep-alive pool, configured as our providers do. */
export function openSdkClient(provider: BenchProvider, url: string): Promise<CallReplayer> {
  return provider.openSdk(url, { pooled: true });
}

/** One OpenAI client; `connections` bounds its undici Agent (undefined: undici's default, unbounded). */
export async function openOpenAI(url: string, connections?: number): Promise<CallReplayer> {
  const [{ default: OpenAI }, { Agent }] = await Promise.all([import('openai'), import('undici')]);
  const agent = new Agent(connections === undefined ? {} : { connections });
  const client = new OpenAI({
    apiKey: 'sk-bench',
    baseURL: `${url}/v1`,
    maxRetries: 0,
    // undici 7's Agent and Node 20's fetch typings differ only in their types.
    fetchOptions: { dispatcher: agent } as never,
  });
  return {
    call: async (recorded) => {
      await client.chat.completions.create(recorded.body as never);
    },
    close: () => agent.close(),
  };
}

/** One Anthropic client; `connections` bounds its undici Agent (undefined: undici's default, unbounded). */
export async function openAnthropic(url: string, connections?: number): Promise<CallReplayer> {
  const [{ default: Anthropic }, { Agent }] = await Promise.all([
    import('@anthropic-ai/sdk'),
    import('undici'),
  ]);
  const agent = new Agent(connections === undefined ? {} : { connections });
  const client = new Anthropic({
    apiKey: 'sk-ant-bench',
    baseURL: url,
    maxRetries: 0,
    // As our provider does: the SDK's spans would cost time the comparison must not count.
    openTelemetry: false,
    fetchOptions: { dispatcher: agent } as never,
  });
  return {
    call: async (recorded) => {
      await client.messages.create({ ...(recorded.body as object), stream: false } as never);
    },
    close: () => agent.close(),
  };
}

/**
 * One Gemini client whose fetch goes through one undici Agent. A recorded request is REST-shaped
 * (model in the path; system prompt, tools and generation settings beside `contents`), so it is
 * turned back into the SDK's parameters.
 */
export async function openGemini(url: string, connections?: number): Promise<CallReplayer> {
  const [{ GoogleGenAI }, { Agent, fetch: undiciFetch }] = await Promise.all([
    import('@google/genai'),
    import('undici'),
  ]);
  const agent = new Agent(connections === undefined ? {} : { connections });
  const client = new GoogleGenAI({
    vertexai: false,
    apiKey: 'gm-bench-key',
    httpOptions: {
      baseUrl: url,
      // undici 7's fetch and Node 20's differ only in their typings.
      fetch: ((input: string, init: object) => undiciFetch(input, { ...init, dispatcher: agent })) as never,
    },
  });
  return {
    call: async (recorded) => {
      const { contents, systemInstruction, tools, generationConfig } = recorded.body as {
        contents: never;
        systemInstruction?: never;
        tools?: never;
        generationConfig?: object;
      };
      const model = /\/models\/([^/:]+):/.exec(recorded.path)?.[1] ?? 'gemini-2.5-flash';
      await client.models.generateContent({
        model,
        contents,
        config: {
          ...generationConfig,
          ...(systemInstruction ? { systemInstruction } : {}),
          ...(tools ? { tools } : {}),
          automaticFunctionCalling: { disable: true },
          automaticContinuation: false,
        },
      });
    },
    close: () => agent.close(),
  };
}

/** One ollama-js client whose fetch goes through one undici Agent. */
export async function openOllama(url: string, connections?: number): Promise<CallReplayer> {
  const [{ Ollama }, { Agent }] = await Promise.all([import('ollama/browser'), import('undici')]);
  const agent = new Agent(connections === undefined ? {} : { connections });
  const client = new Ollama({
    host: url,
    fetch: (input, init) => fetch(input, { ...init, dispatcher: agent } as unknown as RequestInit),
  });
  return {
    call: async (recorded) => {
      await client.chat({ ...(recorded.body as object), stream: false } as never);
    },
    close: () => agent.close(),
  };
}

/**
 * One Bedrock Runtime client. `keepAlive` gives it the keep-alive HTTP/1.1 handler our provider
 * uses; without it the client keeps the SDK's default handler (a new HTTP/2 session per request).
 */
export async function openBedrock(url: string, options: { keepAlive: boolean }): Promise<CallReplayer> {
  const [sdk, { NodeHttpHandler }, http] = await Promise.all([
    import('@aws-sdk/client-bedrock-runtime'),
    import('@smithy/node-http-handler'),
    import('node:http'),
  ]);
  const client = new sdk.BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' },
    maxAttempts: 1,
    ...(options.keepAlive
      ? {
          requestHandler: new NodeHttpHandler({
            httpAgent: new http.Agent({ keepAlive: true, maxSockets: poolConnections }),
          }),
        }
      : {}),
  });
  return {
    call: async (recorded) => {
      const modelId = decodeURIComponent(recorded.path.split('/')[2] ?? '');
      await client.send(new sdk.ConverseCommand({ modelId, ...(recorded.body as object) }));
    },
    close: async () => client.destroy(),
  };
}
