import { type LoopbackServer, type RecordedRequest, reply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ProviderTarget, providerTargets, runFixture } from './provider-targets.js';

interface WireMessage {
  role: string;
  content?: unknown;
  tool_call_id?: string;
  tool_name?: string;
}

/** The tool result the CLI fed back in a request, in each protocol's shape. */
function toolResultOf(target: ProviderTarget, request: RecordedRequest | undefined): unknown {
  const messages = (request?.body as { messages?: WireMessage[] } | undefined)?.messages ?? [];
  if (target.id === 'bedrock') {
    const blocks = messages.flatMap((message) => (Array.isArray(message.content) ? message.content : []));
    return blocks.find((block: Record<string, unknown>) => 'toolResult' in block)?.toolResult;
  }
  return messages.find((message) => message.role === 'tool');
}

/** The names of the tools a request offered the model. */
function toolNamesOf(target: ProviderTarget, request: RecordedRequest | undefined): string[] {
  const body = request?.body as {
    tools?: Array<{ function: { name: string } }>;
    toolConfig?: { tools: Array<{ toolSpec: { name: string } }> };
  };
  if (target.id === 'bedrock') return body.toolConfig?.tools.map((tool) => tool.toolSpec.name) ?? [];
  return body.tools?.map((tool) => tool.function.name) ?? [];
}

describe.each(providerTargets)('a tool-call round trip on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it.each([[[]], [['--stream']]])(
    'runs the calculator and feeds its result back (flags %j)',
    async (flags) => {
      server.enqueue(
        reply.toolCalls([{ id: 'call_calc', name: 'calculator', input: { expression: '6*7' } }]),
        reply.text('The answer is 42.'),
      );
      const run = await runFixture(target, server, 'tool-call', flags);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe('The answer is 42.');
      expect(server.requests).toHaveLength(2);
      expect(toolNamesOf(target, server.requests[0])).toEqual(['calculator']);
      const result = toolResultOf(target, server.requests[1]);
      const expected = {
        openai: { role: 'tool', tool_call_id: 'call_calc' },
        ollama: { role: 'tool', tool_name: 'calculator' },
        bedrock: { toolUseId: 'call_calc', status: 'success' },
      }[target.id];
      expect(result).toMatchObject(expected);
      expect(JSON.stringify(result)).toContain('42');
      await server.waitForConnectionsClosed();
    },
  );
});
