import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoopbackServer, startOpenAIServer } from '@strands-cli/test-servers';
import { strandsBin } from '@strands-cli/test-servers/cli-process';
import { withLoopbackServer } from '@strands-cli/test-servers/vitest';
import { describe, expect } from 'vitest';
import { filesUnder } from './reliability-harness.js';
import { hitlResponder, sessionsFixture, topic } from './sessions-hitl-harness.js';

const it = withLoopbackServer(startOpenAIServer);

const shellQuote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;

/** What a run in a pseudo-terminal left: its exit code, what the terminal showed, its folders. */
interface TerminalRun {
  readonly code: number | null;
  readonly output: string;
  readonly out: string;
  readonly sessionsDir: string;
}

/**
 * Runs `strands run <fixture> --interactive` in a real pseudo-terminal (util-linux `script`, so
 * standard input is a TTY) and types each of `answers` once the terminal shows one more
 * `Your answer` prompt than it had answers typed.
 */
async function runInTerminal(
  server: LoopbackServer,
  fixture: string,
  answers: readonly string[],
): Promise<TerminalRun> {
  const root = await mkdtemp(join(tmpdir(), 'strands-e2e-interactive-'));
  const out = join(root, 'out');
  const sessionsDir = join(root, 'sessions');
  const command = [
    process.execPath,
    strandsBin,
    'run',
    sessionsFixture(fixture),
    '--out',
    out,
    '--var',
    `topic=${topic}`,
    '--interactive',
  ]
    .map(shellQuote)
    .join(' ');
  const child = spawn('script', ['-qefc', command, '/dev/null'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: root,
      TERM: 'dumb',
      NO_COLOR: '1',
      OPENAI_API_KEY: 'sk-e2e',
      OPENAI_BASE_URL: `${server.url}/v1`,
      STRANDS_SESSIONS_DIR: sessionsDir,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let typed = 0;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
    const asked = output.split('Your answer').length - 1;
    if (asked > typed && typed < answers.length) {
      child.stdin.write(`${answers[typed]}\r`);
      typed += 1;
    }
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(killer);
  return { code, output, out, sessionsDir };
}

describe('--interactive in a real terminal (through the built CLI)', () => {
  it('asks the question in the terminal and completes without pausing; the artifact has the answer', async ({
    server,
  }) => {
    server.setResponder(hitlResponder);
    const run = await runInTerminal(server, 'chain-hitl', ['tighten the intro']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Approve the draft?');
    expect(run.output).toContain(`DRAFT => echo: draft about ${topic}`);
    expect(run.output).not.toContain('HUMAN INPUT REQUIRED');
    expect(run.output).not.toContain('needs a terminal');
    const artifact = await readFile(join(run.out, 'chain.md'), 'utf8');
    expect(artifact).toContain('review=tighten the intro');
    expect(artifact).toContain('final=echo: revise with tighten the intro');
    expect(server.requests).toHaveLength(2);
  });

  it('asks a routing review again after an invalid answer, then follows the accepted one', async ({
    server,
  }) => {
    server.setResponder(hitlResponder);
    const run = await runInTerminal(server, 'routing-review', ['maybe', 'route:beta']);
    expect(run.code, run.output).toBe(0);
    expect(run.output.split('Your answer').length - 1).toBe(2);
    expect(run.output).toContain('accepted answers: approved, route:alpha, route:beta');
    expect(await filesUnder(run.out)).toEqual(['routing.md']);
    const artifact = await readFile(join(run.out, 'routing.md'), 'utf8');
    expect(artifact).toContain('route=beta');
    expect(artifact).toContain(`answer=echo: beta handles ${topic} via beta`);
    expect(server.requests).toHaveLength(2);
  });
});
