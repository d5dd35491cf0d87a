import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LoopbackServer,
  type RecordedRequest,
  reply,
  type ScriptedReply,
} from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import { describe, expect } from 'vitest';
import {
  artifactsIn,
  executorFixture,
  it,
  type JsonRunResult,
  runSpec,
  userMessage,
} from './executors-harness.js';
import { journalLines } from './sessions-harness.js';

const planStart = 'Break the work into independent subtasks';
const followUpStart = 'Round ';

/** Plans by the orchestrator's instruction; every worker answers `done: <task>` after `delayMs`. */
function scripted(server: LoopbackServer, plans: (text: string) => string, delayMs = 0): void {
  server.setResponder((request) => answer(request, plans, delayMs));
}

function answer(request: RecordedRequest, plans: (text: string) => string, delayMs: number): ScriptedReply {
  const text = userMessage(request);
  if (text.startsWith(planStart) || text.startsWith(followUpStart)) return reply.text(plans(text));
  if (text.startsWith('REDUCE')) return reply.text(`merged ${text.split('\n')[0]}`);
  return reply.text(`done: ${text}`, { delayMs });
}

const tasks = (...names: string[]): string => JSON.stringify(names.map((task) => ({ task })));
const workerRequests = (server: LoopbackServer): string[] =>
  server.requests.map(userMessage).filter((text) => text.startsWith('task'));

/** A folder for sessions and artifacts, and `strands run <args> --json` with it. */
async function sessionRunner(server: LoopbackServer) {
  const root = await mkdtemp(join(tmpdir(), 'strands-e2e-ow-'));
  const sessionsDir = join(root, 'sessions');
  const run = (args: readonly string[], onSpawn?: (child: ChildProcess) => void): Promise<CliRun> =>
    runCli(['run', ...args, '--json', '--out', join(root, 'out')], {
      env: { OLLAMA_HOST: server.url, STRANDS_SESSIONS_DIR: sessionsDir },
      timeoutMs: 20_000,
      ...(onSpawn ? { onSpawn } : {}),
    });
  return { root, sessionsDir, run };
}

