import { runWorkflow, type WorkflowSpec } from '@strands-cli/core';
import { createMockProviderPlugin } from '@strands-cli/core/testing';
import chainExecutor from '@strands-cli/executor-chain';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../io.js';
import { createStyle } from '../progress/format.js';
import { createPlainProgress } from '../progress/plain-progress.js';
import { redactingIO, routeConsoleTo } from './redacting-io.js';

function memoryIO(env: Record<string, string>): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    env,
    cwd: '/',
    stdout: { write: (text: string) => out.push(text), isTTY: true },
    stderr: { write: (text: string) => err.push(text) },
  };
}

describe('redactingIO', () => {
  it('redacts credential-named variables from the start, and the spec secrets once loaded', () => {
    const terminal = memoryIO({ OPENAI_API_KEY: 'sk-abcdef123456', MY_TOKEN_VALUE: 'plain-value-999' });
    const guarded = redactingIO(terminal);
    guarded.io.stdout.write('key sk-abcdef123456, value plain-value-999\n');
    guarded.useSpec({
      env: { secrets: [{ source: 'env', key: 'MY_TOKEN_VALUE' }] },
    } as unknown as WorkflowSpec);
    guarded.io.stderr.write('value plain-value-999\n');
    // MY_TOKEN_VALUE matches *TOKEN* too: redacted both times.
    expect(terminal.out).toEqual(['key [REDACTED], value [REDACTED]\n']);
    expect(terminal.err).toEqual(['value [REDACTED]\n']);
    expect(guarded.io.stdout.isTTY).toBe(true);
  });

  it('adds a declared secret whose variable name does not look like a credential', () => {
    const terminal = memoryIO({ WEATHER: 'sunny-with-clouds' });
    const guarded = redactingIO(terminal);
    guarded.useSpec({ env: { secrets: [{ source: 'env', key: 'WEATHER' }] } } as unknown as WorkflowSpec);
    guarded.io.stderr.write('it is sunny-with-clouds');
    expect(terminal.err).toEqual(['it is [REDACTED]']);
  });
});

describe('redactingIO with streamed text (--stream)', () => {
  // What `strands run --stream` composes: the run's events (redacted by the runtime, piece by piece)
  // printed by the progress display on the redacting stderr.
  it('hides a secret that the model stream splits across pieces, and loses no other text', async () => {
    const secret = 'sk-abcdef123456';
    const terminal = memoryIO({ OPENAI_API_KEY: secret });
    const guarded = redactingIO(terminal);
    const progress = createPlainProgress(guarded.io.stderr, createStyle(false), false);
    const pieces = ['The key is sk-ab', 'cdef12', '3456, and s', 'k-abc is not it. Bye s'];
    const mock = createMockProviderPlugin({ responses: [{ text: pieces.join(''), chunks: pieces }] });
    await runWorkflow(
      {
        version: 1,
        name: 'stream-secret',
        runtime: { provider: 'mock', model_id: 'mock-model' },
        agents: { writer: { prompt: 'You write.' } },
        pattern: { type: 'chain', config: { steps: [{ agent: 'writer', input: 'Go.' }] } },
      } as unknown as WorkflowSpec,
      {
        providers: { mock },
        executors: { chain: chainExecutor as never },
        env: guarded.io.env,
        stream: true,
        onEvent: (event) => progress.onEvent(event),
      },
    );
    progress.stop();
    const shown = terminal.err.join('');
    expect(shown).not.toMatch(/abcdef|cdef12|123456/);
    expect(shown).toContain('The key is [REDACTED], and sk-abc is not it. Bye s\n');
  });
});

describe('routeConsoleTo', () => {
  it('sends console output to stderr while a run lasts, then restores the console', () => {
    const terminal = memoryIO({});
    const original = console.log;
    const restore = routeConsoleTo(terminal.stderr);
    console.log('invalid json: %s', '{');
    console.warn('careful');
    restore();
    expect(terminal.err).toEqual(['invalid json: {\n', 'careful\n']);
    expect(console.log).toBe(original);
  });
});
