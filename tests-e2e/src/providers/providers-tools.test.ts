import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { providerTargets, runFixture } from './provider-targets.js';

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
      expect(target.wire.toolNamesOf(server.requests[0])).toEqual(['calculator']);
      const result = target.wire.toolResultOf(server.requests[1]);
      expect(result).toMatchObject(target.wire.calculatorResult);
      expect(JSON.stringify(result)).toContain('42');
      await server.waitForConnectionsClosed();
    },
  );
});
