import { readFile } from 'node:fs/promises';
import { startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { withLoopbackServer } from '@strands-cli/test-servers/vitest';
import { describe, expect } from 'vitest';
import { parse } from 'yaml';
import { filesUnder, writeSpecDocument } from './reliability-harness.js';
import {
  type HitlWorkspace,
  hitlResponder,
  hitlWorkspace,
  lastUserText,
  pausedDocument,
  repeatedRequests,
  sessionIdFromPanel,
  sessionsFixture,
} from './sessions-hitl-harness.js';

const it = withLoopbackServer(startOpenAIServer);

/** The status `strands sessions list --json` reports for session `id` of `workspace`. */
async function sessionStatus(workspace: HitlWorkspace, id: string): Promise<string | undefined> {
  const listed = await runCli(['sessions', 'list', '--json'], {
    env: { STRANDS_SESSIONS_DIR: workspace.sessionsDir },
  });
  const sessions = (JSON.parse(listed.stdout) as { sessions: Array<{ id: string; status: string }> })
    .sessions;
  return sessions.find((session) => session.id === id)?.status;
}

describe('two questions waiting at once (two parallel branches), through the built CLI', () => {
  it('the siblings finish before the pause; each resume answers one question, the second completes', async ({
    server,
  }) => {
    server.setResponder(hitlResponder);
    const workspace = await hitlWorkspace(server);
    const paused = await workspace.start('parallel-two-hitl', ['--json']);
    expect(paused.code, paused.stderr).toBe(19);
    // Both drafts and the whole branch without a question ran before the run stopped.
    expect(server.requests.map(lastUserText).sort()).toEqual([
      'left draft',
      'plain one',
      'plain two after echo: plain one',
      'right draft',
    ]);
    const first = pausedDocument(paused);
    expect(first.pending.map((item) => item.prompt)).toEqual([
      'Approve the left draft?',
      'Approve the right draft?',
    ]);
    expect(paused.stderr).toContain('Also waiting:');
    expect(await filesUnder(workspace.out)).toEqual([]);

    const again = await workspace.resume(first.sessionId, ['--hitl-response', 'left ok', '--json']);
    expect(again.code, again.stderr).toBe(19);
    const second = pausedDocument(again);
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.pending.map((item) => item.prompt)).toEqual(['Approve the right draft?']);
    expect(again.stderr).toContain('RIGHT => echo: right draft');
    // The answered branch went on as far as it could.
    expect(server.requests.map(lastUserText)).toContain('left final after left ok');
    expect(server.requests).toHaveLength(5);
    expect(await filesUnder(workspace.out)).toEqual([]);

    const done = await workspace.resume(first.sessionId, ['--hitl-response', 'right ok']);
    expect(done.code, done.stderr).toBe(0);
    expect(server.requests).toHaveLength(7);
    expect(repeatedRequests(server)).toEqual([]);
    const artifact = await workspace.artifact('two.md');
    expect(artifact).toContain('echo: left final after left ok');
    expect(artifact).toContain('echo: right final after right ok');
    expect(artifact).toContain('echo: plain two after echo: plain one');
  });
});

