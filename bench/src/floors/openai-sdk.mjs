// Floor: the bare openai SDK with its default configuration (Node's global fetch), the recorded calls in order.
import OpenAI from 'openai';
import { readArgs } from './requests.mjs';

const [url, requests] = readArgs();
const client = new OpenAI({ apiKey: 'sk-bench', baseURL: `${url}/v1` });
for (const request of requests) await client.chat.completions.create(request.body);
