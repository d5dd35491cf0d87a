import { mkdtemp, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultToolLimits, type NativeToolContext } from '../native/native-tool-context.js';
import { GuardedHttpClient } from '../network/guarded-http-client.js';

/** A fresh temporary directory (real path). */
export async function temporaryDirectory(prefix = 'strands-tools-'): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}

/** A native-tool context for tests, with overrides. */
export function nativeContext(overrides: Partial<NativeToolContext> = {}): NativeToolContext {
  let client: GuardedHttpClient | undefined;
  return {
    workingDirectory: tmpdir(),
    allowFileWrite: false,
    allowCodeExec: false,
    limits: defaultToolLimits,
    now: () => new Date('2026-03-01T13:05:09.250Z'),
    httpClient: () => {
      client ??= new GuardedHttpClient({ allowPrivate: false, connectTimeoutMs: 5_000 });
      return client;
    },
    redact: (text) => text,
    ...overrides,
  };
}

/** Calls a tool with a fresh signal. */
export const signal = (): { signal: AbortSignal } => ({ signal: new AbortController().signal });
