/**
 * The command's thread when the supervisor runs it (see supervise.ts): the bundled CLI, with the
 * process's TTY facts and signals forwarded by the supervising thread.
 */
import { EventEmitter } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import type { CliIO } from '../io.js';
import type { SupervisorMessage, WorkerData, WorkerReport } from './supervise.js';

const data = workerData as WorkerData;
const port = parentPort;
if (!port) throw new Error('worker-entry.js runs only as a worker thread');

type Main = (argv: readonly string[], io?: Partial<CliIO>) => Promise<number>;
const { main } = (await import(data.bundle)) as { main: Main };

// The terminal's width as the supervisor last reported it, with its 'resize' events.
const width = { stdout: data.stdoutColumns, stderr: data.stderrColumns };
const resizes = new EventEmitter();
port.on('message', (message: SupervisorMessage) => {
  if (message.type !== 'resize') return;
  width.stdout = message.stdoutColumns;
  width.stderr = message.stderrColumns;
  resizes.emit('resize');
});
// Resizes may never come: the port must not keep the thread alive on its own.
port.unref();

/** One of the process's streams as the command sees it: its TTY facts forwarded from the supervisor. */
function terminalStream(name: 'stdout' | 'stderr', isTTY: boolean) {
  return {
    write: (text: string) => process[name].write(text),
    isTTY,
    get columns() {
      return width[name];
    },
    on: (event: 'resize', listener: () => void) => resizes.on(event, listener),
    off: (event: 'resize', listener: () => void) => resizes.off(event, listener),
  };
}

const io: Partial<CliIO> = {
  stdout: terminalStream('stdout', data.stdoutIsTTY),
  stderr: terminalStream('stderr', data.stderrIsTTY),
  onInterrupt(handler) {
    const onMessage = (message: SupervisorMessage): void => {
      if (message.type === 'signal') handler(message.signal);
    };
    port.on('message', onMessage);
    // Signals may never come: the port must not keep the thread alive on its own.
    port.unref();
    return () => {
      port.off('message', onMessage);
    };
  },
};

// A test-only way to block this thread in synchronous code, to prove signals still end the process.
if (process.env.STRANDS_TEST_BLOCK_EVENT_LOOP === '1') {
  process.stderr.write('blocking the event loop\n');
  for (;;) {
    // Spins until the supervisor ends the process.
  }
}

const code = await main(data.argv, io);
port.postMessage({ type: 'exit', code } satisfies WorkerReport);
