import { mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenAIServer, reply, startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let model: OpenAIServer;
const directories: string[] = [];
beforeEach(async () => {
  model = await startOpenAIServer();
});
afterEach(async () => {
  await model.close();
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

const env = () => ({ OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: model.baseURL });

/** What the model server received in request `index`, as text. */
const sentToModel = (index: number) => JSON.stringify(model.requests[index]?.body ?? null);

/** A working directory holding `spec.yaml`: one agent with `tools`, one step, and `extra` top-level YAML. */
async function workspace(tools: readonly string[], extra = ''): Promise<{ directory: string; file: string }> {
  const directory = await realpath(await mkdtemp(join(tmpdir(), 'strands-local-tools-')));
  directories.push(directory);
  const file = join(directory, 'spec.yaml');
  await writeFile(
    file,
    [
      'version: 0',
      'name: local-tools',
      'runtime: { provider: openai, model_id: gpt-test }',
      extra,
      'agents:',
      `  helper: { prompt: You help., tools: [${tools.join(', ')}] }`,
      'pattern:',
      '  type: chain',
      '  config:',
      '    steps:',
      '      - agent: helper',
      '        input: Go.',
    ].join('\n'),
  );
  return { directory, file };
}

describe('spec_verify through the CLI', () => {
  it('returns a located problem for a bad spec the model sends', async () => {
    const { directory, file } = await workspace(['spec_verify']);
    const bad = [
      'version: 0',
      'name: draft',
      'runtime: { provider: openai, model_id: m }',
      'agents:',
      '  writer: { prompt: Write. }',
      'pattern:',
      '  type: chain',
      '  config:',
      '    steps:',
      '      - agent: editor',
      '        input: go',
    ].join('\n');
    model.enqueue(reply.toolCalls([{ name: 'spec_verify', input: { spec_content: bad } }]));
    const run = await runCli(['run', file], { cwd: directory, env: env() });
    expect(run.code, run.stderr).toBe(0);
    const answer = sentToModel(1);
    expect(answer).toContain('\\"valid\\": false');
    expect(answer).toContain('/pattern/config/steps/0/agent');
    expect(answer).toContain('\\"line\\": 10');
    expect(answer).toContain('unknown agent `editor`');
  });
});

describe('JIT retrieval tools through the CLI', () => {
  it('gives every agent the enabled tools, reads inside the directory, refuses outside and through a link', async () => {
    const { directory, file } = await workspace(
      [],
      'context_policy:\n  retrieval:\n    jit_tools: [grep, head, tail, search]',
    );
    await writeFile(join(directory, 'README.md'), '# Project\nline two\nline three\n');
    const outside = await realpath(await mkdtemp(join(tmpdir(), 'strands-outside-')));
    directories.push(outside);
    await writeFile(join(outside, 'secret.txt'), 'TOP-SECRET value\n');
    await symlink(join(outside, 'secret.txt'), join(directory, 'link.txt'));
    model.enqueue(
      reply.toolCalls([
        { name: 'head', input: { path: 'README.md', lines: 2 } },
        { name: 'grep', input: { pattern: 'SECRET', path: '../secret.txt' } },
        { name: 'search', input: { query: 'SECRET', path: 'link.txt' } },
        { name: 'tail', input: { path: join(outside, 'secret.txt') } },
      ]),
    );
    const run = await runCli(['run', file], { cwd: directory, env: env() });
    expect(run.code, run.stderr).toBe(0);
    const offered = sentToModel(0);
    for (const name of ['grep', 'head', 'tail', 'search']) expect(offered).toContain(`"name":"${name}"`);
    const answers = sentToModel(1);
    expect(answers).toContain('First 2 line(s) from README.md');
    expect(answers).toContain('   2 | line two');
    expect(answers).toContain("'..' is not allowed in paths");
    expect(answers).toContain('link.txt leads outside the working directory');
    expect(answers).toContain('Absolute paths are not allowed');
    expect(answers).not.toContain('TOP-SECRET value');
  });
});

describe('python_exec through the CLI', () => {
  it('is refused without --allow-code-exec, and the model reads why', async () => {
    const { directory, file } = await workspace(['python_exec']);
    model.enqueue(reply.toolCalls([{ name: 'python_exec', input: { code: 'print(6 * 7)' } }]));
    const run = await runCli(['run', file], { cwd: directory, env: env() });
    expect(run.code).toBe(0);
    expect(sentToModel(1)).toContain('python_exec is disabled');
    expect(sentToModel(1)).toContain('--allow-code-exec');
    expect(sentToModel(1)).not.toContain('42');
  });

  it('with --allow-code-exec returns what the code prints, and kills a loop at its timeout', async () => {
    const { directory, file } = await workspace(['python_exec']);
    model.enqueue(
      reply.toolCalls([
        { name: 'python_exec', input: { code: 'import math\nprint(math.factorial(15))' } },
        { name: 'python_exec', input: { code: 'while True:\n    pass', timeout: 1 } },
      ]),
    );
    const run = await runCli(['run', file, '--allow-code-exec'], { cwd: directory, env: env() });
    expect(run.code, run.stderr).toBe(0);
    const answers = sentToModel(1);
    expect(answers).toContain('1307674368000');
    expect(answers).toContain('ran past its 1 s time limit and was killed');
  });

  it('is not run again when a recorded run is replayed', async () => {
    const { directory, file } = await workspace(['python_exec']);
    const marker = join(directory, 'runs.txt');
    // The code appends to a file outside its own folder: the count of lines is the count of real runs.
    const code = `with open(${JSON.stringify(marker)}, "a") as f:\n    f.write("ran\\n")\nprint("appended")`;
    model.enqueue(reply.toolCalls([{ name: 'python_exec', input: { code } }]));
    const cassette = join(directory, 'tools.cassette.json');
    const recorded = await runCli(['run', file, '--allow-code-exec', '--record', cassette], {
      cwd: directory,
      env: env(),
    });
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(await readFile(marker, 'utf8')).toBe('ran\n');
    const replayed = await runCli(['run', file, '--allow-code-exec', '--replay', cassette], {
      cwd: directory,
    });
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(recorded.stdout);
    expect(await readFile(marker, 'utf8')).toBe('ran\n');
  });
});
