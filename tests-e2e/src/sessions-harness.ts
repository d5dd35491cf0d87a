import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LoopbackServer,
  type RecordedRequest,
  reply,
  type ScriptedReply,
  startOpenAIServer,
} from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import { filesUnder } from './reliability-harness.js';

/** The four patterns the sessions suite runs, by fixture name under `tests-e2e/fixtures/sessions/`. */
export const sessionPatterns = ['chain', 'workflow', 'parallel', 'routing'] as const;

/** One of {@link sessionPatterns}. */
export type SessionPattern = (typeof sessionPatterns)[number];

/** The path of a fixture under `tests-e2e/fixtures/sessions/`. */
export function sessionsFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/sessions/${name}.yaml`, import.meta.url));
}

/** The text of the last user message of an OpenAI chat request: unique per step in these fixtures. */
export function requestKey(request: RecordedRequest): string {
  const messages = (request.body as { messages?: Array<{ role?: string; content?: unknown }> } | undefined)
    ?.messages;
  const last = messages?.filter((message) => message.role === 'user').at(-1);
  const content = last?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((block: { text?: string }) => block.text ?? '').join('');
  return '';
}

/**
 * The answer a well-behaved model gives in this suite, computed from the request alone so that every
 * run of a spec gets the same text: a digest of the step's input followed by the input itself (so a
 * later step's answer carries every answer it was built from); a router gets `{"route": "deep"}` with
 * its input as `echo`.
 */
export function deterministicAnswer(request: RecordedRequest): ScriptedReply {
  const key = requestKey(request);
  if (key.includes('{"route"')) return reply.text(JSON.stringify({ route: 'deep', echo: key }));
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return reply.text(`r${digest} <${key}>`);
}

const scenarioDirs: string[] = [];

/** Deletes the folders of every scenario made so far (call it in `afterAll`). */
export async function removeScenarios(): Promise<void> {
  const dirs = scenarioDirs.splice(0);
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A folder of one scenario: the spec copied in, its own sessions folder, and its environment. */
export interface SessionsScenario {
  readonly dir: string;
  readonly spec: string;
  readonly sessionsDir: string;
  readonly server: LoopbackServer;
  /** Runs the built CLI in `dir` against the server, with this scenario's sessions folder. */
  run(
    args: readonly string[],
    options?: { readonly onSpawn?: (child: ChildProcess) => void },
  ): Promise<CliRun>;
}

/**
 * Copies fixture `name` into a fresh folder (as `<name>.yaml`) and returns the scenario that runs it
 * against `server` with a sessions folder of its own, so no test sees another's sessions.
 */
export async function sessionsScenario(name: string, server: LoopbackServer): Promise<SessionsScenario> {
  const dir = await mkdtemp(join(tmpdir(), 'strands-e2e-resume-'));
  scenarioDirs.push(dir);
  const spec = join(dir, `${name}.yaml`);
  await copyFile(sessionsFixture(name), spec);
  const sessionsDir = join(dir, 'sessions');
  const env = {
    OPENAI_API_KEY: 'sk-e2e',
    OPENAI_BASE_URL: `${server.url}/v1`,
    STRANDS_SESSIONS_DIR: sessionsDir,
  };
  return {
    dir,
    spec,
    sessionsDir,
    server,
    run: (args, options = {}) =>
      runCli(args, {
        cwd: dir,
        env,
        timeoutMs: 30_000,
        ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
      }),
  };
}

/** Starts an OpenAI loopback server that answers with {@link deterministicAnswer}. */
export function startDeterministicServer(): Promise<LoopbackServer> {
  return startOpenAIServer({ responder: deterministicAnswer });
}

/** Every file under `dir` with its bytes (as UTF-8), by relative path. */
export async function readArtifacts(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const file of await filesUnder(dir)) files[file] = await readFile(join(dir, file), 'utf8');
  return files;
}

/** A session as `strands sessions list --json` and `show --json` print it. */
export interface ListedSession {
  readonly id: string;
  readonly status: string;
  readonly workflow?: string;
  readonly name?: string;
}

/** The sessions of a scenario, newest first, through `strands sessions list --json`. */
export async function listSessions(scenario: SessionsScenario): Promise<ListedSession[]> {
  const listed = await scenario.run(['sessions', 'list', '--json']);
  if (listed.code !== 0) throw new Error(`sessions list failed: ${listed.stderr}`);
  return (JSON.parse(listed.stdout) as { sessions: ListedSession[] }).sessions;
}

/**
 * The only session of a scenario as its `session.json` stores it, read without starting a CLI process
 * (fails the test when there is not exactly one).
 */
export async function onlySession(scenario: SessionsScenario): Promise<ListedSession> {
  const ids = await readdir(scenario.sessionsDir).catch(() => []);
  if (ids.length !== 1) throw new Error(`expected one session, found ${ids.length}`);
  const text = await readFile(join(scenario.sessionsDir, ids[0] as string, 'session.json'), 'utf8');
  return JSON.parse(text) as ListedSession;
}

/** The number of complete lines of a session's journal (0 before the first entry). */
export async function journalLines(sessionsDir: string, sessionId: string): Promise<number> {
  const text = await readFile(join(sessionsDir, sessionId, 'journal.jsonl'), 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.trim() !== '').length;
}

/**
 * The request keys whose answers a session's journal holds, read back from the answers themselves
 * (a {@link deterministicAnswer} ends with `<key>`, or echoes it in its JSON): what a resume must not
 * ask for again. `[]` before the first entry.
 */
export async function journaledKeys(sessionsDir: string, sessionId: string): Promise<string[]> {
  const text = await readFile(join(sessionsDir, sessionId, 'journal.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { result: { response: { text: string } } }).result.response.text)
    .map((answer) =>
      answer.startsWith('{')
        ? (JSON.parse(answer) as { echo: string }).echo
        : answer.slice(answer.indexOf('<') + 1, -1),
    );
}

/** A small seeded PRNG (mulberry32): the same seed picks the same kill positions on every run. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct positions in `1..max` drawn from `random`, in ascending order. */
export function pickPositions(random: () => number, max: number, count: number): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, max)) picked.add(1 + Math.floor(random() * max));
  return [...picked].sort((left, right) => left - right);
}
