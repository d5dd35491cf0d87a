import type { LoopbackServer } from '@strands-cli/test-servers';
import { reply } from '@strands-cli/test-servers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ProviderTarget,
  prepareSpec,
  providerTarget,
  providerTargets,
  runPrepared,
} from './reliability-harness.js';

// A spec someone else wrote must not decide where the user's API keys go. The refusal happens before
// any connection, so a host that exists nowhere (`example.invalid`) proves it without network. For an
// approved endpoint that is not loopback, `0.0.0.0:<port>` is used: it is not a loopback address (so
// a key needs approval), yet on Linux connecting to it reaches the loopback server.

const openai = providerTarget('openai');
const ollama = providerTarget('ollama');
const bedrock = providerTarget('bedrock');
/** Providers whose key the environment holds and whose endpoint a variable approves. */
const keyedTargets = providerTargets.filter((target) => target.credentialHeader && target.endpointVariable);

const servers = new Map<ProviderTarget['id'], LoopbackServer>();
beforeAll(async () => {
  for (const target of providerTargets) servers.set(target.id, await target.start());
});
afterAll(async () => {
  for (const server of servers.values()) await server.close();
});
beforeEach(() => {
  for (const server of servers.values()) server.reset();
});

const serverOf = (target: ProviderTarget): LoopbackServer => servers.get(target.id) as LoopbackServer;
const portOf = (server: LoopbackServer): string => new URL(server.url).port;
/** The loopback server reached through a host name that is not a loopback address. */
const unspecifiedHost = (server: LoopbackServer): string => `http://0.0.0.0:${portOf(server)}`;
const totalRequests = () => [...servers.values()].reduce((sum, server) => sum + server.requests.length, 0);

/** Runs the one-step fixture with `host` as `runtime.host` (or the agent's host). */
async function runWithHost(
  target: ProviderTarget,
  host: string,
  options: { agentLevel?: boolean; flags?: string[]; env?: Record<string, string> } = {},
) {
  const prepared = await prepareSpec('one-step', target, (spec) => {
    if (options.agentLevel) (spec.agents as { solo: Record<string, unknown> }).solo.host = host;
    else spec.runtime.host = host;
  });
  return runPrepared(prepared, target, serverOf(target), {
    flags: options.flags ?? [],
    ...(options.env ? { env: options.env } : {}),
  });
}

