import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../io.js';

/**
 * The source of a tiny provider plugin package, `@fixtures/strands-provider-fake`: plain ESM with no imports.
 * It answers from the JSON script in FAKE_SCRIPT (strings, or {status} for a failure), else echoes.
 * It counts creates and closes in globalThis.fakeProviderStats so tests can check the pool closed it.
 */
const pluginSource = `
const stats = (globalThis.fakeProviderStats ??= { creates: 0, closes: 0, calls: 0 });
class FakeError extends Error {
  constructor(message, retryable) {
    super(message);
    this.name = 'ProviderCallError';
    // What another copy of the core's ProviderCallError carries: the shared markers of the class and its base.
    this[Symbol.for('strands-cli.error.StrandsError')] = true;
    this[Symbol.for('strands-cli.error.ProviderCallError')] = true;
    this.exitCode = 10;
    this.isRetryable = retryable;
    this.kind = retryable ? 'server' : 'auth';
    this.hint = retryable ? undefined : 'Set FAKE_KEY to a valid key.';
  }
}
export default {
  kind: 'model-provider',
  specificationVersion: 'v1',
  id: 'fake',
  version: '1.2.3',
  defaultModelId: 'fake-model',
  supportedInference: ['temperature'],
  configSchema: { safeParse: (value) => ({ success: true, data: value }), parse: (value) => value },
  credentialVariables: ['FAKE_KEY'],
  resolveSettings(request) {
    if (request.env.FAKE_KEY === 'missing') throw Object.assign(new Error('FAKE_KEY is not valid'), { [Symbol.for('strands-cli.error.StrandsError')]: true, exitCode: 10, hint: 'Set FAKE_KEY.' });
    return { host: request.host ?? 'memory', script: JSON.parse(request.env.FAKE_SCRIPT ?? '[]') };
  },
  transportKey: (settings) => settings.host,
  async create(settings) {
    stats.creates += 1;
    let call = 0;
    const answer = (request) => {
      stats.calls += 1;
      const turn = settings.script[call++];
      if (turn && typeof turn === 'object' && turn.status) throw new FakeError('HTTP ' + turn.status, turn.status >= 500);
      const last = request.messages[request.messages.length - 1];
      const text = typeof turn === 'string' ? turn : 'echo: ' + (last.content ?? '');
      return { text, toolCalls: [], finishReason: 'stop', usage: { inputTokens: 3, outputTokens: 2 } };
    };
    return {
      specificationVersion: 'v1',
      id: 'fake',
      async generate(request) { return answer(request); },
      async *stream(request) {
        const response = answer(request);
        for (const piece of response.text.split(/(?<= )/)) yield { type: 'text-delta', text: piece };
        yield { type: 'finish', response };
      },
      async close() { stats.closes += 1; },
    };
  },
  async diagnose(settings) {
    return [{ check: 'fake endpoint', ok: settings.host !== 'http://127.0.0.1:9', detail: settings.host === 'http://127.0.0.1:9' ? 'connection refused' : 'reachable' }];
  },
};
`;

/** The fake provider's counters (shared with the plugin through globalThis). */
export function fakeProviderStats(): { creates: number; closes: number; calls: number } {
  const holder = globalThis as { fakeProviderStats?: { creates: number; closes: number; calls: number } };
  holder.fakeProviderStats ??= { creates: 0, closes: 0, calls: 0 };
  return holder.fakeProviderStats;
}

/** A temporary project folder with `node_modules/@fixtures/strands-provider-fake` installed. */
export async function projectWithFakeProvider(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'strands-cli-run-'));
  const packageDirectory = join(directory, 'node_modules', '@fixtures', 'strands-provider-fake');
  await mkdir(packageDirectory, { recursive: true });
  await writeFile(
    join(packageDirectory, 'package.json'),
    JSON.stringify({
      name: '@fixtures/strands-provider-fake',
      version: '1.2.3',
      type: 'module',
      exports: './index.js',
    }),
  );
  await writeFile(join(packageDirectory, 'index.js'), pluginSource);
  return directory;
}

/**
 * A CliIO that keeps what was written. Sessions go under `cwd` (unless `env` says where), so a test
 * never writes into the real user's data folder.
 */
export function bufferIO(cwd: string, env: Record<string, string> = {}, tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: { write: (text: string) => out.push(text), isTTY: tty },
    stderr: { write: (text: string) => err.push(text), isTTY: tty },
    env: { STRANDS_SESSIONS_DIR: join(cwd, '.strands-sessions'), ...env },
    cwd,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
