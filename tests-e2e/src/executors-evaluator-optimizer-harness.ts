import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LoopbackServer,
  type RecordedRequest,
  reply,
  type ScriptedReply,
} from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import { userMessage } from './executors-harness.js';

/** The evaluator's answer for a draft, by the draft's name (`DRAFT-1`, `DRAFT-2`, ...). */
export type Verdicts = Readonly<Record<string, string | readonly string[]>>;

/** A verdict as the evaluator writes it. */
export function verdict(score: number, issue = 'too short'): string {
  return JSON.stringify({ score, issues: [issue], fixes: ['expand'] });
}

/**
 * The model of these fixtures: the producer's first request gets `DRAFT-1`, a revision made at
 * iteration N gets `DRAFT-<N+1>`, and the evaluator answers from `verdicts` by the draft it scores
 * (a list is answered in turn, for a clarification retry).
 */
export function essayModel(verdicts: Verdicts): (request: RecordedRequest) => ScriptedReply {
  const queues = new Map(Object.entries(verdicts).map(([draft, answers]) => [draft, [answers].flat()]));
  return (request) => {
    const text = userMessage(request);
    if (text.startsWith('Write a short essay')) return reply.text('DRAFT-1');
    const revision = /^Revise \(iteration (\d+)/.exec(text);
    if (revision) return reply.text(`DRAFT-${Number(revision[1]) + 1}`);
    const draft = /DRAFT-\d+/.exec(text)?.[0] ?? '';
    const queue = queues.get(draft) ?? [];
    return reply.text((queue.length > 1 ? queue.shift() : queue[0]) ?? 'no verdict scripted');
  };
}

/** The user messages the server received, in order. */
export function sentMessages(server: LoopbackServer): string[] {
  return server.requests.map(userMessage);
}

/** A folder with its own sessions and output folders; `run` runs the built CLI in it. */
export interface Workspace {
  readonly dir: string;
  readonly sessionsDir: string;
  run(args: readonly string[], onSpawn?: (child: ChildProcess) => void): Promise<CliRun>;
  /** The id of the only session. */
  sessionId(): Promise<string>;
}

/** Makes a {@link Workspace} whose runs talk to `server` as their Ollama host. */
export async function workspace(server: LoopbackServer): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'strands-e2e-evopt-'));
  const sessionsDir = join(dir, 'sessions');
  return {
    dir,
    sessionsDir,
    run: (args, onSpawn) =>
      runCli(args, {
        cwd: dir,
        env: { OLLAMA_HOST: server.url, STRANDS_SESSIONS_DIR: sessionsDir },
        timeoutMs: 30_000,
        ...(onSpawn ? { onSpawn } : {}),
      }),
    sessionId: async () => {
      const [id] = await readdir(sessionsDir);
      if (id === undefined) throw new Error('no session was saved');
      return id;
    },
  };
}