describe('routing review answers, through the built CLI', () => {
  it('route:<name> overrides the router', async ({ server }) => {
    server.setResponder(hitlResponder);
    const workspace = await hitlWorkspace(server);
    const paused = await workspace.start('routing-review');
    expect(paused.code, paused.stderr).toBe(19);
    const resumed = await workspace.resume(sessionIdFromPanel(paused.stderr), [
      '--hitl-response',
      'route:beta',
    ]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const artifact = await workspace.artifact('routing.md');
    expect(artifact).toContain('route=beta');
    expect(artifact).toContain('answer=echo: beta handles tea via beta');
    expect(server.requests).toHaveLength(2);
  });

  it('an invalid answer is exit 2 listing the accepted answers, and the session stays paused and resumable', async ({
    server,
  }) => {
    server.setResponder(hitlResponder);
    const workspace = await hitlWorkspace(server);
    const paused = await workspace.start('routing-review');
    const id = sessionIdFromPanel(paused.stderr);
    for (const answer of ['route:nope', 'maybe']) {
      const refused = await workspace.resume(id, ['--hitl-response', answer]);
      expect(refused.code, refused.stderr).toBe(2);
      expect(refused.stderr).toContain(`"${answer}"`);
      expect(refused.stderr).toContain('accepted answers: approved, route:alpha, route:beta');
      expect(await filesUnder(workspace.out)).toEqual([]);
      expect(await sessionStatus(workspace, id)).toBe('paused');
    }
    // The router's answer was journaled: the refused attempts asked the model nothing.
    expect(server.requests).toHaveLength(1);

    const resumed = await workspace.resume(id, ['--hitl-response', 'approved']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await workspace.artifact('routing.md')).toContain('route=alpha');
    expect(server.requests).toHaveLength(2);
    expect(repeatedRequests(server)).toEqual([]);
  });
});

describe('timeouts and missing answers, through the built CLI', () => {
  /** The chain fixture with the question's `timeout_seconds` replaced. */
  async function chainWithTimeout(seconds: number): Promise<string> {
    const document = parse(await readFile(sessionsFixture('chain-hitl'), 'utf8')) as {
      pattern: { config: { steps: Array<Record<string, unknown>> } };
    };
    const question = document.pattern.config.steps[1] as Record<string, unknown>;
    question.timeout_seconds = seconds;
    return (await writeSpecDocument(document)).spec;
  }

  it('after timeout_seconds, a resume without an answer takes the default and says so', async ({
    server,
  }) => {
    server.setResponder(hitlResponder);
    const workspace = await hitlWorkspace(server);
    const paused = await workspace.start(await chainWithTimeout(1));
    expect(paused.code, paused.stderr).toBe(19);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const resumed = await workspace.resume(sessionIdFromPanel(paused.stderr));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(
      "⚠ step 2: the time to answer ran out; using the default answer 'approved'",
    );
    expect(await workspace.artifact('chain.md')).toContain('review=approved');
    expect(server.requests).toHaveLength(2);
  });

  it('after timeout_seconds, an explicit --hitl-response still wins over the default', async ({ server }) => {
    server.setResponder(hitlResponder);
    const workspace = await hitlWorkspace(server);
    const paused = await workspace.start(await chainWithTimeout(1));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const resumed = await workspace.resume(sessionIdFromPanel(paused.stderr), [
      '--hitl-response',
      'late but mine',
    ]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).not.toContain('the time to answer ran out');
    expect(await workspace.artifact('chain.md')).toContain('review=late but mine');
  });

  it('before the timeout, a resume without an answer is exit 2 showing the question', async ({ server }) => {
    server.setResponder(hitlResponder);
    const workspace = await hitlWorkspace(server);
    const paused = await workspace.start('chain-hitl');
    const id = sessionIdFromPanel(paused.stderr);
    const refused = await workspace.resume(id);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('Approve the draft?');
    expect(refused.stderr).toContain('--hitl-response');
    expect(await filesUnder(workspace.out)).toEqual([]);
    expect(await sessionStatus(workspace, id)).toBe('paused');
    expect(server.requests).toHaveLength(1);
  });

  it('--interactive without a terminal on standard input says so and pauses', async ({ server }) => {
    server.setResponder(hitlResponder);
    const workspace = await hitlWorkspace(server);
    const paused = await workspace.start('chain-hitl', ['--interactive']);
    expect(paused.code, paused.stderr).toBe(19);
    expect(paused.stderr).toContain('--interactive needs a terminal on standard input');
    expect(paused.stderr).toContain('HUMAN INPUT REQUIRED');
  });

  it('--no-save-session on a spec with a question is exit 2 before any request', async ({ server }) => {
    server.setResponder(hitlResponder);
    const workspace = await hitlWorkspace(server);
    const refused = await workspace.start('chain-hitl', ['--no-save-session']);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('--interactive');
    expect(server.requests).toHaveLength(0);
    expect(await filesUnder(workspace.out)).toEqual([]);
    expect(await filesUnder(workspace.sessionsDir)).toEqual([]);
  });
});
