import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedRequest, reply, startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { withLoopbackServer } from '@strands-cli/test-servers/vitest';
import { describe, expect } from 'vitest';

const it = withLoopbackServer(() => startOpenAIServer());

interface ChatBody {
  readonly messages: ReadonlyArray<{ readonly role: string; readonly content?: unknown }>;
  readonly model: string;
}

function body(request: RecordedRequest): ChatBody {
  return request.body as ChatBody;
}

function systemOf(request: RecordedRequest): string {
  return String(body(request).messages.find((message) => message.role === 'system')?.content ?? '');
}

function lastUser(request: RecordedRequest): string {
  return String(body(request).messages.findLast((message) => message.role === 'user')?.content ?? '');
}

/** A three-step chain whose agents keep notes in `artifacts/notes.md`. */
const notesSpec = `version: 0
name: notes-chain
runtime: { provider: openai, model_id: gpt-4o-mini }
context_policy:
  notes: { file: artifacts/notes.md, include_last: 1 }
agents:
  researcher: { prompt: You research. }
  writer: { prompt: You write. }
pattern:
  type: chain
  config:
    steps:
      - { agent: researcher, input: "Research heat pumps" }
      - { agent: writer, input: "Draft from {{ steps[0].response }}" }
      - { agent: writer, input: "Polish {{ steps[1].response }}" }
`;

async function scenario(spec: string, url: string) {
  const dir = await mkdtemp(join(tmpdir(), 'strands-e2e-context-'));
  await writeFile(join(dir, 'spec.yaml'), spec);
  const env = {
    OPENAI_API_KEY: 'sk-e2e',
    OPENAI_BASE_URL: `${url}/v1`,
    STRANDS_SESSIONS_DIR: join(dir, 'sessions'),
  };
  const run = (args: readonly string[], onSpawn?: (child: ChildProcess) => void) =>
    runCli(args, { cwd: dir, env, timeoutMs: 30_000, ...(onSpawn ? { onSpawn } : {}) });
  return { dir, run, notes: () => readFile(join(dir, 'artifacts/notes.md'), 'utf8') };
}

const answer = (request: RecordedRequest) => reply.text(`ANSWER(${lastUser(request).slice(0, 24)})`);

describe('context_policy.notes (built CLI)', () => {
  it('writes a note per step and shows earlier notes in later system prompts', async ({ server }) => {
    server.setResponder(answer);
    const { run, notes } = await scenario(notesSpec, server.url);
    const result = await run(['run', 'spec.yaml', '--force']);
    expect(result.code, result.stderr).toBe(0);
    const file = await notes();
    expect(file.match(/^## \[/gm)).toHaveLength(3);
    expect(file).toMatch(
      /## \[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\] — Agent: researcher \(step 1\)\n- \*\*Input\*\*: Research heat pumps\n- \*\*Tools used\*\*: None\n- \*\*Outcome\*\*: ANSWER\(Research heat pumps\)/,
    );
    expect(systemOf(server.requests[0]!)).not.toContain('# Previous Workflow Steps');
    expect(systemOf(server.requests[1]!)).toContain('# Previous Workflow Steps');
    expect(systemOf(server.requests[1]!)).toContain('Agent: researcher (step 1)');
    // include_last: 1 keeps only the latest note.
    expect(systemOf(server.requests[2]!)).not.toContain('Agent: researcher');
    expect(systemOf(server.requests[2]!)).toContain('Agent: writer (step 2)');
  });

  it('does not duplicate notes when a killed run is resumed', async ({ server }) => {
    const { dir, run, notes } = await scenario(notesSpec, server.url);
    let child: ChildProcess | undefined;
    server.setResponder((request) => {
      if (request.index < 2) return answer(request);
      // The third step waits; the run is killed once the two earlier notes are in the file.
      void (async () => {
        for (let tries = 0; tries < 500; tries += 1) {
          const text = await notes().catch(() => '');
          if ((text.match(/^## \[/gm) ?? []).length >= 2) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        child?.kill('SIGKILL');
      })();
      return reply.stall();
    });
    const killed = await run(['run', 'spec.yaml', '--force'], (spawned) => {
      child = spawned;
    });
    expect(killed.signal).toBe('SIGKILL');
    const [id] = await readdir(join(dir, 'sessions'));
    server.setResponder(answer);
    const before = server.requests.length;
    const resumed = await run(['run', '--resume', id as string]);
    expect(resumed.code, resumed.stderr).toBe(0);
    // Steps 1 and 2 answer from the journal: their notes rebuild the same prompt for step 3.
    expect(server.requests.slice(before).map(lastUser)).toEqual([expect.stringMatching(/^Polish /)]);
    expect(systemOf(server.requests.at(-1)!)).toContain('Agent: writer (step 2)');
    const file = await notes();
    expect(file.match(/— Agent: researcher \(step 1\)/g)).toHaveLength(1);
    expect(file.match(/— Agent: writer \(step 2\)/g)).toHaveLength(1);
    expect(file.match(/— Agent: writer \(step 3\)/g)).toHaveLength(1);
  });
  it('refuses a notes file outside the working directory before any model call', async ({ server }) => {
    const { run } = await scenario(
      notesSpec.replace('artifacts/notes.md', '../escaped-notes.md'),
      server.url,
    );
    const result = await run(['run', 'spec.yaml', '--force']);
    expect(result.code).toBe(10);
    expect(result.stderr).toContain("context_policy.notes.file '../escaped-notes.md' is refused");
    expect(server.requests).toHaveLength(0);
  });
});

/** One agent with a tool; compaction past 1000 tokens, summaries by a smaller model. */
const compactionSpec = `version: 0
name: compaction-loop
runtime: { provider: openai, model_id: gpt-4o }
context_policy:
  compaction: { enabled: true, when_tokens_over: 1000, summary_ratio: 0.5, preserve_recent_messages: 2, summarization_model: gpt-4o-mini }
agents:
  counter: { prompt: You count., tools: [calculator] }
pattern:
  type: chain
  config:
    steps:
      - { agent: counter, input: "ORIGINAL TASK: add numbers" }
`;

describe('context_policy.compaction (built CLI)', () => {
  it('summarises older messages once, and later turns carry the summary instead', async ({ server }) => {
    let turns = 0;
    server.setResponder((request) => {
      if (body(request).model === 'gpt-4o-mini') return reply.text('SUMMARY OF EARLIER WORK');
      turns += 1;
      if (turns > 3) return reply.text('total is 6');
      const prompt = 200 * body(request).messages.length;
      return reply.toolCalls([{ name: 'calculator', input: { expression: `${turns}+1` } }], {
        usage: { input: prompt, output: 10 },
      });
    });
    const { run } = await scenario(compactionSpec, server.url);
    const result = await run(['run', 'spec.yaml', '--force', '-v']);
    expect(result.code, result.stderr).toBe(0);
    const summaries = server.requests.filter((request) => body(request).model === 'gpt-4o-mini');
    expect(summaries).toHaveLength(1);
    expect(lastUser(summaries[0]!)).toContain('ORIGINAL TASK: add numbers');
    const final = server.requests.at(-1)!;
    const contents = body(final).messages.map((message) => String(message.content ?? ''));
    expect(contents.some((content) => content.includes('SUMMARY OF EARLIER WORK'))).toBe(true);
    expect(contents.some((content) => content.includes('ORIGINAL TASK'))).toBe(false);
    expect(result.stderr).toMatch(/summarised \d+ messages with gpt-4o-mini/);
  });
});