describe('a spec-chosen provider endpoint, through the built CLI', () => {
  it('refuses a remote host when OPENAI_API_KEY is set, before any request (exit 3)', async () => {
    const run = await runWithHost(openai, 'http://example.invalid/v1');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('OPENAI_API_KEY');
    expect(run.stderr).toContain('example.invalid');
    expect(run.stderr).toContain('/runtime/host');
    expect(run.stderr).toContain('--allow-endpoint http://example.invalid');
    expect(run.stderr).toContain('OPENAI_BASE_URL=http://example.invalid/v1');
    expect(run.stderr).not.toContain('sk-e2e');
    expect(totalRequests()).toBe(0);
  });

  it('refuses an agent-level host override, naming the agent’s location', async () => {
    const run = await runWithHost(openai, 'http://example.invalid:8080/v1', { agentLevel: true });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('/agents/solo/host');
    expect(run.stderr).toContain('--allow-endpoint http://example.invalid:8080');
    expect(totalRequests()).toBe(0);
  });

  it('sends the key to a local server (vLLM, LM Studio, llama.cpp) on loopback without approval', async () => {
    const server = serverOf(openai);
    server.enqueue(reply.text('local answer'));
    const run = await runWithHost(openai, `${server.url}/v1`, { env: { OPENAI_BASE_URL: '' } });
    expect(run.code).toBe(0);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-e2e');
  });

  it('needs approval for a non-loopback endpoint, and --allow-endpoint gives it', async () => {
    const server = serverOf(openai);
    const host = `${unspecifiedHost(server)}/v1`;
    expect((await runWithHost(openai, host)).code).toBe(3);
    expect(server.requests).toHaveLength(0);
    server.enqueue(reply.text('approved'));
    const run = await runWithHost(openai, host, { flags: ['--allow-endpoint', unspecifiedHost(server)] });
    expect(run.code).toBe(0);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-e2e');
  });

  it('approves a corporate gateway through the environment (STRANDS_ALLOWED_ENDPOINTS, OPENAI_BASE_URL)', async () => {
    const server = serverOf(openai);
    const host = `${unspecifiedHost(server)}/v1`;
    server.enqueue(reply.text('via list'), reply.text('via base url'));
    const listed = await runWithHost(openai, host, {
      env: { STRANDS_ALLOWED_ENDPOINTS: `https://other.example,${unspecifiedHost(server)}` },
    });
    expect(listed.code).toBe(0);
    const based = await runWithHost(openai, host, { env: { OPENAI_BASE_URL: host } });
    expect(based.code).toBe(0);
    expect(server.requests).toHaveLength(2);
  });

  it('lets an OpenAI-compatible server anywhere be used when no key is set (nothing to leak)', async () => {
    const server = serverOf(openai);
    server.enqueue(reply.text('no key'));
    const run = await runWithHost(openai, `${unspecifiedHost(server)}/v1`, { env: { OPENAI_API_KEY: '' } });
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps a credential-free Ollama working with a spec host', async () => {
    const server = serverOf(ollama);
    server.enqueue(reply.text('ollama answer'));
    const run = await runWithHost(ollama, unspecifiedHost(server));
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a Bedrock spec endpoint with AWS_BEARER_TOKEN_BEDROCK set, and approves it by flag', async () => {
    const server = serverOf(bedrock);
    const env = { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-e2e-token' };
    const refused = await runWithHost(bedrock, unspecifiedHost(server), { env });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('AWS_BEARER_TOKEN_BEDROCK');
    expect(refused.stderr).toContain('AWS_ENDPOINT_URL_BEDROCK_RUNTIME=');
    expect(server.requests).toHaveLength(0);
    server.enqueue(reply.text('bedrock answer'));
    const approved = await runWithHost(bedrock, unspecifiedHost(server), {
      env,
      flags: ['--allow-endpoint', unspecifiedHost(server)],
    });
    expect(approved.code).toBe(0);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer bedrock-e2e-token');
  });

  it.each(keyedTargets.map((target) => [target.displayName, target] as const))(
    '%s: refuses a spec endpoint while the key is set, and approves it by the base-URL variable',
    async (_name, target) => {
      const server = serverOf(target);
      const variable = target.endpointVariable as NonNullable<ProviderTarget['endpointVariable']>;
      const host = `${unspecifiedHost(server)}${variable.path}`;
      const refused = await runWithHost(target, host);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(target.credentialHint);
      expect(refused.stderr).toContain(`${variable.name}=${host}`);
      expect(server.requests).toHaveLength(0);
      server.enqueue(reply.text(`${target.id} answer`));
      const approved = await runWithHost(target, host, { env: { [variable.name]: host } });
      expect(approved.code).toBe(0);
      const credential = target.credentialHeader?.(target.env(server));
      const [header, value] = credential as readonly [string, string];
      expect(server.requests[0]?.headers[header]).toBe(value);
    },
  );

  it('refuses a metadata address for any provider, credential or not (exit 3, no request)', async () => {
    for (const host of ['http://169.254.169.254/v1', 'http://[fd00:ec2::254]/']) {
      const run = await runWithHost(ollama, host);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('metadata');
      expect(run.stderr).toContain('--allow-private-network');
    }
    expect(totalRequests()).toBe(0);
  });

  it('rejects an --allow-endpoint that is not a URL (exit 2)', async () => {
    const run = await runWithHost(openai, 'http://example.invalid/v1', {
      flags: ['--allow-endpoint', 'example'],
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--allow-endpoint');
    expect(totalRequests()).toBe(0);
  });
});
