import { rootCauseMessage } from '@strands-cli/core/provider-utils';
import type { DiagnosticV1 } from '@strands-cli/core/spec';
import { type BedrockProviderSettings, credentialSource } from './bedrock-settings.js';
import { openBedrockTransport } from './bedrock-transport.js';

/**
 * `strands doctor` for Bedrock: can the region be resolved, and are there credentials (a Bedrock API
 * key, or whatever the AWS default chain finds)? Both within the signal's deadline; no model is called.
 */
export async function diagnoseBedrock(
  settings: BedrockProviderSettings,
  signal: AbortSignal,
): Promise<DiagnosticV1[]> {
  const transport = await openBedrockTransport({ ...settings, maxConnections: 1 });
  try {
    const region = await check('bedrock: region', signal, async () => {
      const value = await transport.client.config.region();
      return `${value}${settings.region ? '' : ' (from the AWS config files)'}`;
    });
    const credentials = await check('bedrock: credentials', signal, async () => {
      if (settings.bearerToken) return 'a Bedrock API key (AWS_BEARER_TOKEN_BEDROCK)';
      const identity = await transport.client.config.credentials();
      return `found via ${credentialSource(settings)} (access key ${identity.accessKeyId.slice(0, 4)}…)`;
    });
    return [region, credentials];
  } finally {
    transport.close();
  }
}

async function check(name: string, signal: AbortSignal, run: () => Promise<string>): Promise<DiagnosticV1> {
  try {
    return { check: name, ok: true, detail: await withDeadline(run(), signal) };
  } catch (error) {
    return { check: name, ok: false, detail: `${explain(name, error, signal)}` };
  }
}

function explain(name: string, error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'not resolved before the deadline';
  if (name === 'bedrock: region') {
    return `none found (${rootCauseMessage(error)}); set runtime.region in the spec or AWS_REGION`;
  }
  return `none found (${rootCauseMessage(error)}); set AWS_BEARER_TOKEN_BEDROCK, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE`;
}

function withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
