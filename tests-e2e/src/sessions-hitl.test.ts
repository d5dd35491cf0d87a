import { startOpenAIServer } from '@strands-cli/test-servers';
import { withLoopbackServer } from '@strands-cli/test-servers/vitest';
import { describe, expect } from 'vitest';
import { filesUnder } from './reliability-harness.js';
import {
  hitlResponder,
  hitlWorkspace,
  pausedDocument,
  repeatedRequests,
  sessionIdFromPanel,
  topic,
} from './sessions-hitl-harness.js';

const it = withLoopbackServer(startOpenAIServer);

/** One human-in-the-loop form, and what its pause and its completed run must show. */
interface HitlForm {
  readonly name: string;
  readonly fixture: string;
  /** The step label the panel names. */
  readonly step: string;
  /** The rendered prompt and `context_display` (templates filled from earlier results). */
  readonly prompt: string;
  readonly context: string;
  /** Model calls made before the pause, and in all. */
  readonly requestsBeforePause: number;
  readonly requestsInAll: number;
  readonly answer: string;
  readonly artifact: string;
  /** What the artifact holds once the answer was given. */
  readonly artifactHas: readonly string[];
  /** A later request that must carry the answer, when there is one. */
  readonly requestHas?: string;
}

const forms: readonly HitlForm[] = [
  {
    name: 'chain type: hitl step',
    fixture: 'chain-hitl',
    step: 'step 2',
    prompt: 'Approve the draft?',
    context: `DRAFT => echo: draft about ${topic}`,
    requestsBeforePause: 1,
    requestsInAll: 2,
    answer: 'make it shorter',
    artifact: 'chain.md',
    artifactHas: [
      'review=make it shorter',
      'final=echo: revise with make it shorter (step says make it shorter)',
    ],
    requestHas: 'revise with make it shorter (step says make it shorter)',
  },
  {
    name: 'workflow hitl task with deps',
    fixture: 'workflow-hitl',
    step: 'review',
    prompt: 'Is the research good enough?',
    context: `RESEARCH => echo: research ${topic}`,
    // The independent task finished before the pause.
    requestsBeforePause: 2,
    requestsInAll: 3,
    answer: 'looks fine',
    artifact: 'workflow.md',
    artifactHas: ['review=looks fine', 'report=echo: report after review looks fine'],
    requestHas: 'report after review looks fine',
  },
  {
    name: 'parallel hitl step inside a branch',
    fixture: 'parallel-branch-hitl',
    step: 'web',
    prompt: 'Is the scraped data usable?',
    context: `SCRAPED => echo: scrape ${topic}`,
    // The branch without a question finished before the pause.
    requestsBeforePause: 2,
    requestsInAll: 4,
    answer: 'usable',
    artifact: 'parallel.md',
    artifactHas: ['web=echo: validate after usable', `docs=echo: read docs on ${topic}`],
    requestHas: 'validate after usable',
  },
  {
    name: 'parallel hitl reduce',
    fixture: 'parallel-reduce-hitl',
    step: 'reduce',
    prompt: 'Approve both analyses?',
    context: `A => echo: analyse source a about ${topic} | B => echo: analyse source b about ${topic}`,
    requestsBeforePause: 2,
    requestsInAll: 2,
    answer: 'ship it',
    artifact: 'reduce.md',
    artifactHas: ['decision=ship it', `a=echo: analyse source a about ${topic}`],
  },
  {
    name: 'routing review_router',
    fixture: 'routing-review',
    step: 'router review',
    prompt: "Keep the router's choice? Answer approved or route:<name>.",
    context: 'ROUTER CHOSE => alpha',
    requestsBeforePause: 1,
    requestsInAll: 2,
    answer: 'approved',
    artifact: 'routing.md',
    artifactHas: ['route=alpha', `answer=echo: alpha handles ${topic} via alpha`],
  },
];

describe.each(forms)('human in the loop through the built CLI: $name', (form) => {
  it('pauses with exit 19, writes no artifact and prints the question, its context and the resume command', async ({
    server,
  }) => {
    server.setResponder(hitlResponder);
    const workspace = await hitlWorkspace(server);
    const paused = await workspace.start(form.fixture);
    expect(paused.code, paused.stderr).toBe(19);
    expect(await filesUnder(workspace.out)).toEqual([]);
    expect(paused.stderr).toContain('HUMAN INPUT REQUIRED');
    expect(paused.stderr).toContain(form.step);
    expect(paused.stderr).toContain(form.prompt);
    expect(paused.stderr).toContain(form.context);
    const id = sessionIdFromPanel(paused.stderr);
    expect(paused.stderr).toContain(`strands run --resume ${id} --hitl-response "<your answer>"`);
    expect(server.requests).toHaveLength(form.requestsBeforePause);

    const resumed = await workspace.resume(id, ['--hitl-response', form.answer]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const artifact = await workspace.artifact(form.artifact);
    for (const text of form.artifactHas) expect(artifact).toContain(text);
    expect(server.requests).toHaveLength(form.requestsInAll);
    expect(repeatedRequests(server)).toEqual([]);
    if (form.requestHas !== undefined) {
      expect(server.requests.at(-1)?.rawBody ?? '').toContain(form.requestHas);
    }
  });

  it('--json prints the paused document; resuming with --json completes with the answer in the steps', async ({
    server,
  }) => {
    server.setResponder(hitlResponder);
    const workspace = await hitlWorkspace(server);
    const paused = await workspace.start(form.fixture, ['--json']);
    expect(paused.code, paused.stderr).toBe(19);
    const document = pausedDocument(paused);
    expect(document).toMatchObject({ status: 'paused', ok: false, exitCode: 19 });
    expect(document.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(document.resumeCommand).toBe(
      `strands run --resume ${document.sessionId} --hitl-response "<your answer>"`,
    );
    expect(document.pending).toHaveLength(1);
    expect(document.pending[0]).toMatchObject({ prompt: expect.stringContaining(form.prompt) });
    expect(document.pending[0]?.contextDisplay).toContain(form.context);
    expect(document.pending[0]?.pointer).toMatch(/^\/pattern\/config\//);
    expect(await filesUnder(workspace.out)).toEqual([]);

    const resumed = await workspace.resume(document.sessionId, ['--hitl-response', form.answer, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const result = JSON.parse(resumed.stdout) as { ok: boolean; artifacts?: string[] };
    expect(result.ok).toBe(true);
    expect(result.artifacts?.some((path) => path.endsWith(form.artifact))).toBe(true);
    expect(repeatedRequests(server)).toEqual([]);
  });
});
