/**
 * A loopback server in its own process, for scenario 4: a server that takes 100 ms to answer must not
 * spend the measured process's CPU, as a real one would not. Driven over IPC by remote-server.ts.
 */
import { benchProviders } from './providers.js';
import { reply } from './servers.js';

/** Messages the parent sends. */
export type ServerCommand = { readonly type: 'reset' | 'stats' | 'first-request' | 'close' };

const [providerId = 'openai', delay = '0'] = process.argv.slice(2);
const start = benchProviders.find((provider) => provider.id === providerId)?.start;
if (!start) throw new Error(`unknown provider ${providerId}`);
const server = await start();
server.setResponder(() => reply.text('done', { delayMs: Number(delay) }));
process.on('message', (command: ServerCommand) => {
  if (command.type === 'reset') {
    server.reset();
    process.send?.({ type: 'reset' });
  } else if (command.type === 'stats') {
    process.send?.({ type: 'stats', stats: server.stats() });
  } else if (command.type === 'first-request') {
    process.send?.({ type: 'first-request', request: server.requests[0] });
  } else {
    void server.close().then(() => process.disconnect());
  }
});
process.send?.({ type: 'ready', url: server.url });
