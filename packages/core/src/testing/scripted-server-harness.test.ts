import { describe, expect, it } from 'vitest';
import { harnessTransport, type ScriptedServer, scriptedServerHarness } from './scripted-server-harness.js';
import type { HarnessTurn } from './test-model-provider.js';

function fakeServer() {
  const queued: string[] = [];
  const state = { closed: 0 };
  const server: ScriptedServer<string> = {
    enqueue: (...replies) => queued.push(...replies),
    requests: ['first'],
    close: async () => {
      state.closed += 1;
    },
  };
  return { server, queued, state };
}

const describeTurn = (turn: HarnessTurn): string => ('text' in turn ? `text:${turn.text}` : 'other');

describe('scriptedServerHarness', () => {
  it('fills in the harness transport unless the connection sets its own', () => {
    const { server } = fakeServer();
    const harness = scriptedServerHarness(server, describeTurn, {
      connection: { host: 'http://127.0.0.1:1', env: { KEY: 'k' } },
      modelId: 'm',
    });
    expect(harness.connection).toEqual({
      host: 'http://127.0.0.1:1',
      env: { KEY: 'k' },
      ...harnessTransport,
    });
    expect(harness.modelId).toBe('m');
    const own = scriptedServerHarness(server, describeTurn, {
      connection: { env: {}, maxConnections: 1 },
      modelId: 'm',
    });
    expect(own.connection.maxConnections).toBe(1);
    expect(own.connection.timeouts).toEqual(harnessTransport.timeouts);
  });

  it("queues translated turns, counts the server's requests and closes it", async () => {
    const { server, queued, state } = fakeServer();
    const harness = scriptedServerHarness(server, describeTurn, { connection: { env: {} }, modelId: 'm' });
    harness.script([{ text: 'a' }, { hang: true }]);
    expect(queued).toEqual(['text:a', 'other']);
    expect(harness.requestCount).toBe(1);
    await harness.close();
    expect(state.closed).toBe(1);
  });
});
