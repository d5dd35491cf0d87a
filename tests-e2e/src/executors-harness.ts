import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LoopbackServer,
  type RecordedRequest,
  type ScriptedReply,
  startOllamaServer,
} from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import { withLoopbackServer } from '@strands-cli/test-servers/vitest';

/** A spec of the repository's `examples/` folder. */
export function example(name: string): string {
  return fileURLToPath(new URL(`../../examples/${name}.yaml`, import.meta.url));
}

/** A spec of `tests-e2e/fixtures/executors/`. */
export function executorFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/executors/${name}.yaml`, import.meta.url));
}

/** The executor specs use Ollama: the loopback server stands in for it through `OLLAMA_HOST`. */
export function startModelServer(): Promise<LoopbackServer> {
  return startOllamaServer();
}

/** A vitest `it` whose tests each get their own model server (`server`), closed after the test. */
export const it = withLoopbackServer(startModelServer);

/** What {@link runSpec} returns: the process, its `--json` document and the artifacts folder. */
export interface SpecRun extends CliRun {
  readonly json: JsonRunResult;
  readonly out: string;
}

/** The fields of `strands run --json` these tests read. */
export interface JsonRunResult {
  readonly ok: boolean;
  readonly exitCode?: number;
  readonly response?: string;
  readonly agentId?: string;
  readonly artifacts?: readonly string[];
  readonly counts?: {
    readonly agentsBuilt: number;
    readonly agentsReused: number;
    readonly invocations: number;
    readonly requests: number;
  };
  readonly steps?: ReadonlyArray<{
    readonly label: string;
    readonly agentId: string;
    readonly response: string;
  }>;
  readonly error?: { readonly message: string; readonly hint?: string };
}

/** Runs `strands run <spec> --json` against `server`, with artifacts in a fresh temporary folder. */
export async function runSpec(
  spec: string,
  server: LoopbackServer,
  vars: Readonly<Record<string, string>> = {},
): Promise<SpecRun> {
  const out = await mkdtemp(join(tmpdir(), 'strands-e2e-executors-'));
  const varFlags = Object.entries(vars).flatMap(([key, value]) => ['--var', `${key}=${value}`]);
  const run = await runCli(['run', spec, '--json', '--out', out, ...varFlags], {
    env: { OLLAMA_HOST: server.url },
    timeoutMs: 20_000,
  });
  return { ...run, json: JSON.parse(run.stdout) as JsonRunResult, out };
}

/** The artifacts a run wrote: file name → content. */
export async function artifactsIn(out: string): Promise<Record<string, string>> {
  const names = await readdir(out);
  const entries = await Promise.all(
    names.map(async (name) => [name, await readFile(join(out, name), 'utf8')] as const),
  );
  return Object.fromEntries(entries);
}

interface WireMessage {
  readonly role: string;
  readonly content: string;
}

/** The user message of a model request: what the step's template rendered to. */
export function userMessage(request: RecordedRequest): string {
  const messages = (request.body as { messages?: WireMessage[] }).messages ?? [];
  return messages.findLast((message) => message.role === 'user')?.content ?? '';
}

/** The system prompt of a model request (it names the agent). */
export function systemPrompt(request: RecordedRequest): string {
  const messages = (request.body as { messages?: WireMessage[] }).messages ?? [];
  return messages.find((message) => message.role === 'system')?.content ?? '';
}

/** The one recorded request whose user message starts with `prefix`. */
export function requestStartingWith(server: LoopbackServer, prefix: string): RecordedRequest {
  const found = server.requests.filter((request) => userMessage(request).startsWith(prefix));
  if (found.length !== 1)
    throw new Error(`expected one request starting with '${prefix}', got ${found.length}`);
  return found[0] as RecordedRequest;
}

/**
 * Answers by the start of the user message (the first matching prefix wins); anything else gets
 * `fallback`. Concurrent requests arrive in no fixed order, so tests script by content, not by queue.
 */
export function answerByPrefix(
  server: LoopbackServer,
  answers: ReadonlyArray<readonly [prefix: string, reply: ScriptedReply]>,
  fallback: ScriptedReply = { kind: 'text', text: 'unexpected request' },
): void {
  server.setResponder((request) => {
    const text = userMessage(request);
    return answers.find(([prefix]) => text.startsWith(prefix))?.[1] ?? fallback;
  });
}
