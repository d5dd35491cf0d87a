import type { CallReplayer } from './floor.js';
import type { BenchProvider } from './providers.js';
import type { LoopbackServer, RecordedRequest } from './servers.js';

/**
 * The naive baseline, the "before" of the performance plan: every step makes a new SDK client with
 * new connections (a new undici Agent; a new Bedrock client on the SDK's default handler), as code
 * that builds its model client inside the step does. Clients are closed in the background, as
 * garbage collection would, and awaited only after the timed calls.
 */
export function naiveReplayer(provider: BenchProvider, server: LoopbackServer): CallReplayer {
  const closing: Promise<void>[] = [];
  const open = (): Promise<CallReplayer> => provider.openSdk(server.url, { pooled: false });
  return {
    call: async (recorded: RecordedRequest) => {
      const client = await open();
      await client.call(recorded);
      closing.push(client.close());
    },
    close: async () => {
      await Promise.allSettled(closing.splice(0));
    },
  };
}
