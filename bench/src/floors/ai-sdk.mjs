// Peer: the AI SDK (ai + @ai-sdk/openai, default configuration), the recorded chat calls in order.
import { createOpenAI } from '@ai-sdk/openai';
import { generateText } from 'ai';
import { toAiSdkCall } from './ai-sdk-call.mjs';
import { readArgs } from './requests.mjs';

const [url, requests] = readArgs();
const provider = createOpenAI({ apiKey: 'sk-bench', baseURL: `${url}/v1` });
for (const request of requests) await generateText(toAiSdkCall(provider, request.body));
