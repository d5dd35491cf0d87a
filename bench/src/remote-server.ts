import { type ChildProcess, fork } from 'node:child_process';
import type { ServerCommand } from './server-child.js';
import type { LoopbackServer, RecordedRequest } from './servers.js';

/** A loopback server running in a child process: its URL and counters, reached over IPC. */
export interface RemoteServer {
  readonly url: string;
  reset(): Promise<void>;
  stats(): Promise<ReturnType<LoopbackServer['stats']>>;
  /** The first request received since the last reset. */
  firstRequest(): Promise<RecordedRequest>;
  close(): Promise<void>;
}

interface Reply {
  readonly type: string;
  readonly url?: string;
  readonly stats?: ReturnType<LoopbackServer['stats']>;
  readonly request?: RecordedRequest;
}

function nextReply(child: ChildProcess, type: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Reply): void => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null): void => reject(new Error(`the server process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts the `providerId` loopback server in a child process; every answer waits `delayMs`. */
export async function startRemoteServer(providerId: string, delayMs: number): Promise<RemoteServer> {
  const child = fork(new URL('./server-child.ts', import.meta.url), [providerId, String(delayMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await nextReply(child, 'ready');
  const send = (command: ServerCommand): void => {
    child.send(command);
  };
  return {
    url: ready.url ?? '',
    reset: async () => {
      const done = nextReply(child, 'reset');
      send({ type: 'reset' });
      await done;
    },
    stats: async () => {
      const done = nextReply(child, 'stats');
      send({ type: 'stats' });
      const reply = await done;
      if (!reply.stats) throw new Error('the server process sent no stats');
      return reply.stats;
    },
    firstRequest: async () => {
      const done = nextReply(child, 'first-request');
      send({ type: 'first-request' });
      const reply = await done;
      if (!reply.request) throw new Error('the server process has recorded no request');
      return reply.request;
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      send({ type: 'close' });
      await exited;
    },
  };
}
