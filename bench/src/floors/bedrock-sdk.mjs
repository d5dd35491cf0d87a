// Floor: the bare Bedrock Runtime SDK with its default configuration, the recorded Converse calls in order.
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { readArgs } from './requests.mjs';

const [url, requests] = readArgs();
const client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: url });
for (const request of requests) {
  const modelId = decodeURIComponent(request.path.split('/')[2] ?? '');
  await client.send(new ConverseCommand({ modelId, ...request.body }));
}
client.destroy();