describe('the orchestrator_workers executor, through the built CLI', () => {
  it('an empty plan runs no worker; reduce sees zero workers', async ({ server }) => {
    scripted(server, () => '[]');
    const run = await runSpec(executorFixture('orchestrator-bounded'), server);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.response).toBe('merged REDUCE 0 results on tea:');
    expect(server.requests).toHaveLength(2);
    expect((await artifactsIn(run.out))['summary.md']).toBe(
      '0 workers in 1 round(s): merged REDUCE 0 results on tea:',
    );
  });

  it('runs five tasks with never more than max_workers (2) in flight, and builds the worker once', async ({
    server,
  }) => {
    scripted(server, () => tasks('task a', 'task b', 'task c', 'task d', 'task e'), 50);
    const run = await runSpec(executorFixture('orchestrator-bounded'), server);
    expect(run.code, run.stderr).toBe(0);
    expect(workerRequests(server).sort()).toEqual(['task a', 'task b', 'task c', 'task d', 'task e']);
    expect(server.stats().maxInFlight).toBeLessThanOrEqual(2);
    expect(run.json.response).toBe('merged REDUCE 5 results on tea:');
    // planner, worker and reducer: the five workers share one built agent.
    expect(run.json.counts).toMatchObject({ agentsBuilt: 3, invocations: 7 });
  });

  it('runs a second round from the results, and stops at an empty plan', async ({ server }) => {
    scripted(server, (text) =>
      text.startsWith(planStart)
        ? tasks('task one')
        : text.includes('done: task one') && !text.includes('done: task two')
          ? tasks('task two')
          : '[]',
    );
    const run = await runSpec(executorFixture('orchestrator-rounds'), server);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.response).toBe('Worker 1: done: task one\n\nWorker 2: done: task two');
    const followUps = server.requests.map(userMessage).filter((text) => text.startsWith(followUpStart));
    expect(followUps).toHaveLength(2);
    expect(followUps[0]).toContain('You may add at most 2 more task(s).');
  });

  it('recovers a malformed plan with a clarification retry', async ({ server }) => {
    let planned = 0;
    scripted(server, () =>
      planned++ === 0 ? 'I would split it in two.' : `Sure:\n\`\`\`json\n${tasks('task x')}\n\`\`\``,
    );
    const run = await runSpec(executorFixture('orchestrator-bounded'), server);
    expect(run.code, run.stderr).toBe(0);
    expect(userMessage(server.requests[1] as RecordedRequest)).toContain(
      'Your previous response was not a valid JSON array',
    );
    expect(run.json.response).toBe('merged REDUCE 1 results on tea:');
  });

  it('fails with exit 10 and every answer after three malformed plans', async ({ server }) => {
    scripted(server, () => 'no idea');
    const run = await runSpec(executorFixture('orchestrator-bounded'), server);
    expect(run.code).toBe(10);
    expect(run.json.error?.message).toMatch(/did not return a JSON task list after 3 attempts/);
    expect(server.requests).toHaveLength(3);
  });

  it('pauses for the decomposition review (exit 19), then resumes with the answer', async ({ server }) => {
    scripted(server, () => tasks('task p', 'task q'));
    const runner = await sessionRunner(server);
    const paused = await runner.run([executorFixture('orchestrator-review')]);
    expect(paused.code, paused.stderr).toBe(19);
    const document = JSON.parse(paused.stdout) as {
      sessionId: string;
      pending: Array<{ contextDisplay?: string }>;
    };
    expect(document.pending[0]?.contextDisplay).toBe('2 tasks: task p; task q; ');
    expect(workerRequests(server)).toEqual([]);
    const resumed = await runner.run(['--resume', document.sessionId, '--hitl-response', 'approve']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const json = JSON.parse(resumed.stdout) as JsonRunResult;
    expect(json.response).toBe('merged REDUCE (approve): done: task p; done: task q; ');
    // The plan was journaled: the resumed run did not ask the orchestrator again.
    expect(server.requests.map(userMessage).filter((text) => text.startsWith(planStart))).toHaveLength(1);
  });

  it('killed with -9 while workers run, the resume repeats no completed worker', async ({ server }) => {
    const runner = await sessionRunner(server);
    let child: ChildProcess | undefined;
    let answered = 0;
    let killing = false;
    server.setResponder((request) => {
      const text = userMessage(request);
      if (text.startsWith(planStart)) return reply.text(tasks('task 1', 'task 2', 'task 3', 'task 4'));
      if (text === 'task 1' || text === 'task 2') {
        answered += 1;
        return reply.text(`done: ${text}`);
      }
      if (!killing) {
        killing = true;
        void (async () => {
          // Killed once the plan and both answered workers are on disk.
          for (;;) {
            const [id] = await readdir(runner.sessionsDir).catch(() => [] as string[]);
            if (
              child?.exitCode !== null ||
              (id && answered === 2 && (await journalLines(runner.sessionsDir, id)) >= 3)
            )
              break;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          child?.kill('SIGKILL');
        })();
      }
      return reply.stall();
    });
    const killed = await runner.run([executorFixture('orchestrator-bounded')], (spawned) => {
      child = spawned;
    });
    expect(killed.signal).toBe('SIGKILL');
    const first = server.requests.length;
    const [id] = await readdir(runner.sessionsDir);
    scripted(server, () => tasks('never asked again'));
    const resumed = await runner.run(['--resume', id as string]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const again = server.requests.slice(first).map(userMessage);
    expect(
      again.filter((text) => text === 'task 1' || text === 'task 2' || text.startsWith(planStart)),
    ).toEqual([]);
    expect(again.filter((text) => text === 'task 3' || text === 'task 4').sort()).toEqual([
      'task 3',
      'task 4',
    ]);
    expect((JSON.parse(resumed.stdout) as JsonRunResult).response).toBe('merged REDUCE 4 results on tea:');
  });

  it('the `strands init --pattern orchestrator_workers` starter validates and runs', async ({ server }) => {
    const runner = await sessionRunner(server);
    const init = await runCli(['init', 'flow.yaml', '--pattern', 'orchestrator_workers'], {
      cwd: runner.root,
    });
    expect(init.code, init.stderr).toBe(0);
    const spec = join(runner.root, 'flow.yaml');
    const validate = await runCli(['validate', spec], { cwd: runner.root });
    expect(validate.code, validate.stderr).toBe(0);
    scripted(server, () => tasks('task origins', 'task racing'));
    const run = await runner.run([spec, '--no-save-session']);
    expect(run.code, run.stderr).toBe(0);
    const writeup = server.requests.map(userMessage).find((text) => text.startsWith('Write a short report'));
    expect(writeup).toContain('## task origins\ndone: task origins');
    expect((JSON.parse(run.stdout) as JsonRunResult).response).toBe(`done: ${writeup}`);
  });

  it('validate refuses a review template that reads workers, with its location', async ({ server }) => {
    const runner = await sessionRunner(server);
    const spec = join(runner.root, 'early-workers.yaml');
    const fixture = await readFile(executorFixture('orchestrator-review'), 'utf8');
    await writeFile(
      spec,
      fixture.replace(/context_display: .*/, 'context_display: "{{ workers[0].response }}"'),
    );
    const validate = await runCli(['validate', spec], { cwd: runner.root });
    expect(validate.code).toBe(3);
    expect(validate.stderr).toContain(
      'early-workers.yaml:22:28 /pattern/config/decomposition_review/context_display: template: `workers` is not available here',
    );
    expect(server.requests).toHaveLength(0);
  });
});
