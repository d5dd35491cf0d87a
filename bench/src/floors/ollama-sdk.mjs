// Floor: the bare ollama SDK with its default configuration, the recorded calls in order.
import { Ollama } from 'ollama';
import { readArgs } from './requests.mjs';

const [url, requests] = readArgs();
const client = new Ollama({ host: url });
for (const request of requests) await client.chat({ ...request.body, stream: false });
