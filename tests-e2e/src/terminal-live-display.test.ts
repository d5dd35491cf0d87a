import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoopbackServer, reply, startOpenAIServer } from '@strands-cli/test-servers';
import { strandsBin } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TerminalScreen } from './terminal-screen.js';

const columns = 40;
const branches = ['north', 'south', 'east', 'west'];

/** Four branches, two at a time, with an agent id too long for a 40-column line. */
const spec = `version: 1
name: narrow-terminal
runtime:
  provider: openai
  model_id: gpt-4o-mini
  max_parallel: 2
  failure_policy:
    retries: 0
agents:
  a_researcher_with_a_rather_long_name:
    prompt: You work on one part.
pattern:
  type: parallel
  config:
    branches:
${branches.map((id) => `      - id: ${id}\n        steps:\n          - { agent: a_researcher_with_a_rather_long_name, input: "branch ${id}" }`).join('\n')}
`;

const shellQuote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * Runs the built CLI in a real pseudo-terminal 40 columns wide (util-linux `script`) and returns
 * everything the terminal received. `interruptAfter` types Ctrl-C once that many requests arrived.
 */
async function runInTerminal(server: LoopbackServer, interruptAfter?: number): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'strands-pty-'));
  const file = join(directory, 'spec.yaml');
  await writeFile(file, spec);
  const command = `stty cols ${columns} rows 40; exec ${shellQuote(process.execPath)} ${shellQuote(strandsBin)} run ${shellQuote(file)} --out ${shellQuote(directory)} --force`;
  const child = spawn('script', ['-qfc', command, '/dev/null'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: directory,
      TERM: 'xterm',
      COLUMNS: String(columns),
      NO_COLOR: '1',
      OPENAI_API_KEY: 'sk-e2e',
      OPENAI_BASE_URL: `${server.url}/v1`,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
  });
  if (interruptAfter !== undefined) {
    const poll = setInterval(() => {
      if (server.requests.length >= interruptAfter) {
        clearInterval(poll);
        // Typed into the terminal, so the line discipline sends SIGINT as a user's Ctrl-C does.
        child.stdin.write('\u0003');
      }
    }, 20);
    child.on('exit', () => clearInterval(poll));
  }
  await new Promise((resolve) => child.on('close', resolve));
  return output;
}

const spinnerGlyph = /[\u2800-\u28ff]/u;

describe('the live display in a 40-column terminal', () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startOpenAIServer();
    server.setResponder(() => reply.text('done', { delayMs: 600 }));
  });
  afterEach(() => server.close());

  it('leaves each finished step once and no stale rows of the running block', async () => {
    const output = await runInTerminal(server);
    // The running block was drawn (and cut to fit: a wrapped copy would leave rows behind).
    expect(output).toContain('…');
    const screen = new TerminalScreen(columns);
    screen.write(output);
    const lines = screen.lines();
    for (const id of branches) {
      expect(lines.filter((line) => line.startsWith(`✓ branch '${id}'`))).toHaveLength(1);
    }
    expect(lines.filter((line) => spinnerGlyph.test(line) || line.includes('queued'))).toEqual([]);
    expect(screen.cursorVisible).toBe(true);
  });

  it('leaves a clean line and a visible cursor after Ctrl-C', async () => {
    const output = await runInTerminal(server, 2);
    const screen = new TerminalScreen(columns);
    screen.write(output);
    const lines = screen.lines();
    expect(lines.filter((line) => spinnerGlyph.test(line) || line.includes('queued'))).toEqual([]);
    // Permanent lines wrap at the last column; read them as one text.
    expect(lines.join('')).toContain('cancelled');
    expect(lines.join('')).toMatch(/Interrupted by SIGINT/);
    expect(screen.restOfCursorRow()).toBe('');
    expect(screen.cursorVisible).toBe(true);
  });
});
