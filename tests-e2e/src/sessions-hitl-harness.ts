import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  echoLastUserMessage,
  type LoopbackServer,
  type RecordedRequest,
  type ScriptedReply,
} from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';

/** The path of a fixture under `tests-e2e/fixtures/sessions/`. */
export function sessionsFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/sessions/${name}.yaml`, import.meta.url));
}

/** The `--json` document of a paused run. */
export interface PausedDocument {
  readonly status: 'paused';
  readonly ok: false;
  readonly exitCode: 19;
  readonly sessionId: string;
  readonly resumeCommand: string;
  readonly pending: ReadonlyArray<{
    readonly step: string;
    readonly pointer: string;
    readonly prompt: string;
    readonly contextDisplay?: string;
    readonly default?: string;
    readonly askedAt?: string;
    readonly timeoutAt?: string;
  }>;
}

/**
 * One user's workspace for a HITL run: its own sessions folder (so `sessions list` and resumes see
 * only this test's sessions), an output folder and the model server's OpenAI endpoint.
 */
export interface HitlWorkspace {
  readonly sessionsDir: string;
  readonly out: string;
  /** `strands run <args>` with this workspace's environment. */
  run(args: readonly string[], options?: { readonly timeoutMs?: number }): Promise<CliRun>;
  /** `strands run <fixture> --out <out> --var topic=<topic> <flags>` (a fixture name, or a spec's absolute path). */
  start(fixture: string, flags?: readonly string[]): Promise<CliRun>;
  /** `strands run --resume <id> <flags>`. */
  resume(sessionId: string, flags?: readonly string[]): Promise<CliRun>;
  /** The text of artifact `name` in the output folder. */
  artifact(name: string): Promise<string>;
}

/** The value of `--var topic=...` every run of these fixtures gets. */
export const topic = 'tea';

/** Makes a fresh {@link HitlWorkspace} whose runs talk to `server`. */
export async function hitlWorkspace(server: LoopbackServer): Promise<HitlWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'strands-e2e-hitl-'));
  const sessionsDir = join(root, 'sessions');
  const out = join(root, 'out');
  const env = {
    OPENAI_API_KEY: 'sk-e2e',
    OPENAI_BASE_URL: `${server.url}/v1`,
    STRANDS_SESSIONS_DIR: sessionsDir,
  };
  const run: HitlWorkspace['run'] = (args, options = {}) =>
    runCli(['run', ...args], { cwd: root, env, timeoutMs: options.timeoutMs ?? 20_000 });
  return {
    sessionsDir,
    out,
    run,
    start: (fixture, flags = []) =>
      run([
        isAbsolute(fixture) ? fixture : sessionsFixture(fixture),
        '--out',
        out,
        '--var',
        `topic=${topic}`,
        ...flags,
      ]),
    resume: (sessionId, flags = []) => run(['--resume', sessionId, ...flags]),
    artifact: (name) => readFile(join(out, name), 'utf8'),
  };
}

/** The session id of the resume command a paused run printed on stderr. */
export function sessionIdFromPanel(stderr: string): string {
  const match = /strands run --resume (\S+) --hitl-response/.exec(stderr);
  if (!match?.[1]) throw new Error(`No resume command in:\n${stderr}`);
  return match[1];
}

/** Parses the `--json` document a paused run printed on stdout. */
export function pausedDocument(run: CliRun): PausedDocument {
  return JSON.parse(run.stdout) as PausedDocument;
}

/**
 * The responder of these tests: the routing fixture's classifier picks `alpha` (as JSON, the way a
 * router answers); everything else is echoed, so each request's text shows up in the artifacts.
 */
export function hitlResponder(request: RecordedRequest): ScriptedReply {
  if (request.rawBody.includes('You classify inquiries')) {
    return { kind: 'text', text: '{"route": "alpha", "reasoning": "looks like alpha"}' };
  }
  return echoLastUserMessage(request);
}

/** The request bodies the server received more than once (a resume must not repeat a completed call). */
export function repeatedRequests(server: LoopbackServer): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const request of server.requests) {
    const key = lastUserText(request);
    if (seen.has(key)) repeated.push(key);
    seen.add(key);
  }
  return repeated;
}

/** The last message of a request, which tells the fixtures' calls apart. */
export function lastUserText(request: RecordedRequest): string {
  const messages = (request.body as { messages?: Array<{ content?: unknown }> } | undefined)?.messages ?? [];
  const content = messages.at(-1)?.content;
  return typeof content === 'string' ? content : JSON.stringify(content);
}
